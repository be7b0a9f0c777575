"""The start-up waits and the database read retries (tenacity underneath): how many
tries, which errors are retried, the backoff asked for, and the lines logged."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import pytest
from sqlalchemy.exc import OperationalError

from bot import startup
from db.retry import READ_DELAYS, retry_read


def _down() -> OperationalError:
    return OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))


def _failing(errors: list[Exception], result: str = "ok") -> tuple[list[int], Callable[[], str]]:
    calls: list[int] = []

    def attempt() -> str:
        calls.append(1)
        if errors:
            raise errors.pop(0)
        return result

    return calls, attempt


@pytest.fixture
def fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(startup, "FIRST_DELAY", 0.001)
    monkeypatch.setattr(startup, "MAX_DELAY", 0.004)


async def test_a_read_is_retried_across_a_short_outage(caplog: pytest.LogCaptureFixture) -> None:
    errors: list[Exception] = [_down(), _down()]
    calls: list[int] = []

    async def read() -> str:
        calls.append(1)
        if errors:
            raise errors.pop(0)
        return "snapshot"

    with caplog.at_level(logging.INFO, logger="db.retry"):
        assert await retry_read(read, what="revision check") == "snapshot"
    assert len(calls) == 3
    assert [r.getMessage() for r in caplog.records] == [
        "Database revision check failed (OperationalError); retrying"
    ] * 2


async def test_a_read_gives_up_after_its_retries_and_never_retries_a_bug() -> None:
    calls: list[int] = []

    async def down() -> str:
        calls.append(1)
        raise _down()

    with pytest.raises(OperationalError):
        await retry_read(down)
    assert len(calls) == len(READ_DELAYS) + 1

    async def bug() -> str:
        calls.append(1)
        raise KeyError("not the database")

    calls.clear()
    with pytest.raises(KeyError):
        await retry_read(bug)
    assert calls == [1]


async def test_a_read_waits_the_read_delays_between_tries_and_none_when_it_succeeds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import db.retry

    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(db.retry.asyncio, "sleep", sleep)

    async def down() -> str:
        raise _down()

    with pytest.raises(OperationalError):
        await retry_read(down)
    assert waits == [0.1, 0.4] == list(READ_DELAYS)

    waits.clear()

    async def up() -> str:
        return "snapshot"

    assert await retry_read(up) == "snapshot"
    assert waits == []


def test_start_up_waits_with_doubling_backoff_until_reachable(
    fast_backoff: None, caplog: pytest.LogCaptureFixture
) -> None:
    calls, attempt = _failing([OSError("refused")] * 4, result=" (bot @b)")
    asked: list[float] = []

    def pause_for(error: Exception, delay: float) -> float:
        asked.append(delay)
        return delay

    with caplog.at_level(logging.INFO, logger="bot.startup"):
        assert startup._retry_until_reachable(
            "Bot API", attempt, threading.Event(), None, pause_for=pause_for
        )
    assert len(calls) == 5
    assert asked == [0.001, 0.002, 0.004, 0.004]  # doubling, capped at MAX_DELAY
    assert [r.getMessage() for r in caplog.records] == [
        "Bot API not reachable (OSError: refused); retrying in 0s"
    ] * 4 + ["Bot API is reachable (bot @b)"]


def test_start_up_gives_up_after_max_wait_and_stops_on_a_signal(
    fast_backoff: None, caplog: pytest.LogCaptureFixture
) -> None:
    calls, attempt = _failing([OSError("refused")] * 100)
    with caplog.at_level(logging.INFO, logger="bot.startup"):
        assert not startup._retry_until_reachable("Database", attempt, threading.Event(), 0.0)
    assert len(calls) == 1
    assert [r.getMessage() for r in caplog.records][-1] == (
        "Database still not reachable; giving up"
    )

    stopped = threading.Event()
    stopped.set()
    calls, attempt = _failing([])
    assert not startup._retry_until_reachable("Database", attempt, stopped, None)
    assert calls == []  # a signal before the first try: no try at all

    stop = threading.Event()

    def fail_then_signal() -> str:
        stop.set()  # SIGTERM while the database is down
        raise OSError("refused")

    assert not startup._retry_until_reachable("Database", fail_then_signal, stop, None)


def test_a_fatal_error_is_raised_at_once(fast_backoff: None) -> None:
    calls, attempt = _failing([startup.TokenRefused("Unauthorized")] * 3)
    with pytest.raises(startup.TokenRefused):
        startup._retry_until_reachable(
            "Bot API", attempt, threading.Event(), None, fatal=(startup.TokenRefused,)
        )
    assert len(calls) == 1


async def test_a_lambda_returning_a_coroutine_is_awaited_and_retried() -> None:
    # As bot/webhook.py calls it: lambda: bot.set_webhook(...).
    from bot.sending.retry import call_with_retry

    calls: list[str] = []

    async def set_webhook(url: str) -> bool:
        calls.append(url)
        return True

    assert await call_with_retry(lambda: set_webhook("https://x/hook")) is True
    assert calls == ["https://x/hook"]

    errors: list[Exception] = [_down()]

    async def current(name: str) -> str:
        if errors:
            raise errors.pop(0)
        return name

    assert await retry_read(lambda: current("snapshot")) == "snapshot"
