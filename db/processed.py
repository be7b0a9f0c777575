"""Update ids already taken by some replica: a redelivered update is answered once.

Telegram redelivers an update whose webhook call failed (timeout, 5xx, reset),
possibly to another replica. The first replica to insert the id owns the
update; the primary key makes every other insert fail, on one process or many.
A claim is a lease until it is marked finished: if its replica crashed, a
redelivery after ``LEASE`` takes it over, so at most the update in flight repeats.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import ProcessedUpdate, utcnow
from db.session import write_transaction

# Telegram keeps an undelivered update for 24 hours; after that no redelivery comes.
KEEP_FOR = dt.timedelta(hours=25)
# Longer than any update takes to process; a claim older than this, unfinished, is orphaned.
LEASE = dt.timedelta(seconds=60)


class Claim(enum.Enum):
    CLAIMED = "claimed"  # ours: process it
    DONE = "done"  # answered before: skip it
    BUSY = "busy"  # another replica is on it now: ask Telegram to retry later

    def __bool__(self) -> bool:
        return self is Claim.CLAIMED


async def claim_update(session: AsyncSession, update_id: int, lease: dt.timedelta = LEASE) -> Claim:
    """Take ``update_id`` for processing, unless it was answered or is being answered."""
    try:
        async with write_transaction(session):
            row = await session.get(ProcessedUpdate, update_id, with_for_update=True)
            if row is None:
                session.add(ProcessedUpdate(update_id=update_id, finished=False))
                await session.flush()
                return Claim.CLAIMED
            if row.finished:
                return Claim.DONE
            now = utcnow()
            if row.processed_at < now - lease:
                row.processed_at = now  # the replica that held it died: take it over
                return Claim.CLAIMED
            return Claim.BUSY
    except IntegrityError:
        return Claim.BUSY  # inserted by another replica a moment ago


async def finish_update(session: AsyncSession, update_id: int) -> None:
    async with write_transaction(session):
        await session.execute(
            update(ProcessedUpdate)
            .where(ProcessedUpdate.update_id == update_id)
            .values(finished=True)
        )


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
