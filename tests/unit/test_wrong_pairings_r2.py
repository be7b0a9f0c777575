"""A premise pairing a covered place with the wrong country or currency, in the shapes
the fresh sets showed slipping past the check (fresh_en_12 e12-057, fresh_en_13 e13-047,
e13-117, e13-147): a contraction ("dalian's in russia"), a landmark named beside it ("right
near sakhalin"), the right unit denied in the same breath ("dollars, not roubles"), and the
place named only by its country ("inna china"). Each case is phrased apart from the sets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from testkit.engine import body_of as body
from testkit.engine import seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("pairings") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    ("question", "right", "wrong"),
    [
        ("sakhalin's in china innit, just off the coast", "Russia", "China"),
        ("dalian's a russian port isn't it, near vladivostok", "China", "Russia"),
        ("thought dalian was in russia, next to sakhalin", "China", "Russia"),
        ("dalian is in russia close to sakhalin yeah", "China", "Russia"),
        ("sakhalin is part of china right by dalian", "Russia", "China"),
        ("dalian’s in russia no?", "China", "Russia"),
    ],
)
def test_a_wrong_country_said_beside_a_landmark_or_contracted(
    engine: AnswerEngine, question: str, right: str, wrong: str
) -> None:
    text = body(engine, question)
    assert f"in {right}, not {wrong}" in text, text


@pytest.mark.parametrize(
    ("question", "currency"),
    [
        ("pretty sure the sakhalin figure was 62,000 usd, not rubles", "rubles"),
        ("the dalian quota was 3,400 dollars not yuan, correct?", "yuan"),
        ("sakhalin: 124,000 dollars rather than roubles, yes?", "rubles"),
        ("so the workers in china pay 6,800 dollars now??", "yuan"),
        ("dem inna russia pay 62,000 dollars a month?", "rubles"),
        ("the guys in china owe 3400 usd a month, that's insane", "yuan"),
    ],
)
def test_the_reports_figure_asserted_in_dollars(
    engine: AnswerEngine, question: str, currency: str
) -> None:
    text = body(engine, question)
    assert text.startswith("No:") and currency in text.split("\n")[0], text


@pytest.mark.parametrize(
    "question",
    [
        # Negatives: what must stay as it was.
        "is dalian in china or russia?",
        "dalian vs sakhalin quota",
        "what's 62,000 roubles in dollars",
        "how much do workers in china pay in usd",
        "is sakhalin near dalian",
    ],
)
def test_questions_and_comparisons_are_no_wrong_pairing(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert not text.startswith("No:"), text


def test_a_tag_alone_leaves_the_typed_figure_to_its_own_check(engine: AnswerEngine) -> None:
    text = body(engine, "the dalian quota is 3,400 dollars, right?")
    assert text.count("No:") == 1 and "not 3,400 USD" in text, text
