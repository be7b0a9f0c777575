"""Owners' commands: editing rights, and the whole store out (/export) and in (/import)."""

from __future__ import annotations

import datetime as dt
import json

from telegram import Update
from telegram.ext import ContextTypes

from bot.args import parse_arg_string, split_command_text
from bot.botdata import bot_data
from bot.engine import Reply
from bot.engine.wording import N_, _, ngettext
from bot.handlers.changes import tokens_of
from bot.handlers.common import runtime_of, services_of
from bot.handlers.editor_text import announce
from bot.handlers.gate import current_language, say
from bot.markup import escape
from bot.sending.messages import build_messages
from bot.sending.send import send_file
from db.editing import Actor, InvalidValue, parse_user_id
from db.kinds import Language, Role
from db.snapshot import Snapshot
from db.transfer import MAX_DOCUMENT_BYTES, DocumentError, ImportMode, ImportSummary

CAPTION_LIMIT = 1024
# The /import word that applies the editors listed in the file (the CLI: --with-editors).
WITH_EDITORS = "with-editors"


def _one_user_id(update: Update) -> int:
    tokens = tokens_of(update)
    if len(tokens) != 1:
        raise InvalidValue(N_("give exactly one numeric user id"))
    return parse_user_id(tokens[0])


async def _install_menu(
    context: ContextTypes.DEFAULT_TYPE, user_id: int, role: Role | None
) -> None:
    menus = bot_data(context).menus
    if menus is not None:
        await menus.install(user_id, role)


async def grant(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    user_id = _one_user_id(update)
    if await services_of(context).editing.grant(actor, user_id):
        await _install_menu(context, user_id, Role.EDITOR)
        await say(
            update, context, ["✅ " + _("{user_id} is now an editor.").format(user_id=user_id)]
        )
    else:
        already = _("{user_id} already has editing rights. Nothing changed.")
        await say(update, context, [already.format(user_id=user_id)])


async def revoke(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    user_id = _one_user_id(update)
    if await services_of(context).editing.revoke(actor, user_id):
        await _install_menu(context, user_id, None)
        no_longer = _("{user_id} is no longer an editor.").format(user_id=user_id)
        await say(update, context, ["✅ " + no_longer])
    else:
        was_not = _("{user_id} was not an editor. Nothing changed.")
        await say(update, context, [was_not.format(user_id=user_id)])


async def export(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    chat = update.effective_chat
    assert chat is not None  # a private chat: the gate checked
    document = await services_of(context).transfer.export_store(actor)
    data = json.dumps(document, ensure_ascii=False, indent=2).encode()
    engine = await runtime_of(context).answer_engine()
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    whole = _(
        "The whole store, format {format} v{version}. "
        "Send it back with the caption /import to merge, /import mode=replace to replace "
        "(add {with_editors} to apply its editors too)."
    ).format(format=document["format"], version=document["version"], with_editors=WITH_EDITORS)
    caption = _caption([whole], engine.snapshot, current_language())
    await send_file(context.bot, chat.id, data, filename=f"quota-facts-{stamp}.json",
                    caption=caption)  # fmt: skip


def _caption(lines: list[str], snapshot: Snapshot, language: Language) -> str:
    reply = Reply(lines=[escape(line) for line in lines])
    caveats = reply.caveats(snapshot)
    return build_messages(reply.lines, caveats, limit=CAPTION_LIMIT, language=language)[0]


async def import_store(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    message = update.effective_message
    assert message is not None
    document = message.document
    if document is None:
        raise InvalidValue(N_("attach the JSON file exported by /export"))
    _command, tokens = split_command_text(message.caption or "")
    args = parse_arg_string(" ".join(tokens), max_positional=1)
    args.check_keys(("mode",))
    mode = args.options.get("mode", "merge").casefold()
    if mode not in tuple(ImportMode):
        raise InvalidValue(N_("mode must be merge or replace"))
    if args.positional and args.positional[0].casefold() != WITH_EDITORS:
        word = args.positional[0][:20]
        raise InvalidValue(
            N_('the only word /import takes is {with_editors}, not "{word}"'),
            with_editors=WITH_EDITORS,
            word=word,
        )
    with_editors = bool(args.positional)
    if document.file_size is not None and document.file_size > MAX_DOCUMENT_BYTES:
        raise InvalidValue(
            N_("the file is larger than {limit} bytes"), limit=f"{MAX_DOCUMENT_BYTES:,}"
        )
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    try:
        summary = await services_of(context).transfer.import_store(
            actor, data, mode=ImportMode(mode), with_editors=with_editors
        )
    except DocumentError as error:
        await say(update, context, ["⛔ " + _("Not imported, nothing changed:"), *error.lines()])
        return
    for user_id in summary.editors_revoked:
        await _install_menu(context, user_id, None)
    # The document may have brought editors: give them their menu.
    menus = bot_data(context).menus
    if menus is not None:
        await menus.install_all()
    editor_lines = _editor_lines(summary, f"/import {WITH_EDITORS}")
    announced = announce(context, summary.notified)
    imported = _("Imported ({summary}).").format(summary=_described(summary))
    await say(update, context, ["✅ " + imported + announced, *editor_lines])


def _described(summary: ImportSummary) -> str:
    """What an import did, in the owner's language (the command line: ``describe``)."""
    return _(
        "{mode}: {articles} articles, {sources} sources, {added} facts added, "
        "{updated} facts updated, {aliases} aliases"
    ).format(
        mode=summary.mode,
        articles=summary.articles,
        sources=summary.sources,
        added=summary.claims_created,
        updated=summary.claims_updated,
        aliases=summary.aliases,
    )


def _editor_lines(summary: ImportSummary, option: str) -> list[str]:
    """What an import did to editing rights, in the owner's language (``editor_lines``)."""
    if not summary.editors_applied:
        if not summary.editors_not_applied:
            return []
        count = len(summary.editors_not_applied)
        left = ngettext(
            "{count} editor grant in the file was not applied (use {option} to apply them): {ids}",
            "{count} editor grants in the file were not applied (use {option} to apply them): "
            "{ids}",
            count,
        )
        ids = ", ".join(map(str, summary.editors_not_applied))
        return [left.format(count=count, option=option, ids=ids)]
    lines = [_("Editor granted: {user_id}").format(user_id=u) for u in summary.editors_granted]
    lines += [_("Editor revoked: {user_id}").format(user_id=u) for u in summary.editors_revoked]
    return lines or [_("Editors: no change.")]
