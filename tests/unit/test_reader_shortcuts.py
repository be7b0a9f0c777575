"""The readers' shortcuts (docs/performance.md, "What made it fast"): one search for any of
several patterns before trying each, cached word lists and phrase tables. Each must give
exactly what the long way gives."""

from __future__ import annotations

import re

import pytest

from bot.engine.feelings import said_feeling
from bot.engine.frames import read_frames
from bot.engine.language import Language
from bot.engine.originals import _stems, quote_covers
from bot.engine.prefilter import any_of
from bot.engine.text import words
from bot.engine.topic_frames import _both, framed_topics, topic_frames
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Attribute, load

PATTERNS = [
    re.compile(r"\bhow many (hour|day)\b(?!s)"),
    re.compile(r"(?<=[a-z] )101\b"),
    re.compile(r"\b24\s*/\s*7\b|\b24x7\b"),
]
TEXTS = [
    "how many hour do they work",
    "how many hours do they work",
    "economics 101 for dalian",
    "101 rubles",
    "open 24/7",
    "open 24 x 7",
    "",
    "nothing here",
]


@pytest.mark.parametrize("text", TEXTS)
def test_any_of_matches_where_one_of_the_patterns_does(text: str) -> None:
    combined = any_of(PATTERNS)
    assert combined is not None
    assert bool(combined.search(text)) == any(p.search(text) for p in PATTERNS)


def test_any_of_gives_no_filter_for_patterns_it_cannot_join() -> None:
    assert any_of([re.compile(r"(a)b\1")]) is None  # a numbered back-reference
    assert any_of([re.compile(r"(?P<x>a)(?P=x)")]) is None  # a named group
    assert any_of([re.compile("a", re.IGNORECASE)]) is None  # its own flags
    assert any_of([re.compile("a"), re.compile(r"c(d)")]) is not None  # plain groups join


def test_any_of_nothing_matches_nothing() -> None:
    never = any_of([])
    assert never is not None and never.search("anything at all") is None


def test_words_gives_a_new_list_each_time() -> None:
    first = words("how much in dalian")
    first.append("changed")
    assert words("how much in dalian") == ["how", "much", "in", "dalian"]


@pytest.mark.parametrize("language", list(Language))
def test_framed_topics_prefilter_changes_no_frame(language: Language) -> None:
    readings = {
        Language.EN: ["how long did they plan to stay", "why did it rise", "nothing asked"],
        Language.RU: ["как долго они собирались остаться", "почему выросла квота", "привет"],
        Language.ZH: ["他们打算待多久", "为什么涨了", "你好"],
        Language.KO: ["얼마 동안 머물 계획", "왜 올랐어", "안녕"],
    }.get(language, ["hello"])
    for reading in readings:
        text = f" {reading.casefold()} "
        slow = [f for f in topic_frames(language) if _both(f, text)]
        slow = [f for f in slow if not (f.unless and f.unless.search(text))]
        assert framed_topics(language, reading) == slow


def test_framed_topics_still_finds_the_planned_stay() -> None:
    assert [f.topic for f in framed_topics(Language.EN, "how long did they plan to stay")]
    assert framed_topics(Language.EN, "what is the quota in dalian") == []


def test_outlet_and_change_phrases_read_as_before() -> None:
    vocabulary = load("en")
    outlets = ("rfa", "daily nk")
    assert (
        Attribute.OUTLET_PROFILE
        in read_frames("when was rfa founded", vocabulary, outlets).attributes
    )
    assert (
        Attribute.OUTLET_PROFILE
        in read_frames("why did the us fund rfa", vocabulary, outlets).attributes
    )
    assert (
        Attribute.OUTLET_PROFILE
        not in read_frames("what did rfa say", vocabulary, outlets).attributes
    )
    # The same words without a stored outlet profile nothing.
    assert (
        Attribute.OUTLET_PROFILE
        not in read_frames("when was it founded", vocabulary, ()).attributes
    )
    verb = vocabulary.change_verbs[0]
    assert read_frames(f"the quota {verb} last year", vocabulary, outlets).change_asked
    assert not read_frames("the quota in dalian", vocabulary, outlets).change_asked


def test_said_feeling_reads_as_before() -> None:
    vocabulary = load("en")
    feeling = vocabulary.positive_feelings[0]
    said = Understanding(text=f"the workers are {feeling}", language=Language.EN)
    assert said_feeling(said, vocabulary) == feeling
    denied = Understanding(text=f"the workers are not {feeling}", language=Language.EN)
    assert said_feeling(denied, vocabulary) is None
    nobody = Understanding(text=f"the weather is {feeling}", language=Language.EN)
    assert said_feeling(nobody, vocabulary) is None


class _Claim:
    def __init__(self, quote: str, statement: str) -> None:
        self.quote, self.statement = quote, statement


@pytest.mark.parametrize(
    ("quote", "statement"),
    [
        ("the quota was doubled for workers", "The quota was doubled for workers in Dalian"),
        ("the trade workers are barely making money", "The company must pay instead"),
        ("a b c", "anything"),  # no longer words: nothing to compare
        ("", "a statement"),
    ],
)
def test_quote_covers_as_computed_afresh(quote: str, statement: str) -> None:
    quoted = _stems(quote)
    fresh = bool(quote) and (not quoted or len(quoted & _stems(statement)) >= 0.4 * len(quoted))
    assert quote_covers(_Claim(quote, statement)) == fresh  # type: ignore[arg-type]
    assert quote_covers(_Claim(quote, statement)) == fresh  # type: ignore[arg-type]  # cached


@pytest.mark.parametrize(
    ("text", "dates", "figures", "months", "headcount"),
    [
        ("how much in dalian", [], [], None, None),  # no digit: the digit patterns skipped
        ("in march the quota rose", ["March"], [], None, None),
        ("on march 5 it doubled", ["March 5"], [], None, None),
        ("3,000 rubles for two years", [], [3000], 24, None),
        ("ten workers for six months", [], [], 6, 10),
        ("10 workers pay 62k", [], [62000], None, 10),
        ("assume 30 days a month at 1000", [], [1000], None, None),
    ],
)
def test_read_figures_with_and_without_digits(
    text: str, dates: list[str], figures: list[int], months: int | None, headcount: int | None
) -> None:
    from bot.engine.figures import read_figures

    typed = read_figures(text, load("en"))
    assert typed.dates == dates
    assert [int(f) for f in typed.figures] == figures
    assert typed.months == months
    assert typed.headcount == headcount


def test_read_figures_reads_other_scripts_digits_as_before() -> None:
    from bot.engine.figures import read_figures

    # "\d" is any script's digit, in the figure patterns and in their shortcut alike.
    assert read_figures("٣٠٠٠ rubles", load("en")).figures != []


def test_place_spellings_shortcut_changes_nothing_else() -> None:
    from bot.engine.place_spellings import PlaceSpellings

    spellings = PlaceSpellings(["haiphong", "ulaanbaatar"], lambda word: False)
    assert spellings.respelled("the quota in dalian") == "the quota in dalian"
    assert spellings.respelled("hai  phong") == "hai  phong"  # two spaces: not one name
    assert spellings.respelled("hai phong, ub") == "haiphong, ulaanbaatar"
    assert spellings.respelled("xhai phong") == "xhai phong"


def test_a_profile_asked_of_an_outlet_not_named_is_none() -> None:
    vocabulary = load("en")
    # "founded" after a word that is no stored outlet.
    frames = read_frames("when was hngn founded", vocabulary, ("rfa",))
    assert Attribute.OUTLET_PROFILE not in frames.attributes
    frames = read_frames("when was hngn founded", vocabulary, ("rfa", "hngn"))
    assert Attribute.OUTLET_PROFILE in frames.attributes


def test_question_words_of_a_piece_as_the_pattern_read_them() -> None:
    from bot.engine.segments import _WH_WORDS

    pattern = re.compile(r"(?:what|whats|how|hows|who|whos|when|where|why|which)\b")
    tokens = [*_WH_WORDS, "what's", "whatever", "somehow", "whom", "why'd", "howl", "w", ""]
    for token in tokens:
        assert (token in _WH_WORDS) == bool(pattern.fullmatch(token)), token


def test_a_short_piece_with_a_question_word_stays_a_question() -> None:
    from bot.engine.segments import split_parts

    assert split_parts("how much in dalian? who?") == ["how much in dalian", " who"]
    assert split_parts("how much in dalian? dorms?") == ["how much in dalian ; dorms"]


def test_shorthand_spelled_out_only_where_said() -> None:
    from bot.engine.text import spelled_out

    shorthand = load("en").text_speak
    word, meant = next(iter(shorthand.items()))
    assert spelled_out(f"how do {word} know", shorthand) == f"how do {meant} know"
    assert spelled_out("how do they know", shorthand) == "how do they know"
