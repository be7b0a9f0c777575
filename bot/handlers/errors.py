"""The last resort: log an unhandled error once, apologise, keep serving."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, RetryAfter
from telegram.ext import ContextTypes

from bot.engine import Reply
from bot.handlers.common import DATABASE_DOWN, unavailable_reply
from bot.markup import Html
from bot.replying import answer_update

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    error = context.error
    if isinstance(error, Forbidden):
        log.info("Cannot send: %s", error.message)
        return
    if isinstance(error, (RetryAfter, NetworkError)) and not isinstance(update, Update):
        log.warning("Telegram API trouble: %s", error)
        return
    if isinstance(error, DATABASE_DOWN):
        log.warning("Database unavailable while handling an update: %s", type(error).__name__)
        reply = unavailable_reply()
    else:
        log.error("Unhandled error while handling an update", exc_info=error)
        reply = Reply(intents=["error"], answered=False)
        reply.lines.append(
            Html("Sorry, something went wrong on my side. Please try again in a moment.")
        )
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await answer_update(update, context, reply, None)
        except Exception:  # the apology itself failed: nothing more to do than log it
            log.warning("Could not send the apology", exc_info=True)
