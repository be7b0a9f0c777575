"""/chart in Telegram: the same PNG as /chart.png, sent as a photo with the caveat in its
caption (built by bot/sending/messages.py, like every outgoing text)."""

from __future__ import annotations

import logging
from typing import cast

from telegram import Message, Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.runtime import Runtime
from bot.sending.messages import build_messages
from bot.sending.retry import call_with_retry
from bot.sending.send import send_texts
from bot.web.chart import ChartCache
from db.retry import TRANSIENT_DB_ERRORS, retry_read

log = logging.getLogger(__name__)

CAPTION_LIMIT = 1024
CAPTION = (
    "Every reported quota figure in dollars, as the reports convert them; hatched bars "
    "are the amounts implied by “doubled” (our arithmetic)."
)
UNAVAILABLE = "The fact store is temporarily unavailable. Please try again shortly."


def chart_cache(context: ContextTypes.DEFAULT_TYPE) -> ChartCache:
    cache = context.bot_data.get("chart_cache")
    if cache is None:
        cache = context.bot_data["chart_cache"] = ChartCache()
    return cast(ChartCache, cache)


async def chart(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None:
        return
    runtime = cast(Runtime, context.bot_data["runtime"])
    try:
        snapshot = await retry_read(runtime.facts.current, what="chart")
    except TRANSIENT_DB_ERRORS as error:
        log.warning("Database unavailable: %s", type(error).__name__)
        await send_texts(
            context.bot, message.chat_id, build_messages([UNAVAILABLE]), reply_to=message.id
        )
        return
    png = await chart_cache(context).png(snapshot)
    shown = sorted({claim.article_id for claim in snapshot.active_claims})
    caveats = [(a.outlet, a.caveat) for i in shown if (a := snapshot.articles.get(i))]
    caption = build_messages([CAPTION], caveats, limit=CAPTION_LIMIT)[0]

    async def send() -> Message:
        return await context.bot.send_photo(
            chat_id=message.chat_id,
            photo=png,
            caption=caption,
            parse_mode=ParseMode.HTML,
            reply_to_message_id=message.id,
            allow_sending_without_reply=True,
            message_thread_id=message.message_thread_id,
        )

    await call_with_retry(send, what=f"sendPhoto to chat {message.chat_id}")
