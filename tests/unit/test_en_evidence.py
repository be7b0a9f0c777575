"""English words taken for places, typos or other questions only on strong evidence, and
sourcing and second questions asked in words no cue lists. Each wording is written apart
from the question sets; each group has wordings that must not change.

- a dictionary word is no typo of a word that means something (only a form of itself:
  "paying" is "pay", "chose" "choose"), and a typo is read as an uncovered country only
  after a preposition ("chale" is slang, not "chile");
- "in X" right after an amount ("sakhalin in loonies", "pay it in usdt") is a unit, not a
  place, unless the gazetteer knows X (places.in_a_unit);
- a gazetteer name is known with a suffix dropped ("petropavlovsk", gazetteer.py with
  vocabulary/place_suffixes.json);
- a part asks the sources by a frame of its own ("chain of custody", "is this from the …")
  or by "who" beside any noun before a word for the information (sourcing_cues.json, "who");
- "sayin" is "saying"; a second question after "and um", "an", "and sure" is a part.
"""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.gazetteer import known_place
from bot.engine.segments import split_parts
from bot.engine.text import BoundedCorrector, Vocabulary, spelled_out
from bot.engine.vocabulary import Attribute, Intent
from bot.i18n import Language
from testkit.engine import RFA_2020, engine_with, lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("en_evidence") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def _text(engine: AnswerEngine, question: str) -> str:
    return "\n".join(lines_in(engine, question, Language.EN))


# A slang or foreign word a letter from a country's name, outside a place's frame.
@pytest.mark.parametrize(
    "question",
    [
        "chale how long did these guys plan to stay abroad",
        "Chale, how much do the factory girls in dalian pay",
        "chale what does the report say about savings",
    ],
)
def test_a_word_one_letter_from_an_uncovered_country_is_no_country(
    engine: AnswerEngine, question: str
) -> None:
    assert not any(s.countries for s in engine.understand(question).segments)
    assert "Chile" not in _text(engine, question)


@pytest.mark.parametrize(
    ("question", "country"),
    [
        ("is the quota higher for workers in chiile", "CL"),  # after a preposition
        ("rusia quota how much", "RU"),  # a covered country's typo, wherever it stands
        ("chinna workers pay what", "CN"),
        ("how much do workers in chian pay", "CN"),
    ],
)
def test_a_typo_of_a_country_is_still_read_where_the_evidence_is_strong(
    engine: AnswerEngine, question: str, country: str
) -> None:
    assert country in engine.understand(question).countries


@pytest.mark.parametrize(
    "question", ["who is giving out this information", "who is feeding them this story"]
)
def test_a_dictionary_word_is_no_typo(engine: AnswerEngine, question: str) -> None:
    understanding = engine.understand(question)  # not "living", not "feeling"
    assert Attribute.HOUSING not in understanding.attributes
    assert not understanding.segments[0].corrected_words


def test_an_inflected_dictionary_word_is_still_read_as_its_base(engine: AnswerEngine) -> None:
    understanding = engine.understand("how much are they paying in sakhalin")
    assert understanding.segments[0].corrected_words == {"paying": "pay"}
    assert Intent.QUOTA in understanding.intents


def test_the_base_of_a_dictionary_word_is_a_form_of_itself() -> None:
    corrector = BoundedCorrector(Vocabulary({"pay", "missed", "fish", "choose", "feeling"}))
    assert corrector.base("paying") == "pay"
    assert corrector.base("misses") == "missed"
    assert corrector.base("fishy") == "fish"
    assert corrector.base("chose") == "choose"  # a letter less
    assert corrector.base("feeding") is None  # a letter changed: another word


@pytest.mark.parametrize(
    "question",
    [
        "how much for sakhalin in loonies",
        "can i pay it in usdt lol",
        "how much is 62000 in btc",
        "how much is that in quid",
        "dalian in dogecoin?",
        # "one" standing for the quota of a place or an asked amount just before it
        "the new sakhalin one in smackeroos?",
        "and the old dalian one in clams",
    ],
)
def test_in_a_unit_after_an_amount_is_no_place(engine: AnswerEngine, question: str) -> None:
    assert not any(s.unknown_places for s in engine.understand(question).segments)
    assert "does not mention" not in _text(engine, question)


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("how much do they pay in kholmsk", "kholmsk"),  # no amount before "in"
        ("quota in zanzibarville", "zanzibarville"),
        ("how much in kholmsk", "kholmsk"),
        ("is there one in zanzibarville", "zanzibarville"),  # "one" names no amount here
    ],
)
def test_in_a_place_after_a_question_is_still_a_place(
    engine: AnswerEngine, question: str, place: str
) -> None:
    assert place in engine.understand(question).segments[0].unknown_places


def test_a_gazetteer_name_is_known_with_its_suffix_dropped() -> None:
    assert known_place("petropavlovsk")  # Petropavlovsk-Kamchatsky
    assert known_place("komsomolsk")  # Komsomolsk-on-Amur
    assert known_place("guangdong")  # Guangdong Sheng
    # "johnson city", "spanish town": no suffix the list drops; "travel" is a word.
    assert not known_place("johnson")
    assert not known_place("spanish")
    assert not known_place("travel")


@pytest.mark.parametrize(
    "question",
    [
        "what about the crab boats out of Petropavlovsk, any of em paying this?",
        "do workers in komsomolsk pay this",
    ],
)
def test_a_city_named_without_its_suffix_is_an_uncovered_place(
    engine: AnswerEngine, question: str
) -> None:
    name = "Petropavlovsk" if "Petro" in question else "Komsomolsk"
    assert f"does not mention {name}" in _text(engine, question)


@pytest.mark.parametrize(
    "question",
    [
        "who's the plug for this info",
        "who's yer man feeding this story",
        "who gave you this info",
        "What's the chain of custody here?",
        "what is the provenance of these numbers",
        "this information is from the government of South Korea?",
        "is this coming from the workers themselves or some agency",
        "where did this story originally come from",
        "From where is this information?",
        "which agency?",
        "a who a chat dis?",
        "who's on the inside",
    ],
)
def test_sourcing_asked_by_a_frame_or_a_noun_before_the_information(
    engine: AnswerEngine, question: str
) -> None:
    assert Intent.SOURCES in engine.understand(question).intents
    assert "a source in Russia" in _text(engine, question)


@pytest.mark.parametrize(
    "question",
    [
        "who feeds the workers",
        "who are the workers in this story",
        "is the quota taken from their salary",
        "who is the boss of the workers",
    ],
)
def test_other_questions_beside_the_information_words_ask_no_sources(
    engine: AnswerEngine, question: str
) -> None:
    assert Intent.SOURCES not in engine.understand(question).intents


def test_a_dropped_g_is_restored_only_where_the_dictionary_says_so() -> None:
    assert spelled_out("who is sayin it", {}) == "who is saying it"
    assert spelled_out("they workin hard, payin more", {}) == "they working hard, paying more"
    assert spelled_out("berlin margin cousin harbin", {}) == "berlin margin cousin harbin"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("how much is the quota now and um do they get overtime", 2),
        ("whats the reason an when did it start", 2),
        ("how much is the sakhalin quota and sure when did it start", 2),
        ("how much in dalian n why", 2),
        ("bread and butter is what they earn", 1),
        ("sakhalin and dalian, how much", 1),
        ("rock and roll", 1),
    ],
)
def test_a_second_question_after_and_with_a_filler_is_a_part(text: str, parts: int) -> None:
    assert len(split_parts(text)) == parts


def test_a_second_question_after_and_um_is_answered(engine: AnswerEngine) -> None:
    text = _text(engine, "ok so how much is the russia quota now and um do they get any days off")
    assert "124,000" in text
    assert "does not say whether the workers get days off" in text


@pytest.mark.parametrize(
    "question",
    [
        "what happens to a lad if he doesn't make the quota, do they ship him home?",
        "say a worker misses the target, then what",
        "if the guys in dalian can't hand over the money what do they do to them",
    ],
)
def test_a_conditional_of_not_paying_asks_the_penalty(engine: AnswerEngine, question: str) -> None:
    text = _text(engine, question)
    assert "does not say what happens to workers who do not meet the quota" in text
    assert "62,000" not in text and "3,400" not in text


def test_a_conditional_of_something_else_asks_no_penalty(engine: AnswerEngine) -> None:
    for question in ("if the quota doubled, what is it now", "if you don't mind, the quota?"):
        assert Attribute.PENALTY not in engine.understand(question).attributes


def test_a_plural_in_dem_is_people_counted(engine: AnswerEngine) -> None:
    text = _text(engine, "how many korean mandem grafting in sakhalin")
    assert "does not say how many workers" in text
    assert "62,000" not in text


@pytest.mark.parametrize(
    "question",
    [
        "do they get any health insurance in dalian?",
        "so i was wondering, can the workers in sakhalin see a dentist",
    ],
)
def test_a_yes_no_question_of_what_no_cue_maps_is_not_answered_with_the_quota(
    engine: AnswerEngine, question: str
) -> None:
    text = _text(engine, question)
    assert "The report does not say" in text
    assert "62,000" not in text and "3,400" not in text


def test_a_yes_no_question_of_the_quota_still_gets_it(engine: AnswerEngine) -> None:
    assert "6,800" in _text(engine, "are the workers in dalian paying more now")


@pytest.mark.parametrize(
    "question",
    [
        "it was 3,400 rubles in dalian not yuan",
        "My teacher says it is 62,000 yuan in Dalian, not rubles",
        "3400 in dalian is rubles instead of yuan right",
    ],
)
def test_a_currency_set_aside_is_no_conversion(engine: AnswerEngine, question: str) -> None:
    text = _text(engine, question)
    assert "3,400 yuan" in text
    assert "to the dollar" not in text


def test_a_sum_asked_in_another_currency_is_still_converted(engine: AnswerEngine) -> None:
    assert "39,918 rubles" in _text(engine, "how much is 3400 yuan in rubles")


def test_a_contraction_after_a_comma_is_no_place(engine: AnswerEngine) -> None:
    text = _text(engine, "the sakhalin figure is in yuan, isn't it?")
    assert "does not mention" not in text


@pytest.fixture(scope="module")
def with_rfa(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("en_evidence_rfa") / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", RFA_2020))


def test_a_yes_no_question_of_a_word_the_claims_use_is_answered(with_rfa: AnswerEngine) -> None:
    # "spouse" is a word of RFA's claims: what the report says is what is asked.
    question = "is the spouse charged as well, or only the worker?"
    text = "\n".join(lines_in(with_rfa, question, Language.EN))
    assert "12,000" in text
