"""0006: a populated store upgrades; its articles, sources and aliases are then locked."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.runtime import Runtime
from db import editing, migrate
from db.editing import Actor, Conflict
from db.models import Alias, Article, Source
from db.session import create_engine
from testkit.settings import make_settings

OWNER = Actor(1001, frozenset({1001}))

ROWS_AT_0004 = (
    "INSERT INTO articles (id, outlet, title, caveat, is_default, created_at, updated_at, "
    "version) VALUES (1, 'HNGN', 'A title', 'A caveat.', true, CURRENT_TIMESTAMP, "
    "CURRENT_TIMESTAMP, 3)",
    "INSERT INTO sources (id, name, kind, article_id, created_at, updated_at, version) "
    "VALUES (1, 'a source', 'anonymous', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 5)",
    "INSERT INTO aliases (id, term, kind, value, created_at) "
    "VALUES (1, 'sachalin', 'place', 'Sakhalin', CURRENT_TIMESTAMP)",
)


async def test_upgrade_keeps_a_populated_store_and_locks_it(database_url: str) -> None:
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        await migrate.upgrade_engine(engine, "0004")
        async with engine.begin() as connection:
            for statement in ROWS_AT_0004:
                await connection.execute(text(statement))
        await migrate.upgrade_engine(engine)
        async with engine.begin() as connection:
            versions = [
                (await connection.execute(text(f"SELECT id, version FROM {table}"))).all()
                for table in ("articles", "sources", "aliases")
            ]
            # Rows written without a version (outside the ORM) start at 1.
            await connection.execute(
                text(
                    "INSERT INTO aliases (id, term, kind, value, created_at) "
                    "VALUES (2, 'dalian city', 'place', 'Dalian', CURRENT_TIMESTAMP)"
                )
            )
            added = await connection.scalar(text("SELECT version FROM aliases WHERE id = 2"))
    finally:
        await engine.dispose()
    # Articles and sources keep their versions; aliases start at 1.
    assert versions == [[(1, 3)], [(1, 5)], [(1, 1)]]
    assert added == 1

    runtime = Runtime.create(make_settings(database_url))
    try:
        await runtime.prepare_store()  # already current, and not empty: no seed
        async with runtime.sessionmaker() as session:
            await editing.edit_article(session, OWNER, 1, {"title": "New"}, expected_version=3)
            with pytest.raises(Conflict, match="someone else"):
                await editing.edit_article(session, OWNER, 1, {"title": "Old"}, expected_version=3)
            await editing.edit_source(session, OWNER, 1, {"notes": "x"}, expected_version=5)
            await editing.add_alias(
                session, OWNER, "sachalin", "place", "Dalian", expected_version=1
            )
        async with runtime.sessionmaker() as session:
            article = await session.get(Article, 1)
            source = await session.get(Source, 1)
            alias = await session.get(Alias, 1)
        assert article is not None and (article.title, article.version) == ("New", 4)
        assert source is not None and (source.notes, source.version) == ("x", 6)
        assert alias is not None and (alias.value, alias.version) == ("Dalian", 2)
    finally:
        await runtime.close()
