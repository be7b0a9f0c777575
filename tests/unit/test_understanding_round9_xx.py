"""Round 9, Russian, Chinese and Korean, by class of cause: a head count asked with other
people nouns or with the verb first ("сколько северян работает", "сколько там трудится
наших корейцев") is the workforce the report does not give, not the quota; a Chinese
message of several words written without spaces is no terse "为啥?" (a "why" about
something else is off-topic); "要交", "得交" ask the quota; casual Korean "who says so"
("누가 그럼", "누가말함") asks the sources. Each case is a wording of its own, written apart
from the question sets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine

QUOTA_FIGURES = ("62,000", "124,000", "3,400", "6,800")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("round9xx") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def reply(engine: AnswerEngine, question: str) -> str:
    return "\n".join(lines_in(engine, question, Language.EN))


@pytest.mark.parametrize(
    "question",
    [
        "скока вообще северян трудится на сахалине",
        "сколько северокорейских работниц занято на заводах в даляне?",
        "а скока их там щас работает корейцев на сахалине",
        "сколько там пашет наших корейцев на стройке",
        "сколько девушек трудится на заводе в даляне",
    ],
)
def test_a_head_count_with_other_people_words_is_not_the_quota(
    engine: AnswerEngine, question: str
) -> None:
    text = reply(engine, question)
    assert "does not say" in text, text
    assert not any(figure in text for figure in QUOTA_FIGURES), text


def test_what_people_pay_is_still_the_quota(engine: AnswerEngine) -> None:
    text = reply(engine, "сколько северян платят на сахалине")
    assert "62,000" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "为什么我的微博热搜老是刷不出来",
        "为什么天文台今天挂风球",
        "为啥我家网络老是断",
        "點解今日巴士咁遲",
    ],
)
def test_a_chinese_why_about_something_else_is_off_topic(
    engine: AnswerEngine, question: str
) -> None:
    text = reply(engine, question)
    assert "I can only answer" in text, text
    assert "loyalty" not in text, text


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("为啥？", "rose"),
        ("为什么要交这么多", "rose"),
        ("得交多少", "62,000"),
        ("他们交不交", "62,000"),
        ("什么时候的事", "March 10"),
    ],
)
def test_short_chinese_asks_still_answer(engine: AnswerEngine, question: str, shown: str) -> None:
    text = reply(engine, question)
    assert shown in text, text
    assert "I can only answer" not in text, text


@pytest.mark.parametrize(
    "question",
    ["누가그럼?ㅋ", "누가 그럼?", "누가말함?", "이거 누가 그랬음?", "누가 그러는데?"],
)
def test_casual_korean_who_says_so_asks_the_sources(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert "Daily NK" in text, text
    assert "I can only answer" not in text, text


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("두배면 몇퍼 오른거임", "100%"),
        ("사할린 몇퍼 오름?", "100%"),
        ("다롄은 몇 퍼 올랐어", "100%"),
        ("왜 올림?", "rose"),
    ],
)
def test_casual_korean_percent_and_rise(engine: AnswerEngine, question: str, shown: str) -> None:
    text = reply(engine, question)
    assert shown in text, text


@pytest.mark.parametrize(
    "question",
    [
        "这事儿一共涉及几个地方",
        "涉及哪些国家",
        "в каких местах это всё",
        "о каких странах речь",
        "몇 군데 얘기임?",
        "어디어디 나와요?",
    ],
)
def test_which_places_the_report_covers_lists_both(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert "Sakhalin" in text and "Dalian" in text, text
    assert "I can only answer" not in text, text
