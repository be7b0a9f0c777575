"""Where a question names a place the store does not know: a word the engine cannot read
after "in", "at", "for" … ("workers in phnom penh", two unknown words being one name), before
"quota" ("magadan quota"), or opening the message before a kind of work ("yantai seafood
workers", "kazan construction sites"). Only words that are no known, ordinary or chat word
and no typo of one (the caller's ``unknown``) count, and of those only a place the gazetteer
knows, or a word no English dictionary holds where the frame calls it a place ("workers in
kamchatka"): "the footnote", "the lads" and "the worksheet" are words, not places.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.engine.gazetteer import english_degree, known_place, ordinary_english
from bot.engine.relevance import ordinary_form
from bot.engine.text import BoundedCorrector, words

# (A name ends where the word does: "isn't" holds no name "isn".)
_PLACE_AFTER_PREPOSITION = re.compile(
    r"\b(in|at|for|from|about|of)\s+(?:the\s+)?([^\W\d_][\w-]{2,})(?!['’])", re.UNICODE
)
# Prepositions after which a word is a place ("workers in X"); "for the lads", "about the
# footnote" name anything.
_PLACE_FRAME = frozenset({"in", "at", "from"})
# A known name of several words before "quota" is that place's ("new york quota").
_QUOTA_WORDS = frozenset({"quota", "quotas"})
# Kinds of phrase a covered place or a country is read as: no word of an unknown name.
_COVERED = frozenset({"place", "country", "any_country"})
_COUNTRY = frozenset({"country", "any_country"})
# "in vladivostok and khabarovsk": the second name too.
_AND_ANOTHER = re.compile(r"\s*(?:,|and|or|&)\s+(?:the\s+)?([^\W\d_][\w-]{2,})(?!['’])", re.UNICODE)
_PLACE_BEFORE_QUOTA = re.compile(r"\b([^\W\d_][\w-]{2,})\s+quotas?\b", re.UNICODE)
# "phnom penh": the word after an unknown name, when it is unknown too.
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w-]{2,})\b", re.UNICODE)
# Words of a kind of work read after the opening word ("seafood", "fish processing").
SECTOR_WORDS = 2
# A message of this many words, none of which the bot can read, is a place's name.
NAME_WORDS = 2
# A bare name outside a place's frame is longer than this ("sinuiju"; not "ulm").
MIN_BARE_NAME = 4
# The most words of a name the gazetteer is asked for ("ho chi minh").
MAX_NAME_WORDS = 3


def a_place(name: str, framed: bool) -> bool:
    """Whether a name no table knows is taken for a place: one the gazetteer knows (an
    ordinary word too, "mobile", only where the frame calls it a place), else any word no
    dictionary holds, where the frame calls it a place ("in kamchatka")."""
    ordinary = [english_degree(word) for word in name.split()]
    if known_place(name):
        # "los angeles", "new york": a known name of several words is ordinary only when
        # every word is ("far north", "big apple").
        return framed or not all(ordinary)
    return framed and not any(ordinary)


def in_a_unit(
    text: str, match: re.Match[str], phrases: Mapping[str, Sequence[tuple[str, str]]]
) -> bool:
    """ "in X" right after an amount ("sakhalin in loonies", "62000 in btc", "can i pay it
    in usdt", "how much is that in quid"): X is what the amount is counted in, not a place,
    unless the gazetteer knows it. An amount is a figure or a covered place right before
    "in", or "it", "that" … after a word that asks or names one. "how much do they pay in
    kholmsk" names no amount before "in": a place."""
    if match.group(1) != "in" or known_place(match.group(2)):
        return False
    before = words(text[: match.start()])
    if not before:
        return False
    word = before[-1]
    if word[0].isdigit() or any(kind == "place" for kind, _ in phrases.get(word, ())):
        return True
    if word not in _AMOUNT_PRONOUNS or len(before) < 2:
        return False
    # "pay it in usdt", "the old dalian one in greenbacks": a word asking an amount or a
    # covered place just before the word that stands for it.
    for asking in before[-_AMOUNT_REACH:-1]:
        stems = [asking, *(asking.removesuffix(ending) for ending in ("s", "ing", "ed"))]
        kinds = {(kind, str(value)) for stem in stems for kind, value in phrases.get(stem, ())}
        if {value for _, value in kinds} & _AMOUNT_INTENTS or any(k == "place" for k, _ in kinds):
            return True
    return False


# "pay it in usdt": the amount named by a pronoun; intents of words that ask an amount.
_AMOUNT_PRONOUNS = frozenset({"it", "that", "this", "them", "those", "one"})
# How many words before it may name the amount ("the old dalian one").
_AMOUNT_REACH = 3
_AMOUNT_INTENTS = frozenset({"quota", "usd"})


def named_spans(
    text: str, stop: frozenset[str], phrases: Mapping[str, Sequence[tuple[str, str]]]
) -> list[str]:
    """Names of several words the gazetteer knows, whatever their words mean alone ("new
    york", "hong kong", "ho chi minh"): none starts or ends with a stop word, none holds
    a covered place's word or is part of a known phrase ("hong kong dollars"), and a name
    of ordinary words only ("far north") only after "in", "at" or "from" or before "quota"."""

    def taken(word: str) -> bool:
        return any(kind in _COVERED for kind, _ in phrases.get(word, ()))

    tokens = words(text)
    found: list[str] = []
    at = 0
    while at < len(tokens):
        for size in range(MAX_NAME_WORDS, 1, -1):
            span = tokens[at : at + size]
            if len(span) < size or span[0] in stop or span[-1] in stop or any(map(taken, span)):
                continue
            name = " ".join(span)
            after = tokens[at + size] if at + size < len(tokens) else ""
            before = tokens[at - 1] if at else ""
            around = (name, f"{name} {after}", f"{before} {name}", f"{before} {name} {after}")
            if any(phrase in phrases for phrase in around):
                continue
            framed = (at > 0 and tokens[at - 1] in _PLACE_FRAME) or after in _QUOTA_WORDS
            plain = all(t.isascii() and t.isalpha() for t in span)
            if plain and known_place(name) and a_place(name, framed):
                found.append(name)
                at += size - 1
                break
        at += 1
    return found


def place_candidates(
    text: str,
    known: Sequence[frozenset[str]],
    corrector: BoundedCorrector,
    phrases: Mapping[str, Sequence[tuple[str, str]]],
    passed: set[str] | None = None,
    domain: frozenset[str] = frozenset(),
) -> list[str]:
    """The unknown place names a part of a message holds, in order (one or two words).
    ``known``: word sets that are no place names (stop, known, ordinary and claim, chat
    words); ``phrases``: what each known phrase means (a "sector" names a kind of work).
    ``passed`` gets the words that stood where a place's name stands but are ordinary
    words ("in the worksheet"): unknown words, not another subject. ``domain``: words
    that tie a message to the report ("pyongyang"), never a bare place's name."""
    found: list[str] = []

    def unknown(word: str) -> bool:
        if any(word in words_ for words_ in known) or ordinary_form(word, known[2]):
            return False
        # A place an imported report covers ("vladivostok") is known, gazetteer or not.
        if any(kind in _COVERED for kind, _ in phrases.get(word, ())):
            return False
        # A typo of a known word, or perhaps one.
        return corrector.correct(word) is None and not corrector.skipped(word)

    def sector(phrase: str) -> bool:
        return any(kind == "sector" for kind, _ in phrases.get(phrase, ()))

    def add(match: re.Match[str] | None, group: int, framed: bool) -> None:
        if match is None or not unknown(match.group(group)):
            return
        name = match.group(group)
        after = _NEXT_WORD.match(text, match.end(group))
        if after is not None and unknown(after.group(1)) and a_place(f"{name} {after[1]}", framed):
            name = f"{name} {after.group(1)}"  # "phnom penh"
        elif not a_place(name, framed):
            if framed and passed is not None:
                passed.add(name)
            return
        if name not in found:
            found.append(name)

    for match in _PLACE_AFTER_PREPOSITION.finditer(text):
        framed = match.group(1) in _PLACE_FRAME
        if in_a_unit(text, match, phrases):
            if passed is not None and unknown(match.group(2)):
                passed.add(match.group(2))  # "pay it in usdt": a unit, no other subject
            continue
        add(match, 2, framed)
        add(_AND_ANOTHER.match(text, match.end()), 1, framed)
    for match in _PLACE_BEFORE_QUOTA.finditer(text):
        add(match, 1, framed=False)
    for name in named_spans(text, known[0], phrases):
        if not any(name in other or other in name for other in found):
            found.append(name)
    tokens = words(text)
    if 0 < len(tokens) <= NAME_WORDS and all(t.isascii() and unknown(t) for t in tokens):
        # "tashkent?", "ulan bator": a message that is only a name the bot cannot read.
        name = " ".join(tokens)
        if name in found or not a_place(name, framed=False):
            return found
        return [*found, name]
    if len(tokens) > 1 and unknown(tokens[0]):
        # "yantai seafood workers, how much": the opening word names where the work is.
        following = tokens[1 : 1 + SECTOR_WORDS]
        named = any(sector(" ".join(following[:n])) for n in range(1, len(following) + 1))
        if named and tokens[0] not in found and a_place(tokens[0], framed=True):
            found.append(tokens[0])
    # "osh kyrgyzstan", "muscat, oman": a name the gazetteer knows right before a country's
    # name is a city of that country, however short or ordinary ("osh", "muscat").
    for at, token in enumerate(tokens[:-1]):
        before = tokens[at - 1] if at else ""
        if not (token.isascii() and token.isalpha() and len(token) > 2) or token in found:
            continue
        if token in phrases or token in domain or (before and before not in _PLACE_FRAME):
            continue
        country = (tokens[at + 1], " ".join(tokens[at + 1 : at + 3]))
        kinds = (kind for name in country for kind, _ in phrases.get(name, ()))
        named = any(kind in _COUNTRY for kind in kinds) and known_place(token)
        if named and (ordinary_english(token) or unknown(token)):
            found.append(token)
    # "sinuiju side of the border": a name the gazetteer knows and no dictionary holds is
    # a place wherever it stands (an ordinary word, "mobile", only in a place's frame).
    for token in tokens:
        plain = token.isascii() and token.isalpha() and len(token) > MIN_BARE_NAME
        # (No cue's word either: "pyongyang" ties a message to the report.)
        new = plain and token not in phrases and token not in domain
        new = new and not any(token in name for name in found)
        # (The gazetteer first: the typo check behind "unknown" is the dear one.)
        if new and known_place(token) and not ordinary_english(token) and unknown(token):
            found.append(token)
    return found
