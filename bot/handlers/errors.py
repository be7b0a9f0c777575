"""The last resort: log an unhandled error once, apologise, keep serving."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, RetryAfter
from telegram.ext import ContextTypes

from bot.botdata import bot_data
from bot.config import Settings
from bot.engine import Reply
from bot.handlers.common import DATABASE_DOWN, unavailable_reply
from bot.handlers.languages import unstored_language
from bot.i18n import DEFAULT_LANGUAGE, translator
from bot.logs import redact
from bot.markup import fmt
from bot.sending.messages import build_messages
from bot.sending.retry import retry_after_seconds
from bot.sending.send import answer_update, send_texts

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    error = context.error
    if isinstance(error, Forbidden):
        log.info("Cannot send: %s", error.message)
        return
    if isinstance(error, RetryAfter):
        # Flood control (a button's answer, an inline result...): one line. An apology
        # or an alert now would meet the same limit.
        log.warning(
            "Telegram flood control (429): asked to wait %.0fs; update not answered",
            retry_after_seconds(error),
        )
        return
    if isinstance(error, NetworkError) and not isinstance(update, Update):
        log.warning("Telegram API trouble: %s", error)
        return
    # Not the stored preference: the database may be what failed.
    language = unstored_language(update) if isinstance(update, Update) else DEFAULT_LANGUAGE
    _ = translator(language).gettext
    if isinstance(error, DATABASE_DOWN):
        log.warning("Database unavailable while handling an update: %s", type(error).__name__)
        reply = unavailable_reply(language)
    else:
        log.error("Unhandled error while handling an update", exc_info=error)
        reply = Reply(intents=["error"], answered=False)
        reply.lines.append(
            fmt("{}", _("Sorry, something went wrong on my side. Please try again in a moment."))
        )
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await answer_update(update, context, reply, None, language=language)
        except Exception:  # the apology itself failed: nothing more to do than log it
            log.warning("Could not send the apology", exc_info=True)
    if not isinstance(error, DATABASE_DOWN):
        await _alert(context, error)


async def _alert(context: ContextTypes.DEFAULT_TYPE, error: BaseException | None) -> None:
    """One line to ERROR_CHAT_ID, when set; through the one sending path, so with the
    caveat like every message. The token is cut out of the error text."""
    settings: Settings | None = bot_data(context).settings
    chat_id = settings.error_chat_id if settings is not None else None
    if settings is None or chat_id is None or error is None:
        return
    # Redacted before cutting: a cut could leave a fragment of the token.
    detail = redact(str(error), settings.secrets())
    detail = detail.splitlines()[0] if detail else ""
    line = fmt("Bot error: {}: {}", type(error).__name__, detail[:300])
    try:
        await send_texts(context.bot, chat_id, build_messages([line]))
    except Exception:  # an alert must never raise from the error handler
        log.warning("Could not send the error alert", exc_info=True)
