"""Refused changes: each error's message is one plain-text line for the editor."""

from __future__ import annotations

from db.errors import OneLineError


class EditingError(OneLineError):
    """A refused change; ``str(error)`` is one line meant for the editor."""


class NotAuthorized(EditingError):
    pass


class NotFound(EditingError):
    pass


class Conflict(EditingError):
    pass


class InvalidValue(EditingError):
    pass
