"""What anyone can ask: the public commands and free-text questions."""

from __future__ import annotations

import re

from telegram import Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes, filters

from bot.botdata import bot_data
from bot.engine import AnswerEngine, Reply
from bot.engine.wording import speaking
from bot.handlers.commands import addressed_to, command_word
from bot.handlers.common import engine_or_apology, send_engine_reply
from bot.handlers.languages import language_of
from bot.handlers.welcome import EXAMPLES, help_reply, start_reply
from bot.i18n import DEFAULT_LANGUAGE, Language, translator
from bot.markup import Html, fmt
from bot.questionlog import record_question


class AddressedToBot(filters.MessageFilter):
    """A group message that mentions the bot or replies to one of its messages."""

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
            return True
        text = message.text or ""
        username = (bot.username or "").casefold()
        if not username:
            return False
        for entity, value in message.parse_entities([MessageEntity.MENTION]).items():
            del entity
            if value.casefold() == f"@{username}":
                return True
        return f"@{username}" in text.casefold()


def question_text(message: Message) -> str:
    """The question without the bot's @username."""
    text = message.text or ""
    username = message.get_bot().username
    if username:
        text = re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)
    return text.strip()


def command_argument(context: ContextTypes.DEFAULT_TYPE) -> str:
    return " ".join(context.args or []).strip()


async def _reply_with(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    *,
    make: str,
    argument: str | None = None,
) -> None:
    engine = await engine_or_apology(update, context)
    if engine is None:
        return
    language = await language_of(update, context)
    reply = _build(engine, make, argument, context, language)
    if make in ("ask", "quota") and argument and argument.strip():
        record_question(context, argument, reply)  # buffered: no write on the answer path
    await send_engine_reply(update, context, engine, reply, language)


def commands_line(context: ContextTypes.DEFAULT_TYPE, language: Language) -> Html | None:
    """The registry's commands line (bot/handlers/registry.py) in ``language``."""
    data = bot_data(context)
    return data.help_lines.get(language, data.help_line)


def with_help_line(
    reply: Reply, context: ContextTypes.DEFAULT_TYPE, language: Language = DEFAULT_LANGUAGE
) -> Reply:
    """The engine's help ends with its commands line: the registry's replaces it, so /help
    lists exactly the registered commands."""
    line = commands_line(context, language)
    if line is not None and reply.lines:
        reply.lines[-1] = line
    return reply


def help_for(
    engine: AnswerEngine, context: ContextTypes.DEFAULT_TYPE, language: Language, *, start: bool
) -> Reply:
    """/start or /help: the engine's in English, the catalogs' in the other languages."""
    line = commands_line(context, language)
    if language == DEFAULT_LANGUAGE or line is None:
        return with_help_line(engine.start() if start else engine.help(), context)
    return start_reply(language, line) if start else help_reply(language, line)


def _build(
    engine: AnswerEngine,
    make: str,
    argument: str | None,
    context: ContextTypes.DEFAULT_TYPE,
    language: Language = DEFAULT_LANGUAGE,
) -> Reply:
    """The reply, composed by the engine in ``language`` (bot/engine/wording.py)."""
    with speaking(translator(language)):
        return _build_in(engine, make, argument, context, language)


def _build_in(
    engine: AnswerEngine,
    make: str,
    argument: str | None,
    context: ContextTypes.DEFAULT_TYPE,
    language: Language = DEFAULT_LANGUAGE,
) -> Reply:
    _ = translator(language).gettext
    if make == "start":
        return help_for(engine, context, language, start=True)
    if make == "help":
        return help_for(engine, context, language, start=False)
    if make == "quotas":
        return engine.quotas()
    if make == "quota":
        if not (argument or "").strip() and language != DEFAULT_LANGUAGE:
            reply = Reply(intents=["usage"], answered=False)
            reply.lines.append(
                fmt("{}", _("Usage: /quota <place or country>, e.g. /quota Sakhalin"))
            )
            reply.lines.append(engine.covered())
            return reply
        return engine.quota(argument or "")
    if make == "sources":
        return engine.sources()
    if make == "caveat":
        return engine.caveat()
    if make == "article":
        return engine.article()
    if make == "ask":
        if not argument:
            reply = Reply(intents=["usage"], answered=False)
            reply.lines.append(fmt("{}", _("Usage: /ask <your question>, e.g. /ask who says so?")))
            return reply
        return engine.answer(argument)
    raise ValueError(make)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _reply_with(update, context, make="start")


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _reply_with(update, context, make="help")


async def quotas(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _reply_with(update, context, make="quotas")


async def quota(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _reply_with(update, context, make="quota", argument=command_argument(context))


async def sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _reply_with(update, context, make="sources")


async def caveat(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _reply_with(update, context, make="caveat")


async def article(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _reply_with(update, context, make="article")


async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _reply_with(update, context, make="ask", argument=command_argument(context))


async def question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Free text: in private chats always, in groups when addressed to the bot."""
    message = update.effective_message
    if message is None:
        return
    await _reply_with(update, context, make="ask", argument=question_text(message) or " ")


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None:
        return
    command = command_word(message.text or "")
    # Another bot's command (/cmd@other_bot) is none of our business, in any chat;
    # in groups a bare /cmd may be for another bot too: only /cmd@this_bot is ours.
    if addressed_to(command, context.bot.username) is None:
        return
    if chat.type != ChatType.PRIVATE and "@" not in command:
        return
    engine = await engine_or_apology(update, context)
    if engine is None:
        return
    language = await language_of(update, context)
    _ = translator(language).gettext
    reply = Reply(intents=["unknown_command"], answered=False)
    reply.lines.append(fmt(_("I don't know the command {command}."), command=command[:64]))
    reply.lines.extend(help_for(engine, context, language, start=False).lines)
    await send_engine_reply(update, context, engine, reply, language)


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos and the like in a private chat: say what the bot reads."""
    message = update.effective_message
    caption_command = command_word(message.caption or "") if message is not None else ""
    if caption_command and addressed_to(caption_command, context.bot.username) is None:
        return  # a file sent with another bot's command (/import@other_bot) is not ours
    engine = await engine_or_apology(update, context)
    if engine is None:
        return
    language = await language_of(update, context)
    _ = translator(language).gettext
    reply = Reply(intents=["not_text"], answered=False)
    reply.lines.append(
        fmt("{}", _("I can only read text. Ask me a question in words, for example:"))
    )
    reply.lines.append(fmt("{}", _(EXAMPLES[0])))
    await send_engine_reply(update, context, engine, reply, language)
