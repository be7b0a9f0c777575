""" ", then" joins two questions in one English message ("sakhalin how much ah, then dalian
when start?"): each side is answered (joiners.json); "then" without a comma, or a side that
asks nothing of its own, keeps the message whole."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from testkit.engine import body_of, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("then_joins") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    "question",
    [
        "sakhalin how much ah, then dalian when start?",
        "how much in sakhalin, then when did dalian start",
        "sakhalin quota pls, and then the dalian date",
        "how much do sakhalin workers pay, then when was the dalian order",
        "the sakhalin figure, then dalian's date?",
    ],
)
def test_then_after_a_comma_asks_a_second_question(engine: AnswerEngine, question: str) -> None:
    text = body_of(engine, question)
    assert "62,000" in text  # the first side: Sakhalin's quota
    assert "March 10" in text  # the second: Dalian's date


def test_then_inside_one_question_keeps_it_whole(engine: AnswerEngine) -> None:
    text = body_of(engine, "what was the old dalian figure, and then the new one?")
    assert "3,400" in text and "6,800" in text
    assert "62,000" not in text
