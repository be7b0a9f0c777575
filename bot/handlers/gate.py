"""Who may run a command: one role check (the access service) and one ``requires`` gate.

Only a real user account counts: anonymous group admins and messages sent on behalf
of a channel are never trusted, and ids, never usernames, decide. The services check
rights again inside every write.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Sequence
from contextlib import AbstractContextManager
from functools import wraps
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.args import ArgumentError
from bot.engine import Reply
from bot.engine.wording import _, speaking
from bot.engine.wording import language as speaking_language
from bot.handlers.common import in_private_chat, private_only, runtime_of, services_of
from bot.handlers.languages import editor_language_of, language_of
from bot.i18n import DEFAULT_LANGUAGE, N_, Language, translator
from bot.markup import escape
from bot.sending.send import answer_update
from db.editing import Actor, EditingError, InvalidValue, NotAuthorized, may
from db.errors import OneLineError
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
    language: Language | None = None,
) -> None:
    """Send editor-facing lines through the one sending path, with the caveat (in
    ``language``; by default the language the lines were written in: ``editor_language``)."""
    language = language or current_language()
    engine = await runtime_of(context).answer_engine()
    reply = Reply(lines=[escape(line) for line in lines], intents=["editor"])
    for article_id in article_ids:
        reply.cite(article_id)
    await answer_update(update, context, reply, engine.snapshot, markup=markup, language=language)


def current_language() -> Language:
    """The language editors' texts are being written in (``speaking``; English outside)."""
    return Language(speaking_language())


def editor_language(language: Language) -> AbstractContextManager[object]:
    """Write the editor's texts in ``language`` inside the block: ``_``/``ngettext`` of
    bot.engine.wording, the engine's own lines, and ``say``'s caveat."""
    return speaking(translator(language))


def said(error: Exception) -> str:
    """An error's one line in the editor's language: db's and the arguments' errors keep
    their English template and fields (db/errors.py) and are translated here, the one
    place where an error becomes a reply."""
    if isinstance(error, OneLineError):
        return error.localized(_)
    return str(error)


# The refusals strangers get, in their language (editors' own messages are English).
TRANSLATED_REFUSALS = {
    Role.EDITOR: N_("Only editors can use /{command}. Nothing was changed."),
    Role.OWNER: N_("Only owners can use /{command}. Nothing was changed."),
}
ANONYMOUS = N_("Anonymous admins and channels cannot edit: write from your own account.")


def refusal(role: Role, what: str) -> str:
    return f"Only {WHO[role]} can {what}. Nothing was changed."


async def refuse(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    role: Role,
    *,
    name: str,
    what: str,
    anonymous: bool = False,
) -> None:
    """A stranger's refusal: as it always was in English, a shorter one in the others."""
    language = await language_of(update, context)
    if language == DEFAULT_LANGUAGE:
        lines = [refusal(role, what), *([ANONYMOUS] if anonymous else [])]
    else:
        _ = translator(language).gettext
        lines = [_(TRANSLATED_REFUSALS[role]).format(command=name)]
        lines += [_(ANONYMOUS)] if anonymous else []
    await say(update, context, lines, language=language)


def first_upper(error: Exception) -> str:
    text = said(error)
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
                await refuse(update, context, Role.EDITOR, name=name, what=what, anonymous=True)
                return
            if not may(await services_of(context).access.role(actor), role):
                await refuse(update, context, role, name=name, what=what)
                return
            with editor_language(await editor_language_of(update, context)):
                if private_data is not None and not in_private_chat(update):
                    await say(update, context, [private_only(f"/{name}", private_data)])
                    return
                try:
                    await func(update, context, actor)
                except (ArgumentError, ValidationError, InvalidValue) as error:
                    usage_line = _("Usage: {usage}").format(usage=_(usage) if usage else usage)
                    await say(update, context, [f"⛔ {first_upper(error)}", usage_line])
                except NotAuthorized as error:
                    await say(update, context, [said(error)])
                except EditingError as error:
                    await say(update, context, [f"⛔ {said(error)}"])

        return handler

    return decorate
