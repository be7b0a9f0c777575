"""Round 7 of the understanding work (issue 10), English: one place asked is one place
answered, short odd wordings that ask about the report, premises the report contradicts.
Each case is phrased apart from the fresh sets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from testkit.engine import body_of as body
from testkit.engine import seeded_engine

SAKHALIN = ("62,000", "124,000", "730", "1,460")
DALIAN = ("3,400", "6,800", "470", "940")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("round7") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    ("question", "shown", "hidden", "converted"),
    [
        ("how much do the dalian workers owe in roubles", DALIAN, SAKHALIN, "39,918 rubles"),
        ("sakhalin quota in yuan please", SAKHALIN, DALIAN, "5,281 yuan"),
        ("the china figure in rubles?", DALIAN, SAKHALIN, "39,918 rubles"),
    ],
)
def test_a_currency_the_place_is_not_stated_in_is_no_second_place(
    engine: AnswerEngine,
    question: str,
    shown: tuple[str, ...],
    hidden: tuple[str, ...],
    converted: str,
) -> None:
    # Converted through the report's dollar figures, labelled, as a typed sum is
    # (tests/unit/test_quota_conversion.py); the other place's quota is not shown.
    text = body(engine, question)
    assert converted in text and "gives no rate between these two currencies" in text, text
    assert shown[0] in text
    assert not [figure for figure in hidden if figure in text], text


@pytest.mark.parametrize(
    ("question", "shown", "hidden"),
    [
        ("sakhalin: rubles or yuan?", SAKHALIN, DALIAN),
        ("is the dalian quota in yuan or in rubles", DALIAN, SAKHALIN),
    ],
)
def test_one_place_asked_with_either_currency_gets_only_that_place(
    engine: AnswerEngine, question: str, shown: tuple[str, ...], hidden: tuple[str, ...]
) -> None:
    text = body(engine, question)
    assert shown[0] in text
    assert not [figure for figure in hidden if figure in text], text


@pytest.mark.parametrize(
    "question",
    [
        "how do u know all this",
        "where r u getting this from",
        "bet you can't tell me who wrote this lol",
        "ngl who even wrote this",
    ],
)
def test_shorthand_and_chat_about_the_sourcing_are_on_topic(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert "Daily NK" in text, text
    assert not text.startswith("I can only answer"), text


@pytest.mark.parametrize(
    "question",
    [
        "so whats the bottom line",
        "the main idea in one go?",
        "tbh what's the takeaway",
        "tell me about the extra cash",
    ],
)
def test_short_odd_wordings_for_the_gist_get_the_doubling(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert "doubl" in text, text
    assert "does not mention" not in text and not text.startswith("I can only answer"), text


def test_shorthand_is_spelled_out_only_as_a_whole_word() -> None:
    from bot.engine.text import spelled_out

    table = {"u": "you", "r": "are", "b4": "before"}
    assert spelled_out("r u sure it was 62000 b4?", table) == "are you sure it was 62000 before?"
    assert spelled_out("in u.s. dollars, r&d", table) == "in u.s. dollars, r&d"


@pytest.mark.parametrize(
    ("question", "first"),
    [
        (
            "how many nk workers in dalian? any number at all",
            "The report does not say how many workers there are in Dalian.",
        ),
        (
            "how many of those young korean women work at the dalian plants? i read thousands",
            "The report does not say how many workers there are in Dalian.",
        ),
        (
            "how long is the workday for them on sakhalin? 12 hours?",
            "The report does not say how many hours or days the workers work.",
        ),
        (
            "how long r their work days in dalian",
            "The report does not say how many hours or days the workers work.",
        ),
    ],
)
def test_a_head_count_or_hours_gets_does_not_say_and_no_quota(
    engine: AnswerEngine, question: str, first: str
) -> None:
    text = body(engine, question)
    assert text.splitlines()[0] == first, text
    assert not [figure for figure in (*SAKHALIN, *DALIAN) if figure in text], text


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("what town on sakhalin are they in", "Sakhalin"),
        ("which part of dalian, the port?", "Dalian"),
        ("whereabouts in dalian do the women work", "Dalian"),
    ],
)
def test_where_inside_a_named_place_is_not_said(
    engine: AnswerEngine, question: str, place: str
) -> None:
    text = body(engine, question)
    assert text.splitlines()[0] == (
        f"The report does not say in which town or district in {place} the workers are: it "
        "names no town, only the place."
    ), text
    assert not [figure for figure in (*SAKHALIN, *DALIAN) if figure in text], text


def test_where_inside_a_country_is_the_place_the_report_names(engine: AnswerEngine) -> None:
    text = body(engine, "where exactly in china")
    assert "Dalian" in text and "3,400" in text
    assert "in which town or district" not in text


@pytest.mark.parametrize(
    ("question", "feeling"),
    [
        ("so the workers must be glad to help the motherland", "glad"),
        ("i guess they're fine with paying double", "fine"),
        ("are the laborers pleased with the patriotic campaign?", "pleased"),
    ],
)
def test_a_feeling_the_report_contradicts_gets_the_complaints(
    engine: AnswerEngine, question: str, feeling: str
) -> None:
    text = body(engine, question)
    assert text.splitlines()[0] == (
        f"The report does not say the workers are {feeling}: it reports complaints and worry."
    ), text
    assert "penny" in text and "worry" in text
    assert not [figure for figure in (*SAKHALIN, *DALIAN) if figure in text], text


def test_a_feeling_denied_is_no_premise(engine: AnswerEngine) -> None:
    text = body(engine, "the workers are not happy, are they")
    assert "does not say the workers are" not in text


@pytest.mark.parametrize(
    ("question", "line", "hidden"),
    [
        (
            "how much more per year do sakhalin workers hand over since the doubling",
            "Sakhalin: the rise of 62,000 rubles (RUB) a month comes to about 744,000 rubles "
            "(RUB) more a year (× twelve months)",
            "1,488,000",
        ),
        (
            "extra cash a year for a dalian worker after the rise?",
            "Dalian: the rise of 3,400 yuan (CNY) a month comes to about 40,800 yuan (CNY) more "
            "a year (× twelve months)",
            "81,600",
        ),
        (
            "how much extra per week do the dalian women pay now, in dollars",
            "Dalian: the rise of $470 a month comes to about $108 more a week",
            "$217",
        ),
    ],
)
def test_the_rise_over_a_period_is_the_rise_not_the_new_total(
    engine: AnswerEngine, question: str, line: str, hidden: str
) -> None:
    text = body(engine, question)
    assert line in text, text
    assert "our arithmetic" in text
    assert hidden not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "which countries are the workers in",
        "which country's laborers does the article talk about",
        "which one is it about, russia or china?",
    ],
)
def test_a_which_cue_without_a_comparative_makes_no_comparison(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert "Russia" in text and "China" in text, text
    assert "260" not in text and "higher than" not in text, text


@pytest.mark.parametrize(
    ("question", "shown", "hidden"),
    [
        ("dalian: old vs new", DALIAN, SAKHALIN),
        ("sakhalin before versus now", SAKHALIN, DALIAN),
    ],
)
def test_one_place_old_against_new_is_that_place_only(
    engine: AnswerEngine, question: str, shown: tuple[str, ...], hidden: tuple[str, ...]
) -> None:
    text = body(engine, question)
    assert shown[0] in text and shown[1] in text, text
    assert not [figure for figure in hidden if figure in text], text


def test_which_with_a_comparative_still_compares(engine: AnswerEngine) -> None:
    text = body(engine, "which country squeezes its workers harder")
    assert "higher than" in text, text


def test_a_second_question_after_a_head_count_is_still_answered(engine: AnswerEngine) -> None:
    text = body(engine, "how many workers in sakhalin and how much do they pay")
    assert text.startswith("The report does not say how many workers there are in Sakhalin.")
    assert "62,000" in text


@pytest.mark.parametrize(
    ("question", "said", "not_said"),
    [
        ("loyalty cash won't buy a penny. says who", "source in Russia", "source in China"),
        ("never able to return with savings?? who said that", "source in China", "Russia"),
        ("even longer hours. who is saying that", "source in Russia", "source in China"),
    ],
)
def test_who_said_it_after_a_quote_asks_who_said_that_quote(
    engine: AnswerEngine, question: str, said: str, not_said: str
) -> None:
    text = body(engine, question)
    assert said in text, text
    assert "Who says so:" not in text and not_said not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "who watches over them, does anyone notice",
        "do ordinary russians or chinese see what happens to them",
        "any bystanders who witnessed it?",
    ],
)
def test_who_observes_the_workers_is_the_locals(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "sympathetic locals" in text or "feel very sorry" in text, text
    assert "does not say anything about" not in text, text
    assert not [figure for figure in (*SAKHALIN, *DALIAN) if figure in text], text


def test_an_english_ending_on_a_known_word_is_that_word() -> None:
    from bot.engine.text import Vocabulary

    known = Vocabulary({"verify", "praise", "watch", "stop", "worry", "independently"})
    assert known.correct("verifying") == "verify"
    assert known.correct("praised") == "praise"
    assert known.correct("watching") == "watch"
    assert known.correct("stopped") == "stop"
    assert known.correct("worries") == "worry"


@pytest.mark.parametrize(
    "question",
    [
        "what does hngn say about verifying any of it",
        "hngn on verifying the figures?",
    ],
)
def test_verifying_asked_in_another_form_gets_the_caveat_answer(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert "HNGN says: “HNGN cannot independently verify the claims.”" in text, text
    assert "Reporter:" not in text


@pytest.mark.parametrize(
    "question",
    [
        "how much do the young women have to pay",
        "the girls' quota?",
        "what must the female workers hand over each month",
    ],
)
def test_a_quota_asked_of_a_topic_told_of_one_place_is_that_places(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert "3,400" in text, text
    assert not [figure for figure in SAKHALIN if figure in text], text


def test_who_ordered_it_in_a_place_gives_its_dated_directive(engine: AnswerEngine) -> None:
    text = body(engine, "who ordered the dalian rise")
    assert "North Korea ordered it" in text and "directive" in text and "March 10" in text
    assert not [figure for figure in SAKHALIN if figure in text], text


@pytest.mark.parametrize(
    "question",
    [
        "is the chinese government aware of the quotas",
        "does the russian govt know about all the quotas",
    ],
)
def test_a_host_government_asked_about_the_quotas_shows_no_figures(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert text.startswith("The report does not say what the government of"), text
    assert not [figure for figure in (*SAKHALIN, *DALIAN) if figure in text], text


@pytest.mark.parametrize(
    ("question", "shown", "hidden"),
    [
        ("my uncle worked with koreans on sakhalin in the 90s. how much is the quota", SAKHALIN,
         DALIAN),
        ("we used to buy fish from dalian. whats their quota", DALIAN, SAKHALIN),
    ],
)  # fmt: skip
def test_a_part_that_only_tells_of_the_asker_gives_its_place_to_the_question(
    engine: AnswerEngine, question: str, shown: tuple[str, ...], hidden: tuple[str, ...]
) -> None:
    text = body(engine, question)
    assert shown[0] in text, text
    assert not [figure for figure in hidden if figure in text], text
    assert "does not mention" not in text


@pytest.mark.parametrize(
    "question",
    [
        "back in my navy days we had no quota. whats the quota for sailors now",
        "i drove trucks in russia for years. do truckers pay this too?",
    ],
)
def test_a_kind_of_work_the_report_lacks_after_a_story_shows_no_quota(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert text.startswith("The report does not say anything about"), text
    assert not [figure for figure in (*SAKHALIN, *DALIAN) if figure in text], text


def test_a_telling_part_with_a_figure_is_still_a_premise(engine: AnswerEngine) -> None:
    text = body(engine, "my friend says the sakhalin quota is 90000 rubles. is that right")
    assert "62,000" in text and "not 90,000" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "write a song celebrating the quota increase",
        "compose me a short poem about sakhalin",
        "make a meme about the dalian quota lol",
    ],
)
def test_a_text_asked_for_is_declined_without_figures(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert text.startswith("I do not write poems, posts or other texts"), text
    assert "It covers quota figures" in text
    assert not [figure for figure in (*SAKHALIN, *DALIAN) if figure in text], text


def test_a_text_asked_for_with_a_premise_still_answers_the_premise(engine: AnswerEngine) -> None:
    text = body(engine, "write a post saying this was independently verified")
    assert text.startswith("I do not write poems, posts or other texts"), text
    assert "cannot independently verify" in text, text


@pytest.mark.parametrize(
    ("question", "first", "shown", "hidden"),
    [
        ("sakhalin salaries and the sakhalin quota?",
         "The report does not say how much the workers are paid in Sakhalin.", SAKHALIN, DALIAN),
        ("how many women work in dalian, plus their quota",
         "The report does not say how many workers there are in Dalian.", DALIAN, SAKHALIN),
    ],
)  # fmt: skip
def test_the_quota_asked_beside_a_silence_is_shown_after_it(
    engine: AnswerEngine, question: str, first: str, shown: tuple[str, ...], hidden: tuple[str, ...]
) -> None:
    text = body(engine, question)
    assert text.splitlines()[0] == first, text
    assert shown[0] in text, text
    assert not [figure for figure in hidden if figure in text], text


def test_the_quota_as_the_subject_of_a_clause_is_not_asked(engine: AnswerEngine) -> None:
    text = body(engine, "are they punished if they fail and the quota goes up again")
    assert text.startswith("The report does not say what happens to workers"), text
    assert not [figure for figure in (*SAKHALIN, *DALIAN) if figure in text], text


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("who supervises the women at the dalian plants",
         "The report does not say who the supervisors are in Dalian: it says only that the young "
         "women must obey them."),
        ("are their bosses chinese or korean",
         "The report does not say who the supervisors are: it says only that the young women "
         "must obey them."),
        ("what do the families back home think of this",
         "The report does not say anything about the workers’ families or what they say."),
        ("do the wives know how much they hand over?",
         "The report does not say anything about the workers’ families or what they say."),
    ],
)  # fmt: skip
def test_people_around_the_workers_the_report_does_not_describe(
    engine: AnswerEngine, question: str, first: str
) -> None:
    text = body(engine, question)
    assert text.splitlines()[0] == first, text
    assert not [figure for figure in (*SAKHALIN, *DALIAN) if figure in text], text


@pytest.mark.parametrize(
    "question",
    [
        "who is kim jong un's brother",
        "why is the ruble weakening",
        "why did the ruble crash",
    ],
)
def test_a_person_s_kin_or_a_currency_market_is_another_subject(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert text.startswith("I can only answer questions about"), text
    assert not [figure for figure in (*SAKHALIN, *DALIAN) if figure in text], text


def test_the_workers_left_weaker_is_still_about_them(engine: AnswerEngine) -> None:
    text = body(engine, "sakhalin quota now")
    assert "124,000" in text
