"""What a report's statements and quotes say about the thing a question asks, in any of the
four languages (bot/engine/concept_facts.py): the question's words read into shared concepts
by the cue data of its language (vocabulary/concepts.json), matched against the English words
of the stored facts. Over a made-up report of our own (testkit/reports/test_quay_2026.json:
passports and containers in Durban, shifts, a Sunday off and a penalty in Lusaka, an embassy
denial, a recruiter's correction, what the money is for) with wordings written for these
tests, none of them in a question set; each negative says what must not happen.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from bot.engine.concept_facts import asked_concepts, asks_amount
from bot.i18n import Language
from testkit.engine import engine_with, lines_in, text_of

QUAY = Path(__file__).parents[2] / "testkit" / "reports" / "test_quay_2026.json"


@pytest.fixture(scope="module")
def quay(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("quay") / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", QUAY))


def names(text: str) -> list[str]:
    return [concept.name for concept in asked_concepts(text)]


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("у них паспорта отбирают?", "passports"),
        ("护照被收走了吗", "passports"),
        ("여권은 누가 갖고 있어요", "passports"),
        ("do they get to keep their passports", "passports"),
        ("а выходные у них бывают?", "days_off"),
        ("礼拜天休息吗", "days_off"),
        ("일요일에 쉬어요?", "days_off"),
        ("do they ever get a day off", "days_off"),
        ("где они живут, в общаге?", "housing"),
        ("他们住在哪", "housing"),
        ("그 사람들 어디서 자요", "housing"),
        ("what happens if a crew falls behind", "penalty"),
        ("а если норму не выполнят, штраф?", "penalty"),
        ("完不成任务会被罚吗", "penalty"),
        ("못 채우면 처벌 받아요?", "penalty"),
        ("did the foreman change his story", "correction"),
        ("он сначала другую цифру называл?", "correction"),
        ("那个人后来改口了吗", "correction"),
        ("처음에 다른 숫자 말했다가 정정했어요?", "correction"),
        ("what is the money for", "purpose"),
        ("на что идут эти деньги", "purpose"),
        ("这些钱用来干什么", "purpose"),
        ("그 돈 어디에 쓴대요", "purpose"),
    ],
)
def test_a_question_carries_its_concept_in_each_language(text: str, concept: str) -> None:
    assert concept in names(text)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("they risk a lot", "food"),  # no English cue is a word's start
        ("они рискуют", "food"),  # "рис=" is rice whole, not the start of "рискуют"
        ("the restaurant workers", "days_off"),  # "rest" whole, not "restaurant"
        ("почему в дохе снизили", "hours"),
        ("what do the workers call it", "passports"),
    ],
)
def test_a_word_that_only_starts_like_a_cue_carries_nothing(text: str, concept: str) -> None:
    assert concept not in names(text)


def test_how_many_is_a_figure_asked_not_a_concept_answer() -> None:
    assert asks_amount("how many hours a day do they work")
    assert asks_amount("сколько часов они работают")
    assert asks_amount("一天干几个小时")
    assert asks_amount("하루 몇 시간 일해요")
    # "почему" starts like "почем" (how much): only the whole word asks a price.
    assert not asks_amount("почему в дохе снизили")
    assert not asks_amount("do they get a day off")


def test_russian_passports_lead_with_the_asked_thing_then_the_original(
    quay: AnswerEngine,
) -> None:
    lines = lines_in(quay, "у докеров в Дурбане паспорта отбирают?", Language.RU)
    assert lines[0] == "Про паспорта:"
    # The statement and the quote, as given, under one mark: nobody translated them.
    assert lines[1].startswith(
        "• Test only: the team leader in Durban keeps the stevedores' passports from the day "
        "they land. “Nobody on the quay holds his own passport; the team leader has them all.” "
        "(оригинал, английский)"
    )
    assert "[#2003]" in lines[1]
    assert len(lines) == 2


def test_chinese_sunday_off_finds_the_shift_fact(quay: AnswerEngine) -> None:
    lines = lines_in(quay, "卢萨卡的工人星期天能休息吗", Language.ZH)
    assert lines[0] == "关于休息日："
    assert "one Sunday off a month" in lines[1]
    assert "[#2005]" in lines[1]


def test_korean_where_they_sleep_finds_the_containers(quay: AnswerEngine) -> None:
    lines = lines_in(quay, "그 항만 노동자들은 어디서 자요?", Language.KO)
    assert lines[0] == "숙소 관련:"
    assert "eight to a shipping container" in lines[1]
    assert "[#2004]" in lines[1]


def test_english_penalty_is_the_fact_that_says_it_not_the_shift_fact(
    quay: AnswerEngine,
) -> None:
    text = text_of(quay, "what happens to lusaka smelter workers who fall short")
    assert "On what happens to those who fall short:" in text
    assert "[#2006]" in text
    assert "[#2005]" not in text  # the same place's shifts say nothing of a penalty
    assert "9,000" not in text  # no quota block beside it


def test_a_correction_is_shown_with_both_figures(quay: AnswerEngine) -> None:
    text = text_of(quay, "did the lusaka recruiter change his story at some point")
    assert "On the correction:" in text
    assert "10,000 kwacha" in text and "9,000 kwacha" in text


def test_an_official_asked_in_russian_is_the_embassy_denial(quay: AnswerEngine) -> None:
    lines = lines_in(quay, "что сказали в посольстве?", Language.RU)
    assert lines[0] == "Про слова официальных лиц:"
    assert "denied that the stevedores pay anything" in lines[1]


def test_what_the_money_is_for_reaches_a_fact_filed_under_no_place(quay: AnswerEngine) -> None:
    lines = lines_in(quay, "这些钱用来干什么", Language.ZH)
    assert lines[0] == "关于钱的用途："
    assert "'harbour victory fund'" in lines[1]


def test_a_concept_no_fact_carries_gets_no_lead(quay: AnswerEngine) -> None:
    # No fact says anything of tips: the other readers answer ("does not say").
    text = text_of(quay, "do the durban stevedores get tips")
    assert "On tips:" not in text
    assert "None of the reports says that about Durban." in text


def test_a_concept_carried_only_at_another_place_is_not_shown(quay: AnswerEngine) -> None:
    # Durban's passports are no answer about Lusaka.
    lines = lines_in(quay, "паспорта в Лусаке забирают?", Language.RU)
    assert "Про паспорта:" not in lines
    assert not any("[#2003]" in line for line in lines)


def test_how_many_hours_is_left_to_the_figures_readers(quay: AnswerEngine) -> None:
    text = text_of(quay, "how many hours a day do the lusaka crews work")
    assert "On working hours:" not in text
    assert "eleven-hour shifts" in text  # the fact still found, by the readers before


def test_longer_hours_without_a_figure_is_no_answer_about_the_hours(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # The seed says "even longer hours", no number: the silence answers, not this lead.
    path = tmp_path_factory.mktemp("seed") / "store.sqlite3"
    seed = asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}"))
    text = text_of(seed, "what are the working hours in dalian")
    assert "On working hours:" not in text
    assert "does not say" in text


def test_a_leading_when_asks_a_date_not_a_concept(quay: AnswerEngine) -> None:
    text = text_of(quay, "when did the lusaka recruiter correct himself")
    assert "On the correction:" not in text


def test_the_quote_is_shown_where_it_carries_what_is_asked(quay: AnswerEngine) -> None:
    # Durban's passports are in the statement and in the quote: the quote is shown.
    lines = lines_in(quay, "does the team leader keep their passports in durban", Language.EN)
    assert lines[0] == "On passports:"
    assert (
        "“Nobody on the quay holds his own passport; the team leader has them all.”" in (lines[1])
    )
