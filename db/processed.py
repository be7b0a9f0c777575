"""Update ids already taken by some replica: a redelivered update is answered once.

Telegram redelivers an update whose webhook call failed (timeout, 5xx, reset),
possibly to another replica. The first replica to insert the id owns the
update; the primary key makes every other insert fail, on one process or many.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import ProcessedUpdate, utcnow
from db.session import write_transaction

# Telegram keeps an undelivered update for 24 hours; after that no redelivery comes.
KEEP_FOR = dt.timedelta(hours=25)


async def claim_update(session: AsyncSession, update_id: int) -> bool:
    """Record ``update_id``; False when it was recorded before (a redelivery)."""
    try:
        async with write_transaction(session):
            session.add(ProcessedUpdate(update_id=update_id))
            await session.flush()
    except IntegrityError:
        return False
    return True


async def release_update(session: AsyncSession, update_id: int) -> None:
    """Forget a claim whose processing failed before anything was sent."""
    async with write_transaction(session):
        await session.execute(delete(ProcessedUpdate).where(ProcessedUpdate.update_id == update_id))


async def prune_processed(session: AsyncSession, keep_for: dt.timedelta = KEEP_FOR) -> int:
    """Delete claims older than any redelivery can be; returns how many."""
    async with write_transaction(session):
        result = await session.execute(
            delete(ProcessedUpdate).where(ProcessedUpdate.processed_at < utcnow() - keep_for)
        )
    return int(getattr(result, "rowcount", 0) or 0)
