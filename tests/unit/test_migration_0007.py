"""0007: general figures. An empty store and a populated one upgrade with nothing lost."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal

from sqlalchemy import text

from bot.runtime import Runtime
from db import migrate
from db.session import create_engine
from testkit.settings import make_settings

ROWS_AT_0006 = (
    "INSERT INTO articles (id, outlet, title, caveat, published_on, is_default, created_at, "
    "updated_at, version) VALUES (1, 'HNGN', 'A title', 'A caveat.', NULL, true, "
    "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)",
    "INSERT INTO articles (id, outlet, title, caveat, published_on, is_default, created_at, "
    "updated_at, version) VALUES (2, 'Daily NK', 'Another', 'Unverified.', '2024-03-10', false, "
    "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)",
    "INSERT INTO sources (id, name, kind, article_id, created_at, updated_at, version) "
    "VALUES (1, 'a source', 'anonymous', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)",
    "INSERT INTO claims (id, kind, topic, statement, place, source_id, article_id, status, "
    "created_at, updated_at, version, country, amount, currency, usd_amount, usd_is_approx, "
    "period, basis, change, change_date) VALUES (1, 'quota', 'quota', 'Sixty-two thousand.', "
    "'Sakhalin', 1, 1, 'active', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 2, 'RU', '62000.0000', "
    "'RUB', '730.0000', true, 'month', 'person', 'doubled', 'March 10')",
    "INSERT INTO claims (id, kind, topic, statement, place, source_id, article_id, status, "
    "created_at, updated_at, version, country, amount, currency, usd_is_approx, basis) "
    "VALUES (2, 'quota', 'quota', 'A brigade.', 'Dalian', 1, 1, 'active', CURRENT_TIMESTAMP, "
    "CURRENT_TIMESTAMP, 1, 'CN', '3400.0000', 'CNY', true, 'brigade')",
    "INSERT INTO claims (id, kind, topic, statement, source_id, article_id, status, "
    "created_at, updated_at, version, usd_is_approx) VALUES (3, 'fact', 'hours', 'Long days.', "
    "1, 2, 'active', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, true)",
)


async def test_a_populated_store_upgrades_with_nothing_lost(database_url: str) -> None:
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        await migrate.upgrade_engine(engine, "0006")
        async with engine.begin() as connection:
            for statement in ROWS_AT_0006:
                await connection.execute(text(statement))
        await migrate.upgrade_engine(engine)
    finally:
        await engine.dispose()

    runtime = Runtime.create(make_settings(database_url))
    try:
        await runtime.prepare_store()  # current and not empty: no seed
        snapshot = await runtime.facts.current()
    finally:
        await runtime.close()
    sakhalin, dalian, hours = (snapshot.claim(n) for n in (1, 2, 3))
    assert sakhalin is not None and dalian is not None and hours is not None
    assert (sakhalin.amount, sakhalin.usd_amount, sakhalin.period, sakhalin.basis) == (
        Decimal(62000),
        Decimal(730),
        "month",
        "person",
    )
    assert (sakhalin.change, sakhalin.change_date, sakhalin.basis_text) == (
        "doubled",
        "March 10",
        None,
    )
    # A basis outside the closed choice keeps its words.
    assert (dalian.basis, dalian.basis_text) == ("other", "brigade")
    assert hours.statement == "Long days." and hours.amount is None
    for claim in (sakhalin, dalian, hours):
        assert (claim.amount_high, claim.share_low, claim.deadline, claim.superseded_by) == (
            None,
            None,
            None,
            None,
        )
    assert (snapshot.articles[1].published_on, snapshot.articles[1].published_precision) == (
        None,
        None,
    )
    assert (snapshot.articles[2].published_on, snapshot.articles[2].published_precision) == (
        dt.date(2024, 3, 10),
        "day",
    )

    # Back down to 0006: the basis goes back to the words it had.
    await asyncio.to_thread(migrate.downgrade, database_url, "0006")
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        async with engine.connect() as connection:
            bases = (
                await connection.execute(text("SELECT id, basis FROM claims ORDER BY id"))
            ).all()
    finally:
        await engine.dispose()
    assert [tuple(row) for row in bases] == [(1, "person"), (2, "brigade"), (3, None)]


async def test_an_empty_store_upgrades(database_url: str) -> None:
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        await migrate.upgrade_engine(engine)
        async with engine.connect() as connection:
            version = await connection.scalar(text("SELECT version_num FROM alembic_version"))
            count = await connection.scalar(text("SELECT COUNT(*) FROM claims"))
    finally:
        await engine.dispose()
    assert (version, count) == (migrate.head_revision(), 0)  # 0007 and any later one
