"""The start-up warm-up (bot/app.py ``_post_init``, ``Runtime.warm_up``): the language
analysers load in a thread, and the bot answers while they do."""

from __future__ import annotations

import asyncio
import threading

import pytest

import bot.app
import bot.runtime
from bot.botdata import bot_data
from bot.runtime import Runtime
from tests.support.harness import telegram_harness


async def test_the_analysers_load_off_the_event_loop_while_questions_are_answered(
    sqlite_runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    loading_in: list[threading.Thread] = []

    def slow_warm_up() -> None:
        loading_in.append(threading.current_thread())
        assert release.wait(30), "the test never released the warm-up"

    monkeypatch.setattr(bot.runtime, "warm_up_languages", slow_warm_up)
    monkeypatch.setattr(bot.app, "WARM_UP_LANGUAGES_AFTER", 0.0)
    async with telegram_harness(sqlite_runtime) as harness:
        task = bot_data(harness.app).warm_up
        assert task is not None
        for _ in range(200):
            if loading_in:
                break
            await asyncio.sleep(0.01)
        assert loading_in and loading_in[0] is not threading.current_thread()
        # The loader is still busy: the loop answers anyway.
        texts = await harness.send("fish plant workers china quota")
        assert "3,400 yuan" in texts[0]
        assert not task.done()
        release.set()
        await asyncio.wait_for(task, 10)
        assert bot_data(harness.app).warm_up is task and task.exception() is None


async def test_a_failed_warm_up_is_logged_and_questions_are_answered(
    sqlite_runtime: Runtime, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> None:
        raise OSError("no dictionary")

    monkeypatch.setattr(bot.runtime, "warm_up_languages", broken)
    monkeypatch.setattr(bot.app, "WARM_UP_LANGUAGES_AFTER", 0.0)
    async with telegram_harness(sqlite_runtime) as harness:
        task = bot_data(harness.app).warm_up
        assert task is not None
        await asyncio.wait_for(task, 10)
        assert "Warm-up failed (no dictionary)" in caplog.text
        texts = await harness.send("сколько на сахалине")
        assert "124\xa0000 российских рублей (RUB)" in texts[0]


async def test_stopping_during_the_warm_up_cancels_it(
    sqlite_runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    monkeypatch.setattr(bot.runtime, "warm_up_languages", lambda: release.wait(30))
    async with telegram_harness(sqlite_runtime) as harness:
        task = bot_data(harness.app).warm_up
        assert task is not None
    assert task.cancelled() and bot_data(harness.app).warm_up is None
    release.set()
