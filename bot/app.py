"""The app factory: builds the Application and registers every handler in one ordered block."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.botdata import CONTEXT_TYPES, bot_data
from bot.config import Settings
from bot.flood import FloodGuard
from bot.handlers import dialogues, errors, ingest, language, reach, user
from bot.handlers.commands import CaptionCommand
from bot.handlers.menus import CommandMenus
from bot.handlers.registry import COMMANDS, help_line
from bot.http import AiohttpRequest
from bot.i18n import Language
from bot.notify import NoticeSender
from bot.questionlog import QuestionLogger
from bot.runtime import Runtime
from bot.services import Services
from bot.web import start_public_site

log = logging.getLogger(__name__)

# Only new messages run commands: an edited command message is never run again.
NEW_MESSAGE = filters.UpdateType.MESSAGE
# Commands run only from messages their sender wrote: a forwarded message carries
# someone else's words, and is never run with the forwarder's rights.
OWN_MESSAGE = NEW_MESSAGE & ~filters.FORWARDED


def build_application(
    settings: Settings,
    runtime: Runtime | None = None,
    *,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
) -> Application:
    """One Application, configured from settings.

    ``runtime`` lets tests pass in a ready store; otherwise it is opened in
    ``post_init`` and closed in ``post_shutdown``. ``request`` and
    ``updates_request`` replace the HTTP layer (tests use an in-process fake).
    """
    builder = (
        ApplicationBuilder()
        .token(settings.token())
        .base_url(settings.telegram_api_base_url)
        .base_file_url(settings.telegram_api_base_file_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .context_types(CONTEXT_TYPES)
        .concurrent_updates(8)
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
    )
    if request is None and settings.telegram_http_client == "aiohttp":
        # aiohttp costs less CPU per request than httpx (figures: docs/performance.md).
        request = AiohttpRequest()
        updates_request = updates_request or AiohttpRequest(connection_pool_size=1)
    if request is not None:
        builder = builder.request(request)
    if updates_request is not None:
        builder = builder.get_updates_request(updates_request)
    if settings.telegram_max_rate > 0:
        # AIORateLimiter retries 429s itself (max_retries) instead of raising them.
        limiter = AIORateLimiter(
            overall_max_rate=settings.telegram_max_rate,
            overall_time_period=1,
            group_max_rate=20,
            group_time_period=60,
            max_retries=3,
        )
        builder = builder.rate_limiter(limiter)  # type: ignore[arg-type]
    if settings.webhook_mode:
        # Our own server (bot.webhook) feeds the updates; no polling Updater.
        builder = builder.updater(None)
    application = builder.build()
    data = bot_data(application)
    data.settings = settings
    data.flood_guard = FloodGuard(settings.flood_max_messages, settings.flood_window_seconds)
    data.inline_flood_guard = FloodGuard(
        settings.flood_inline_max_queries, settings.flood_window_seconds
    )
    if runtime is not None:
        attach_runtime(application, runtime)
    register_handlers(application)
    return application


def register_handlers(application: Application) -> None:
    bot_data(application).help_line = help_line()
    bot_data(application).help_lines = {language: help_line(language) for language in Language}
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    # Commands, in the registry's order (the order of the menus).
    handlers: list[BaseHandler[Any, Any, Any]] = [
        # A caption is not a command to CommandHandler: /import rides on the JSON file
        # (as /import or /import@this_bot, never another bot's /import@other_bot).
        MessageHandler(
            OWN_MESSAGE & filters.Document.ALL & CaptionCommand(command.name), command.handler
        )
        if command.caption
        else CommandHandler(command.name, command.handler, filters=OWN_MESSAGE)
        for command in COMMANDS
    ]
    handlers += [
        MessageHandler(
            OWN_MESSAGE & filters.Document.ALL & CaptionCommand(command.name), command.handler
        )
        for command in COMMANDS
        if command.caption_too
    ]
    handlers += [
        # Buttons: editors' (fx:/dg:) first, then every other button is a follow-up question.
        CallbackQueryHandler(dialogues.on_callback, pattern=r"^(fx|dg):"),
        CallbackQueryHandler(language.on_button, pattern=r"^lang:"),
        CallbackQueryHandler(reach.follow_up),
        InlineQueryHandler(reach.inline_query),
        # Any other command: a hint in private chats, silence for other bots' commands.
        MessageHandler(OWN_MESSAGE & filters.COMMAND, user.unknown_command),
        # Free text: every message in private (a forwarded one too, commands included, is
        # a question to check), only the sender's own mentions and replies in groups.
        MessageHandler(NEW_MESSAGE & filters.TEXT & private, user.question),
        MessageHandler(OWN_MESSAGE & filters.TEXT & groups & user.AddressedToBot(), user.question),
        # Stickers, photos, voice... in private: say that only text is read.
        MessageHandler(NEW_MESSAGE & private & ~filters.TEXT, user.not_text),
    ]
    # Flood protection first, in its own earliest group: it stops the update there.
    application.add_handler(TypeHandler(Update, reach.flood_check), group=-2)
    application.add_handlers(handlers)
    # Typed answers to a guided editor dialogue come next (group -1); with no dialogue
    # waiting that handler does nothing and the message is answered as a question.
    # A forwarded message is never taken as an answer: it is someone else's text.
    application.add_handler(
        MessageHandler(
            OWN_MESSAGE & filters.TEXT & ~filters.COMMAND & private, dialogues.dialogue_text
        ),
        group=-1,
    )
    # A .txt file for a waiting /ingest, before /import and the "only text is read"
    # reply; any other file passes on to them.
    application.add_handler(
        MessageHandler(OWN_MESSAGE & filters.Document.ALL & private, ingest.document), group=-1
    )
    application.add_error_handler(errors.on_error)


async def _post_init(application: Application) -> None:
    data = bot_data(application)
    if data.runtime is None:
        assert data.settings is not None
        runtime = Runtime.create(data.settings)
        # The schema was upgraded before the event loop started; seed an empty store.
        await runtime.prepare_store(migrate=False)
        attach_runtime(application, runtime)
    assert data.question_log is not None and data.notice_sender is not None
    data.question_log.start()
    data.notice_sender.start()
    assert data.runtime is not None
    data.warm_up = asyncio.create_task(_warm_up(data.runtime), name="warm-up")
    menus = CommandMenus(application)
    data.menus = menus
    # The public record pages (bot/web), when PUBLIC_PORT is set.
    assert data.runtime is not None and data.settings is not None
    data.public_site = await start_public_site(data.runtime, data.settings)
    try:
        await menus.install_public()
        # Editor commands show only in owners' and editors' own chats.
        await menus.install_all()
    except TelegramError as error:
        # The menu is a convenience: answering matters more. It is set again next start.
        log.warning("Could not set the command menus: %s", error)
    log.info("Bot @%s is ready", application.bot.username)


# The language analysers load this long after start-up (Runtime.warm_up).
WARM_UP_LANGUAGES_AFTER = 2.0


async def _warm_up(runtime: Runtime) -> None:
    started = time.perf_counter()
    try:
        await runtime.warm_up(languages_after=WARM_UP_LANGUAGES_AFTER)
    except Exception as error:  # a convenience: the first question does it otherwise
        log.warning("Warm-up failed (%s); the first question will load what it needs", error)
        return
    log.info("Engine and language analysers ready after %.1fs", time.perf_counter() - started)


async def stop_warm_up(application: Application) -> None:
    """Cancel the warm-up if it is still running (its thread finishes on its own)."""
    task, bot_data(application).warm_up = bot_data(application).warm_up, None
    if task is not None and not task.done():
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def attach_runtime(application: Application, runtime: Runtime) -> None:
    """The runtime, its services, the question-log writer and the notice sender
    (the last two started in post_init)."""
    data = bot_data(application)
    data.runtime = runtime
    data.services = Services.create(runtime)
    data.question_log = QuestionLogger(
        runtime.sessionmaker, keep_days=runtime.settings.question_log_days
    )
    data.notice_sender = NoticeSender(application, runtime)


async def _post_stop(application: Application) -> None:
    public_site, bot_data(application).public_site = bot_data(application).public_site, None
    if public_site is not None:
        await public_site.cleanup()
    # Cancel the fan-out at once (the in-flight notice stays queued), then write
    # the last buffered questions while the database is still open.
    data = bot_data(application)
    await stop_warm_up(application)
    if data.notice_sender is not None:
        await data.notice_sender.stop()
    if data.question_log is not None:
        await data.question_log.stop()


async def _post_shutdown(application: Application) -> None:
    runtime = bot_data(application).runtime
    if runtime is not None:
        await runtime.close()
