"""Any report, not only the seed: the engine reads a report's places, sectors and facts from
the store, and scopes every answer to the subject asked. Over the seed and a made-up report
of its own (testkit/reports/example_almanac_2023.json: Gdańsk shipyards, Kuala Lumpur clinics,
Ho Chi Minh City fishing fleets, Haiphong ports; a head count for Gdańsk only, a wage for
Kuala Lumpur only). Each question is our own wording of a class; none is from a question set.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from bot.engine.place_spellings import PlaceSpellings, unaccented
from bot.i18n import Language
from bot.markup import plain_text
from bot.sending.messages import build_messages
from testkit.engine import EXAMPLE_ALMANAC, engine_with, lines_in

SEED_FIGURES = ("62,000", "124,000", "3,400", "6,800")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path: Path = tmp_path_factory.mktemp("any-report") / "two.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", EXAMPLE_ALMANAC))


def body(engine: AnswerEngine, question: str) -> str:
    """The reply as sent, without its caveat lines."""
    reply = engine.answer(question)
    texts = [plain_text(m) for m in build_messages(reply.lines, reply.caveats(engine.snapshot))]
    lines = "\n".join(texts).splitlines()
    return "\n".join(line for line in lines if not line.startswith("⚠️"))


# A word for the kind of work that the claims use (a sector's singular, the basis's noun,
# the statement's), though the cue data lists it as "another kind of work".
@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("what do the shipyard workers in gdansk pay now", "450"),
        ("how much must the doctors hand over each month", "2,000"),
        ("the fishing crews' quota?", "250"),
        ("and the dockers, how much?", "180"),
    ],
)
def test_a_kind_of_work_the_claims_name_is_the_stored_sector(
    engine: AnswerEngine, question: str, figure: str
) -> None:
    text = body(engine, question)
    assert figure in text, text
    assert "says anything about" not in text, text
    assert not any(f in text for f in SEED_FIGURES), text


def test_a_kind_of_work_no_claim_names_is_still_not_in_the_reports(engine: AnswerEngine) -> None:
    text = body(engine, "what do the miners pay")
    assert "says anything about miners" in text, text


# A stored place however its accents and spaces are typed.
@pytest.mark.parametrize(
    ("question", "figure", "other"),
    [
        ("gdansk quota now?", "450", "2,000"),
        ("Gdańsk: how much a month", "450", "180"),
        ("workers in Hải Phòng, what do they owe", "180", "450"),
        ("hai phong monthly payment", "180", "250"),
    ],
)
def test_a_place_typed_with_or_without_accents_or_spaces(
    engine: AnswerEngine, question: str, figure: str, other: str
) -> None:
    text = body(engine, question)
    assert figure in text and other not in text, text
    assert not any(f in text for f in SEED_FIGURES), text


# A stored place by its usual initials (data: en.json's place abbreviations).
@pytest.mark.parametrize(
    ("question", "figure", "other"),
    [
        ("KL doctors, how much?", "2,000", "450"),
        ("what's the quota in HCMC", "250", "180"),
        ("hcmc fishing boats monthly amount", "250", "2,000"),
    ],
)
def test_a_place_by_its_initials(
    engine: AnswerEngine, question: str, figure: str, other: str
) -> None:
    text = body(engine, question)
    assert figure in text and other not in text, text
    assert not any(f in text for f in SEED_FIGURES), text


# A fact another place has is no answer for the place asked.
@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("how many workers are there in kuala lumpur", "120"),
        ("head count for the KL clinics?", "120"),
        ("what's the wage in gdansk", "5,000"),
        ("what salary do the gdansk welders earn", "5,000"),
    ],
)
def test_another_places_fact_is_not_the_answer(
    engine: AnswerEngine, question: str, wrong: str
) -> None:
    text = body(engine, question)
    assert wrong not in text, text
    assert "does not say" in text or "None of the" in text or "says nothing" in text, text


@pytest.mark.parametrize(
    ("question", "right"),
    [
        ("how many welders are there in gdansk", "120"),
        ("kuala lumpur doctors' salary?", "5,000"),
    ],
)
def test_the_places_own_fact_is_the_answer(engine: AnswerEngine, question: str, right: str) -> None:
    assert right in body(engine, question)


# A date asked about one place: that place's date only.
@pytest.mark.parametrize(
    "question",
    [
        "when did the gdansk rise happen",
        "from what month does the gdansk increase apply",
        "gdansk: date?",
    ],
)
def test_a_date_asked_about_one_place(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "May 2023" in text, text
    assert "March 10" not in text and "Kuala Lumpur" not in text, text


# The publication date asked: the report's date, not the changes' dates.
@pytest.mark.parametrize(
    "question",
    [
        "when was the example almanac article published",
        "publication date of the example almanac piece?",
        "what date did example almanac run the story",
    ],
)
def test_a_publication_date_is_not_a_change_date(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "September 2023" in text, text
    assert "May 2023" not in text, text


def test_latin_marks_go_other_scripts_stay() -> None:
    assert unaccented("hải phòng, đà nẵng, gdańsk, łódź; йогурт, ёж, 한국") == (
        "hai phong, da nang, gdansk, lodz; йогурт, ёж, 한국"
    )


def test_the_spellings_of_stored_places() -> None:
    spellings = PlaceSpellings(
        ["haiphong", "kuala lumpur", "ulaanbaatar", "gdańsk", "ho chi minh city", "los angeles"],
        lambda word: word in {"la", "the"},
    )
    assert spellings.respelled("hai phong and kl, ub; hcmc or gdańsk, la la land") == (
        "haiphong and kuala lumpur, ulaanbaatar; ho chi minh city or gdansk, la la land"
    )
    assert spellings.variants == {"gdansk": "gdańsk"}
    # A conventional short form counts only for a stored place: no Bangkok here.
    assert spellings.respelled("bkk quota") == "bkk quota"


# A city by its name in another language (CLDR's city names, the vocabulary's "elsewhere"
# names) is the stored place once a report gives figures for it, not a place "not covered".
@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("сколько платят рабочие в Куала-Лумпуре", "2,000"),
        ("吉隆坡的朝鲜医生每月交多少", "2,000"),
        ("쿠알라룸푸르 북한 의사들 한 달에 얼마 내요?", "2,000"),
        ("а в Хошимине сколько", "250"),
    ],
)
def test_a_stored_place_by_its_name_in_another_language(
    engine: AnswerEngine, question: str, figure: str
) -> None:
    text = body(engine, question)
    assert figure in text, text
    assert not any(f in text for f in SEED_FIGURES), text


# A report's topic that only describes a period ("monthly quota") does not add other
# places' figures to a question that names its place.
@pytest.mark.parametrize(
    ("question", "figure", "others"),
    [
        ("gdansk monthly quota?", "450", ("ringgit", "250", "180", "62,000")),
        ("sakhalin monthly quota before the doubling", "62,000", ("ringgit", "250", "450")),
        ("what's the monthly quota in haiphong", "180", ("ringgit", "250", "450", "62,000")),
    ],
)
def test_a_period_topic_does_not_widen_a_place_question(
    engine: AnswerEngine, question: str, figure: str, others: tuple[str, ...]
) -> None:
    text = body(engine, question)
    assert figure in text and not any(f in text for f in others), text


# A figure the report says is unchanged says so in its block.
@pytest.mark.parametrize(
    "question",
    ["did the kuala lumpur quota change?", "KL doctors: same amount as before?", "kl quota"],
)
def test_an_unchanged_figure_says_so(engine: AnswerEngine, question: str) -> None:
    assert "Change: unchanged, as reported." in body(engine, question)


def test_an_unchanged_figure_says_so_in_russian(engine: AnswerEngine) -> None:
    lines = lines_in(engine, "изменилась ли норма в Куала-Лумпуре?", Language.RU)
    assert "Изменение: без изменений, по данным статьи." in lines


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        ("gdansk quota", "Gdańsk, Poland — workers in shipyards"),
        ("hcmc quota", "Ho Chi Minh City, Vietnam — workers in fishing fleets"),
        ("dalian quota", "Dalian, China — seafood processing workers"),
    ],
)
def test_a_sector_named_by_workplaces_reads_workers_in(
    engine: AnswerEngine, question: str, heading: str
) -> None:
    assert body(engine, question).splitlines()[0].startswith(heading)


# A stored sector no editor translated is named in the reader's language when the cue data
# glosses it; otherwise as stored.
@pytest.mark.parametrize(
    ("question", "language", "word"),
    [
        ("сколько платят в Пномпене", Language.RU, "ресторан"),
        ("金边的朝鲜服务员每月交多少", Language.ZH, "餐厅"),
        ("프놈펜 식당 노동자들 한 달에 얼마 내요?", Language.KO, "식당"),
    ],
)
def test_a_glossed_sector_is_named_in_the_readers_language(
    engine: AnswerEngine, question: str, language: Language, word: str
) -> None:
    lines = lines_in(engine, question, language)
    assert "320" in lines[1] or "320" in lines[0], lines
    assert word in lines[0] and "restaurants" not in lines[0], lines


# A place and its own country named in one comparison: one quota, not a pair. Before, the
# engine paired the one quota with itself and raised (found by a held-out set, round 15).
@pytest.mark.parametrize(
    "question",
    [
        "what percent of poland's quota is gdansk's",
        "how many times more does gdansk pay than poland",
        "gdansk vs poland ratio",
    ],
)
def test_a_place_against_its_own_country_is_answered(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "450" in text
    assert "Gdańsk" in text
