"""Who may edit: an actor is a numeric user id; owners come from the settings."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from db.editing.errors import NotAuthorized
from db.errors import N_, Text
from db.kinds import Role
from db.models import Editor
from db.session import read_transaction


@dataclass(frozen=True)
class Actor:
    """Who asks: a numeric Telegram user id, and the owner ids from the settings."""

    user_id: int
    owners: frozenset[int] = frozenset()

    @property
    def is_owner(self) -> bool:
        return self.user_id in self.owners


async def role_of(session: AsyncSession, actor: Actor) -> Role | None:
    """The actor's role, or None. Reads the editors table in the caller's transaction.

    The one role check: every service and every handler gate comes here."""
    if actor.is_owner:
        return Role.OWNER
    if await session.get(Editor, actor.user_id) is not None:
        return Role.EDITOR
    return None


def may(role: Role | None, required: Role) -> bool:
    """Whether ``role`` holds the rights of ``required`` (an owner may do what an editor may)."""
    if role is None:
        return False
    return role == Role.OWNER or role == required


async def check_role(session: AsyncSession, actor: Actor) -> Role | None:
    """The actor's role, in a short transaction of its own (for handlers and menus)."""
    async with read_transaction(session):
        return await role_of(session, actor)


async def require_editor(session: AsyncSession, actor: Actor, what: str) -> None:
    if not may(await role_of(session, actor), Role.EDITOR):
        raise NotAuthorized(N_("Only editors can {what}."), what=Text(what))


def require_owner(actor: Actor, what: str) -> None:
    if not actor.is_owner:
        raise NotAuthorized(N_("Only owners can {what}."), what=Text(what))
