"""A lean fake Bot API for benchmarks: one aiohttp server, one queue per bot token.

testkit/fakes/bot_api_server.FakeBotApi records every call with its parameters for
tests to assert on; here the server shares the two cores with the bots it
measures, so it does the least it can: updates are serialized once before the
clock starts, and sendMessage records (chat_id, text, arrival time) and answers
with a minimal Message.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_USER = {
    "id": 999000,
    "is_bot": True,
    "first_name": "Bench",
    "username": "bench_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
_OK_TRUE = b'{"ok":true,"result":true}'
_OK_EMPTY = b'{"ok":true,"result":[]}'


@dataclass
class Sent:
    chat_id: int
    text: str
    at: float  # time.perf_counter() on arrival


@dataclass
class BotQueue:
    """Everything the server knows about one bot (one token)."""

    pending: list[tuple[int, bytes]] = field(default_factory=list)  # (update_id, json)
    handed_out: dict[int, float] = field(default_factory=dict)  # chat_id -> time sent to bot
    update_chat: dict[int, int] = field(default_factory=dict)  # update_id -> chat_id
    sent: list[Sent] = field(default_factory=list)
    polls: int = 0
    event: asyncio.Event = field(default_factory=asyncio.Event)
    sent_event: asyncio.Event = field(default_factory=asyncio.Event)
    next_update_id: int = 1
    next_message_id: int = 1


def text_update(update_id: int, user_id: int, text: str) -> dict[str, Any]:
    """A private text message from ``user_id``, with a bot_command entity for commands."""
    message: dict[str, Any] = {
        "message_id": update_id,
        "date": int(time.time()),
        "chat": {"id": user_id, "type": "private", "first_name": f"U{user_id}"},
        "from": {"id": user_id, "is_bot": False, "first_name": f"U{user_id}"},
        "text": text,
    }
    if text.startswith("/"):
        length = len(text.split()[0])
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    return {"update_id": update_id, "message": message}


class LeanBotApi:
    def __init__(self) -> None:
        self.bots: dict[str, BotQueue] = {}
        self.port = 0
        self._runner: web.AppRunner | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def queue(self, token: str) -> BotQueue:
        return self.bots.setdefault(token, BotQueue())

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        app.router.add_get("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        for bot in self.bots.values():
            bot.event.set()
        if self._runner is not None:
            await self._runner.cleanup()

    def push(self, token: str, messages: list[tuple[int, str]]) -> None:
        """Queue one text update per (user_id, text); serialized here, before timing."""
        bot = self.queue(token)
        for user_id, text in messages:
            update_id = bot.next_update_id
            bot.next_update_id += 1
            bot.update_chat[update_id] = user_id
            bot.pending.append(
                (update_id, json.dumps(text_update(update_id, user_id, text)).encode())
            )
        bot.event.set()

    async def wait_sent(self, token: str, count: int, timeout: float) -> None:  # noqa: ASYNC109
        bot = self.queue(token)
        deadline = time.perf_counter() + timeout
        while len(bot.sent) < count:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"{len(bot.sent)} of {count} answers after {timeout}s")
            bot.sent_event.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(bot.sent_event.wait(), remaining)

    async def wait_polling(self, token: str, timeout: float) -> None:  # noqa: ASYNC109
        bot = self.queue(token)
        deadline = time.perf_counter() + timeout
        while bot.polls == 0:
            if time.perf_counter() > deadline:
                raise TimeoutError("the bot never called getUpdates")
            await asyncio.sleep(0.01)

    async def _handle(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        method = request.match_info["method"].lower()
        bot = self.queue(token)
        params: Any = await request.post() if request.body_exists else {}
        if method == "getupdates":
            return await self._get_updates(bot, params)
        if method == "sendmessage":
            chat_id = int(params["chat_id"])
            text = str(params["text"])
            bot.sent.append(Sent(chat_id, text, time.perf_counter()))
            bot.sent_event.set()
            message_id = bot.next_message_id
            bot.next_message_id += 1
            body = json.dumps(
                {
                    "ok": True,
                    "result": {
                        "message_id": message_id,
                        "date": int(time.time()),
                        "chat": {"id": chat_id, "type": "private"},
                        "from": BOT_USER,
                        "text": text,
                    },
                }
            ).encode()
            return web.Response(body=body, content_type="application/json")
        if method == "getme":
            body = json.dumps({"ok": True, "result": BOT_USER}).encode()
            return web.Response(body=body, content_type="application/json")
        return web.Response(body=_OK_TRUE, content_type="application/json")

    async def _get_updates(self, bot: BotQueue, params: Any) -> web.Response:
        bot.polls += 1
        offset = int(params.get("offset") or 0)
        if offset > 0:
            drop = 0
            while drop < len(bot.pending) and bot.pending[drop][0] < offset:
                drop += 1
            del bot.pending[:drop]
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        if not bot.pending and timeout > 0:
            bot.event.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(bot.event.wait(), timeout)
        batch = bot.pending[:limit]
        if not batch:
            return web.Response(body=_OK_EMPTY, content_type="application/json")
        now = time.perf_counter()
        for update_id, _ in batch:
            bot.handed_out.setdefault(bot.update_chat[update_id], now)
        body = b'{"ok":true,"result":[' + b",".join(data for _, data in batch) + b"]}"
        return web.Response(body=body, content_type="application/json")
