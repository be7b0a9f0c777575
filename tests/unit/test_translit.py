"""Russian typed in Latin letters (bot/engine/translit.py): the reading of each word in
every common scheme, English words left alone, and the reply's language (a message mostly
of translit Russian is answered in Russian, English with a few translit words in English)."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.translit import cyrillic, mostly_russian
from bot.engine.wording import speaking
from bot.i18n import DEFAULT_LANGUAGE, Language, detect, translator
from bot.markup import plain_text
from bot.sending.messages import build_messages
from testkit.engine import seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("translit") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def reply_of(engine: AnswerEngine, question: str) -> tuple[Language, str]:
    """The reply as a chat without a stored language choice gets it (as ``bot ask``)."""
    language = detect(question) or DEFAULT_LANGUAGE
    with speaking(translator(language)):
        reply = engine.answer(question)
    parts = build_messages(reply.lines, reply.caveats(engine.snapshot), language=language)
    return language, "\n".join(plain_text(part) for part in parts)


READINGS = [
    # the soft sign dropped, or an apostrophe for it
    ("skolko", "сколько"),
    ("skol'ko", "сколько"),
    ("dengi", "деньги"),
    # ц as ts, c or tz; й and ы as i or y
    ("koreitsy", "корейцы"),
    ("koreytsy", "корейцы"),
    ("koreicy", "корейцы"),
    ("koreitsev", "корейцев"),
    # х as kh or h; щ as shch or sch
    ("sakhaline", "сахалине"),
    ("sahaline", "сахалине"),
    ("shchas", "щас"),
    ("schas", "щас"),
    ("tyshch", "тыщ"),
    # я and ю as ya, ja or ia; yu, ju or iu
    ("platyat", "платят"),
    ("platjat", "платят"),
    ("platiat", "платят"),
    ("poluchayut", "получают"),
    ("poluchajut", "получают"),
    ("tysyach", "тысяч"),
    ("zarplata", "зарплата"),
    ("kvota", "квота"),
    ("pravda", "правда"),
    ("vladik", "владик"),
    ("yesli", "если"),
    ("eshe", "ещё"),
    ("eshche", "ещё"),
    ("zhizn", "жизнь"),
    ("seychas", "сейчас"),
    ("sejchas", "сейчас"),
    ("mesjac", "месяц"),
    ("rabochikh", "рабочих"),
    ("rabochih", "рабочих"),
]


@pytest.mark.parametrize(("latin", "russian"), READINGS)
def test_each_scheme_reads_the_same_word(latin: str, russian: str) -> None:
    assert cyrillic(latin) == russian


@pytest.mark.parametrize(
    "word", ["hear", "sailor", "mention", "water", "think", "quota", "contract", "the", "how"]
)
def test_english_words_are_no_russian(word: str) -> None:
    assert cyrillic(word) is None


@pytest.mark.parametrize(
    "text",
    [
        "sahalin kvota skolko",
        "skolko platyat koreitsam na sakhaline",
        "zarplata koreitsev v daliane",
        "pravda chto kvotu udvoili?",
    ],
)
def test_a_message_mostly_of_translit_is_russian(text: str) -> None:
    assert mostly_russian(text)
    assert detect(text) is Language.RU


@pytest.mark.parametrize(
    "text",
    [
        "3 years on sakhalin at new rate how much total, skolko",
        "in vladik we hear about koreans on sakhalin. quota how much per man",
        "how much is the kvota on sakhalin",
        "my brat works in dalian, what do they pay",
        "most workers plan to stay",
    ],
)
def test_english_with_a_few_translit_words_stays_english(text: str) -> None:
    assert not mostly_russian(text)
    assert detect(text) is Language.EN


@pytest.mark.parametrize(
    "question",
    [
        "sahalin kvota skolko",
        "skolko kvota na sakhaline",
        "kakaya kvota na sahaline?",
        "skol'ko platit kazhdyi rabochii na sakhaline",
    ],
)
def test_the_sakhalin_quota_in_translit_is_answered_in_russian(
    engine: AnswerEngine, question: str
) -> None:
    language, text = reply_of(engine, question)
    assert language is Language.RU
    assert "62 000" in text.replace("\u00a0", " ").replace("\u202f", " ")
    assert "Сахалин" in text
    assert "Before:" not in text


@pytest.mark.parametrize(
    "question",
    [
        "3 years on sakhalin at new rate how much total, skolko",
        "skolko for 3 years on sakhalin at the new rate",
    ],
)
def test_a_translit_word_in_english_keeps_the_english_answer(
    engine: AnswerEngine, question: str
) -> None:
    language, text = reply_of(engine, question)
    assert language is Language.EN
    assert "4,464,000" in text
    assert "does not mention" not in text


def test_a_translit_place_is_no_unknown_place(engine: AnswerEngine) -> None:
    language, text = reply_of(engine, "in vladik we hear about koreans on sakhalin. quota how much")
    assert language is Language.EN
    assert "62,000" in text
    assert "vladik" not in text.lower()


@pytest.mark.parametrize(
    "question",
    [
        "what is the zarplata of koreans in dalian",
        "how much zarplata do workers get in dalian",
    ],
)
def test_a_translit_attribute_in_english_is_the_attribute(
    engine: AnswerEngine, question: str
) -> None:
    language, text = reply_of(engine, question)
    assert language is Language.EN
    assert "does not say how much the workers are paid" in text
    assert "3,400" not in text


@pytest.mark.parametrize("word", ["harry potter", "how tall is everest", "sakhalin and dalian"])
def test_names_spelled_alike_make_no_message_russian(word: str) -> None:
    assert not mostly_russian(f"who wrote {word}")
