"""English wordings of round 15 (issue 10), none of them in a question set: another
subject's occasion or kind of quota (bot/engine/other_kinds.py), what happens to a subject
and how it is asked naming no subject (relevance.foreign_words: "are affected",
"precisely"), figures offered as a choice (bot/engine/figure_choice.py), confirmation by an
official body (attribute_forms.json), a country's sources asked of "the X part"
(honest.attribute_quote) and countries by short forms (vocabulary/country_short.json)."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.gazetteer import manner_adverb
from bot.engine.other_kinds import occasion
from bot.engine.relevance import predicate_participles
from bot.engine.vocabulary import Intent
from testkit.engine import body_of, seeded_engine

SAKHALIN, DALIAN = "62,000 rubles", "3,400 yuan"
OFF_TOPIC = "I can only answer questions about the reported North Korean"
NO_YEAR = "in which year"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("en-round15") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    "question",
    [
        "when is the lunar new year 2027",
        "when does daylight saving end this year",
        "when's mid autumn festival this year",
        "when does the chinese new year holiday start",
        "when is chinese new year next year",
    ],
)
def test_an_occasion_of_another_subject_is_off_topic(engine: AnswerEngine, question: str) -> None:
    body = body_of(engine, question)
    assert OFF_TOPIC in body
    assert NO_YEAR not in body and "March 10" not in body and DALIAN not in body


@pytest.mark.parametrize(
    "question",
    [
        "what's the h-1b visa quota this year",
        "how is the eu import quota on russian timber calculated",
        "what was the us-china trade deal quota on soybeans",
        "what is the emissions quota for china",
        "what's the refugee quota in germany this year",
    ],
)
def test_another_kind_of_quota_gets_no_figures(engine: AnswerEngine, question: str) -> None:
    body = body_of(engine, question)
    assert SAKHALIN not in body and DALIAN not in body
    assert NO_YEAR not in body and "March 10" not in body
    assert OFF_TOPIC in body or "It covers quota figures" in body


@pytest.mark.parametrize(
    "question",
    [
        "whats the loyalty quota",
        "what's the currency quota for workers in dalian",
        "what's the quota now",
    ],
)
def test_the_reports_own_quota_keeps_its_figures(engine: AnswerEngine, question: str) -> None:
    assert DALIAN in body_of(engine, question)


def test_occasion_phrases() -> None:
    assert occasion("when is chinese new year next year") == "chinese new year"
    assert occasion("how much is the quota for the new workers") is None


def test_predicates_and_adverbs_name_no_subject() -> None:
    tokens = "which trades were hit and which got involved".split()
    assert predicate_participles(tokens) == {"hit", "involved"}
    assert predicate_participles("the affected sectors".split()) == set()
    assert manner_adverb("precisely") and manner_adverb("happily") and manner_adverb("basically")
    assert not manner_adverb("italy") and not manner_adverb("family") and not manner_adverb("fly")


@pytest.mark.parametrize(
    "question",
    [
        "which sectors are affected",
        "which economic sectors are involved",
        "what fields do they work in",
        "could you tell me exactly which trades are impacted in each place",
        "which branches of industry are concerned in each of the two places",
    ],
)
def test_sectors_asked_with_generic_words(engine: AnswerEngine, question: str) -> None:
    body = body_of(engine, question)
    assert "construction" in body and "seafood processing" in body
    assert OFF_TOPIC not in body


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("pick one: 62k or 124k", SAKHALIN),
        ("straight answer pls, 62 or 124 thousand", SAKHALIN),
        ("6800 or 3400 yuan? no bs", DALIAN),
        ("3.4k or 6.8k yuan, just the number", DALIAN),
    ],
)
def test_figures_offered_as_a_choice_get_the_quota(
    engine: AnswerEngine, question: str, figure: str
) -> None:
    reply = engine.answer(question)
    body = body_of(engine, question)
    assert figure in body and "implied by “doubled”" in body
    assert Intent.QUOTA in reply.intents


def test_figures_of_no_quota_offered_as_a_choice_stay_off_topic(engine: AnswerEngine) -> None:
    assert OFF_TOPIC in body_of(engine, "5 or 7?")


@pytest.mark.parametrize(
    "question",
    [
        "daily nk had it confirmed by pyongyang, right?",
        "hngn got confirmation from the nk authorities?",
        "has pyongyang acknowledged the quota increase?",
        "did the kremlin confirm any of this",
    ],
)
def test_confirmation_by_an_official_body_is_not_in_the_report(
    engine: AnswerEngine, question: str
) -> None:
    assert "does not say that any government or other body has confirmed it" in body_of(
        engine, question
    )


@pytest.mark.parametrize(
    "question", ["who told daily nk about the china bit", "who told them about the china part"]
)
def test_a_countrys_part_gets_its_sources(engine: AnswerEngine, question: str) -> None:
    body = body_of(engine, question)
    assert "a source in China" in body and "does not say to whom" in body


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("are there nk workers in the UAE", "United Arab Emirates"),
        ("and in the emirates?", "United Arab Emirates"),
        ("is the quota the same in KSA", "Saudi Arabia"),
        ("how about the EU", "the EU"),
    ],
)
def test_countries_by_short_forms(engine: AnswerEngine, question: str, name: str) -> None:
    body = body_of(engine, question)
    assert f"does not mention {name}" in body and SAKHALIN not in body


@pytest.mark.parametrize(
    "question",
    [
        "which state agency in pyongyang pockets these funds",
        "does it say what office the funds are wired to",
    ],
)
def test_funds_of_the_quota_ask_nothing_about_an_outlet(
    engine: AnswerEngine, question: str
) -> None:
    body = body_of(engine, question)
    assert "who HNGN is" not in body and "about the outlets" not in body


def test_an_outlets_funding_is_still_its_profile(engine: AnswerEngine) -> None:
    assert "who Daily NK is" in body_of(engine, "who funds daily nk")
