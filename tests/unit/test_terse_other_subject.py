"""A bare question word is the question itself ("何时?", "언제?", "когда?": the report's
dates), but not beside a content word no table knows and no place ("何时是中秋节", "언제
생일이에요", "когда масленица"): that asks of something else, answered as off-topic
(bot/engine/segments.py, ``is_terse``). Written apart from the question sets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.vocabulary import Intent
from testkit.engine import seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("terse") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize("question", ["何时?", "什么时候?", "언제?", "когда?"])
def test_a_bare_when_asks_the_reports_dates(engine: AnswerEngine, question: str) -> None:
    understanding = engine.understand(question)
    assert Intent.DATE in understanding.intents
    assert any(segment.on_topic for segment in understanding.segments)


@pytest.mark.parametrize(
    "question", ["何時是中秋節？", "春节是什么时候", "언제 생일이에요?", "когда масленица?"]
)
def test_when_beside_another_subjects_word_is_off_topic(
    engine: AnswerEngine, question: str
) -> None:
    understanding = engine.understand(question)
    assert not any(segment.on_topic for segment in understanding.segments)
    assert "March 10" not in "\n".join(str(line) for line in engine.answer(question).lines)


@pytest.mark.parametrize("question", ["大连何时?", "다롄 언제?"])
def test_when_with_a_place_still_asks_the_date(engine: AnswerEngine, question: str) -> None:
    assert Intent.DATE in engine.understand(question).intents


def test_how_much_beside_an_unknown_word_still_asks_the_quota(engine: AnswerEngine) -> None:
    text = "\n".join(str(line) for line in engine.answer("노르마 얼마?").lines)
    assert "62,000" in text and "3,400" in text
