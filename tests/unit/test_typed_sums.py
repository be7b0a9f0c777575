"""A stored figure the asker types back is no premise to refute when they work on it
("per year then? 155*52": an operand of their own sum, bot/engine/figures.py's
``operands``) or restate it with the period its report gives ("1130 euros a month -> per
year?": a sum in another period is asked, not which period it is; figure_text.py's
``restates_a_figure``). Over the made-up report testkit/reports/test_pier_2026.json.
"""

from __future__ import annotations

import asyncio
from decimal import Decimal
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from bot.engine.figure_text import restates_a_figure
from bot.engine.figures import operands
from testkit.engine import engine_with, text_of

PIER_REPORT = Path(__file__).parents[2] / "testkit" / "reports" / "test_pier_2026.json"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("pier-sums") / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", PIER_REPORT))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("dushanbe per month then? 6000/12", {6000}),
        ("650 x 12", {650}),
        ("6,000 ÷ 12 and 155*52", {6000, 155}),
        ("450000 × 4", {450000}),
        ("a 2x rise in 2026", set()),
        ("they pay 6000 a year", set()),
    ],
)
def test_operands_are_the_figures_the_asker_works_on(text: str, found: set[int]) -> None:
    assert operands(text) == {Decimal(n) for n in found}


@pytest.mark.parametrize(
    ("text", "claim_id", "restated"),
    [
        ("married couples in tallinn: 1130 euros a month -> per year?", 2104, True),
        ("tallinn: 155 euros a week, so a year?", 2103, True),
        ("is it 1130 a month or a year?", 2104, False),  # periods side by side: which one
        ("1130 euros a year?", 2104, False),  # another period: a premise, not a restatement
        ("1130 is what a year", 2103, False),  # not this figure's amount
    ],
)
def test_a_figure_restated_with_its_own_period(
    engine: AnswerEngine, text: str, claim_id: int, restated: bool
) -> None:
    claim = engine.snapshot.claim(claim_id)
    assert claim is not None
    figures = [Decimal(n) for n in ("1130", "155") if n in text]
    assert restates_a_figure(text, figures, [claim]) is restated


@pytest.mark.parametrize(
    ("question", "sum_shown", "refused"),
    [
        ("tallinn asphalt crew per year then? 155*52", "8,060 euros", "not per year"),
        ("married couples in tallinn: 1130 euros a month -> per year?", "13,560 euros", "is per"),
    ],
)
def test_the_sum_is_made_not_refused(
    engine: AnswerEngine, question: str, sum_shown: str, refused: str
) -> None:
    text = text_of(engine, question)
    assert sum_shown in text
    assert refused not in text


def test_a_figure_asserted_with_another_period_is_still_refused(engine: AnswerEngine) -> None:
    assert "a figure per week, not per year" in text_of(engine, "so tallinn pays 155 euros a year?")
