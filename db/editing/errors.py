"""Refused changes: each error's message is one plain-text line for the editor."""

from __future__ import annotations

from db.errors import N_, OneLineError, Text
from db.kinds import EntityType


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


# How a refusal names a kind of row ("article #3 no longer exists").
ENTITY_NAMES = {
    EntityType.CLAIM: N_("claim"),
    EntityType.ARTICLE: N_("article"),
    EntityType.SOURCE: N_("source"),
    EntityType.ALIAS: N_("alias"),
    EntityType.EDITOR: N_("editor"),
}


def entity_name(kind: EntityType | str) -> Text:
    """A kind of row named in a refusal, translated with it (unknown kinds as they are)."""
    try:
        return Text(ENTITY_NAMES[EntityType(kind)])
    except ValueError:
        return Text(str(kind))
