"""A thing named only to be set aside is not asked (bot/engine/negated.py): "not the quota,
the wage", "не норму, а зарплату", "不是配额，是工资", "할당 말고 버는 돈" ask the wage, which
the reports do not give, so the quota's figures must not answer them. A figure set aside, a
change word denied and an ordinary "not" stay as typed."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.negated import without_negated
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("negated") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


# (language, a question setting the quota aside to ask the pay)
WAGE_NOT_QUOTA = [
    (Language.KO, "사할린 애들 실제 월급은 얼마임? 할당 말고 버는 돈"),
    (Language.KO, "사할린 할당량이 아니라 월급이 얼마야"),
    (Language.EN, "what do they actually earn in sakhalin, not the quota, the wage"),
    (Language.EN, "sakhalin: not the quota but their salary, how much?"),
    (Language.RU, "сколько они реально получают на сахалине, не норму, а зарплату"),
    (Language.RU, "на сахалине не про норму, а про зарплату: сколько?"),
    (Language.ZH, "萨哈林：不是配额，是工资，多少钱？"),
]

# What the quota's figures look like in the reply, in any grouping.
QUOTA_FIGURES = ("62,000", "62 000", "62\xa0000", "124,000", "124 000", "124\xa0000")


@pytest.mark.parametrize(("language", "question"), WAGE_NOT_QUOTA)
def test_the_quota_set_aside_does_not_answer_a_question_about_pay(
    engine: AnswerEngine, language: Language, question: str
) -> None:
    text = "\n".join(lines_in(engine, question, language))
    assert not any(figure in text for figure in QUOTA_FIGURES), text


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("할당 말고 버는 돈", "버는 돈"),
        ("할당량이 아니라 월급이 얼마야", "월급이 얼마야"),
        ("not the quota, the wage", "the wage"),
        ("not their quota but their pay", "their pay"),
        ("не норму, а зарплату", "зарплату"),
        ("не про норму, а про зарплату", "про зарплату"),
        ("不是配额，是工资", "工资"),
        ("不是配额，而是工资", "工资"),
    ],
)
def test_what_is_set_aside_is_taken_out(typed: str, read: str) -> None:
    assert without_negated(typed).strip() == read


@pytest.mark.parametrize(
    "typed",
    [
        "is it not doubled, or tripled?",  # a change word denied: part_readings.py
        "не удвоили, а утроили?",
        "두 배 말고 세 배 아니야?",
        "두배가 아니라 세배",
        "不是翻倍，是三倍",
        # periods: "per year, not per month" is a premise to answer
        "the workers pay this a year, not a month, correct?",
        "не в месяц, а в год?",
        "不是每月，是每年吧",
        "한 달 말고 일 년 기준으로",
        "wrong, it was 90,000 not 62,000",  # figures: a premise to answer
        "не 62000, а 90000",
        "why do they not protest",
        "사할린 할당량 얼마",
        "不是说翻倍了吗",
    ],
)
def test_what_is_not_set_aside_stays(typed: str) -> None:
    assert without_negated(typed) == typed
