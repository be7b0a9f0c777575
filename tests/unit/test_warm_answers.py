"""What a new engine builds on first use, built before a reader's first question: the
warm-up questions (bot/warm_answers.py, asked by Runtime.warm_up), the per-snapshot tables
built with the engine or carried over an edit that leaves them as they were, and the
per-question walks over every figure that only some questions need."""

from __future__ import annotations

from bot.engine import AnswerEngine, bearing
from bot.i18n import Language, detect
from bot.runtime import Runtime
from bot.warm_answers import warm_answers, warm_questions
from db import editing
from db.editing import Actor
from testkit.engine import RFA_2020, body_of, engine_with

OWNER = Actor(1001, frozenset({1001}))
COMMANDS = 5  # /quotas, /quota <place>, /sources, /caveat, /article


def test_the_warm_up_questions_are_in_each_language_and_read_as_it() -> None:
    questions = warm_questions()
    assert set(questions) == set(Language)
    for language, texts in questions.items():
        assert len(texts) >= 5, language
        assert [detect(text) for text in texts] == [language] * len(texts)


async def test_warming_up_asks_each_question_and_command_in_each_language(
    sqlite_runtime: Runtime,
) -> None:
    engine = await sqlite_runtime.answer_engine()
    replies = list(warm_answers(engine))
    assert len(replies) == sum(len(t) + COMMANDS for t in warm_questions().values())
    assert all(reply.lines for reply in replies)


async def test_a_warmed_engine_answers_as_a_cold_one(sqlite_runtime: Runtime) -> None:
    engine = await sqlite_runtime.answer_engine()
    cold = AnswerEngine(engine.snapshot)
    questions = ["What's loyalty cash?", "Who says so?", "сколько на сахалине", "谁说的？"]
    before = [body_of(cold, q) for q in questions]
    for _reply in warm_answers(engine):
        pass
    assert [body_of(engine, q) for q in questions] == before


async def test_warming_up_builds_the_topic_lookups_of_the_snapshot(
    sqlite_runtime: Runtime,
) -> None:
    engine = await sqlite_runtime.answer_engine()
    assert engine.composer._naming is None
    for _reply in warm_answers(engine):
        pass
    assert engine.composer._naming is not None
    assert engine.composer._naming[0] is engine.snapshot
    assert "loyalty money" in engine.composer._naming[1]


async def test_runtime_warm_up_stops_when_an_edit_replaced_the_engine(
    sqlite_runtime: Runtime,
) -> None:
    engine = await sqlite_runtime.answer_engine()
    async with sqlite_runtime.sessionmaker() as session:
        await editing.edit_claim(session, OWNER, 1, {"amount": "63000"}, reason="typo")
    newer = await sqlite_runtime.answer_engine()
    assert newer is not engine
    await sqlite_runtime.warm_up()  # warms the engine current when it starts
    assert newer.composer._naming is not None and newer.composer._naming[0] is newer.snapshot


async def test_the_facts_by_place_are_built_with_the_engine(sqlite_runtime: Runtime) -> None:
    engine = await sqlite_runtime.answer_engine()
    built = AnswerEngine(engine.snapshot)
    assert bearing._AT and bearing._AT[0][0] is built.snapshot
    facts = {c.place for c in built.snapshot.active_claims if not c.is_quota and c.place}
    assert set(bearing._AT[0][1]) == facts


async def test_a_quota_edit_keeps_the_topic_lookups_a_fact_edit_drops_them(
    sqlite_runtime: Runtime,
) -> None:
    engine = await sqlite_runtime.answer_engine()
    body_of(engine, "What's loyalty cash?")
    assert engine.composer._naming is not None
    known = engine.composer._naming[1]
    async with sqlite_runtime.sessionmaker() as session:
        await editing.edit_claim(session, OWNER, 1, {"amount": "63000"}, reason="typo")
    after_quota = await sqlite_runtime.answer_engine()
    assert after_quota.composer._naming == (after_quota.snapshot, known)
    fact = next(c for c in after_quota.snapshot.active_claims if not c.is_quota)
    async with sqlite_runtime.sessionmaker() as session:
        await editing.edit_claim(
            session, OWNER, fact.id, {"text": "Savings are already difficult."}
        )
    after_fact = await sqlite_runtime.answer_engine()
    naming = after_fact.composer._naming
    assert naming is None or naming[0] is not after_fact.snapshot
    question = "What's loyalty cash?"
    assert body_of(after_fact, question) == body_of(AnswerEngine(after_fact.snapshot), question)


def same_as_the_walk(engine: AnswerEngine) -> None:
    composer = engine.composer
    places = {c.place for c in engine.snapshot.claims if c.place} | {"Atlantis"}
    for place in places:
        assert composer.quotas_at(place) == [c for c in composer.quotas() if c.place == place]


async def test_quotas_at_a_place_are_the_quotas_there_in_order(sqlite_runtime: Runtime) -> None:
    engine = await sqlite_runtime.answer_engine()
    assert not engine.composer.several  # read from the place index
    same_as_the_walk(engine)
    mine = engine.composer.quotas_at("Sakhalin")
    mine.clear()  # a copy: the index is not changed
    assert engine.composer.quotas_at("Sakhalin")
    async with sqlite_runtime.sessionmaker() as session:  # an updated index
        await editing.edit_claim(session, OWNER, 1, {"amount": "63000"}, reason="typo")
    same_as_the_walk(await sqlite_runtime.answer_engine())


async def test_quotas_at_a_place_with_several_reports(sqlite_url: str) -> None:
    engine = await engine_with(sqlite_url, RFA_2020)
    assert engine.composer.several  # in the reports' order, newest first
    same_as_the_walk(engine)
