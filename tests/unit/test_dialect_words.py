"""Scots, Jamaican and Nigerian-pidgin spellings of everyday words ("hoo mony", "the noo",
"wetin", "inna", "telt") read as the English words they are (vocabulary/dialect_en.json),
so the question they ask is answered, not read as another subject. Failures of this kind
in fresh_en_12 (e12-011, e12-151, e12-154) and fresh_en_13 (e13-002, e13-081, e13-086,
e13-088, e13-089, e13-061, e13-069); each case here is phrased apart from the sets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.text import spelled_out
from bot.engine.vocabulary import load
from testkit.engine import body_of as body
from testkit.engine import seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("dialect") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    ("question", "shown", "hidden"),
    [
        ("whit dae the sakhalin lads hae tae pay the noo", ("124,000",), ("3,400",)),
        ("hoo much dae the lassies in dalian hand ower", ("3,400",), ("62,000",)),
        ("wetin be di quota for sakhalin", ("62,000",), ("3,400",)),
        ("a how much di worker dem inna china affi pay", ("3,400",), ("62,000",)),
        ("wetin dem dey pay inna dalian now", ("6,800",), ("62,000",)),
    ],
)
def test_a_dialect_question_gets_its_figures(
    engine: AnswerEngine, question: str, shown: tuple[str, ...], hidden: tuple[str, ...]
) -> None:
    text = body(engine, question)
    assert all(f in text for f in shown) and not any(f in text for f in hidden), text


@pytest.mark.parametrize(
    "question",
    [
        "wha telt hngn aboot the dalian quota",
        "whaur did the china story come fae",
        "the china bit, wha telt them",
        "wetin be di source for di dalian tori",
        "wha telt them aboot the dalian quota",
        "a who tell dem bout di china ting",
    ],
)
def test_a_dialect_source_question_gets_the_source(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "source in China" in text and "not about" not in text, text


def test_how_many_in_scots_asks_a_head_count(engine: AnswerEngine) -> None:
    text = body(engine, "hoo mony o the workers are in dalian")
    assert "how many" in text and "3,400" not in text, text


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("hoo mony the noo", "how many the now"),
        ("wetin dem pay inna china", "what they pay in china"),
        # Negatives: English words and Russian typed in Latin letters stay as typed.
        ("skolko platyat na sakhaline", "skolko platyat na sakhaline"),
        ("how many are there now", "how many are there now"),
        ("the fur trade in sakhalin", "the fur trade in sakhalin"),
    ],
)
def test_dialect_words_are_respelled_whole(typed: str, read: str) -> None:
    assert spelled_out(typed, load("en").text_speak) == read
