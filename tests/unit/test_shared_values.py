"""Memory at 100,000 claims: values the snapshot and the engine's indexes hold once, not
once per claim (docs/performance.md, "Peak memory"), and still read as before."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest

from bot.engine import AnswerEngine
from bot.engine.indexes import ClaimIndex, places_of
from bot.runtime import Runtime
from db import editing
from db.editing import Actor
from db.revision import current_revision
from db.snapshot import load_snapshot
from testkit.engine import seeded_engine
from tests.unit.test_engine import big_engine

OWNER = Actor(1001, frozenset({1001}))


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("engine") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


async def test_amounts_written_alike_are_one_decimal(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        await editing.edit_claim(session, OWNER, 1, {"amount": "3400"}, reason="test")
    async with runtime.sessionmaker() as session, session.begin():
        snapshot = await load_snapshot(session, await current_revision(session))
    sakhalin, dalian = (c for c in snapshot.claims if c.is_quota)
    assert sakhalin.amount == dalian.amount == Decimal(3400)
    assert sakhalin.amount is dalian.amount
    assert str(sakhalin.amount) == str(dalian.amount)
    # Different amounts stay apart, and each claim's other figures are its own.
    assert sakhalin.usd_amount != dalian.usd_amount


def test_claim_index_keeps_tuples_and_updates_into_lists(engine: AnswerEngine) -> None:
    big = big_engine(engine, 50)
    claims = [c for c in big.snapshot.claims if c.is_quota and c.active]
    index = ClaimIndex(claims)
    assert all(type(ids) is tuple for by in index._by.values() for ids in by.values())
    gone, kept = claims[0], claims[1:]
    place = gone.place
    assert place is not None
    updated = index.updated([gone], [], {c.id: c for c in kept})
    assert gone.id in index._by["place"][place]  # the original is not changed
    assert gone.id not in updated._by["place"].get(place, ())
    again = updated.updated([], [gone], {c.id: c for c in claims})
    assert sorted(again._by["place"][place]) == sorted(index._by["place"][place])
    u = big.understand(f"quota in {gone.place}")
    assert again.select(u) == index.select(u) == [c for c in claims if c.place == gone.place]


def test_places_of_gives_each_place_its_ids_in_order(engine: AnswerEngine) -> None:
    facts = [c for c in engine.snapshot.claims if not c.is_quota]
    places = places_of(facts)
    assert all(type(ids) is tuple for ids in places.values())
    assert {p: list(ids) for p, ids in places.items()} == {
        place: [c.id for c in facts if c.place == place] for place in {c.place for c in facts}
    }
