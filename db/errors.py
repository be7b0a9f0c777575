"""The base of every error whose message is shown to a person as it is."""

from __future__ import annotations


class OneLineError(ValueError):
    """``str(error)`` is one line, fit to show in a chat (whitespace is folded)."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))

    @property
    def message(self) -> str:
        """The human-readable, single-line message."""
        return str(self.args[0])
