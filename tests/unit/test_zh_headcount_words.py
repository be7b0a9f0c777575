"""A head count asked in Chinese with any word for "how many" (多少, 几, 几多, a question's
好多个) before a measure word and a word for the workers is the workforce the report does
not give, not the quota (zh.json's patterns); "好多个工人都说…" says "many" and asks nothing."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.vocabulary import Attribute
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("zh_headcount") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


ASKED = [
    "萨哈林那边到底有好多个朝鲜工人嘛",
    "大连有几多工人",
    "有几名劳工在大连？",
    "萨哈林有几个北韩人啊",
    "大連到底有幾多個朝鮮工人",
]


@pytest.mark.parametrize("question", ASKED)
def test_a_head_count_asked_is_not_given_and_not_the_quota(
    engine: AnswerEngine, question: str
) -> None:
    assert Attribute.WORKFORCE in engine.understand(question).attributes
    text = "\n".join(lines_in(engine, question, Language.ZH))
    assert not any(f in text for f in ("62,000", "3,400", "124,000", "6,800")), text


@pytest.mark.parametrize("question", ["好多个工人都说翻倍了", "多少人民币", "大连每个人交多少"])
def test_many_workers_said_or_a_sum_asked_is_no_head_count(
    engine: AnswerEngine, question: str
) -> None:
    assert Attribute.WORKFORCE not in engine.understand(question).attributes
