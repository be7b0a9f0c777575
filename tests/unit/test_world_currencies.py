"""Every currency CLDR knows is a currency, never a place (bot/engine/world_currencies.py):
its names, its code, its unit word and a nickname before a unit ("aussie dollars"), in
English, Russian, Chinese and Korean. A quota asked in one the reports do not use gets "the
report does not say the quota in …" with the report's own figures and dollar conversions,
never a converted figure and never "the report does not mention <currency>"."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.vocabulary import Attribute
from bot.engine.world_currencies import (
    english_currency_phrases,
    glosses,
    qualified_currencies,
)
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("currencies") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


# (question, the currency as the reply names it, a figure of the place asked)
DECLINED = [
    ("whats the new sakhalin quota in aussie dollars", "Australian dollars (AUD)", "730"),
    (
        "what was the dalian figure and whats that in aussie dollars",
        "Australian dollars (AUD)",
        "470",
    ),
    ("in SGD how much the dalian one", "Singapore dollars (SGD)", "470"),
    ("sakhalin quota in naira", "Nigerian nairas (NGN)", "730"),
    ("dalian quota in bajan dollars pls", "bajan dollars", "470"),
    ("how much is the dalian quota in ringgit", "Malaysian ringgits (MYR)", "470"),
    ("sakhalin quota in swiss francs?", "Swiss francs (CHF)", "730"),
    ("dalian quota in pesos", "pesos", "470"),
    ("sakhalin one in AUD", "Australian dollars (AUD)", "730"),
]


@pytest.mark.parametrize(("question", "shown", "figure"), DECLINED)
def test_a_currency_the_reports_do_not_use_is_declined_not_a_place(
    engine: AnswerEngine, question: str, shown: str, figure: str
) -> None:
    text = "\n".join(lines_in(engine, question, Language.EN))
    assert f"The report does not say the quota in {shown}:" in text
    assert figure in text
    assert "does not mention" not in text


# (language, question, the declined line's words)
OTHER_LANGUAGES = [
    (Language.RU, "сахалин квота в рупиях", "индийская рупия (INR)"),
    (Language.RU, "сколько квота в даляне в найрах", "нигерийская найра (NGN)"),
    (Language.ZH, "大连配额是多少泰铢", "泰铢 (THB)"),
    (Language.ZH, "萨哈林的额度换成新加坡元是多少", "新加坡元 (SGD)"),
    (Language.KO, "사할린 할당량 엔화로 얼마", "일본 엔화 (JPY)"),
    (Language.KO, "다롄 할당량 바트로 얼마야", "태국 바트 (THB)"),
]


@pytest.mark.parametrize(("language", "question", "shown"), OTHER_LANGUAGES)
def test_cldr_currency_names_in_other_languages_are_declined(
    engine: AnswerEngine, language: Language, question: str, shown: str
) -> None:
    text = "\n".join(lines_in(engine, question, language))
    assert shown in text


def test_the_reports_own_currencies_are_no_other_currency(engine: AnswerEngine) -> None:
    for question in ("dalian quota in us dollars", "sakhalin quota in rubles", "dalian in yuan"):
        text = "\n".join(lines_in(engine, question, Language.EN))
        assert "does not say the quota in" not in text, question


# Words a typo away from a currency's name are not read as it, nor amounts as its name.
NOT_CURRENCIES = [
    "do they get any medical care in sakhalin",
    "how many months to hand over 1 million rubles at the new sakhalin rate",
    "62k rubles = 730 bucks, so what rate is that per dollar",
    "is the real quota higher in dalian",
]


@pytest.mark.parametrize("question", NOT_CURRENCIES)
def test_near_words_are_no_other_currency(engine: AnswerEngine, question: str) -> None:
    assert Attribute.OTHER_CURRENCY not in engine.understand(question).attributes


def test_english_phrases_come_from_cldr_and_leave_out_english_words() -> None:
    phrases = english_currency_phrases()
    assert phrases["sgd"] == "Singapore dollars (SGD)"
    assert phrases["naira"] == "Nigerian nairas (NGN)"
    assert phrases["thai baht"] == "Thai baht (THB)"
    # Codes and units that are English words, and the reports' own currencies, are not.
    for word in ("all", "top", "try", "cup", "mad", "real", "mark", "gold", "rub", "usd", "cny"):
        assert word not in phrases, word
    assert "dollars" not in phrases and "rubles" not in phrases and "yuan" not in phrases


def test_a_nickname_before_a_unit_is_a_currency() -> None:
    known = frozenset({"the", "us", "russian", "more", "in"})
    assert qualified_currencies("quota in aussie dollars?", known) == ["aussie dollars"]
    assert qualified_currencies("in Bajan Dollar", known) == ["bajan dollar"]
    assert qualified_currencies("in us dollars", known) == []
    assert qualified_currencies("more dollars, the dollars", known) == []
    # Numbers and their scales are amounts, not currencies' names.
    assert qualified_currencies("730 dollars, 1 million rubles, 62k rubles", known) == []


def test_glosses_name_other_currencies_by_their_cldr_names() -> None:
    assert glosses("zh")["泰铢"] == "thb"
    assert glosses("ko")["엔화"] == "jpy"
    assert glosses("ru")["найра"] == "ngn"
    assert glosses("ru")["рупия"] == "rupees"  # INR and IDR: the English unit they share
    # A unit that is an ordinary word where English has none alone ("золотой", "랜드"), a
    # place's name ("доллар Намибии") and the reports' own ("рубль", "달러") are not glosses.
    for language, word in (("ru", "золотой"), ("ko", "랜드"), ("ru", "намибии"), ("ru", "рубль")):
        assert word not in glosses(language), word
    assert "달러" not in glosses("ko") and "人民币" not in glosses("zh")
