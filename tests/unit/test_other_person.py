"""An attribute asked of a named person who is not the workers ("how old is kim jong un",
"сколько лет Путину", "习近平多大", "김정은 나이") is that person's, not the workers': the
report does not cover it, so the answer is the scope reply in the asker's language, never
"the report does not say how old the workers are". The workers' own age keeps its silence.
Each case is a wording of its own, written apart from the question sets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.vocabulary import Intent
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("other_person") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


# The workers' age, as each language's silence words it (bot/locale/*/bot.po).
WORKERS_AGE = {
    Language.EN: "how old the workers are",
    Language.RU: "сколько лет рабочим",
    Language.ZH: "工人的年龄",
    Language.KO: "노동자들의 나이",
}

OTHER_PERSON = [
    ("how old is kim jong un", Language.EN),
    ("what's putin's age", Language.EN),
    ("kim jong un age?", Language.EN),
    ("how old is xi jinping now", Language.EN),
    ("сколько лет Ким Чен Ыну", Language.RU),
    ("какой возраст у Путина", Language.RU),
    ("сколько лет Си Цзиньпину?", Language.RU),
    ("Ким Чен Ын возраст", Language.RU),
    ("金正恩多大了", Language.ZH),
    ("普京的年龄是多少", Language.ZH),
    ("习近平今年多大", Language.ZH),
    ("김정은 나이", Language.KO),
    ("푸틴 몇 살이야?", Language.KO),
    ("시진핑 나이가 어떻게 돼?", Language.KO),
]


WORKERS = [
    ("how old are the workers", Language.EN),
    ("what age are the dalian girls", Language.EN),
    ("возраст рабочих", Language.RU),
    ("сколько лет рабочим на Сахалине", Language.RU),
    ("工人多大", Language.ZH),
    ("大连女工的年龄", Language.ZH),
    ("노동자 나이", Language.KO),
    ("다롄 노동자들 몇 살이야", Language.KO),
]


# A name not on the list: whose attribute it is, read from the grammar around the cue.
HELD = [
    ("what is macron's age", Language.EN),
    ("tell me angela merkel's birthday", Language.EN),
    ("whats lukashenko's height", Language.EN),
    ("возраст Макрона", Language.RU),
    ("какой рост у Лукашенко", Language.RU),
    ("дата рождения Меркель?", Language.RU),
    ("马克龙的年龄", Language.ZH),
    ("默克尔的生日是哪天", Language.ZH),
    ("卢卡申科的身高多少", Language.ZH),
    ("마크롱 나이", Language.KO),
    ("메르켈의 생일이 언제야", Language.KO),
    ("루카셴코 키가 몇이야", Language.KO),
]


# Held by the workers, or by no person: the workers' silence as before.
HELD_BY_WORKERS = [
    ("what's each worker's age", Language.EN),
    ("the dalian girls' age?", Language.EN),
    ("возраст работниц в Даляне", Language.RU),
    ("возраст у рабочих какой", Language.RU),
    ("女工们的年龄", Language.ZH),
    ("他们的年龄多大", Language.ZH),
    ("여성 노동자들의 나이", Language.KO),
    ("그들 나이는?", Language.KO),
]


@pytest.mark.parametrize(("question", "language"), OTHER_PERSON + HELD)
def test_another_persons_age_is_out_of_scope(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    answer = engine.answer(question)
    assert Intent.OFF_TOPIC in answer.intents, answer.intents
    text = "\n".join(lines_in(engine, question, language))
    assert WORKERS_AGE[language] not in text, text


@pytest.mark.parametrize(("question", "language"), WORKERS + HELD_BY_WORKERS)
def test_the_workers_age_keeps_its_silence(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    text = "\n".join(lines_in(engine, question, language))
    assert WORKERS_AGE[language] in text, text
