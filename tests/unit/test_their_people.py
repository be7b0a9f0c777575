"""North Koreans named as people who work are the report's workers (bot/engine/their_people.py):
a question about their pay or quota in such words is about the report, even beside a word of
another subject; soldiers, leaders or North Korea alone stay another subject."""

from __future__ import annotations

import asyncio

import pytest

from bench.understanding import QUOTA_FIGURES, check, reply_text
from bot.engine import AnswerEngine
from bot.engine.language import Language
from bot.engine.their_people import names_their_people
from testkit.engine import seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("their-people") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("how much the allotment of the nk guys in china", Language.EN),
        ("what do the norks lads hand over each month", Language.EN),
        ("north korean construction workers in russia pay what", Language.EN),
        ("сколько отдают северокорейские работяги", Language.RU),
        ("корейцы-строители на сахалине сколько платят", Language.RU),
        ("那些朝鲜小丫头一个月交多少", Language.ZH),
        ("朝鲜的女工每月上交多少", Language.ZH),
        ("北韓勞工一個月要交多少", Language.ZH),
        ("북한 애들 한 달에 얼마 바쳐", Language.KO),
        ("북한 노동자들 월급은", Language.KO),
    ],
)
def test_north_koreans_named_as_people_who_work(text: str, language: Language) -> None:
    assert names_their_people(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("why did north korean soldiers go to russia", Language.EN),
        ("who leads north korea", Language.EN),
        ("почему северная корея запустила ракету", Language.RU),
        ("朝鲜为什么又发射导弹", Language.ZH),
        ("북한 미사일 언제 쐈어", Language.KO),
        ("how much do nurses earn in seoul", Language.EN),
    ],
)
def test_north_korea_alone_or_its_soldiers_are_not_the_workers(
    text: str, language: Language
) -> None:
    assert not names_their_people(text, language)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("pare how much the allotment of the NK guys in china per month", "3,400"),
        ("yo the nk lads on sakhalin, what's their allotment", "62,000"),
        ("那些朝鲜小丫头一个月工资到底能开多少钱？", None),
    ],
)
def test_their_pay_or_quota_is_answered_not_refused(
    engine: AnswerEngine, question: str, figure: str | None
) -> None:
    _reply, text = reply_text(engine, question)
    if figure is None:  # their wage: the report does not say, never the off-topic reply
        expect = {"silent": True, "none": list(QUOTA_FIGURES), "reply_language": "zh"}
    else:
        expect = {"all": [figure], "reply_language": "en"}
    assert check({"question": question, "expect": expect}, text) == [], text


@pytest.mark.parametrize(
    "question",
    ["why did north korean soldiers go to russia", "朝鲜为什么又发射导弹"],
)
def test_another_subject_stays_out_of_scope(engine: AnswerEngine, question: str) -> None:
    _reply, text = reply_text(engine, question)
    language = "zh" if "朝" in question else "en"
    expect = {"scope": True, "none": list(QUOTA_FIGURES), "reply_language": language}
    assert check({"question": question, "expect": expect}, text) == [], text
