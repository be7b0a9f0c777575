"""The per-question revision read: cheap per backend, and never older than the store."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.handlers.common import DATABASE_DOWN
from bot.runtime import Runtime
from db.models import Claim
from db.revision import (
    AsyncpgRevisionReader,
    RevisionReader,
    SessionRevisionReader,
    SqliteFileRevisionReader,
    bump_revision,
    current_revision,
    revision_reader,
)
from db.session import create_engine, create_sessionmaker, write_transaction
from testkit.settings import make_settings


class FixedReader(RevisionReader):
    def __init__(self, value: int) -> None:
        self.value = value
        self.calls = 0

    async def read(self) -> int:
        self.calls += 1
        return self.value


async def committed_change(url: str, statement: str) -> None:
    """Another process's write: its own engine, committed, revision bumped."""
    other = Runtime.create(make_settings(url))
    try:
        async with other.sessionmaker() as session, write_transaction(session):
            claim = await session.scalar(select(Claim).where(Claim.kind == "quota").limit(1))
            assert claim is not None
            claim.statement = statement
            await bump_revision(session)
    finally:
        await other.close()


async def test_fast_reader_per_backend(runtime: Runtime, backend: str) -> None:
    reader = runtime.facts.revisions
    expected = SqliteFileRevisionReader if backend == "sqlite" else AsyncpgRevisionReader
    assert isinstance(reader, expected)
    async with runtime.sessionmaker() as session:
        stored = await current_revision(session)
    assert await reader.read() == stored


async def test_another_replicas_change_is_seen_by_the_next_question(
    runtime: Runtime, database_url: str
) -> None:
    engine = await runtime.answer_engine()
    before = engine.revision
    await committed_change(database_url, "Changed by the other replica")
    assert await runtime.facts.revisions.read() == before + 1
    fresh = await runtime.answer_engine()
    assert fresh.revision == before + 1
    assert "Changed by the other replica" in {c.statement for c in fresh.snapshot.claims}


async def test_concurrent_questions_share_fresh_reads(runtime: Runtime, backend: str) -> None:
    if backend != "postgresql":
        pytest.skip("coalescing is the PostgreSQL reader's")
    reader = runtime.facts.revisions
    assert isinstance(reader, AsyncpgRevisionReader)
    queries = 0
    original = reader._query

    async def counting() -> int:
        nonlocal queries
        queries += 1
        return await original()

    reader._query = counting  # type: ignore[method-assign]
    values = await asyncio.gather(*(reader.read() for _ in range(50)))
    assert len(set(values)) == 1
    assert queries == 1  # fifty questions arriving together share one read
    # A read that begins after a commit sees it, even while an older read is in flight.
    in_flight = asyncio.ensure_future(reader.read())
    await asyncio.sleep(0)
    async with runtime.sessionmaker() as session, write_transaction(session):
        await bump_revision(session)
    after_commit = await reader.read()
    assert after_commit == values[0] + 1
    await in_flight


async def test_sqlite_reader_falls_back_when_the_file_is_missing(tmp_path: Path) -> None:
    fallback = FixedReader(7)
    reader = SqliteFileRevisionReader(str(tmp_path / "nowhere.sqlite3"), fallback)
    assert await reader.read() == 7
    assert not (tmp_path / "nowhere.sqlite3").exists()  # never created by the reader
    await reader.close()


async def test_postgres_reader_falls_back_when_unreachable() -> None:
    fallback = FixedReader(3)
    reader = AsyncpgRevisionReader("postgresql://nobody@127.0.0.1:1/none", fallback, 1.0)
    assert await asyncio.gather(reader.read(), reader.read()) == [3, 3]
    await reader.close()


async def test_database_down_reaches_the_caller(tmp_path: Path) -> None:
    # Unreachable PostgreSQL: the session fallback raises SQLAlchemy's error, which
    # the handlers turn into the "store unavailable" answer.
    url = "postgresql+asyncpg://nobody@127.0.0.1:1/none"
    engine = create_engine(url, pool_pre_ping=False)
    reader = revision_reader(engine, create_sessionmaker(engine))
    assert isinstance(reader, AsyncpgRevisionReader)
    with pytest.raises(DATABASE_DOWN):
        await reader.read()
    await reader.close()
    await engine.dispose()


def test_other_urls_use_the_session_reader() -> None:
    for url in ("sqlite+aiosqlite://", "sqlite+aiosqlite:///:memory:"):
        engine = create_engine(url)
        assert isinstance(
            revision_reader(engine, create_sessionmaker(engine)), SessionRevisionReader
        )
