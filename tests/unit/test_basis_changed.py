"""A basis or period answer ("how much per person per month on Sakhalin?") for a figure a
report says changed: the stated amount is the one before the change, and the answer says so,
with the doubled amount as our labelled arithmetic, in every language; never the old quota
alone as if it were today's. The questions are worded here, not taken from a question set."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("basis") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


SAKHALIN_NOW = {
    Language.EN: "Now: doubled, so 124,000 rubles (RUB), about $1,460, a person a month — "
    "implied by “doubled”; the report does not state the new amount.",
    Language.RU: "Сейчас: удвоена, то есть 124 000 российских рублей (RUB), около 1 460 $, "
    "с человека в месяц — следует из слова «удвоили»; новую сумму статья не указывает.",
}
DALIAN_NOW = {
    Language.KO: "현재: 두 배로 올라 6,800 중국 위안화 (CNY), 약 US$940, 1인당 매월 — "
    "“두 배”라는 표현에서 추산한 금액이며, 보도에 새 금액은 나와 있지 않음.",
}

# (question, language, place): each a basis or period question in its own words.
QUESTIONS = [
    ("how much per person per month on sakhalin?", Language.EN, "sakhalin"),
    ("is the sakhalin figure per worker or for the whole group?", Language.EN, "sakhalin"),
    ("dalian per person per month?", Language.EN, "dalian"),
    ("is the dalian amount monthly or yearly?", Language.EN, "dalian"),
    ("сколько в месяц на человека на Сахалине?", Language.RU, "sakhalin"),
    ("сахалинская сумма — с каждого рабочего или со всей бригады?", Language.RU, "sakhalin"),
    ("в Даляне это в месяц или в год?", Language.RU, "dalian"),
    ("大连每人每月多少？", Language.ZH, "dalian"),
    ("萨哈林的数额是按人头算的吗？", Language.ZH, "sakhalin"),
    ("大连那笔钱是每个月交还是每年交？", Language.ZH, "dalian"),
    ("사할린 한 사람당 얼마?", Language.KO, "sakhalin"),
    ("다롄은 1인당 한 달에 얼마야?", Language.KO, "dalian"),
    ("사할린 금액은 한 달 기준이야 일 년 기준이야?", Language.KO, "sakhalin"),
]

# What each language says of the change, whatever the figure.
DOUBLED = {
    Language.EN: "implied by “doubled”",
    Language.RU: "следует из слова «удвоили»",
    Language.ZH: "“翻倍”",
    Language.KO: "“두 배”라는 표현에서 추산한 금액",
}
NEW_AMOUNT = {"sakhalin": ("62000", "124000"), "dalian": ("3400", "6800")}


def plain_lines(engine: AnswerEngine, question: str, language: Language) -> list[str]:
    return [line.replace("\xa0", " ") for line in lines_in(engine, question, language)]


def digits(line: str) -> str:
    return "".join(ch for ch in line if ch.isdigit() or ch == " ").replace(" ", "")


@pytest.mark.parametrize(("question", "language", "place"), QUESTIONS)
def test_a_basis_answer_says_the_figure_was_doubled(
    seed: AnswerEngine, question: str, language: Language, place: str
) -> None:
    lines = plain_lines(seed, question, language)
    old, new = NEW_AMOUNT[place]
    now = [line for line in lines if DOUBLED[language] in line]
    assert len(now) == 1, lines
    assert new in digits(now[0]), now[0]
    assert any(old in digits(line) for line in lines[: lines.index(now[0])]), lines


@pytest.mark.parametrize(
    ("question", "language", "expected"),
    [
        ("how much per person per month on sakhalin?", Language.EN, SAKHALIN_NOW[Language.EN]),
        ("сколько в месяц на человека на Сахалине?", Language.RU, SAKHALIN_NOW[Language.RU]),
        ("다롄은 1인당 한 달에 얼마야?", Language.KO, DALIAN_NOW[Language.KO]),
    ],
)
def test_the_now_line_is_the_quota_blocks_own(
    seed: AnswerEngine, question: str, language: Language, expected: str
) -> None:
    assert expected in plain_lines(seed, question, language)
