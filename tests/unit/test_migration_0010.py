"""0010: notice deliveries lose the "dropped" status nothing ever set (db/notices.py
drop_chat deletes a blocked chat's rows instead). A populated store upgrades with every
other delivery kept, and the database refuses "dropped" from then on."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from db import migrate
from db.kinds import DeliveryStatus
from db.session import create_engine

NOTICE_AT_0007 = (
    "INSERT INTO change_notices (id, claim_id, place, action, field, old_value, new_value, "
    "article_id, changed_at, created_at) VALUES (1, NULL, NULL, 'correct', 'amount', '1', '2', "
    "1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
)


def _delivery(row_id: int, status: str) -> str:
    return (
        "INSERT INTO notice_deliveries (id, notice_id, chat_id, chat_type, status, attempts, "
        f"not_before) VALUES ({row_id}, 1, {100 + row_id}, 'private', '{status}', 0, "
        "CURRENT_TIMESTAMP)"
    )


async def _statuses(database_url: str) -> list[tuple[int, str]]:
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(
                text("SELECT id, status FROM notice_deliveries ORDER BY id")
            )
            return [(row_id, status) for row_id, status in rows]
    finally:
        await engine.dispose()


async def _insert(database_url: str, statement: str) -> None:
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        async with engine.begin() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


async def test_a_populated_store_upgrades_and_dropped_is_refused(database_url: str) -> None:
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        await migrate.upgrade_engine(engine, "0007")
        async with engine.begin() as connection:
            await connection.execute(text(NOTICE_AT_0007))
            for row_id, status in enumerate(("pending", "sent", "failed", "dropped"), start=1):
                await connection.execute(text(_delivery(row_id, status)))
        await migrate.upgrade_engine(engine, "0010")
    finally:
        await engine.dispose()

    # Every delivery but the "dropped" one is kept as it was.
    assert await _statuses(database_url) == [(1, "pending"), (2, "sent"), (3, "failed")]
    assert [str(status) for status in DeliveryStatus] == ["pending", "sent", "failed"]
    with pytest.raises(IntegrityError):
        await _insert(database_url, _delivery(5, "dropped"))
    await _insert(database_url, _delivery(6, "failed"))

    # Back down to 0007: "dropped" is allowed again, nothing else lost.
    await asyncio.to_thread(migrate.downgrade, database_url, "0007")
    await _insert(database_url, _delivery(7, "dropped"))
    assert await _statuses(database_url) == [
        (1, "pending"),
        (2, "sent"),
        (3, "failed"),
        (6, "failed"),
        (7, "dropped"),
    ]


async def test_an_empty_store_upgrades_and_refuses_dropped(database_url: str) -> None:
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        await migrate.upgrade_engine(engine, "0010")
    finally:
        await engine.dispose()
    await _insert(database_url, NOTICE_AT_0007)
    with pytest.raises(IntegrityError):
        await _insert(database_url, _delivery(1, "dropped"))
    assert await _statuses(database_url) == []
