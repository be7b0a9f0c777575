"""Chinese written in traditional characters or in Cantonese is read as simplified Mandarin
(bot/engine/written_chinese.py, vocabulary/yue.json): each row is one question written the
Cantonese or traditional way and the Mandarin way; both must get the same reply. The
questions were written apart from the question sets."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.engine import AnswerEngine
from bot.engine.language import Language
from bot.engine.written_chinese import as_mandarin, written
from bot.i18n import Language as UiLanguage
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("written") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


SAME_QUESTION = [
    ("薩哈林嘅配額係幾多", "萨哈林的配额是多少"),
    ("點解朝鮮要加配額", "为什么朝鲜要加配额"),
    ("大連啲工人要交幾多錢", "大连那些工人要交多少钱"),
    ("呢篇報道邊個寫嘅", "这篇报道谁写的"),
    ("佢哋人工幾多", "他们工资多少"),
    ("邊個話嘅", "谁说的"),
    ("大連嗰邊幾時開始加", "大连那边什么时候开始加"),
    ("佢哋可唔可以罷工", "他们可不可以罢工"),
    ("佢哋打算做幾耐先返屋企", "他们打算做多久才回家"),
    ("萨哈林嘅配额系几多", "萨哈林的配额是多少"),  # Cantonese in simplified characters
    ("翻倍之後一年要交幾多", "翻倍之后一年要交多少"),
    ("佢哋一個月搵幾多錢", "他们一个月赚多少钱"),
    ("佢哋可唔可以唔交", "他们可不可以不交"),
    ("當地人點睇", "当地人怎么看"),
    ("薩哈林嗰啲人做幾多個鐘", "萨哈林那些人做多少个小时"),
    ("總共有幾多個北韓工人", "总共有多少个北韩工人"),
    ("佢哋食咩", "他们吃什么"),
]


@pytest.mark.parametrize("pair", SAME_QUESTION, ids=[pair[0] for pair in SAME_QUESTION])
def test_cantonese_and_traditional_get_the_mandarin_reply(
    engine: AnswerEngine, pair: tuple[str, str]
) -> None:
    written_so, mandarin = pair
    assert lines_in(engine, written_so, UiLanguage.ZH) == lines_in(engine, mandarin, UiLanguage.ZH)


def test_a_cantonese_question_gets_its_figure_in_chinese(engine: AnswerEngine) -> None:
    text = "\n".join(lines_in(engine, "薩哈林嘅配額而家係幾多？", UiLanguage.ZH))
    assert "62,000" in text and "124,000" in text
    assert "3,400" not in text
    wages = "\n".join(lines_in(engine, "大連嗰啲工人人工幾多㗎", UiLanguage.ZH))
    assert "报道没有说明" in wages
    assert "3,400" not in wages and "6,800" not in wages


def test_words_that_mean_something_else_in_mandarin_stay_mandarin() -> None:
    # 系 ("system"), 人工 ("artificial"), 话 ("speech"): Cantonese only beside a Cantonese word.
    assert as_mandarin("这个系统的关系") == "这个系统的关系"
    assert as_mandarin("人工智能的话题") == "人工智能的话题"
    assert as_mandarin("電話號碼") == "电话号码"
    assert as_mandarin("佢哋嘅關係") == "他们的关系"
    assert as_mandarin("佢哋話人工係幾多") == "他们说工资是多少"


# Cantonese weather and greetings are no question about the report.
@pytest.mark.parametrize("question", ["大連今日落唔落雨", "點解薩哈林咁凍"])
def test_cantonese_weather_is_off_topic(engine: AnswerEngine, question: str) -> None:
    text = "\n".join(lines_in(engine, question, UiLanguage.ZH))
    assert "只能回答" in text and "62,000" not in text and "3,400" not in text


def test_food_words_stay_food_outside_cantonese() -> None:
    assert as_mandarin("食品安全") == "食品安全"
    assert as_mandarin("佢哋食咩") == "他们吃什么"
    assert as_mandarin("佢哋嘅伙食") == "他们的伙食"


def test_traditional_figures_and_parts_read_as_simplified() -> None:
    assert as_mandarin("一萬二千四百個月，還有") == "一万二千四百个月，还有"
    assert written("大連嘅配額") == ("大连的配额", Language.ZH)
    assert written("quota in dalian") == ("quota in dalian", Language.EN)


def test_reading_a_message_costs_well_under_a_millisecond() -> None:
    as_mandarin("暖身")
    question = "薩哈林同大連嘅工人而家每個月要交幾多錢㗎，點解要加"
    start = time.perf_counter()
    for _ in range(200):
        as_mandarin(question)
    assert (time.perf_counter() - start) / 200 < 0.001
