"""A side of a message that names only a place and points back to an ask said beside it
("the figure for sakhalin and also the one for dalian", "and dalian? the sector there too",
"а в Даляне?", "那大连呢"): it asks what the side before it asked, or the place's figures
when it comes first, and is cut off from a side asking something else (joiners.json 'echo')."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.vocabulary import Attribute, Intent
from testkit.engine import body_of, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("echo_parts") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    "question",
    [
        "the sakhalin figure please, and the one for dalian, and is any of it verified?",
        "and dalian? is it verified too",
        "сколько платят на сахалине, а в даляне? это проверено?",
        "萨哈林多少钱，那大连呢，核实过吗",
    ],
)
def test_a_place_pointing_back_keeps_its_figures_beside_another_ask(
    engine: AnswerEngine, question: str
) -> None:
    u = engine.understand(question)
    assert any(s.places == ["Dalian"] and not s.topics for s in u.segments)
    assert Intent.VERIFIED in u.intents
    text = body_of(engine, question)
    assert "3,400" in text


def test_the_same_for_a_place_asks_the_ask_before_it(engine: AnswerEngine) -> None:
    u = engine.understand("how many workers in sakhalin, and the same for dalian")
    assert [(s.places, s.attributes) for s in u.segments] == [
        (["Sakhalin"], [Attribute.WORKFORCE]),
        (["Dalian"], [Attribute.WORKFORCE]),
    ]


def test_russian_a_takes_the_ask_before_it(engine: AnswerEngine) -> None:
    u = engine.understand("сколько рабочих на сахалине, а в даляне?")
    assert [(s.places, s.attributes) for s in u.segments] == [
        (["Sakhalin"], [Attribute.WORKFORCE]),
        (["Dalian"], [Attribute.WORKFORCE]),
    ]


def test_a_leading_and_before_a_place_asks_its_figures(engine: AnswerEngine) -> None:
    u = engine.understand("and dalian? the sector there too")
    assert [(s.places, s.intents) for s in u.segments] == [
        (["Dalian"], []),
        (["Dalian"], [Intent.SECTORS]),
    ]
    text = body_of(engine, "and dalian? the sector there too")
    assert "3,400" in text and "seafood processing" in text


@pytest.mark.parametrize(
    "question",
    [
        "how much in sakhalin and dalian",  # one ask of two places: one part
        "sakhalin and dalian quota",
        "what's the difference between sakhalin and dalian",
    ],
)
def test_two_places_of_one_ask_stay_one_part(engine: AnswerEngine, question: str) -> None:
    assert len(engine.understand(question).segments) == 1


def test_either_without_or_offers_no_choice(engine: AnswerEngine) -> None:
    u = engine.understand("the sakhalin figure, and whether either has been verified")
    assert [s.intents for s in u.segments] == [[Intent.QUOTA], [Intent.VERIFIED]]


def test_either_with_or_still_offers_one(engine: AnswerEngine) -> None:
    u = engine.understand("how do they pay it, either cash or transfer")
    assert len(u.segments) == 1
