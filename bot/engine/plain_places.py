"""A Russian word that is a place's name and an ordinary word too, read as the ordinary word
unless a preposition of place frames it: "Находка есть какая-нибудь по рыбакам?" asks
for a find, "в Находке" names the town; "запад платит больше?" is no region, "на западе"
is one.

Positive evidence, not a list: a word counts as ordinary when pymorphy3 knows it and its
likeliest reading is a common word (no place, first name or surname: "находка", "доха",
"газа", "запад"; not "омск", "питер"), and the word before it is none of the language's
place prepositions (`place_frames` of vocabulary/ru.json). A name of a place the store has
figures for is left alone: the asker means the report's place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from bot.engine.analysis import Analysis
from bot.engine.language import Language
from bot.engine.named_places import PlaceFrames
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Cue
from bot.engine.worker_nouns import split_trades

_NAMES = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad"})
_PLACE_KINDS = frozenset({str(Cue.REGION), "any_country"})


@lru_cache(maxsize=4096)
def common_word(lemma: str) -> bool:
    """Whether pymorphy3 reads ``lemma`` first as a common word, not a name."""
    from bot.engine.analysis import morph

    analyser = morph()
    if not analyser.word_is_known(lemma):
        return False
    parses = analyser.parse(lemma)
    return bool(parses) and not (set(parses[0].tag.grammemes) & _NAMES)


def plain_words(
    analysis: Analysis,
    frames: PlaceFrames,
    phrases: Mapping[str, Sequence[tuple[str, str]]],
    stored: Callable[[str], list[str]],
    russian: bool = True,
    keep_told: bool = False,
) -> Analysis:
    """``analysis`` without the places that are ordinary words used as such (``russian``),
    nor the places the asker says they are at (teller_places): such a word is dropped from
    the tokens (no region is read from it) and from the places. A place the store has
    figures for stays: "我在大连打工" asks about Dalian."""
    if frames.deictics & set(analysis.tokens):
        return analysis  # "Находка, порт, корейцы есть там?": "there" points back to a place
    dropped: set[int] = set()
    tellers = frozenset() if keep_told else teller_places(analysis.tokens, frames)
    tokens = analysis.tokens
    for index, token in enumerate(tokens):
        before = tokens[index - 1] if index else ""
        told = token in tellers and (before in frames.before or before in frames.tellers)
        if not told and (russian is False or before in frames.before or not common_word(token)):
            continue
        if not told and named_as_place(tokens, index, frames, phrases):
            continue  # "по Приморью", "Уссурийск, Находка?": a place, in its frame or list
        entries = phrases.get(token, ())
        if any(kind == "place" for kind, _ in entries):
            continue  # a stored place
        regions = [v for kind, v in entries if kind in _PLACE_KINDS]
        if any(stored(value) for value in regions):
            continue
        if regions or token in analysis.places:
            dropped.add(index)
    if not dropped:
        return analysis
    plain = {analysis.tokens[i] for i in dropped}
    return Analysis(
        tokens=[t for i, t in enumerate(analysis.tokens) if i not in dropped],
        places=[p for p in analysis.places if p not in plain],
    )


def named_as_place(
    tokens: Sequence[str],
    index: int,
    frames: PlaceFrames,
    phrases: Mapping[str, Sequence[tuple[str, str]]],
) -> bool:
    """Whether a word that is an ordinary word too and a place's name to the analyser
    ("приморье", "находка": a Geox reading besides the first) is named as the place: after a
    word of asking about ("по Приморью что", "про Находку"; `place_frames`' "about"), or
    beside a name of another place ("Уссурийск, Находка?", "Находка и Уссурийск")."""
    if not place_reading(tokens[index]):
        return False
    before = tokens[index - 1] if index else ""
    if before in frames.about:
        return True
    # The name beside it, of one word or two ("амурская область").
    neighbours = [
        " ".join(tokens[start:end])
        for start, end in (
            (index - 2, index),
            (index - 1, index),
            (index + 1, index + 2),
            (index + 1, index + 3),
        )
        if start >= 0 and end <= len(tokens)
    ]
    return any(
        kind in _PLACE_KINDS or kind == "place"
        for phrase in neighbours
        if " " in phrase or not common_word(phrase)
        for kind, _ in phrases.get(phrase, ())
    )


@lru_cache(maxsize=4096)
def place_reading(lemma: str) -> bool:
    """Whether pymorphy3 reads ``lemma`` as a place's name in any of its readings."""
    from bot.engine.analysis import morph

    return any("Geox" in parse.tag.grammemes for parse in morph().parse(lemma))


def teller_places(tokens: Sequence[str], frames: PlaceFrames) -> frozenset[str]:
    """The places the asker says they are at, not asks about: a place preposition right
    after a first-person word, or after one of the words of being or working there between
    ("我在义乌进货", "我住在德州", "я в омске", "мы живём в тынде"; not "我崽在…", my kid's
    place), or a place right after a first-person word and before a word of origin ("我丹东的",
    "俺大连人"); `place_frames`' "tellers", "teller_between" and "teller_origin" in the
    vocabulary."""
    found: set[str] = set()
    for index, token in enumerate(tokens[1:-1], start=1):  # "我丹东的": where they are from
        if tokens[index - 1] in frames.tellers and tokens[index + 1] in frames.origin:
            found.add(token.casefold())
    for index, token in enumerate(tokens):
        if token not in frames.before or index + 1 >= len(tokens):
            continue
        before = tokens[max(0, index - 2) : index]
        if (before[-1:] and before[-1] in frames.tellers) or (
            len(before) == 2 and before[0] in frames.tellers and before[1] in frames.between
        ):
            found.add(tokens[index + 1].casefold())
    return frozenset(found)


def ordinary_reading(
    analysis: Analysis,
    language: Language,
    frames: PlaceFrames,
    understander: Any,
    segment: Understanding,
) -> Analysis:
    """A Russian or Chinese part's analysis with its ordinary words read as such: no place
    from an ordinary word or from where the asker is (``plain_words``), and a Chinese word
    for a team or trade of a known kind of work read as its two parts
    (worker_nouns.split_trades)."""
    keep_told = segment.keep_told  # read again keeping it: the message names no other place
    segment.told_place = not keep_told and bool(teller_places(analysis.tokens, frames))
    if language not in (Language.RU, Language.ZH):
        return analysis
    phrases = understander._phrases
    ru = language is Language.RU
    analysis = plain_words(analysis, frames, phrases, understander.stored_places, ru, keep_told)
    if language is Language.ZH:
        analysis.tokens = split_trades(analysis.tokens, phrases)
    return analysis


def names_a_place(segment: Understanding) -> bool:
    return bool(segment.places or segment.regions or segment.countries or segment.unknown_places)


def told_and_asked(segments: list[Understanding]) -> bool:
    """A place the asker says they are at, set aside, is what a message asks about when it
    names no other place and is said in the question itself (the one part, or a part with a
    question mark), not in a story before it ("У нас в Уссурийске старики говорят, … Какие
    там суммы?" asks the article's figures)."""
    told = [s for s in segments if s.told_place]
    asked = [s for s in told if len(segments) == 1 or "?" in s.text or "？" in s.text]
    if asked and any(_SAME.search(s.text) for s in asked):
        return True  # "у нас в Хабаровске тоже …, им тоже удвоили или только Сахалин?"
    return bool(asked) and not any(map(names_a_place, segments))


# "тоже", "также", "так же": the asker's place asked beside another ("у нас в Хабаровске
# тоже корейцы, им тоже удвоили или это только Сахалин?"), whatever else the message names.
_SAME = re.compile(r"(?<![а-яё])(?:тоже|также|так же)(?![а-яё])")
