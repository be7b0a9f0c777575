"""A kind of work asked in Russian with "какой" before a workplace noun and a verb of working
("на каком производстве пашут", "в какой отрасли вкалывают"): the sectors of the report, not
the hours that "пахать" alone reads as (vocabulary/ru.json's lemma_rules). "Какое количество
часов пашут" still asks hours."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine

SECTORS = "Отрасли в статье:"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("kind_of_work") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    ("question", "sector"),
    [
        ("корейцы в даляне на каком производстве пашут", "переработка морепродуктов"),
        ("на какой стройке вкалывают на сахалине", "строительство"),
        ("в какой отрасли трудятся корейцы в даляне", "переработка морепродуктов"),
        ("в какой сфере пашут на сахалине", "строительство"),
        ("кем пашут корейцы на сахалине", "строительство"),  # the older rule, unchanged
    ],
)
def test_the_kind_of_work(engine: AnswerEngine, question: str, sector: str) -> None:
    lines = lines_in(engine, question, Language.RU)
    assert SECTORS in lines, lines
    assert any(sector in line for line in lines), lines


@pytest.mark.parametrize(
    "question",
    [
        "какое количество часов пашут на сахалине",
        "сколько часов пашут на сахалине",
        "сколько в день вкалывают в даляне",
    ],
)
def test_hours_stay_hours(engine: AnswerEngine, question: str) -> None:
    lines = lines_in(engine, question, Language.RU)
    assert SECTORS not in lines, lines
