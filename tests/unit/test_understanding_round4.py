"""Round 4 of the understanding work (issue 10): relevance by content, message parts,
head counts, period and demander premises. Phrased apart from the fresh sets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.segments import split_parts
from testkit.engine import body_of as body
from testkit.engine import seeded_engine

QUOTA_FIGURES = ("62,000", "3,400", "124,000", "6,800", "$730", "$470", "$1,460", "$940")
OFF_TOPIC = (
    "I can only answer questions about the reported North Korean overseas-worker quotas: "
    "the figures, places, dates, reasons, sources and how far to trust them.\n"
    "Try: How much do workers in Sakhalin owe now?"
)
LABEL = "our arithmetic from the report's figures; the report states no such figure"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("round4") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    "question",
    [
        "who is the prime minister of china",
        "any good pizza in sakhalin?",
        "what's the weather in dalian today",
        "is sakhalin nice in summer",
        "why did kim jong un go to the olympics",
        "who painted the mona lisa",
    ],
)
def test_a_covered_place_beside_another_subject_is_off_topic(
    engine: AnswerEngine, question: str
) -> None:
    assert body(engine, question) == OFF_TOPIC


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how much do the sakhalin workers owe", "62,000"),
        ("any sanctions issue?", "The report does not say anything about sanctions"),
        ("why did pyongyang double it", "Why the quotas rose"),
    ],
)
def test_words_of_the_report_keep_a_message_on_topic(
    engine: AnswerEngine, question: str, expected: str
) -> None:
    assert expected in body(engine, question)


def test_an_uncovered_place_gets_no_other_places_figures(engine: AnswerEngine) -> None:
    assert body(engine, "what do north korean workers in shanghai pay?") == (
        "The report does not mention Shanghai. It covers quota figures for Sakhalin, Russia "
        "and Dalian, China."
    )


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("1) sakhalin figure 2) in dollars 3) source", ["sakhalin figure", "in dollars", "source"]),
        ("where do they live, dorms? sakhalin", ["where do they live, dorms ; sakhalin"]),
        ("how much now? and before?", ["how much now ; and before"]),
        ("what for", ["what for"]),
    ],
)
def test_a_message_is_split_into_its_parts(text: str, parts: list[str]) -> None:
    assert [p.strip() for p in split_parts(text)] == parts


def test_a_fragment_is_read_with_the_part_before_it(engine: AnswerEngine) -> None:
    text = body(engine, "do they sleep in barracks? dalian")
    assert text.startswith("The report does not say where or how the workers live in Dalian.")
    for figure in QUOTA_FIGURES:
        assert figure not in text


def test_terse_follow_ups_get_the_quotas(engine: AnswerEngine) -> None:
    for question in ("numbers please", "both pls"):
        text = body(engine, question)
        assert "62,000" in text and "3,400" in text, question


def test_a_head_count_multiplies_the_quota(engine: AnswerEngine) -> None:
    assert body(engine, "for 4 workers in dalian, how much a month before and now?") == (
        f"Dalian, before the doubling: 4 workers × 3,400 yuan (CNY) a month = 13,600 yuan "
        f"(CNY) a month — {LABEL}.\n"
        f"Dalian, now (implied by “doubled”): 4 workers × 6,800 yuan (CNY) a month = "
        f"27,200 yuan (CNY) a month — {LABEL}."
    )


def test_an_amount_said_to_be_weekly_is_corrected_to_monthly(engine: AnswerEngine) -> None:
    assert body(engine, "so they hand over 62,000 rubles every week, insane") == (
        "No: the report gives the Sakhalin quota as 62,000 rubles (RUB) a month per person "
        "(before the doubling), not a week. Now doubled, so about 124,000 rubles (RUB) a month "
        "(implied by “doubled”)."
    )


def test_a_host_government_is_not_the_one_that_demands(engine: AnswerEngine) -> None:
    assert body(engine, "so the chinese government demands this money?") == (
        "No: the report says North Korea demands the quota of its own workers abroad; it does "
        "not say that the government of China demands or takes this money."
    )


def test_halving_is_said_no_to(engine: AnswerEngine) -> None:
    text = body(engine, "dalian quota was cut in half?")
    assert text.startswith(
        "No: the report says the quota in Dalian, China doubled (from 3,400 yuan (CNY) a "
        "month), not halved."
    )


def test_the_age_of_the_quota_system_is_not_the_workers_time_abroad(
    engine: AnswerEngine,
) -> None:
    assert body(engine, "since when has the quota been demanded in sakhalin") == (
        "The report does not say how long the quota system has been in place in Sakhalin; "
        "it reports only that the quotas were doubled."
    )


def test_a_share_of_the_pay_is_the_earnings_fact(engine: AnswerEngine) -> None:
    text = body(engine, "how much of their wages does the regime take")
    assert text.startswith("Earnings\n")
    assert "takes most of what North Korean construction workers earn" in text
    for figure in QUOTA_FIGURES:
        assert figure not in text


def test_a_gap_per_year_is_the_monthly_gap_times_twelve(engine: AnswerEngine) -> None:
    assert body(engine, "how much more does sakhalin pay than dalian per year") == (
        "Sakhalin (62,000 rubles (RUB), nearly $730) is about $260 more a month, about $3,120 "
        "a year (× twelve months) than Dalian (3,400 yuan (CNY), nearly $470) in the report's "
        f"dollar conversions — {LABEL}."
    )


def test_a_kind_of_work_asserted_for_a_place_is_said_no_to(engine: AnswerEngine) -> None:
    assert body(engine, "the dalian workers are miners") == (
        "No: the workers the report describes in Dalian are seafood processing workers, not miners."
    )


def test_where_did_you_get_this_asks_the_sources(engine: AnswerEngine) -> None:
    assert body(engine, "where did u get this from").startswith("Who says so:")


def test_something_about_the_workers_the_report_lacks_gets_does_not_say(
    engine: AnswerEngine,
) -> None:
    assert body(engine, "do they have insurance") == (
        "The report does not say anything about insurance. It covers quota figures for "
        "Sakhalin, Russia and Dalian, China."
    )


def test_a_short_why_after_parts_is_asked_too(engine: AnswerEngine) -> None:
    text = body(engine, "what is the quota in sakhalin? and in dalian? and why?")
    assert "62,000" in text and "3,400" in text
    assert "Why the quotas rose" in text


def test_a_span_before_and_after_gives_both_sums(engine: AnswerEngine) -> None:
    assert body(engine, "how much would a dalian worker pay over 2 years before and after") == (
        "Dalian: 3,400 yuan (CNY) a month (before the doubling) over two years comes to "
        f"81,600 yuan (CNY) — {LABEL}.\n"
        "Dalian: 6,800 yuan (CNY) a month (implied by “doubled”) over two years comes to "
        f"163,200 yuan (CNY) — {LABEL}."
    )


def test_unknown_words_that_ask_nothing_are_no_other_subject(engine: AnswerEngine) -> None:
    # A transliteration ("sahalin kvota skolko") still reaches the place; only a question
    # (or "they") about unknown words is about something else.
    assert "62,000" in body(engine, "sahalin kvota skolko")
    assert "62,000" in body(engine, "сахалин квота сколько")
