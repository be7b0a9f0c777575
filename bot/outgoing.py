"""Moved to ``bot.sending.messages``. This name stays only so that the branches still importing it
merge cleanly; once they are merged, point their imports at ``bot.sending.messages`` and delete it.
"""

from bot.sending.messages import (
    DEFAULT_CAVEAT,
    DEFAULT_OUTLET,
    TELEGRAM_MAX_LENGTH,
    TELEGRAM_POPUP_MAX_LENGTH,
    build_messages,
    build_popup,
    caveat_block,
    telegram_length,
)

__all__ = [
    "DEFAULT_CAVEAT",
    "DEFAULT_OUTLET",
    "TELEGRAM_MAX_LENGTH",
    "TELEGRAM_POPUP_MAX_LENGTH",
    "build_messages",
    "build_popup",
    "caveat_block",
    "telegram_length",
]
