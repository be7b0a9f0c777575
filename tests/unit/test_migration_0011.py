"""0011: claim_translations. An empty store and a populated one upgrade (the claims kept,
no translation yet, one per claim and language, never English), a translation is stored
through the editors' path, and the downgrade drops the table and nothing else."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from bot.runtime import Runtime
from db import editing, migrate
from db.editing import Actor
from db.session import create_engine
from testkit.settings import make_settings

OWNER = Actor(1001, frozenset({1001}))

ROWS_AT_0010 = (
    "INSERT INTO articles (id, outlet, title, caveat, is_default, created_at, updated_at, "
    "version) VALUES (1, 'HNGN', 'A title', 'A caveat.', true, CURRENT_TIMESTAMP, "
    "CURRENT_TIMESTAMP, 1)",
    "INSERT INTO sources (id, name, kind, article_id, created_at, updated_at, version) "
    "VALUES (1, 'a source', 'anonymous', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)",
    "INSERT INTO claims (id, kind, topic, statement, quote, source_id, article_id, status, "
    "created_at, updated_at, version, usd_is_approx) VALUES (1, 'fact', 'hours', "
    "'Shifts are long.', 'We work all night.', 1, 1, 'active', CURRENT_TIMESTAMP, "
    "CURRENT_TIMESTAMP, 1, true)",
)


def _translation(row_id: int, language: str, claim_id: int = 1) -> str:
    return (
        "INSERT INTO claim_translations (id, claim_id, language, text, created_at, updated_at, "
        f"version) VALUES ({row_id}, {claim_id}, '{language}', 'Текст.', CURRENT_TIMESTAMP, "
        "CURRENT_TIMESTAMP, 1)"
    )


async def _execute(database_url: str, statement: str) -> None:
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        async with engine.begin() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


async def _tables(database_url: str) -> set[str]:
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        async with engine.connect() as connection:
            return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))
    finally:
        await engine.dispose()


async def test_an_empty_store_upgrades_with_the_constraints(database_url: str) -> None:
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        await migrate.upgrade_engine(engine, "0011")
        async with engine.begin() as connection:
            for statement in ROWS_AT_0010:
                await connection.execute(text(statement))
    finally:
        await engine.dispose()
    assert "claim_translations" in await _tables(database_url)
    await _execute(database_url, _translation(1, "ru"))
    with pytest.raises(IntegrityError):  # one per claim and language
        await _execute(database_url, _translation(2, "ru"))
    with pytest.raises(IntegrityError):  # never English
        await _execute(database_url, _translation(3, "en"))
    await _execute(database_url, _translation(4, "ko"))


async def test_a_populated_store_upgrades_translates_and_downgrades(database_url: str) -> None:
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        await migrate.upgrade_engine(engine, "0010")
        async with engine.begin() as connection:
            for statement in ROWS_AT_0010:
                await connection.execute(text(statement))
        await migrate.upgrade_engine(engine)
    finally:
        await engine.dispose()

    runtime = Runtime.create(make_settings(database_url))
    try:
        await runtime.prepare_store()  # current, and not empty: no seed
        first = await runtime.facts.current()
        assert [(c.quote, dict(c.translations)) for c in first.claims] == [
            ("We work all night.", {})
        ]
        async with runtime.sessionmaker() as session:
            await editing.set_translation(session, OWNER, 1, "ru", "Мы работаем всю ночь.")
        snapshot = await runtime.facts.current()
        assert snapshot.diff is not None and snapshot.diff.claim_ids == {1}
        assert dict(snapshot.claims[0].translations) == {"ru": "Мы работаем всю ночь."}
    finally:
        await runtime.close()

    await asyncio.to_thread(migrate.downgrade, database_url, "0010")
    assert "claim_translations" not in await _tables(database_url)
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        async with engine.connect() as connection:
            claims = (await connection.execute(text("SELECT id, quote FROM claims"))).all()
    finally:
        await engine.dispose()
    assert [tuple(row) for row in claims] == [(1, "We work all night.")]
