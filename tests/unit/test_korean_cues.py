"""Korean questions the way strangers write them (Yanbian and North Korean spellings,
short colloquial asks), each cue checked on variants of its own, not on a set's question."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.vocabulary import Intent
from bot.engine.wording import speaking
from bot.i18n import Language, translator
from bot.markup import plain_text
from testkit.engine import seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("korean") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def answer(engine: AnswerEngine, question: str) -> str:
    with speaking(translator(Language.KO)):
        return "\n".join(plain_text(line) for line in engine.answer(question).lines)


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("따렌은 얼마 내요", "Dalian"),
        ("따롄 공장 할당량", "Dalian"),
        ("싸할린 할당량 알려줘", "Sakhalin"),
        ("사하린 노동자들 얼마 냄", "Sakhalin"),
    ],
)
def test_yanbian_spellings_of_the_places(engine: AnswerEngine, question: str, place: str) -> None:
    assert engine.understander.understand(question).places == [place]


@pytest.mark.parametrize("question", ["로씨야 쪽 노동자들 할당량", "로시아에서는 얼마 바쳐"])
def test_yanbian_spellings_of_russia(engine: AnswerEngine, question: str) -> None:
    assert engine.understander.understand(question).countries == ["RU"]
    reply = answer(engine, question)
    assert "62,000" in reply
    assert "3,400" not in reply


@pytest.mark.parametrize(
    "question",
    ["누가 그런 소리를 했어", "누가 그런 소리 하는데", "누가 전한 얘기야", "이거 누가 제보한 거임"],
)
def test_who_says_so_asks_for_the_sources(engine: AnswerEngine, question: str) -> None:
    reply = answer(engine, question)
    assert "Daily NK" in reply
    assert "소식통" in reply
    assert "질문에만 답할 수" not in reply


@pytest.mark.parametrize(
    ("question", "absent"),
    [("다롄 얘기는 누가 제보했어", "62,000"), ("사할린 얘기는 누가 전한거요", "124,000")],
)
def test_who_told_one_place_s_story(engine: AnswerEngine, question: str, absent: str) -> None:
    understanding = engine.understander.understand(question)
    assert Intent.SOURCES in understanding.intents
    assert absent not in answer(engine, question)


@pytest.mark.parametrize(
    "question",
    ["노동자들 얼마나 뜯겨", "해외 노동자들 돈 얼마나 빼앗기는데", "북한 노동자들 얼마나 떼이냐"],
)
def test_being_fleeced_asks_the_quota(engine: AnswerEngine, question: str) -> None:
    reply = answer(engine, question)
    assert "62,000" in reply
    assert "3,400" in reply
