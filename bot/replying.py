"""Moved to ``bot.sending.send``. This name stays only so that the branches still importing it
merge cleanly; once they are merged, point their imports at ``bot.sending.send`` and delete it.
"""

from bot.sending.send import (
    SHORTENED,
    answer_update,
    edit_inline_message,
    render,
    render_one,
    send_texts,
)

__all__ = [
    "SHORTENED",
    "answer_update",
    "edit_inline_message",
    "render",
    "render_one",
    "send_texts",
]
