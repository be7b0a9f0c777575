"""Figures of any period worked out the way a question asks (a made-up report of our own,
testkit/reports/test_atlas_2026.json: a daily figure, a weekly one raised "from X to Y", a
monthly range and a monthly figure given only after a cut): a daily figure over a month of
the days typed, over a number of days, or a year; a figure the report states (the top of a
range, the new amount) typed back is no error to correct; a head count times a weekly
figure; the figure typed names the quota it is; two figures compared in dollars as they are
now when a report states its amount as today's."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from bot.i18n import Language
from testkit.engine import engine_with, lines_in, text_of

ATLAS = Path(__file__).parents[2] / "testkit" / "reports" / "test_atlas_2026.json"
LABEL = "our arithmetic from the report's figures"


@pytest.fixture(scope="module")
def atlas(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("atlas") / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", ATLAS))


def test_a_daily_figure_over_a_month_of_the_days_typed(atlas: AnswerEngine) -> None:
    text = text_of(atlas, "mwanza is 30 a day, what does that come to over a 31 day month?")
    assert (
        "Mwanza (Test Atlas, 2 March 2026): 30 US dollars (USD) a person a day is about 930 "
        f"US dollars (USD) a month (× 31 days) — {LABEL}" in text
    )
    assert "May 1" not in text and "When:" not in text  # "31 day month" asks no date


def test_a_daily_figure_over_a_number_of_days(atlas: AnswerEngine) -> None:
    text = text_of(atlas, "how much is the mwanza daily due over 200 days")
    assert (
        "Mwanza (Test Atlas, 2 March 2026): 30 US dollars (USD) a person a day over 200 days "
        f"comes to 6,000 US dollars (USD) — {LABEL}" in text
    )


def test_days_typed_are_no_figure_asserted(atlas: AnswerEngine) -> None:
    text = text_of(atlas, "annualise the mwanza daily figure, 365 days, assume no days off")
    assert "10,950 US dollars (USD) a year" in text
    assert "No:" not in text and "not 365" not in text
    assert "does not say" not in text  # the days off are the sum's supposition


def test_the_top_of_a_range_typed_back_is_no_error(atlas: AnswerEngine) -> None:
    text = text_of(atlas, "kutaisi 500 to 700 a month, per year?")
    assert "about 6,000 to 8,400 US dollars (USD) a year (× twelve months)" in text
    assert "No:" not in text and "not 700" not in text


def test_a_from_to_figure_is_its_new_amount(atlas: AnswerEngine) -> None:
    text = text_of(atlas, "oruro, how much a week now")
    assert "120 US dollars (USD) a person a week" in text
    assert "80 US dollars (USD) a person a week" not in text
    text = text_of(atlas, "oruro is 120 a week, total for 12 workers a week?")
    assert "No:" not in text
    assert (
        "Oruro: 12 × 120 US dollars (USD) a person a week (the amount after the change) = "
        f"1,440 US dollars (USD) a week — {LABEL}" in text
    )


def test_a_head_count_times_a_weekly_figure_over_a_year(atlas: AnswerEngine) -> None:
    text = text_of(atlas, "what do 5 workers in oruro pay a year together")
    assert "= 31,200 US dollars (USD) a year (× fifty-two weeks)" in text


def test_the_figure_typed_names_its_quota(atlas: AnswerEngine) -> None:
    text = text_of(atlas, "30 dollars a day, how much a week with no days off?")
    assert "$30 a person a day is about $210 a week (× seven days)" in text
    assert "Kutaisi" not in text and "Oruro" not in text and "Jeddah" not in text


def test_dollars_compared_as_they_are_now(atlas: AnswerEngine) -> None:
    text = text_of(atlas, "jeddah cleaner now vs sakhalin now, in dollars, who pays more")
    assert (
        "In dollars, as their reports convert them, Sakhalin's quota now ($1,460, implied by "
        "“doubled”) is about $560 higher than Jeddah's ($900) — our arithmetic" in text
    )
    seed = text_of(atlas, "dalian vs sakhalin in dollars")  # both stated before a doubling
    assert "Sakhalin's previous quota ($730) was about $260 higher than Dalian's ($470)" in seed


def test_the_days_line_in_other_languages(atlas: AnswerEngine) -> None:
    question = "mwanza is 30 a day, what does that come to over a 31 day month?"
    assert "(× 31 дн.)" in " ".join(lines_in(atlas, question, Language.RU))
    assert "（×31天）" in " ".join(lines_in(atlas, question, Language.ZH))
    assert "×31일" in " ".join(lines_in(atlas, question, Language.KO))


def test_a_share_of_a_pay_the_asker_supposes(atlas: AnswerEngine) -> None:
    text = text_of(atlas, "rustavi: if one earns 500 a month, how much is handed over?")
    assert (
        "Rustavi: 60% to 80% of the 500 you give is 300 to 400 handed over, leaving 100 to 200 "
        "— our arithmetic on your figure; the report gives a share of the pay, not the pay." in text
    )
    # No place named: the share whose basis words ("each chambermaid") the question uses.
    text = text_of(atlas, "if a chambermaid earns 1,000 a month how much is left for her")
    assert "Rustavi: 60% to 80% of the 1,000 you give is 600 to 800 handed over" in text
    # A supposed pay and a figure in money: no share to work out, as before.
    assert "you give" not in text_of(atlas, "mwanza: if one earns 500 a month, how much is left")


def test_a_share_of_pay_asked_is_the_report_s_figure(atlas: AnswerEngine) -> None:
    text = text_of(atlas, "what share of their pay do the rustavi chambermaids hand over")
    assert "Quota: 60 to 80 percent of their monthly pay, a person a month." in text
    assert "does not say" not in text and "None of" not in text
    seed = text_of(atlas, "what percentage of their pay goes to the quota in sakhalin")
    assert "percent" not in seed and "Rustavi" not in seed  # Sakhalin gives no share


def test_the_share_line_in_korean(atlas: AnswerEngine) -> None:
    lines = lines_in(atlas, "Rustavi 월급이 1000달러면 얼마 남아요?", Language.KO)
    said = "말씀하신 1,000의 60~80%는 600~800을(를) 내는 것이고"
    assert any(said in line for line in lines), lines


def test_a_bound_is_not_worked_out_over_periods(atlas: AnswerEngine) -> None:
    text = text_of(atlas, "batumi dock team, how much a year?")
    assert "24,000" not in text  # only a bound: said to be one, never summed


def test_a_change_from_the_amount_a_percentage_implies(atlas: AnswerEngine) -> None:
    text = text_of(atlas, "by how much did the poti figure go up, in dollars?")
    assert (
        "Poti: from $200 (the amount before the change, implied by the reported percentage) to "
        f"$300 a person a week — $100 more — {LABEL}" in text
    )
    assert "1.5 times" not in text  # the gap asked alone: no ratio or percentage made
    # The percentage asked, or only the amount before: the figure's own block says both.
    for question in ("poti rise in percent?", "poti, what was it before the rise?"):
        block = text_of(atlas, question)
        assert "1.5 times the old amount" not in block
        assert "Before: about 200 US dollars (USD), about $200, a person a week" in block


def test_no_earlier_figure_of_a_new_demand(atlas: AnswerEngine) -> None:
    text = text_of(atlas, "what was the mwanza daily figure before?")
    assert (
        "Mwanza: the report gives no earlier figure; it reports 30 US dollars (USD) a person a "
        "day as a new demand." in text
    )
    assert "Before: 3,400" in text_of(atlas, "what was dalian before")  # a doubling: its own


def test_a_period_asserted_of_a_figure_the_report_does_not_double(atlas: AnswerEngine) -> None:
    text = text_of(atlas, "jeddah cleaners pay 900 a week")
    assert "before the doubling" not in text
    assert "900 US dollars (USD) for Jeddah, Saudi Arabia a person a month" in text


def test_a_fact_at_the_place_using_another_word_of_the_attribute(atlas: AnswerEngine) -> None:
    # No claim uses "housing"; the Oruro fact uses "sleep", a word of the same attribute.
    text = text_of(atlas, "do the oruro miners have proper housing?")
    assert "On where they live:" in text and "converted bus depot" in text
    silent = text_of(atlas, "what is the housing like in mwanza")
    assert "says where or how the workers live in Mwanza" in silent
    assert "bus depot" not in silent


def test_a_place_s_fact_by_the_question_s_own_words(atlas: AnswerEngine) -> None:
    text = text_of(atlas, "what did the oruro guy say about being late at the door")
    assert text.startswith("What the reports say:\n• Test only: the tin miners in Oruro sleep")
    assert "Before: 80" not in text  # not the quota block
    figure = text_of(atlas, "how much do oruro miners pay")  # no rare word of its own
    assert "Now: 120 US dollars (USD), $120, a person a week." in figure
    assert "bus depot" not in figure


def test_a_team_figure_split_among_its_members(atlas: AnswerEngine) -> None:
    text = text_of(atlas, "a team of 8 in batumi, how much each a month")
    assert (
        "Batumi: at least 2,000 US dollars (USD) a team a month split evenly among 8 is about "
        f"at least 250 US dollars (USD) each — {LABEL}" in text
    )
    total = text_of(atlas, "a team of 8 in batumi, how much a month in total")  # no split
    assert "is counted per team, not per worker" in total and "each —" not in total
