"""Korean sums over a period and the dollar gap after the rise, asked the spoken way: the
conditional "-이면" on the period ("일 년이면", "넉 달이면"), the topic "-엔/-엔요" on "after the
rise" ("오른 뒤엔요"), and the dialect's "얼매(나)" for "얼마(나)" (vocabulary/ko.json's
suffixes and weak quota words). Written apart from the sets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("ko_periods") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def _text(engine: AnswerEngine, question: str) -> str:
    return "\n".join(lines_in(engine, question, Language.KO))


@pytest.mark.parametrize(
    ("question", "sums"),
    [
        ("다롄 넉 달이면 얼매나 되노?", ("13,600", "27,200")),
        ("사할린 두 달이면 얼매나 돼?", ("124,000", "248,000")),
        ("다롄 일 년이면 얼마예요?", ("40,800", "81,600")),
        ("사할린 일 년이면 총 얼마 내요?", ("744,000", "1,488,000")),
        ("대련 야들 석 달이면 얼매나 되나?", ("10,200", "20,400")),
    ],
)
def test_a_period_asked_with_the_conditional_or_the_dialect_is_summed(
    engine: AnswerEngine, question: str, sums: tuple[str, str]
) -> None:
    text = _text(engine, question)
    assert all(total in text for total in sums)
    assert "우리의 계산" in text


@pytest.mark.parametrize(
    "question",
    [
        "사할린이랑 다롄 달러 차이 원래 얼마였고 오른 뒤엔요?",
        "사할린이랑 대련, 달러 기준으로 원래 차이가 얼마였어요? 오른 뒤엔요?",
    ],
)
def test_the_gap_before_and_after_the_rise_are_both_given(
    engine: AnswerEngine, question: str
) -> None:
    text = _text(engine, question)
    assert "US$260" in text
    assert "US$520" in text


def test_the_gap_after_the_rise_alone_is_the_new_one(engine: AnswerEngine) -> None:
    text = _text(engine, "다롄이랑 사할린 차이 달러로 얼마? 인상 뒤엔?")
    assert "US$520" in text
    assert "US$260" not in text


@pytest.mark.parametrize(
    "question",
    [
        # Negatives: a word ending in 이면 or 엔 that is no period or rise stays as it was.
        "사할린 할당량 얼마예요?",
        "다롄 할당량 얼매?",
    ],
)
def test_a_plain_quota_question_is_no_sum(engine: AnswerEngine, question: str) -> None:
    text = _text(engine, question)
    assert "합계" not in text
    assert "연간으로" not in text
