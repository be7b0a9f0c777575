"""Chinese and Korean readings of round 15, each tested with wordings of no question set:
a covered place beside a bare when/why/how-much and words of another subject is off-topic;
the asker's own lunch beside another subject's part asks no attribute of the workers; the
figures asked as 数字/数据/金额, the sources as 消息源/源头, an outlet as 哪个网站; Chinese chat
slang in Latin letters; a topic asked at a place none of its facts is about is the report's
silence there; Korean 명분 with 더 내라는
asks the reason, 언니들 the young women."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.vocabulary import Intent
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine

OFF_TOPIC = "I can only answer questions about the reported North Korean overseas-worker quotas"
QUOTAS = ("62,000", "3,400", "124,000", "6,800")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("round15") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def text(engine: AnswerEngine, question: str) -> str:
    return "\n".join(lines_in(engine, question, Language.EN))


@pytest.mark.parametrize(
    "question",
    [
        "大连什么时候下雪",
        "萨哈林冬天几度",
        "大连到沈阳的高铁多少钱",
        "大连为啥叫浪漫之都",
        "大连啥时候开始烧暖气啊",
        "다롄 집값 얼마야",
        "사할린 가는 비행기표 얼마",
    ],
)
def test_a_covered_place_with_another_subjects_words_is_off_topic(
    engine: AnswerEngine, question: str
) -> None:
    reply = text(engine, question)
    assert reply.startswith(OFF_TOPIC), reply
    assert not any(f in reply for f in QUOTAS), reply


@pytest.mark.parametrize(
    "question", ["大连什么时候翻倍的", "为什么萨哈林要交这么多", "大连的朝鲜工人交多少钱"]
)
def test_a_covered_place_with_the_reports_words_stays_answered(
    engine: AnswerEngine, question: str
) -> None:
    assert not text(engine, question).startswith(OFF_TOPIC)


@pytest.mark.parametrize(
    "question", ["점심 뭐 먹을까.. 메뉴 추천 좀", "what should i eat, pizza recipe pls"]
)
def test_the_askers_own_meal_beside_another_subject_asks_nothing_of_the_workers(
    engine: AnswerEngine, question: str
) -> None:
    reply = engine.answer(question)
    assert reply.intents == [Intent.OFF_TOPIC], reply.lines


@pytest.mark.parametrize(
    "question", ["给我看看数字", "直接上数据", "具体金额呢", "報個數", "给个数呗", "数字發來看看"]
)
def test_the_figures_asked_in_other_words_list_them(engine: AnswerEngine, question: str) -> None:
    reply = text(engine, question)
    assert "62,000" in reply and "3,400" in reply, reply


@pytest.mark.parametrize(
    "question", ["消息源是哪", "信息源呢", "源头是谁", "emmm 消息源头在哪", "xswl 这数字谁爆的"]
)
def test_the_sources_asked_in_other_words(engine: AnswerEngine, question: str) -> None:
    reply = text(engine, question)
    assert "Daily NK" in reply, reply
    assert not reply.startswith(OFF_TOPIC)


def test_an_outlet_asked_as_a_website(engine: AnswerEngine) -> None:
    assert "HNGN" in text(engine, "yyds 哪个网站报的")


@pytest.mark.parametrize(
    "question", ["萨哈林有没有女工", "库页岛那边有女的朝鲜人吗", "사할린에도 여성 노동자 있어?"]
)
def test_a_topic_at_a_place_none_of_its_facts_is_about(engine: AnswerEngine, question: str) -> None:
    reply = text(engine, question)
    assert "does not say anything about young female workers in Sakhalin" in reply, reply
    assert not any(f in reply for f in QUOTAS), reply


def test_a_topic_at_the_place_its_facts_are_about(engine: AnswerEngine) -> None:
    assert "supervisors" in text(engine, "大连有女工吗")


@pytest.mark.parametrize("question", ["돈 더 내라는 명분이 뭐래", "위에서 왜 더 내라는 거래"])
def test_the_reason_for_paying_more(engine: AnswerEngine, question: str) -> None:
    reply = text(engine, question)
    assert "Party Congress" in reply, reply
    assert "260" not in reply, reply


@pytest.mark.parametrize("question", ["중국 공장 언니들 얘기 있어?", "다롄 공장 누나들 얘기 나와?"])
def test_the_young_women_in_korean_slang(engine: AnswerEngine, question: str) -> None:
    assert "supervisors" in text(engine, question)
