"""An ask of the report itself pointed at it (bot/engine/relevance.points_at_report): "what
is this based on, leaked docs?" asks who says so, though "docs" is a word no list knows; the
same ask pointed at nothing ("who wrote the zorblax manifesto") stays another subject.
Wordings of these tests are in no set."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.vocabulary import Intent
from testkit.engine import body_of, seeded_engine

OFF_TOPIC = "I can only answer questions about the reported North Korean"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("report-pointers") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    "question",
    [
        "what is this based on, leaked docs or what",
        "is this from some defector's blogg or wat",
        "who's the source for this, some rando on weibo?",
    ],
)
def test_an_ask_of_the_report_pointed_at_it_is_answered(
    engine: AnswerEngine, question: str
) -> None:
    body = body_of(engine, question)
    assert "Daily NK" in body and OFF_TOPIC not in body
    assert Intent.SOURCES in engine.answer(question).intents


@pytest.mark.parametrize("question", ["who wrote the zorblax manifesto", "who wrote harry potter"])
def test_the_same_ask_pointed_at_nothing_stays_another_subject(
    engine: AnswerEngine, question: str
) -> None:
    assert OFF_TOPIC in body_of(engine, question)
