"""Chinese questions by class of cause (round 7): each case is a wording of its own, written
apart from the question sets, with what its reply must and must not hold."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.vocabulary import Intent
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("zh7") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def reply(engine: AnswerEngine, question: str) -> str:
    return "\n".join(lines_in(engine, question, Language.ZH))


QUOTA_FIGURES = ("62,000", "124,000", "3,400", "6,800", "730", "470")

# A currency or North Korea named beside another subject (a falling exchange rate, missile
# launches) is that subject's question: the bot says what it covers, with no quota figure.
OTHER_SUBJECT = [
    "卢布汇率为什么跌这么多",
    "人民币最近为啥升值",
    "朝鲜为什么要发射导弹",
    "为什么朝鲜总是搞核试验",
]


@pytest.mark.parametrize("question", OTHER_SUBJECT)
def test_a_why_question_about_another_subject_is_off_topic(
    engine: AnswerEngine, question: str
) -> None:
    assert engine.answer(question).intents == [Intent.OFF_TOPIC]
    text = reply(engine, question)
    assert not any(figure in text for figure in QUOTA_FIGURES), text


# ... while the money spent on weapons is a question the report is silent on.
SPENDING = ["朝鲜是不是拿这些钱造导弹", "這些外匯是不是用來搞導彈", "钱是不是用来造核武器"]


@pytest.mark.parametrize("question", SPENDING)
def test_money_for_weapons_is_what_the_report_does_not_say(
    engine: AnswerEngine, question: str
) -> None:
    assert engine.answer(question).intents == [Intent.SILENT]
    assert "报道没有说明" in reply(engine, question)
