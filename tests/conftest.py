"""Shared fixtures: real databases (SQLite in a temp dir, and PostgreSQL), migrated and seeded."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete
from sqlalchemy.engine import make_url

from bot.runtime import Runtime
from db.models import ClaimTranslation
from db.revision import bump_revision
from db.session import write_transaction
from testkit.settings import make_settings
from tests.support.harness import Harness, telegram_harness
from tests.support.postgres import (
    create_postgres_database,
    drop_postgres_database,
    require_postgres,
)

# Each kind of test lives in its own folder and gets the folder's marker, so
# `pytest -m "not e2e and not postgres"` runs the fast part.
LAYERS = ("unit", "telegram", "e2e")
TESTS_DIR = Path(__file__).parent
# Fixtures that need a PostgreSQL server (besides the "postgresql" backend parameter).
POSTGRES_FIXTURES = frozenset({"need_postgres", "pg_url"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    misplaced: set[str] = set()
    for item in items:
        relative = item.path.relative_to(TESTS_DIR)
        layer = relative.parts[0]
        if layer not in LAYERS:
            misplaced.add(str(relative))
            continue
        item.add_marker(layer)
        callspec = getattr(item, "callspec", None)
        on_postgres = callspec is not None and callspec.params.get("backend") == "postgresql"
        if on_postgres or POSTGRES_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker("postgres")
    if misplaced:
        # A test outside the layer folders would get no marker and run in the fast part.
        raise pytest.UsageError(
            f"tests must live in tests/unit, tests/telegram or tests/e2e; "
            f"move: {', '.join(sorted(misplaced))}"
        )


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


@pytest.fixture(scope="session")
def seeded_sqlite_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated, seeded SQLite file per session, copied by the store fixtures: a copy
    takes milliseconds where migrating and seeding take a quarter of a second."""
    path = tmp_path_factory.mktemp("seeded") / "store.sqlite3"

    async def build() -> None:
        rt = Runtime.create(make_settings(f"sqlite+aiosqlite:///{path}"))
        try:
            await rt.prepare_store()
        finally:
            await rt.close()

    asyncio.run(build())
    # A copy of the file alone is the whole store only once the write-ahead log is merged.
    assert not path.with_name(path.name + "-wal").exists()
    return path


def _copy_seeded_store(template: Path, url: str) -> None:
    # prepare_store() then finds the schema at the newest revision and the store seeded,
    # so the fixture's store is the same as one migrated and seeded in the test.
    shutil.copyfile(template, make_url(url).database or "")


@pytest.fixture
async def runtime(
    database_url: str, backend: str, seeded_sqlite_store: Path
) -> AsyncIterator[Runtime]:
    """A migrated, seeded store on each backend."""
    if backend == "sqlite":
        _copy_seeded_store(seeded_sqlite_store, database_url)
    rt = Runtime.create(make_settings(database_url))
    await rt.prepare_store()
    try:
        yield rt
    finally:
        await rt.close()


@pytest.fixture
async def untranslated(runtime: Runtime) -> Runtime:
    """The seeded store without the seed's translations: for tests of /translate and of
    display that start from a claim no editor has translated yet."""
    async with runtime.sessionmaker() as session, write_transaction(session):
        await session.execute(delete(ClaimTranslation))
        await bump_revision(session)
    return runtime


@pytest.fixture
async def sqlite_runtime(sqlite_url: str, seeded_sqlite_store: Path) -> AsyncIterator[Runtime]:
    _copy_seeded_store(seeded_sqlite_store, sqlite_url)
    rt = Runtime.create(make_settings(sqlite_url))
    await rt.prepare_store()
    try:
        yield rt
    finally:
        await rt.close()


@pytest.fixture
async def harness(runtime: Runtime) -> AsyncIterator[Harness]:
    """The bot over a fake Bot API, on each backend; see tests/support/harness.py."""
    async with telegram_harness(runtime) as harness:
        yield harness


@pytest.fixture
async def sqlite_harness(sqlite_runtime: Runtime) -> AsyncIterator[Harness]:
    """The same on SQLite only, for tests where the backend makes no difference."""
    async with telegram_harness(sqlite_runtime) as harness:
        yield harness


@pytest.fixture(autouse=True)
def _no_real_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # A developer's own .env or shell must not leak into tests.
    for name in list(os.environ):
        if name.startswith("TELEGRAM_") or name in ("DATABASE_URL", "ADMIN_USER_IDS"):
            monkeypatch.delenv(name, raising=False)
    yield
