"""Editing rights: owners grant and revoke them, by numeric user id."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.editing.access import Actor, require_editor, require_owner
from db.editing.changelog import log_change, new_batch, run_write
from db.editing.errors import InvalidValue
from db.errors import N_
from db.kinds import ChangeAction, EntityType
from db.models import Editor
from db.revision import bump_revision
from db.session import read_transaction
from db.validation import USER_ID_MAX


async def grant(session: AsyncSession, actor: Actor, user_id: int) -> bool:
    """Make ``user_id`` an editor; False when they already were one (or are an owner)."""
    require_owner(actor, N_("grant editing rights"))
    _check_user_id(user_id)

    async def work() -> bool:
        if user_id in actor.owners or await session.get(Editor, user_id) is not None:
            return False
        session.add(Editor(user_id=user_id, granted_by=actor.user_id))
        log_change(
            session,
            new_batch(),
            actor,
            EntityType.EDITOR,
            0,
            ChangeAction.GRANT,
            "user_id",
            None,
            user_id,
        )
        await bump_revision(session)  # snapshots carry the editor ids
        return True

    return await run_write(session, work)


async def revoke(session: AsyncSession, actor: Actor, user_id: int) -> bool:
    require_owner(actor, N_("revoke editing rights"))
    _check_user_id(user_id)
    if user_id in actor.owners:
        raise InvalidValue(
            N_("{user_id} is an owner: owners are set in ADMIN_USER_IDS, not with /revoke"),
            user_id=user_id,
        )

    async def work() -> bool:
        editor = await session.get(Editor, user_id)
        if editor is None:
            return False
        await session.delete(editor)
        log_change(
            session,
            new_batch(),
            actor,
            EntityType.EDITOR,
            0,
            ChangeAction.REVOKE,
            "user_id",
            user_id,
            None,
        )
        await bump_revision(session)  # snapshots carry the editor ids
        return True

    return await run_write(session, work)


def _check_user_id(user_id: int) -> None:
    if not 0 < user_id <= USER_ID_MAX:
        raise InvalidValue(N_("a Telegram user id is a positive whole number like 123456789"))


def parse_user_id(text: str) -> int:
    value = text.strip()
    if not value.isascii() or not value.isdigit() or len(value) > 16:
        raise InvalidValue(
            N_(
                "give the numeric Telegram user id (like 123456789), not a username; "
                "the user can get it from @userinfobot"
            )
        )
    user_id = int(value)
    _check_user_id(user_id)
    return user_id


async def list_editors(session: AsyncSession, actor: Actor) -> list[Editor]:
    async with read_transaction(session):
        await require_editor(session, actor, N_("list the editors"))
        return list(await session.scalars(select(Editor).order_by(Editor.user_id)))


async def editor_ids(session: AsyncSession) -> list[int]:
    """Every stored editor's id (for the per-chat command menus)."""
    async with read_transaction(session):
        return list(await session.scalars(select(Editor.user_id).order_by(Editor.user_id)))


# ----------------------------------------------------------------------------- claims
