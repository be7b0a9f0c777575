"""Who said it, asked in words no cue lists (bot/engine/source_asks.py): an asking word
beside a verb of telling or publishing, or a noun for a source, in English (dialect and
slang too), Russian, Chinese and Korean, gets the sources; a verb of telling in a question
about something else does not, and neither does "who" beside any other verb."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.language import Language as EngineLanguage
from bot.engine.source_asks import asks_sources
from bot.engine.translit import mostly_russian
from bot.engine.vocabulary import Intent
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("source_asks") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


# (language, question): each asks who said it, in words no cue of the vocabularies lists.
ASKED = [
    (Language.EN, "who reckons?"),
    (Language.EN, "na who talk am"),
    (Language.EN, "who's the mole in russia feeding them this"),
    (Language.EN, "who carry the story first"),
    (Language.EN, "WHERE DID YOU READ THIS"),
    (Language.EN, "who reckons that, the papers?"),
    (Language.EN, "who leaked it"),
    (Language.EN, "which outlet published this first"),
    (Language.EN, "who snitched on them"),
    (Language.EN, "where did u hear this"),
    (Language.RU, "сорс?"),
    (Language.RU, "кто первый это напечатал, хнгн или кто?"),
    (Language.RU, "кто слил эту инфу"),
    (Language.RU, "а кто это опубликовал?"),
    (Language.RU, "кто крот в россии"),
    (Language.ZH, "这些是哪个说的哦"),
    (Language.ZH, "迭个消息是从啥地方来额"),
    (Language.ZH, "此報導所據為何？係何方人士提供？"),
    (Language.ZH, "哪个透露的"),
    (Language.ZH, "这说法哪里来的啊"),
    (Language.KO, "소스 어디임? 찌라시 아님?"),
    (Language.KO, "이 말 누게가 헌 거우꽈?"),
    (Language.KO, "누가 흘린 얘기임"),
    (Language.KO, "어느 매체가 보도했어?"),
    (Language.KO, "출처?"),
    (Language.KO, "다롄 쪽 정보 준 사람은 어떤 위치 사람이에요?"),
    (Language.KO, "이 기사 어디서 퍼온 거예요"),
    (Language.KO, "어느 언론이 처음 취재했어요?"),
    (Language.KO, "이거 원글 어디임"),
    (Language.ZH, "这些数字打哪儿来的"),
    (Language.ZH, "从哪来的？"),
]

# What a reply naming the sources holds, in each language.
SOURCES_LINE = {
    Language.EN: "a source in Russia",
    Language.RU: "Daily NK",
    Language.ZH: "Daily NK",
    Language.KO: "Daily NK",
}


@pytest.mark.parametrize(("language", "question"), ASKED)
def test_who_said_it_in_other_words_gets_the_sources(
    engine: AnswerEngine, language: Language, question: str
) -> None:
    assert Intent.SOURCES in engine.understand(question).intents
    text = "\n".join(lines_in(engine, question, language))
    assert SOURCES_LINE[language] in text


# A verb of telling or "who" in a question about something else.
NOT_ASKED = [
    (Language.EN, "who pays the quota"),
    (Language.EN, "who feeds the workers"),
    (Language.EN, "who decided to double it"),
    (Language.RU, "кто платит норму"),
    (Language.ZH, "谁来交这个钱"),
    (Language.KO, "누가 할당량을 내?"),
    (Language.KO, "어디서 일하는지 알려줘"),
    (Language.KO, "어떤 사람이 다롄에서 일해요?"),
    (Language.KO, "어디서 돈을 가져와요?"),
]


@pytest.mark.parametrize(("language", "question"), NOT_ASKED)
def test_other_questions_are_not_read_as_asking_the_sources(
    engine: AnswerEngine, language: Language, question: str
) -> None:
    assert not asks_sources(EngineLanguage(language.value), question)
    assert Intent.SOURCES not in engine.understand(question).intents


@pytest.mark.parametrize(
    "question", ["who wrote the bible", "who said the earth is flat", "who reported the match"]
)
def test_an_off_topic_question_with_a_verb_of_telling_stays_off_topic(
    engine: AnswerEngine, question: str
) -> None:
    text = "\n".join(lines_in(engine, question, Language.EN))
    assert "I can only answer questions" in text
    assert "a source in Russia" not in text


def test_an_english_question_word_keeps_a_short_message_english() -> None:
    assert not mostly_russian("na who talk am")
    assert mostly_russian("skolko platyat na sahaline")
    assert mostly_russian("a v harbine?")
