"""A comparative or superlative of an English adjective in -y ("at the earliest", "the
easiest") is an ordinary word, not a place name no table knows (gazetteer.english_degree,
read by places.a_place); a real unknown place is still one."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.gazetteer import english_degree
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("earliest", True),
        ("easier", True),
        ("happiest", True),
        ("latest", True),  # in the word list itself
        ("kamchatka", False),
        ("magadan", False),
        ("ier", False),  # too short to be a degree of anything
    ],
)
def test_english_degree(word: str, expected: bool) -> None:
    assert english_degree(word) is expected


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("degrees") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    "question",
    [
        "Kindly revert with the quota details at the earliest",
        "Please send the quota details at the Earliest",
        "quota figures at the earliest please",
    ],
)
def test_at_the_earliest_names_no_place(engine: AnswerEngine, question: str) -> None:
    text = "\n".join(lines_in(engine, question, Language.EN))
    assert "does not mention" not in text
    assert "62,000" in text and "3,400" in text


def test_an_unknown_place_is_still_one(engine: AnswerEngine) -> None:
    text = "\n".join(lines_in(engine, "what is the quota in Kamchatka", Language.EN))
    assert "Kamchatka" in text and "62,000" not in text
