"""The app factory: builds the Application and registers every handler in one ordered block."""

from __future__ import annotations

import logging

from telegram import BotCommand, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.config import Settings
from bot.flood import FloodGuard
from bot.handlers import editor, errors, reach, user
from bot.handlers.commands import CaptionCommand
from bot.http import AiohttpRequest
from bot.notify import NoticeSender
from bot.questionlog import QuestionLogger
from bot.runtime import Runtime
from bot.web import start_public_site
from bot.web.telegram_chart import chart

log = logging.getLogger(__name__)

PUBLIC_COMMANDS = (
    ("start", "What this bot is and how to ask"),
    ("help", "How to ask, with examples"),
    ("quotas", "All reported quota figures"),
    ("quota", "The quota for one place or country"),
    ("sources", "Who says so"),
    ("caveat", "How far the claims can be trusted"),
    ("article", "The report: title, outlet, original reporting"),
    ("ask", "Ask a question (in groups)"),
    ("subscribe", "Get a notice when a fact changes"),
    ("unsubscribe", "Stop change notices"),
    ("subscriptions", "What this chat follows"),
    ("privacy", "What the bot stores and why"),
    ("chart", "A chart of every reported figure"),
)

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
        .concurrent_updates(8)
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
    )
    if request is None and settings.telegram_http_client == "aiohttp":
        # aiohttp costs about a third of httpx's CPU per request (README, "Performance").
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
    application.bot_data["settings"] = settings
    application.bot_data["flood_guard"] = FloodGuard(
        settings.flood_max_messages, settings.flood_window_seconds
    )
    application.bot_data["inline_flood_guard"] = FloodGuard(
        settings.flood_inline_max_queries, settings.flood_window_seconds
    )
    if runtime is not None:
        application.bot_data["runtime"] = runtime
        attach_reach(application, runtime)
    register_handlers(application)
    return application


def register_handlers(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    handlers = [
        # Public commands, in the order of the command menu.
        CommandHandler("start", user.start, filters=OWN_MESSAGE),
        CommandHandler("help", user.help_command, filters=OWN_MESSAGE),
        CommandHandler("quotas", user.quotas, filters=OWN_MESSAGE),
        CommandHandler("quota", user.quota, filters=OWN_MESSAGE),
        # Public; editors also get the source ids.
        CommandHandler("sources", editor.sources, filters=OWN_MESSAGE),
        CommandHandler("caveat", user.caveat, filters=OWN_MESSAGE),
        CommandHandler("article", user.article, filters=OWN_MESSAGE),
        CommandHandler("ask", user.ask, filters=OWN_MESSAGE),
        # Reach: subscriptions, privacy, and editors' view of what people ask.
        CommandHandler("subscribe", reach.subscribe, filters=OWN_MESSAGE),
        CommandHandler("unsubscribe", reach.unsubscribe, filters=OWN_MESSAGE),
        CommandHandler("subscriptions", reach.subscriptions, filters=OWN_MESSAGE),
        CommandHandler("privacy", reach.privacy, filters=OWN_MESSAGE),
        CommandHandler("chart", chart, filters=OWN_MESSAGE),
        CommandHandler("unanswered", reach.unanswered, filters=OWN_MESSAGE),
        CommandHandler("stats", reach.stats, filters=OWN_MESSAGE),
        # Editor commands: each refuses strangers itself; the services check rights again.
        CommandHandler("facts", editor.facts, filters=OWN_MESSAGE),
        CommandHandler("addquota", editor.addquota, filters=OWN_MESSAGE),
        CommandHandler("addfact", editor.addfact, filters=OWN_MESSAGE),
        CommandHandler("addarticle", editor.addarticle, filters=OWN_MESSAGE),
        CommandHandler("edit", editor.edit, filters=OWN_MESSAGE),
        CommandHandler("retract", editor.retract, filters=OWN_MESSAGE),
        CommandHandler("restore", editor.restore, filters=OWN_MESSAGE),
        CommandHandler("history", editor.history, filters=OWN_MESSAGE),
        CommandHandler("undo", editor.undo, filters=OWN_MESSAGE),
        CommandHandler("articles", editor.articles, filters=OWN_MESSAGE),
        CommandHandler("editarticle", editor.editarticle, filters=OWN_MESSAGE),
        CommandHandler("editsource", editor.editsource, filters=OWN_MESSAGE),
        CommandHandler("alias", editor.alias, filters=OWN_MESSAGE),
        CommandHandler("aliases", editor.aliases, filters=OWN_MESSAGE),
        CommandHandler("cancel", editor.cancel, filters=OWN_MESSAGE),
        CommandHandler("grant", editor.grant, filters=OWN_MESSAGE),
        CommandHandler("revoke", editor.revoke, filters=OWN_MESSAGE),
        CommandHandler("admins", editor.admins, filters=OWN_MESSAGE),
        CommandHandler("export", editor.export, filters=OWN_MESSAGE),
        # A caption is not a command to CommandHandler: /import rides on the JSON file
        # (as /import or /import@this_bot, never another bot's /import@other_bot).
        MessageHandler(
            OWN_MESSAGE & filters.Document.ALL & CaptionCommand("import"),
            editor.import_store,
        ),
        # Buttons: editors' (fx:/dg:) first, then every other button is a follow-up question.
        CallbackQueryHandler(editor.on_callback, pattern=r"^(fx|dg):"),
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
            OWN_MESSAGE & filters.TEXT & ~filters.COMMAND & private, editor.dialogue_text
        ),
        group=-1,
    )
    application.add_error_handler(errors.on_error)


async def _post_init(application: Application) -> None:
    settings: Settings = application.bot_data["settings"]
    if "runtime" not in application.bot_data:
        runtime = Runtime.create(settings)
        # The schema was upgraded before the event loop started; seed an empty store.
        await runtime.prepare_store(migrate=False)
        application.bot_data["runtime"] = runtime
        attach_reach(application, runtime)
    application.bot_data["question_log"].start()
    application.bot_data["notice_sender"].start()
    # The public record pages (bot/web), when PUBLIC_PORT is set.
    application.bot_data["public_site"] = await start_public_site(
        application.bot_data["runtime"], settings
    )
    try:
        await application.bot.set_my_commands([BotCommand(n, d) for n, d in PUBLIC_COMMANDS])
        # Editor commands show only in owners' and editors' own chats.
        await editor.install_menus(application)
    except TelegramError as error:
        # The menu is a convenience: answering matters more. It is set again next start.
        log.warning("Could not set the command menus: %s", error)
    log.info("Bot @%s is ready", application.bot.username)


def attach_reach(application: Application, runtime: Runtime) -> None:
    """The question-log writer and the notice sender; started in post_init."""
    application.bot_data["question_log"] = QuestionLogger(
        runtime.sessionmaker, keep_days=runtime.settings.question_log_days
    )
    application.bot_data["notice_sender"] = NoticeSender(application, runtime)


async def _post_stop(application: Application) -> None:
    public_site = application.bot_data.pop("public_site", None)
    if public_site is not None:
        await public_site.cleanup()
    # Cancel the fan-out at once (the in-flight notice stays queued), then write
    # the last buffered questions while the database is still open.
    sender: NoticeSender | None = application.bot_data.get("notice_sender")
    if sender is not None:
        await sender.stop()
    question_log: QuestionLogger | None = application.bot_data.get("question_log")
    if question_log is not None:
        await question_log.stop()


async def _post_shutdown(application: Application) -> None:
    runtime: Runtime | None = application.bot_data.get("runtime")
    if runtime is not None:
        await runtime.close()
