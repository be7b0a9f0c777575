"""A lean fake Telegram Bot API HTTP server for end-to-end tests and benchmarks.

The real bot runs as a subprocess with
``TELEGRAM_API_BASE_URL=<server.base_url>`` (and
``TELEGRAM_API_BASE_FILE_URL=<server.base_file_url>``); PTB then requests
``<base_url><token>/<method>`` here. Answers come from the same
``BotApiResponder`` that backs the in-process ``RecordingRequest``.

Usage::

    async with FakeBotApi() as api:
        ...start the bot against api.base_url...
        api.push_text("/start", user_id=42)
        [msg] = await api.wait_for_messages(1, chat_id=42)

Run standalone for manual trying: ``python -m testkit.fakes.bot_api_server --port 8081``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TypeVar

import aiohttp
from aiohttp import web

from testkit.fakes.recording_request import (
    TEXT_METHODS,
    BotApiResponder,
    UploadedFile,
    encode_ok,
)
from testkit.fakes.updates import DEFAULT_USER_ID, JSONDict, make_error, make_message_update

T = TypeVar("T")

# PTB sends form fields with every non-string value JSON-encoded and strings raw.
# We decode by trying JSON, except for parameters that are always strings, where a
# text like "42" or "true" must stay a string.
_STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "query",
        "data",
        "url",
        "secret_token",
        "callback_query_id",
        "inline_query_id",
        "inline_message_id",
        "file_id",
        "parse_mode",
        "next_offset",
        "switch_pm_text",
        "switch_pm_parameter",
        "description",
        "short_description",
        "name",
        "title",
        "emoji",
        "sticker",
        "document",
        "photo",
        "audio",
        "video",
        "voice",
        "animation",
        "thumbnail",
        "language_code",
        "ip_address",
        "message_effect_id",
        "business_connection_id",
        "custom_emoji_id",
    }
)
_TEXT_METHODS = frozenset(m.lower() for m in TEXT_METHODS)
_WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)


def decode_form_value(key: str, value: str) -> Any:
    if key in _STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value  # e.g. chat_id="@channel"


@dataclass
class ApiCall:
    """One request the bot made. ``status`` is 0 while a long poll is still open."""

    method: str
    params: JSONDict
    time: float  # time.monotonic() on arrival
    token: str
    status: int = 0


class FakeApiTimeout(AssertionError):
    """A wait_for_* helper gave up; the message says what did arrive."""


class FakeBotApi:
    """Fake Bot API server; see the module docstring."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        token: str | None = None,
        responder: BotApiResponder | None = None,
    ) -> None:
        self.host = host
        self.port = port
        # When set, other tokens get 401 like Telegram answers an invalid token.
        self.token = token
        self.responder = responder or BotApiResponder()
        self.calls: list[ApiCall] = []
        self.messages: list[JSONDict] = []  # params of successful sendMessage/editMessageText
        self.uploaded_files: list[UploadedFile] = []
        self.webhook_url = ""
        self.webhook_secret: str | None = None

        self._pending: list[JSONDict] = []  # sorted by update_id
        self._next_update_id = 1
        self._id_lock = threading.Lock()
        self._closing = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._client: aiohttp.ClientSession | None = None
        self._thread: threading.Thread | None = None
        # Events are created in start() so they belong to the server's loop.
        self._update_event: asyncio.Event | None = None
        self._message_event: asyncio.Event | None = None
        self._call_event: asyncio.Event | None = None

    # -- lifecycle -----------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://{self.host}:{self.port}/file/bot"

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._closing = False
        self._update_event = asyncio.Event()
        self._message_event = asyncio.Event()
        self._call_event = asyncio.Event()
        app = web.Application(client_max_size=64 * 2**20)  # allow document uploads
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{file_path:.+}", self._handle_file)
        app.router.add_post("/_fake/push", self._handle_push)
        app.router.add_get("/_fake/calls", self._handle_calls)
        # No access log: benchmarks push thousands of requests through here.
        # Short shutdown timeout: open long polls must not delay stop().
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        self._closing = True
        for event in (self._update_event, self._message_event, self._call_event):
            if event is not None:
                event.set()  # release long polls and waiters now
        if self._client is not None:
            await self._client.close()
            self._client = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotApi:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    def start_in_thread(self, timeout: float = 10.0) -> int:
        """Run the server on its own event loop in a daemon thread (for sync code).
        Returns the port. Use the ``*_sync`` helpers from the calling thread."""
        ready = threading.Event()
        errors: list[BaseException] = []
        loop = asyncio.new_event_loop()

        def run() -> None:
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self.start())
            except BaseException as exc:
                errors.append(exc)
                ready.set()
                loop.close()
                return
            ready.set()
            loop.run_forever()
            loop.close()

        self._thread = threading.Thread(target=run, name="FakeBotApi", daemon=True)
        self._thread.start()
        if not ready.wait(timeout):
            raise RuntimeError("FakeBotApi thread did not start")
        if errors:
            raise errors[0]
        return self.port

    def stop_thread(self, timeout: float = 10.0) -> None:
        if self._thread is None or self._loop is None:
            return
        loop = self._loop
        asyncio.run_coroutine_threadsafe(self.stop(), loop).result(timeout)
        loop.call_soon_threadsafe(loop.stop)
        self._thread.join(timeout)
        self._thread = None

    async def _in_server_loop(self, coro_fn: Callable[[], Coroutine[Any, Any, T]]) -> T:
        # In thread mode the events/session live on the server loop; hop over to it.
        running = asyncio.get_running_loop()
        if self._loop is None or self._loop is running:
            return await coro_fn()
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro_fn(), self._loop))

    def _run_sync(self, coro: Coroutine[Any, Any, T], timeout: float) -> T:
        if self._loop is None:
            coro.close()
            raise RuntimeError("FakeBotApi is not running")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    # -- updates -------------------------------------------------------------------

    def next_update_id(self) -> int:
        with self._id_lock:
            update_id = self._next_update_id
            self._next_update_id += 1
            return update_id

    def push_update(self, update: JSONDict) -> int:
        """Queue an update for getUpdates; assigns ``update_id`` if missing.
        Safe to call from any thread. Returns the update_id."""
        if "update_id" not in update:
            update = {**update, "update_id": self.next_update_id()}
        else:
            with self._id_lock:
                self._next_update_id = max(self._next_update_id, update["update_id"] + 1)
        if (
            self._loop is not None
            and self._thread is not None
            and threading.current_thread() is not self._thread
        ):
            self._loop.call_soon_threadsafe(self._enqueue, update)
        else:
            self._enqueue(update)
        return int(update["update_id"])

    def push_text(
        self,
        text: str,
        user_id: int = DEFAULT_USER_ID,
        chat_id: int | None = None,
        chat_type: str = "private",
        **kwargs: Any,
    ) -> int:
        """Queue a text message update (``kwargs`` go to ``make_message_update``)."""
        update_id = self.next_update_id()
        return self.push_update(
            make_message_update(
                update_id, text, user_id=user_id, chat_id=chat_id, chat_type=chat_type, **kwargs
            )
        )

    def _enqueue(self, update: JSONDict) -> None:
        if self._pending and self._pending[-1]["update_id"] > update["update_id"]:
            self._pending.append(update)
            self._pending.sort(key=lambda u: u["update_id"])
        else:
            self._pending.append(update)
        if self._update_event is not None:
            self._update_event.set()

    @property
    def pending_updates(self) -> list[JSONDict]:
        return list(self._pending)

    def _confirm(self, offset: int) -> None:
        # Telegram semantics: updates below `offset` are confirmed and forgotten; a
        # negative offset keeps only the last -offset updates.
        if offset > 0:
            drop = 0
            while drop < len(self._pending) and self._pending[drop]["update_id"] < offset:
                drop += 1
            del self._pending[:drop]
        elif offset < 0:
            del self._pending[:offset]

    async def _get_updates(self, params: JSONDict) -> list[JSONDict]:
        # allowed_updates is recorded but not applied: tests push what they want.
        self._confirm(int(params.get("offset") or 0))
        limit = max(1, min(100, int(params.get("limit") or 100)))
        timeout = float(params.get("timeout") or 0)
        event = self._update_event
        if not self._pending and timeout > 0 and event is not None:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + timeout
            while not self._pending and not self._closing:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    break
                event.clear()
                try:
                    await asyncio.wait_for(event.wait(), remaining)
                except TimeoutError:
                    break
        return self._pending[:limit]

    # -- recording / waiting -------------------------------------------------------

    def calls_of(self, method: str) -> list[ApiCall]:
        return [c for c in self.calls if c.method.lower() == method.lower()]

    def sent_messages(self, chat_id: int | str | None = None) -> list[JSONDict]:
        """Params of successful sendMessage/editMessageText calls, in arrival order."""
        if chat_id is None:
            return list(self.messages)
        return [m for m in self.messages if m.get("chat_id") == chat_id]

    def sent_texts(self, chat_id: int | str | None = None) -> list[str]:
        return [str(m.get("text", "")) for m in self.sent_messages(chat_id)]

    def clear(self) -> None:
        """Forget recorded calls, messages and uploads (not queued updates)."""
        self.calls.clear()
        self.messages.clear()
        self.uploaded_files.clear()

    async def _wait_until(
        self,
        event_of: Callable[[], asyncio.Event | None],
        ready: Callable[[], T | None],
        seconds: float,
        describe: Callable[[], str],
    ) -> T:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while True:
            result = ready()
            if result is not None:
                return result
            remaining = deadline - loop.time()
            event = event_of()
            if remaining <= 0 or event is None or self._closing:
                raise FakeApiTimeout(describe())
            event.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    def _recent_calls(self, n: int = 20) -> str:
        return ", ".join(f"{c.method}({c.status})" for c in self.calls[-n:]) or "none"

    # ASYNC109: an own timeout (not asyncio.timeout) lets us report what did arrive.
    async def wait_for_messages(
        self,
        count: int,
        chat_id: int | str | None = None,
        timeout: float = 30.0,  # noqa: ASYNC109
    ) -> list[JSONDict]:
        """Wait until ``count`` sendMessage/editMessageText calls (optionally to one
        chat) succeeded; returns the params of the first ``count`` of them."""

        def ready() -> list[JSONDict] | None:
            msgs = self.sent_messages(chat_id)
            return msgs[:count] if len(msgs) >= count else None

        def describe() -> str:
            msgs = self.sent_messages(chat_id)
            where = f" to chat {chat_id}" if chat_id is not None else ""
            return (
                f"timed out after {timeout}s waiting for {count} message(s){where}; "
                f"got {len(msgs)}: {[m.get('text') for m in msgs]!r}. "
                f"Last API calls: {self._recent_calls()}"
            )

        return await self._in_server_loop(
            lambda: self._wait_until(lambda: self._message_event, ready, timeout, describe)
        )

    async def wait_for_call(
        self,
        method: str,
        count: int = 1,
        timeout: float = 30.0,  # noqa: ASYNC109
    ) -> list[ApiCall]:
        """Wait until ``method`` was called ``count`` times (counted on arrival, so
        ``wait_for_call("getUpdates")`` means the bot has started polling)."""

        def ready() -> list[ApiCall] | None:
            calls = self.calls_of(method)
            return calls[:count] if len(calls) >= count else None

        def describe() -> str:
            return (
                f"timed out after {timeout}s waiting for {count} {method} call(s); "
                f"got {len(self.calls_of(method))}. Last API calls: {self._recent_calls()}"
            )

        return await self._in_server_loop(
            lambda: self._wait_until(lambda: self._call_event, ready, timeout, describe)
        )

    def wait_for_messages_sync(
        self, count: int, chat_id: int | str | None = None, timeout: float = 30.0
    ) -> list[JSONDict]:
        return self._run_sync(self.wait_for_messages(count, chat_id, timeout), timeout + 5)

    # -- webhook -------------------------------------------------------------------

    async def deliver_via_webhook(
        self, update: JSONDict, url: str | None = None, secret: str | None = None
    ) -> int:
        """POST ``update`` to the registered (or given) webhook URL, with the
        secret-token header Telegram sends. Returns the HTTP status."""
        target = url or self.webhook_url
        if not target:
            raise RuntimeError("no webhook registered (setWebhook not called) and no url given")
        if "update_id" not in update:
            update = {**update, "update_id": self.next_update_id()}
        token = secret if secret is not None else self.webhook_secret
        headers = {"Content-Type": "application/json"}
        if token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = token
        body = json.dumps(update).encode()

        async def post() -> int:
            if self._client is None:
                self._client = aiohttp.ClientSession()
            async with self._client.post(target, data=body, headers=headers) as resp:
                await resp.read()
                return resp.status

        return await self._in_server_loop(post)

    def deliver_via_webhook_sync(
        self,
        update: JSONDict,
        url: str | None = None,
        secret: str | None = None,
        timeout: float = 30.0,
    ) -> int:
        return self._run_sync(self.deliver_via_webhook(update, url, secret), timeout)

    # -- faults / files ------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int,
        description: str | None = None,
        retry_after: int | None = None,
        count: int = 1,
    ) -> None:
        """Answer the next ``count`` calls of ``method`` with a real Bot API error,
        e.g. ``fail_next("sendMessage", 429, retry_after=3)``, ``(..., 502)``,
        ``(..., 403)`` (default description: "Forbidden: bot was blocked by the user")."""
        self.responder.fail_next(method, status, description, retry_after, count)

    def add_file(self, file_id: str, data: bytes, file_path: str | None = None) -> str:
        """Make ``file_id`` downloadable via getFile + /file/bot<token>/<path>."""
        return self.responder.add_file(file_id, data, file_path)

    # -- HTTP handlers -------------------------------------------------------------

    async def _read_params(
        self, request: web.Request, method: str
    ) -> tuple[JSONDict, list[UploadedFile]]:
        params: JSONDict = {k: decode_form_value(k, v) for k, v in request.query.items()}
        uploads: list[UploadedFile] = []
        if not request.body_exists:
            return params, uploads
        if request.content_type == "application/json":
            body = await request.json()
            if isinstance(body, dict):
                params.update(body)
        else:
            # form-urlencoded, or multipart when PTB uploads files.
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    data = value.file.read()
                    uploads.append(
                        UploadedFile(method, key, value.filename, data, value.content_type)
                    )
                elif isinstance(value, str):
                    params[key] = decode_form_value(key, value)
        return params, uploads

    async def _handle_api(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        method = request.match_info["method"]
        if self.token is not None and token != self.token:
            return _json_response(401, json.dumps(make_error(401)).encode())
        params, uploads = await self._read_params(request, method)
        call = ApiCall(method, params, time.monotonic(), token)
        self.calls.append(call)
        if self._call_event is not None:
            self._call_event.set()
        if uploads:
            self.uploaded_files.extend(uploads)

        status, body = await self._answer(method, params, uploads)
        call.status = status
        if status == 200 and method.lower() in _TEXT_METHODS:
            self.messages.append(params)
            if self._message_event is not None:
                self._message_event.set()
        return _json_response(status, body)

    async def _answer(
        self, method: str, params: JSONDict, uploads: list[UploadedFile]
    ) -> tuple[int, bytes]:
        failure = self.responder.take_failure(method)
        if failure is not None:
            return failure
        name = method.lower()
        result: Any
        if name == "getupdates":
            if self.webhook_url:
                return 409, json.dumps(make_error(409, _WEBHOOK_CONFLICT)).encode()
            result = await self._get_updates(params)
        elif name == "setwebhook":
            self.webhook_url = str(params.get("url", ""))
            self.webhook_secret = params.get("secret_token")
            if params.get("drop_pending_updates"):
                self._pending.clear()
            result = True
        elif name == "deletewebhook":
            self.webhook_url = ""
            self.webhook_secret = None
            if params.get("drop_pending_updates"):
                self._pending.clear()
            result = True
        elif name == "getwebhookinfo":
            result = {
                "url": self.webhook_url,
                "has_custom_certificate": False,
                "pending_update_count": len(self._pending),
            }
        else:
            result = self.responder.answer(method, params, uploads)
        return 200, encode_ok(result)

    async def _handle_file(self, request: web.Request) -> web.Response:
        data = self.responder.file_bytes(request.match_info["file_path"])
        if data is None:
            return _json_response(404, json.dumps(make_error(404, "Not Found")).encode())
        return web.Response(body=data, content_type="application/octet-stream")

    async def _handle_push(self, request: web.Request) -> web.Response:
        # Manual trying: {"text": "/start", "chat_id": 1} or a full update dict.
        body = await request.json()
        if "text" in body and len(body.keys() - {"text", "user_id", "chat_id", "chat_type"}) == 0:
            update_id = self.push_text(
                body["text"],
                user_id=body.get("user_id", DEFAULT_USER_ID),
                chat_id=body.get("chat_id"),
                chat_type=body.get("chat_type", "private"),
            )
        else:
            update_id = self.push_update(body)
        return _json_response(200, encode_ok({"update_id": update_id}))

    async def _handle_calls(self, request: web.Request) -> web.Response:
        calls = [{"method": c.method, "params": c.params, "status": c.status} for c in self.calls]
        return _json_response(200, json.dumps(calls, default=str).encode())


def _json_response(status: int, body: bytes) -> web.Response:
    return web.Response(status=status, body=body, content_type="application/json")


async def _serve(
    host: str, port: int, token: str | None, ready: Callable[[FakeBotApi], Awaitable[None]]
) -> None:
    async with FakeBotApi(host, port, token=token) as api:
        await ready(api)
        await asyncio.Event().wait()  # until Ctrl-C


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Fake Telegram Bot API server")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--token", default=None, help="accept only this bot token")
    args = parser.parse_args(argv)

    async def announce(api: FakeBotApi) -> None:
        print(f"port={api.port}", flush=True)
        print(f"TELEGRAM_API_BASE_URL={api.base_url}", flush=True)
        print(f"TELEGRAM_API_BASE_FILE_URL={api.base_file_url}", flush=True)
        print(
            f"push: curl -d '{{\"text\": \"/start\"}}' -H 'Content-Type: application/json' "
            f"http://{api.host}:{api.port}/_fake/push",
            flush=True,
        )

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.host, args.port, args.token, announce))


if __name__ == "__main__":
    main()
