"""The failure classes of the eleventh English set, fixed by class, each proved with
variants worded apart from the sets: a head count typed as a claim (no quota to refute), the
reason asked beside "extra"/"more"/"this year", the stay the workers planned, and a word the
asker uses for the workers in the place of a quota verb's subject."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from testkit.engine import body_of as body
from testkit.engine import seeded_engine

QUOTA_FIGURES = ("62,000", "124,000", "3,400", "6,800")
SCOPE = "I can only answer questions about"
REASON = "final year of the Eighth Party Congress"
STAY = "two or three years"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("en11") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("so there are 20,000 north korean laborers on sakhalin, right?", "Sakhalin"),
        ("i read that 3000 koreans work in dalian", "Dalian"),
        ("heard there's like 30,000 nks on sakhalin alone, true?", "Sakhalin"),
        ("the piece claims 12,500 workers in russia, yes?", "Russia"),
    ],
)
def test_a_head_count_claimed_is_the_workforce_the_report_does_not_give(
    engine: AnswerEngine, question: str, place: str
) -> None:
    text = body(engine, question)
    assert f"The report does not say how many workers there are in {place}." in text, text
    assert not [figure for figure in QUOTA_FIGURES if figure in text], text
    assert "No: the report gives" not in text, text


@pytest.mark.parametrize(
    ("question", "total"),
    [
        ("how much would 10 workers in dalian pay in total now", "68,000"),
        ("dalian, 10 workers", "68,000"),
        ("if 4 guys on sakhalin pay the new quota, how much altogether a month", "496,000"),
    ],
)
def test_a_head_count_supposed_for_a_sum_is_still_multiplied(
    engine: AnswerEngine, question: str, total: str
) -> None:
    text = body(engine, question)
    assert total in text, text
    assert "how many workers" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "why do they want extra cash from the workers all of a sudden",
        "why does the regime need the extra money, in plain terms?",
        "why are they squeezing more money out of them this year",
        "so what's the big occasion, why double it",
        "what is the increase meant to mark",
        "why the hike, what's the occasion",
    ],
)
def test_the_reason_asked_beside_an_amount_word_is_the_reason(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert REASON in text, text
    assert "our arithmetic" not in text, text
    assert "in which year" not in text, text
    assert SCOPE not in text, text


def test_a_difference_asked_with_why_and_a_figure_keeps_its_arithmetic(
    engine: AnswerEngine,
) -> None:
    text = body(engine, "how much extra does a dalian worker pay now")
    assert "3,400" in text and "more a month" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "how long were they meaning to stay out there",
        "how many years did the dalian girls plan to remain in china?",
        "how long was the plan to be over there before going home",
        "how many years did the men intend to work abroad before heading back",
    ],
)
def test_the_stay_the_workers_planned_is_their_plan(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert STAY in text, text
    assert "does not say that" not in text, text
    assert not [figure for figure in QUOTA_FIGURES if figure in text], text


def test_how_long_they_work_a_day_is_still_the_hours(engine: AnswerEngine) -> None:
    text = body(engine, "how long do they work each day")
    assert "does not say how many hours" in text, text
    assert STAY not in text, text


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("what do the grunts owe each month", ("62,000", "3,400")),
        ("how much must the newbies cough up in dalian", ("3,400",)),
        ("figures for the seamstresses?", ("62,000", "3,400")),
        ("my comrades on sakhalin, what do they pay now", ("124,000",)),
        ("what do these poor sods hand over every month", ("62,000", "3,400")),
    ],
)
def test_a_word_for_the_workers_in_a_quota_frame_is_them(
    engine: AnswerEngine, question: str, figures: tuple[str, ...]
) -> None:
    text = body(engine, question)
    assert SCOPE not in text, text
    assert "does not mention" not in text and "anything about" not in text, text
    for figure in figures:
        assert figure in text, text


def test_a_known_word_in_that_place_keeps_its_meaning(engine: AnswerEngine) -> None:
    text = body(engine, "what do the dalian workers owe")
    assert "3,400" in text and "62,000" not in text, text


@pytest.mark.parametrize(
    ("question", "total"),
    [
        ("my brigade is 5 people. how much do we pay together now on sakhalin", "620,000"),
        ("we are a crew of 6 guys in dalian. what would we hand over in total each month now?",
         "40,800"),
        ("my team has 3 workers. how much do they owe together before the doubling, sakhalin",
         "186,000"),
    ],
)  # fmt: skip
def test_a_crew_told_of_first_is_the_head_count_of_the_question_after(
    engine: AnswerEngine, question: str, total: str
) -> None:
    text = body(engine, question)
    assert total in text and "workers ×" in text, text


@pytest.mark.parametrize(
    ("question", "yearly"),
    [
        ("extra per year a sakhalin worker owes because of the doubling", "744,000"),
        ("additional a year for a dalian worker after the hike?", "40,800"),
        ("how much more a year does dalian cost them since it doubled", "40,800"),
    ],
)
def test_a_period_inside_a_difference_cue_is_asked_too(
    engine: AnswerEngine, question: str, yearly: str
) -> None:
    text = body(engine, question)
    assert f"{yearly} yuan" in text or f"{yearly} rubles" in text, text
    assert "more a year" in text, text


@pytest.mark.parametrize(
    ("question", "total"),
    [
        ("if one guy on sakhalin does 2 years at the new quota how much goes to the state",
         "2,976,000"),
        ("over three years at the doubled rate, how much does one dalian worker send to the "
         "regime in total", "244,800"),
        ("total that goes to pyongyang from one sakhalin worker over 2 years at the old rate",
         "1,488,000"),
    ],
)  # fmt: skip
def test_a_total_over_a_span_is_not_where_the_money_goes(
    engine: AnswerEngine, question: str, total: str
) -> None:
    text = body(engine, question)
    assert total in text, text
    assert "spent on" not in text, text


@pytest.mark.parametrize(
    ("question", "gap"),
    [
        ("and post-doubling, the dollar gap?", "$520"),
        ("the spread in dollars now that both doubled?", "$520"),
        ("pre-hike gap, dollars", "$260"),
        ("after the increase, how big is the usd gap", "$520"),
    ],
)
def test_a_dated_gap_with_no_place_is_between_the_places(
    engine: AnswerEngine, question: str, gap: str
) -> None:
    text = body(engine, question)
    assert f"about {gap} more a month than Dalian" in text, text


def test_a_rise_asked_of_one_place_stays_its_rise(engine: AnswerEngine) -> None:
    text = body(engine, "how much more after the doubling in sakhalin")
    assert "62,000 rubles (RUB) more a month" in text, text
    assert "than Dalian" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "usd spread between the two sites per month, old and new",
        "how much more than dalian does sakhalin pay, before and now, in usd",
        "the dollar difference between the two quotas before and after the increase",
    ],
)
def test_a_gap_asked_before_and_after_is_given_at_both_times(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert "about $260 more a month than Dalian" in text, text
    assert "about $520 more a month than Dalian" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "my cousin in korsakov says they HALVED it",
        "a friend in vladivostok told me the quota was cut in half",
        "my brother from khabarovsk swears the quota got halved",
    ],
)
def test_the_place_of_whoever_passes_a_claim_on_is_not_asked_about(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert "doubled" in text and "not halved" in text, text
    assert "does not mention" not in text, text


def test_a_place_asked_about_is_still_not_covered(engine: AnswerEngine) -> None:
    text = body(engine, "how much do workers in korsakov pay")
    assert "does not mention Korsakov" in text, text


@pytest.mark.parametrize(
    ("question", "typed", "place"),
    [
        ("my boss say korean on sakhalin pay only 30 000 a month, he right?", "30,000", "62,000"),
        ("someone told me dalian is 5 000 yuan now", "5,000", "3,400"),
        ("i heard it's 90 000 rubles on sakhalin", "90,000", "62,000"),
    ],
)
def test_thousands_grouped_with_a_space_in_english_are_one_figure(
    engine: AnswerEngine, question: str, typed: str, place: str
) -> None:
    text = body(engine, question)
    assert text.startswith("No: the report gives"), text
    assert f"{place}" in text and f"not {typed}" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "what's the weather in sakhalin this weekend, going fishing",
        "what is the population in dalian",
        "whats the best food in sakhalin",
        "how's the weather in dalian today",
    ],
)
def test_a_noun_of_another_subject_asked_outright_of_a_place_is_off_topic(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert text.startswith(SCOPE), text
    assert not [figure for figure in QUOTA_FIGURES if figure in text], text


def test_the_same_noun_asked_of_the_workers_stays_theirs(engine: AnswerEngine) -> None:
    text = body(engine, "what's the food like for the workers in dalian")
    assert "does not say what the workers eat" in text, text


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("quote me something the china source said", "feel very sorry"),
        ("give me the russian source's exact words", "takes most of what"),
        ("the source in russia, verbatim please", "longer hours"),
    ],
)
def test_a_source_quoted_is_what_it_said_not_who_it_is(
    engine: AnswerEngine, question: str, words: str
) -> None:
    text = body(engine, question)
    assert words in text, text
    assert "Who says so" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "so the march 10 directive was the sakhalin one?",
        "the article gives march 10 for russia too",
        "march 10 is when sakhalin's quota went up, isn't it",
    ],
)
def test_a_date_the_report_gives_another_place_is_said_whose_it_is(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert (
        "No: the report gives March 10 only for the directive behind the change in Dalian, "
        "China; for Sakhalin, Russia it gives no date." in text
    ), text


def test_the_date_asked_of_its_own_place_is_no_premise(engine: AnswerEngine) -> None:
    text = body(engine, "was the march 10 directive for dalian?")
    assert "only for the directive" not in text, text
    assert "March 10" in text, text


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        ("does the state keep the bulk of their wages", "Earnings"),
        ("admit it, the workers make loads of money abroad", "Earnings"),
        ("the sakhalin guys are well paid, right?", "Earnings"),
        # The young women's own statement ("endure without proper compensation") leads.
        ("do the dalian girls get decent pay at least", "Young female workers"),
    ],
)
def test_pay_claimed_or_asked_is_what_the_report_says_of_earnings(
    engine: AnswerEngine, question: str, heading: str
) -> None:
    text = body(engine, question)
    assert heading in text, text
    assert "takes most of what North Korean construction workers earn" in text, text
    assert "Can workers protest?" not in text, text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("how many hour in day they work? i work 12 hour", "how many hours or days"),
        ("how many worker in dalian", "how many workers there are in Dalian"),
        ("how many day in week they work", "how many hours or days"),
    ],
)
def test_learner_forms_are_read_as_the_plain_ones(
    engine: AnswerEngine, question: str, said: str
) -> None:
    text = body(engine, question)
    assert f"The report does not say {said}" in text, text
    assert "date for the change" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "how many workers died from this 'overwork' then? give me the number",
        "how many workers are hurt each year? give me a figure",
        "how many nks got sent home? just the number pls",
    ],
)
def test_the_number_pressed_after_an_unanswerable_ask_is_no_quota_ask(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert "does not say" in text, text
    assert not [figure for figure in QUOTA_FIGURES if figure in text], text
    assert SCOPE not in text, text


def test_the_number_pressed_after_a_quota_ask_stays_the_quota(engine: AnswerEngine) -> None:
    text = body(engine, "how much do they pay in dalian? give me the number")
    assert "3,400" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "kim doubled it because the workers were lazy, right",
        "they raised it because the ruble fell, correct?",
        "the quota went up cuz pyongyang is broke",
        "which year are they trying to mark with all this",
        "what year is the money meant to celebrate",
    ],
)
def test_a_reason_asserted_or_an_occasion_asked_gets_the_reports_reason(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert REASON in text, text
    assert "in which year" not in text, text


def test_the_doubling_named_as_a_cause_of_a_sum_is_no_reason(engine: AnswerEngine) -> None:
    text = body(engine, "extra per year a dalian worker owes because of the doubling")
    assert "40,800" in text and REASON not in text, text
