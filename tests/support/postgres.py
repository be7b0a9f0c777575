"""Throwaway PostgreSQL databases for the tests, and the rule for when PostgreSQL is absent.

Without a server the PostgreSQL tests are skipped, unless REQUIRE_POSTGRES=1 says this
machine must test it (then they fail). TEST_POSTGRES_URL points at another server.
"""

from __future__ import annotations

import asyncio
import os
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from db.session import create_engine

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
