"""After "the report does not say", a later part of the same message that presses for the
figure ("конкретная цифра нужна", "in month") or only says why the asker asks ("want to
check their supply chain", "хочу сходить посмотреть") adds no quota block: no figure is
dressed up as the answer (bot/engine/after_silence.py, part_links.inherit_subject). A later
part that names the quota, or asks something new, is still answered. Each case is a
wording of its own, written apart from the question sets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("after_silence") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


QUOTA_FIGURES = ("62,000", "62 000", "124,000", "124 000", "3,400", "3 400", "6,800", "6 800")
SILENT = {
    Language.EN: "does not say",
    Language.RU: "не говорится",
    Language.ZH: "报道没有",
    Language.KO: "나와 있지 않습니다",
}


def _text(engine: AnswerEngine, question: str, language: Language) -> str:
    text = "\n".join(lines_in(engine, question, language))
    return text.replace("\u00a0", " ").replace("\u202f", " ")


PRESSED = [
    ("what do the sakhalin guys earn? per month", Language.EN),
    ("which company runs the dalian plants? just curious, writing a paper", Language.EN),
    ("what do the workers in dalian eat? need it for a school project", Language.EN),
    ("how many days off do they get on sakhalin? a list please", Language.EN),
    ("wages in dalian? monthly", Language.EN),
    ("какая зарплата у рабочих на сахалине? в месяц", Language.RU),
    ("сколько дней отдыха у них в даляне? конкретная цифра нужна", Language.RU),
    ("как называется компания на сахалине? хочу написать им", Language.RU),
    ("где они живут в даляне? интересно просто", Language.RU),
    ("чем кормят рабочих на сахалине? спрашиваю для статьи", Language.RU),
    ("大连工人工资多少？每个月", Language.ZH),
    ("萨哈林的工人住在哪里？我想去看看", Language.ZH),
    ("大连那家公司叫什么名字？想查一下", Language.ZH),
    ("萨哈林工人有没有休息日？具体数字", Language.ZH),
    ("大连工人吃什么？好奇问问", Language.ZH),
    ("사할린 노동자 월급은요? 한 달에", Language.KO),
    ("다롄 회사 이름이 뭐예요? 찾아보고 싶어서요", Language.KO),
    ("사할린 노동자들 어디서 살아요? 궁금해서", Language.KO),
    ("다롄 노동자들 휴일 있어요? 정확한 숫자", Language.KO),
    ("사할린 사람들 뭐 먹어요? 그냥 궁금", Language.KO),
]


@pytest.mark.parametrize(("question", "language"), PRESSED)
def test_a_later_part_adds_no_quota_block(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    text = _text(engine, question, language)
    assert SILENT[language] in text, text
    assert not any(figure in text for figure in QUOTA_FIGURES), text


STILL_ASKED = [
    ("how many workers in dalian and what's the quota there", Language.EN, "3,400"),
    ("what's the wage on sakhalin? and the quota?", Language.EN, "62,000"),
    ("how many people work in dalian? and what are the quotas overall", Language.EN, "62,000"),
    ("сколько рабочих на сахалине? и какая там норма", Language.RU, "62 000"),
    ("какая зарплата на сахалине? а норма сколько", Language.RU, "62 000"),
    ("大连工人有多少？指标是多少", Language.ZH, "3,400"),
    ("사할린 노동자 몇 명이에요? 할당량은 얼마예요", Language.KO, "62,000"),
]


@pytest.mark.parametrize(("question", "language", "figure"), STILL_ASKED)
def test_a_later_part_naming_the_quota_is_answered(
    engine: AnswerEngine, question: str, language: Language, figure: str
) -> None:
    text = _text(engine, question, language)
    assert SILENT[language] in text, text
    assert figure in text, text


def test_a_new_topic_after_the_silence_is_answered(engine: AnswerEngine) -> None:
    text = _text(engine, "what's the wage in dalian? and why did it double", Language.EN)
    assert "does not say how much the workers are paid" in text, text
    assert "Why the quotas rose" in text, text
