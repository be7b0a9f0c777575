"""A stop (cancellation) that lands anywhere in a notice's claim-send-mark leaves the
delivery either sent or due at once for the next start: never leased and stranded."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import select

from bot.notify import NoticeSender
from db import notices
from db.models import NoticeDelivery, utcnow
from tests.support.harness import Harness
from tests.telegram.test_reach import queue_change

READER = 7_001


async def _fetched(harness: Harness) -> tuple[NoticeSender, list[notices.DueDelivery]]:
    sender = await harness.manual_notice_sender()
    await harness.send("/subscribe", user_id=READER)
    assert await queue_change(harness.runtime) == 1
    async with harness.runtime.sessionmaker() as session:
        due = await notices.due_deliveries(session, now=utcnow())
    assert [d.chat_id for d in due] == [READER]
    return sender, due


async def _due_now(harness: Harness) -> list[int]:
    async with harness.runtime.sessionmaker() as session:
        return [d.chat_id for d in await notices.due_deliveries(session, now=utcnow())]


async def test_a_stop_right_after_the_claim_leaves_the_notice_due(
    sqlite_harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    sender, [delivery] = await _fetched(sqlite_harness)
    real_claim = notices.claim_delivery

    async def claim_then_stop(*args: Any, **kwargs: Any) -> bool:
        await real_claim(*args, **kwargs)  # the lease is written...
        raise asyncio.CancelledError  # ...and the stop arrives before the send

    monkeypatch.setattr(notices, "claim_delivery", claim_then_stop)
    with pytest.raises(asyncio.CancelledError):
        await sender._deliver(delivery, await sqlite_harness.runtime.answer_engine())
    assert await _due_now(sqlite_harness) == [READER]  # not leased for 30 s
    assert sqlite_harness.bot_api.calls_of("sendMessage")[1:] == []  # nothing sent


async def test_a_stop_after_the_send_marks_the_notice_sent(
    sqlite_harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    sender, [delivery] = await _fetched(sqlite_harness)
    real_mark = notices.mark_sent
    calls: list[int] = []

    async def stop_while_marking(*args: Any, **kwargs: Any) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise asyncio.CancelledError  # the stop arrives as the send is recorded
        await real_mark(*args, **kwargs)

    monkeypatch.setattr(notices, "mark_sent", stop_while_marking)
    with pytest.raises(asyncio.CancelledError):
        await sender._deliver(delivery, await sqlite_harness.runtime.answer_engine())
    sent_to = [c["chat_id"] for c in sqlite_harness.bot_api.calls_of("sendMessage")]
    assert sent_to.count(READER) == 2  # the reply to /subscribe and the notice, once
    async with sqlite_harness.runtime.sessionmaker() as session:
        status = await session.scalar(
            select(NoticeDelivery.status).where(NoticeDelivery.id == delivery.id)
        )
    assert status == "sent"  # recorded: not sent again when a lease runs out
