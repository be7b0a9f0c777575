"""Editor commands: thin handlers that parse, call a db.editing service and format.

Rights are checked twice: here (so a stranger gets a short refusal before any
parsing) and again inside every service's transaction. Only a real user account
counts: anonymous group admins and messages sent on behalf of a channel are
never trusted, and ids, never usernames, decide.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from functools import wraps
from typing import Any

from telegram import (
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationHandlerStop, ContextTypes

from bot.args import ArgumentError, ParsedArgs, parse_arg_string, parse_args, split_command_text
from bot.engine import Reply
from bot.engine.numbers import money
from bot.handlers.common import (
    DATABASE_DOWN,
    engine_or_apology,
    in_private_chat,
    private_only,
    runtime_of,
)
from bot.markup import Html, bold, escape, fmt
from bot.outgoing import build_messages, build_popup
from bot.replying import answer_update
from db import dialogues, editing
from db.editing import Actor, Change, EditingError, InvalidValue, NotAuthorized, NotFound
from db.models import Claim
from db.snapshot import ClaimView
from db.transfer import (
    MAX_DOCUMENT_BYTES,
    DocumentError,
    ImportMode,
    export_document,
    import_document,
    read_document,
)
from db.validation import ValidationError, country_name, parse_id

log = logging.getLogger(__name__)

PAGE_SIZE = 20
SUMMARY_LEN = 70
CAPTION_LIMIT = 1024
# The /import word that applies the editors listed in the file (the CLI: --with-editors).
WITH_EDITORS = "with-editors"

EDITOR_COMMANDS = (
    ("facts", "Editors: every active fact with its id"),
    ("addquota", "Editors: add a quota figure"),
    ("addfact", "Editors: add another claim"),
    ("addarticle", "Editors: add a report"),
    ("edit", "Editors: correct a fact"),
    ("retract", "Editors: withdraw a fact"),
    ("restore", "Editors: bring a retracted fact back"),
    ("history", "Editors: every change to a fact"),
    ("undo", "Editors: take back your last change"),
    ("articles", "Editors: reports with ids"),
    ("editarticle", "Editors: correct a report"),
    ("editsource", "Editors: correct a source"),
    ("alias", "Editors: teach the bot a word"),
    ("aliases", "Editors: the words taught"),
    ("admins", "Editors: owners and editors"),
    ("unanswered", "Editors: questions the bot could not answer"),
    ("stats", "Editors: questions, answers, subscribers"),
    ("cancel", "Editors: stop a guided dialogue"),
)
OWNER_COMMANDS = (
    ("grant", "Owners: make a user an editor"),
    ("revoke", "Owners: take editing rights away"),
    ("export", "Owners: the whole store as JSON"),
)

USAGE: dict[str, str] = {
    "facts": "/facts [word] [page=2] [all=yes]",
    "addquota": (
        "/addquota country=Russia place=Vladivostok sector=construction amount=50,000 "
        "currency=RUB [usd=590] [approx=yes] [period=month] [basis=person] "
        '[change=doubled|increased|none] [date="March 10"] [source="a source in Russia"] '
        "[article=2]"
    ),
    "addfact": (
        '/addfact topic=hours text="Workers must work longer hours." [quote="…"] '
        '[place=Sakhalin] [source="#1"] [article=1]'
    ),
    "addarticle": (
        '/addarticle outlet="Daily NK" title="…" caveat="Daily NK cannot verify this." '
        "[url=https://…] [reporter=…] [date=2026-03-10]"
    ),
    "edit": '/edit 12 amount=65,000 [more field=value …] [reason="…"] (clear a field with -)',
    "retract": "/retract 12 the source withdrew the figure",
    "restore": "/restore 12 [reason]",
    "history": "/history 12",
    "undo": "/undo",
    "articles": "/articles",
    "editarticle": '/editarticle 2 caveat="…" [title=… url=… reporter=… date=YYYY-MM-DD]',
    "editsource": '/editsource 3 name="a source in Dalian" [kind=anonymous told_to=… notes=…]',
    "alias": '/alias "fish factory" sector=seafood processing',
    "aliases": "/aliases",
    "grant": "/grant 123456789",
    "revoke": "/revoke 123456789",
    "admins": "/admins",
    "export": "/export (in a private chat)",
    "import": "send the JSON file with the caption /import or /import mode=replace "
    "(add with-editors to apply the file's editors too)",
}

FIELD_HELP = (
    "Fields: topic, text, quote, place, source, article; quota figures also: country, "
    "sector, amount, currency, usd, approx, period, basis, change, date."
)


# ----------------------------------------------------------------------------- plumbing


def actor_of(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Actor | None:
    """The trusted numeric id behind an update, or None for anonymous admins and channels."""
    user = update.effective_user
    message = update.effective_message
    if user is None or user.is_bot:
        return None
    if message is not None and message.sender_chat is not None:
        return None
    return Actor(user.id, runtime_of(context).settings.admin_user_ids)


async def say(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    lines: Sequence[str],
    *,
    markup: InlineKeyboardMarkup | None = None,
    article_ids: Sequence[int] = (),
) -> None:
    """Send editor-facing lines through the one sending path, with the caveat."""
    engine = await runtime_of(context).answer_engine()
    reply = Reply(lines=[escape(line) for line in lines], intents=["editor"])
    for article_id in article_ids:
        reply.cite(article_id)
    await answer_update(update, context, reply, engine.snapshot, markup=markup)


def refusal(what: str) -> str:
    return f"Only editors can {what}. Nothing was changed."


Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def editor_command(
    name: str, what: str, *, owners_only: bool = False, private_data: str | None = None
) -> Callable[..., Handler]:
    """Refuse strangers first, then turn parse and service errors into one clear message.

    ``private_data`` names what the answer shows (user ids...): then it is given only
    in private chats, and a group gets one line saying so."""

    def decorate(
        func: Callable[[Update, ContextTypes.DEFAULT_TYPE, Actor], Awaitable[None]],
    ) -> Handler:
        @wraps(func)
        async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            if update.effective_message is None:
                return
            actor = actor_of(update, context)
            if actor is None:
                await say(update, context, [
                    refusal(what),
                    "Anonymous admins and channels cannot edit: write from your own account.",
                ])  # fmt: skip
                return
            runtime = runtime_of(context)
            async with runtime.sessionmaker() as session:
                role = await editing.check_role(session, actor)
            if role is None or (owners_only and role != "owner"):
                who = "owners" if owners_only else "editors"
                await say(update, context, [f"Only {who} can {what}. Nothing was changed."])
                return
            if private_data is not None and not in_private_chat(update):
                await say(update, context, [private_only(f"/{name}", private_data)])
                return
            try:
                await func(update, context, actor)
            except (ArgumentError, ValidationError, InvalidValue) as error:
                await say(update, context, [f"⛔ {_message(error)}", f"Usage: {USAGE[name]}"])
            except NotAuthorized as error:
                await say(update, context, [error.message])
            except EditingError as error:
                await say(update, context, [f"⛔ {error.message}"])

        return handler

    return decorate


def _message(error: Exception) -> str:
    text = str(error)
    return text[:1].upper() + text[1:]


def _text_of(update: Update) -> str:
    message = update.effective_message
    return (message.text or message.caption or "") if message is not None else ""


def _parsed(update: Update, max_positional: int) -> ParsedArgs:
    """key=value arguments of the command message (the /command itself dropped)."""
    return parse_args(_text_of(update), max_positional=max_positional)


def _tokens(update: Update) -> list[str]:
    """The command's arguments split shell-style, for commands that take free words."""
    return split_command_text(_text_of(update))[1]


def _single_id(positional: list[str], name: str) -> int:
    if not positional:
        raise InvalidValue("the fact id is missing")
    return parse_id(positional[0])


def claim_place(claim: Claim | ClaimView) -> str:
    parts = [claim.place or ""]
    if claim.country:
        try:
            parts.append(country_name(claim.country))
        except ValidationError:
            parts.append(claim.country)
    label = ", ".join(p for p in parts if p)
    return label or claim.topic


def claim_summary(claim: Claim | ClaimView) -> str:
    if claim.kind == "quota" and claim.amount is not None and claim.currency:
        bits = [money(claim.amount, claim.currency)]
        if claim.period:
            bits.append(f"a {claim.period}")
        text = " ".join(bits)
        if claim.change and claim.change != "none":
            text += f", {claim.change}"
        if claim.sector:
            text += f" · {claim.sector}"
        return text
    statement = " ".join(claim.statement.split())
    if len(statement) > SUMMARY_LEN:
        statement = statement[: SUMMARY_LEN - 1] + "…"
    return statement


def claim_line(claim: Claim | ClaimView) -> str:
    line = f"#{claim.id} {claim_place(claim)} — {claim_summary(claim)}"
    if claim.status != "active":
        line += " (retracted)"
    return line


def _when(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _announce(context: ContextTypes.DEFAULT_TYPE, change: editing.Change | int | None) -> str:
    """Wakes the notice sender and says how many subscribed chats were queued."""
    notified = change.notified if isinstance(change, editing.Change) else change
    if not notified:
        return ""
    sender = context.bot_data.get("notice_sender")
    if sender is not None:
        sender.wake()
    chats = "chat" if notified == 1 else "chats"
    return f" 🔔 {notified} subscribed {chats} will be notified."


async def _show_claim(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    claim_id: int,
    heading: str,
    change: editing.Change | None = None,
) -> None:
    """Confirm a change by showing the claim as users will now see it."""
    engine = await runtime_of(context).answer_engine()
    claim = engine.snapshot.claim(claim_id)
    reply = Reply(intents=["editor"])
    reply.lines.append(escape(heading + _announce(context, change)))
    if claim is None:
        await answer_update(update, context, reply, engine.snapshot)
        return
    if claim.status != "active":
        reply.lines.append(engine.composer.retraction_line(claim, reply))
    elif claim.is_quota:
        reply.lines.append(Html("Users will now see:"))
        reply.lines.extend(engine.composer.quota_block(claim, reply))
    else:
        reply.lines.append(Html("Users will now see:"))
        reply.use(claim.id, claim.article_id)
        reply.lines.append(engine.composer.claim_line(claim))
    await answer_update(update, context, reply, engine.snapshot)


TIMESTAMP_FIELDS = ("corrected_at", "updated_at", "retracted_at")


def _change_lines(change: Change) -> list[str]:
    shown = []
    for field_name, old, new in change.fields:
        if field_name in TIMESTAMP_FIELDS:
            continue
        shown.append(f"{field_name}: {_short(old)} → {_short(new)}")
    return shown


def _short(value: str | None, limit: int = 120) -> str:
    if value is None:
        return "(empty)"
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


# ----------------------------------------------------------------------------- listings


@editor_command("facts", "list the facts with ids")
async def facts(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    parsed = _parsed(update, 3)
    parsed.check_keys(("page", "all"))
    page = parse_id(parsed.options.get("page", "1"))
    show_all = "all" in parsed.options and parsed.options["all"].casefold() in ("yes", "y", "1")
    word = " ".join(parsed.positional) or None
    await _send_facts(update, context, actor, word, page, show_all)


async def _send_facts(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    actor: Actor,
    word: str | None,
    page: int,
    show_all: bool,
) -> None:
    async with runtime_of(context).sessionmaker() as session:
        claims = await editing.list_claims(session, actor, word, active_only=not show_all)
    pages = max(1, -(-len(claims) // PAGE_SIZE))
    page = min(page, pages)
    chosen = claims[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    title = "Active facts" if not show_all else "All facts"
    if word:
        title += f" matching “{word}”"
    lines = [f"{title} ({len(claims)}; page {page} of {pages}):"]
    lines += [claim_line(c) for c in chosen] or ["(none)"]
    markup = None
    if pages > 1:
        lines.append(f"More: /facts {word + ' ' if word else ''}page={min(page + 1, pages)}")
        buttons = []
        for target, label in ((page - 1, "◀ Previous"), (page + 1, "Next ▶")):
            if 1 <= target <= pages:
                data = f"fx:{target}:{int(show_all)}:{word or ''}"
                if len(data.encode()) <= 64:
                    buttons.append(InlineKeyboardButton(label, callback_data=data))
        markup = InlineKeyboardMarkup([buttons]) if buttons else None
    await say(update, context, lines, markup=markup)


@editor_command("articles", "list the articles")
async def articles(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    async with runtime_of(context).sessionmaker() as session:
        rows = await editing.list_articles(session, actor)
    lines = ["Articles (cite one with article=<id>):"]
    for a in rows:
        date = a.published_on.isoformat() if a.published_on else "no date"
        default = " [default]" if a.is_default else ""
        lines.append(f"#{a.id} {a.outlet} — {a.title} ({date}){default}")
        lines.append(f"    caveat: {a.caveat}")
    await say(update, context, lines)


async def sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Public "who says so"; editors also get the source ids in the same message."""
    engine = await engine_or_apology(update, context)
    if engine is None:
        return
    reply = engine.sources()
    actor = actor_of(update, context)
    if actor is not None:
        runtime = runtime_of(context)
        async with runtime.sessionmaker() as session:
            role = await editing.check_role(session, actor)
            rows = await editing.list_sources(session, actor) if role else []
        if rows:
            reply.lines.append(Html(""))
            reply.lines.append(bold("Source ids (for editors: source=#id):"))
            for s in rows:
                told = f", told {s.told_to}" if s.told_to else ""
                reply.lines.append(
                    fmt("#{} {} ({}{}; article #{})", s.id, s.name, s.kind, told, s.article_id)
                )
    await answer_update(update, context, reply, engine.snapshot)


@editor_command("aliases", "list the aliases")
async def aliases(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    async with runtime_of(context).sessionmaker() as session:
        rows = await editing.list_aliases(session, actor)
    lines = ["Words the bot has been taught:"]
    lines += [f"“{a.term}” → {a.kind} {a.value}" for a in rows] or ["(none yet)"]
    await say(update, context, lines)


@editor_command("history", "see the history", private_data="editors' user ids")
async def history(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    parsed = _parsed(update, 1)
    parsed.check_keys(())
    claim_id = _single_id(parsed.positional, "history")
    async with runtime_of(context).sessionmaker() as session:
        rows = await editing.history(session, actor, claim_id)
    lines = [f"History of #{claim_id}, oldest first:"]
    for row in rows:
        if row.field in TIMESTAMP_FIELDS:
            continue  # each row has its own time already
        who = f"user {row.editor_id}" if row.editor_id else "seed"
        undone = " [undone]" if row.undone else ""
        reason = f" — reason: {row.reason}" if row.reason else ""
        if row.field is None:
            what = f"{row.action}: {_short(row.new_value)}"
        else:
            what = f"{row.action} {row.field}: {_short(row.old_value)} → {_short(row.new_value)}"
        lines.append(f"{_when(row.created_at)} · {who} · {what}{reason}{undone}")
    await say(update, context, lines)


@editor_command("admins", "list the editors", private_data="user ids")
async def admins(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    async with runtime_of(context).sessionmaker() as session:
        rows = await editing.list_editors(session, actor)
    owners = sorted(actor.owners)
    lines = ["Owners (ADMIN_USER_IDS): " + (", ".join(map(str, owners)) or "none")]
    lines.append("Editors:")
    lines += [
        f"{e.user_id} (granted by {e.granted_by} on {_when(e.granted_at)})" for e in rows
    ] or ["(none)"]
    await say(update, context, lines)


# ----------------------------------------------------------------------------- changes


@editor_command("addquota", "add quota figures")
async def addquota(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    if not _tokens(update) and _is_private(update):
        await start_dialogue(update, context, actor, "addquota")
        return
    parsed = _parsed(update, 0)
    async with runtime_of(context).sessionmaker() as session:
        change = await editing.add_quota(session, actor, parsed.options)
    await _show_claim(
        update, context, change.entity_id, f"✅ Added quota #{change.entity_id}.", change
    )


@editor_command("addfact", "add facts")
async def addfact(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    parsed = _parsed(update, 0)
    async with runtime_of(context).sessionmaker() as session:
        change = await editing.add_fact(session, actor, parsed.options)
    await _show_claim(
        update, context, change.entity_id, f"✅ Added fact #{change.entity_id}.", change
    )


@editor_command("addarticle", "add articles")
async def addarticle(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    parsed = _parsed(update, 0)
    async with runtime_of(context).sessionmaker() as session:
        change = await editing.add_article(session, actor, parsed.options)
    await say(
        update,
        context,
        [f"✅ Added article #{change.entity_id}. Cite it with article={change.entity_id}."],
        article_ids=[change.entity_id],
    )


@editor_command("edit", "edit facts")
async def edit(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    if not _tokens(update) and _is_private(update):
        await start_dialogue(update, context, actor, "edit")
        return
    parsed = _parsed(update, 1)
    claim_id = _single_id(parsed.positional, "edit")
    reason = parsed.options.pop("reason", None)
    if not parsed.options:
        raise InvalidValue(f"say what to change: field=value. {FIELD_HELP}")
    async with runtime_of(context).sessionmaker() as session:
        change = await editing.edit_claim(session, actor, claim_id, parsed.options, reason=reason)
    heading = f"✅ Corrected #{claim_id}: " + "; ".join(_change_lines(change))
    await _show_claim(update, context, claim_id, heading, change)


@editor_command("retract", "retract facts")
async def retract(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    tokens = _tokens(update)
    if not tokens and _is_private(update):
        await start_dialogue(update, context, actor, "retract")
        return
    claim_id = _single_id(tokens, "retract")
    words = tokens[1:]
    if words and words[0].casefold().startswith("reason="):
        words[0] = words[0][len("reason=") :]
    reason = " ".join(words)
    if not reason.strip():
        raise InvalidValue("a reason is required after the id")
    async with runtime_of(context).sessionmaker() as session:
        change = await editing.retract(session, actor, claim_id, reason)
    await _show_claim(
        update, context, claim_id, f"✅ Retracted #{claim_id}. It stays in the store.", change
    )


@editor_command("restore", "restore facts")
async def restore(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    tokens = _tokens(update)
    claim_id = _single_id(tokens, "restore")
    async with runtime_of(context).sessionmaker() as session:
        change = await editing.restore(session, actor, claim_id, " ".join(tokens[1:]) or None)
    await _show_claim(update, context, claim_id, f"✅ Restored #{claim_id}.", change)


async def _edit_other(
    update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor, kind: str
) -> None:
    parsed = _parsed(update, 1)
    if not parsed.positional:
        raise InvalidValue(f"the {kind} id is missing")
    entity_id = parse_id(parsed.positional[0])
    reason = parsed.options.pop("reason", None)
    service = editing.edit_article if kind == "article" else editing.edit_source
    async with runtime_of(context).sessionmaker() as session:
        change = await service(session, actor, entity_id, parsed.options, reason)
    heading = f"✅ Corrected {kind} #{entity_id}:{_announce(context, change)}"
    await say(update, context, [heading, *_change_lines(change)])


@editor_command("editarticle", "edit articles")
async def editarticle(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    await _edit_other(update, context, actor, "article")


@editor_command("editsource", "edit sources")
async def editsource(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    await _edit_other(update, context, actor, "source")


@editor_command("undo", "undo changes")
async def undo(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    async with runtime_of(context).sessionmaker() as session:
        change = await editing.undo(session, actor)
    lines = [f"↩️ Undone your last change ({change.note} of {change.entity_type} "
             f"#{change.entity_id}):{_announce(context, change)}"]  # fmt: skip
    lines += _change_lines(change)
    await say(update, context, lines)


@editor_command("alias", "teach the bot words")
async def alias(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    tokens = _tokens(update)
    if len(tokens) < 2 or "=" not in tokens[1]:
        raise InvalidValue("give the word in quotes, then kind=name")
    term = tokens[0]
    kind, _, first = tokens[1].partition("=")
    # The name may run on unquoted: sector=seafood processing.
    value = " ".join([first, *tokens[2:]]).strip()
    if not value:
        raise InvalidValue(f'"{kind}=" has no value')
    async with runtime_of(context).sessionmaker() as session:
        change = await editing.add_alias(session, actor, term, kind.strip().lower(), value)
    term_shown = editing.normalize_term(term)
    lines = [f"✅ “{term_shown}” now means {kind.lower()} {change.fields[0][2]}."]
    if change.note:
        lines.append(f"Note: {change.note}")
    await say(update, context, lines)


# ----------------------------------------------------------------------------- owners


@editor_command("grant", "grant editing rights", owners_only=True, private_data="user ids")
async def grant(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    tokens = _tokens(update)
    if len(tokens) != 1:
        raise InvalidValue("give exactly one numeric user id")
    user_id = editing.parse_user_id(tokens[0])
    async with runtime_of(context).sessionmaker() as session:
        added = await editing.grant(session, actor, user_id)
    if added:
        await install_menu(context.application, user_id, "editor")
        await say(update, context, [f"✅ {user_id} is now an editor."])
    else:
        await say(update, context, [f"{user_id} already has editing rights. Nothing changed."])


@editor_command("revoke", "revoke editing rights", owners_only=True, private_data="user ids")
async def revoke(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    tokens = _tokens(update)
    if len(tokens) != 1:
        raise InvalidValue("give exactly one numeric user id")
    user_id = editing.parse_user_id(tokens[0])
    async with runtime_of(context).sessionmaker() as session:
        removed = await editing.revoke(session, actor, user_id)
    if removed:
        await install_menu(context.application, user_id, None)
        await say(update, context, [f"✅ {user_id} is no longer an editor."])
    else:
        await say(update, context, [f"{user_id} was not an editor. Nothing changed."])


@editor_command("export", "export the store", owners_only=True, private_data="editors' user ids")
async def export(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    chat = update.effective_chat
    assert chat is not None  # a private chat: the decorator checked
    async with runtime_of(context).sessionmaker() as session:
        document = await export_document(session)
    data = json.dumps(document, ensure_ascii=False, indent=2).encode()
    engine = await runtime_of(context).answer_engine()
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    caption = _caption(
        [f"The whole store, format {document['format']} v{document['version']}. "
         "Send it back with the caption /import to merge, /import mode=replace to replace "
         f"(add {WITH_EDITORS} to apply its editors too)."],
        engine.snapshot,
    )  # fmt: skip
    await context.bot.send_document(
        chat.id,
        document=data,
        filename=f"quota-facts-{stamp}.json",
        caption=caption,
        parse_mode=ParseMode.HTML,
    )


def _caption(lines: list[str], snapshot: Any) -> str:
    reply = Reply(lines=[escape(line) for line in lines])
    return build_messages(reply.lines, reply.caveats(snapshot), limit=CAPTION_LIMIT)[0]


@editor_command("import", "import the store", owners_only=True)
async def import_store(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    message = update.effective_message
    assert message is not None
    document = message.document
    if document is None:
        raise InvalidValue("attach the JSON file exported by /export")
    _, tokens = split_command_text(message.caption or "")
    parsed = parse_arg_string(" ".join(tokens), max_positional=1)
    parsed.check_keys(("mode",))
    mode = parsed.options.get("mode", "merge").casefold()
    if mode not in tuple(ImportMode):
        raise InvalidValue("mode must be merge or replace")
    if parsed.positional and parsed.positional[0].casefold() != WITH_EDITORS:
        word = parsed.positional[0][:20]
        raise InvalidValue(f'the only word /import takes is {WITH_EDITORS}, not "{word}"')
    with_editors = bool(parsed.positional)
    if document.file_size is not None and document.file_size > MAX_DOCUMENT_BYTES:
        raise InvalidValue(f"the file is larger than {MAX_DOCUMENT_BYTES:,} bytes")
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    try:
        # A 5 MB document takes a second or two to check: off the event loop.
        parsed_doc = await asyncio.to_thread(read_document, data)
        async with runtime_of(context).sessionmaker() as session:
            summary = await import_document(
                session, parsed_doc, mode=mode, editor_id=actor.user_id, with_editors=with_editors
            )
    except DocumentError as error:
        await say(update, context, ["⛔ Not imported, nothing changed:", *error.lines()])
        return
    for user_id in summary.editors_revoked:
        await install_menu(context.application, user_id, None)
    # The document may have brought editors: give them their menu.
    await install_menus(context.application)
    editor_lines = summary.editor_lines(f"/import {WITH_EDITORS}")
    announced = _announce(context, summary.notified)
    await say(update, context, [f"✅ Imported ({summary.describe()}).{announced}", *editor_lines])


# ----------------------------------------------------------------------------- menus


async def install_menu(application: Application, user_id: int, role: str | None) -> None:
    """Editor commands appear in the menu of editors' and owners' private chats only."""
    from bot.app import PUBLIC_COMMANDS

    scope = BotCommandScopeChat(user_id)
    try:
        if role is None:
            await application.bot.delete_my_commands(scope=scope)
            return
        commands = list(PUBLIC_COMMANDS) + list(EDITOR_COMMANDS)
        if role == "owner":
            commands += list(OWNER_COMMANDS)
        await application.bot.set_my_commands([BotCommand(n, d) for n, d in commands], scope=scope)
    except TelegramError as error:
        # Someone who never opened a chat with the bot has no chat to scope to yet.
        log.info("Could not set the command menu for %s: %s", user_id, error)


async def install_menus(application: Application) -> None:
    runtime = application.bot_data["runtime"]
    async with runtime.sessionmaker() as session:
        editor_ids = await editing.editor_ids(session)
    for owner in sorted(runtime.settings.admin_user_ids):
        await install_menu(application, owner, "owner")
    for user_id in editor_ids:
        if user_id not in runtime.settings.admin_user_ids:
            await install_menu(application, user_id, "editor")


# ----------------------------------------------------------------------------- dialogues


def _is_private(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type == ChatType.PRIVATE


QUOTA_STEPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("country", "Which country? (name or ISO code, e.g. Russia or RU)", ()),
    ("place", "Which place? (e.g. Vladivostok)", ()),
    ("sector", "Which sector? (e.g. construction)", ("skip",)),
    ("amount", "The amount as reported (before any doubling), e.g. 62,000", ()),
    ("currency", "Which currency? Tap one or send an ISO 4217 code.", ("RUB", "CNY", "USD")),
    ("usd", "The dollar figure, if the report gives one (e.g. 730)", ("skip",)),
    ("change", "What happened to the quota?", ("doubled", "increased", "none")),
)


def _button(token: str, label: str, action: str, arg: str = "") -> InlineKeyboardButton:
    data = f"dg:{token}:{action}:{arg}"
    return InlineKeyboardButton(label, callback_data=data.encode()[:64].decode(errors="ignore"))


def _cancel_row(token: str) -> list[InlineKeyboardButton]:
    return [_button(token, "✖ Cancel", "x")]


async def start_dialogue(
    update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor, kind: str
) -> None:
    chat = update.effective_chat
    assert chat is not None
    runtime = runtime_of(context)
    if kind == "addquota":
        async with runtime.sessionmaker() as session:
            state = await dialogues.start(
                session, chat.id, actor.user_id, kind, {"step": "country", "values": {}}
            )
        await _ask_quota_step(update, context, state)
        return
    async with runtime.sessionmaker() as session:
        state = await dialogues.start(session, chat.id, actor.user_id, kind, {"step": "fact"})
    await _ask_fact(update, context, actor, state, kind, page=1)


async def _ask_fact(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    actor: Actor,
    state: dict[str, Any],
    kind: str,
    *,
    page: int,
) -> None:
    token = state["token"]
    async with runtime_of(context).sessionmaker() as session:
        claims = await editing.list_claims(session, actor)
    per_page = 8
    pages = max(1, -(-len(claims) // per_page))
    page = min(max(page, 1), pages)
    chosen = claims[(page - 1) * per_page : page * per_page]
    rows = [[_button(token, claim_line(c)[:40], "f", str(c.id))] for c in chosen]
    nav = []
    if page > 1:
        nav.append(_button(token, "◀", "p", str(page - 1)))
    if page < pages:
        nav.append(_button(token, "▶", "p", str(page + 1)))
    if nav:
        rows.append(nav)
    rows.append(_cancel_row(token))
    verb = "correct" if kind == "edit" else "retract"
    await say(
        update,
        context,
        [f"Which fact do you want to {verb}? Tap it, or send its id."],
        markup=InlineKeyboardMarkup(rows),
    )


async def _ask_quota_step(
    update: Update, context: ContextTypes.DEFAULT_TYPE, state: dict[str, Any]
) -> None:
    token = state["token"]
    step = state["step"]
    if step == "confirm":
        values = state["values"]
        lines = ["Add this quota figure?"] + [f"{k}: {v}" for k, v in values.items()]
        markup = InlineKeyboardMarkup(
            [[_button(token, "✅ Add it", "y"), _button(token, "✖ Cancel", "x")]]
        )
        await say(update, context, lines, markup=markup)
        return
    prompt, choices = next((p, c) for key, p, c in QUOTA_STEPS if key == step)
    buttons = [_button(token, choice, "v", choice) for choice in choices]
    markup = InlineKeyboardMarkup(
        [buttons, _cancel_row(token)] if buttons else [_cancel_row(token)]
    )
    await say(update, context, [prompt], markup=markup)


async def _dialogue_input(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    actor: Actor,
    kind: str,
    state: dict[str, Any],
    value: str,
) -> None:
    """One answer (typed text or a tapped value) to the dialogue's current step."""
    chat = update.effective_chat
    assert chat is not None
    runtime = runtime_of(context)
    token = state["token"]
    step = state.get("step")

    async def advance(changes: dict[str, Any]) -> dict[str, Any] | None:
        async with runtime.sessionmaker() as session:
            new_state = await dialogues.advance(session, chat.id, actor.user_id, token, changes)
        if new_state is None:
            await say(update, context, ["This dialogue has ended. Start again with /" + kind])
        return new_state

    async def finish() -> None:
        async with runtime.sessionmaker() as session:
            await dialogues.finish(session, chat.id, actor.user_id, token)

    if step == "fact":
        claim_id = parse_id(value)
        async with runtime.sessionmaker() as session:
            claim = await editing.get_claim(session, actor, claim_id)
        if kind == "edit":
            new_state = await advance({"step": "field", "claim_id": claim_id,
                                       "version": claim.version})  # fmt: skip
            if new_state is None:
                return
            names = [n for n, spec in editing.CLAIM_FIELDS.items()
                     if claim.kind == "quota" or not spec.quota_only]  # fmt: skip
            rows = [[_button(token, n, "k", n) for n in names[i : i + 4]]
                    for i in range(0, len(names), 4)]  # fmt: skip
            rows.append(_cancel_row(token))
            await say(update, context, [claim_line(claim), "Which field?"],
                      markup=InlineKeyboardMarkup(rows))  # fmt: skip
            return
        if claim.status != "active":
            raise InvalidValue(f"#{claim_id} is already retracted")
        if await advance({"step": "reason", "claim_id": claim_id, "version": claim.version}):
            await say(update, context, [claim_line(claim), "Why is it retracted? Send the reason."],
                      markup=InlineKeyboardMarkup([_cancel_row(token)]))  # fmt: skip
        return
    if step == "field":
        spec = editing.CLAIM_FIELDS.get(value)
        if spec is None:
            raise InvalidValue(f"unknown field. {FIELD_HELP}")
        async with runtime.sessionmaker() as session:
            claim = await editing.get_claim(session, actor, int(state["claim_id"]))
        if await advance({"step": "value", "field": value}):
            current = editing.as_text(getattr(claim, spec.attr))
            choices = {"change": editing.CHANGES, "approx": ("yes", "no"),
                       "period": editing.PERIODS}.get(value, ())  # fmt: skip
            rows = [[_button(token, c, "v", c) for c in choices]] if choices else []
            rows.append(_cancel_row(token))
            clear = " (or - to clear it)" if spec.optional else ""
            await say(update, context, [f"#{claim.id} {value} is now: {_short(current)}",
                                        f"Send the new value{clear}."],
                      markup=InlineKeyboardMarkup(rows))  # fmt: skip
        return
    if step == "value":
        claim_id = int(state["claim_id"])
        async with runtime.sessionmaker() as session:
            change = await editing.edit_claim(
                session, actor, claim_id, {str(state["field"]): value},
                expected_version=int(state["version"]),
            )  # fmt: skip
        await finish()
        heading = f"✅ Corrected #{claim_id}: " + "; ".join(_change_lines(change))
        await _show_claim(update, context, claim_id, heading, change)
        return
    if step == "reason":
        reason = editing.clean_reason(value, required=True)
        if await advance({"step": "confirm", "reason": reason}):
            markup = InlineKeyboardMarkup(
                [[_button(token, "Yes, retract it", "y"), _button(token, "✖ Cancel", "x")]]
            )
            await say(update, context, [f"Retract #{state['claim_id']}? Reason: {reason}"],
                      markup=markup)  # fmt: skip
        return
    if kind == "addquota" and step in {key for key, _, _ in QUOTA_STEPS}:
        values = dict(state.get("values", {}))
        if value != "skip" or step not in ("sector", "usd"):
            spec = editing.CLAIM_FIELDS[str(step)]
            try:
                spec.parse(value, str(step))
            except ValidationError as error:
                raise InvalidValue(error.message) from None
            values[str(step)] = value
        keys = [key for key, _, _ in QUOTA_STEPS]
        index = keys.index(str(step))
        next_step = keys[index + 1] if index + 1 < len(keys) else "confirm"
        new_state = await advance({"step": next_step, "values": values})
        if new_state is not None:
            await _ask_quota_step(update, context, new_state)
        return
    raise InvalidValue("tap one of the buttons above, or /cancel")


async def dialogue_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Typed answers to a waiting dialogue (runs before the question handlers).

    With no dialogue waiting it does nothing, so the message is answered as a question.
    """
    chat = update.effective_chat
    message = update.effective_message
    actor = actor_of(update, context)
    if chat is None or message is None or actor is None or not message.text:
        return
    runtime = runtime_of(context)
    try:
        # Only owners and editors have dialogues: everyone else costs no query here
        # beyond the revision read (which the answer needs anyway).
        snapshot = (await runtime.answer_engine()).snapshot
        if not actor.is_owner and actor.user_id not in snapshot.editor_ids:
            return
        async with runtime.sessionmaker() as session:
            dialogue = await dialogues.load(session, chat.id, actor.user_id)
    except DATABASE_DOWN:
        return  # the question handler that runs next apologises once
    if dialogue is None:
        return
    state = dict(dialogue.state)
    try:
        await _dialogue_input(update, context, actor, dialogue.kind, state, message.text.strip())
    except (ValidationError, InvalidValue, ArgumentError, NotFound) as error:
        await say(update, context, [f"⛔ {_message(error)}", "Send it again, or /cancel."])
    except EditingError as error:
        async with runtime.sessionmaker() as session:
            await dialogues.finish(session, chat.id, actor.user_id)
        await say(update, context, [f"⛔ {error.message}"])
    raise ApplicationHandlerStop


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat = update.effective_chat
    actor = actor_of(update, context)
    if chat is None or actor is None:
        return
    async with runtime_of(context).sessionmaker() as session:
        ended = await dialogues.finish(session, chat.id, actor.user_id)
    await say(
        update, context, ["Cancelled. Nothing was changed." if ended else "Nothing to cancel."]
    )


async def on_callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Buttons of /facts pages and of dialogues. The data is untrusted: check everything."""
    query = update.callback_query
    if query is None:
        return
    data = query.data or ""
    actor = actor_of(update, context)
    chat = update.effective_chat
    runtime = runtime_of(context)
    role = None
    if actor is not None:
        async with runtime.sessionmaker() as session:
            role = await editing.check_role(session, actor)
    if actor is None or role is None or chat is None:
        await query.answer(build_popup("Only editors can use these buttons."), show_alert=True)
        return
    parts = data.split(":")
    if parts[0] == "fx" and len(parts) >= 4 and parts[1].isdigit() and parts[2] in ("0", "1"):
        await query.answer()
        word = ":".join(parts[3:]) or None
        try:
            await _send_facts(update, context, actor, word, parse_id(parts[1]), parts[2] == "1")
        except (ValidationError, EditingError) as error:
            await say(update, context, [f"⛔ {_message(error)}"])
        return
    dialogue = None
    if parts[0] == "dg" and len(parts) == 4:
        async with runtime.sessionmaker() as session:
            dialogue = await dialogues.load(session, chat.id, actor.user_id)
    if dialogue is None or dialogue.state.get("token") != parts[1]:
        # Forged, stale or from a dialogue that has ended or restarted.
        await query.answer(
            build_popup("This button has expired. Start again with the command."),
            show_alert=True,
        )
        return
    await query.answer()
    _, _, action, arg = parts
    try:
        state = dict(dialogue.state)
        await _dialogue_button(update, context, actor, dialogue.kind, state, action, arg)
    except (ValidationError, InvalidValue, ArgumentError) as error:
        await say(update, context, [f"⛔ {_message(error)}"])
    except EditingError as error:
        async with runtime.sessionmaker() as session:
            await dialogues.finish(session, chat.id, actor.user_id)
        await say(update, context, [f"⛔ {error.message}"])


async def _dialogue_button(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    actor: Actor,
    kind: str,
    state: dict[str, Any],
    action: str,
    arg: str,
) -> None:
    chat = update.effective_chat
    assert chat is not None
    runtime = runtime_of(context)
    token = state["token"]
    if action == "x":
        async with runtime.sessionmaker() as session:
            await dialogues.finish(session, chat.id, actor.user_id, token)
        await say(update, context, ["Cancelled. Nothing was changed."])
        return
    if action == "p" and state.get("step") == "fact":
        await _ask_fact(update, context, actor, state, kind, page=parse_id(arg))
        return
    if action == "f" and state.get("step") == "fact":
        await _dialogue_input(update, context, actor, kind, state, arg)
        return
    if action == "k" and state.get("step") == "field":
        await _dialogue_input(update, context, actor, kind, state, arg)
        return
    if action == "v" and state.get("step") not in (None, "fact", "field", "confirm", "reason"):
        await _dialogue_input(update, context, actor, kind, state, arg)
        return
    if action == "y" and state.get("step") == "confirm":
        async with runtime.sessionmaker() as session:
            if not await dialogues.finish(session, chat.id, actor.user_id, token):
                await say(update, context, ["This dialogue has already ended."])
                return
        async with runtime.sessionmaker() as session:
            if kind == "retract":
                claim_id = int(state["claim_id"])
                change = await editing.retract(session, actor, claim_id, str(state["reason"]),
                                               expected_version=int(state["version"]))  # fmt: skip
                heading = f"✅ Retracted #{claim_id}. It stays in the store."
            else:
                change = await editing.add_quota(session, actor, dict(state["values"]))
                claim_id = change.entity_id
                heading = f"✅ Added quota #{claim_id}."
        await _show_claim(update, context, claim_id, heading, change)
        return
    raise InvalidValue("that button does not fit this step; follow the latest message")
