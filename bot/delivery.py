"""Moved to ``bot.sending.retry``. This name stays only so that the branches still importing it
merge cleanly; once they are merged, point their imports at ``bot.sending.retry`` and delete it.
"""

from bot.sending.retry import (
    FLOOD_DEADLINE,
    MAX_ATTEMPTS,
    call_with_retry,
    retry_after_seconds,
    surely_not_sent,
)

__all__ = [
    "FLOOD_DEADLINE",
    "MAX_ATTEMPTS",
    "call_with_retry",
    "retry_after_seconds",
    "surely_not_sent",
]
