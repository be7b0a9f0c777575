"""Shared fixtures: real databases (SQLite in a temp dir, and PostgreSQL), migrated and seeded."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.config import Settings
from bot.runtime import Runtime
from db.session import create_engine

if TYPE_CHECKING:
    # Imported in the fixtures only: bench/ imports this module for make_settings,
    # and the Telegram harness would add ~20 MB to the memory it measures.
    from tests.harness import Harness

POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
REQUIRE_POSTGRES = os.environ.get("REQUIRE_POSTGRES") == "1"


async def _postgres_reachable() -> str | None:
    engine = create_engine(POSTGRES_URL, pool_pre_ping=False)
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        return None
    except Exception as error:  # any failure means "not here"
        return f"{type(error).__name__}: {error}"
    finally:
        await engine.dispose()


_postgres_problem: list[str | None] = []


def postgres_problem() -> str | None:
    if not _postgres_problem:
        _postgres_problem.append(asyncio.run(_postgres_reachable()))
    return _postgres_problem[0]


def require_postgres() -> None:
    problem = postgres_problem()
    if problem is None:
        return
    message = f"PostgreSQL at {POSTGRES_URL} is not reachable ({problem})"
    if REQUIRE_POSTGRES:
        pytest.fail(message + "; REQUIRE_POSTGRES=1 says it must be tested here")
    pytest.skip(message + "; set TEST_POSTGRES_URL to run these tests")


async def create_postgres_database() -> str:
    """A fresh database per test: tests never see each other's rows."""
    name = f"qfb_{uuid.uuid4().hex[:16]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT", pool_pre_ping=False)
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
    finally:
        await admin.dispose()
    return make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)


async def drop_postgres_database(url: str) -> None:
    name = make_url(url).database
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT", pool_pre_ping=False)
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql":
        require_postgres()
    return str(request.param)


@pytest.fixture
async def database_url(backend: str, tmp_path: object) -> AsyncIterator[str]:
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path}/store.sqlite3"
        return
    url = await create_postgres_database()
    try:
        yield url
    finally:
        await drop_postgres_database(url)


@pytest.fixture
def sqlite_url(tmp_path: object) -> str:
    return f"sqlite+aiosqlite:///{tmp_path}/store.sqlite3"


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "telegram_bot_token": "123456:TEST-token-for-offline-tests",
        "database_url": database_url,
        "admin_user_ids": "1001",
        "telegram_max_rate": 0,
        "_env_file": None,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
async def runtime(database_url: str) -> AsyncIterator[Runtime]:
    """A migrated, seeded store on each backend."""
    rt = Runtime.create(make_settings(database_url))
    await rt.prepare_store()
    try:
        yield rt
    finally:
        await rt.close()


@pytest.fixture
async def sqlite_runtime(sqlite_url: str) -> AsyncIterator[Runtime]:
    rt = Runtime.create(make_settings(sqlite_url))
    await rt.prepare_store()
    try:
        yield rt
    finally:
        await rt.close()


@pytest.fixture
async def harness(runtime: Runtime) -> AsyncIterator[Harness]:
    """The bot over a fake Bot API, on each backend; see tests/harness.py."""
    from tests.harness import telegram_harness

    async with telegram_harness(runtime) as harness:
        yield harness


@pytest.fixture
async def sqlite_harness(sqlite_runtime: Runtime) -> AsyncIterator[Harness]:
    """The same on SQLite only, for tests where the backend makes no difference."""
    from tests.harness import telegram_harness

    async with telegram_harness(sqlite_runtime) as harness:
        yield harness


@pytest.fixture(autouse=True)
def _no_real_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # A developer's own .env or shell must not leak into tests.
    for name in list(os.environ):
        if name.startswith("TELEGRAM_") or name in ("DATABASE_URL", "ADMIN_USER_IDS"):
            monkeypatch.delenv(name, raising=False)
    yield
