"""The store's revision: one number that rises in the same transaction as any change."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from db.changes import remember_bump
from db.models import StoreState, utcnow


async def bump_revision(session: AsyncSession) -> None:
    """Call inside the transaction that changes the facts; readers reload on a new number.

    The rows changed are logged under the new number when the transaction commits
    (db/changes.py), so readers reload only those.
    """
    revision = await session.scalar(
        update(StoreState)
        .where(StoreState.id == 1)
        .values(revision=StoreState.revision + 1, updated_at=utcnow())
        .returning(StoreState.revision)
    )
    if revision is not None:
        remember_bump(session.sync_session, int(revision))


async def current_revision(session: AsyncSession) -> int:
    revision = await session.scalar(select(StoreState.revision).where(StoreState.id == 1))
    return int(revision or 0)


# ----- reading the revision before every answer, cheaply ------------------------------
#
# Every question reads the revision so that no process answers from facts older than
# the store's (a change by any replica is seen by the next question everywhere). Through
# an AsyncSession that read cost more CPU than the rest of the answer (session, pool
# checkout with pre-ping, greenlet, aiosqlite's thread hop). The readers below keep the
# read per question but make it cheap:
#   SQLite file: a plain sqlite3 connection in autocommit, on the event loop; one
#     indexed row of a local WAL database takes microseconds and never waits for writers.
#   PostgreSQL: one dedicated asyncpg connection with a prepared statement; concurrent
#     questions share a read, but only one that *started after* they arrived, so the
#     answer is never older than the store at the time the question came in.

REVISION_SQL = "SELECT revision FROM store_state WHERE id = 1"


class RevisionReader:
    """The store's current revision. ``read`` may raise the driver's connection errors."""

    async def read(self) -> int:
        raise NotImplementedError

    async def close(self) -> None:
        return None


class SessionRevisionReader(RevisionReader):
    """The portable fallback: one query through a session."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self._sessionmaker = sessionmaker

    async def read(self) -> int:
        async with self._sessionmaker() as session, session.begin():
            return await current_revision(session)


class SqliteFileRevisionReader(RevisionReader):
    """A synchronous sqlite3 read on the event loop (microseconds; WAL readers never block)."""

    def __init__(self, path: str, fallback: RevisionReader) -> None:
        self._path = path
        self._fallback = fallback
        self._connection: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        # mode=rw: never create the file (before migrations, the fallback decides).
        uri = f"{Path(self._path).resolve().as_uri()}?mode=rw"
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        # Short: a reader waits only while a crashed writer's WAL is recovered.
        connection.execute("PRAGMA busy_timeout=100")
        return connection

    async def read(self) -> int:
        try:
            if self._connection is None:
                self._connection = self._connect()
            # fetchall: the statement is finished, so no read transaction stays open.
            rows = self._connection.execute(REVISION_SQL).fetchall()
        except sqlite3.Error:
            # Locked, missing file, no table yet: the ordinary async path decides.
            self._drop()
            return await self._fallback.read()
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0

    def _drop(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    async def close(self) -> None:
        self._drop()


class AsyncpgRevisionReader(RevisionReader):
    """One dedicated asyncpg connection; concurrent callers share the next read."""

    def __init__(self, dsn: str, fallback: RevisionReader, connect_timeout: float = 5.0) -> None:
        self._dsn = dsn
        self._fallback = fallback
        self._connect_timeout = connect_timeout
        self._connection: Any = None
        self._statement: Any = None
        self._next: asyncio.Future[int] | None = None
        self._running = False

    async def read(self) -> int:
        # Join the next round; a round's query starts only after all its callers arrived.
        if self._next is None:
            self._next = asyncio.get_running_loop().create_future()
            if not self._running:
                self._running = True
                asyncio.get_running_loop().create_task(self._rounds())
        return await asyncio.shield(self._next)

    async def _rounds(self) -> None:
        try:
            while self._next is not None:
                future, self._next = self._next, None
                try:
                    value = await self._query()
                except BaseException as error:  # handed to every waiter of this round
                    if not future.done():
                        future.set_exception(error)
                        future.exception()  # marks it retrieved: no warning if all gave up
                    if not isinstance(error, Exception):
                        raise
                else:
                    if not future.done():
                        future.set_result(value)
        finally:
            self._running = False

    async def _query(self) -> int:
        import asyncpg  # type: ignore[import-untyped]

        try:
            if self._connection is None or self._connection.is_closed():
                self._connection = await asyncpg.connect(
                    self._dsn, timeout=self._connect_timeout, statement_cache_size=0
                )
                self._statement = await self._connection.prepare(REVISION_SQL)
            value = await self._statement.fetchval()
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError):
            await self._drop()
            # The session path raises SQLAlchemy's errors, which the handlers know.
            return await self._fallback.read()
        return int(value or 0)

    async def _drop(self) -> None:
        connection, self._connection, self._statement = self._connection, None, None
        if connection is not None:
            with contextlib.suppress(Exception):
                connection.terminate()

    async def close(self) -> None:
        await self._drop()


def revision_reader(
    engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession]
) -> RevisionReader:
    """The cheapest reader for the engine's backend, with the session path as fallback."""
    fallback = SessionRevisionReader(sessionmaker)
    url = engine.url
    backend, driver = url.get_backend_name(), url.get_driver_name()
    database = url.database or ""
    if (
        backend == "sqlite"
        and database
        and database != ":memory:"
        and not database.startswith("file:")
    ):
        return SqliteFileRevisionReader(database, fallback)
    if backend == "postgresql" and driver == "asyncpg":
        dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
        if not url.query:
            return AsyncpgRevisionReader(dsn, fallback)
    return fallback
