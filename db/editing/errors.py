"""Refused changes: each error's message is one plain-text line for the editor."""

from __future__ import annotations


class EditingError(Exception):
    """A refused change; ``str(error)`` is one line meant for the editor."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))

    @property
    def message(self) -> str:
        return str(self.args[0])


class NotAuthorized(EditingError):
    pass


class NotFound(EditingError):
    pass


class Conflict(EditingError):
    pass


class InvalidValue(EditingError):
    pass
