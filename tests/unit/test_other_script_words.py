"""Russian words inside a Chinese or Korean message are read by their Russian lemmas
(bot/engine/other_script_words.py): "норма" asks the quota, "зарплата" the wage (which the
report does not give), "источник" the sources; never a place cut out of them ("но")."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.other_script_words import has_cyrillic, russian_words_out
from bot.engine.vocabulary import Attribute, Intent
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("other_script") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    "question",
    [
        "大连那个 норма 是啥时候开始翻倍的？哪天下的指示",
        "萨哈林 норма 多少？还有大连是几号下的命令？",
        "大连的 нормы 现在多少",
        "사할린 норма 얼마야",
        "다롄 норму 언제 올렸어?",
    ],
)
def test_a_russian_word_for_the_quota_asks_the_quota(engine: AnswerEngine, question: str) -> None:
    understood = engine.understand(question)
    assert Intent.QUOTA in understood.intents
    assert understood.unknown_places == []


@pytest.mark.parametrize(
    ("language", "question"),
    [
        (Language.ZH, "萨哈林工人 зарплата 多少钱"),
        (Language.ZH, "萨哈林工人的 зарплату 是多少"),
        (Language.KO, "사할린 노동자 зарплата 얼마 받아?"),
    ],
)
def test_a_russian_word_for_the_wage_asks_the_wage(
    engine: AnswerEngine, language: Language, question: str
) -> None:
    assert Attribute.WAGES in engine.understand(question).attributes
    text = "\n".join(lines_in(engine, question, language)).replace("\xa0", ",")
    assert "124,000" not in text  # the wage is not the quota


@pytest.mark.parametrize("question", ["источник 是谁？在俄罗斯那个人", "이거 источник 누구야"])
def test_a_russian_word_for_the_source_asks_the_sources(
    engine: AnswerEngine, question: str
) -> None:
    assert Intent.SOURCES in engine.understand(question).intents


def test_russian_words_are_taken_out_and_keyed() -> None:
    piece, keys = russian_words_out("大连那个 норма 是啥", lambda word: f"<{word}>")
    assert keys == ["<норма>"]
    assert "норма" not in piece and "大连那个" in piece
    assert russian_words_out("大连多少", str.upper) == ("大连多少", [])
    assert has_cyrillic("a норма") and not has_cyrillic("大连 quota 할당량")
