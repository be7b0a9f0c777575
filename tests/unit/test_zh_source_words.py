"""Chinese asks for the sources in a reporter's or an official's words: 信源, 一手/二手,
转述, 从何而来, 来路, 反映上来, 口径来自 (vocabulary/zh.json "sources"). Written apart from
the sets; an everyday 二手 (second-hand goods) stays off-topic."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine

SOURCES = "消息来源："
SCOPE = "我只能回答有关所报道的朝鲜海外劳工指标的问题"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("zh_sources") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    "question",
    [
        "信源是哪家？",
        "这是一手消息还是二手转述的？",
        "數據從何而來？",
        "這說法的來路是什麼",
        "这个事是谁反映上来的",
        "数字口径来自哪",
    ],
)
def test_a_source_asked_in_other_words_gets_the_sources(
    engine: AnswerEngine, question: str
) -> None:
    assert lines_in(engine, question, Language.ZH)[0] == SOURCES


def test_second_hand_goods_stay_off_topic(engine: AnswerEngine) -> None:
    assert lines_in(engine, "二手房多少钱一平", Language.ZH)[0].startswith(SCOPE)
