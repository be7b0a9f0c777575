"""The store's revision: one number that rises in the same transaction as any change."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import StoreState, utcnow


async def bump_revision(session: AsyncSession) -> None:
    """Call inside the transaction that changes the facts; readers reload on a new number."""
    await session.execute(
        update(StoreState)
        .where(StoreState.id == 1)
        .values(revision=StoreState.revision + 1, updated_at=utcnow())
    )


async def current_revision(session: AsyncSession) -> int:
    revision = await session.scalar(select(StoreState.revision).where(StoreState.id == 1))
    return int(revision or 0)
