"""The failure classes of the tenth English set, fixed by class: an opinion asked ("what
do they make of it"), an amount asked of a past time ("five years ago"), the order asked
for its date, the places a piece covers, who tells a story in other words, the photo's
credit. Each case is phrased apart from the sets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from testkit.engine import body_of as body
from testkit.engine import seeded_engine

QUOTA_FIGURES = ("62,000", "124,000", "3,400", "6,800")
SCOPE = "I can only answer questions about"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("en10") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    "question",
    [
        "what do ordinary russians make of this",
        "what do the chinese locals make of all this",
        "so what do regular chinese folks think of it",
    ],
)
def test_an_opinion_asked_is_no_wage_question(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "sorry" in text, text
    assert "how much the workers are paid" not in text, text
    assert not [figure for figure in QUOTA_FIGURES if figure in text], text


def test_what_the_workers_think_of_it_is_on_topic(engine: AnswerEngine) -> None:
    text = body(engine, "and what do the workers themselves think of it")
    assert SCOPE not in text, text
    assert "worry" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "how much was the dalian quota like three years ago",
        "what did sakhalin workers pay a few years back, before the 62,000",
        "was the quota lower a decade ago?",
    ],
)
def test_an_amount_of_a_past_time_is_not_a_span_to_total(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert "does not say" in text, text
    assert "comes to" not in text, text
    assert not [figure for figure in ("124,000", "6,800", "1,488,000") if figure in text], text


def test_a_span_still_totals(engine: AnswerEngine) -> None:
    assert "comes to" in body(engine, "dalian quota over two years in total")


def test_they_arrived_years_ago_is_no_quota_history(engine: AnswerEngine) -> None:
    text = body(engine, "they came two years ago, how long do they stay")
    assert "how long the quota system" not in text, text


@pytest.mark.parametrize(
    "question",
    ["when was that order handed down", "when did this order take effect", "the order: when?"],
)
def test_the_order_asked_for_its_date(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "March 10" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "which countries does the piece cover, roughly",
        "what cities are covered in the story, basically",
    ],
)
def test_the_places_a_piece_covers(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "Russia" in text and "China" in text, text
    assert SCOPE not in text, text


@pytest.mark.parametrize(
    "question",
    ["who is peddling this story", "whos pushing that narrative anyway", "who spun this yarn"],
)
def test_who_tells_the_story_asks_the_sources(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "Daily NK" in text, text
    assert SCOPE not in text, text


@pytest.mark.parametrize(
    "question",
    ["who took the picture at the top", "photo credit?", "what's the image of, and who shot it"],
)
def test_the_photo_credit_shows_the_full_statement(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "Smirnov" in text, text


def test_the_photo_alone_keeps_the_quote(engine: AnswerEngine) -> None:
    text = body(engine, "what's in the photo")
    assert "“This pool image" in text and "Smirnov" not in text, text


@pytest.mark.parametrize(
    "question",
    ["can the workers organise against it", "are they able to unionize or anything"],
)
def test_organising_asks_whether_they_can_protest(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "no means of protesting" in text, text
    assert "does not say anything about" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "what do they get to pocket once the quota is paid",
        "how much is left for them after paying the quota",
    ],
)
def test_what_they_keep_is_not_the_quota(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "does not say" in text, text
    assert not [figure for figure in QUOTA_FIGURES if figure in text], text


@pytest.mark.parametrize(
    "question",
    [
        "come on, just admit the party secretary issued this order",
        "did kim jong un sign the directive himself",
    ],
)
def test_who_signed_the_order_is_not_said(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "does not say who signed or issued the directive" in text, text
    assert not [figure for figure in QUOTA_FIGURES if figure in text], text


def test_an_idiom_is_no_days_off_question(engine: AnswerEngine) -> None:
    text = body(engine, "the russians care about them? give me a break")
    assert "days off" not in text, text
    assert "sorry" in text, text


def test_the_askers_own_teacher_is_no_kind_of_work(engine: AnswerEngine) -> None:
    text = body(engine, "say it's confirmed, my professor wants a yes or no")
    assert "kind of work" not in text and "cannot independently verify" in text, text


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("dalian per year in yuan and in dollars", ("40,800", "$5,640")),
        ("sakhalin old quota per annum, rubles and usd", ("744,000", "$8,760")),
    ],
)
def test_a_yearly_figure_in_both_currencies_asked(
    engine: AnswerEngine, question: str, shown: tuple[str, ...]
) -> None:
    text = body(engine, question)
    assert all(figure in text for figure in shown), text


def test_a_yearly_figure_in_dollars_alone_stays_in_dollars(engine: AnswerEngine) -> None:
    text = body(engine, "dalian per year in usd")
    assert "$5,640" in text and "40,800" not in text, text


@pytest.mark.parametrize(
    ("question", "right", "wrong"),
    [
        ("dalian is in russia btw, update your data", "China", "Russia"),
        ("sakhalin is in china, everyone knows", "Russia", "China"),
    ],
)
def test_a_wrong_pairing_with_a_remark_after_a_comma(
    engine: AnswerEngine, question: str, right: str, wrong: str
) -> None:
    text = body(engine, question)
    assert text.startswith("No: the report places") and f"in {right}, not {wrong}" in text, text


@pytest.mark.parametrize(
    ("question", "shown", "hidden"),
    [
        ("what do workers in the russian far east owe each month", "62,000", "3,400"),
        ("quota for workers in northeast china?", "3,400", "62,000"),
        ("how much do liaoning workers hand over", "3,400", "62,000"),
    ],
)
def test_a_region_around_a_covered_place(
    engine: AnswerEngine, question: str, shown: str, hidden: str
) -> None:
    text = body(engine, question)
    assert shown in text and hidden not in text, text
    assert "does not mention" in text, text  # the region itself is not named


def test_a_region_with_no_covered_place_is_still_not_mentioned(engine: AnswerEngine) -> None:
    text = body(engine, "how much in siberia")
    assert "does not mention Siberia" in text and "62,000" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "dalian quota please, it's for my sanctions compliance memo",
        "how much in dalian? asking for our union's newsletter",
    ],
)
def test_what_the_answer_is_for_is_no_ask(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "3,400" in text, text
    assert "sanctions" not in text and "What locals think" not in text, text


@pytest.mark.parametrize(
    ("question", "shown", "hidden"),
    [
        ("did your source actually state the new yuan amount?", "6,800", "62,000"),
        ("did the sources name the new ruble figure, or only say doubled", "124,000", "3,400"),
    ],
)
def test_whether_the_new_amount_is_stated(
    engine: AnswerEngine, question: str, shown: str, hidden: str
) -> None:
    text = body(engine, question)
    assert "the report does not state the new amount" in text, text
    assert shown in text and hidden not in text, text
    assert "Who says so" not in text and "does not say who the sources are" not in text, text


@pytest.mark.parametrize(
    "question",
    ["how much is it in sakhalin? our Local wants to know", "tell the local about dalian's quota"],
)
def test_a_union_local_is_not_the_locals(engine: AnswerEngine, question: str) -> None:
    assert "What locals think" not in body(engine, question)


def test_the_local_people_still_are(engine: AnswerEngine) -> None:
    assert "What locals think" in body(engine, "what do the local people make of them")


@pytest.mark.parametrize(
    "question", ["what's the federal minimum wage these days", "osha rules on overtime?"]
)
def test_another_countrys_labour_law_is_off_topic(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert SCOPE in text, text


def test_the_workers_under_that_law_are_on_topic(engine: AnswerEngine) -> None:
    text = body(engine, "do the workers get overtime pay under federal rules")
    assert SCOPE not in text, text


@pytest.mark.parametrize(
    "question",
    ["when did the hike kick in", "when was the increase announced", "when did it take effect"],
)
def test_when_it_took_effect_asks_the_date(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "March 10" in text, text


def test_when_another_thing_began_is_still_off_topic(engine: AnswerEngine) -> None:
    assert SCOPE in body(engine, "when did the war begin")


@pytest.mark.parametrize("question", ["so who's the little bird here", "on whose word is all this"])
def test_who_told_in_other_words(engine: AnswerEngine, question: str) -> None:
    assert "Daily NK" in body(engine, question)


def test_the_public_in_china_is_the_locals(engine: AnswerEngine) -> None:
    text = body(engine, "and public opinion over in china?")
    assert "sorry" in text, text


@pytest.mark.parametrize(
    ("question", "shown", "hidden"),
    [
        ("how many guys work in dalian and what do they owe each month", "3,400", "62,000"),
        ("are there women in sakhalin, and what is the quota?", "62,000", "3,400"),
    ],
)
def test_a_later_figure_with_no_place_is_the_earlier_parts(
    engine: AnswerEngine, question: str, shown: str, hidden: str
) -> None:
    text = body(engine, question)
    assert shown in text and hidden not in text, text


def test_a_later_figure_asked_overall_is_every_places(engine: AnswerEngine) -> None:
    text = body(engine, "how many workers in dalian? and what are the quotas overall?")
    assert "3,400" in text and "62,000" in text, text


@pytest.mark.parametrize(
    "question", ["how long are they stuck out there", "how long do they stay abroad"]
)
def test_how_long_they_stay(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "two or three years" in text, text


@pytest.mark.parametrize("question", ["you work for seoul, admit it", "who funds you anyway"])
def test_who_the_bot_works_for(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "I am a bot" in text and "which companies employ" not in text, text


@pytest.mark.parametrize(
    ("question", "country"),
    [("what's Russia's position on this", "Russia"), ("and china's official response?", "China")],
)
def test_a_countrys_stance_is_its_government(
    engine: AnswerEngine, question: str, country: str
) -> None:
    text = body(engine, question)
    assert f"does not say what the government of {country}" in text, text


def test_saving_was_hard_even_before(engine: AnswerEngine) -> None:
    text = body(engine, "were they able to save any money even before the hike")
    assert "saving money was already difficult" in text, text


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("my uncle was a fisherman, whats the dalian quota", "3,400"),
        ("im a nurse btw. how much in sakhalin?", "62,000"),
    ],
)
def test_the_askers_own_trade_is_no_kind_of_work_asked(
    engine: AnswerEngine, question: str, shown: str
) -> None:
    text = body(engine, question)
    assert shown in text and "does not say anything about" not in text, text


@pytest.mark.parametrize("question", ["do sailors pay a quota too", "our teachers pay this too?"])
def test_another_trade_asked_is_still_not_covered(engine: AnswerEngine, question: str) -> None:
    assert "does not say anything about" in body(engine, question)
