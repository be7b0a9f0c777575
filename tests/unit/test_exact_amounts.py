"""Amounts are exact on SQLite and PostgreSQL: stored, migrated, edited, exported, imported."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy import select

from bot.runtime import Runtime
from db import editing, migrate
from db.editing import Actor
from db.models import Claim
from db.session import create_engine
from db.transfer import export_document, import_document
from db.validation import AMOUNT_MAX_DECIMALS, AMOUNT_MAX_INTEGER_DIGITS, parse_amount
from tests.support.harness import Harness

OWNER = Actor(1001, frozenset({1001}))

# The largest and most precise amount the validator accepts, and the security review's one.
LARGEST = "9" * AMOUNT_MAX_INTEGER_DIGITS + "." + "9" * AMOUNT_MAX_DECIMALS
REVIEWED = "987654321098765.4321"

# The claims table as migrations 0001-0004 made it, written as the old model wrote it.
OLD_CLAIMS = sa.table(
    "claims",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("topic", sa.String),
    sa.column("statement", sa.Text),
    sa.column("place", sa.String),
    sa.column("source_id", sa.Integer),
    sa.column("article_id", sa.Integer),
    sa.column("status", sa.String),
    sa.column("version", sa.Integer),
    sa.column("usd_is_approx", sa.Boolean),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("updated_at", sa.DateTime(timezone=True)),
    sa.column("amount", sa.Numeric(24, 4)),
    sa.column("usd_amount", sa.Numeric(24, 4)),
)
OLD_AMOUNTS = {
    1: (Decimal("62000"), Decimal("730")),
    2: (Decimal("3400.5"), None),
    3: (Decimal(REVIEWED), Decimal("0.0001")),
    4: (None, None),
}


def test_the_largest_amount_is_what_the_validator_accepts() -> None:
    assert parse_amount(LARGEST) == Decimal("999999999999999.9999")


async def test_migration_0005_keeps_every_stored_amount(database_url: str) -> None:
    await asyncio.to_thread(migrate.upgrade, database_url, "0004")
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                sa.text(
                    "INSERT INTO articles (id, outlet, title, caveat, is_default, version, "
                    "created_at, updated_at) VALUES (1, 'HNGN', 'T', 'C', true, 1, "
                    "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                )
            )
            await connection.execute(
                sa.text(
                    "INSERT INTO sources (id, name, kind, article_id, version, created_at, "
                    "updated_at) VALUES (1, 's', 'anonymous', 1, 1, CURRENT_TIMESTAMP, "
                    "CURRENT_TIMESTAMP)"
                )
            )
            for claim_id, (amount, usd) in OLD_AMOUNTS.items():
                await connection.execute(
                    OLD_CLAIMS.insert().values(
                        id=claim_id,
                        kind="quota",
                        topic="quota",
                        statement=f"s{claim_id}",
                        place="Sakhalin",
                        source_id=1,
                        article_id=1,
                        status="active",
                        version=1,
                        usd_is_approx=True,
                        amount=amount,
                        usd_amount=usd,
                        created_at=sa.func.now(),
                        updated_at=sa.func.now(),
                    )
                )
            before = {
                row.id: (row.amount, row.usd_amount)
                for row in await connection.execute(
                    select(OLD_CLAIMS.c.id, OLD_CLAIMS.c.amount, OLD_CLAIMS.c.usd_amount)
                )
            }
        await asyncio.to_thread(migrate.upgrade, database_url)
        async with engine.connect() as connection:
            after = {
                row.id: (row.amount, row.usd_amount)
                for row in await connection.execute(
                    select(Claim.id, Claim.amount, Claim.usd_amount)
                )
            }
            # Nothing the bot read before the upgrade reads differently after it.
            assert after == before
            assert all(
                isinstance(value, Decimal) or value is None
                for pair in after.values()
                for value in pair
            )
            # …and from now on the amount the review found rounded is stored exactly.
            await connection.execute(
                sa.update(Claim).where(Claim.id == 3).values(amount=Decimal(REVIEWED))
            )
            stored = await connection.scalar(select(Claim.amount).where(Claim.id == 3))
            assert stored == Decimal(REVIEWED) and str(stored) == REVIEWED
            if engine.dialect.name == "postgresql":
                assert after[3] == (Decimal(REVIEWED), Decimal("0.0001"))
            else:
                # SQLite's float had already rounded it; the migration keeps what was shown.
                assert after[3] == (Decimal("987654321098765.3750"), Decimal("0.0001"))
                kind = await connection.scalar(sa.text("SELECT typeof(amount) FROM claims"))
                assert kind == "text"
    finally:
        await engine.dispose()


async def test_largest_amount_round_trips_through_commands_and_export(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        change = await editing.add_quota(
            session,
            OWNER,
            {"country": "RU", "place": "Vladivostok", "amount": LARGEST, "currency": "RUB",
             "usd": REVIEWED},
        )  # fmt: skip
    async with runtime.sessionmaker() as session:
        claim = await session.get(Claim, change.entity_id)
        assert claim is not None
        assert (claim.amount, claim.usd_amount) == (Decimal(LARGEST), Decimal(REVIEWED))
    # The snapshot reads claims through Core columns: the same exact Decimals.
    engine = await runtime.answer_engine()
    [view] = [c for c in engine.snapshot.claims if c.id == change.entity_id]
    assert (view.amount, view.usd_amount) == (Decimal(LARGEST), Decimal(REVIEWED))

    async with runtime.sessionmaker() as session:
        await editing.edit_claim(session, OWNER, change.entity_id, {"amount": REVIEWED})
    async with runtime.sessionmaker() as session:
        document = await export_document(session)
    [row] = [c for c in document["claims"] if c["id"] == change.entity_id]
    assert (row["amount"], row["usd_amount"]) == (REVIEWED, REVIEWED)

    row["amount"] = LARGEST
    async with runtime.sessionmaker() as session:
        await import_document(session, document, mode="replace")
    async with runtime.sessionmaker() as session:
        claim = await session.get(Claim, change.entity_id)
        assert claim is not None
        assert (claim.amount, claim.usd_amount) == (Decimal(LARGEST), Decimal(REVIEWED))
    async with runtime.sessionmaker() as session:
        again = await export_document(session)
    assert next(c for c in again["claims"] if c["id"] == change.entity_id)["amount"] == LARGEST


async def test_an_exact_amount_is_answered_exactly(harness: Harness) -> None:
    out = " ".join(
        await harness.send(
            f"/addquota country=Russia place=Vladivostok amount={REVIEWED} currency=RUB", 1001
        )
    )
    assert "987,654,321,098,765.4321" in out
    out = " ".join(await harness.send("Vladivostok quota", 5005))
    assert "987,654,321,098,765.4321" in out
