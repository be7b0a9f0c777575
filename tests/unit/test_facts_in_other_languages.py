"""A question in Russian, Chinese or Korean about what a report says of a place it covers
(hours, housing) gets the report's fact filed under a topic no question names, found by the
attribute's own English cue words at the places asked (bot/engine/bearing.py): the claims'
words are English, the question's are not. Over the made-up report
testkit/reports/test_kin_2025.json, which no question set uses.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from testkit.engine import engine_with, text_of

KIN_REPORT = Path(__file__).parents[2] / "testkit" / "reports" / "test_kin_2025.json"
FACT = "the Tema seamstresses sew 13-hour shifts"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("facts_at") / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", KIN_REPORT))


@pytest.mark.parametrize(
    "question",
    [
        "сколько часов в день работают швеи в Теме?",
        "特马的女工每天工作几个小时？",
        "테마 여공들 하루에 몇 시간 일해요?",
        "테마 기숙사 있어요?",
    ],
)
def test_a_fact_at_the_place_asked_answers_in_any_language(
    engine: AnswerEngine, question: str
) -> None:
    text = text_of(engine, question)
    assert FACT in text
    assert "[#1106]" in text


@pytest.mark.parametrize(
    "question",
    [
        "сколько часов работают в Кумаси?",
        "Кумаси, где живут медсестры?",
        # a name asked: a fact that uses "factory" names none
        "特马那个工厂叫什么名字？老板是谁？",
        "테마 공장 이름이 뭐예요?",
    ],
)
def test_a_place_with_no_such_fact_is_still_silent(engine: AnswerEngine, question: str) -> None:
    text = text_of(engine, question)
    assert FACT not in text
    assert "[#1106]" not in text
