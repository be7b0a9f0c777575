"""A question asking who does something to what a report files elsewhere ("who holds the
passports") gets the fact that says who, where the fact uses both the thing asked about and
the question's own word for what is done (bot/engine/bearing.py); a fact using the thing's
word alone names no one. Over the made-up report testkit/reports/test_kin_2025.json, which
no question set uses.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from testkit.engine import engine_with, text_of

KIN_REPORT = Path(__file__).parents[2] / "testkit" / "reports" / "test_kin_2025.json"
FACT = "the harbour master holds the deckhands' passports"
SILENT = "says whether the workers can quit, leave, keep their papers or move freely"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("naming") / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", KIN_REPORT))


@pytest.mark.parametrize(
    "question",
    [
        "who holds the passports in mindelo",
        "who holds the deckhands passports",
        "do the deckhands in mindelo keep their passports",  # no naming word: as before
    ],
)
def test_who_does_it_gets_the_fact_that_says_who(engine: AnswerEngine, question: str) -> None:
    text = text_of(engine, question)
    assert FACT in text
    assert SILENT not in text


def test_a_fact_that_does_not_do_what_is_asked_names_no_one(engine: AnswerEngine) -> None:
    text = text_of(engine, "who signs the passports in mindelo")
    assert FACT not in text
    assert SILENT in text


def test_which_company_still_gets_the_silence(engine: AnswerEngine) -> None:
    text = text_of(engine, "which company runs the longliners in mindelo")
    assert "says which companies employ the workers in Mindelo" in text
    assert FACT not in text
