"""Setting up change notices directly in the store, for the reach tests and bench.fanout."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert

from bot.runtime import Runtime
from db import notices
from db.models import Subscription, utcnow
from db.session import write_transaction


async def subscribe_to_everything(runtime: Runtime, chat_ids: Iterable[int]) -> None:
    rows = [
        {"chat_id": chat, "chat_type": "private", "kind": "all", "target": ""} for chat in chat_ids
    ]
    async with runtime.sessionmaker() as session, write_transaction(session):
        await session.execute(insert(Subscription), rows)


async def queue_amount_correction(
    runtime: Runtime, claim_id: int, place: str, old: str, new: str
) -> int:
    """Queues the notices an editor's correction of a quota's amount would; returns
    how many chats were queued."""
    async with runtime.sessionmaker() as session, write_transaction(session):
        return await notices.enqueue_change_notices(
            session,
            claim_id=claim_id,
            place=place,
            action="correct",
            field="amount",
            old_value=old,
            new_value=new,
            article_id=1,
            when=utcnow(),
        )
