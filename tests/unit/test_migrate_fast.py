"""Start-up skips Alembic when the schema is already at the newest revision."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from db import migrate
from db.session import create_engine


def test_head_is_the_last_migration_file() -> None:
    newest = sorted((migrate.MIGRATIONS_DIR / "versions").glob("0*.py"))[-1]
    assert migrate.head_revision() == newest.name.split("_", 1)[0]


async def test_current_schema_is_detected(database_url: str) -> None:
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        assert not await migrate.is_current(engine)  # empty database
        await migrate.upgrade_engine(engine)
        assert await migrate.is_current(engine)
        head = migrate.head_revision()
        async with engine.begin() as connection:
            await connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
        assert not await migrate.is_current(engine)  # an older schema: Alembic must run
        async with engine.begin() as connection:
            await connection.execute(
                text("UPDATE alembic_version SET version_num = :head"), {"head": head}
            )
        assert await migrate.is_current(engine)
    finally:
        await engine.dispose()


def test_sync_upgrade_skips_only_a_current_sqlite_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.sqlite3"
    url = f"sqlite+aiosqlite:///{path}"
    migrate.upgrade(url)
    assert migrate._sqlite_is_current(url)
    ran: list[str] = []
    import alembic.command

    monkeypatch.setattr(alembic.command, "upgrade", lambda config, revision: ran.append(revision))
    migrate.upgrade(url)
    assert ran == []  # nothing to do, Alembic not called
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0002'")
    migrate.upgrade(url)
    assert ran == ["head"]
    assert not migrate._sqlite_is_current(f"sqlite+aiosqlite:///{tmp_path / 'missing.sqlite3'}")
    assert not migrate._sqlite_is_current("sqlite+aiosqlite://")
