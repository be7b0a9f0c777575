"""Round 10, every language, by class of cause: a small amount typed with a currency about a
covered place is a premise the report contradicts ("i heard dalian is 24 yuan"), answered
with what the report gives before and after the doubling; "if doubled, what percent" is the
rise over time, not one place against the other; a quota asked in another place's currency
gives the stated and the doubled amount, both converted and labelled. Each case is a wording
of its own, written apart from the question sets."""

from __future__ import annotations

import asyncio
import re

import pytest

from bot.engine import AnswerEngine
from bot.engine.vocabulary import Intent
from bot.i18n import Language
from testkit.engine import RFA_2020, engine_with, lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("round10xx") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def digits(engine: AnswerEngine, question: str, language: Language) -> str:
    """The reply with the figures' group separators taken out ("3 400", "3,400" -> "3400")."""
    text = "\n".join(lines_in(engine, question, language))
    return re.sub(r"(?<=\d)[,\s\u00a0\u202f](?=\d{3})", "", text)


# A small sum with a currency about a covered place: "No", and the report's figures instead.
SMALL_PREMISES = [
    ("i was told the dalian payment is only 24 yuan", Language.EN, "3400", "6800"),
    ("sakhalin guys pay like 50 rubles right", Language.EN, "62000", "124000"),
    ("говорят, в Даляне платят 24 юаня", Language.RU, "3400", "6800"),
    ("на Сахалине там рублей 80 всего", Language.RU, "62000", "124000"),
    ("我听人讲大连那边只交24块", Language.ZH, "3400", "6800"),
    ("萨哈林不就交个50卢布嘛", Language.ZH, "62000", "124000"),
    ("다롄 노동자들은 24위안 낸다던데", Language.KO, "3400", "6800"),
    ("사할린은 겨우 50루블이래", Language.KO, "62000", "124000"),
]


@pytest.mark.parametrize(("question", "language", "before", "now"), SMALL_PREMISES)
def test_a_small_sum_with_a_currency_is_a_premise_corrected(
    engine: AnswerEngine, question: str, language: Language, before: str, now: str
) -> None:
    assert Intent.CORRECTION in engine.answer(question).intents
    text = digits(engine, question, language)
    assert before in text and now in text, text


# ... but a small number that counts hours, workers or months is no amount asserted.
SMALL_COUNTS = [
    "how many yuan for 24 workers in dalian",
    "24 months of the dalian quota in yuan",
    "大连24个工人一共交多少人民币",
]


@pytest.mark.parametrize("question", SMALL_COUNTS)
def test_a_small_count_beside_a_currency_is_no_premise(engine: AnswerEngine, question: str) -> None:
    assert Intent.CORRECTION not in engine.answer(question).intents


# A wrong amount asserted for now is answered with the amount before and the doubled one.
NOW_PREMISES = [
    ("dalian is 5000 yuan a month now, isn't it", Language.EN),
    ("в Даляне сейчас 7000 юаней, да?", Language.RU),
    ("大连现在每月交7000块对吧", Language.ZH),
    ("다롄 지금 7000위안 맞지?", Language.KO),
]


@pytest.mark.parametrize(("question", "language"), NOW_PREMISES)
def test_a_wrong_amount_now_is_answered_with_the_doubled_figure(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    text = digits(engine, question, language)
    assert "3400" in text and "6800" in text, text


# "If doubled, what percent": the doubling is the change asked about, +100 %.
DOUBLED_PERCENT = [
    ("두배면 몇프로야", Language.KO),
    ("두 배 올린 거면 퍼센트로 치면?", Language.KO),
    ("두배는 몇퍼센트 인상임", Language.KO),
    ("doubled is what percent increase", Language.EN),
    ("удвоили — это на сколько процентов", Language.RU),
    ("翻倍相当于涨了百分之多少", Language.ZH),
]


@pytest.mark.parametrize(("question", "language"), DOUBLED_PERCENT)
def test_the_doubling_in_percent_is_the_rise(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    text = digits(engine, question, language)
    assert "100%" in text or "100 %" in text, text
    assert "55.3" not in text and "55,3" not in text, text


# A quota asked in the other place's currency, however the currency is named: the quota
# itself and its labelled conversion at the report's own dollar figures, in the asker's
# language.
CONVERTED = [
    ("what's sakhalin's payment worth in yuan", Language.EN, "62000", "5281"),
    ("сколько это в юанях на Сахалине", Language.RU, "62000", "5281"),
    ("大连的额度换算成卢布是多少", Language.ZH, "3400", "39918"),
    ("사할린 할당금은 위안화로 얼마", Language.KO, "62000", "5281"),
    ("다롄 돈 루블화로 바꾸면 얼마야", Language.KO, "3400", "39918"),
]


@pytest.mark.parametrize(("question", "language", "stated", "converted"), CONVERTED)
def test_a_quota_in_another_currency_gives_it_and_its_conversion(
    engine: AnswerEngine, question: str, language: Language, stated: str, converted: str
) -> None:
    text = digits(engine, question, language)
    assert stated in text and converted in text, text


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("round10xx_rfa") / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", RFA_2020))


# Several reports: each line of a sum over a year, a week or a day names its report.
PER_PERIOD = [
    ("how much would a worker hand over in a year", Language.EN),
    ("сколько получается за неделю", Language.RU),
    ("一年下来总共要交多少", Language.ZH),
    ("연간으로 치면 얼마야", Language.KO),
]


@pytest.mark.parametrize(("question", "language"), PER_PERIOD)
def test_each_per_period_line_names_its_report(
    two_reports: AnswerEngine, question: str, language: Language
) -> None:
    lines = [line for line in lines_in(two_reports, question, language) if "HNGN" in line]
    figured = [line for line in lines_in(two_reports, question, language) if "×" in line]
    assert figured, lines
    assert all("HNGN" in line or "Radio Free Asia" in line for line in figured), figured


# Whom a figure is per, in each language's own words: the split report's figure of it.
BASES = [
    ("сколько заплатят 10 семейных рабочих", Language.RU, "240000"),
    ("на сколько семья платит больше холостяка", Language.RU, "12000"),
    ("3个已婚工人加起来交多少", Language.ZH, "72000"),
    ("成家的和光棍差多少钱", Language.ZH, "12000"),
    ("결혼한 노동자 4명이면 얼마 내야 돼", Language.KO, "96000"),
    ("기혼자 10명은 합쳐서 얼마 내야 해", Language.KO, "240000"),
]


@pytest.mark.parametrize(("question", "language", "figure"), BASES)
def test_basis_words_of_each_language_pick_the_split_figure(
    two_reports: AnswerEngine, question: str, language: Language, figure: str
) -> None:
    text = "\n".join(lines_in(two_reports, question, language))
    text = re.sub(r"(?<=\d)[,\s\u00a0\u202f](?=\d{3})", "", text)
    assert figure in text, text
    assert Intent.ARITHMETIC in two_reports.answer(question).intents


# Where a figure the report only implies comes from, asked in each language: its quota block
# (implied by "doubled"), never a "No" to the doubled figure or its doubled dollar conversion.
IMPLIED_ORIGIN = [
    ("6800块是怎么得出来的", Language.ZH, "翻倍"),
    ("940美元哪来的", Language.ZH, "翻倍"),
    ("откуда цифра 124 000 рублей", Language.RU, "удвоили"),
    ("940달러는 어디서 나온 숫자야", Language.KO, "두 배"),
]


@pytest.mark.parametrize(("question", "language", "implied"), IMPLIED_ORIGIN)
def test_an_implied_figure_asked_where_from_is_its_quota_block(
    engine: AnswerEngine, question: str, language: Language, implied: str
) -> None:
    answer = engine.answer(question)
    assert Intent.CORRECTION not in answer.intents
    assert Intent.QUOTA in answer.intents
    assert implied in "\n".join(lines_in(engine, question, language))


@pytest.mark.parametrize(
    "question", ["dalian is $940 a month now right?", "萨哈林现在是1460美元吧"]
)
def test_the_doubled_dollar_figure_is_no_wrong_amount(engine: AnswerEngine, question: str) -> None:
    assert Intent.CORRECTION not in engine.answer(question).intents


# A small figure beside a larger amount counts something else ("1인당": a person): only the
# amount is corrected.
@pytest.mark.parametrize(
    ("question", "language", "not_small"),
    [
        ("다롄은 1인당 월 8000위안 낸다던데", Language.KO, "(1 아님)"),
        ("в Даляне с 1 человека 8000 юаней в месяц", Language.RU, "а не 1."),
        ("i read 1 worker in dalian pays 8000 yuan", Language.EN, "not 1."),
    ],
)
def test_a_small_count_beside_an_amount_is_not_corrected(
    engine: AnswerEngine, question: str, language: Language, not_small: str
) -> None:
    text = "\n".join(lines_in(engine, question, language))
    assert not_small not in text, text
