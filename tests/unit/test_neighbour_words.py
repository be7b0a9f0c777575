"""Belarusian and Ukrainian words inside a Russian message (bot/engine/neighbour_words.py):
read as Russian by the table's words and by letter correspondences through pymorphy3's
dictionary; ordinary Russian left as it is; the answer the Russian question gets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.neighbour_words import as_russian, russian_word
from bot.engine.wording import speaking
from bot.i18n import Language, translator
from bot.markup import plain_text
from bot.sending.messages import build_messages
from testkit.engine import seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("neighbour") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def reply_of(engine: AnswerEngine, question: str) -> str:
    with speaking(translator(Language.RU)):
        reply = engine.answer(question)
    parts = build_messages(reply.lines, reply.caveats(engine.snapshot), language=Language.RU)
    return "\n".join(plain_text(part) for part in parts)


@pytest.mark.parametrize(
    ("text", "russian"),
    [
        # Belarusian: table words, akanye, "ць", "і", "ў", a soft sign Russian adds
        ("колькі цяпер трэба здаваць?", "сколько теперь надо сдавать?"),
        ("адкуль гэта вядома? хто крыніца?", "откуда это известно? кто источник?"),
        ("а пратэставаць яны могуць?", "а протестовать они могут?"),
        ("колькі ў даляні, мужчыны ці жанчыны?", "сколько в даляне, мужчины или женщины?"),
        ("з якога года яны там працуюць", "с какого года они там работают"),
        # Ukrainian
        ("скільки зараз на сахаліні? і хто джерело", "сколько сейчас на сахалине? и кто источник"),
        # a name no dictionary holds keeps its letters read at cost 0
        ("а ў беларусі ёсць?", "а в беларуси есть?"),
        # a stress mark is no letter
        ("забирало бо\u0301льшую часть", "забирало большую часть"),
    ],
)
def test_neighbour_words_read_as_russian(text: str, russian: str) -> None:
    assert as_russian(text) == russian


@pytest.mark.parametrize(
    "text",
    [
        # ordinary Russian: no mark, no table word, so nothing is read otherwise
        "сколько платят на сахалине сейчас",
        "у них какая квота? па-де-де не спрашиваю",
        "яна из даляня говорит, что з квотой беда",
        "гады, сколько можно",
        "с какого года они там работают",
    ],
)
def test_ordinary_russian_is_left_alone(text: str) -> None:
    assert as_russian(text) == text


def test_a_dictionary_word_stays_and_an_unknown_one_is_walked() -> None:
    assert russian_word("квоте") == "квоте"
    assert russian_word("набяжыць") == "набежит"
    assert russian_word("могуць") == "могут"


def test_a_belarusian_question_gets_the_russian_answer(engine: AnswerEngine) -> None:
    text = reply_of(engine, "колькі ў Даляні цяпер трэба здаваць?")
    assert "3\xa0400 китайских юаней" in text and "Далянь" in text
    assert "не упоминается" not in text
    sources = reply_of(engine, "адкуль гэта вядома? хто крыніца?")
    assert "Daily NK" in sources and "источник в России" in sources
