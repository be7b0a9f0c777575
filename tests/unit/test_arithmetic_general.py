"""Arithmetic made general (issue 10, class 5): any period at the old and the implied new
amount (each said which), the increase itself over a period or span, a quota "times N",
"how many X make one Y", one local currency in another through the report's own dollar
conversions, and no comparison nobody asked for. Phrased apart from the question sets."""

from __future__ import annotations

import asyncio
import re

import pytest

from bot.engine import AnswerEngine
from bot.i18n import Language
from testkit.engine import RFA_2020, engine_with, lines_in, seeded_engine, text_of
from testkit.engine import body_of as body

LABEL = "our arithmetic from the report's figures"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("arith") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def digits(lines: list[str]) -> str:
    """The lines with the locale's digit group separators taken out: "40 800" -> "40800"."""
    return re.sub(r"(?<=\d)[\s\u00a0\u202f,](?=\d{3})", "", "\n".join(lines))


@pytest.mark.parametrize(
    ("question", "old", "new"),
    [
        (
            "what does a dalian worker owe each week",
            "785 yuan (CNY) a week",
            "1,569 yuan (CNY) a week",
        ),
        (
            "how much a day is the sakhalin quota",
            "2,067 rubles (RUB) a day",
            "4,133 rubles (RUB) a day",
        ),
        ("sakhalin quota times 12", "744,000 rubles (RUB)", "1,488,000 rubles (RUB)"),
    ],
)
def test_a_period_asked_at_neither_amount_gets_both_each_said_which(
    engine: AnswerEngine, question: str, old: str, new: str
) -> None:
    first, second = body(engine, question).splitlines()
    assert "(before the doubling)" in first and old in first and LABEL in first
    assert "(implied by “doubled”)" in second and new in second and LABEL in second


def test_a_period_at_the_new_amount_gets_that_one_only(engine: AnswerEngine) -> None:
    text = body(engine, "sakhalin per week now")
    assert "28,615 rubles (RUB) a week" in text
    assert "14,308" not in text and "before the doubling" not in text


@pytest.mark.parametrize(
    ("question", "gap", "unwanted"),
    [
        ("how much extra a year does a dalian worker hand over since the rise",
         "40,800 yuan (CNY) more a year", "81,600"),
        ("how much more per week on sakhalin since it doubled",
         "14,308 rubles (RUB) more a week", "28,615"),
        ("over 2 years how much more does a sakhalin worker pay because of the doubling",
         "1,488,000 rubles (RUB) more over two years", "2,976,000"),
    ],
)  # fmt: skip
def test_the_increase_itself_over_a_period(
    engine: AnswerEngine, question: str, gap: str, unwanted: str
) -> None:
    text = body(engine, question)
    assert gap in text and LABEL in text
    assert unwanted not in text
    assert "$260" not in text  # no comparison with the other place


@pytest.mark.parametrize(
    ("question", "language", "gap"),
    [
        ("на сколько больше в год платят в даляне после удвоения", Language.RU, "40800"),
        ("大连每年多付了多少", Language.ZH, "40800"),
        ("사할린 두 배 되고 1년에 얼마 더 내?", Language.KO, "744000"),
    ],
)
def test_the_increase_over_a_year_in_other_languages(
    engine: AnswerEngine, question: str, language: Language, gap: str
) -> None:
    text = digits(lines_in(engine, question, language))
    assert gap in text
    assert "260" not in text and "81600" not in text and "1488000" not in text


def test_paid_more_with_a_perfective_is_the_change_not_the_other_place(
    engine: AnswerEngine,
) -> None:
    text = digits(lines_in(engine, "萨哈林每月多交了多少卢布", Language.ZH))
    assert "62000" in text and "多交" in text
    assert "260" not in text and "大连" not in text


@pytest.mark.parametrize(
    ("question", "total"),
    [
        ("dalian old quota x 6", "20,400 yuan (CNY)"),
        ("new sakhalin quota multiplied by 3", "372,000 rubles (RUB)"),
    ],
)
def test_a_quota_times_a_number(engine: AnswerEngine, question: str, total: str) -> None:
    text = body(engine, question)
    assert total in text and LABEL in text


def test_a_quota_times_a_number_in_chinese(engine: AnswerEngine) -> None:
    assert "1488000" in digits(lines_in(engine, "萨哈林新配额乘以12", Language.ZH))


@pytest.mark.parametrize(
    "question",
    [
        "how many dalian quotas make one sakhalin quota",
        "how many dalian payments equal a sakhalin one, in dollars",
    ],
)
def test_how_many_of_one_make_the_other_is_a_ratio(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "1.55 times" in text and LABEL in text


@pytest.mark.parametrize(
    ("question", "result"),
    [
        ("3400 yuan in rubles?", "39,918 rubles (RUB)"),
        ("62000 rubles in yuan", "5,281 yuan (CNY)"),
        ("what would 6800 yuan be in rubles", "79,836 rubles (RUB)"),
    ],
)
def test_a_typed_sum_in_another_local_currency_through_the_dollar(
    engine: AnswerEngine, question: str, result: str
) -> None:
    text = body(engine, question)
    assert result in text and LABEL in text
    assert "the report gives no rate between these two currencies" in text
    assert "to the dollar, the rate its" in text


def test_a_typed_sum_converted_in_chinese(engine: AnswerEngine) -> None:
    text = digits(lines_in(engine, "3400元等于多少卢布", Language.ZH))
    assert "39918" in text and "84.93" in text


def test_each_currency_to_dollars_is_no_local_conversion(engine: AnswerEngine) -> None:
    text = body(engine, "rubles to dollars for sakhalin, and yuan to dollars for dalian")
    assert "730" in text and "470" in text
    assert "39,918" not in text and "5,281" not in text


@pytest.mark.parametrize(
    ("question", "currency"),
    [("sakhalin quota in euros?", "euros (EUR)"), ("how many won is 62000 rubles", "won (KRW)")],
)
def test_a_currency_without_a_rate_is_refused_with_the_reports_dollar_figure(
    engine: AnswerEngine, question: str, currency: str
) -> None:
    text = body(engine, question)
    assert "The report does not say the quota in" in text and currency in text
    assert "$730" in text


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("arith2") / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", RFA_2020))


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("a brigade of 20 trade workers in china, one-off total?",
         "China: 20 × 12,000 yuan (CNY) once per person (one-off) = 240,000 yuan (CNY), paid once"),
        ("if 5 workers pay the one-off, how much is that",
         "China: 5 × 12,000 yuan (CNY) once per person (one-off) = 60,000 yuan (CNY), paid once"),
    ],
)  # fmt: skip
def test_a_one_off_per_worker_times_a_head_count_is_paid_once(
    two_reports: AnswerEngine, question: str, line: str
) -> None:
    text = text_of(two_reports, question)
    assert line in text and LABEL in text
    # A one-off per household is not a worker's: said what it is, no sum made of it.
    assert "× 24,000" not in text


def test_a_comparison_with_an_uncovered_place_names_it_back(engine: AnswerEngine) -> None:
    """ "sakhalin against moscow" is not Sakhalin against Dalian: the other place is named
    back as one the report does not mention, and no pair's difference is computed."""
    text = body(engine, "difference between sakhalin and moscow quota")
    assert "The report does not mention Moscow." in text
    assert "more a month than Dalian" not in text
