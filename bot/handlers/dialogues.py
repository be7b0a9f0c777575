"""Guided editor dialogues over Telegram: ask each step, take typed text or a button.

The steps, prompts and transitions are the pure tables of bot/services/dialogue_flow.py;
the state lives in the database (bot/services/dialogues.py). Here: asking, looking
things up and calling the services, one small function a step.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.args import ArgumentError
from bot.engine.wording import _
from bot.handlers import ingest
from bot.handlers.common import DATABASE_DOWN, services_of, update_engine
from bot.handlers.editor_text import (
    FIELD_HELP,
    claim_line,
    edit_heading,
    short,
    show_claim,
)
from bot.handlers.gate import (
    actor_of,
    current_language,
    editor_language,
    first_upper,
    said,
    say,
)
from bot.handlers.ingest_text import cancelled
from bot.handlers.languages import editor_language_of, language_of
from bot.handlers.listings import FACTS_PAGE_PREFIX, send_facts
from bot.i18n import translator
from bot.sending.messages import build_popup
from bot.services.dialogue_flow import (
    DIALOGUE_PREFIX,
    FIELD_CHOICES,
    QUOTA_PROMPTS,
    ButtonAction,
    DialogueKind,
    Step,
    accept_quota_value,
    button_fits,
    first_step,
    next_step,
    step_of,
)
from db.editing import CLAIM_FIELDS, Actor, EditingError, InvalidValue, NotFound, as_text
from db.editing import clean_reason as checked_reason
from db.errors import N_, Text
from db.kinds import ClaimKind, ClaimStatus
from db.validation import ValidationError, parse_id

# A tap on a button of an earlier step, or a forged one.
NOT_THIS_STEP = N_("that button does not fit this step; follow the latest message")

FACTS_PER_PAGE = 8


@dataclass
class Turn:
    """One answer to a dialogue: who, where, which dialogue and its state."""

    update: Update
    context: ContextTypes.DEFAULT_TYPE
    actor: Actor
    chat_id: int
    kind: DialogueKind
    state: dict[str, Any]

    def after(self, step: Step, values: dict[str, str] | None = None) -> Step | None:
        """The next step, from the dialogue's step table (passing over those that do not
        apply to the answers so far)."""
        return next_step(self.kind, step, values)

    @property
    def token(self) -> str:
        return str(self.state["token"])

    async def say(self, lines: list[str], markup: InlineKeyboardMarkup | None = None) -> None:
        await say(self.update, self.context, lines, markup=markup)

    async def advance(self, changes: dict[str, Any]) -> dict[str, Any] | None:
        """The new state, or None (after saying so) when the dialogue has ended meanwhile."""
        dialogues = services_of(self.context).dialogues
        state = await dialogues.advance(self.chat_id, self.actor.user_id, self.token, changes)
        if state is None:
            ended = _("This dialogue has ended. Start again with /{command}")
            await self.say([ended.format(command=self.kind)])
        return state


def _button(token: str, label: str, action: ButtonAction, arg: str = "") -> InlineKeyboardButton:
    data = f"{DIALOGUE_PREFIX}:{token}:{action}:{arg}"
    return InlineKeyboardButton(label, callback_data=data.encode()[:64].decode(errors="ignore"))


def _cancel_row(token: str) -> list[InlineKeyboardButton]:
    return [_button(token, "✖ " + _("Cancel"), ButtonAction.CANCEL)]


# ----- asking -------------------------------------------------------------------------


async def start_dialogue(
    update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor, kind: DialogueKind
) -> None:
    chat = update.effective_chat
    assert chat is not None
    step = first_step(kind)
    initial: dict[str, Any] = {"step": step}
    if kind == DialogueKind.ADDQUOTA:
        initial["values"] = {}
    state = await services_of(context).dialogues.start(chat.id, actor.user_id, kind, initial)
    turn = Turn(update, context, actor, chat.id, kind, state)
    if kind == DialogueKind.ADDQUOTA:
        await _ask_quota_step(turn)
    else:
        await _ask_fact(turn, page=1)


async def _ask_fact(turn: Turn, *, page: int) -> None:
    token = turn.token
    claims = await services_of(turn.context).editing.claims(turn.actor)
    pages = max(1, -(-len(claims) // FACTS_PER_PAGE))
    page = min(max(page, 1), pages)
    chosen = claims[(page - 1) * FACTS_PER_PAGE : page * FACTS_PER_PAGE]
    rows = [[_button(token, claim_line(c)[:40], ButtonAction.FACT, str(c.id))] for c in chosen]
    nav = []
    if page > 1:
        nav.append(_button(token, "◀", ButtonAction.PAGE, str(page - 1)))
    if page < pages:
        nav.append(_button(token, "▶", ButtonAction.PAGE, str(page + 1)))
    if nav:
        rows.append(nav)
    rows.append(_cancel_row(token))
    which = (
        _("Which fact do you want to correct? Tap it, or send its id.")
        if turn.kind == DialogueKind.EDIT
        else _("Which fact do you want to retract? Tap it, or send its id.")
    )
    await turn.say([which], InlineKeyboardMarkup(rows))


async def _ask_quota_step(turn: Turn) -> None:
    token = turn.token
    step = Step(turn.state["step"])
    if step == Step.CONFIRM:
        values = turn.state["values"]
        lines = [_("Add this quota figure?")] + [f"{k}: {v}" for k, v in values.items()]
        markup = InlineKeyboardMarkup(
            [[_button(token, "✅ " + _("Add it"), ButtonAction.CONFIRM), *_cancel_row(token)]]
        )
        await turn.say(lines, markup)
        return
    prompt = QUOTA_PROMPTS[step]
    buttons = [_button(token, choice, ButtonAction.VALUE, choice) for choice in prompt.choices]
    rows = [buttons, _cancel_row(token)] if buttons else [_cancel_row(token)]
    await turn.say([_(prompt.text)], InlineKeyboardMarkup(rows))


# ----- answers, one function a step ----------------------------------------------------


async def _on_fact(turn: Turn, value: str) -> None:
    claim_id = parse_id(value)
    claim = await services_of(turn.context).editing.claim(turn.actor, claim_id)
    token = turn.token
    if turn.kind == DialogueKind.EDIT:
        if await turn.advance({"step": turn.after(Step.FACT), "claim_id": claim_id,
                               "version": claim.version}) is None:  # fmt: skip
            return
        names = [n for n, spec in CLAIM_FIELDS.items()
                 if claim.kind == ClaimKind.QUOTA or not spec.quota_only]  # fmt: skip
        rows = [[_button(token, n, ButtonAction.FIELD, n) for n in names[i : i + 4]]
                for i in range(0, len(names), 4)]  # fmt: skip
        rows.append(_cancel_row(token))
        await turn.say([claim_line(claim), _("Which field?")], InlineKeyboardMarkup(rows))
        return
    if claim.status != ClaimStatus.ACTIVE:
        raise InvalidValue(N_("#{claim_id} is already retracted"), claim_id=claim_id)
    following = turn.after(Step.FACT)
    if await turn.advance({"step": following, "claim_id": claim_id, "version": claim.version}):
        await turn.say([claim_line(claim), _("Why is it retracted? Send the reason.")],
                       InlineKeyboardMarkup([_cancel_row(token)]))  # fmt: skip


async def _on_field(turn: Turn, value: str) -> None:
    spec = CLAIM_FIELDS.get(value)
    if spec is None:
        raise InvalidValue(N_("unknown field. {fields}"), fields=Text(FIELD_HELP))
    claim = await services_of(turn.context).editing.claim(turn.actor, int(turn.state["claim_id"]))
    if await turn.advance({"step": turn.after(Step.FIELD), "field": value}):
        current = as_text(getattr(claim, spec.attr))
        choices = FIELD_CHOICES.get(value, ())
        rows = [[_button(turn.token, c, ButtonAction.VALUE, c) for c in choices]] if choices else []
        rows.append(_cancel_row(turn.token))
        now = _("#{claim_id} {field} is now: {value}").format(
            claim_id=claim.id, field=value, value=short(current)
        )
        ask = (
            _("Send the new value (or - to clear it).")
            if spec.optional
            else _("Send the new value.")
        )
        await turn.say([now, ask], InlineKeyboardMarkup(rows))


async def _on_value(turn: Turn, value: str) -> None:
    claim_id = int(turn.state["claim_id"])
    change = await services_of(turn.context).editing.edit_claim(
        turn.actor, claim_id, {str(turn.state["field"]): value},
        expected_version=int(turn.state["version"]),
    )  # fmt: skip
    await services_of(turn.context).dialogues.finish(turn.chat_id, turn.actor.user_id, turn.token)
    heading = edit_heading(claim_id, change)
    await show_claim(turn.update, turn.context, claim_id, heading, change)


async def _on_reason(turn: Turn, value: str) -> None:
    reason = checked_reason(value, required=True)
    if await turn.advance({"step": turn.after(Step.REASON), "reason": reason}):
        markup = InlineKeyboardMarkup(
            [[_button(turn.token, _("Yes, retract it"), ButtonAction.CONFIRM),
              *_cancel_row(turn.token)]]
        )  # fmt: skip
        question = _("Retract #{claim_id}? Reason: {reason}")
        await turn.say([question.format(claim_id=turn.state["claim_id"], reason=reason)], markup)


async def _on_quota_value(turn: Turn, step: Step, value: str) -> None:
    values = accept_quota_value(step, value, dict(turn.state.get("values", {})))
    new_state = await turn.advance({"step": turn.after(step, values), "values": values})
    if new_state is not None:
        turn.state = new_state
        await _ask_quota_step(turn)


STEP_ANSWERS: dict[Step, Callable[[Turn, str], Awaitable[None]]] = {
    Step.FACT: _on_fact,
    Step.FIELD: _on_field,
    Step.VALUE: _on_value,
    Step.REASON: _on_reason,
}


async def _answer(turn: Turn, value: str) -> None:
    """One answer (typed text or a tapped value) to the dialogue's current step."""
    if turn.kind == DialogueKind.INGEST:
        await ingest.on_text(turn.update, turn.context, turn.actor, turn.chat_id, turn.state, value)
        return
    step = step_of(turn.kind, turn.state.get("step"))
    if step in QUOTA_PROMPTS:
        await _on_quota_value(turn, step, value)
        return
    answer = STEP_ANSWERS.get(step) if step is not None else None
    if answer is None:
        raise InvalidValue(N_("tap one of the buttons above, or /cancel"))
    await answer(turn, value)


async def _confirm(turn: Turn) -> None:
    dialogues = services_of(turn.context).dialogues
    if not await dialogues.finish(turn.chat_id, turn.actor.user_id, turn.token):
        await turn.say([_("This dialogue has already ended.")])
        return
    editing = services_of(turn.context).editing
    if turn.kind == DialogueKind.RETRACT:
        claim_id = int(turn.state["claim_id"])
        change = await editing.retract(turn.actor, claim_id, str(turn.state["reason"]),
                                       expected_version=int(turn.state["version"]))  # fmt: skip
        heading = "✅ " + _("Retracted #{claim_id}. It stays in the store.").format(
            claim_id=claim_id
        )
    else:
        change = await editing.add_quota(turn.actor, dict(turn.state["values"]))
        claim_id = change.entity_id
        heading = "✅ " + _("Added quota #{claim_id}.").format(claim_id=claim_id)
    await show_claim(turn.update, turn.context, claim_id, heading, change)


async def _button_tapped(turn: Turn, action: ButtonAction, arg: str) -> None:
    if action == ButtonAction.CANCEL:
        await services_of(turn.context).dialogues.finish(
            turn.chat_id, turn.actor.user_id, turn.token
        )
        await turn.say([cancelled(turn.state)])
        return
    step = step_of(turn.kind, turn.state.get("step"))
    if not button_fits(action, step):
        raise InvalidValue(NOT_THIS_STEP)
    if turn.kind == DialogueKind.INGEST:
        await ingest.on_button(
            turn.update, turn.context, turn.actor, turn.chat_id, turn.state, action, arg
        )
        return
    if action == ButtonAction.PAGE:
        await _ask_fact(turn, page=parse_id(arg))
    elif action == ButtonAction.CONFIRM:
        await _confirm(turn)
    else:
        await _answer(turn, arg)


# ----- Telegram entry points ----------------------------------------------------------


async def dialogue_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Typed answers to a waiting dialogue (runs before the question handlers).

    With no dialogue waiting it does nothing, so the message is answered as a question.
    """
    chat = update.effective_chat
    message = update.effective_message
    actor = actor_of(update, context)
    if chat is None or message is None or actor is None or not message.text:
        return
    services = services_of(context)
    try:
        # Only owners and editors have dialogues: everyone else costs no query here
        # beyond the revision read, which the answer then shares (update_engine).
        if services.access.role_in(actor, (await update_engine(context)).snapshot) is None:
            return
        dialogue = await services.dialogues.load(chat.id, actor.user_id)
    except DATABASE_DOWN:
        return  # the question handler that runs next apologises once
    if dialogue is None:
        return
    turn = Turn(update, context, actor, chat.id, DialogueKind(dialogue.kind), dict(dialogue.state))
    with editor_language(await editor_language_of(update, context)):
        try:
            await _answer(turn, message.text.strip())
        except (ValidationError, InvalidValue, ArgumentError, NotFound) as error:
            again = _("Send it again, or /cancel.")
            await say(update, context, [f"⛔ {first_upper(error)}", again])
        except EditingError as error:
            await services.dialogues.finish(chat.id, actor.user_id)
            await say(update, context, [f"⛔ {said(error)}"])
    raise ApplicationHandlerStop


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat = update.effective_chat
    actor = actor_of(update, context)
    if chat is None or actor is None:
        return
    dialogues = services_of(context).dialogues
    dialogue = await dialogues.load(chat.id, actor.user_id)
    ended = await dialogues.finish(chat.id, actor.user_id)
    state = dict(dialogue.state) if dialogue is not None else {}
    with editor_language(await editor_language_of(update, context)):
        await say(update, context, [cancelled(state) if ended else _("Nothing to cancel.")])


async def on_callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Buttons of /facts pages and of dialogues. The data is untrusted: check everything."""
    query = update.callback_query
    if query is None:
        return
    data = query.data or ""
    actor = actor_of(update, context)
    chat = update.effective_chat
    services = services_of(context)
    role = await services.access.role(actor) if actor is not None else None
    if actor is None or role is None or chat is None:
        # A stranger's pop-up: in their language (editors' own texts stay English).
        language = await language_of(update, context)
        only = translator(language).gettext("Only editors can use these buttons.")
        await query.answer(build_popup(only, language), show_alert=True)
        return
    with editor_language(await editor_language_of(update, context)):
        await _editor_tapped(update, context, actor, chat.id, data)


async def _editor_tapped(
    update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor, chat_id: int, data: str
) -> None:
    """An editor's tap on a /facts page or a dialogue button, in the editor's language."""
    query = update.callback_query
    assert query is not None
    services = services_of(context)
    parts = data.split(":")
    if (
        parts[0] == FACTS_PAGE_PREFIX
        and len(parts) >= 4
        and parts[1].isdigit()
        and parts[2] in ("0", "1")
    ):
        await query.answer()
        word = ":".join(parts[3:]) or None
        try:
            await send_facts(update, context, actor, word, parse_id(parts[1]), parts[2] == "1")
        except (ValidationError, EditingError) as error:
            await say(update, context, [f"⛔ {first_upper(error)}"])
        return
    dialogue = None
    if parts[0] == DIALOGUE_PREFIX and len(parts) == 4:
        dialogue = await services.dialogues.load(chat_id, actor.user_id)
    if dialogue is None or dialogue.state.get("token") != parts[1]:
        # Forged, stale or from a dialogue that has ended or restarted.
        expired = _("This button has expired. Start again with the command.")
        await query.answer(build_popup(expired, current_language()), show_alert=True)
        return
    await query.answer()
    action, arg = parts[2], parts[3]
    turn = Turn(update, context, actor, chat_id, DialogueKind(dialogue.kind), dict(dialogue.state))
    try:
        try:
            tapped = ButtonAction(action)
        except ValueError:
            raise InvalidValue(NOT_THIS_STEP) from None
        await _button_tapped(turn, tapped, arg)
    except (ValidationError, InvalidValue, ArgumentError) as error:
        await say(update, context, [f"⛔ {first_upper(error)}"])
    except EditingError as error:
        await services.dialogues.finish(chat_id, actor.user_id)
        await say(update, context, [f"⛔ {said(error)}"])
