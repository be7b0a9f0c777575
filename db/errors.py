"""The base of every error whose message is shown to a person as it is."""

from __future__ import annotations

import unicodedata

PREVIEW_LEN = 40  # characters of a person's text quoted back in an error


class OneLineError(ValueError):
    """``str(error)`` is one line, fit to show in a chat (whitespace is folded)."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))

    @property
    def message(self) -> str:
        """The human-readable, single-line message."""
        return str(self.args[0])


def preview(value: str, *, quote: bool = True) -> str:
    """A person's text quoted in an error message: one line, visible, not too long."""
    shown = "".join(
        " " if ch.isspace() else ch
        for ch in value
        if unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
    )
    shown = " ".join(shown.split())
    if len(shown) > PREVIEW_LEN:
        shown = shown[: PREVIEW_LEN - 1] + "…"
    return f'"{shown}"' if quote else shown
