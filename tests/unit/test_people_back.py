"""People named back and nothing else asked (bot/engine/people_back.py): "what about the
factory hands" asks the figures of the report's workers, of the kind of work a stored
alias's words name, else every place's; another subject's people stay off-topic. And another
subject's thing asked of the workers or the quota's frame (bot/engine/other_of_workers.py):
the report's silence on it, not the off-topic reply. Wordings of these tests are in no set."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.vocabulary import Intent
from testkit.engine import body_of, seeded_engine

SAKHALIN, DALIAN = "62,000 rubles", "3,400 yuan"
OFF_TOPIC = "I can only answer questions about the reported North Korean"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("people-back") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    "question",
    [
        "so what do the seasonal hands at the fish plant hand over",
        "and the chaps at the processing plant, how much",
        "ok but the blokes at the seafood factory?",
    ],
)
def test_people_named_back_at_a_kind_of_work_get_its_figures(
    engine: AnswerEngine, question: str
) -> None:
    body = body_of(engine, question)
    assert DALIAN in body and SAKHALIN not in body
    assert Intent.QUOTA in engine.answer(question).intents


@pytest.mark.parametrize(
    "question",
    [
        "what are the comrades forking over these days",
        "and the fellas on the scaffolding?",
        "what about the others, same story?",
    ],
)
def test_people_named_back_with_no_kind_of_work_get_every_figure(
    engine: AnswerEngine, question: str
) -> None:
    body = body_of(engine, question)
    assert SAKHALIN in body and DALIAN in body


@pytest.mark.parametrize(
    "question",
    [
        "what did the boys think of the match",
        "who are the best players in the league",
        "what about the guys in the band, are they touring",
    ],
)
def test_another_subjects_people_stay_off_topic(engine: AnswerEngine, question: str) -> None:
    body = body_of(engine, question)
    assert OFF_TOPIC in body
    assert SAKHALIN not in body and DALIAN not in body


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("what does a cinema ticket cost the nk lads in dalian", "cinema ticket"),
        ("how much does a gym membership cost them", "gym membership"),
    ],
)
def test_another_subjects_thing_asked_of_the_workers_is_a_silence(
    engine: AnswerEngine, question: str, named: str
) -> None:
    body = body_of(engine, question)
    assert f"The report does not say anything about {named}." in body
    assert "It covers quota figures for Sakhalin, Russia and Dalian, China." in body
    assert SAKHALIN not in body and OFF_TOPIC not in body
    assert engine.answer(question).intents == [Intent.SILENT]
