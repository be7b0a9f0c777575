"""The asker's story told in the question's own sentence (story_clauses.py) and a stored
fact the question repeats in its own words (quote_echo.py)."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.language import Language
from bot.engine.quote_echo import EchoIndex, stem, tokens
from bot.engine.story_clauses import split_stories, story_and_question
from bot.engine.vocabulary import Attribute
from testkit.engine import body_of, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("story_echo") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    ("piece", "story", "question"),
    [
        (
            "yo im on my lunch break between drops, quick one — how much do the guys hand over",
            "yo im on my lunch break between drops, quick one",
            "how much do the guys hand over",
        ),
        (
            "been a fisherman 30 years and we got foreign guys too, so i'm curious: what "
            "are the seafood workers paying",
            "been a fisherman 30 years and we got foreign guys too, so i'm curious",
            "what are the seafood workers paying",
        ),
        (
            "in my old firm we used baselines, so anyway, does the dalian quota go up",
            "in my old firm we used baselines, so anyway",
            "does the dalian quota go up",
        ),
        (
            "my cat threw up on my keyboard this morning which is why this is late, anyway "
            "two things: what industry are the dalian workers in",
            "my cat threw up on my keyboard this morning which is why this is late, anyway "
            "two things",
            "what industry are the dalian workers in",
        ),
    ],
)
def test_a_story_is_cut_off_at_the_clause_before_the_ask(
    piece: str, story: str, question: str
) -> None:
    assert story_and_question(piece, Language.EN) == (story, question)


@pytest.mark.parametrize(
    "piece",
    [
        "how much do they pay, my friend",  # the ask comes first
        "on my break, how much",  # too short a story
        "the guys are on a break, how much do they pay",  # no first-person word
        "tell me, i beg you, how much do they pay",  # a request
        "my cousin hands over the new amount all year - what does that come to",  # points back
        "i suppose the chaps are paid well by the russians, are they not",  # a tag question
        "is it my turn now, how much",  # a question before the mark
    ],
)
def test_no_story_is_cut_off(piece: str) -> None:
    assert story_and_question(piece, Language.EN) is None


def test_only_english_has_story_words() -> None:
    pieces = ["я на обеде, сколько они платят"]
    assert split_stories(pieces, Language.RU) == (pieces, frozenset())


def test_the_story_asks_nothing_and_the_question_is_answered(engine: AnswerEngine) -> None:
    question = (
        "yo im on my lunch break between drops, quick one — how much do the nk guys on "
        "sakhalin have to hand over every month now"
    )
    u = engine.understand(question)
    assert [s.text for s in u.segments] == [
        "how much do the nk guys on sakhalin have to hand over a month now"
    ]
    assert Attribute.FOOD not in u.segments[0].attributes
    text = body_of(engine, question)
    assert "62,000" in text
    assert "what the workers eat" not in text


def test_a_story_with_a_figure_or_an_operation_stays(engine: AnswerEngine) -> None:
    text = body_of(engine, "if I add the two new quotas for dollar, how much e be")
    assert "2,400" in text
    story = "my boss pays me 900 dollars a month, how much do the workers pay in dalian"
    assert len(engine.understand(story).segments) == 2


def test_a_story_carries_its_place(engine: AnswerEngine) -> None:
    u = engine.understand("my cousin works on sakhalin these days, how much do the guys pay")
    assert [s.places for s in u.segments] == [["Sakhalin"]]


def test_stems_and_tokens() -> None:
    assert [stem(w) for w in ("working", "worked", "works", "work", "is", "sees")] == [
        "work",
        "work",
        "work",
        "work",
        "is",
        "see",
    ]
    assert tokens("They’ll NOT see a penny!") == ["they'll", "not", "see", "a", "penny"]


def test_a_repeated_fact_is_found_by_a_run_of_its_words(engine: AnswerEngine) -> None:
    index = EchoIndex.build(engine.snapshot.claims)
    penny = index.echoed("what's the 'won't see a penny' line about")
    death = index.echoed("they said about working themselves to death")
    assert [c.id for c in penny] == [c.id for c in death]
    assert len(penny) == 1
    quote = penny[0].quote or ""
    assert "penny" in quote
    # Words in a row that many facts share, or only function words, are no echo.
    assert index.echoed("how much do north korean workers pay") == []
    assert index.echoed("is it the same for them even if they") == []


@pytest.mark.parametrize(
    "question",
    [
        "what's the 'won't see a penny' line about",
        "is it true they'll not see a penny even if they work themselves to death",
        "so like what was the thing they said about working themselves to death",
    ],
)
def test_the_repeated_fact_is_shown_with_its_source(engine: AnswerEngine, question: str) -> None:
    text = body_of(engine, question)
    assert "won't see a penny" in text
    assert "a source in Russia" in text
    assert text.count("won't see a penny") == 1


def test_a_fact_already_shown_is_not_repeated(engine: AnswerEngine) -> None:
    text = body_of(engine, "how much did the sakhalin quota go up, they won't see a penny?")
    assert text.count("won't see a penny") == 1


def test_a_month_of_days_in_words(engine: AnswerEngine) -> None:
    question = "how much is that china quota per day if you figure thirty days to a month"
    assert engine.understand(question).segments[0].days_in_month == 30
    text = body_of(engine, question)
    assert "113" in text
    assert "227" in text


def test_how_much_a_day_asks_the_sum_not_the_period(engine: AnswerEngine) -> None:
    text = body_of(engine, "if man's in dalian and pays 6800 a month how much is that in a day")
    # (A day is a month ÷ thirty since round 15: 6,800 ÷ 30 ≈ 227, 3,400 ÷ 30 ≈ 113.)
    assert "227" in text
    assert "113" not in text  # the amount typed is the new one: that one's day alone
    both = body_of(engine, "dalian quota per day")
    assert "113" in both
    assert "227" in both
    # A choice of periods still asks which one the figures are given per.
    choice = body_of(engine, "how much do they pay, per month or per year?")
    assert "per person, per month" in choice
    assert "a year (× twelve months)" not in choice


@pytest.mark.parametrize(
    ("question", "dropped"),
    [
        ("fees for the contract guys", Attribute.CONTRACT),
        ("how much is the loyalty tax for everyone", Attribute.TAX),
    ],
)
def test_a_cue_word_that_only_modifies_asks_nothing(
    engine: AnswerEngine, question: str, dropped: Attribute
) -> None:
    assert dropped not in engine.understand(question).segments[0].attributes
    text = body_of(engine, question)
    assert "62,000" in text
    assert "3,400" in text


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("do the workers have a contract", Attribute.CONTRACT),
        ("how much do they pay in taxes", Attribute.TAX),
        ("is the loyalty tax deducted before income tax", Attribute.TAX),
    ],
)
def test_a_cue_word_asked_outright_stays(
    engine: AnswerEngine, question: str, kept: Attribute
) -> None:
    assert kept in engine.understand(question).segments[0].attributes


def test_the_year_of_a_quoted_occasion_is_asked(engine: AnswerEngine) -> None:
    quoted = body_of(engine, "what year is this 'final year' thing")
    assert "does not say in which year" in quoted
    # Unquoted, "which year" of the reason asks the occasion, which the report names.
    occasion = body_of(engine, "which year are they trying to mark")
    assert "does not say in which year" not in occasion
    assert "Party Congress" in occasion


def test_a_total_asked_old_and_new_is_summed_once_at_each_time(engine: AnswerEngine) -> None:
    text = body_of(engine, "add up both quotas in dollars, old and new, what's the total")
    assert text.count("$1,200") == 1
    assert text.count("$2,400") == 1
    assert body_of(engine, "combined in usd?").count("together come to") == 1


@pytest.mark.parametrize(
    ("question", "sector", "other"),
    [
        (
            "which crowd are the sakhalin lads workin in, building or fish",
            "construction",
            "seafood",
        ),
        ("what kind of plants are the Dalian women working at, po?", "seafood", "construction"),
        ("the koreans for russia, which work dem dey do there", "construction", "seafood"),
    ],
)
def test_the_kind_of_work_asked(
    engine: AnswerEngine, question: str, sector: str, other: str
) -> None:
    text = body_of(engine, question)
    assert "Sectors in the report" in text
    assert sector in text
    assert other not in text


def test_sectors_offered_beside_the_quota_are_the_quota_asked(engine: AnswerEngine) -> None:
    text = body_of(engine, "quota for construction or seafood workers?")
    assert "62,000" in text
    assert "3,400" in text


def test_on_the_hook_for_asks_what_they_owe(engine: AnswerEngine) -> None:
    text = body_of(engine, "what are the dalian guys on the hook for")
    assert "3,400" in text
