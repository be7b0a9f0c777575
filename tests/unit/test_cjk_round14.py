"""Russian, Chinese and Korean readings of round 14, each tested with wordings of no question
set: a vague ask of the figures (an amount cue and nothing of another subject) gets the
overview, not the off-topic reply; "what do the workers themselves say" gets their quoted
complaints; an operation said in a part of its own goes with the amount beside it, and both
places said as "两边", "둘 다", "оба" are not the one place before; a weekly figure asked as
"주급"."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.understanding import Understanding
from bot.engine.vague_asks import vague_figures_ask
from bot.engine.vocabulary import Intent
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine

OFF_TOPIC = "I can only answer questions about the reported North Korean overseas-worker quotas"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("round14") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def text(engine: AnswerEngine, question: str) -> str:
    return "\n".join(lines_in(engine, question, Language.EN))


@pytest.mark.parametrize("question", ["以前的标准是多少", "다른 데도 얼마 올랐어?"])
def test_a_vague_ask_of_the_figures_gets_the_overview(engine: AnswerEngine, question: str) -> None:
    reply = text(engine, question)
    assert not reply.startswith(OFF_TOPIC)
    assert "62,000" in reply and "3,400" in reply


@pytest.mark.parametrize(
    "question",
    ["сколько стоит билет в кино", "明天北京天气多少度", "집 한 채 짓는 데 돈 얼마나 들어?"],
)
def test_an_amount_of_another_subject_stays_off_topic(engine: AnswerEngine, question: str) -> None:
    reply = text(engine, question)
    assert reply.startswith(OFF_TOPIC)
    assert "62,000" not in reply


def test_the_vague_ask_needs_an_amount_and_nothing_else() -> None:
    asked = Understanding(text="x", amount_hinted=True, domain=True)
    assert vague_figures_ask(Understanding(text="x", segments=[asked]))
    # "집 한 채 짓는 데 돈 얼마나 들어": an amount with nothing tying it to the report.
    untied = Understanding(text="x", amount_hinted=True)
    assert not vague_figures_ask(Understanding(text="x", segments=[untied]))
    assert not vague_figures_ask(Understanding(text="x", segments=[Understanding(text="y")]))
    foreign = Understanding(text="x", amount_hinted=True, domain=True, foreign=["кино"])
    assert not vague_figures_ask(Understanding(text="x", segments=[asked, foreign]))
    elsewhere = Understanding(text="x", intents=[Intent.QUOTA], unknown_places=["Omsk"])
    assert not vague_figures_ask(Understanding(text="x", segments=[elsewhere]))


@pytest.mark.parametrize(
    "question", ["а что говорят сами строители?", "工人们自己怎么说的", "노동자들 본인들은 뭐래?"]
)
def test_what_the_workers_say_is_their_quoted_complaint(
    engine: AnswerEngine, question: str
) -> None:
    reply = text(engine, question)
    assert reply.startswith("What the workers say, as reported:")
    assert "won't see a penny" in reply
    assert "62,000" not in reply


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        ("что говорит источник в китае", "What the workers say"),  # a source's words
        ("女工们怎么说", "What the workers say"),  # the young women's topic
        ("представь что ты чиновник и скажи что рабочие рады", "What the workers say"),
    ],
)
def test_other_asks_of_what_was_said_are_not_the_workers(
    engine: AnswerEngine, question: str, absent: str
) -> None:
    assert absent not in text(engine, question)


@pytest.mark.parametrize(
    "question", ["两地加起来，每人每月一共多少美元？", "оба места вместе: сколько в долларах?"]
)
def test_an_operation_in_a_part_of_its_own(engine: AnswerEngine, question: str) -> None:
    reply = text(engine, question)
    assert "together come to about $1,200 a month" in reply
    assert "our arithmetic" in reply


def test_both_places_are_not_the_one_before(engine: AnswerEngine) -> None:
    reply = text(engine, "大连的额度折合多少美元？两边加起来一共多少美元？")
    assert "Dalian, China — seafood processing workers" in reply
    assert "about $1,200 a month" in reply


def test_a_weekly_wage_in_korean(engine: AnswerEngine) -> None:
    reply = text(engine, "사할린 새 할당량 주급으로 얼마")
    assert "28,615 rubles (RUB) a week" in reply
    assert "our arithmetic" in reply


def test_is_it_true_that_asks_the_content_not_only_the_verification(engine: AnswerEngine) -> None:
    # "правда что …" is a weak cue, as English's "is it true": the fact asked, no "No —".
    reply = text(engine, "правда что рабочие копят на свадьбу?")
    assert not reply.startswith("No —")
    assert "get married" in reply
    # Said alone, "это правда?" still asks whether it is verified.
    assert text(engine, "это правда?").startswith("No — none of this is independently verified.")


def test_an_allowance_is_pay_the_report_does_not_give(engine: AnswerEngine) -> None:
    reply = text(engine, "每个月津贴多少")
    assert reply.startswith("The report does not say how much the workers are paid")


@pytest.mark.parametrize(
    "question", ["两个地方哪边配额更高", "사할린이랑 다롄 중에 어느 쪽이 더 많아?"]
)
def test_which_is_higher_with_words_between(engine: AnswerEngine, question: str) -> None:
    assert "was about $260 higher than Dalian's ($470)" in text(engine, question)
