"""/chart in Telegram: the same PNG as the public site's /chart.png, sent as a photo with
the caveat in its caption (built by bot/sending/messages.py, like every outgoing text)."""

from __future__ import annotations

from telegram import Message, Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.botdata import bot_data
from bot.handlers.common import engine_or_apology
from bot.handlers.languages import language_of
from bot.i18n import N_, translator
from bot.sending.messages import build_messages
from bot.sending.retry import call_with_retry
from bot.web.chart import ChartCache

CAPTION_LIMIT = 1024
CAPTION = N_(
    "Every reported quota figure in dollars, as the reports convert them; hatched bars "
    "are the amounts implied by “doubled” (our arithmetic)."
)


def chart_cache(context: ContextTypes.DEFAULT_TYPE) -> ChartCache:
    data = bot_data(context)
    if data.chart_cache is None:
        data.chart_cache = ChartCache()
    return data.chart_cache


async def chart(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None:
        return
    engine = await engine_or_apology(update, context)
    if engine is None:
        return
    snapshot = engine.snapshot
    png = await chart_cache(context).png(snapshot)
    shown = sorted({claim.article_id for claim in snapshot.active_claims})
    caveats = [(a.outlet, a.caveat) for i in shown if (a := snapshot.articles.get(i))]
    language = await language_of(update, context)
    text = translator(language).gettext(CAPTION)
    caption = build_messages([text], caveats, limit=CAPTION_LIMIT, language=language)[0]

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
