"""Workers named by their job's noun (frames.py, part_readings.people_named): "the crab
pickers", "the oyster shuckers", "the welders" are the workers, and what they work on
("crab") is not asked (the report does not say which seafood): the quota answers. Asking
which seafood outright still gets "the report does not say"."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.frames import read_frames
from bot.engine.vocabulary import Attribute, load
from testkit.engine import body_of, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("job_nouns") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


ASKED = [
    "what's the quota for the crab pickers",
    "how much do the oyster shuckers pay",
    "quota for the crab peelers?",
    "what do the shrimp sorters owe now",
    "quota for the welders",
    "how much do the bricklayers pay",
]


@pytest.mark.parametrize("question", ASKED)
def test_a_job_noun_names_the_workers(engine: AnswerEngine, question: str) -> None:
    assert Attribute.PRODUCT not in engine.understand(question).attributes
    text = body_of(engine, question)
    assert "3,400" in text
    assert "does not mention" not in text
    assert "process, make or build" not in text


def test_which_seafood_asked_outright_is_still_not_given(engine: AnswerEngine) -> None:
    for question in ("what kind of crab do they process", "is it crab or shrimp they process"):
        assert Attribute.PRODUCT in engine.understand(question).attributes, question


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("what is the quota for the crab pickers", ["crab pickers"]),
        ("how much do the oyster shuckers pay", ["oyster shuckers"]),
        ("quota for the welders", ["welders"]),
        ("how much do the new guys pay", ["guys"]),  # the last word, as before
    ],
)
def test_frames_read_a_job_noun_with_what_it_works_on(text: str, named: list[str]) -> None:
    assert read_frames(text, load(), ()).people_words == named
