"""The yardstick: the leanest bot on the same stack.

python-telegram-bot with its default HTTPXRequest, ``concurrent_updates(8)``, no
storage, answering every text with a fixed 400-character HTML message.
Reads TELEGRAM_BOT_TOKEN and TELEGRAM_API_BASE_URL like the real bot.
"""

from __future__ import annotations

import os

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

_BODY = "<b>Echo.</b> " + "The quick brown fox jumps over the lazy dog. " * 9
REPLY = (_BODY + "x" * 400)[:400]
assert len(REPLY) == 400


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None:
        await message.reply_text(REPLY, parse_mode=ParseMode.HTML)


def main() -> None:
    application = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ.get("TELEGRAM_API_BASE_URL", "https://api.telegram.org/bot"))
        .concurrent_updates(8)
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
