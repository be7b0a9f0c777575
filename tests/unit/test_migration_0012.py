"""0012: change_percent, amount_is and amount_bound on claims, and the quarter period. An
empty store and a populated one upgrade (every claim kept and read as before: no percentage,
the amount the one before any change, exact), the new shapes are stored through the editors'
path, and the downgrade refuses while a claim is due per quarter, then drops the columns and
nothing else. Each test runs on SQLite and on PostgreSQL (skipped with its reason when no
server answers at 127.0.0.1:5432)."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest
from sqlalchemy import inspect, text

from bot.runtime import Runtime
from db import editing, migrate
from db.editing import Actor
from db.session import create_engine
from testkit.settings import make_settings

OWNER = Actor(1001, frozenset({1001}))
NEW_COLUMNS = {"change_percent", "amount_is", "amount_bound"}

ROWS_AT_0011 = (
    "INSERT INTO articles (id, outlet, title, caveat, is_default, created_at, updated_at, "
    "version) VALUES (1, 'HNGN', 'A title', 'A caveat.', true, CURRENT_TIMESTAMP, "
    "CURRENT_TIMESTAMP, 1)",
    "INSERT INTO sources (id, name, kind, article_id, created_at, updated_at, version) "
    "VALUES (1, 'a source', 'anonymous', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)",
    "INSERT INTO claims (id, kind, topic, statement, place, country, amount, currency, "
    "period, change, source_id, article_id, status, created_at, updated_at, version, "
    "usd_is_approx) VALUES (1, 'quota', 'loyalty', 'Doubled from 62,000 rubles.', "
    "'Sakhalin', 'RU', 62000, 'RUB', 'month', 'doubled', 1, 1, 'active', CURRENT_TIMESTAMP, "
    "CURRENT_TIMESTAMP, 1, true)",
)


async def _columns(database_url: str) -> set[str]:
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        async with engine.connect() as connection:
            return set(
                await connection.run_sync(
                    lambda sync: [c["name"] for c in inspect(sync).get_columns("claims")]
                )
            )
    finally:
        await engine.dispose()


async def test_an_empty_store_upgrades_with_the_columns(database_url: str) -> None:
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        await migrate.upgrade_engine(engine, "0011")
        assert not NEW_COLUMNS & await _columns(database_url)
        await migrate.upgrade_engine(engine)
    finally:
        await engine.dispose()
    assert await _columns(database_url) >= NEW_COLUMNS
    # The seed goes into the upgraded store and reads as it always did.
    runtime = Runtime.create(make_settings(database_url))
    try:
        await runtime.prepare_store()
        snapshot = await runtime.facts.current()
        assert all(c.change_percent is None and c.amount_bound is None for c in snapshot.claims)
    finally:
        await runtime.close()


async def test_a_populated_store_upgrades_stores_the_shapes_and_downgrades(
    database_url: str,
) -> None:
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        await migrate.upgrade_engine(engine, "0011")
        async with engine.begin() as connection:
            for statement in ROWS_AT_0011:
                await connection.execute(text(statement))
        await migrate.upgrade_engine(engine)
    finally:
        await engine.dispose()

    runtime = Runtime.create(make_settings(database_url))
    try:
        await runtime.prepare_store()  # current, and not empty: no seed
        [claim] = (await runtime.facts.current()).claims
        assert (claim.amount, claim.change, claim.change_from_amount) == (
            Decimal(62000),
            "doubled",
            "doubled",
        )
        assert (claim.change_percent, claim.amount_is, claim.amount_bound) == (None, None, None)
        async with runtime.sessionmaker() as session:
            await editing.edit_claim(
                session,
                OWNER,
                1,
                {"change": "increased", "change_percent": "25", "amount_is": "after",
                 "period": "quarter"},
            )  # fmt: skip
        [claim] = (await runtime.facts.current()).claims
        assert (claim.period, claim.change_percent, claim.amount_is) == (
            "quarter",
            Decimal(25),
            "after",
        )
    finally:
        await runtime.close()

    # A quarter cannot be shown by revision 0011: the downgrade refuses and changes nothing.
    with pytest.raises(RuntimeError, match="due per quarter"):
        await asyncio.to_thread(migrate.downgrade, database_url, "0011")
    assert await _columns(database_url) >= NEW_COLUMNS

    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("UPDATE claims SET period = 'month'"))
    finally:
        await engine.dispose()
    await asyncio.to_thread(migrate.downgrade, database_url, "0011")
    assert not NEW_COLUMNS & await _columns(database_url)
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        async with engine.connect() as connection:
            rows = (await connection.execute(text("SELECT id, amount, change FROM claims"))).all()
    finally:
        await engine.dispose()
    assert [(row[0], Decimal(str(row[1])), row[2]) for row in rows] == [
        (1, Decimal(62000), "increased")
    ]
