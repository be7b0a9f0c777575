"""Gaps the last English helpers noticed and left, fixed by class and tested with variants
of my own: a place and a period alone ask its per-period figures, and numbers that are
idioms ("the 411", "24/7", "quota 101") assert no figure to correct."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from testkit.engine import body_of as body
from testkit.engine import seeded_engine

SCOPE = "I can only answer questions about"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("gen_en3") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("dalian per annum", ("40,800", "81,600", "a year")),
        ("sakhalin annualized?", ("744,000", "1,488,000", "a year")),
        ("russia yearly", ("744,000", "a year")),
        ("dalian per week pls", ("785", "a week")),
        ("sakhalin daily", ("a day",)),
    ],
)
def test_a_place_and_a_period_give_its_per_period_figures(
    engine: AnswerEngine, question: str, figures: tuple[str, ...]
) -> None:
    text = body(engine, question)
    for figure in figures:
        assert figure in text, text
    assert "our arithmetic" in text, text
    assert "Before:" not in text, text  # not the plain quota block


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("what's the 411 on the dalian quota", "3,400"),
        ("give me the 411 on sakhalin", "62,000"),
        ("sakhalin quota 101 for a newbie", "62,000"),
        ("sorry, a million questions today: dalian quota?", "3,400"),
        ("are you 100 percent sure about the dalian number", "3,400"),
        ("thanks a million! what is sakhalin paying", "62,000"),
        ("my 2 cents: the dalian quota is brutal, what is it", "3,400"),
    ],
)
def test_numbers_that_are_idioms_assert_no_figure(
    engine: AnswerEngine, question: str, figure: str
) -> None:
    text = body(engine, question)
    assert not text.startswith("No:"), text
    for idiom in ("411", "101", "1,000,000", "100", " 2,"):
        assert f"not {idiom.strip()}" not in text, text
    assert "55.3%" not in text, text  # "100 percent sure" is no percentage asked
    assert figure in text, text
    assert SCOPE not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "is it 411 yuan in dalian",
        "is the sakhalin quota 101 rubles",
        "i heard dalian is 2,400 yuan",
    ],
)
def test_a_figure_that_states_an_amount_is_still_corrected(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert text.startswith("No:"), text


@pytest.mark.parametrize(
    "question", ["do they work 24/7 in sakhalin", "are the dalian girls on 24/7"]
)
def test_around_the_clock_asks_the_hours(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "not 24" not in text and "not 7" not in text, text
    assert "hours" in text, text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("is the sakhalin quota over 60,000 rubles", "62,000"),
        ("dalian: more than 3,000 yuan a month?", "3,400"),
        ("i read sakhalin is well over 100k now", "124,000"),
        ("dalian quota under 10,000 yuan right", "3,400"),
        ("is it at least $700 in sakhalin", "62,000"),
    ],
)
def test_a_bound_the_report_meets_is_not_refuted(
    engine: AnswerEngine, question: str, figure: str
) -> None:
    text = body(engine, question)
    assert not text.startswith("No:"), text
    assert figure in text, text


@pytest.mark.parametrize(
    "question",
    [
        "sakhalin is over 200k rubles right",
        "dalian under 1,000 yuan?",
        "is dalian above 20,000 yuan",
    ],
)
def test_a_bound_the_report_misses_is_refuted(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert text.startswith("No:"), text


@pytest.mark.parametrize(
    "question",
    [
        "it got halved, not doubled",
        "they cut it in half last year",
        "so dalian's quota was slashed in half?",
        "sakhalin quota halved instead of doubled",
        "i heard they reduced it by half",
    ],
)
def test_halved_is_corrected_to_doubled(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert text.startswith("No: the report says the quota in"), text
    assert "doubled" in text and "not halved" in text, text


def test_a_denied_halving_is_no_premise(engine: AnswerEngine) -> None:
    text = body(engine, "so it was doubled, not halved")
    assert "not halved" not in text, text
    assert "62,000" in text, text


@pytest.mark.parametrize(
    ("question", "before", "after"),
    [
        ("delta for dalian?", "3,400", "6,800"),
        ("what's the difference on sakhalin", "62,000", "124,000"),
        ("diff in russia pls", "62,000", "124,000"),
        ("the change for the dalian quota, how big", "3,400", "6,800"),
    ],
)
def test_a_difference_with_one_place_is_its_before_and_after(
    engine: AnswerEngine, question: str, before: str, after: str
) -> None:
    text = body(engine, question)
    assert before in text and after in text, text
    assert "more a month than" not in text, text  # not one place against the other


@pytest.mark.parametrize(
    "question",
    ["difference between sakhalin and dalian", "difference sakhalin vs the other place"],
)
def test_a_difference_of_two_places_is_still_the_pair(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "more a month than" in text, text


IMPLIED = "implied by “doubled”; the report does not state the new amount"


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("how'd you get 124,000 rubles?", "124,000"),
        ("6,800 yuan, where did that come from", "6,800"),
        ("who says it's $940 now", "$940"),
        ("did you make up the 124k figure", "124,000"),
        ("is 6800 in the report or your own math", "6,800"),
    ],
)
def test_an_implied_figure_asked_where_from_is_said_implied(
    engine: AnswerEngine, question: str, figure: str
) -> None:
    text = body(engine, question)
    assert IMPLIED in text and figure in text, text
    assert "Who says so" not in text, text  # not the sources list


def test_a_stated_figure_asked_where_from_keeps_the_sources(engine: AnswerEngine) -> None:
    text = body(engine, "where does the 62,000 come from")
    assert IMPLIED not in text, text


@pytest.mark.parametrize(
    ("question", "total"),
    [
        ("dalian per team of 5", "34,000"),
        ("sakhalin, for a crew of 10?", "1,240,000"),
        ("brigade of 3 in dalian, per month", "20,400"),
    ],
)
def test_a_group_with_a_head_count_is_its_sum(
    engine: AnswerEngine, question: str, total: str
) -> None:
    text = body(engine, question)
    assert total in text and "our arithmetic" in text, text


@pytest.mark.parametrize("question", ["per team?", "is it per crew or per head", "each team pays?"])
def test_per_team_is_the_basis_not_off_topic(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert SCOPE not in text, text
    assert "per person" in text, text


def test_a_sports_team_is_still_off_topic(engine: AnswerEngine) -> None:
    assert SCOPE in body(engine, "which team won the cup last night")


@pytest.mark.parametrize(
    "question",
    [
        "what do the chinese bosses say about it",
        "are the russian managers strict with them",
        "what do chinese supervisors demand",
    ],
)
def test_a_country_s_bosses_are_not_its_government(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "the government of" not in text, text
    assert "supervisors" in text, text


def test_a_country_s_government_is_still_its_government(engine: AnswerEngine) -> None:
    assert "the government of China" in body(engine, "what does the chinese government say")
