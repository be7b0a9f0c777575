"""bot/http.py AiohttpRequest against the fake Bot API server (real HTTP on 127.0.0.1)."""

from __future__ import annotations

import asyncio
import io
import socket
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from telegram import Bot, InputFile
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.http import AiohttpRequest
from testkit.fakes.bot_api_server import FakeBotApi

TOKEN = "123:ABC"


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as server:
        yield server


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[Bot]:
    bot = Bot(
        TOKEN,
        base_url=api.base_url,
        base_file_url=api.base_file_url,
        request=AiohttpRequest(),
        get_updates_request=AiohttpRequest(connection_pool_size=1),
    )
    await bot.initialize()  # getMe through aiohttp
    try:
        yield bot
    finally:
        await bot.shutdown()


async def test_send_message_round_trip(api: FakeBotApi, bot: Bot) -> None:
    text = "<b>Quota</b> 62,000 rubles — “doubled” 🇷🇺 & <i>unverified</i>"
    message = await bot.send_message(chat_id=42, text=text, parse_mode="HTML")
    assert message.text == text
    [sent] = api.sent_messages(chat_id=42)
    assert sent["text"] == text
    assert sent["parse_mode"] == "HTML"
    assert bot.username  # getMe was parsed
    [get_me] = api.calls_of("getMe")
    assert get_me.status == 200


async def test_reply_markup_and_non_string_params_survive(api: FakeBotApi, bot: Bot) -> None:
    from telegram import InlineKeyboardButton, InlineKeyboardMarkup

    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Undo", callback_data="undo:7")]])
    message = await bot.send_message(chat_id=-100123, text="42", reply_markup=markup)
    [sent] = api.sent_messages(chat_id=-100123)
    assert sent["text"] == "42"  # a numeric-looking text stays a string
    assert sent["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "undo:7"
    assert message.reply_markup is not None


async def test_file_upload_is_multipart(api: FakeBotApi, bot: Bot) -> None:
    data = b'{"format": "quota-facts-store"}\n' + bytes(range(256)) * 40
    message = await bot.send_document(
        chat_id=42,
        document=InputFile(io.BytesIO(data), filename="export.json"),
        caption="Export <b>ok</b>",
        parse_mode="HTML",
    )
    [upload] = api.uploaded_files
    assert upload.method == "sendDocument"
    assert upload.field == "document"
    assert upload.filename == "export.json"
    assert upload.data == data
    [call] = api.calls_of("sendDocument")
    assert call.params["caption"] == "Export <b>ok</b>"
    assert call.params["chat_id"] == 42
    assert message.document is not None
    # And the download path back through getFile + the file URL.
    file = await bot.get_file(message.document.file_id)
    assert bytes(await file.download_as_bytearray()) == data


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_error_statuses_become_telegram_errors(api: FakeBotApi, bot: Bot) -> None:
    api.fail_next("sendMessage", 403)
    with pytest.raises(Forbidden):
        await bot.send_message(chat_id=42, text="hi")
    api.fail_next("sendMessage", 400, "Bad Request: can't parse entities")
    with pytest.raises(BadRequest, match="parse entities"):
        await bot.send_message(chat_id=42, text="<b>")
    api.fail_next("sendMessage", 429, retry_after=3)
    with pytest.raises(RetryAfter, match="3"):
        await bot.send_message(chat_id=42, text="hi")
    api.fail_next("sendMessage", 502)
    with pytest.raises(NetworkError):
        await bot.send_message(chat_id=42, text="hi")
    # The session still works after errors.
    await bot.send_message(chat_id=42, text="after")
    assert api.sent_texts(chat_id=42) == ["after"]


async def test_get_updates_long_poll_gets_pushed_update(api: FakeBotApi, bot: Bot) -> None:
    async def push_later() -> None:
        await asyncio.sleep(0.2)
        api.push_text("hello", user_id=7)

    pusher = asyncio.create_task(push_later())
    updates = await bot.get_updates(timeout=5)
    await pusher
    assert [u.message.text for u in updates if u.message] == ["hello"]


async def test_slow_server_times_out() -> None:
    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(5)
        return web.json_response({"ok": True, "result": True})

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", slow)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    request = AiohttpRequest(read_timeout=0.3)
    await request.initialize()
    try:
        with pytest.raises(TimedOut):
            await request.post(f"http://127.0.0.1:{port}/bot{TOKEN}/getMe")
    finally:
        await request.shutdown()
        await runner.cleanup()


async def test_refused_connection_is_network_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, not listening: connections are refused
        request = AiohttpRequest()
        await request.initialize()
        try:
            with pytest.raises(NetworkError) as caught:
                await request.post(f"http://127.0.0.1:{port}/bot{TOKEN}/getMe")
            assert not isinstance(caught.value, TimedOut)
        finally:
            await request.shutdown()


async def test_lifecycle() -> None:
    request = AiohttpRequest()
    # PTB wraps the RuntimeError of an unopened transport in a NetworkError.
    with pytest.raises(NetworkError, match="not initialized"):
        await request.post("http://127.0.0.1:1/bot1:x/getMe")
    await request.initialize()
    await request.initialize()  # idempotent
    await request.shutdown()
    await request.shutdown()  # idempotent
    with pytest.raises(NetworkError, match="not initialized"):
        await request.post("http://127.0.0.1:1/bot1:x/getMe")
    await request.initialize()  # can be reopened, as PTB does across run_polling calls
    await request.shutdown()
