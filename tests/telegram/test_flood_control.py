"""Sustained flood control (429): ``retry_after`` is honoured until a total deadline,
then one log line, never a traceback and never a lost answer while within the deadline.
Offline, on a fake clock: no real waiting."""

from __future__ import annotations

import datetime as dt
import logging
import warnings
from typing import Any

import pytest
from telegram.error import NetworkError, RetryAfter
from telegram.warnings import PTBDeprecationWarning

from bot.sending import retry as delivery
from tests.support.harness import Harness

# PTB 22's RetryAfter warns about its own retry_after type whenever one is built.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    recorded: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(delivery, "sleep", fake_sleep)
    monkeypatch.setattr(delivery, "clock", lambda: sum(recorded))
    return recorded


def flood(seconds: int) -> RetryAfter:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        return RetryAfter(dt.timedelta(seconds=seconds))


async def test_429s_are_retried_past_the_attempt_limit_within_the_deadline(
    sleeps: list[float],
) -> None:
    errors: list[Exception] = [flood(5)] * (delivery.MAX_ATTEMPTS + 3)
    calls: list[int] = []

    async def call() -> str:
        calls.append(1)
        if errors:
            raise errors.pop(0)
        return "sent"

    assert await delivery.call_with_retry(call) == "sent"
    assert len(calls) == delivery.MAX_ATTEMPTS + 4
    assert sleeps == [pytest.approx(5.1)] * (delivery.MAX_ATTEMPTS + 3)


async def test_429s_stop_at_the_deadline(sleeps: list[float]) -> None:
    calls: list[int] = []

    async def call() -> str:
        calls.append(1)
        raise flood(5)

    with pytest.raises(RetryAfter):
        await delivery.call_with_retry(call)
    # 11 waits of 5.1 s fit in 60 s; the 12th would end after the deadline.
    assert sleeps == [pytest.approx(5.1)] * 11
    assert len(calls) == 12


async def test_other_errors_keep_their_attempt_limit(sleeps: list[float]) -> None:
    calls: list[int] = []

    async def call() -> str:
        calls.append(1)
        raise NetworkError("Bad Gateway")

    with pytest.raises(NetworkError):
        await delivery.call_with_retry(call)
    assert len(calls) == delivery.MAX_ATTEMPTS


async def test_an_answer_under_sustained_flood_control_gives_up_in_one_line(
    harness: Harness, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    harness.bot_api.fail_next("sendMessage", 429, retry_after=7, count=1000)
    with caplog.at_level(logging.DEBUG):
        assert await harness.send("/caveat", 4004) == []
    tries = harness.bot_api.calls_of("sendMessage")
    assert len(tries) == 9 and sleeps == [pytest.approx(7.1)] * 8  # 8 × 7.1 s ≤ 60 s
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.getMessage() for r in problems] == [
        "Not sending to chat 4004: still under flood control (429, Telegram asks to wait "
        "7s more); 0 of 1 parts sent"
    ]
    assert [r for r in caplog.records if r.exc_info] == []
    assert harness.errors == []  # the handler did not raise


async def test_an_answer_is_sent_once_flood_control_ends(
    harness: Harness, sleeps: list[float]
) -> None:
    harness.bot_api.fail_next("sendMessage", 429, retry_after=9, count=6)  # 54.6 s
    [answer] = await harness.send("/caveat", 4004)
    assert "cannot independently verify" in answer
    assert len(harness.bot_api.calls_of("sendMessage")) == 7
    assert sum(sleeps) == pytest.approx(6 * 9.1)


async def test_a_429_reaching_the_error_handler_is_one_line(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    # A button's answerCallbackQuery is not retried (its query expires in seconds).
    harness.bot_api.fail_next("answerCallbackQuery", 429, retry_after=30, count=5)
    harness.app.add_error_handler(_forget_errors(harness))
    with caplog.at_level(logging.DEBUG):
        await harness.tap("q1:who says so?", 4004)
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.getMessage() for r in problems] == [
        "Telegram flood control (429): asked to wait 30s; update not answered"
    ]
    assert [r for r in caplog.records if r.exc_info] == []
    assert harness.bot_api.calls_of("sendMessage") == []  # no apology into the flood


def _forget_errors(harness: Harness) -> Any:
    async def forget(update: object, context: object) -> None:
        harness.errors.clear()

    return forget
