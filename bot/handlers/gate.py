"""Who may run a command: one role check (the access service) and one ``requires`` gate.

Only a real user account counts: anonymous group admins and messages sent on behalf
of a channel are never trusted, and ids, never usernames, decide. The services check
rights again inside every write.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Sequence
from functools import wraps
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.args import ArgumentError
from bot.engine import Reply
from bot.handlers.common import in_private_chat, private_only, runtime_of, services_of
from bot.markup import escape
from bot.sending.send import answer_update
from db.editing import Actor, EditingError, InvalidValue, NotAuthorized, may
from db.kinds import Role
from db.validation import ValidationError

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]
ActorHandler = Callable[[Update, ContextTypes.DEFAULT_TYPE, Actor], Awaitable[None]]

WHO = {Role.OWNER: "owners", Role.EDITOR: "editors"}


def actor_of(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Actor | None:
    """The trusted numeric id behind an update, or None for anonymous admins and channels."""
    user = update.effective_user
    message = update.effective_message
    if user is None or user.is_bot:
        return None
    if message is not None and message.sender_chat is not None:
        return None
    return services_of(context).access.actor(user.id)


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


def refusal(role: Role, what: str) -> str:
    return f"Only {WHO[role]} can {what}. Nothing was changed."


def first_upper(error: Exception) -> str:
    text = str(error)
    return text[:1].upper() + text[1:]


def requires(
    role: Role, *, name: str, what: str, usage: str, private_data: str | None = None
) -> Callable[[ActorHandler], Handler]:
    """Refuse strangers first, then turn parse and service errors into one clear message.

    ``what`` completes "Only editors can …". ``private_data`` names what the answer
    shows (user ids...): then it is given only in private chats, and a group gets one
    line saying so."""

    def decorate(func: ActorHandler) -> Handler:
        @wraps(func)
        async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            if update.effective_message is None:
                return
            actor = actor_of(update, context)
            if actor is None:
                await say(update, context, [
                    refusal(Role.EDITOR, what),
                    "Anonymous admins and channels cannot edit: write from your own account.",
                ])  # fmt: skip
                return
            if not may(await services_of(context).access.role(actor), role):
                await say(update, context, [refusal(role, what)])
                return
            if private_data is not None and not in_private_chat(update):
                await say(update, context, [private_only(f"/{name}", private_data)])
                return
            try:
                await func(update, context, actor)
            except (ArgumentError, ValidationError, InvalidValue) as error:
                await say(update, context, [f"⛔ {first_upper(error)}", f"Usage: {usage}"])
            except NotAuthorized as error:
                await say(update, context, [error.message])
            except EditingError as error:
                await say(update, context, [f"⛔ {error.message}"])

        return handler

    return decorate
