"""Russian, Chinese and Korean readings of round 13, each tested with wordings of no question
set: a quarter in any language (vocabulary/period_asks.json read as English's "a quarter"),
its follow-up at the other time, the amount of a rise in Chinese, a head count with a place
between the count and the workers, a difference said as "minus", pay named only as what a
topic is about, and a fact filed under another topic that names the one asked."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("round13") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def text(engine: AnswerEngine, question: str) -> str:
    return "\n".join(lines_in(engine, question, Language.EN))


@pytest.mark.parametrize(
    "question",
    [
        "сколько в даляне за квартал по новой норме",
        "大连新标准一个季度得交多少",
        "다롄 새 기준으로 분기당 얼마 내요",
    ],
)
def test_a_quarter_is_three_months_in_any_language(engine: AnswerEngine, question: str) -> None:
    reply = text(engine, question)
    assert "20,400" in reply  # 6,800 × 3, labelled
    assert "our arithmetic" in reply


def test_a_quarter_asked_again_before_the_change(engine: AnswerEngine) -> None:
    reply = text(engine, "сахалин за квартал сейчас сколько? а до повышения?")
    assert "372,000" in reply and "186,000" in reply
    reply = text(engine, "за квартал по сахалину по новой норме посчитай. и старую для сравнения")
    assert "372,000" in reply and "186,000" in reply


def test_the_amount_of_a_rise_in_chinese(engine: AnswerEngine) -> None:
    reply = text(engine, "萨哈林每个月提高了多少卢布")
    assert "62,000 rubles (RUB) more a month" in reply
    # "涨到多少": what it rose to, not by how much.
    assert "more a month" not in text(engine, "大连翻倍以后涨到多少")


def test_a_head_count_with_a_place_between(engine: AnswerEngine) -> None:
    reply = text(engine, "20个大连女工按新标准每月一共交多少")
    assert "20 workers × 6,800 yuan (CNY)" in reply
    assert "136,000" in reply
    # "3个月": months, not three workers.
    assert "3 workers" not in text(engine, "萨哈林3个月的工人交多少")


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("сахалинская норма в долларах минус даляньская, по старым цифрам", "$260"),
        ("сумма двух новых норм в долларах", "$2,400"),
        ("사할린 달러 금액에서 다롄 달러 금액 빼면 얼마야", "$260"),
    ],
)
def test_minus_and_sum_are_arithmetic(engine: AnswerEngine, question: str, figure: str) -> None:
    assert figure in text(engine, question)


@pytest.mark.parametrize(
    "question",
    [
        "are the workers able to protest the exploitation of their wages at all?",
        "임금 착취에 항의할 방법이 노동자들한테 있긴 해요?",
        "могут ли рабочие протестовать против того, что у них отнимают зарплату?",
    ],
)
def test_pay_named_by_a_topic_is_not_asked(engine: AnswerEngine, question: str) -> None:
    reply = text(engine, question)
    assert "no means of protesting" in reply
    assert "does not say how much the workers are paid" not in reply


def test_pay_asked_as_an_amount_is_still_silent(engine: AnswerEngine) -> None:
    assert "does not say how much the workers are paid" in text(engine, "how much are they paid")


@pytest.mark.parametrize(
    "question",
    [
        "was saving hard for them even before the doubling?",
        "돈 모으는 게 전에도 힘들었대요?",
        "им и до этого было тяжело копить?",
    ],
)
def test_a_fact_naming_the_topic_asked(engine: AnswerEngine, question: str) -> None:
    reply = text(engine, question)
    # Filed under earnings, it says saving was already difficult.
    assert "so saving money was already difficult" in reply
    assert reply.count("so saving money was already difficult") == 1


def test_a_topic_whose_facts_say_nothing_of_pay_keeps_the_silence(engine: AnswerEngine) -> None:
    reply = text(engine, "in dalian, what is the wage before the loyalty money is taken?")
    assert "does not say how much the workers are paid" in reply


@pytest.fixture(scope="module")
def gazette(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    from testkit.engine import SAMPLE_GAZETTE, engine_with

    path = tmp_path_factory.mktemp("gazette") / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", SAMPLE_GAZETTE))


@pytest.mark.parametrize(
    "question",
    [
        "almaty, what do they hand over each quarter?",
        "알마티는 분기마다 얼마 내요",
        "в алматы за квартал сколько",
    ],
)
def test_a_quarterly_figure_asked_per_quarter_is_itself(
    gazette: AnswerEngine, question: str
) -> None:
    reply = text(gazette, question)
    assert "900,000" in reply
    assert "÷ 3" not in reply  # no month worked out nobody asked for


def test_a_quarterly_figure_asked_per_year_is_still_worked_out(gazette: AnswerEngine) -> None:
    assert "3,600,000" in text(gazette, "almaty per year?")


@pytest.mark.parametrize("question", ["다롄 시장이 누구예요 요즘?", "사할린 지금 기온 몇 도야?"])
def test_a_place_alone_ties_no_other_subject(engine: AnswerEngine, question: str) -> None:
    reply = text(engine, question)
    assert "I can only answer questions about the reported" in reply
    assert "62,000" not in reply and "3,400" not in reply


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("다롄 공장 이름이 뭐예요?", "does not say which companies"),
        ("сахалин сейчас сколько", "62,000"),
    ],
)
def test_a_place_with_an_ask_of_the_report_stays(
    engine: AnswerEngine, question: str, shown: str
) -> None:
    assert shown in text(engine, question)
