"""Tests of the Telegram fakes themselves (testkit/fakes/)."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    Update,
)
from telegram.error import Conflict, Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from testkit.fakes.bot_api_server import FakeApiTimeout, FakeBotApi
from testkit.fakes.e2e import BotProcessError, build_env, running_bot
from testkit.fakes.recording_request import RecordingRequest
from testkit.fakes.updates import (
    BOT_ID,
    command_entities,
    make_callback_update,
    make_channel_post_update,
    make_document,
    make_inline_update,
    make_message_update,
    make_sticker_update,
)

TOKEN = "123:ABC"
HANG_GUARD = 20.0  # only to turn a hang into a failure; never a timing assertion

# PTB 22's own RetryAfter constructor emits this (int vs timedelta); not our concern.
_IGNORE_RETRY_AFTER_DEPRECATION = pytest.mark.filterwarnings(
    "ignore::telegram.warnings.PTBDeprecationWarning"
)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as server:
        yield server


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=api.base_url, base_file_url=api.base_file_url) as b:
        yield b


# -- update builders -----------------------------------------------------------------


def test_command_entity_covers_command_and_botname() -> None:
    assert command_entities("/help@quota_test_bot some args") == [
        {"type": "bot_command", "offset": 0, "length": len("/help@quota_test_bot")}
    ]
    assert command_entities("hello /start") == []
    assert command_entities("/") == []


def test_builders_parse_into_ptb_objects() -> None:
    bot = Bot(TOKEN)
    upd = Update.de_json(make_message_update(1, "/start x", user_id=5), bot)
    assert upd.effective_user is not None and upd.effective_user.id == 5
    assert upd.effective_chat is not None and upd.effective_chat.type == "private"
    assert upd.message is not None and upd.message.entities[0].type == "bot_command"

    edited = Update.de_json(make_message_update(2, "x", edited=True), bot)
    assert edited.edited_message is not None and edited.message is None

    anon = Update.de_json(
        make_message_update(
            3, "hi", chat_type="supergroup", sender_chat={"id": -100, "type": "supergroup"}
        ),
        bot,
    )
    assert anon.effective_message is not None
    assert anon.effective_message.sender_chat is not None

    reply_to = make_message_update(4, "original")["message"]
    replied = Update.de_json(make_message_update(5, "re", reply_to_message=reply_to), bot)
    assert replied.message is not None and replied.message.reply_to_message is not None

    doc = Update.de_json(
        make_message_update(6, None, document=make_document("F"), caption="/import"), bot
    )
    assert doc.message is not None and doc.message.document is not None
    assert doc.message.caption_entities[0].type == "bot_command"

    cb = Update.de_json(make_callback_update(7, "yes"), bot)
    assert cb.callback_query is not None
    assert isinstance(cb.callback_query.message, Message)
    assert cb.callback_query.message.from_user is not None
    assert cb.callback_query.message.from_user.id == BOT_ID

    inline = Update.de_json(make_inline_update(8, "quota"), bot)
    assert inline.inline_query is not None and inline.inline_query.query == "quota"

    post = Update.de_json(make_channel_post_update(9, "news"), bot)
    assert post.channel_post is not None and post.effective_chat is not None
    assert post.effective_chat.type == "channel"

    sticker = Update.de_json(make_sticker_update(10), bot)
    assert sticker.message is not None and sticker.message.sticker is not None


# -- RecordingRequest (offline, Application.process_update) -------------------------


async def _offline_app() -> tuple[Application, RecordingRequest, list[object]]:
    rec = RecordingRequest()
    app = Application.builder().token(TOKEN).request(rec).updater(None).build()
    errors: list[object] = []

    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        errors.append(context.error)

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="yes")]])
        await update.effective_message.reply_text("Welcome", reply_markup=keyboard)

    async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer()
        await query.edit_message_text(f"You chose {query.data}")

    async def inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.inline_query is not None
        await update.inline_query.answer(
            [InlineQueryResultArticle("1", "Quota", InputTextMessageContent("unverified"))]
        )

    async def document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None and message.document is not None
        file = await message.document.get_file()
        data = await file.download_as_bytearray()
        await message.reply_document(bytes(data).upper(), filename="echo.txt")

    async def sticker(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text("Nice sticker")

    async def channel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_chat is not None
        await context.bot.send_message(update.effective_chat.id, "seen")

    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(button))
    app.add_handler(InlineQueryHandler(inline))
    app.add_handler(MessageHandler(filters.Document.ALL, document))
    app.add_handler(MessageHandler(filters.Sticker.ALL, sticker))
    app.add_handler(MessageHandler(filters.UpdateType.CHANNEL_POST, channel))
    app.add_error_handler(on_error)
    return app, rec, errors


async def test_recording_request_answers_handlers_offline() -> None:
    app, rec, errors = await _offline_app()
    async with app:
        assert rec.calls_of("getMe")  # initialize() asked who we are
        assert app.bot.username == "quota_test_bot"
        rec.clear()
        rec.add_file("DOC1", b"hello")

        for d in (
            make_message_update(1, "/start", user_id=7),
            make_message_update(2, "/start@quota_test_bot", chat_type="supergroup"),
            make_callback_update(3, "yes", user_id=7),
            make_inline_update(4, "quota"),
            make_message_update(5, None, document=make_document("DOC1")),
            make_sticker_update(6),
            make_channel_post_update(7, "news", chat_id=-1005),
        ):
            await app.process_update(Update.de_json(d, app.bot))

    assert errors == []
    assert rec.sent_texts() == ["Welcome", "Welcome", "You chose yes", "Nice sticker", "seen"]
    [first, group] = rec.calls_of("sendMessage")[:2]
    assert first["chat_id"] == 7
    assert first["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "yes"
    assert group["chat_id"] < 0
    assert rec.calls_of("answerCallbackQuery") and rec.calls_of("answerInlineQuery")
    assert rec.calls_of("getFile")[0]["file_id"] == "DOC1"
    [upload] = rec.uploaded_files
    assert (upload.method, upload.filename, upload.data) == ("sendDocument", "echo.txt", b"HELLO")


@_IGNORE_RETRY_AFTER_DEPRECATION
async def test_recording_request_injected_errors_reach_error_handler() -> None:
    app, rec, errors = await _offline_app()
    async with app:
        rec.fail_next("sendMessage", 403)
        rec.fail_next("sendMessage", 429, retry_after=5)
        for update_id in (1, 2, 3):
            await app.process_update(
                Update.de_json(make_message_update(update_id, "/start"), app.bot)
            )
    assert [type(e) for e in errors] == [Forbidden, RetryAfter]
    assert "bot was blocked by the user" in str(errors[0])
    assert rec.sent_texts() == ["Welcome"]
    assert rec.sent_texts(include_failed=True) == ["Welcome", "Welcome", "Welcome"]
    assert rec.statuses[-3:] == [403, 429, 200]


# -- FakeBotApi over HTTP ------------------------------------------------------------


async def test_get_me_and_send_message_recorded(api: FakeBotApi, bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.username, me.supports_inline_queries) == (BOT_ID, "quota_test_bot", True)

    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("A", callback_data="a")]])
    msg = await bot.send_message(42, "42", reply_markup=keyboard)
    assert (msg.chat.id, msg.text) == (42, "42")
    assert msg.reply_markup == keyboard

    [sent] = api.sent_messages(chat_id=42)
    assert sent["text"] == "42"  # text stays a string although it looks like JSON
    assert sent["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "a"
    assert api.sent_messages(chat_id=1) == []
    assert [c.method for c in api.calls][-2:] == ["getMe", "sendMessage"]
    assert all(c.status == 200 for c in api.calls)


async def test_get_updates_returns_pushed_and_drops_confirmed(api: FakeBotApi, bot: Bot) -> None:
    first = api.push_text("/start", user_id=9)
    api.push_update(make_callback_update(api.next_update_id(), "yes", user_id=9))
    updates = await bot.get_updates(timeout=0)
    assert [u.update_id for u in updates] == [first, first + 1]
    assert updates[0].message is not None and updates[0].message.text == "/start"
    assert updates[1].callback_query is not None

    # Same offset again: not yet confirmed, so still delivered.
    assert len(await bot.get_updates(offset=first, timeout=0)) == 2
    assert await bot.get_updates(offset=first + 2, timeout=0) == ()
    assert api.pending_updates == []


async def test_long_poll_returns_as_soon_as_update_is_pushed(api: FakeBotApi, bot: Bot) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=60, read_timeout=70))
    await api.wait_for_call("getUpdates", timeout=HANG_GUARD)
    api.push_text("hello")
    updates = await asyncio.wait_for(poll, HANG_GUARD)
    assert [u.message.text for u in updates if u.message] == ["hello"]


@_IGNORE_RETRY_AFTER_DEPRECATION
async def test_fail_next_raises_ptb_errors(api: FakeBotApi, bot: Bot) -> None:
    api.fail_next("sendMessage", 429, retry_after=7)
    with pytest.raises(RetryAfter, match="7"):
        await bot.send_message(1, "a")

    api.fail_next("sendMessage", 403)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(1, "b")

    api.fail_next("sendMessage", 502, count=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await bot.send_message(1, "c")

    await bot.send_message(1, "d")
    assert [c.status for c in api.calls_of("sendMessage")] == [429, 403, 502, 502, 200]
    assert api.sent_texts() == ["d"]  # failed sends are not "sent"


async def test_document_upload_and_file_download(api: FakeBotApi, bot: Bot) -> None:
    msg = await bot.send_document(5, document=b"csv,data", filename="r.csv", caption="report")
    assert msg.document is not None and msg.document.file_name == "r.csv"
    assert msg.caption == "report"
    [upload] = api.uploaded_files
    assert (upload.field, upload.filename, upload.data) == ("document", "r.csv", b"csv,data")
    assert api.calls_of("sendDocument")[0].params["caption"] == "report"

    uploaded = await bot.get_file(msg.document.file_id)
    assert await uploaded.download_as_bytearray() == bytearray(b"csv,data")

    api.add_file("USERDOC", b"\x00\x01binary")
    user_file = await bot.get_file("USERDOC")
    assert user_file.file_path is not None
    assert user_file.file_path.startswith(api.base_file_url)
    assert await user_file.download_as_bytearray() == bytearray(b"\x00\x01binary")


async def test_webhook_registration_and_delivery(api: FakeBotApi, bot: Bot) -> None:
    received: list[tuple[str | None, dict[str, object]]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append(
            (request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json())
        )
        return web.Response()

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    port = runner.addresses[0][1]
    try:
        await bot.set_webhook(f"http://127.0.0.1:{port}/hook", secret_token="s3cret")
        assert (await bot.get_webhook_info()).url.endswith("/hook")
        with pytest.raises(Conflict):
            await bot.get_updates(timeout=0)

        status = await api.deliver_via_webhook(make_message_update(77, "via hook"))
        assert status == 200
        assert received[0][0] == "s3cret"
        assert received[0][1]["update_id"] == 77

        assert await api.deliver_via_webhook({"message": {}}, secret="") == 200
        assert received[1][0] is None

        await bot.delete_webhook()
        assert await bot.get_updates(timeout=0) == ()
    finally:
        await runner.cleanup()


async def test_wait_for_messages_timeout_says_what_arrived(api: FakeBotApi, bot: Bot) -> None:
    await bot.send_message(3, "only one")
    assert [m["text"] for m in await api.wait_for_messages(1, chat_id=3)] == ["only one"]
    with pytest.raises(FakeApiTimeout, match="got 1: \\['only one'\\]"):
        await api.wait_for_messages(2, timeout=0.1)


async def test_wrong_token_is_rejected() -> None:
    async with FakeBotApi(token=TOKEN) as server:
        with pytest.raises(InvalidToken, match="rejected by the server"):
            async with Bot("999:WRONG", base_url=server.base_url):
                pass  # initialize() -> getMe -> 401


async def test_application_polling_end_to_end(api: FakeBotApi) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(f"hi {context.args}")

    app = Application.builder().token(TOKEN).base_url(api.base_url).build()
    app.add_handler(CommandHandler("start", start))
    async with app:
        assert app.updater is not None
        await app.updater.start_polling(timeout=1)
        await app.start()
        api.push_text("/start now", user_id=11)
        api.push_text("/start later", user_id=12)
        [a] = await api.wait_for_messages(1, chat_id=11, timeout=HANG_GUARD)
        [b] = await api.wait_for_messages(1, chat_id=12, timeout=HANG_GUARD)
        await app.updater.stop()
        await app.stop()
    assert (a["text"], b["text"]) == ("hi ['now']", "hi ['later']")
    assert api.pending_updates == []  # PTB confirmed them on shutdown


async def test_server_in_background_thread() -> None:
    server = FakeBotApi()
    port = server.start_in_thread()
    try:
        assert server.base_url == f"http://127.0.0.1:{port}/bot"
        async with Bot(TOKEN, base_url=server.base_url) as b:
            server.push_text("from another thread")
            updates = await b.get_updates(timeout=5)
            assert [u.message.text for u in updates if u.message] == ["from another thread"]
            await b.send_message(1, "x")
            # The async waiter hops onto the server's loop; the sync one blocks a thread.
            assert len(await server.wait_for_messages(1, timeout=HANG_GUARD)) == 1
            msgs = await asyncio.to_thread(server.wait_for_messages_sync, 1, None, HANG_GUARD)
            assert msgs[0]["text"] == "x"
    finally:
        server.stop_thread()


async def test_cli_serves_until_terminated() -> None:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "testkit.fakes.bot_api_server",
        "--port",
        "0",
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        line = await asyncio.wait_for(proc.stdout.readline(), HANG_GUARD)
        port = int(line.decode().strip().removeprefix("port="))
        async with Bot(TOKEN, base_url=f"http://127.0.0.1:{port}/bot") as b:
            assert (await b.get_me()).username == "quota_test_bot"
    finally:
        proc.terminate()
        await asyncio.wait_for(proc.wait(), HANG_GUARD)


# -- e2e subprocess helper -----------------------------------------------------------

_FRIENDLY = """
import os, signal, sys
def bye(*_):
    print("bye", flush=True)
    sys.exit(0)
signal.signal(signal.SIGTERM, bye)
print("ready", os.environ.get("GREETING"), os.environ.get("TELEGRAM_LEAK"), flush=True)
print("to stderr", file=sys.stderr, flush=True)
signal.pause()
"""


async def test_running_bot_captures_logs_and_stops_with_sigterm(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TELEGRAM_LEAK", "real-token")
    async with running_bot({"GREETING": "hello"}, args=("-c", _FRIENDLY)) as proc:
        await proc.wait_for_log("to stderr", timeout=HANG_GUARD)
        assert "ready hello None" in proc.stdout()
        log_dir = proc.log_dir
    assert proc.returncode == 0 and not proc.killed
    assert not log_dir.exists()  # cleaned up after a clean run


def test_build_env_strips_telegram_vars(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "real")
    env = build_env({"TELEGRAM_API_BASE_URL": "http://127.0.0.1:1/bot"})
    assert "TELEGRAM_BOT_TOKEN" not in env
    assert env["TELEGRAM_API_BASE_URL"] == "http://127.0.0.1:1/bot"
    assert env["PATH"] == os.environ["PATH"]


async def test_running_bot_reports_early_crash_with_logs() -> None:
    crash = "import sys; print('boom: bad config', file=sys.stderr); sys.exit(3)"
    with pytest.raises(BotProcessError, match=r"(?s)exited early with code 3.*boom: bad config"):
        async with running_bot({}, args=("-c", crash)) as proc:
            await proc.wait_for_log("never printed", timeout=HANG_GUARD)


async def test_running_bot_kills_process_ignoring_sigterm() -> None:
    stubborn = (
        "import signal; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
        "print('up', flush=True); signal.pause()"
    )
    with pytest.raises(BotProcessError, match="ignored SIGTERM"):
        async with running_bot({}, args=("-c", stubborn), stop_timeout=0.5) as proc:
            await proc.wait_for_log("up", timeout=HANG_GUARD)
    assert proc.killed


async def test_running_bot_attaches_logs_to_test_failures() -> None:
    with pytest.raises(ValueError) as info:
        async with running_bot({}, args=("-c", _FRIENDLY)) as proc:
            await proc.wait_for_log("ready", timeout=HANG_GUARD)
            raise ValueError("assertion in test body")
    assert any("ready" in note for note in info.value.__notes__)
