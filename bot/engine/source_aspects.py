"""Does a part ask about the sourcing, and which aspect: the one place the reader asks.

Every cue is data, in ``vocabulary/sourcing_cues.json``. Who said it, in words no cue lists
("who reckons?", "кто напечатал": source_asks.py, section "who"); where the claims come from,
named or anonymous, documents, whether the sources agree, a medium ("what is this based on",
"пруфы?": provenance.py, section "provenance"); and here the aspects beyond those (section
"aspects"):

- a short ask of who says so typed with a slip, one word off by one letter ("who days so",
  "says hwo"), mended to the ask before any other reader reads the part;
- a link or URL ("link to the original?", "ссылку на оригинал", "原文链接", "링크"): the report
  gives none, and what it does name;
- firsthand or secondhand ("is this firsthand", "из первых рук", "一手消息"): who carried it,
  on whose reporting;
- an outlet or agency the reader suggests as the source ("is this from Yonhap?", "통일부
  발표 맞죠?", "это ТАСС писал?"): the report does not name it (checked against the store when
  answering), and where it does come from.

Whether the message is about the report at all is decided as for any cue (relevance.py); a
suggested outlet beside a word of publishing ties it ("KBS가 낸 거").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from rapidfuzz.distance import OSA

from bot.engine.language import Language
from bot.engine.provenance import TERSE_WORDS, Reading, provenance_of, read
from bot.engine.source_asks import asks_sources
from bot.engine.sourcing_cues import cue_section
from bot.engine.understanding import Understanding, add_once
from bot.engine.vocabulary import Attribute, Intent

_TOKEN = re.compile(r"[^\W_][\w'’-]*")
MAX_MENDED_WORDS = 8  # a slip is mended only in a short part: "who days so", "says hwo lol"


class SourceAspect(StrEnum):
    """What a part asks of the sourcing beyond who said it (provenance.py's ``Asked``)."""

    LINK = "link"  # a link or URL to the original
    FIRSTHAND = "firsthand"  # firsthand or secondhand
    SUGGESTED = "suggested"  # an outlet or agency the reader suggests as the source
    TRUST = "trust"  # whether an outlet can be trusted ("нормальное издание или помойка")


# Aspects that ask who says so; TRUST asks it only of an outlet asked about.
_ASKS_SOURCES = frozenset(SourceAspect) - {SourceAspect.TRUST}


@dataclass(frozen=True)
class _Outlet:
    names: dict[str, str]  # language -> the printed name
    spellings: tuple[str, ...]
    needs: frozenset[str]  # a person: suggested only beside one of these ("himself", "亲口")


@dataclass(frozen=True)
class _Words:
    link: frozenset[str]
    link_needs: frozenset[str]
    firsthand: frozenset[str]
    suggest: frozenset[str]
    trust: frozenset[str]
    trust_read_out: tuple[str, ...]
    they: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    never: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> dict[str, _Words]:
    data = cue_section("aspects")
    out = {}
    for language in ("en", "ru", "zh", "ko"):
        spec = data[language]
        out[language] = _Words(
            frozenset(spec["link"]),
            frozenset(spec.get("link_needs", ())),
            frozenset(spec["firsthand"]),
            frozenset(spec["suggest"]),
            frozenset(spec["trust"]),
            tuple(spec["trust_read_out"]),
            frozenset(spec["they"]),
            tuple(tuple(phrase.split()) for phrase in spec["phrases"]),
            frozenset(spec["never"]),
        )
    return out


@lru_cache(maxsize=1)
def _outlets() -> dict[str, _Outlet]:
    data = cue_section("aspects")["outlets"]
    return {
        key: _Outlet(dict(spec["name"]), tuple(spec["spellings"]), frozenset(spec.get("needs", ())))
        for key, spec in data.items()
    }


@lru_cache(maxsize=1)
def _outlet_pattern() -> re.Pattern[str]:
    """Any outlet's spelling (a first look: most parts name none)."""
    spellings = sorted({s for o in _outlets().values() for s in o.spellings}, key=len, reverse=True)
    return re.compile("|".join(_spelled(s) for s in spellings))


_LETTER_WORDS = re.compile(r"[a-z0-9]+|[а-яё]+")


@lru_cache(maxsize=1)
def _outlet_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The first words of every spelling in Latin or Cyrillic letters, and every spelling
    in other letters (Han, Hangul), for a cheap first look."""
    spellings = {s for o in _outlets().values() for s in o.spellings}
    lettered = {s for s in spellings if _LETTER_WORDS.match(s)}
    firsts = frozenset(w for s in lettered for w in _LETTER_WORDS.findall(s)[:1])
    return firsts, tuple(sorted(spellings - lettered))


def _may_name_outlet(folded: str) -> bool:
    """Whether a part may spell an outlet: a first word of a Latin or Cyrillic spelling
    ("kbs" in "KBS가"), or a spelling in other letters as typed ("통일부")."""
    firsts, others = _outlet_words()
    if not firsts.isdisjoint(_LETTER_WORDS.findall(folded)):
        return True
    return not folded.isascii() and any(spelling in folded for spelling in others)


def _spelled(spelling: str) -> str:
    """A spelling as a pattern: not inside a longer word of Latin or Cyrillic letters ("kbs"
    in "KBS가", "韩联社" in "这是韩联社报道的")."""
    return rf"(?<![a-z0-9а-яё]){re.escape(spelling)}(?![a-z0-9а-яё])"


def outlet_name(key: str, language: str) -> str:
    """A suggested outlet's name as the answer prints it in ``language``."""
    outlet = _outlets().get(key)
    if outlet is None:
        return key
    return outlet.names.get(language, outlet.names.get("en", key))


def outlet_spellings(key: str) -> tuple[str, ...]:
    outlet = _outlets().get(key)
    return (key.casefold(), *outlet.spellings) if outlet else (key.casefold(),)


def names_outlet(key: str, text: str) -> bool:
    """Whether ``text`` (folded) spells the outlet ``key`` ("radio free asia")."""
    return any(re.search(_spelled(s), text) for s in outlet_spellings(key))


@dataclass(frozen=True)
class SourcingAsk:
    """What a part asks of the sourcing, read before the other readers read it."""

    text: str  # the part as they read it: a slip mended, documents and media read out
    provenance: frozenset[str]  # provenance.py's ``Asked`` kinds
    aspects: frozenset[SourceAspect]
    suggested: tuple[str, ...]  # the outlets suggested (keys of the data's "outlets")


def first_look(language: Language, piece: str, stored: tuple[str, ...] = ()) -> SourcingAsk:
    """A part's sourcing asks that need no analyser: a slip in a short ask mended, what it
    asks of the provenance, a link, firsthand, an outlet suggested (none of the ``stored``
    reports' outlets, folded: "tell me about radio free asia" asks for its report)."""
    piece = mended(language, piece)
    text, provenance = provenance_of(language, piece)
    words = _words().get(str(language))
    if words is None:
        return SourcingAsk(text, provenance, frozenset(), ())
    folded = unicodedata.normalize("NFKC", piece).casefold()
    aspects: set[SourceAspect] = set()
    suggested: tuple[str, ...] = ()
    if _may_name_outlet(folded) and _outlet_pattern().search(folded):  # (most parts: none)
        own = " | ".join(stored)
        suggested = tuple(
            k for k in _suggested(language, folded, words) if not names_outlet(k, own)
        )
        if suggested:
            aspects.add(SourceAspect.SUGGESTED)
    if _may_hold(str(language), folded):  # (most parts hold none of these words)
        reading = read(language, piece)
        terse = len(piece.split()) <= TERSE_WORDS
        if reading.found(words.link, language) and (
            terse or not words.link_needs or reading.found(words.link_needs, language)
        ):
            aspects.add(SourceAspect.LINK)
        if reading.found(words.firsthand, language):
            aspects.add(SourceAspect.FIRSTHAND)
        if reading.found(words.trust, language):
            aspects.add(SourceAspect.TRUST)
            text = _read_out(text, words.trust_read_out)
    return SourcingAsk(text, provenance, frozenset(aspects), suggested)


@lru_cache(maxsize=4)
def _starts(language: str) -> frozenset[str]:
    """The first letters of every link, firsthand and trust word (Russian: three, as an
    inflected word and its lemma share them; English: the whole word; Chinese and Korean:
    the entry)."""
    words = _words()[language]
    entries = words.link | words.firsthand | words.trust
    if language == "ru":
        return frozenset(w[:3] for e in entries for w in e.split())
    if language == "en":
        return frozenset(w for e in entries for w in e.split())
    return frozenset(entries)


def _may_hold(language: str, folded: str) -> bool:
    """A cheap first look: whether a part holds anything that could be such a word."""
    starts = _starts(language)
    if language in ("zh", "ko"):  # (Chinese in both scripts: "連結", "靠譜")
        return any(entry in folded for entry in starts)
    tokens = _TOKEN.findall(folded)
    if language == "ru":
        return any(t[:3] in starts for t in tokens)
    return any(t in starts for t in tokens)


def _read_out(text: str, phrases: tuple[str, ...]) -> str:
    """The part without phrases that only say whether to trust ("a content farm"): their
    words are no other subject ("farm")."""
    for phrase in phrases:
        text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", text, flags=re.IGNORECASE)
    return " ".join(text.split())


def settle_intents(segment: Understanding, told: bool) -> None:
    """What a part's sourcing asks add to its intents: who says so when it asks who said it
    (``told``), where it comes from or an aspect of its own; whether to trust the outlet
    asked about ("HNGN — нормальное издание?": the article's intent beside a word of trust)."""
    aspects = {SourceAspect(a) for a in segment.source_aspects}
    if told or segment.provenance or aspects & _ASKS_SOURCES:
        add_once(segment.intents, Intent.SOURCES)
    if SourceAspect.TRUST in aspects and Intent.ARTICLE in segment.intents:
        add_once(segment.intents, Intent.VERIFIED)  # with the article's: trust the outlet


def asks_who(language: Language, *readings: str) -> set[str]:
    """Who said it, in words no cue lists, on any of the part's readings (source_asks.py):
    the words that ask it, or none."""
    return asks_sources(language, *readings)


def _suggested(language: Language, folded: str, words: _Words) -> tuple[str, ...]:
    """The outlets a part names beside a word of publishing or pointing ("from", "발표",
    "это"), or in a part of a few words ("yonhap?")."""
    found = {
        key: outlet
        for key, outlet in _outlets().items()
        if any(re.search(_spelled(s), folded) for s in outlet.spellings)
    }
    if not found:
        return ()
    reading = read(language, folded)
    terse = len(folded.split()) <= TERSE_WORDS
    published = terse or bool(reading.found(words.suggest, language))
    return tuple(
        key
        for key, outlet in found.items()
        if (outlet.needs and _holds(reading, outlet.needs, language, folded))
        or (not outlet.needs and published)
    )


def _holds(reading: Reading, entries: frozenset[str], language: Language, folded: str) -> bool:
    """One of ``entries`` in the part, as a word (any language's: "KBS" in Korean) or a
    phrase."""
    return bool(reading.found(entries, language)) or any(
        " " in entry and entry in folded for entry in entries
    )


def mended(language: Language, piece: str) -> str:
    """A short ask of who says so with one word off by one letter, mended ("who days so" is
    "who says so"); a word of ``never`` is no slip ("who pays"). Two-word asks only as the
    whole part ("says hwo")."""
    words = _words().get(str(language))
    if words is None or not words.phrases:
        return piece
    tokens = _TOKEN.findall(piece.casefold())
    if not tokens or len(tokens) > MAX_MENDED_WORDS:
        return piece
    present = set(tokens)
    ask_words = _phrase_words(str(language))
    if ask_words is not None and present.isdisjoint(ask_words):
        return piece  # (most parts hold no word of these asks)
    for phrase in words.phrases:
        size = len(phrase)
        if size - len(present.intersection(phrase)) != 1:
            continue  # (a phrase a slip away has all its words but one, as typed)
        whole = [0] if len(tokens) == size else []
        starts = range(len(tokens) - size + 1) if size > 2 else whole
        for start in starts:
            window = tokens[start : start + size]
            slip = _one_slip(window, phrase, words.never)
            if slip is not None:
                typed, meant = slip
                return re.sub(
                    rf"(?<!\w){re.escape(typed)}(?!\w)", meant, piece, count=1, flags=re.I
                )
    return piece


@lru_cache(maxsize=4)
def _phrase_words(language: str) -> frozenset[str] | None:
    """Every word of the asks a slip is mended in: a part holding none is no such ask (an
    ask of several words keeps all but one as typed); None when an ask is one word."""
    phrases = _words()[language].phrases
    if any(len(phrase) < 2 for phrase in phrases):
        return None
    return frozenset(word for phrase in phrases for word in phrase)


def _one_slip(
    window: Iterable[str], phrase: tuple[str, ...], never: frozenset[str]
) -> tuple[str, str] | None:
    """(typed, meant) when ``window`` is ``phrase`` but for one word a letter off."""
    slips = [(typed, meant) for typed, meant in zip(window, phrase, strict=True) if typed != meant]
    if len(slips) != 1:
        return None
    typed, meant = slips[0]
    if typed in never or len(typed) < 3 or OSA.distance(typed, meant) != 1:
        return None
    return typed, meant


def without_suggested(segment: Understanding) -> None:
    """A suggested outlet's words are no other subject, no place and no unknown word."""
    if not segment.suggested_outlets:
        return
    spelled = {
        w for key in segment.suggested_outlets for s in outlet_spellings(key) for w in s.split()
    }

    def ours(word: str) -> bool:
        folded = word.casefold()
        return folded in spelled or any(s in folded for s in spelled if not s.isascii())

    segment.foreign = [w for w in segment.foreign if not ours(w)]
    segment.unmapped = [w for w in segment.unmapped if not ours(w)]
    segment.listed_foreign = [w for w in segment.listed_foreign if not ours(w)]
    segment.unknown_places = [w for w in segment.unknown_places if not ours(w)]


def carry_identity(result: Understanding) -> Understanding:
    """ "anonymous sources = made up. who are they even": after a part asking who says so, a
    part asking who "they" are (read as what an outlet is) asks who the sources are."""
    for before, segment in zip(result.segments, result.segments[1:], strict=False):
        words = _words().get(str(segment.language))
        if (
            words is None
            or Intent.SOURCES not in before.intents
            or segment.attributes != [Attribute.OUTLET_PROFILE]
            or not read(segment.language, segment.text).found(words.they, segment.language)
        ):
            continue
        segment.attributes = [Attribute.SOURCE_IDENTITY]
        add_once(segment.intents, Intent.SOURCES)
    return result


def warm_up() -> None:
    """Every table and pattern of the sourcing asks, built before the first question."""
    _outlet_pattern()
    _outlet_words()
    for language in Language:
        first_look(language, "who says so? is this from yonhap, link?")
