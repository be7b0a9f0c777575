"""Understanding, second pair of hands (issue 10, fresh_en_4's failure classes): ordinary
words and names that are no places, sourcing in other words, attributes the report lacks.
Phrased apart from the fresh sets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.segments import split_parts
from testkit.engine import body_of as body
from testkit.engine import seeded_engine

QUOTA_FIGURES = ("62,000", "3,400", "124,000", "6,800", "$730", "$470", "$1,460", "$940")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("b2") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    "question",
    [
        "jordan here, what does dalian owe",
        "the dalian quota please, cheers mate",
        "did they get it from somewhere else",
        "is it for the third congress",
    ],
)
def test_a_name_or_an_ordinary_word_is_no_place(engine: AnswerEngine, question: str) -> None:
    assert "does not mention" not in body(engine, question)


def test_a_name_like_country_after_a_preposition_is_a_place(engine: AnswerEngine) -> None:
    assert body(engine, "what is the quota in chad").startswith("The report does not mention Chad.")


@pytest.mark.parametrize("question", ["the key numbers pls", "split the figures by place"])
def test_asking_for_the_figures_in_other_words_gives_both_quotas(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert "62,000" in text
    assert "3,400" in text


def test_a_typo_does_not_hide_a_head_count_question(engine: AnswerEngine) -> None:
    text = body(engine, "how many wrokers are in dalian")
    assert text.startswith("The report does not say how many workers there are in Dalian.")
    for figure in QUOTA_FIGURES:
        assert figure not in text


def test_a_short_question_before_also_is_its_own_part() -> None:
    assert split_parts("dalian quota? also how many people there") == [
        "dalian quota",
        " how many people there",
    ]


def test_contract_length_is_no_question_about_freedoms(engine: AnswerEngine) -> None:
    text = body(engine, "what length are the contracts in china")
    assert text.startswith("The report does not say anything about the workers’ contracts")
    assert "quit" not in text


def test_a_share_of_the_pay_is_no_question_about_spending(engine: AnswerEngine) -> None:
    text = body(engine, "what share of their pay is the loyalty money")
    assert text.startswith(
        "The report does not say what share of their pay goes to the quota: it gives no "
        "wage figure."
    )
    assert "spent on" not in text
    assert "takes most of what North Korean construction workers earn" in text


def test_a_country_s_information_names_the_source_there(engine: AnswerEngine) -> None:
    text = body(engine, "where did the china information come from")
    assert "a source in China — anonymous" in text


def test_whose_a_dated_claim_is_gives_that_claim(engine: AnswerEngine) -> None:
    text = body(engine, "whose claim is the march 10 order")
    assert text.startswith("“Workers now face an even heavier burden")
    assert "Source: a source in China" in text


def test_who_first_reported_versus_who_carried_it_is_no_quota_comparison(
    engine: AnswerEngine,
) -> None:
    text = body(engine, "who broke the story versus who republished it")
    assert "Published by: HNGN" in text
    for figure in QUOTA_FIGURES:
        assert figure not in text


def test_a_host_country_said_to_demand_the_money_gets_no(engine: AnswerEngine) -> None:
    assert body(engine, "so it's china that squeezes them") == (
        "No: the report says North Korea demands the quota of its own workers abroad; it does "
        "not say that the government of China demands or takes this money."
    )


def test_asking_what_a_host_country_demands_is_no_premise(engine: AnswerEngine) -> None:
    assert not body(engine, "how much does russia demand").startswith("No:")


def test_the_local_amount_said_in_dollars_gets_no(engine: AnswerEngine) -> None:
    text = body(engine, "the dalian quota is 6,800 dollars right")
    assert text.startswith(
        "No: the report gives the Dalian quota in yuan, not dollars: 3,400 yuan (CNY) a month "
        "before the doubling."
    )


def test_a_percentage_is_no_amount_to_correct(engine: AnswerEngine) -> None:
    assert "not 100" not in body(engine, "tell me this is 100% confirmed")


def test_a_crew_of_n_is_a_head_count(engine: AnswerEngine) -> None:
    text = body(engine, "what does a team of 4 in dalian owe a month now")
    assert "4 workers × 6,800 yuan (CNY) a month = 27,200 yuan (CNY) a month" in text


def test_a_flag_names_its_country(engine: AnswerEngine) -> None:
    text = body(engine, "🇨🇳 quota?")
    assert text.startswith("Dalian, China — seafood processing workers")
    assert "62,000" not in text


def test_a_conversion_follows_the_amount_typed(engine: AnswerEngine) -> None:
    text = body(engine, "what is 3400 yuan in usd")
    assert text.startswith("Dalian, China")
    assert "$470" in text
    for figure in ("62,000", "$730", "124,000", "$1,460"):
        assert figure not in text


def test_a_later_part_about_that_figure_keeps_its_place(engine: AnswerEngine) -> None:
    text = body(engine, "470 dollars is nothing. where do the numbers come from")
    assert "$470" in text
    assert "62,000" not in text
    assert "\n\n\n" not in text


def test_one_place_as_a_share_of_the_other_in_the_order_named(engine: AnswerEngine) -> None:
    for question in ("sakhalin as a percentage of dalian, in usd", "what % of dalian is sakhalin"):
        text = body(engine, question)
        assert text.startswith("Sakhalin (62,000 rubles (RUB), nearly $730) is about 155.3% of ")


def test_more_than_twice_asks_the_ratio(engine: AnswerEngine) -> None:
    text = body(engine, "is dalian's quota more than twice sakhalin's in dollars")
    assert "is about 1.55 times" in text


def test_a_quarter_is_three_months(engine: AnswerEngine) -> None:
    text = body(engine, "what does a sakhalin worker owe per quarter now")
    assert "over three months comes to 372,000 rubles (RUB)" in text


def test_a_country_named_without_its_bracketed_name_is_known(engine: AnswerEngine) -> None:
    assert body(engine, "what about burma?").startswith("The report does not mention Myanmar")


def test_medics_are_a_kind_of_work_the_report_lacks(engine: AnswerEngine) -> None:
    text = body(engine, "do nk medics in sakhalin pay it too")
    assert text.startswith("The report does not say anything about medics")


def test_an_amount_a_month_off_each_worker_is_no_time_off_or_tax(engine: AnswerEngine) -> None:
    assert body(engine, "so they take 50k rubles a month off every sakhalin worker") == (
        "No: the report gives 62,000 rubles (RUB) for Sakhalin, Russia a month before the "
        "doubling, not 50,000. Doubled, that is about 124,000 rubles (RUB) for Sakhalin, "
        "Russia now (implied by “doubled”)."
    )
