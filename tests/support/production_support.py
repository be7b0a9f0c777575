"""Shared by the end-to-end production tests: the bot's environment, replicas, fixtures.

Fixtures are registered under their ``name=`` (``api``, ``pg_url``, ``need_postgres``);
a test module imports the ``*_fixture`` functions to use them.
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest

from testkit.fakes.bot_api_server import FakeBotApi
from testkit.fakes.e2e import BotProcess, running_bot
from tests.support.postgres import (
    create_postgres_database,
    drop_postgres_database,
    require_postgres,
)

TOKEN = "424242:E2E-secret-token-value"
SECRET = "webhook-Secret_0123456789"
HOOK_PATH = "/tg/hook"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bot_env(api: FakeBotApi, database_url: str, **extra: str) -> dict[str, str]:
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "TELEGRAM_API_BASE_FILE_URL": api.base_file_url,
        "DATABASE_URL": database_url,
        "TELEGRAM_MAX_RATE": "0",
        "LOG_LEVEL": "INFO",
        "ADMIN_USER_IDS": "",
    }
    env.update(extra)
    return env


def webhook_env(api: FakeBotApi, database_url: str, port: int, **extra: str) -> dict[str, str]:
    return bot_env(
        api,
        database_url,
        WEBHOOK_URL=f"http://127.0.0.1:{port}{HOOK_PATH}",
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_HOST="127.0.0.1",
        WEBHOOK_PORT=str(port),
        **extra,
    )


@asynccontextmanager
async def bot_process(env: dict[str, str], **options: Any) -> AsyncIterator[BotProcess]:
    """``running_bot`` whose logs stay readable after the process stopped
    (``process.final_stderr``), then are removed."""
    async with running_bot(env, keep_logs=True, **options) as process:
        yield process
    process.final_stderr = process.stderr()  # type: ignore[attr-defined]
    shutil.rmtree(process.log_dir, ignore_errors=True)


def final_stderr(process: BotProcess) -> str:
    return str(getattr(process, "final_stderr", ""))


class Replica:
    def __init__(self, process: BotProcess, port: int) -> None:
        self.process = process
        self.port = port

    @property
    def stderr(self) -> str:
        return final_stderr(self.process)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{HOOK_PATH}"

    @property
    def health_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/healthz"


@asynccontextmanager
async def webhook_replica(
    api: FakeBotApi, database_url: str, **extra: str
) -> AsyncIterator[Replica]:
    port = free_port()
    async with bot_process(webhook_env(api, database_url, port, **extra)) as process:
        yield Replica(process, port)


async def post_raw(url: str, body: bytes, headers: dict[str, str]) -> int:
    async with aiohttp.ClientSession() as client, client.post(url, data=body, headers=headers) as r:
        await r.read()
        return r.status


async def get_status(url: str) -> int:
    async with aiohttp.ClientSession() as client, client.get(url) as response:
        await response.read()
        return response.status


@pytest.fixture(name="api")
async def api_fixture() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as server:
        yield server


@pytest.fixture(name="need_postgres")
def need_postgres_fixture() -> None:
    require_postgres()  # sync: it runs its own event loop once


@pytest.fixture(name="pg_url")
async def pg_url_fixture(need_postgres: None) -> AsyncIterator[str]:
    url = await create_postgres_database()
    try:
        yield url
    finally:
        await drop_postgres_database(url)
