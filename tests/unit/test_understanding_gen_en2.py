"""Failure classes of the eighth and ninth English sets, fixed by class and tested with
variants phrased apart from the sets: the gist of one place, the outlet and the sources in
other words, per year in finance words, a later part that converts an earlier sum or states
an assumption, and an age or school year that asks no year."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from testkit.engine import body_of as body
from testkit.engine import seeded_engine

SCOPE = "I can only answer questions about"
NO_YEAR = "in which year"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("gen_en2") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    ("question", "figure"),
    [("tldr dalian", "3,400"), ("gist of the sakhalin story pls", "62,000")],
)
def test_the_gist_of_one_place_is_its_block(
    engine: AnswerEngine, question: str, figure: str
) -> None:
    text = body(engine, question)
    assert figure in text, text
    assert SCOPE not in text, text


@pytest.mark.parametrize(
    "question",
    ["what news site put this out", "which website ran the story?", "what agency is it from"],
)
def test_the_outlet_in_other_words(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "Daily NK" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "who is responsible for this claim",
        "how does anyone know this",
        "is the data source primary or secondary",
        "has there been any official statement from pyongyang",
    ],
)
def test_the_sources_in_other_words(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "Daily NK" in text, text
    assert SCOPE not in text, text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("annualized sakhalin now", "1,488,000"),
        ("dalian annualised per worker before the doubling", "40,800"),
    ],
)
def test_annualised_is_per_year(engine: AnswerEngine, question: str, figure: str) -> None:
    assert figure in body(engine, question)


def test_words_of_formal_prose_are_no_other_subject(engine: AnswerEngine) -> None:
    text = body(engine, "Regardless, what amount applies in Dalian now?")
    assert "6,800" in text, text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("sakhalin per year now, and what is that in dollars?", "$17,520"),
        ("dalian a week before the doubling. and in usd that is?", "$108"),
    ],
)
def test_a_later_part_converts_the_earlier_sum(
    engine: AnswerEngine, question: str, figure: str
) -> None:
    assert figure in body(engine, question)


def test_a_later_assumption_is_the_earlier_parts(engine: AnswerEngine) -> None:
    text = body(engine, "how much a day does dalian owe now? say 30 days in a month")
    assert "227" in text or "226.67" in text, text
    assert "÷ thirty, a month taken as thirty days" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "what's the sakhalin quota? asking for my year 9 class",
        "how would you explain the dalian quota to 10-year-olds",
        "explain the doubling for 15 year olds",
    ],
)
def test_an_age_or_school_year_asks_no_year(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert NO_YEAR not in text, text
    assert SCOPE not in text, text


def test_a_year_still_asks_the_year(engine: AnswerEngine) -> None:
    assert NO_YEAR in body(engine, "what year did the quota double")


@pytest.mark.parametrize(
    "question",
    [
        "the workers here are all volunteers anyway, right?",
        "the workers are willing to pay, aren't they",
    ],
)
def test_willing_workers_is_a_premise_the_complaints_answer(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert "does not say the workers are" in text, text
    assert "complain" in text, text


def test_a_monthly_run_rate_stays_monthly(engine: AnswerEngine) -> None:
    text = body(engine, "sakhalin monthly run-rate now, rubles")
    assert "124,000" in text, text
    assert "1,488,000" not in text, text
