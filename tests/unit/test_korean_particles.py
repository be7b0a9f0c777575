"""A Korean particle written on to a name, whatever its script: "데일리nk가", "hngn이",
"rfa는", "사할린에서", "usd로". The name is read whole (a run of Latin letters is never cut
into shorter known words: "rfa는" is not "rf" (Russia) and "a"), the particle taken off."""

from __future__ import annotations

import asyncio
import json

import pytest

from bot.engine import AnswerEngine
from bot.engine.analysis import analyse
from bot.engine.vocabulary import FOLDER
from bot.engine.wording import speaking
from bot.i18n import Language, translator
from bot.markup import plain_text
from testkit.engine import seeded_engine

SUFFIXES = tuple(
    sorted(
        json.loads((FOLDER / "ko.json").read_text(encoding="utf-8"))["suffixes"],
        key=len,
        reverse=True,
    )
)
PARTICLES = ("은", "는", "이", "가", "을", "를", "에서", "의", "도", "랑", "이랑")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("particles") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize("particle", PARTICLES)
@pytest.mark.parametrize("name", ["rfa", "hngn", "dailynk", "usd", "데일리nk", "nk"])
def test_a_latin_name_keeps_its_letters_before_a_particle(name: str, particle: str) -> None:
    # "rf", "a" and "nk" are known words: none may be cut out of a longer Latin run.
    known = {"rf", "a", "n", "hngn", "데일리nk", "nk", "usd"}
    assert analyse(f"{name}{particle}", Language.KO, known, SUFFIXES).tokens == [name]


@pytest.mark.parametrize("particle", PARTICLES)
@pytest.mark.parametrize(
    ("name", "reading"),
    [
        ("사할린", {"places": ["Sakhalin"]}),
        ("다롄", {"places": ["Dalian"]}),
        ("대련", {"places": ["Dalian"]}),
        ("루블", {"currencies": ["RUB"]}),
        ("위안", {"currencies": ["CNY"]}),
        ("usd", {"currencies": ["USD"]}),
        ("cny", {"currencies": ["CNY"]}),
    ],
)
def test_places_and_currencies_with_a_particle(
    engine: AnswerEngine, name: str, reading: dict[str, list[str]], particle: str
) -> None:
    u = engine.understander.understand(f"{name}{particle} 할당량 얼마야")
    for field, values in reading.items():
        assert getattr(u, field) == values, (field, getattr(u, field))


def answer(engine: AnswerEngine, question: str) -> str:
    with speaking(translator(Language.KO)):
        return "\n".join(plain_text(line) for line in engine.answer(question).lines)


@pytest.mark.parametrize(
    "question",
    [
        "데일리nk는 뭐하는 곳이야",
        "데일리엔케이가 뭐야",
        "hngn이랑 데일리nk는 어떤 매체야",
        "데일리nk도 뭐야",
    ],
)
def test_an_outlet_with_a_particle_is_asked_about(engine: AnswerEngine, question: str) -> None:
    reply = answer(engine, question)
    assert "Daily NK" in reply, reply
    assert "62,000" not in reply and "3,400" not in reply, reply


@pytest.mark.parametrize("question", ["rfa는 뭐야", "rfa가 뭔데"])
def test_an_unknown_latin_name_is_no_country_inside_it(engine: AnswerEngine, question: str) -> None:
    # Before: "rfa는" read as "rf" (Russia) + "a": the Sakhalin quota block.
    assert engine.understander.understand(question).countries == []
    assert "62,000" not in answer(engine, question)


@pytest.mark.parametrize(
    ("question", "language", "named"),
    [
        ("london에서 할당량 얼마야", Language.KO, "런던"),
        ("tokyo는 얼마 내", Language.KO, "도쿄"),
        ("квота в london какая", Language.RU, "Лондон"),
        ("london的定额是多少", Language.ZH, "伦敦"),
        ("new york에서 할당량", Language.KO, "뉴욕"),
        ("hong kong 할당량", Language.KO, "홍콩"),
        ("квота в new york", Language.RU, "Нью-Йорк"),
    ],
)
def test_a_city_typed_in_latin_letters_is_one_the_report_does_not_cover(
    engine: AnswerEngine, question: str, language: Language, named: str
) -> None:
    # Before: the Sakhalin quota block, as if the question were about Sakhalin.
    with speaking(translator(language)):
        reply = "\n".join(plain_text(line) for line in engine.answer(question).lines)
    assert reply.count(named) == 1 and "York" not in reply, reply  # not "York 또는 뉴욕"
    assert "62,000" not in reply and "62\xa0000" not in reply, reply


@pytest.mark.parametrize(
    "question", ["sakhalin에서 얼마야", "dalian 할당량은?", "квота на sakhalin"]
)
def test_a_covered_place_in_latin_letters_is_still_answered(
    engine: AnswerEngine, question: str
) -> None:
    u = engine.understander.understand(question)
    assert u.places and not u.regions, (u.places, u.regions)
