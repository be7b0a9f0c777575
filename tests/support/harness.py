"""The offline Telegram harness: the real Application, an in-process fake Bot API, a real store.

Every test that drives the bot with Telegram updates goes through ``telegram_harness``
(or the ``harness`` / ``sqlite_harness`` fixtures in conftest.py built on it), so
every one of them gets the same guarantees:

* each text the bot sends is valid Telegram HTML and carries the caveat;
* an exception in a handler fails the test (``process_update`` would swallow it);
* the background workers started at start-up are stopped at the end.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.ext import Application, ContextTypes

from bot.app import _post_init, build_application, stop_warm_up
from bot.i18n import Language, translator
from bot.notify import NoticeSender
from bot.runtime import Runtime
from bot.sending.messages import UNKNOWN_CAVEAT
from db.transfer import export_document
from testkit.fakes.recording_request import TEXT_METHODS, RecordingRequest
from testkit.fakes.updates import (
    DEFAULT_USER_ID,
    JSONDict,
    make_callback_update,
    make_document,
    make_inline_update,
    make_message_update,
)
from tests.support.html_check import assert_telegram_html

CAVEAT = "HNGN cannot independently verify the claims."
# Articles added by editors bring their own caveat; the bot marks every one "Unverified."
OTHER_CAVEAT_MARK = "Unverified."
# ...and in the other languages introduces it, as written, with this line (bot/i18n).
OTHER_CAVEAT_MARKS = (
    OTHER_CAVEAT_MARK,
    *(translator(language).gettext(UNKNOWN_CAVEAT) for language in Language),
)


def assert_fit_to_send(text: str) -> None:
    assert_telegram_html(text)
    assert CAVEAT in text or any(mark in text for mark in OTHER_CAVEAT_MARKS), (
        f"no caveat in:\n{text}"
    )


def assert_sent_calls_fit(calls: Iterable[tuple[str, JSONDict]]) -> None:
    """Every text in these Bot API calls is valid Telegram HTML with the caveat."""
    for method, params in calls:
        if method in TEXT_METHODS:
            assert_fit_to_send(str(params.get("text", "")))
        elif method in ("sendDocument", "sendPhoto") and "caption" in params:
            assert_fit_to_send(str(params["caption"]))
        elif method == "answerInlineQuery":
            results = params.get("results", [])
            for result in json.loads(results) if isinstance(results, str) else results:
                content = result.get("input_message_content") or {}
                if "message_text" in content:
                    assert_fit_to_send(str(content["message_text"]))
        elif method == "answerCallbackQuery" and params.get("text"):
            # Pop-ups are plain text (no HTML to check), but carry the caveat too.
            assert CAVEAT in str(params["text"]), f"no caveat in pop-up: {params['text']}"


class Harness:
    def __init__(self, app: Application, bot_api: RecordingRequest, runtime: Runtime) -> None:
        self.app = app
        self.bot_api = bot_api  # the fake Bot API: every call the bot made, in order
        self.runtime = runtime
        self.errors: list[BaseException] = []
        self._update_ids = itertools.count(1)

    def next_update_id(self) -> int:
        return next(self._update_ids)

    async def process(self, update: JSONDict) -> list[str]:
        """Feeds one update as Telegram would; returns the texts the user saw in reply."""
        before = len(self.bot_api.calls)
        await self.app.process_update(Update.de_json(update, self.app.bot))
        new_calls = self.bot_api.calls[before:]
        assert_sent_calls_fit(new_calls)
        statuses = self.bot_api.statuses[before:]
        # A call answered with an injected error was never seen by the user.
        return [
            str(params.get("text", ""))
            for (method, params), status in zip(new_calls, statuses, strict=True)
            if method in TEXT_METHODS and status == 200
        ]

    async def send(self, text: str, user_id: int = DEFAULT_USER_ID, **kwargs: Any) -> list[str]:
        """A message from ``user_id`` (private chat unless ``chat_type``/``chat_id`` say)."""
        return await self.process(
            make_message_update(self.next_update_id(), text, user_id, **kwargs)
        )

    async def send_document(
        self,
        file_id: str,
        caption: str,
        user_id: int = DEFAULT_USER_ID,
        *,
        file_name: str = "store.json",
        mime_type: str = "application/json",
        size: int | None = None,
    ) -> list[str]:
        """A document message; its bytes must be registered with ``bot_api.add_file``."""
        document = make_document(file_id, file_name, mime_type, size)
        update = make_message_update(
            self.next_update_id(), None, user_id, document=document, caption=caption
        )
        return await self.process(update)

    async def tap(self, data: str, user_id: int = DEFAULT_USER_ID, **kwargs: Any) -> list[str]:
        """A press of an inline keyboard button carrying ``data``."""
        return await self.process(
            make_callback_update(self.next_update_id(), data, user_id, **kwargs)
        )

    async def inline_query(
        self, query: str, user_id: int = DEFAULT_USER_ID, **kwargs: Any
    ) -> JSONDict:
        """Types ``@bot query``; returns the one answerInlineQuery call it caused."""
        before = len(self.bot_api.calls)
        await self.process(make_inline_update(self.next_update_id(), query, user_id, **kwargs))
        [answer] = [p for m, p in self.bot_api.calls[before:] if m == "answerInlineQuery"]
        return answer

    def sent_texts(self) -> list[str]:
        """Every text the users saw so far, in order (notices included)."""
        return self.bot_api.sent_texts()

    def last_keyboard(self) -> list[list[dict[str, str]]]:
        """The inline keyboard under the last sent message (empty if it had none)."""
        markup = self.bot_api.calls_of("sendMessage")[-1].get("reply_markup") or {}
        return list(markup.get("inline_keyboard", []))

    async def store(self) -> dict[str, object]:
        """The whole store as /export writes it, minus the export time, to compare."""
        async with self.runtime.sessionmaker() as session:
            document = await export_document(session)
        document.pop("exported_at")
        return document

    async def manual_notice_sender(self) -> NoticeSender:
        """Stops the background notice sender and returns a fresh one for the test to
        drain by hand, so the two never race for the same queued notice."""
        await self.app.bot_data.notice_sender.stop()
        return NoticeSender(self.app, self.runtime)

    async def _collect_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert context.error is not None
        self.errors.append(context.error)


@asynccontextmanager
async def telegram_harness(
    runtime: Runtime, *, bot_api: RecordingRequest | None = None, **settings: object
) -> AsyncIterator[Harness]:
    """The bot started as in production (menus set, workers running) over a fake Bot API.

    ``bot_api`` lets a test prepare the fake before start-up (e.g. ``fail_next``);
    ``settings`` override the runtime's settings for this Application only.
    On a clean exit it asserts that every sent text was fit to send and that no
    handler raised; a test that provokes an error on purpose clears ``errors``.
    """
    bot_api = bot_api or RecordingRequest()
    app_settings = runtime.settings.model_copy(update=settings) if settings else runtime.settings
    app = build_application(
        app_settings, runtime, request=bot_api, updates_request=RecordingRequest()
    )
    harness = Harness(app, bot_api, runtime)
    # process_update swallows handler exceptions: collect them instead.
    app.add_error_handler(harness._collect_error)
    await app.initialize()
    try:
        await _post_init(app)
        yield harness
    finally:
        # _post_init started the background workers; stop them as _post_stop would.
        # (_post_shutdown is not run: the runtime belongs to the caller.)
        await stop_warm_up(app)
        await app.bot_data.notice_sender.stop()
        await app.bot_data.question_log.stop()
        await app.shutdown()
    # Also covers what was sent outside process(): notices, start-up calls.
    assert_sent_calls_fit(bot_api.calls)
    assert harness.errors == [], f"handlers raised: {harness.errors!r}"
