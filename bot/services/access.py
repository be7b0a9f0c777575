"""The one role check: owner, editor or nobody, by numeric user id."""

from __future__ import annotations

from bot.runtime import Runtime
from db.editing import Actor
from db.kinds import Role
from db.views import Snapshot


class AccessService:
    """Owners come from ADMIN_USER_IDS; editors from the current snapshot.

    The snapshot is never older than the store's revision (every grant and revoke
    bumps it), so this answers as a fresh query would, for the price of the revision
    read every answer makes anyway. The editing services check again in their own
    transaction: this gate is for a quick, polite refusal.
    """

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime

    def actor(self, user_id: int) -> Actor:
        return Actor(user_id, self._runtime.settings.admin_user_ids)

    async def role(self, actor: Actor) -> Role | None:
        if actor.is_owner:
            return Role.OWNER
        return self.role_in(actor, (await self._runtime.answer_engine()).snapshot)

    @staticmethod
    def role_in(actor: Actor, snapshot: Snapshot) -> Role | None:
        """The role in a snapshot already read (for this very update)."""
        if actor.is_owner:
            return Role.OWNER
        return Role.EDITOR if actor.user_id in snapshot.editor_ids else None

    async def is_staff(self, user_id: int) -> bool:
        """Owners and editors (for the flood allowance)."""
        return await self.role(self.actor(user_id)) is not None
