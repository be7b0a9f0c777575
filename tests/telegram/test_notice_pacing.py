"""The notice sender's pace: every notice waits its turn at one send per
1 / (0.97 × TELEGRAM_MAX_RATE) seconds (a bucket of one: no burst after a pause), and it
sends through the Application's own Bot, not a stand-in context."""

from __future__ import annotations

import dataclasses

import pytest
from aiolimiter import AsyncLimiter

from bot.notify import HEADINGS, NoticeSender
from db.kinds import NoticeAction
from testkit.notice_support import queue_amount_correction, subscribe_to_everything
from tests.support.harness import Harness

CHATS = [7101, 7102, 7103]


async def _queue_three(harness: Harness) -> None:
    await subscribe_to_everything(harness.runtime, CHATS)
    assert await queue_amount_correction(harness.runtime, 1, "Sakhalin", "62000", "63000") == 3


async def test_each_notice_waits_for_the_pace(sqlite_harness: Harness) -> None:
    await sqlite_harness.manual_notice_sender()
    paced = dataclasses.replace(
        sqlite_harness.runtime,
        settings=sqlite_harness.runtime.settings.model_copy(update={"telegram_max_rate": 30}),
    )
    sender = NoticeSender(sqlite_harness.app, paced)
    pace = sender._pace
    assert isinstance(pace, AsyncLimiter)
    assert (pace.max_rate, pace.time_period) == (1, pytest.approx(1 / (30 * 0.97)))

    events: list[str] = []
    acquire = pace.acquire

    async def recorded_acquire(amount: float = 1) -> None:
        events.append(f"pace, {len(sqlite_harness.bot_api.calls_of('sendMessage'))} sent")
        await acquire(amount)

    pace.acquire = recorded_acquire  # type: ignore[method-assign]
    await _queue_three(sqlite_harness)
    assert await sender.drain_once() == 0.0
    assert events == ["pace, 0 sent", "pace, 1 sent", "pace, 2 sent"]
    assert sorted(int(c["chat_id"]) for c in sqlite_harness.bot_api.calls_of("sendMessage")) == (
        CHATS
    )
    assert sender.sent == 3


async def test_no_pace_of_its_own_without_a_rate(sqlite_harness: Harness) -> None:
    sender = await sqlite_harness.manual_notice_sender()
    assert sender._pace is None  # TELEGRAM_MAX_RATE=0: Telegram's own 429s pace it
    await _queue_three(sqlite_harness)
    assert await sender.drain_once() == 0.0
    assert sender.sent == 3


def test_every_notice_action_has_its_heading() -> None:
    # One set of action verbs: the ones db/announce.py queues notices under.
    assert set(HEADINGS) == set(NoticeAction)
