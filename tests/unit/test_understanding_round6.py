"""Round 6 of the understanding work (issue 10), English: people and named things are no
places. Phrased apart from the fresh sets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.retrieval import quoted
from bot.engine.segments import split_parts
from testkit.engine import body_of as body
from testkit.engine import seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("round6") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("quota for the lads", "3,400"),
        ("how much for the lads doing construction", "62,000"),
    ],
)
def test_a_word_for_people_is_no_unknown_place(
    engine: AnswerEngine, question: str, figure: str
) -> None:
    text = body(engine, question)
    assert "does not mention" not in text
    assert figure in text


def test_a_thing_asked_by_name_is_no_unknown_place(engine: AnswerEngine) -> None:
    text = body(engine, "first name of the guy on sakhalin?")
    assert "does not mention" not in text
    first = text.splitlines()[0]
    assert first == "The report does not say who the sources are: it does not name them."


def test_the_north_korean_capital_is_on_topic_beside_an_ask(engine: AnswerEngine) -> None:
    text = body(engine, "by what route does the cash get to pyongyang")
    assert text.splitlines()[0] == (
        "The report does not say how the quota is paid or collected (cash, transfer or otherwise)."
    )


def test_the_north_korean_capital_alone_does_not_make_weather_on_topic(
    engine: AnswerEngine,
) -> None:
    text = body(engine, "what's the weather like in pyongyang")
    assert text.startswith("I can only answer questions about")


def test_on_the_record_asks_who_the_sources_are(engine: AnswerEngine) -> None:
    text = body(engine, "did anybody speak on record for this")
    assert text.splitlines()[0] == (
        "The report does not say who the sources are: it does not name them."
    )


@pytest.mark.parametrize(
    "question", ["do the dalian workers do longer hours now", "is there extra hours for them"]
)
def test_longer_hours_get_the_hours_statements(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "forced to work even longer hours to meet" in text
    assert "62,000" not in text


@pytest.mark.parametrize(
    "text",
    [
        "dalian figure + who says so",
        "dalian figure plus who says so",
        "dalian figure & who says so",
    ],
)
def test_plus_before_a_question_joins_two_questions(text: str) -> None:
    assert split_parts(text) == ["dalian figure", "who says so"]


def test_plus_between_figures_joins_nothing() -> None:
    assert split_parts("how much is 62000 plus 3400") == ["how much is 62000 plus 3400"]


def test_a_short_first_question_before_plus_gets_its_own_answer(engine: AnswerEngine) -> None:
    text = body(engine, "dalian quota + do they get days off")
    assert "3,400 yuan" in text
    assert "The report does not say" in text


def test_both_places_asks_each_quota_not_their_sum(engine: AnswerEngine) -> None:
    text = body(engine, "the figure in both places please")
    assert "62,000" in text
    assert "3,400" in text
    assert "1,200" not in text


def test_both_places_together_is_still_a_sum(engine: AnswerEngine) -> None:
    assert "$1,200" in body(engine, "both places together, in usd")
    # "total quota" puts the quotas together too (fresh_en_3's e3-088 failed without it).
    assert "$1,200" in body(engine, "total old quota of both places in dollars")


def test_more_a_month_after_the_doubling_is_the_difference(engine: AnswerEngine) -> None:
    text = body(engine, "sakhalin in dollars, what is paid more per month after the doubling")
    assert text.startswith("Sakhalin: before, $730 a month; now doubled, so about $1,460")
    assert "$730 more a month, our arithmetic" in text


@pytest.mark.parametrize(
    "question", ["can the sakhalin men keep anything", "what is left over for them once they pay"]
)
def test_keeping_some_pay_asks_the_share_and_gets_no_quota_block(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert text.startswith("The report does not say what share of their pay goes to the quota")
    assert "takes most of what North Korean construction workers earn" in text
    assert "62,000" not in text


def test_sounds_is_no_typo_of_pounds(engine: AnswerEngine) -> None:
    text = body(engine, "the sakhalin story sounds like nonsense")
    assert "currency" not in text
    assert text.startswith("No — none of this is independently verified.")


def test_who_said_words_of_a_quota_claims_quote_gets_that_quote(engine: AnswerEngine) -> None:
    text = body(engine, "heavier burden, who said that?")
    assert text.startswith("“Workers now face an even heavier burden")
    assert "Source: a source in China" in text


def test_one_word_of_a_quote_is_not_enough(engine: AnswerEngine) -> None:
    claims = engine.snapshot.active_claims
    assert quoted(claims, "who said burden") is None
    found = quoted(claims, "who said heavier burden")
    assert found is not None
    assert found.quote is not None
    assert "heavier burden" in found.quote
