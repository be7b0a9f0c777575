"""A part that asks nothing after a question of another subject goes on with that question
(answering.py; the model's second opinion leaves it too): our own wordings in four languages,
and questions about the report beside a place that must stay answered (the quota named, a
doubling asked, an uncovered place still "not covered", a later part that asks the quota)."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.vocabulary import Intent
from testkit.engine import seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("place-in-another") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    "question",
    [
        "为什么海参越来越贵了 大连人表示买不起",
        "почему рыба дорожает? в даляне люди не могут купить",
        "what's the weather in dalian? and sakhalin",
        "сколько стоит рыба на сахалине? а в даляне",
        # (nor does the model's second opinion take the later part for a quota asked)
        "why is crab so expensive now. dalian folks cant buy it",
    ],
)
def test_a_part_asking_nothing_goes_on_with_the_question_before_it(
    engine: AnswerEngine, question: str
) -> None:
    assert engine.answer(question).intents == [Intent.OFF_TOPIC]


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        ("为什么大连的任务这么重", ["topic:reason"]),
        ("大连为啥翻倍了", ["topic:reason"]),
        ("почему на сахалине такие высокие квоты", ["topic:reason"]),
        ("왜 다롄 할당량이 두 배가 됐어요?", ["topic:reason"]),
        ("когда это началось в хабаровске?", [Intent.NOT_COVERED]),
    ],
)
def test_a_question_about_the_report_beside_a_place_stays_answered(
    engine: AnswerEngine, question: str, intents: list[str]
) -> None:
    assert engine.answer(question).intents == intents


def test_a_later_part_that_asks_of_the_report_is_answered(engine: AnswerEngine) -> None:
    reply = engine.answer("what's the weather in dalian? and the quota in sakhalin")
    assert reply.intents == [Intent.QUOTA]
    assert "62,000" in "\n".join(reply.lines)
    assert "weather" in "\n".join(reply.lines)
