"""Does a part ask about the sourcing, and which aspect (bot/engine/source_aspects.py, cues in
vocabulary/sourcing_cues.json): a short ask of who says so typed with a slip is mended; a
link, firsthand or secondhand, and an outlet the reader suggests are aspects of their own,
each answered from the report's own fields; an outlet a stored report does name is no
suggestion to deny."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.language import Language as EngineLanguage
from bot.engine.source_aspects import SourceAspect, first_look, mended
from bot.engine.vocabulary import Attribute, Intent
from bot.i18n import Language
from testkit.engine import RFA_2020, engine_with, lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("source_aspects") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.fixture(scope="module")
def rfa_engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("source_aspects_rfa") / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", RFA_2020))


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("who days so", "who says so"),
        ("Who siad so??", "Who said so??"),
        ("says hwo", "says who"),
        ("ok but who sayd that lol", "ok but who said that lol"),
    ],
)
def test_a_slip_in_a_short_ask_is_mended(typed: str, meant: str) -> None:
    assert mended(EngineLanguage.EN, typed) == meant


@pytest.mark.parametrize(
    "text",
    [
        "who pays so much",  # a word of "never": no slip
        "who paid",
        "who says so",  # nothing to mend
        "who laid off the workers in sakhalin",  # a two-word ask only as the whole part
        "so who days so, the source in russia or the one in china or both of them",  # long
    ],
)
def test_no_slip_is_mended_where_none_is(text: str) -> None:
    assert mended(EngineLanguage.EN, text) == text


@pytest.mark.parametrize(
    ("language", "text", "aspect"),
    [
        (EngineLanguage.EN, "link to the original daily nk story?", SourceAspect.LINK),
        (EngineLanguage.EN, "url?", SourceAspect.LINK),
        (EngineLanguage.RU, "ссылку на оригинал дай", SourceAspect.LINK),
        (EngineLanguage.ZH, "有原文链接吗", SourceAspect.LINK),
        (EngineLanguage.KO, "원문 링크 있어요?", SourceAspect.LINK),
        (EngineLanguage.EN, "is this firsthand or secondhand", SourceAspect.FIRSTHAND),
        (EngineLanguage.RU, "это из первых рук?", SourceAspect.FIRSTHAND),
        (EngineLanguage.ZH, "这是一手消息吗", SourceAspect.FIRSTHAND),
        (EngineLanguage.KO, "직접 취재한 거예요?", SourceAspect.FIRSTHAND),
    ],
)
def test_aspects_are_read(language: EngineLanguage, text: str, aspect: SourceAspect) -> None:
    assert aspect in first_look(language, text).aspects


@pytest.mark.parametrize(
    ("language", "text", "outlet"),
    [
        (EngineLanguage.EN, "is this from yonhap?", "Yonhap"),
        (EngineLanguage.EN, "reuters?", "Reuters"),
        (EngineLanguage.KO, "이거 테레비서 KBS가 낸 거 아닌가 그라제?", "KBS"),
        (EngineLanguage.KO, "통일부 공식 발표라고 보면 되는거지?", "the Ministry of Unification"),
        (EngineLanguage.ZH, "这是韩联社报道的吗", "Yonhap"),
        (EngineLanguage.RU, "это ТАСС написал?", "TASS"),
    ],
)
def test_a_suggested_outlet_is_read(language: EngineLanguage, text: str, outlet: str) -> None:
    ask = first_look(language, text)
    assert SourceAspect.SUGGESTED in ask.aspects
    assert ask.suggested == (outlet,)


@pytest.mark.parametrize(
    "text",
    [
        "is there a link between the quota and their wages in sakhalin",  # a link: a relation
        "what channel is kbs on tonight for the football",  # an outlet, nothing published
        "how much do workers in sakhalin pay",
    ],
)
def test_no_aspect_where_none_is_asked(text: str) -> None:
    assert not first_look(EngineLanguage.EN, text).aspects


def test_who_days_so_gets_the_sources(engine: AnswerEngine) -> None:
    understood = engine.understand("who days so")
    assert Intent.SOURCES in understood.segments[0].intents
    text = "\n".join(lines_in(engine, "who days so", Language.EN))
    assert "Who says so:" in text
    assert "Daily NK" in text


def test_a_link_asked_gets_the_reports_silence_and_what_it_names(engine: AnswerEngine) -> None:
    lines = lines_in(engine, "link to the original daily nk story?", Language.EN)
    assert (
        "The report gives no link or URL: it names HNGN as the outlet and Daily NK as the "
        "original reporting."
    ) in lines


def test_firsthand_gets_who_carried_it(engine: AnswerEngine) -> None:
    lines = lines_in(engine, "is this firsthand or secondhand", Language.EN)
    assert "HNGN did not report it firsthand: it relies on reporting by Daily NK." in lines


@pytest.mark.parametrize(
    ("question", "language", "expected"),
    [
        (
            "is this from yonhap?",
            Language.EN,
            "No: the report does not name Yonhap as its source. It was published by HNGN, "
            "relying on reporting by Daily NK.",
        ),
        (
            "이거 통일부 발표라고 받은글에 써있던데 맞나요🙏",
            Language.KO,
            "아니요. 보도는 통일부을(를) 출처로 밝히지 않습니다. Daily NK의 보도를 인용해 "
            "HNGN이(가) 게재한 기사입니다.",
        ),
        (
            "这是韩联社报道的吗",
            Language.ZH,
            "不是：报道没有把韩联社列为消息来源。它由HNGN依据Daily NK的报道刊登。",
        ),
    ],
)
def test_a_suggested_outlet_is_denied_with_the_real_attribution(
    engine: AnswerEngine, question: str, language: Language, expected: str
) -> None:
    lines = lines_in(engine, question, language)
    assert expected in lines
    assert any("Daily NK" in line for line in lines)


def test_an_outlet_a_stored_report_names_is_not_denied(rfa_engine: AnswerEngine) -> None:
    text = "\n".join(lines_in(rfa_engine, "is this from radio free asia?", Language.EN))
    assert "does not name Radio Free Asia" not in text


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("HNGN это вообще нормальное издание или помойка?", Language.RU),
        ("HNGN is a content farm, why should anyone believe this", Language.EN),
    ],
)
def test_trust_beside_an_outlet_asks_whether_to_trust_it(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    understood = engine.understand(question)
    assert {Intent.ARTICLE, Intent.VERIFIED} <= set(understood.segments[0].intents)
    text = "\n".join(lines_in(engine, question, language))
    assert "Daily NK" in text
    assert "farm" not in text


def test_trust_without_an_outlet_asks_nothing_of_the_sources(engine: AnswerEngine) -> None:
    understood = engine.understand("это нормальная зарплата для сахалина?")
    assert Intent.VERIFIED not in understood.segments[0].intents
    assert Intent.SOURCES not in understood.segments[0].intents


def test_who_they_are_after_the_sources_asks_who_the_sources_are(engine: AnswerEngine) -> None:
    understood = engine.understand("anonymous sources = made up. who are they even")
    assert understood.segments[1].attributes == [Attribute.SOURCE_IDENTITY]
    text = "\n".join(
        lines_in(engine, "anonymous sources = made up. who are they even", Language.EN)
    )
    assert "The report does not say who the sources are" in text
    assert "who HNGN is" not in text
    # Alone, "who are they" is still read as it was (what an outlet is).
    alone = engine.understand("who are they")
    assert alone.segments[0].attributes == [Attribute.OUTLET_PROFILE]


def test_which_outlet_is_behind_asks_the_sources(engine: AnswerEngine) -> None:
    understood = engine.understand("which outlet is behind the sakhalin doubling")
    assert Intent.SOURCES in understood.segments[0].intents


@pytest.mark.parametrize(
    ("language", "text"),
    [(EngineLanguage.ZH, "谁收的"), (EngineLanguage.KO, "누가 그레")],
)
def test_no_slip_is_mended_in_chinese_or_korean(language: EngineLanguage, text: str) -> None:
    assert mended(language, text) == text


def test_a_russian_slip_is_mended() -> None:
    assert mended(EngineLanguage.RU, "кто скозал?") == "кто сказал?"


def test_a_person_is_a_suggested_source_only_beside_a_word_of_their_own(
    engine: AnswerEngine,
) -> None:
    ask = first_look(EngineLanguage.ZH, "这事儿是金正恩亲口说的吧")
    assert ask.suggested == ("Kim Jong Un",)
    assert not first_look(EngineLanguage.ZH, "金正恩是谁").suggested
    assert not first_look(EngineLanguage.EN, "is kim jong un from pyongyang?").suggested
    lines = lines_in(engine, "这事儿是金正恩亲口说的吧", Language.ZH)
    assert "不是：报道没有把金正恩列为消息来源。它由HNGN依据Daily NK的报道刊登。" in lines


def test_a_stored_reports_outlet_is_no_suggestion() -> None:
    stored = ("hngn", "daily nk", "radio free asia", "rfa")
    assert not first_look(EngineLanguage.EN, "radio free asia", stored).suggested
    assert first_look(EngineLanguage.EN, "radio free asia").suggested == ("Radio Free Asia",)
    assert not first_look(EngineLanguage.ZH, "二手房多少钱一平").aspects  # goods, not a source
