"""The failure classes of the tenth English set, fixed by class: an opinion asked ("what
do they make of it"), an amount asked of a past time ("five years ago"), the order asked
for its date, the places a piece covers, who tells a story in other words, the photo's
credit. Each case is phrased apart from the sets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from testkit.engine import body_of as body
from testkit.engine import seeded_engine

QUOTA_FIGURES = ("62,000", "124,000", "3,400", "6,800")
SCOPE = "I can only answer questions about"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("en10") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    "question",
    [
        "what do ordinary russians make of this",
        "what do the chinese locals make of all this",
        "so what do regular chinese folks think of it",
    ],
)
def test_an_opinion_asked_is_no_wage_question(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "sorry" in text, text
    assert "how much the workers are paid" not in text, text
    assert not [figure for figure in QUOTA_FIGURES if figure in text], text


def test_what_the_workers_think_of_it_is_on_topic(engine: AnswerEngine) -> None:
    text = body(engine, "and what do the workers themselves think of it")
    assert SCOPE not in text, text
    assert "worry" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "how much was the dalian quota like three years ago",
        "what did sakhalin workers pay a few years back, before the 62,000",
        "was the quota lower a decade ago?",
    ],
)
def test_an_amount_of_a_past_time_is_not_a_span_to_total(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert "does not say" in text, text
    assert "comes to" not in text, text
    assert not [figure for figure in ("124,000", "6,800", "1,488,000") if figure in text], text


def test_a_span_still_totals(engine: AnswerEngine) -> None:
    assert "comes to" in body(engine, "dalian quota over two years in total")


def test_they_arrived_years_ago_is_no_quota_history(engine: AnswerEngine) -> None:
    text = body(engine, "they came two years ago, how long do they stay")
    assert "how long the quota system" not in text, text


@pytest.mark.parametrize(
    "question",
    ["when was that order handed down", "when did this order take effect", "the order: when?"],
)
def test_the_order_asked_for_its_date(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "March 10" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "which countries does the piece cover, roughly",
        "what cities are covered in the story, basically",
    ],
)
def test_the_places_a_piece_covers(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "Russia" in text and "China" in text, text
    assert SCOPE not in text, text


@pytest.mark.parametrize(
    "question",
    ["who is peddling this story", "whos pushing that narrative anyway", "who spun this yarn"],
)
def test_who_tells_the_story_asks_the_sources(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "Daily NK" in text, text
    assert SCOPE not in text, text


@pytest.mark.parametrize(
    "question",
    ["who took the picture at the top", "photo credit?", "what's the image of, and who shot it"],
)
def test_the_photo_credit_shows_the_full_statement(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "Smirnov" in text, text


def test_the_photo_alone_keeps_the_quote(engine: AnswerEngine) -> None:
    text = body(engine, "what's in the photo")
    assert "“This pool image" in text and "Smirnov" not in text, text
