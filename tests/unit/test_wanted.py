"""Which read intents a part answers (bot/engine/wanted.py), on parts the seed's reader reads."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent
from bot.engine.wanted import settle_wanted
from testkit.engine import seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("wanted") / "store.db"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def _part(engine: AnswerEngine, question: str) -> Understanding:
    return engine.understand(question).segments[0]


def test_a_comparison_beats_the_plain_quota(engine: AnswerEngine) -> None:
    part = _part(engine, "which quota is higher")
    wanted, topics = settle_wanted(part, {Intent.COMPARE, Intent.QUOTA}, ["reason"])
    assert (wanted, topics) == ({Intent.COMPARE}, ["reason"])


def test_a_named_subject_turns_a_list_into_its_quota(engine: AnswerEngine) -> None:
    part = _part(engine, "list sakhalin")
    assert part.has_subject
    assert settle_wanted(part, {Intent.LIST}, []) == ({Intent.QUOTA}, [])


def test_a_summary_of_the_whole_report_stands_alone(engine: AnswerEngine) -> None:
    part = _part(engine, "summarise it")
    assert not part.has_subject
    assert settle_wanted(part, {Intent.SUMMARY, Intent.DATE}, ["reason"]) == (
        {Intent.SUMMARY},
        [],
    )


def test_a_summary_of_one_place_is_its_quota_block(engine: AnswerEngine) -> None:
    part = _part(engine, "tldr dalian")
    assert settle_wanted(part, {Intent.SUMMARY}, []) == ({Intent.QUOTA}, [])


def test_a_greeting_inside_a_question_is_no_request(engine: AnswerEngine) -> None:
    part = _part(engine, "hey what's the quota in dalian")
    assert settle_wanted(part, {Intent.GREETING, Intent.QUOTA}, []) == ({Intent.QUOTA}, [])


def test_asking_about_the_bot_keeps_only_the_bot_and_verification(engine: AnswerEngine) -> None:
    part = _part(engine, "are you a bot for the government")
    wanted, topics = settle_wanted(part, {Intent.ABOUT_BOT, Intent.QUOTA, Intent.VERIFIED}, ["x"])
    assert (wanted, topics) == ({Intent.ABOUT_BOT, Intent.VERIFIED}, [])
