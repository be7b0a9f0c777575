"""Incremental snapshot reloads: after a change only the changed rows are read again,
and the result is exactly what a full load gives, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select, text, update

from bot.engine import AnswerEngine, quote_echo
from bot.engine.quote_echo import EchoIndex, echo_index
from bot.engine.retrieval import ClaimSearch
from bot.runtime import Runtime
from db import editing, migrate
from db.editing import Actor
from db.kinds import SnapshotPart
from db.models import StoreChange
from db.revision import current_revision
from db.session import create_engine, write_transaction
from db.snapshot import FactStore, Snapshot, load_snapshot
from db.views import ClaimsById
from testkit.settings import make_settings

OWNER = Actor(1001, frozenset({1001}))


async def full_load(runtime: Runtime) -> Snapshot:
    async with runtime.sessionmaker() as session, session.begin():
        return await load_snapshot(session, await current_revision(session))


def same(a: Snapshot, b: Snapshot) -> None:
    assert a.revision == b.revision
    assert a.claims == b.claims
    assert a.claims_by_id == b.claims_by_id
    assert list(a.articles.items()) == list(b.articles.items())
    assert list(a.sources.items()) == list(b.sources.items())
    assert a.aliases == b.aliases
    assert a.default_article_id == b.default_article_id
    assert a.editor_ids == b.editor_ids
    assert a.active_claims == b.active_claims


async def test_each_kind_of_edit_reloads_only_its_rows(runtime: Runtime) -> None:
    first = await runtime.facts.current()
    assert first.diff is None  # the first load reads everything

    async def step() -> Snapshot:
        before = runtime.facts.last_known
        snapshot = await runtime.facts.current()
        assert snapshot.revision > before.revision
        assert snapshot.diff is not None and snapshot.diff.base_revision == before.revision
        same(snapshot, await full_load(runtime))
        return snapshot

    async with runtime.sessionmaker() as session:
        await editing.edit_claim(session, OWNER, 1, {"amount": "63000"}, reason="typo")
    snapshot = await step()
    assert snapshot.diff is not None and snapshot.diff.claim_ids == {1}
    assert snapshot.claim(1) is not None and snapshot.claim(1).amount == 63000  # type: ignore[union-attr]
    answer = "\n".join((await runtime.answer_engine()).answer("sakhalin quota").lines)
    assert "63,000" in answer

    async with runtime.sessionmaker() as session:
        added = await editing.add_fact(
            session, OWNER, {"topic": "hours", "text": "Shifts last twelve hours."}
        )
    snapshot = await step()
    assert snapshot.claim(added.entity_id) is not None

    async with runtime.sessionmaker() as session:
        await editing.retract(session, OWNER, 2, "withdrawn by the outlet")
    snapshot = await step()
    assert snapshot.claim(2) is not None and not snapshot.claim(2).active  # type: ignore[union-attr]
    async with runtime.sessionmaker() as session:
        await editing.restore(session, OWNER, 2, "the outlet stands by it")
    snapshot = await step()
    assert snapshot.claim(2).active  # type: ignore[union-attr]

    async with runtime.sessionmaker() as session:
        await editing.add_alias(session, OWNER, "yuzhno", "place", "Sakhalin")
    snapshot = await step()
    assert snapshot.diff is not None and snapshot.diff.aliases and not snapshot.diff.claim_ids
    assert any(a.term == "yuzhno" for a in snapshot.aliases)
    async with runtime.sessionmaker() as session:
        await editing.undo(session, OWNER)  # the alias is deleted again
    snapshot = await step()
    assert not any(a.term == "yuzhno" for a in snapshot.aliases)

    async with runtime.sessionmaker() as session:
        await editing.edit_article(session, OWNER, 1, {"title": "A new title"})
    snapshot = await step()
    assert snapshot.articles[1].title == "A new title"

    async with runtime.sessionmaker() as session:
        await editing.grant(session, OWNER, 4242)
    snapshot = await step()
    assert 4242 in snapshot.editor_ids
    async with runtime.sessionmaker() as session:
        await editing.revoke(session, OWNER, 4242)
    snapshot = await step()
    assert 4242 not in snapshot.editor_ids


async def test_every_revision_has_log_rows(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        await editing.edit_claim(session, OWNER, 1, {"amount": "63000"}, reason="typo")
        revision = await current_revision(session)
        await session.commit()
        rows = (
            await session.execute(
                select(StoreChange.part, StoreChange.row_id).where(StoreChange.revision == revision)
            )
        ).all()
    assert rows == [(SnapshotPart.CLAIM, 1)]


async def test_a_revision_without_log_rows_loads_everything(runtime: Runtime) -> None:
    await runtime.facts.current()
    # A writer that bypasses the ORM (or an older program) changes a row and the revision.
    async with runtime.sessionmaker() as session, write_transaction(session):
        connection = await session.connection()
        await connection.execute(text("UPDATE claims SET amount = '64000' WHERE id = 1"))
        await connection.execute(text("UPDATE store_state SET revision = revision + 1"))
    snapshot = await runtime.facts.current()
    assert snapshot.diff is None  # the gap was noticed: everything read again
    assert snapshot.claim(1).amount == 64000  # type: ignore[union-attr]


async def test_hand_written_sql_with_a_bump_loads_everything(runtime: Runtime) -> None:
    # The session sees the bump (bump_revision) but not which rows the SQL wrote: it must
    # not log "nothing of the snapshot changed" (the two-replica e2e test's edit).
    from db.revision import bump_revision

    await runtime.facts.current()
    async with runtime.sessionmaker() as session, write_transaction(session):
        await session.execute(text("UPDATE claims SET amount = '65000' WHERE id = 1"))
        await bump_revision(session)
    snapshot = await runtime.facts.current()
    assert snapshot.diff is None
    assert snapshot.claim(1).amount == 65000  # type: ignore[union-attr]


async def test_a_bulk_statement_loads_everything(runtime: Runtime) -> None:
    await runtime.facts.current()
    async with runtime.sessionmaker() as session, write_transaction(session):
        from db.models import Claim

        await session.execute(update(Claim).where(Claim.id == 2).values(amount=3500))
    snapshot = await runtime.facts.current()  # bumped for it by db/changes.py
    assert snapshot.diff is None
    assert snapshot.claim(2).amount == 3500  # type: ignore[union-attr]


async def test_another_process_follows_incrementally(runtime: Runtime) -> None:
    other = Runtime.create(make_settings(runtime.settings.database_url))
    try:
        assert "62,000" in "".join((await other.answer_engine()).answer("sakhalin").lines)
        async with runtime.sessionmaker() as session:
            await editing.edit_claim(session, OWNER, 1, {"amount": "61000"}, reason="typo")
        engine = await other.answer_engine()
        assert engine.snapshot.diff is not None
        assert "61,000" in "".join(engine.answer("sakhalin").lines)
        same(engine.snapshot, await full_load(runtime))
    finally:
        await other.close()


async def test_fact_store_is_exact_after_many_mixed_edits(runtime: Runtime) -> None:
    store = FactStore(runtime.sessionmaker)
    await store.current()
    for n in range(6):
        async with runtime.sessionmaker() as session:
            await editing.edit_claim(session, OWNER, 1 + n % 3, {"text": f"Edited {n}."})
            await editing.add_fact(session, OWNER, {"topic": "hours", "text": f"New {n}."})
        if n % 2:
            same(await store.current(), await full_load(runtime))
    same(await store.current(), await full_load(runtime))


QUESTIONS = (
    "How much do workers in Sakhalin owe now?",
    "fish plant workers china quota",
    "Who says so?",
    "Is any of this confirmed?",
    "What's loyalty cash?",
    "Russia vs China",
    "how much in dollars for dalian",
    "when did the quota for dalian change?",
    "what jobs do they do",
    "sakhlin quota",
    "how many hours do they work",
    "why did the quotas rise",
    "can workers protest",
    "quota in Vietnam",
    "shifts twelve hours",
    "yuzhno quota",
    "vladivostok quota",
    "vladivostk quota",
    "how much in Sakhalin Island",
)


def same_answers(updated: AnswerEngine, built: AnswerEngine) -> None:
    ua, ub = updated.understander, built.understander
    # Languages load lazily (a translit word readies Russian): compare with the same ones ready.
    for language in {*ua._languages._ready, *ub._languages._ready}:
        ua._languages.prepare(language)
        ub._languages.prepare(language)
    for name in ("_phrases", "_longest_from", "_not_places", "_topics", "_outlets", "_seen"):
        assert getattr(ua, name) == getattr(ub, name), name
    assert ua.known_words == ub.known_words
    for name in ("_known", "_by_length", "_by_length_and_first", "_max_correctable"):
        assert getattr(ua.vocabulary, name) == getattr(ub.vocabulary, name), name
    for question in QUESTIONS:
        a, b = updated.answer(question), built.answer(question)
        assert (a.lines, a.claim_ids, a.follow_ups) == (b.lines, b.claim_ids, b.follow_ups), (
            question
        )
    assert updated.quotas().lines == built.quotas().lines
    ra, rb = updated.composer.reports, built.composer.reports
    assert (ra.articles, ra.several, ra.earlier) == (rb.articles, rb.several, rb.earlier)
    assert updated.snapshot.active_claims == built.snapshot.active_claims
    assert updated.sources().lines == built.sources().lines
    assert updated.quota_places() == built.quota_places()


async def test_the_engine_updated_answers_as_one_built_anew(runtime: Runtime) -> None:
    engine = await runtime.answer_engine()
    edits = [
        lambda s: editing.edit_claim(s, OWNER, 1, {"amount": "63000"}, reason="typo"),
        lambda s: editing.add_fact(
            s, OWNER, {"topic": "hours", "text": "Shifts last twelve hours."}
        ),
        lambda s: editing.edit_claim(s, OWNER, 3, {"text": "Workers protest the twelve hours."}),
        lambda s: editing.retract(s, OWNER, 2, "withdrawn by the outlet"),
        lambda s: editing.restore(s, OWNER, 2, "the outlet stands by it"),
        lambda s: editing.add_quota(
            s,
            OWNER,
            {"place": "Vladivostok", "country": "RU", "amount": "50000", "currency": "RUB"},
        ),
        lambda s: editing.add_alias(s, OWNER, "yuzhno", "place", "Sakhalin"),
        lambda s: editing.grant(s, OWNER, 4242),
        lambda s: editing.edit_claim(s, OWNER, 1, {"place": "Sakhalin Island"}, reason="typo"),
    ]
    for n, edit in enumerate(edits):
        echo = echo_index(engine.snapshot)
        async with runtime.sessionmaker() as session:
            await edit(session)
        before = engine
        engine = await runtime.answer_engine()
        assert engine.revision > before.revision
        # The quote echo index followed the edit: made from the last one, as built anew.
        assert quote_echo._index is not None and quote_echo._index[0] is engine.snapshot
        followed = quote_echo._index[1]
        assert followed is not echo
        assert followed == EchoIndex.build(engine.snapshot.claims), n
        # Updated, not built anew (the BM25 index built at load is shared), except
        # when a name may have gone (a claim's place edited).
        kept = engine.search._base is before.search._base
        assert kept == (n != 8), n
        same_answers(engine, AnswerEngine(engine.snapshot))


async def test_the_engine_catches_up_over_several_reloads(runtime: Runtime) -> None:
    """Pages read the snapshot too: the engine then updates over several steps at once."""
    engine = await runtime.answer_engine()
    for n in range(3):
        async with runtime.sessionmaker() as session:
            await editing.edit_claim(session, OWNER, 3 + n, {"text": f"Shifts of {n} hours."})
        await runtime.facts.current()  # a public page, say
    updated = await runtime.answer_engine()
    assert updated.revision == engine.revision + 3
    assert updated.search._base is engine.search._base  # updated, not built anew
    same_answers(updated, AnswerEngine(updated.snapshot))
    assert runtime.facts.diff_between(engine.revision, engine.revision + 3) is not None
    assert runtime.facts.diff_between(engine.revision - 1, engine.revision + 3) is None


async def test_concurrent_writers_and_a_reader_miss_nothing(runtime: Runtime) -> None:
    """Two replicas write at once while a third reloads as it goes: whatever order the
    transactions commit in, the reader's snapshot ends exactly as a full load."""
    writers = [Runtime.create(make_settings(runtime.settings.database_url)) for _ in range(2)]
    reader = FactStore(runtime.sessionmaker)
    await reader.current()

    async def write(rt: Runtime, offset: int) -> None:
        for n in range(6):
            async with rt.sessionmaker() as session:
                await editing.add_fact(
                    session, OWNER, {"topic": "hours", "text": f"Writer {offset} fact {n}."}
                )
            async with rt.sessionmaker() as session:
                await editing.edit_claim(
                    session, OWNER, 3 + offset, {"text": f"Writer {offset} edit {n}."}
                )

    async def read() -> None:
        for _ in range(12):
            await reader.current()
            await asyncio.sleep(0)

    try:
        await asyncio.gather(write(writers[0], 0), write(writers[1], 1), read())
        snapshot = await reader.current()
        same(snapshot, await full_load(runtime))
        assert snapshot.diff is not None  # it stayed on the incremental path
    finally:
        for rt in writers:
            await rt.close()


ROWS_AT_0006 = (
    "INSERT INTO articles (id, outlet, title, caveat, is_default, created_at, updated_at, "
    "version) VALUES (1, 'HNGN', 'A title', 'A caveat.', true, CURRENT_TIMESTAMP, "
    "CURRENT_TIMESTAMP, 1)",
    "INSERT INTO sources (id, name, kind, article_id, created_at, updated_at, version) "
    "VALUES (1, 'a source', 'anonymous', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)",
    "INSERT INTO claims (id, kind, topic, statement, source_id, article_id, status, "
    "created_at, updated_at, version, usd_is_approx) VALUES (1, 'fact', 'hours', "
    "'Shifts are long.', 1, 1, 'active', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, true)",
)


async def test_0008_upgrades_a_populated_store_and_reloads_incrementally(
    database_url: str,
) -> None:
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        await migrate.upgrade_engine(engine, "0006")
        async with engine.begin() as connection:
            for statement in ROWS_AT_0006:
                await connection.execute(text(statement))
        await migrate.upgrade_engine(engine)
        async with engine.begin() as connection:
            logged = await connection.scalar(text("SELECT count(*) FROM store_changes"))
    finally:
        await engine.dispose()
    assert logged == 0  # an existing store starts with an empty log

    runtime = Runtime.create(make_settings(database_url))
    try:
        await runtime.prepare_store()  # current, and not empty: no seed
        first = await runtime.facts.current()
        assert first.diff is None and [c.statement for c in first.claims] == ["Shifts are long."]
        async with runtime.sessionmaker() as session:
            await editing.edit_claim(session, OWNER, 1, {"text": "Shifts last 12 hours."})
        snapshot = await runtime.facts.current()
        assert snapshot.diff is not None and snapshot.diff.claim_ids == {1}
        assert snapshot.claim(1).statement == "Shifts last 12 hours."  # type: ignore[union-attr]
    finally:
        await runtime.close()


async def test_compacting_the_overlays_changes_no_answer(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The BM25 overlay and the shared claims-by-id table are merged every few thousand
    changes; with a threshold of 2 they merge every other edit, and nothing differs."""
    monkeypatch.setattr(ClaimSearch, "COMPACT_AT", 2)
    monkeypatch.setattr(ClaimsById, "COMPACT_AT", 2)
    engine = await runtime.answer_engine()
    for n in range(5):
        async with runtime.sessionmaker() as session:
            await editing.edit_claim(session, OWNER, 3 + n % 2, {"text": f"Shifts of {n}."})
            await editing.add_fact(session, OWNER, {"topic": "hours", "text": f"New {n}."})
            await editing.retract(session, OWNER, 3 + (n + 1) % 2, f"retracted {n}")
            await editing.restore(session, OWNER, 3 + (n + 1) % 2, f"restored {n}")
        engine = await runtime.answer_engine()
        same(engine.snapshot, await full_load(runtime))
        same_answers(engine, AnswerEngine(engine.snapshot))
        assert engine.snapshot.diff is not None


async def test_a_quota_in_a_new_currency_rebuilds_the_reader(runtime: Runtime) -> None:
    """A currency no claim used before: its names ("rials") are the reports' now, as in an
    engine built anew (the reader is built again, not updated)."""
    engine = await runtime.answer_engine()
    assert engine.understand("salalah in rials").other_currencies == ["rials"]
    async with runtime.sessionmaker() as session:
        await editing.add_quota(
            session,
            OWNER,
            {"place": "Salalah", "country": "OM", "amount": "300", "currency": "OMR"},
        )
    engine = await runtime.answer_engine()
    same_answers(engine, AnswerEngine(engine.snapshot))
    understood = engine.understand("salalah in rials")
    assert (understood.other_currencies, understood.currencies) == ([], ["OMR"])
