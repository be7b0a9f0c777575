"""A question naming the people a figure is for in the report's own words ("the
scaffolders", "asphalt crew", "the married ones", "the galley cooks"), with no place named,
gets that figure, not every place's; at a place whose figures are for different people, only
theirs (bot/engine/basis_work.py's ``whom_words`` and ``by_whom``, bot/engine/quota_words.py's
``places_for_whom``). Over a made-up report of our own (testkit/reports/test_pier_2026.json)
that no question set uses, in four languages; each negative says what must not change.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from bot.engine.basis_work import whom_words
from testkit.engine import engine_with, text_of

PIER_REPORT = Path(__file__).parents[2] / "testkit" / "reports" / "test_pier_2026.json"
# The fixture's figures, and the seed's Sakhalin one.
FIGURES = ("910", "730", "155", "1,130", "62,000")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("pier") / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", PIER_REPORT))


def shown(engine: AnswerEngine, question: str) -> list[str]:
    text = text_of(engine, question)
    return [figure for figure in FIGURES if figure in text]


@pytest.mark.parametrize(
    ("basis_text", "sector", "words"),
    [
        ("each road crew member", "road building", ["road", "crew", "member", "road", "building"]),
        (
            "each married couple working in the same restaurant",
            "restaurants",
            ["married", "couple", "restaurants"],
        ),
        ("each welder, at least", "shipbuilding", ["welder", "shipbuilding"]),
        ("each restaurant's team", None, ["restaurant", "team"]),
        # no "each": the basis names no people; "as a whole" is not who pays
        ("the Windhoek site as a whole", "monument construction", ["monument", "construction"]),
        (None, None, []),
    ],
)
def test_whom_words_are_the_people_after_each_and_the_sector(
    basis_text: str | None, sector: str | None, words: list[str]
) -> None:
    assert whom_words(basis_text, sector) == words


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("what do the scaffolders hand over?", ["910"]),
        ("asphalt crew, how much?", ["155"]),
        ("and the married ones, how much?", ["1,130"]),
        ("the galley cooks quota?", ["730"]),
        ("сколько платят повара?", ["730"]),
        ("а женатые сколько сдают?", ["1,130"]),
        ("厨师要交多少？", ["730"]),
        ("夫妻每月交多少钱？", ["1,130"]),
        ("요리사들은 얼마 내요?", ["730"]),
        ("기혼자들은 얼마 내요?", ["1,130"]),
    ],
)
def test_the_people_named_get_their_figure_alone(
    engine: AnswerEngine, question: str, figures: list[str]
) -> None:
    assert shown(engine, question) == figures


def test_a_place_named_keeps_all_its_figures(engine: AnswerEngine) -> None:
    assert shown(engine, "rotterdam quota?") == ["910", "730"]


def test_people_named_at_a_place_narrow_it(engine: AnswerEngine) -> None:
    assert shown(engine, "what do the cooks in rotterdam pay?") == ["730"]


def test_words_for_no_one_in_particular_narrow_nothing(engine: AnswerEngine) -> None:
    # "whole" and "lot" are no figure's people: every place's figures, the seed's too
    assert "62,000" in shown(engine, "figures for the whole lot please")
    # welders: no figure of this store is theirs; no figure is picked for them
    assert len(shown(engine, "what do the welders pay?")) > 1
