"""bot.sending.send.post_text: the request python-telegram-bot's send_message would make,
through the same rate limiter and errors, without building a Message from the answer."""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import Forbidden, RetryAfter
from telegram.ext import AIORateLimiter, Application
from telegram.request import BaseRequest, RequestData

from bot.app import build_application
from bot.sending import retry
from bot.sending.send import markup_json, post_text, send_texts
from testkit.settings import make_settings

BOT_USER = {"id": 999, "is_bot": True, "first_name": "Bot", "username": "the_bot"}
SENT = {
    "message_id": 5,
    "date": 1700000000,
    "chat": {"id": 42, "type": "private", "first_name": "U"},
    "text": "x",
}


class WireRequest(BaseRequest):
    """Answers every call; keeps (method, form body) as the Bot API would receive it."""

    def __init__(self) -> None:
        self.bodies: list[tuple[str, bytes]] = []
        self.failures: list[tuple[int, dict[str, Any]]] = []

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        body = request_data.url_encoded_parameters().encode() if request_data else b""
        self.bodies.append((name, body))
        if name != "getMe" and self.failures:
            status, error = self.failures.pop(0)
            return status, json.dumps({"ok": False, **error}).encode()
        result = BOT_USER if name == "getMe" else SENT
        return 200, json.dumps({"ok": True, "result": result}).encode()


async def app_with(request: WireRequest, **settings: object) -> Application:
    settings_ = make_settings("sqlite+aiosqlite:///:memory:", **settings)
    app = build_application(settings_, request=request)
    await app.bot.initialize()
    request.bodies.clear()
    return app


KEYBOARD = InlineKeyboardMarkup(
    [
        [InlineKeyboardButton("Сколько в Даляне?", callback_data="q1:Сколько в Даляне?")],
        [InlineKeyboardButton("Who says so?", callback_data="q1:who says so?")],
    ]
)


@pytest.mark.parametrize(
    ("reply_to", "markup", "thread"),
    list(itertools.product([None, 7], [None, KEYBOARD], [None, 3])),
)
async def test_the_request_is_byte_for_byte_send_messages(
    reply_to: int | None, markup: InlineKeyboardMarkup | None, thread: int | None
) -> None:
    request = WireRequest()
    app = await app_with(request)
    text = "<b>Sakhalin</b> &amp; 大连: 62,000 rubles\n<i>Unverified.</i> 😀 +%&="
    message = await app.bot.send_message(
        chat_id=-100123,
        text=text,
        parse_mode=ParseMode.HTML,
        reply_to_message_id=reply_to,
        allow_sending_without_reply=True,
        reply_markup=markup,
        disable_web_page_preview=True,
        message_thread_id=thread,
    )
    assert isinstance(message, Message)
    await post_text(
        app.bot, -100123, text, reply_to=reply_to, markup=markup, message_thread_id=thread
    )
    [ptb, ours] = request.bodies
    assert ours == ptb
    assert ours[0] == "sendMessage"


async def test_the_rate_limiter_sees_the_same_call() -> None:
    seen: list[tuple[str, dict[str, Any]]] = []

    class Recording(AIORateLimiter):
        async def process_request(
            self,
            callback: Any,
            args: Any,
            kwargs: Any,
            endpoint: str,
            data: Any,
            rate_limit_args: Any,
        ) -> Any:
            seen.append((endpoint, dict(data)))
            return await callback(*args, **kwargs)

    request = WireRequest()
    app = await app_with(request)
    app.bot._rate_limiter = Recording()  # as the builder sets it (TELEGRAM_MAX_RATE > 0)
    await app.bot.send_message(
        chat_id=42, text="hi", parse_mode=ParseMode.HTML, disable_web_page_preview=True
    )
    await post_text(app.bot, 42, "hi")
    assert [endpoint for endpoint, _ in seen] == ["sendMessage", "sendMessage"]
    assert seen[0][1]["chat_id"] == seen[1][1]["chat_id"] == 42


async def test_a_configured_rate_limiter_is_used() -> None:
    request = WireRequest()
    app = await app_with(request, telegram_max_rate=30)
    assert isinstance(app.bot.rate_limiter, AIORateLimiter)
    await app.bot.rate_limiter.initialize()
    await post_text(app.bot, 42, "hi")
    assert [name for name, _ in request.bodies] == ["sendMessage"]


async def test_errors_are_telegrams_and_send_texts_counts_what_was_sent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    waits: list[float] = []

    async def no_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(retry, "sleep", no_sleep)
    request = WireRequest()
    app = await app_with(request)
    request.failures = [
        (429, {"error_code": 429, "description": "Too Many Requests: retry after 3",
               "parameters": {"retry_after": 3}}),
    ]  # fmt: skip
    assert await send_texts(app.bot, 42, ["one", "two"]) == 2
    assert waits == [pytest.approx(3.1)]
    assert len(request.bodies) == 3  # the 429, then both parts
    request.bodies.clear()
    request.failures = [(403, {"error_code": 403, "description": "Forbidden: bot was blocked"})]
    assert await send_texts(app.bot, 42, ["one", "two"]) == 0
    assert len(request.bodies) == 1  # nothing more to a chat that blocked the bot
    request.failures = [(403, {"error_code": 403, "description": "Forbidden: bot was blocked"})]
    with pytest.raises(Forbidden):
        await post_text(app.bot, 42, "one")
    request.failures = [
        (429, {"error_code": 429, "description": "Too Many Requests",
               "parameters": {"retry_after": 5}}),
    ]  # fmt: skip
    with pytest.raises(RetryAfter):
        await send_texts(app.bot, 42, ["queued"], queued=True)


def test_a_keyboards_json_is_kept_per_object() -> None:
    first = markup_json(KEYBOARD)
    assert first == KEYBOARD.to_json()
    assert markup_json(KEYBOARD) is first
    same_buttons = InlineKeyboardMarkup(KEYBOARD.inline_keyboard)
    assert markup_json(same_buttons) == first
    other = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="q1:x")]])
    assert json.loads(markup_json(other)) == {
        "inline_keyboard": [[{"text": "x", "callback_data": "q1:x"}]]
    }
