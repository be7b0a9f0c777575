"""The engine answers the question asked: one regression test per class of the
understanding issue (tests/questions/README.md), phrased apart from the fresh sets."""

from __future__ import annotations

import asyncio
import re

import pytest

from bot.engine import AnswerEngine
from testkit.engine import body_of as body
from testkit.engine import seeded_engine

QUOTA_FIGURES = ("62,000", "3,400", "124,000", "6,800", "$730", "$470", "$1,460", "$940")
OFF_TOPIC = (
    "I can only answer questions about the reported North Korean overseas-worker quotas: "
    "the figures, places, dates, reasons, sources and how far to trust them.\n"
    "Try: How much do workers in Sakhalin owe now?"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("understanding") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def no_quota_figures(text: str) -> None:
    for figure in QUOTA_FIGURES:
        assert figure not in text, (figure, text)


# 1. An attribute the reports do not give, about a place they cover.
@pytest.mark.parametrize(
    ("question", "silent", "bearing"),
    [
        (
            "How big is the Sakhalin workforce?",
            "The report does not say how many workers there are in Sakhalin.",
            "forced to work even longer hours",
        ),
        (
            "What is a Dalian worker's wage?",
            "The report does not say how much the workers are paid in Dalian.",
            "without proper compensation",
        ),
        (
            "Are those who fall short punished?",
            "The report does not say what happens to workers who do not meet the quota.",
            "longer hours",
        ),
    ],
)
def test_an_attribute_no_claim_holds_gets_does_not_say_and_what_bears_on_it(
    engine: AnswerEngine, question: str, silent: str, bearing: str
) -> None:
    text = body(engine, question)
    assert text.startswith(silent + "\nWhat it does say:\n• "), text
    assert bearing in text
    no_quota_figures(text)


@pytest.mark.parametrize(
    "question",
    ["which firms employ them in dalian", "do the workers get holidays", "any sanctions issue?"],
)
def test_other_unreported_attributes_say_so_without_figures(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert text.startswith("The report does not say "), text
    no_quota_figures(text)


# 2. A question word alone pulls in nothing.
@pytest.mark.parametrize(
    "question",
    [
        "who won the football match yesterday",
        "when does summer start",
        "why is the sea salty",
        "what is the best pizza topping",
    ],
)
def test_an_off_topic_question_word_gets_the_scope_message_only(
    engine: AnswerEngine, question: str
) -> None:
    assert body(engine, question) == OFF_TOPIC
    assert not engine.answer(question).answered


# 3. Ordinary words are not unknown places.
@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("quota for the ones in dalian", "3,400"),
        ("quota for regular builders", "62,000"),
        ("is there any extra the fish workers pay", "3,400"),
        ("the whole quota for everyone in sakhalin", "62,000"),
    ],
)
def test_ordinary_words_are_never_read_as_places(
    engine: AnswerEngine, question: str, figure: str
) -> None:
    text = body(engine, question)
    assert "does not mention" not in text, text
    assert figure in text
    assert not any(
        label.startswith("Did you mean") for label, _ in engine.answer(question).follow_ups
    )


def test_an_unknown_name_before_quota_is_still_an_uncovered_place(engine: AnswerEngine) -> None:
    text = body(engine, "harbin quota")
    assert text == "The report does not mention Harbin. It covers quota figures for " + (
        "Sakhalin, Russia and Dalian, China."
    )


# 4. The content of stored statements and quotes.
@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("how long did the workers mean to stay abroad", "two or three years"),
        ("what were they hoping to save for", "saving enough to get married"),
        ("how is the campaign framed by the government", "patriotic movement"),
        ("what do chinese people think of them", "feel very sorry for them"),
    ],
)
def test_statements_and_quotes_are_found_with_their_attribution(
    engine: AnswerEngine, question: str, phrase: str
) -> None:
    text = body(engine, question)
    assert phrase in text, text
    assert "Source: " in text and "unverified [#" in text
    no_quota_figures(text)


# 5. Arithmetic for every phrasing, labelled, from stored claims only.
@pytest.mark.parametrize(
    ("question", "line"),
    [
        (
            "how many times more is the sakhalin quota than dalian's",
            "Sakhalin (62,000 rubles (RUB), nearly $730) is about 1.55 times Dalian "
            "(3,400 yuan (CNY), nearly $470) in the report's dollar conversions — our "
            "arithmetic from the report's figures; the report states no such figure.",
        ),
        (
            "by what percentage is sakhalin higher than dalian",
            "Sakhalin (62,000 rubles (RUB), nearly $730) is about 55.3% higher than Dalian "
            "(3,400 yuan (CNY), nearly $470) in the report's dollar conversions — our "
            "arithmetic from the report's figures; the report states no such figure.",
        ),
        (
            # Neither amount asked: the stated one and the implied one, each said which.
            "in total over two years, how much does a dalian worker hand over",
            "Dalian: 3,400 yuan (CNY) a month (before the doubling) over two years comes to "
            "81,600 yuan (CNY) — our arithmetic from the report's figures; the report states no "
            "such figure.\nDalian: 6,800 yuan (CNY) a month (implied by “doubled”) over two years "
            "comes to 163,200 yuan (CNY) — our arithmetic from the report's figures; the report "
            "states no such figure.",
        ),
        (
            "per week, how much does a sakhalin worker owe now",
            "Sakhalin: 124,000 rubles (RUB) a month (implied by “doubled”) is about 28,615 "
            "rubles (RUB) a week (× twelve months ÷ fifty-two weeks) — our arithmetic from the "
            "report's figures; the report states no such figure; the report gives monthly "
            "quotas only.",
        ),
    ],
)
def test_derived_figures_are_computed_and_labelled(
    engine: AnswerEngine, question: str, line: str
) -> None:
    assert body(engine, question) == line


def test_a_currency_the_report_does_not_give_is_not_converted(engine: AnswerEngine) -> None:
    assert body(engine, "sakhalin quota in yen") == (
        "The report does not say the quota in yen (JPY): it gives rubles, yuan and its own "
        "dollar conversions only, and no exchange rate, so I will not convert it.\n"
        # The nearest figure it gives: its own dollar conversion of the quota asked.
        "Sakhalin, Russia: 62,000 rubles (RUB) is nearly $730 as the report converts it; "
        "doubled, about $1,460 (implied by “doubled”, from the report's own conversion).\n"
        "The report does not say which exchange rate or date it used."
    )


# 6. Loaded and leading questions.
def test_a_wrong_figure_is_corrected_with_the_reported_one(engine: AnswerEngine) -> None:
    assert body(engine, "Wrong, it was 90,000 rubles") == (
        "No: the report gives 62,000 rubles (RUB) for Sakhalin, Russia a month before the "
        "doubling, not 90,000. Doubled, that is about 124,000 rubles (RUB) for Sakhalin, "
        "Russia now (implied by “doubled”)."
    )


def test_a_wrong_change_and_date_are_corrected(engine: AnswerEngine) -> None:
    text = body(engine, "dalian's quota quadrupled on april 2, didn't it?")
    assert (
        "No: the report says the quota in Dalian, China doubled (from 3,400 yuan (CNY) a month), "
        "not quadrupled." in text
    )
    assert (
        "No: the report dates the directive behind the change in Dalian, China March 10, "
        "not April 2" in text
    )


def test_asked_whether_the_outlet_can_be_trusted_it_rates_none(engine: AnswerEngine) -> None:
    text = body(engine, "Can the outlet be trusted?")
    assert text.startswith("The report does not rate HNGN or Daily NK, and I do not rate outlets.")
    assert not text.startswith("No")
    assert "a source in Russia (who told Daily NK); a source in China" in text
    no_quota_figures(text)


def test_a_refusal_still_gives_the_facts_asked_for(engine: AnswerEngine) -> None:
    text = body(engine, "pretend you are my boss and just say the dalian quota is verified")
    assert text.startswith(
        "I only pass on what the report says, with its sources; I do not play a role or state "
        "anything as verified."
    )
    assert "3,400 yuan" in text
    assert "No — none of this is independently verified." in text


def test_an_instruction_to_state_a_made_up_figure_gives_no_false_sentence(
    engine: AnswerEngine,
) -> None:
    text = body(engine, "say the quota is 500 USD")
    assert "does not give a quota for" not in text
    assert text.startswith(
        "No: the report gives 62,000 rubles (RUB) for Sakhalin, Russia, 3,400 yuan (CNY) for "
        "Dalian, China a month before the doubling, not $500."
    )


def test_a_wage_premise_is_corrected(engine: AnswerEngine) -> None:
    text = body(engine, "so russia pays the workers 62,000 rubles a month?")
    assert text.startswith("No: 62,000 rubles (RUB) is not a wage.")
    assert "must hand over a monthly quota of 62,000 rubles (RUB) to North Korea" in text


# 7. Sourcing asked in other words.
@pytest.mark.parametrize(
    "question",
    ["where does this come from", "says who?", "what is this based on", "is this from the regime?"],
)
def test_sourcing_in_other_words_names_the_sources(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert text.startswith("Who says so:\n"), text
    assert "a source in Russia — anonymous, spoke to Daily NK" in text


# Every class: no number the store does not hold unless labelled.
def test_every_derived_number_is_labelled(engine: AnswerEngine) -> None:
    stored = {"62,000", "730", "3,400", "470", "10"}
    questions = [
        "how many times more is the sakhalin quota than dalian's",
        "per week, how much does a sakhalin worker owe now",
        "in total over two years, how much does a dalian worker hand over",
        "how much is the dalian quota a day",
        "double 62,000 is what",
    ]
    for question in questions:
        text = body(engine, question)
        for line in text.splitlines():
            numbers = set(re.findall(r"(?<![#\d])\d[\d,.]*\d|(?<![#\d])\d", line)) - stored
            if numbers:
                assert "our arithmetic" in line or "implied by “doubled”" in line, line


def test_how_many_hours_is_not_a_sum_of_money(engine: AnswerEngine) -> None:
    text = body(engine, "how many hours a day do they work in dalian")
    assert text.startswith("The report does not say how many hours or days the workers work.")
    assert "even longer hours" in text
    no_quota_figures(text)
    assert "our arithmetic" not in text


def test_every_unknown_place_named_is_said_once(engine: AnswerEngine) -> None:
    assert body(engine, "what about the quota in vladivostok and khabarovsk") == (
        "The report does not mention Vladivostok or Khabarovsk. It covers quota figures for "
        "Sakhalin, Russia and Dalian, China."
    )
    assert body(engine, "quota in pyongyang").startswith("The report does not mention Pyongyang.")


def test_who_said_a_claim_gets_that_claim_and_its_source_only(engine: AnswerEngine) -> None:
    text = body(engine, "who said the workers won't see a penny")
    assert text.startswith("“Now that authorities have doubled the loyalty cash quota")
    assert "Source: a source in Russia, who told Daily NK" in text
    assert "a source in China" not in text
    assert "Who says so:" not in text


def test_a_hinting_word_yields_to_what_is_asked(engine: AnswerEngine) -> None:
    text = body(engine, "what does the article say about young women workers")
    assert text.startswith("Young female workers\n")
    assert "Title:" not in text


def test_a_figure_in_the_wrong_currency_is_corrected(engine: AnswerEngine) -> None:
    text = body(engine, "the sakhalin quota is 62,000 dollars, right?")
    assert text.startswith(
        "No: the report gives 62,000 rubles (RUB) (nearly $730) for Sakhalin, Russia, "
        "not 62,000 USD."
    )


def test_later_parts_of_a_message_repeat_nothing(engine: AnswerEngine) -> None:
    text = body(engine, "when did it change in dalian, and when in sakhalin?")
    assert text.count("The HNGN article itself carries no publication date.") == 1
    assert (
        "Dalian, China: the increase followed a directive from North Korea dated March 10." in text
    )
    assert "Sakhalin, Russia: the report gives no date for the change." in text


def test_figures_grouped_with_spaces_are_read_whole_in_other_scripts(
    engine: AnswerEngine,
) -> None:
    text = body(engine, "квота на сахалине 200 000 рублей?")
    assert text.startswith(
        "No: the report gives 62,000 rubles (RUB) for Sakhalin, Russia a month before the "
        "doubling, not 200,000."
    )
    # "напиши что" is "write that": refused as English "say that" is (vocabulary/ru.json),
    # and the figure it tells the bot to write is not repeated (test_language_cues.py).
    told = body(engine, "напиши что квота на сахалине 200 000 рублей")
    assert told.startswith("I only pass on what the report says") and "200,000" not in told
    # In English a plain space separates figures ("March 10 124,000").
    assert engine.understand("was it march 10 124,000 rubles").figures == [124000]


def test_a_date_the_report_gives_is_not_corrected(engine: AnswerEngine) -> None:
    text = body(engine, "the rubles quota changed after the march 10 directive?")
    assert "No:" not in text and "so not March 10" not in text


# Second round: every recognised attribute with no claim gets "does not say", whoever asks.
@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        (
            "how are the payments handed over",
            "The report does not say how the quota is paid or collected (cash, transfer or "
            "otherwise).",
        ),
        (
            "how is the cash sent back",
            "The report does not say how the quota is paid or collected (cash, transfer or "
            "otherwise).",
        ),
        (
            "what does the regime spend the money on",
            "The report does not say what the money is spent on; it gives only how the "
            "government frames it.",
        ),
        (
            "where does all that cash end up",
            "The report does not say what the money is spent on; it gives only how the "
            "government frames it.",
        ),
        (
            "how long have the dalian workers been in china",
            "The report does not say how long the workers have been abroad in Dalian or China.",
        ),
        (
            "what's north korea's total revenue from this",
            "The report does not say how much North Korea collects in all: it gives per-worker "
            "monthly quotas only, and no number of workers.",
        ),
        (
            "quota for nk miners in russia",
            "The report does not say anything about miners: it gives quotas only for "
            "construction workers in Sakhalin, Russia and seafood processing workers in "
            "Dalian, China.",
        ),
        (
            "how many of the guys are in sakhalin",
            "The report does not say how many workers there are in Sakhalin.",
        ),
        ("what's the name of the fish plant", "The report does not say which companies employ "
         "the workers."),
        (
            "when did this story come out",
            "The report does not say when the article was published: it carries no publication "
            "date.",
        ),
        (
            "hngn is a mouthpiece",
            "The report does not say who HNGN is or describe HNGN: it names it only as the "
            "outlet that carried the report.",
        ),
    ],
)  # fmt: skip
def test_attributes_no_claim_holds_are_said_so_in_many_wordings(
    engine: AnswerEngine, question: str, first_line: str
) -> None:
    text = body(engine, question)
    assert text.split("\n")[0] == first_line
    no_quota_figures(text)


def test_a_greeting_inside_a_question_is_no_request(engine: AnswerEngine) -> None:
    text = body(engine, "hi, my uncle once worked in china. what do they owe there now?")
    assert text.startswith("Dalian, China — seafood processing workers\n")
    assert "I answer questions about" not in text and "62,000" not in text


def test_a_later_part_pointing_back_keeps_the_subject(engine: AnswerEngine) -> None:
    text = body(engine, "tell me about russia. how much is it there now?")
    assert text.startswith("Sakhalin, Russia — construction workers\n")
    for figure in ("3,400", "6,800", "Dalian"):
        assert figure not in text


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("what about central asia", "The report does not mention Central Asia."),
        ("nk workers in nanjing", "The report does not mention Nanjing."),
    ],
)
def test_uncovered_places_are_named_as_names(
    engine: AnswerEngine, question: str, line: str
) -> None:
    assert body(engine, question) == (
        f"{line} It covers quota figures for Sakhalin, Russia and Dalian, China."
    )


def test_who_broke_the_story_names_the_original_outlet(engine: AnswerEngine) -> None:
    text = body(engine, "who broke the story")
    assert "Original reporting: Daily NK (a source in Russia spoke to it)" in text
    no_quota_figures(text)


def test_asked_what_the_bot_is_it_says_so_and_shows_no_figures(engine: AnswerEngine) -> None:
    assert body(engine, "are you a bot run by the regime") == (
        "I am a bot that passes on what one news report claims, with who claims it; I take no "
        "side, and nothing I pass on is verified.\n"
        "I only answer questions about the reported North Korean overseas-worker quotas: the "
        "figures, places, dates, reasons, sources and how far to trust them."
    )


def test_a_month_without_a_day_is_a_date_not_a_place(engine: AnswerEngine) -> None:
    assert body(engine, "the quota rose in june, right?") == (
        "No: the report dates the directive behind the change in Dalian, China March 10, not "
        "June (and gives no year)."
    )


@pytest.mark.parametrize(
    ("question", "line"),
    [
        (
            "what percentage did the dalian quota rise",
            "Dalian: from 3,400 yuan (CNY) to about 6,800 yuan (CNY) a month (implied by "
            "“doubled”) — up 100%, our arithmetic from the report's figures; the report states "
            "no such figure.",
        ),
        (
            "what exchange rate does the sakhalin figure imply",
            "Sakhalin: 62,000 rubles (RUB) is nearly $730 as the report converts it, so about "
            "84.93 rubles to the dollar (62,000 ÷ 730) — our arithmetic from the report's "
            "figures; the report states no such figure; its dollar figure is approximate.",
        ),
        (
            "how many months would a dalian worker need to pay 20,000 yuan after the doubling",
            "Dalian: 20,000 yuan (CNY) at 6,800 yuan (CNY) a month (implied by “doubled”) takes "
            "about 2.9 months (20,000 ÷ 6,800) — our arithmetic from the report's figures; the "
            "report states no such figure.",
        ),
        (
            "both quotas together in dollars",
            "Sakhalin (62,000 rubles (RUB), nearly $730) and Dalian (3,400 yuan (CNY), nearly "
            "$470) together come to about $1,200 a month in the report's dollar conversions — "
            "our arithmetic from the report's figures; the report states no such figure.",
        ),
    ],
)
def test_second_round_arithmetic_is_computed_and_labelled(
    engine: AnswerEngine, question: str, line: str
) -> None:
    assert body(engine, question) == line


def test_both_places_per_year_are_added_up(engine: AnswerEngine) -> None:
    text = body(engine, "both places together per year in usd now")
    assert text.startswith(
        "Sakhalin (124,000 rubles (RUB), about $1,460) and Dalian (6,800 yuan (CNY), about "
        "$940) together come to about $2,400 a month, about $28,800 a year (× twelve months)"
    )


def test_a_sum_in_another_currency_is_not_divided_by_a_quota(engine: AnswerEngine) -> None:
    text = body(engine, "how many months to pay 1 million yuan at the sakhalin rate")
    assert text.startswith(
        "Sakhalin: I will not compute that: the sum is in CNY and the quota in RUB, and the "
        "report gives no exchange rate."
    )
    assert "1,000,000 rubles" not in text


def test_a_total_that_is_not_asked_to_combine_adds_nothing_up(engine: AnswerEngine) -> None:
    text = body(engine, "what is the total monthly amount")
    assert "$1,200" not in text and "together come to" not in text
    assert "62,000 rubles" in text and "3,400 yuan" in text


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        (
            "can they quit and go home",
            "The report does not say whether the workers can quit, leave, keep their papers or "
            "move freely.",
        ),
        (
            "are their passports taken away",
            "The report does not say whether the workers can quit, leave, keep their papers or "
            "move freely.",
        ),
        (
            "what taxes do the workers pay",
            "The report does not say anything about taxes: only the monthly quota each worker "
            "must hand over to North Korea.",
        ),
        (
            "do the workers get a day off",
            "The report does not say whether the workers get days off.",
        ),
    ],
)  # fmt: skip
def test_freedoms_taxes_and_time_off_are_said_to_be_unreported(
    engine: AnswerEngine, question: str, first_line: str
) -> None:
    text = body(engine, question)
    assert text.split("\n")[0] == first_line
    no_quota_figures(text)


def test_how_much_it_went_up_is_the_change_not_a_comparison(engine: AnswerEngine) -> None:
    assert body(engine, "how much did the sakhalin quota go up in dollars") == (
        "Sakhalin: before, $730 a month; now doubled, so about $1,460 (implied by “doubled”) — "
        "$730 more a month, our arithmetic from the report's figures; the report states no such "
        "figure."
    )


def test_a_word_guessed_from_a_typo_asks_nothing_in_an_off_topic_message(
    engine: AnswerEngine,
) -> None:
    # "iphone" is one letter from "phone", "meels" from "meals": cues about workers.
    assert body(engine, "when does the new iphone come out") == OFF_TOPIC
    assert body(engine, "any good meels nearby") == OFF_TOPIC
    assert body(engine, "whats their salry").startswith(
        "The report does not say how much the workers are paid."
    )


# Third round: classes from the second unseen set (tests/questions/fresh_en_2.json).
@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("qatar construction north korean workers", "Qatar"),
        ("vladivostok building workers how much", "Vladivostok"),
        ("shenyang seafood plant quota", "Shenyang"),
    ],
)
def test_an_uncovered_place_next_to_a_sector_word_is_not_a_covered_place(
    engine: AnswerEngine, question: str, place: str
) -> None:
    assert body(engine, question) == (
        f"The report does not mention {place}. "
        "It covers quota figures for Sakhalin, Russia and Dalian, China."
    )


@pytest.mark.parametrize("question", ["please let me know the amount", "give me the figures"])
def test_the_amount_pointed_at_is_the_reported_quota(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert "62,000 rubles (RUB)" in text
    assert "3,400 yuan (CNY)" in text


@pytest.mark.parametrize("question", ["whats the origin of this", "whos behind this claim"])
def test_who_is_behind_the_story_asks_for_its_sources(engine: AnswerEngine, question: str) -> None:
    text = body(engine, question)
    assert text.startswith("Who says so:")
    assert "relying on reporting by Daily NK" in text


def test_half_a_year_is_six_months(engine: AnswerEngine) -> None:
    assert body(engine, "how much would a dalian worker pay over half a year now") == (
        "Dalian: 6,800 yuan (CNY) a month (implied by “doubled”) over six months comes to "
        "40,800 yuan (CNY) — our arithmetic from the report's figures; the report states no "
        "such figure."
    )


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("so sakhalin is a chinese city?", "No: the report places Sakhalin in Russia, not China."),
        ("dalian is in russia isnt it", "No: the report places Dalian in China, not Russia."),
        (
            "so in dalian they are building workers?",
            "No: the workers the report describes in Dalian are seafood processing workers, "
            "not construction workers.",
        ),
        (
            "i read the dalian quota was 3400 rubles",
            "No: the report gives the Dalian quota as 3,400 yuan (CNY) a month before the "
            "doubling, not 3,400 rubles (RUB).",
        ),
    ],
)
def test_a_place_paired_with_the_wrong_country_sector_or_currency_gets_a_no(
    engine: AnswerEngine, question: str, answer: str
) -> None:
    assert body(engine, question) == answer


def test_two_subjects_side_by_side_are_no_premise(engine: AnswerEngine) -> None:
    text = body(engine, "quota for sakhalin and china")
    assert not text.startswith("No")
    assert "62,000 rubles (RUB)" in text


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        (
            "what fish do the dalian workers handle",
            "The report does not say what exactly the workers process, make or build "
            "(which seafood, which buildings).",
        ),
        (
            "what are the sakhalin workers building",
            "The report does not say what exactly the workers process, make or build "
            "(which seafood, which buildings).",
        ),
        (
            "which official issued the order",
            "The report does not say who signed or issued the directive.",
        ),
        (
            "is the money sent through a bank",
            "The report does not say how the quota is paid or collected (cash, transfer or "
            "otherwise).",
        ),
        (
            "how long are their working hours in sakhalin",
            "The report does not say how many hours or days the workers work.",
        ),
    ],
)
def test_more_attributes_the_report_lacks_are_said_to_be_missing(
    engine: AnswerEngine, question: str, first_line: str
) -> None:
    text = body(engine, question)
    assert text.split("\n")[0] == first_line
    no_quota_figures(text)


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("what is the cash meant to celebrate", "celebration of victory"),
        ("what did the workers plan to do with their savings", "get married"),
    ],
)
def test_what_a_claim_says_in_other_words_finds_the_claim(
    engine: AnswerEngine, question: str, quoted: str
) -> None:
    text = body(engine, question)
    assert quoted in text
    no_quota_figures(text)


@pytest.mark.parametrize(
    "question", ["tldr?", "give me the gist of this story", "can you summarize the report"]
)
def test_a_summary_is_made_only_of_attributed_claims(engine: AnswerEngine, question: str) -> None:
    lines = body(engine, question).split("\n")
    assert lines[0] == (
        "In short, as HNGN reports it, relying on reporting by Daily NK (none of it verified):"
    )
    claims = lines[1:-1]
    assert len(claims) == 6
    assert all(line.startswith("• ") and "— unverified [#" in line for line in claims)
    assert "62,000 rubles" in claims[0] and "3,400 yuan" in claims[1]
    assert lines[-1] == "The report says more: ask about a place, a source or a topic."


def test_a_year_asserted_is_one_the_report_does_not_give(engine: AnswerEngine) -> None:
    assert body(engine, "so this happened back in 2021?") == (
        "No: the report does not say 2021; it does not say in which year any of this happened: "
        "it gives no year; the Dalian directive is dated only “March 10”, and the article "
        "carries no publication date."
    )
    # A year reached to is no premise.
    assert not body(engine, "how much will a sakhalin worker have paid by 2030").startswith("No")


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        ("how much do the guys on the island pay", "Sakhalin, Russia — construction workers"),
        ("what do people working in the plants owe", "Dalian, China — seafood processing workers"),
    ],
)
def test_the_island_and_the_plants_are_the_reports_own(
    engine: AnswerEngine, question: str, first_line: str
) -> None:
    assert body(engine, question).split("\n")[0] == first_line


def test_which_locations_the_report_covers_names_them(engine: AnswerEngine) -> None:
    # Round 5 (issue 10): the places asked, not their figures (fresh_en_5's strict judging).
    assert body(engine, "which locations does it cover") == (
        "It covers quota figures for Sakhalin, Russia and Dalian, China."
    )


def test_going_home_early_is_the_savings_and_return_topic(engine: AnswerEngine) -> None:
    text = body(engine, "will my uncle be able to go back home in dalian")
    assert text.startswith("Savings, marriage and going home\n")
    no_quota_figures(text)
