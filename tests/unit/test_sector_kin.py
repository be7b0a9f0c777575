"""A question's word for a kind of work reaches a stored sector named otherwise
(bot/engine/sector_words.py, data in bot/engine/vocabulary/sector_kin.json): a word meets a
claim's word in any number ("nurses" / "each nurse"), and its kin ("fishermen" / "fishery",
"sailors" / "deckhand", "sewing" / "seamstress"), in all four languages. Over a made-up report
of our own (testkit/reports/test_kin_2025.json) that no question set uses; each negative says
what must not change.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from bot.engine.basis_work import asked_work
from bot.engine.sector_words import kin, root
from testkit.engine import engine_with, text_of

KIN_REPORT = Path(__file__).parents[2] / "testkit" / "reports" / "test_kin_2025.json"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("kin") / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", KIN_REPORT))


def body(engine: AnswerEngine, question: str) -> str:
    return "\n".join(
        line for line in text_of(engine, question).splitlines() if not line.startswith("⚠️")
    )


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("nurses", "nurse"),
        ("seamstresses", "seamstress"),
        ("fishermen", "fisheries"),
        ("fisherman", "fishermen"),
        ("midwives", "midwife"),
        ("deckhands", "deckhand"),
    ],
)
def test_a_word_and_its_other_number_share_a_root(one: str, other: str) -> None:
    assert root(one) == root(other)


@pytest.mark.parametrize(("one", "other"), [("seamen", "sea"), ("doctors", "doctrine")])
def test_roots_stay_apart_where_the_words_do(one: str, other: str) -> None:
    assert root(one) != root(other)


def test_kin_joins_one_kind_of_work_and_not_another() -> None:
    assert root("trawler") in kin(root("fishermen"))
    assert root("deckhand") in kin(root("sailors"))
    assert root("seamstress") in kin(root("sewing"))
    assert root("nurse") not in kin(root("doctors"))
    assert root("clinics") not in kin(root("doctors"))
    assert kin(root("waiters")) == frozenset({root("waiters")})  # no group: only itself


def test_the_work_a_question_names_with_its_kin() -> None:
    assert root("doctor") in asked_work("physicians in luanda?")
    assert root("nurse") in asked_work("the nurses there")
    assert asked_work("what is the quota in kumasi") == frozenset()


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("what do the fishermen in mindelo pay", "640 euros"),
        ("how much do the sailors owe", "640 euros"),
        ("what do the nurses in kumasi pay", "270 US dollars"),
        ("the sewing ladies in tema, how much", "330 US dollars"),
        # composed in English here (the test's helper): the lines are the same claims'
        ("рыбаки в Миндело сколько платят", "640 euros"),
        ("швеи в Теме сколько платят", "330 US dollars"),
        ("明德卢渔民每月交多少", "640 euros"),
        ("민델루 선원 얼마 내요", "640 euros"),
    ],
)
def test_a_word_for_the_work_reaches_the_sector_named_otherwise(
    engine: AnswerEngine, question: str, figure: str
) -> None:
    text = body(engine, question)
    assert figure in text
    assert "anything about" not in text


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("what do the waiters in kumasi pay", "waiters"),
        ("what do the miners pay", "miners"),
        ("what do the doctors in kumasi pay", "doctors"),  # the nurses' figure is not theirs
    ],
)
def test_work_the_report_does_not_name_is_still_said_to_be_missing(
    engine: AnswerEngine, question: str, word: str
) -> None:
    text = body(engine, question)
    assert f"says anything about {word}" in text
    assert not any(figure in text for figure in ("270", "220", "640", "330"))


@pytest.mark.parametrize(
    ("question", "shown", "left_out"),
    [
        ("what do the nurses in kumasi pay", "270 US dollars", "220"),
        ("midwives kumasi?", "220 US dollars", "270"),
        ("how much does a midwife at the kumasi clinics owe", "220 US dollars", "270"),
    ],
)
def test_a_place_and_work_split_by_whom_gives_the_named_peoples_figure(
    engine: AnswerEngine, question: str, shown: str, left_out: str
) -> None:
    text = body(engine, question)
    assert shown in text
    assert left_out not in text


@pytest.mark.parametrize(
    "question",
    ["kumasi quota", "what do the nurses and midwives in kumasi pay", "clinics in kumasi?"],
)
def test_naming_no_one_or_everyone_keeps_every_figure(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "270 US dollars" in text
    assert "220 US dollars" in text


def test_basis_words_of_other_people_leave_a_figure_alone_elsewhere(engine: AnswerEngine) -> None:
    # Mindelo has one figure: a question naming other people than its basis still gets it.
    assert "640 euros" in body(engine, "what do the fishermen in mindelo pay")
