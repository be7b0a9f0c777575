"""Setting up change notices directly in the store, for the reach tests and bench.fanout."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert

from bot.runtime import Runtime
from db import notices
from db.models import Subscription, utcnow
from db.session import write_transaction
from testkit.fakes.bot_api_server import FakeBotApi
from testkit.fakes.e2e import eventually


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


def corrections_received(
    api: FakeBotApi, chats: Iterable[int], claim_id: int = 1
) -> dict[int, int]:
    """How many notices of a correction of ``claim_id`` each chat was sent."""
    counts = dict.fromkeys(chats, 0)
    for message in api.sent_messages():
        chat = int(message["chat_id"])
        if chat in counts and f"Correction: #{claim_id}" in str(message["text"]):
            counts[chat] += 1
    return counts


async def nothing_pending(runtime: Runtime) -> bool:
    async with runtime.sessionmaker() as session:
        return await notices.pending_count(session) == 0


def assert_nobody_missed(counts: dict[int, int]) -> int:
    """Every chat told at least once, and at most the one notice in flight repeated
    (the Bot API has no idempotency key); returns how many were repeated."""
    assert all(count >= 1 for count in counts.values()), counts
    repeats = sum(count - 1 for count in counts.values())
    assert repeats <= 1, counts
    return repeats


async def start_correction_fan_out(
    runtime: Runtime, api: FakeBotApi, subscribers: list[int], under_way: int = 8
) -> None:
    """Subscribes the chats, queues a correction of #1 for them, and returns once
    ``under_way`` of them have been told (a bot must be running)."""
    await subscribe_to_everything(runtime, subscribers)
    queued = await queue_amount_correction(runtime, 1, "Sakhalin", "62000", "63000")
    assert queued == len(subscribers)

    async def some_told() -> bool:
        return sum(corrections_received(api, subscribers).values()) >= under_way

    await eventually(some_told, "the fan-out under way")
