"""Offline Telegram harness: the real Application, an in-process fake Bot API, real store."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.ext import Application, ContextTypes

from bot.app import _post_init, build_application
from bot.runtime import Runtime
from tests.fakes.recording_request import RecordingRequest
from tests.html_check import assert_telegram_html

CAVEAT = "HNGN cannot independently verify the claims."
TEXT_METHODS = ("sendMessage", "editMessageText")


class Harness:
    def __init__(self, app: Application, request: RecordingRequest, runtime: Runtime) -> None:
        self.app = app
        self.request = request
        self.runtime = runtime
        self.errors: list[BaseException] = []
        self._ids = itertools.count(1)

    def next_update_id(self) -> int:
        return next(self._ids)

    async def process(self, update: dict[str, Any]) -> list[dict[str, Any]]:
        """Feeds one update; returns the text-sending calls it caused, each checked."""
        before = len(self.request.calls)
        await self.app.process_update(Update.de_json(update, self.app.bot))
        calls = [params for method, params in self.request.calls[before:] if method in TEXT_METHODS]
        for params in calls:
            text = str(params.get("text", ""))
            assert_telegram_html(text)
            assert CAVEAT in text or "Unverified." in text, f"no caveat in:\n{text}"
        return calls

    async def texts(self, update: dict[str, Any]) -> list[str]:
        return [str(params["text"]) for params in await self.process(update)]


@asynccontextmanager
async def telegram_harness(runtime: Runtime) -> AsyncIterator[Harness]:
    request = RecordingRequest()
    app = build_application(
        runtime.settings, runtime, request=request, updates_request=RecordingRequest()
    )
    harness = Harness(app, request, runtime)

    async def collect(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert context.error is not None
        harness.errors.append(context.error)

    # process_update swallows exceptions: collect them, and tests assert none.
    app.add_error_handler(collect)
    await app.initialize()
    await _post_init(app)
    try:
        yield harness
    finally:
        # post_init started the background workers; stop them as post_stop would.
        await app.bot_data["notice_sender"].stop()
        await app.bot_data["question_log"].stop()
        await app.shutdown()
