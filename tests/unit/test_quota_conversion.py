"""A place's quota asked in the other local currency ("the dalian quota in rubles") is
converted as a typed sum in it is ("3400 yuan in rubles"): through the report's own dollar
figures, labelled as our arithmetic, saying the report gives no rate between the two. One
behaviour for both, in every language; a currency the report has no figure in (yen, won)
is still declined, and "rubles or yuan?" asks which one, not a conversion."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine

NBSP = "\xa0"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("conversion") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def _converted(engine: AnswerEngine, question: str, language: Language) -> str:
    [line] = [line for line in lines_in(engine, question, language) if "84" in line]
    return line


# (language, a place's quota asked in rubles, a typed sum asked in rubles, the words that
# say the report gives no rate between the two, the result)
CASES = [
    (
        Language.EN,
        "what's the dalian quota in rubles",
        "3400 yuan in rubles?",
        "the report gives no rate between these two currencies",
        "39,918 rubles (RUB)",
    ),
    (
        Language.RU,
        "сколько квота в даляне в рублях",
        "3400 юаней это сколько в рублях",
        "курса между этими двумя валютами статья не даёт",
        f"39{NBSP}918 российских рублей (RUB)",
    ),
    (
        Language.ZH,
        "大连的额度换成卢布是多少",
        "3400元换成卢布是多少",
        "报道没有给出这两种货币之间的汇率",
        "39,918 俄罗斯卢布 (RUB)",
    ),
    (
        Language.KO,
        "다롄 할당량은 루블로 얼마야",
        "3400위안은 루블로 얼마야",
        "보도는 이 두 통화 사이의 환율을 제시하지 않습니다",
        "39,918 러시아 루블 (RUB)",
    ),
]


@pytest.mark.parametrize(("language", "quota", "typed", "no_rate", "result"), CASES)
def test_the_quota_and_a_typed_sum_convert_alike(
    engine: AnswerEngine, language: Language, quota: str, typed: str, no_rate: str, result: str
) -> None:
    asked_quota = _converted(engine, quota, language)
    asked_sum = _converted(engine, typed, language)
    assert asked_quota == asked_sum
    assert result in asked_quota and no_rate in asked_quota, asked_quota
    # The quota itself is answered first, in its own currency.
    assert "3,400" in lines_in(engine, quota, language)[1].replace(NBSP, ",").replace(" ", ",")


def test_sakhalin_in_yuan_goes_through_the_dalian_figures(engine: AnswerEngine) -> None:
    lines = lines_in(engine, "sakhalin quota in yuan", Language.EN)
    assert lines[-1] == (
        "62,000 rubles (RUB) is about 5,281 yuan (CNY) ($730 at the report's own conversion, "
        "then about 7.23 yuan to the dollar, the rate its Dalian figures imply) — our "
        "arithmetic from the report's figures; the report states no such figure; the report "
        "gives no rate between these two currencies."
    )
    assert not [line for line in lines if "will not convert" in line]


@pytest.mark.parametrize("question", ["dalian rubles or yuan?", "sakhalin: rubles or yuan?"])
def test_which_currency_is_no_conversion(engine: AnswerEngine, question: str) -> None:
    text = "\n".join(lines_in(engine, question, Language.EN))
    assert "84.93" not in text and "7.23" not in text, text
    assert "will not convert" not in text, text


def test_a_currency_without_any_figure_is_still_declined(engine: AnswerEngine) -> None:
    text = "\n".join(lines_in(engine, "dalian quota in yen", Language.EN))
    assert "does not say the quota in yen (JPY)" in text
    assert "84.93" not in text
