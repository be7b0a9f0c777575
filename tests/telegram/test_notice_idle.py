"""The notice sender, idle: it does not read an empty queue every second, and still sends
at once after an edit here (wake), soon after this process sees a new store revision (an
edit on another replica), and when a delivery it put off comes due."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import pytest

import bot.notify
from bot.notify import IDLE_SECONDS, NoticeSender
from db import editing, notices
from db.editing import Actor
from testkit.notice_support import queue_amount_correction, subscribe_to_everything
from tests.support.harness import Harness

CHATS = [7201, 7202]
OWNER = Actor(1001, frozenset({1001}))


async def eventually(condition: Callable[[], bool], within: float = 5.0) -> float:
    """Seconds until ``condition()`` held; fails after ``within``."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < within, "never happened"
        await asyncio.sleep(0.01)
    return time.monotonic() - started


def count_queue_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    reads: list[int] = []
    due_deliveries = notices.due_deliveries

    async def counted(*args: Any, **kwargs: Any) -> list[notices.DueDelivery]:
        reads.append(1)
        return await due_deliveries(*args, **kwargs)

    monkeypatch.setattr(notices, "due_deliveries", counted)
    return reads


async def idle_sender(harness: Harness, idle_seconds: float) -> NoticeSender:
    await harness.manual_notice_sender()  # stops the app's own
    # The engine built first: the revision it knows then changes only with an edit.
    await harness.runtime.answer_engine()
    sender = NoticeSender(harness.app, harness.runtime, poll_seconds=0.02)
    sender.idle_seconds = idle_seconds
    return sender


def sent(harness: Harness) -> int:
    return len(harness.bot_api.calls_of("sendMessage"))


def test_idle_reads_are_seconds_apart_by_default() -> None:
    assert IDLE_SECONDS == 5.0


async def test_an_empty_queue_is_not_read_again_while_nothing_changes(
    sqlite_harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = count_queue_reads(monkeypatch)
    sender = await idle_sender(sqlite_harness, idle_seconds=60)
    sender.start()
    try:
        await eventually(lambda: len(reads) == 1)
        await asyncio.sleep(0.5)  # 25 polls' time: memory looked at, not the database
        assert len(reads) == 1
    finally:
        await sender.stop()


async def test_an_empty_queue_is_read_again_after_the_idle_period(
    sqlite_harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = count_queue_reads(monkeypatch)
    sender = await idle_sender(sqlite_harness, idle_seconds=0.3)
    sender.start()
    try:
        await eventually(lambda: len(reads) >= 3)
    finally:
        await sender.stop()


async def test_an_edit_here_wakes_it_at_once(
    sqlite_harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = count_queue_reads(monkeypatch)
    sender = await idle_sender(sqlite_harness, idle_seconds=60)
    sender.start()
    try:
        await eventually(lambda: len(reads) == 1)
        await subscribe_to_everything(sqlite_harness.runtime, CHATS)
        assert (
            await queue_amount_correction(sqlite_harness.runtime, 1, "Sakhalin", "62000", "63000")
            == 2
        )
        await asyncio.sleep(0.1)
        assert sent(sqlite_harness) == 0  # nothing told it yet, and the idle wait is a minute
        sender.wake()  # what bot.handlers.editor_text.announce does after an edit
        await eventually(lambda: sent(sqlite_harness) == 2)
    finally:
        await sender.stop()


async def test_a_new_revision_seen_here_makes_it_look(
    sqlite_harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = count_queue_reads(monkeypatch)
    sender = await idle_sender(sqlite_harness, idle_seconds=60)
    runtime = sqlite_harness.runtime
    await runtime.answer_engine()
    before = runtime.known_revision()
    sender.start()
    try:
        await eventually(lambda: len(reads) == 1)
        await subscribe_to_everything(runtime, CHATS)
        # An edit on "another replica": the notices commit with the revision bump, and
        # nothing wakes this sender.
        async with runtime.sessionmaker() as session:
            change = await editing.edit_claim(session, OWNER, 1, {"amount": "63000"})
        assert change.notified == 2
        await asyncio.sleep(0.1)
        assert sent(sqlite_harness) == 0
        await runtime.answer_engine()  # a question reads the revision
        assert runtime.known_revision() != before
        await eventually(lambda: sent(sqlite_harness) == 2)
    finally:
        await sender.stop()


async def test_a_put_off_delivery_is_looked_at_when_due(
    sqlite_harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = count_queue_reads(monkeypatch)
    sender = await idle_sender(sqlite_harness, idle_seconds=60)
    sender.start()
    try:
        await eventually(lambda: len(reads) == 1)
        sender._put_off(0.3)  # as after a 429 or a network error
        waited = await eventually(lambda: len(reads) == 2)
        assert waited >= 0.2
    finally:
        await sender.stop()


async def test_a_429_then_the_notice_goes_out_after_its_wait(sqlite_harness: Harness) -> None:
    sender = await idle_sender(sqlite_harness, idle_seconds=60)
    await subscribe_to_everything(sqlite_harness.runtime, CHATS[:1])
    assert (
        await queue_amount_correction(sqlite_harness.runtime, 1, "Sakhalin", "62000", "63000") == 1
    )
    sqlite_harness.bot_api.fail_next("sendMessage", 429, retry_after=1)
    sender.start()
    try:
        await eventually(lambda: len(sqlite_harness.bot_api.calls_of("sendMessage")) == 2)
        assert sqlite_harness.bot_api.statuses[-1] == 200
    finally:
        await sender.stop()


async def test_a_wake_as_the_wait_times_out_is_not_lost(
    sqlite_harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``wake()`` run in the loop's turn that times the wait out (the loop busy past the
    timeout, with other work): the wait ends in TimeoutError with the flag set, and the
    sender still wakes (it lost the wake, and slept the idle minute, before)."""
    sender = NoticeSender(sqlite_harness.app, sqlite_harness.runtime, poll_seconds=0.02)

    async def timed_out_as_woken(waited: Any, seconds: float) -> None:
        waited.close()
        sender.wake()
        raise TimeoutError

    monkeypatch.setattr(bot.notify.asyncio, "wait_for", timed_out_as_woken)
    assert await sender._sleep(0.01)
    assert not sender._wake.is_set()  # read once: the next wait is a wait
    monkeypatch.undo()
    assert not await sender._sleep(0.01)
