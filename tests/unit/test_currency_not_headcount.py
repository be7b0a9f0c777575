"""A figure followed by a currency word is an amount, never a number of workers, in all four
languages ("3400人民币": the 人 of 人民币 is no person; "3400 bucks for workers"), while a
figure before a word for people still counts them."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("currency_count") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


AMOUNTS = [
    "3400人民币折合多少美元",
    "大连3400人民币是多少卢布",
    "3400人民幣換成美金多少",
    "6800人民币一个月 合多少美元",
    "三千四人民币是多少刀",
    "3400块人民币是多少钱",
    "3400위안 달러로 얼마",
    "62000루블이 원화로 얼마",
    "62000 рублей это сколько долларов",
    "3400 юаней на рабочего это сколько",
    "3400 bucks for workers in usd?",
    "3400 cny for the workers is how much usd",
    "3400 euros workers",
]


@pytest.mark.parametrize("question", AMOUNTS)
def test_an_amount_is_no_head_count(engine: AnswerEngine, question: str) -> None:
    assert engine.understand(question).headcount is None


COUNTS = [
    ("10个工人交多少", 10),
    ("5名朝鲜工人一个月交多少", 5),
    ("20个朝鲜工人每人3400人民币，一共多少", 20),
    ("10명이면 한달에 얼마", 10),
    ("10 рабочих в месяц сколько", 10),
    ("3400 bucks per head for 10 workers", 10),
]


@pytest.mark.parametrize(("question", "count"), COUNTS)
def test_people_after_a_figure_are_still_counted(
    engine: AnswerEngine, question: str, count: int
) -> None:
    assert engine.understand(question).headcount == count


def test_yuan_converted_shows_no_sum_over_workers(engine: AnswerEngine) -> None:
    text = "\n".join(lines_in(engine, "3400人民币 报道里折合多少美刀", Language.ZH))
    assert "名工人" not in text and "23,120,000" not in text, text
    assert "470" in text, text
