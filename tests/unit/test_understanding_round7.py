"""Round 7 of the understanding work (issue 10), English: one place asked is one place
answered, short odd wordings that ask about the report, premises the report contradicts.
Each case is phrased apart from the fresh sets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from testkit.engine import body_of as body
from testkit.engine import seeded_engine

SAKHALIN = ("62,000", "124,000", "730", "1,460")
DALIAN = ("3,400", "6,800", "470", "940")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("round7") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    ("question", "shown", "hidden", "currency"),
    [
        ("how much do the dalian workers owe in roubles", DALIAN, SAKHALIN, "rubles (RUB)"),
        ("sakhalin quota in yuan please", SAKHALIN, DALIAN, "yuan (CNY)"),
        ("the china figure in rubles?", DALIAN, SAKHALIN, "rubles (RUB)"),
    ],
)
def test_a_currency_the_place_is_not_stated_in_is_no_second_place(
    engine: AnswerEngine,
    question: str,
    shown: tuple[str, ...],
    hidden: tuple[str, ...],
    currency: str,
) -> None:
    text = body(engine, question)
    first = text.splitlines()[0]
    assert first.startswith("The report gives no figure for "), text
    assert currency in first and "will not convert it" in first
    assert shown[0] in text
    assert not [figure for figure in hidden if figure in text], text


@pytest.mark.parametrize(
    ("question", "shown", "hidden"),
    [
        ("sakhalin: rubles or yuan?", SAKHALIN, DALIAN),
        ("is the dalian quota in yuan or in rubles", DALIAN, SAKHALIN),
    ],
)
def test_one_place_asked_with_either_currency_gets_only_that_place(
    engine: AnswerEngine, question: str, shown: tuple[str, ...], hidden: tuple[str, ...]
) -> None:
    text = body(engine, question)
    assert shown[0] in text
    assert "gives no figure" not in text
    assert not [figure for figure in hidden if figure in text], text
