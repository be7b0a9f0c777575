"""/ingest: an editor pastes a report (or sends it as a .txt file); the bot proposes the
article and each figure it found as a draft with buttons: accept, edit a field, skip.

Nothing is stored until a draft is accepted. The drafts live in the dialogue store
(bot/services/dialogues.py), so any replica can take the next tap; the dialogue's token
changes with every draft shown, so a button tapped twice (or on a second device) acts
once. Typed answers and taps reach here from bot/handlers/dialogues.py.
"""

from __future__ import annotations

import re
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.engine.ingest import Proposal, SourceDraft
from bot.engine.ingest.intake import MAX_REPORT_BYTES, ReportRefused, check_report, decode_report
from bot.engine.wording import N_, _, ngettext
from bot.handlers.common import DATABASE_DOWN, in_private_chat, services_of
from bot.handlers.editor_text import show_claim
from bot.handlers.gate import actor_of, editor_language, first_upper, say
from bot.handlers.ingest_text import (
    ARTICLE_EDITABLE,
    ARTICLE_REQUIRED,
    FIGURE_EDITABLE,
    article_lines,
    checked_value,
    figure_lines,
)
from bot.handlers.languages import editor_language_of
from bot.services.dialogue_flow import DIALOGUE_PREFIX, ButtonAction, DialogueKind, Step
from db.dialogues import new_token
from db.editing import Actor, EditingError, InvalidValue
from db.editing.fields import CLEAR
from db.validation import ValidationError

COMMAND = re.compile(r"^\s*/ingest(?:@\w+)?\b\s*", re.IGNORECASE)
PASTE_PROMPT = N_(
    "Paste the report's text here (or send it as a UTF-8 .txt file). "
    "I will propose the article and each figure I find; nothing is stored until you accept."
)
NOTHING_STORED = N_("Nothing was stored.")
# A tap on a draft's button after that draft was handled (or on a second device).
HANDLED = N_("that draft was already handled; follow the latest message")


def _button(token: str, label: str, action: ButtonAction, arg: str = "") -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=f"{DIALOGUE_PREFIX}:{token}:{action}:{arg}")


# ----- starting: the command, a pasted text, a .txt file --------------------------------


async def ingest(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    """/ingest [the report's text], or a .txt file with the caption /ingest: the gate let
    only editors, in private chats, here."""
    message = update.effective_message
    chat = update.effective_chat
    assert message is not None and chat is not None
    text = COMMAND.sub("", message.text or "", count=1)
    dialogues = services_of(context).dialogues
    state = await dialogues.start(chat.id, actor.user_id, DialogueKind.INGEST, {"step": Step.PASTE})
    if message.document is not None:
        await _read_file(update, context, actor, chat.id, state, message.document)
        return
    if not text.strip():
        await say(update, context, [_(PASTE_PROMPT), _("/cancel to stop.")])
        return
    await _read(update, context, actor, chat.id, state, text)


async def document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A file without the /ingest caption in a private chat: the report, if the editor's
    /ingest is waiting for it. Anything else is left to the other handlers."""
    message = update.effective_message
    chat = update.effective_chat
    actor = actor_of(update, context)
    if message is None or message.document is None or chat is None or actor is None:
        return
    if not in_private_chat(update) or COMMAND.match(message.caption or ""):
        return  # a captioned /ingest goes through the command's gate
    services = services_of(context)
    try:
        if await services.access.role(actor) is None:
            return
        dialogue = await services.dialogues.load(chat.id, actor.user_id)
    except DATABASE_DOWN:
        return
    if (
        dialogue is None
        or dialogue.kind != DialogueKind.INGEST
        or dialogue.state.get("step") != Step.PASTE
    ):
        return
    with editor_language(await editor_language_of(update, context)):
        await _read_file(update, context, actor, chat.id, dict(dialogue.state), message.document)
    raise ApplicationHandlerStop


async def _read_file(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    actor: Actor,
    chat_id: int,
    state: dict[str, Any],
    file: Any,
) -> None:
    try:
        text = await _file_text(file)
    except ReportRefused as refused:
        await services_of(context).dialogues.finish(chat_id, actor.user_id)
        await say(update, context, [f"⛔ {refused.message}", _(NOTHING_STORED)])
        return
    await _read(update, context, actor, chat_id, state, text)


async def _file_text(file: Any) -> str:
    name = (file.file_name or "").lower()
    if not name.endswith(".txt") and file.mime_type != "text/plain":
        raise ReportRefused(_("Send the report as a .txt file (plain text), or paste it."))
    if file.file_size is not None and file.file_size > MAX_REPORT_BYTES:
        raise ReportRefused(
            _("The file is larger than {limit} bytes: send the report's text only.").format(
                limit=f"{MAX_REPORT_BYTES:,}"
            )
        )
    telegram_file = await file.get_file()
    return decode_report(bytes(await telegram_file.download_as_bytearray()))


async def _read(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    actor: Actor,
    chat_id: int,
    state: dict[str, Any],
    text: str,
) -> None:
    """Read the text into drafts and show the first (the article)."""
    services = services_of(context)
    try:
        checked = check_report(text)
    except ReportRefused as refused:
        await services.dialogues.finish(chat_id, actor.user_id)
        await say(update, context, [f"⛔ {refused.message}", _(NOTHING_STORED)])
        return
    proposal = await services.ingest.read(actor, checked)
    if not proposal.figures:
        await services.dialogues.finish(chat_id, actor.user_id)
        await say(update, context, [
            _("I found no money figures in this text, so there is nothing to propose."),
            _("Nothing was stored. Add facts with /addfact, or check the text and /ingest again."),
        ])  # fmt: skip
        return
    changes = {"proposal": proposal.to_state(), "at": 0, "article_id": None,
               "stored": [], "skipped": 0}  # fmt: skip
    found = ngettext(
        "I read the report: the article and {figures} figure(s) ({sources} named source(s)).",
        "I read the report: the article and {figures} figure(s) ({sources} named source(s)).",
        len(proposal.figures),
    ).format(figures=len(proposal.figures), sources=len(proposal.sources))
    drafts = _(
        "Each comes as a draft: Accept stores it, Edit changes a field first, Skip leaves it out."
    )
    await say(update, context, [f"{found} {drafts}"])
    await _show(update, context, actor, chat_id, {**state, **changes}, changes)


# ----- showing a draft --------------------------------------------------------------------


async def _show(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    actor: Actor,
    chat_id: int,
    state: dict[str, Any],
    changes: dict[str, Any] | None = None,
) -> None:
    """Show the draft at ``state["at"]`` with fresh buttons (a new token: old ones expire),
    or the summary when every draft has been handled."""
    dialogues = services_of(context).dialogues
    proposal = Proposal.from_state(state["proposal"])
    at = int(state["at"])
    total = 1 + len(proposal.figures)
    if at >= total:
        await dialogues.finish(chat_id, actor.user_id, str(state["token"]))
        stored = [f"#{claim_id}" for claim_id in state.get("stored", [])]
        done = _("Done. Article #{article_id}; figures stored: {stored}; skipped: {skipped}.")
        line = done.format(
            article_id=state["article_id"],
            stored=", ".join(stored) or _("none"),
            skipped=state.get("skipped", 0),
        )
        await say(update, context, [line], article_ids=[int(state["article_id"])])
        return
    token = new_token()
    moved = await dialogues.advance(
        chat_id, actor.user_id, str(state["token"]),
        {**(changes or {}), "token": token, "step": Step.DRAFT},
    )  # fmt: skip
    if moved is None:
        await say(update, context, [_("This /ingest has ended. Start again with /ingest.")])
        return
    if at == 0:
        heading = _("Draft 1 of {total}: the article").format(total=total)
        lines = article_lines(proposal.article)
    else:
        heading = _("Draft {number} of {total}: a figure").format(number=at + 1, total=total)
        lines = figure_lines(proposal.figures[at - 1])
    markup = InlineKeyboardMarkup([
        [_button(token, "✅ " + _("Accept"), ButtonAction.ACCEPT, str(at)),
         _button(token, "✏ " + _("Edit"), ButtonAction.EDIT, str(at)),
         _button(token, "⏭ " + _("Skip"), ButtonAction.SKIP, str(at))],
        [_button(token, "✖ " + _("Cancel"), ButtonAction.CANCEL)],
    ])  # fmt: skip
    await say(update, context, [heading, *lines], markup=markup)


# ----- taps and typed answers (from bot/handlers/dialogues.py) ---------------------------


async def on_button(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    actor: Actor,
    chat_id: int,
    state: dict[str, Any],
    action: ButtonAction,
    arg: str,
) -> None:
    if action == ButtonAction.FIELD:
        await _ask_value(update, context, actor, chat_id, state, arg)
        return
    if arg != str(state.get("at")):
        raise InvalidValue(HANDLED)
    if action == ButtonAction.EDIT:
        await _ask_field(update, context, actor, chat_id, state)
    elif action == ButtonAction.SKIP:
        await _skip(update, context, actor, chat_id, state)
    elif action == ButtonAction.ACCEPT:
        await _accept(update, context, actor, chat_id, state)


async def on_text(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    actor: Actor,
    chat_id: int,
    state: dict[str, Any],
    text: str,
) -> None:
    step = state.get("step")
    if step == Step.PASTE:
        await _read(update, context, actor, chat_id, state, text)
    elif step == Step.DRAFT_VALUE:
        await _set_value(update, context, actor, chat_id, state, text)
    else:
        raise InvalidValue(N_("tap one of the buttons above, or /cancel"))


async def _ask_field(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    actor: Actor,
    chat_id: int,
    state: dict[str, Any],
) -> None:
    keys = ARTICLE_EDITABLE if int(state["at"]) == 0 else FIGURE_EDITABLE
    token = str(state["token"])
    moved = await services_of(context).dialogues.advance(
        chat_id, actor.user_id, token, {"step": Step.DRAFT_FIELD}
    )
    if moved is None:
        return
    rows = [[_button(token, key, ButtonAction.FIELD, key) for key in keys[i : i + 4]]
            for i in range(0, len(keys), 4)]  # fmt: skip
    rows.append([_button(token, "✖ " + _("Cancel"), ButtonAction.CANCEL)])
    await say(update, context, [_("Which field?")], markup=InlineKeyboardMarkup(rows))


async def _ask_value(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    actor: Actor,
    chat_id: int,
    state: dict[str, Any],
    key: str,
) -> None:
    figure = int(state["at"]) > 0
    if key not in (FIGURE_EDITABLE if figure else ARTICLE_EDITABLE):
        raise InvalidValue(N_("that field is not one of this draft's"))
    moved = await services_of(context).dialogues.advance(
        chat_id, actor.user_id, str(state["token"]), {"step": Step.DRAFT_VALUE, "field": key}
    )
    if moved is None:
        return
    proposal = Proposal.from_state(state["proposal"])
    if figure:
        draft = proposal.figures[int(state["at"]) - 1]
        now = draft.source.name if key == "source" else draft.fields.get(key)
    else:
        now = proposal.article.fields.get(key)
    await say(update, context, [
        _("{field} is now: {value}").format(field=key, value=now or "—"),
        _("Send the new {field} (or {clear} to clear it), or /cancel.").format(
            field=key, clear=CLEAR
        ),
    ])  # fmt: skip


async def _set_value(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    actor: Actor,
    chat_id: int,
    state: dict[str, Any],
    text: str,
) -> None:
    key = str(state["field"])
    at = int(state["at"])
    value = checked_value(key, text, figure=at > 0)
    proposal = Proposal.from_state(state["proposal"])
    if at == 0:
        fields, origin = proposal.article.fields, proposal.article.origin
    else:
        draft = proposal.figures[at - 1]
        fields, origin = draft.fields, draft.origin
        if key == "source":
            narration = SourceDraft.narration()
            named = (value or "").strip()
            draft.source = (
                narration
                if named.casefold() in (narration.name, "narration", "the article")
                else SourceDraft(named, "anonymous")
            )
    if key != "source":
        if value is None:
            fields.pop(key, None)
        else:
            fields[key] = value
        origin[key] = "editor"
    state = {**state, "proposal": proposal.to_state()}
    await _show(update, context, actor, chat_id, state, {"proposal": state["proposal"]})


async def _skip(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    actor: Actor,
    chat_id: int,
    state: dict[str, Any],
) -> None:
    services = services_of(context)
    at = int(state["at"])
    if at > 0:
        changes = {"at": at + 1, "skipped": int(state.get("skipped", 0)) + 1}
        skipped = _("Skipped draft {number}: nothing stored for it.").format(number=at + 1)
        await say(update, context, [skipped])
        await _show(update, context, actor, chat_id, {**state, **changes}, changes)
        return
    proposal = Proposal.from_state(state["proposal"])
    existing = await services.ingest.article_titled(actor, proposal.article.fields.get("title", ""))
    if existing is None:
        await services.dialogues.finish(chat_id, actor.user_id, str(state["token"]))
        await say(update, context, [
            _("Skipped the article. Without it the figures have no report to belong to, "
              "so /ingest has ended. Nothing was stored."),
        ])  # fmt: skip
        return
    await say(update, context, [
        _("Skipped: the store already has this report as article #{article_id}. "
          "Figures you accept go under it.").format(article_id=existing),
    ], article_ids=[existing])  # fmt: skip
    changes = {"at": 1, "article_id": existing}
    await _show(update, context, actor, chat_id, {**state, **changes}, changes)


async def _accept(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    actor: Actor,
    chat_id: int,
    state: dict[str, Any],
) -> None:
    services = services_of(context)
    at = int(state["at"])
    if at == 0:
        article = Proposal.from_state(state["proposal"]).article
        missing = [key for key in ARTICLE_REQUIRED if not article.fields.get(key)]
        if missing:
            raise InvalidValue(
                N_("the article needs {fields} first: tap Edit"), fields=", ".join(missing)
            )
    # Claim the draft first (a new token): a second tap of the same button finds none.
    claimed = new_token()
    moved = await services.dialogues.advance(
        chat_id, actor.user_id, str(state["token"]), {"token": claimed}
    )
    if moved is None:
        raise InvalidValue(HANDLED)
    state = {**moved}
    proposal = Proposal.from_state(state["proposal"])
    try:
        if at == 0:
            change = await services.ingest.store_article(actor, proposal.article)
            changes: dict[str, Any] = {"at": 1, "article_id": change.entity_id}
            stored_as = _("Stored the article as #{article_id}.").format(
                article_id=change.entity_id
            )
            await say(update, context, ["✅ " + stored_as], article_ids=[change.entity_id])
        else:
            figure = proposal.figures[at - 1]
            stored = await services.ingest.store_figure(actor, figure, int(state["article_id"]))
            claim_id = stored.change.entity_id
            heading = "✅ " + _("Stored draft {number} as quota #{claim_id}.").format(
                number=at + 1, claim_id=claim_id
            )
            if stored.kept_out:
                kept = _("Kept in the draft only (the store has no field for it yet): {fields}.")
                heading += " " + kept.format(fields="; ".join(stored.kept_out))
            await show_claim(update, context, claim_id, heading, stored.change)
            changes = {"at": at + 1, "stored": [*state.get("stored", []), claim_id]}
    except (InvalidValue, ValidationError, EditingError) as error:
        not_stored = _("Not stored: {reason}").format(reason=first_upper(error))
        await say(update, context, [f"⛔ {not_stored}",
                                    _("Tap Edit to fix the draft, or Skip.")])  # fmt: skip
        await _show(update, context, actor, chat_id, state)
        return
    await _show(update, context, actor, chat_id, {**state, **changes}, changes)
