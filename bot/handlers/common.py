"""Helpers every handler uses: the runtime, the engine, and the "database down" reply."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.botdata import bot_data
from bot.engine import AnswerEngine, Reply
from bot.engine.wording import _
from bot.handlers.languages import language_of, unstored_language
from bot.i18n import DEFAULT_LANGUAGE, Language, translator
from bot.keyboards import follow_up_markup
from bot.markup import Html, fmt
from bot.runtime import Runtime
from bot.sending.send import answer_update
from bot.services import Services

# Re-exported: handlers tell an outage from a bug without importing SQLAlchemy.
from bot.services.outage import DATABASE_DOWN as DATABASE_DOWN

log = logging.getLogger(__name__)


def runtime_of(context: ContextTypes.DEFAULT_TYPE) -> Runtime:
    return bot_data(context).need_runtime()


def services_of(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return bot_data(context).need_services()


def unavailable_reply(language: Language = DEFAULT_LANGUAGE) -> Reply:
    _ = translator(language).gettext
    reply = Reply(intents=["unavailable"], answered=False)
    reply.lines.append(
        fmt("{}", _("The fact store is temporarily unavailable. Please try again shortly."))
    )
    return reply


# Where an update's engine is kept (see ``update_engine``).
_UPDATE_ENGINE = "_quota_facts_engine"


async def update_engine(context: ContextTypes.DEFAULT_TYPE) -> AnswerEngine:
    """The engine for this update, looked up once an update.

    python-telegram-bot builds one context per update and hands it to the handler of each
    group, so a free-text message's editor-dialogue check (group -1) and its answer share
    one revision read, taken after the update arrived: no answer is older than the store
    was when its question came in. A context of a job or an error is never reused.
    """
    engine = context.__dict__.get(_UPDATE_ENGINE)
    if not isinstance(engine, AnswerEngine):
        engine = await runtime_of(context).answer_engine()
        context.__dict__[_UPDATE_ENGINE] = engine
    return engine


async def engine_or_apology(
    update: Update, context: ContextTypes.DEFAULT_TYPE
) -> AnswerEngine | None:
    """The current engine, or None after telling the user the store is down."""
    try:
        return await update_engine(context)
    except DATABASE_DOWN as error:
        log.warning("Database unavailable: %s", type(error).__name__)
        # No snapshot: the caveat kept in code goes under the apology; no stored
        # preference either: the language of the text, else Telegram's language code.
        language = unstored_language(update)
        await answer_update(update, context, unavailable_reply(language), None, language=language)
        return None


async def send_engine_reply(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    engine: AnswerEngine,
    reply: Reply,
    language: Language | None = None,
) -> None:
    """``language``: the one the reply's own lines are in (read from the update if None);
    the caveat comes in it, above the article's own sentence."""
    if language is None:
        language = await language_of(update, context)
    # Follow-up questions become buttons under the answer (bot/keyboards.py).
    markup = follow_up_markup(reply.follow_ups, language)
    await answer_update(update, context, reply, engine.snapshot, markup=markup, language=language)


def in_private_chat(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type == ChatType.PRIVATE


def private_only(command: str, what: str) -> str:
    """The one line for a command whose answer holds user ids or other private data,
    asked for in a group: such answers are given only in private chats."""
    shows = _("{command} shows {what}, so it answers only in private: ask me in a private chat.")
    return shows.format(command=command, what=_(what))


async def say_lines(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    engine: AnswerEngine,
    *lines: Html | str,
    language: Language | None = None,
) -> None:
    """Lines for a chat (plain strings are escaped), sent with the caveat (in ``language``,
    the lines' own, read from the update if None)."""
    reply = Reply(intents=["subscriptions"])
    reply.lines.extend(Html(line) if isinstance(line, Html) else fmt("{}", line) for line in lines)
    await send_engine_reply(update, context, engine, reply, language)
