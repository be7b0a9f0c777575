"""Ordinary words a naive reader takes for an unknown place, sector or subject.

- A word for workers that a stored figure's own kind of work or basis uses ("plasterers",
  "road crew", "crane" operators; "cooks" by kin) names that figure's sector
  (bot/engine/work_words.py).
- People named by the form of a word for a trade, in Russian, Chinese and Korean
  ("штукатур", "焊工", "용접공"), are the report's workers (bot/engine/worker_nouns.py).
- A Russian place name that is an ordinary word ("находка", "запад") names a place only
  after a preposition of place; a place said after a first-person word ("我在义乌") is where
  the asker is (bot/engine/plain_places.py).
- A request for a form ("the plain facts", "в таблице", "表格", "요약") asks the ordinary
  question: every figure, or the figures of what it names beside it.

The wordings are new, not the question sets'. Each negative says what must not change.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from bot.engine.language import Language
from bot.engine.work_words import WorkWords
from bot.engine.worker_nouns import worker_nouns
from testkit.engine import engine_with, seeded_engine, text_of

REPORTS = Path(__file__).parents[2] / "testkit" / "reports"
MERIDIAN = REPORTS / "test_meridian_2026.json"
SIGNAL = REPORTS / "test_signal_2026.json"


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("ordinary_seed") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("ordinary_reports") / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", MERIDIAN, SIGNAL))


# A figure's own words


def test_a_figures_own_words_name_its_sector(reports: AnswerEngine) -> None:
    work = WorkWords(reports.snapshot.claims)
    assert work.naming("plasterers") == ["construction"]  # "each bricklayer and plasterer"
    assert work.naming("road") == ["road building"]
    assert work.naming("crane") == ["port logistics"]  # "each crane operator"
    assert "hotel kitchens" in work.naming("chefs")  # kin of "kitchen"
    assert "restaurants" in work.naming("chefs")


@pytest.mark.parametrize("word", ["each", "member", "worker", "same", "spouse", "married", "it"])
def test_words_that_name_no_kind_of_work_name_no_sector(reports: AnswerEngine, word: str) -> None:
    assert WorkWords(reports.snapshot.claims).naming(word) == []


@pytest.mark.parametrize(
    ("question", "wanted", "not_wanted"),
    [
        ("what do the bricklayers hand over now", "120,000", "6,000"),
        ("how much do the road guys owe", "6,000", "120,000"),
        ("and the crane fellas in kenya?", "1,300", "6,000"),
        ("the chefs, what do they pay?", "250", "6,000"),
    ],
)
def test_a_question_naming_such_workers_gets_their_figure(
    reports: AnswerEngine, question: str, wanted: str, not_wanted: str
) -> None:
    text = text_of(reports, question)
    assert wanted in text, text
    assert not_wanted not in text, text
    assert "does not mention" not in text


def test_such_a_word_is_no_unknown_place(reports: AnswerEngine) -> None:
    u = reports.understand("quota for the plasterers")
    assert u.segments[0].unknown_places == []
    assert "construction" in u.segments[0].sectors


# Workers by the form of their word


@pytest.mark.parametrize(
    ("words", "language"),
    [
        (["штукатур"], Language.RU),
        (["сварщик"], Language.RU),
        (["труженик"], Language.RU),
        (["焊工"], Language.ZH),
        (["师傅们"], Language.ZH),
        (["装卸工"], Language.ZH),
        (["용접공들은"], Language.KO),
        (["벌목꾼"], Language.KO),
        (["인부들"], Language.KO),
    ],
)
def test_a_trades_word_names_workers(words: list[str], language: Language) -> None:
    assert worker_nouns(words, language) == words


@pytest.mark.parametrize(
    ("words", "language"),
    [
        (["футболист"], Language.RU),  # an athlete
        (["начальник"], Language.RU),  # a boss
        (["стол"], Language.RU),  # no person
        (["官员"], Language.ZH),
        (["运动员"], Language.ZH),
        (["加工"], Language.ZH),  # processing, no person
        (["정부는"], Language.KO),
        (["공원"], Language.KO),
    ],
)
def test_other_words_of_those_forms_name_no_workers(words: list[str], language: Language) -> None:
    assert worker_nouns(words, language) == []


@pytest.mark.parametrize("question", ["а по каменщикам что?", "焊工们呢", "용접공들은?"])
def test_a_part_naming_workers_by_trade_is_about_the_report(
    seed: AnswerEngine, question: str
) -> None:
    text = text_of(seed, question)  # (composed in English here)
    assert "62,000" in text and "3,400" in text, text
    assert "can only answer" not in text


# Places only with evidence


def test_an_ordinary_russian_word_is_no_place_without_a_preposition(seed: AnswerEngine) -> None:
    part = seed.understand("Находка какая-нибудь есть про сахалин?").segments[0]
    assert part.regions == [] and part.unknown_places == []
    assert part.places == ["Sakhalin"]
    assert seed.understand("запад больше платит?").segments[0].regions == []


def test_the_same_word_after_a_preposition_is_the_place(seed: AnswerEngine) -> None:
    assert seed.understand("а в находке сколько платят?").segments[0].regions == ["Nakhodka"]
    assert seed.understand("омск квота").segments[0].regions == ["Omsk"]  # a name first


def test_where_the_asker_is_is_not_asked(seed: AnswerEngine) -> None:
    text = text_of(seed, "我在义乌进货，大连那边交多少？")
    assert "义乌" not in text and "3,400" in text
    text = text_of(seed, "я сейчас в омске, а на сахалине сколько?")
    assert "Omsk" not in text and "62,000" in text
    # Named as a place of its own, it is still one the reports do not cover.
    assert "义乌" in text_of(seed, "义乌的工人交多少？")


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("а у нас в Хабаровске корейцы тоже столько сдают?", "Khabarovsk"),
        ("мы в Уссурийске, тут северокорейцы столько же платят?", "Ussuriysk"),
    ],
)
def test_where_the_asker_is_is_asked_when_no_other_place_is(
    seed: AnswerEngine, question: str, place: str
) -> None:
    # The only place the message names, in the part that asks: the asker asks about it, and
    # the reports do not cover it; no other place's figures stand in for it.
    text = text_of(seed, question)
    assert place in text
    assert "62,000" not in text and "3,400" not in text


def test_where_the_asker_is_in_a_story_before_the_question_is_not_asked(
    seed: AnswerEngine,
) -> None:
    story = "Я живу в Благовещенске, по телику болтали про деньги верности."
    text = text_of(seed, f"{story} Сколько там?")
    assert "62,000" in text and "Blagoveshchensk" not in text


# A form asked for


@pytest.mark.parametrize(
    "question", ["give me the plain facts", "quota, in a table", "表格发我", "표로 정리해줘"]
)
def test_a_form_asked_for_gets_every_figure(seed: AnswerEngine, question: str) -> None:
    text = text_of(seed, question)
    assert "62,000" in text and "3,400" in text, text
    assert "can only answer" not in text


def test_a_form_with_a_place_gets_that_place(seed: AnswerEngine) -> None:
    text = text_of(seed, "сахалин вкратце")
    assert "62,000" in text and "3,400" not in text


def test_a_place_pointed_back_to_is_a_place(seed: AnswerEngine) -> None:
    # "там" points back: the ordinary word is the town's name here.
    assert seed.understand("Находка, порт, корейцы есть там?").segments[0].regions == ["Nakhodka"]
    # Not the asker's place but their kid's, asked about with "那边".
    assert "Novosibirsk" in text_of(seed, "我崽在新西伯利亚打工，那边的朝鲜人也要交这么多不？")


def test_a_nationality_is_no_trade(seed: AnswerEngine) -> None:
    assert worker_nouns(["иностранец", "американец"], Language.RU) == []


def test_a_chinese_team_of_a_known_kind_of_work_is_read_as_that_work(seed: AnswerEngine) -> None:
    assert seed.understand("建筑队交多少").segments[0].sectors == ["construction"]
    assert seed.understand("海产工交多少").segments[0].sectors == ["seafood processing"]
