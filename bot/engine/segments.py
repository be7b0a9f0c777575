"""A message's parts: split at question marks, full stops, "and what …" (or "+ how …",
"plus who …"), numbered items
("1) … 2) …"); a fragment ("name?", "dorms? sakhalin") is read with the part before it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bot.engine.language import Language
from bot.engine.text import words

if TYPE_CHECKING:
    from bot.engine.figures import OwnFigure
    from bot.engine.understand import Understanding

_QUESTION_START = (
    r"(?:what|whats|what's|how|hows|who|whos|when|where|why|which|can|could|do|does|did|"
    r"is|are|was|were|will|would)\b"
)
_WH_WORD = re.compile(r"(?:what|whats|how|hows|who|whos|when|where|why|which)\b")
_SEGMENT_SPLIT = re.compile(
    r"[?!;\n]+|\.\s+|\band also\b|\balso\b|,?\s+and\s+(?=" + _QUESTION_START + ")"
)
# "1) … 2) … 3) …", "(a) …": numbered parts, each a part however short.
_NUMBERED = re.compile(r"(?:^|\s)\(?(?:\d{1,2}|[a-e])\)\s*")
# "sakhalin quota? also how many workers": what comes before "also" is a question of its own.
_ALSO = re.compile(r"[?!.]\s*(?:and\s+)?also\b")
# "sakhalin quota + how many hours": "+", "&" or "plus" before a question joins two questions.
_JOINED = re.compile(r",?\s+(?:plus|&|\+)\s+(?=" + _QUESTION_START + ")")
# A piece this short ("name?", "dorms?", "sakhalin") finishes the part before it.
FRAGMENT_WORDS = 2
# Words that point back to an earlier part of the message ("what's the quota there").
ANAPHORS = frozenset("there it its they them their that those these this".split())


def split_parts(text: str) -> list[str]:
    """The parts of a message; a fragment ("where do they live, dorms? sakhalin") is
    read with the part before it (or, first, after it)."""
    numbered = [part for part in _NUMBERED.split(text) if part.strip()]
    if len(numbered) > 1:
        return [piece for part in numbered for piece in split_parts(part)]
    asked = [part for part in _ALSO.split(text) if part.strip()]
    if len(asked) == 1:
        asked = [part for part in _JOINED.split(text) if part.strip()]
    if len(asked) > 1:
        return [piece for part in asked for piece in split_parts(part)]
    pieces: list[str] = []
    fragment = ""
    for piece in _SEGMENT_SPLIT.split(text):
        if not piece or not piece.strip():
            continue
        tokens = words(piece)
        # "… and why?": a question word keeps a short part a question of its own.
        asks = any(_WH_WORD.fullmatch(token) for token in tokens)
        if len(tokens) <= FRAGMENT_WORDS and not asks:
            if pieces:
                pieces[-1] = f"{pieces[-1]} {piece.strip()}"
            else:
                fragment = f"{fragment} {piece.strip()}".strip()
            continue
        pieces.append(f"{fragment} {piece}".strip() if fragment else piece)
        fragment = ""
    if fragment:
        pieces.append(fragment)
    return pieces or [text]


# The lists a message's parts add up to for the whole message.
_MERGED_LISTS = (
    "intents places countries currencies sectors topics unknown_places attributes operations "
    "other_currencies other_sectors regions question_words figures dates governments"
).split()


def merge_part(into: Understanding, part: Understanding) -> None:
    """Adds one part's reading to the whole message's."""
    for name in _MERGED_LISTS:
        target = getattr(into, name)
        for value in getattr(part, name):
            _add(target, value)
    into.corrected_words.update(part.corrected_words)
    into.domain = into.domain or part.domain
    into.now = into.now or part.now
    into.before = into.before or part.before
    into.role_play = into.role_play or part.role_play
    into.pair_asked = into.pair_asked or part.pair_asked
    into.change_asked = into.change_asked or part.change_asked
    into.months = into.months if into.months is not None else part.months
    into.headcount = into.headcount if into.headcount is not None else part.headcount
    if part.change_factor is not None:
        into.change_factor = part.change_factor


def _add(target: list[Any], value: object) -> None:
    if value not in target:
        target.append(value)


def inherit_subject(previous: Understanding, segment: Understanding) -> None:
    """A later part that points back ("what's the quota there now") is about the subject
    of the part before it."""
    if segment.places or segment.countries or segment.sectors:
        return
    if segment.unknown_places or segment.regions:
        return
    tokens = words(segment.text)
    # "2) in dollars": a short part with no place is about the one before it; Russian,
    # Chinese and Korean leave the subject out ("大连交多少，几号开始的").
    english = segment.language is Language.EN
    if english and not ANAPHORS & set(tokens) and len(tokens) > FRAGMENT_WORDS + 1:
        return
    segment.places = list(previous.places)
    segment.countries = list(previous.countries)
    segment.sectors = list(previous.sectors)
    segment.currencies = list(dict.fromkeys([*segment.currencies, *previous.currencies]))
    if not (segment.intents or segment.topics or segment.attributes):
        # "russia's government knows? any statement?": still its government asked about.
        segment.governments = list(dict.fromkeys([*segment.governments, *previous.governments]))


def carry_own_figures(segments: list[Understanding]) -> list[Understanding]:
    """ "i make 900 dollars a month. is the dalian quota more than that?": the asker's figure
    goes with the question after it; the part that only gave it is no question."""
    kept: list[Understanding] = []
    carried: list[OwnFigure] = []
    for index, segment in enumerate(segments):
        segment.own_figures = [*carried, *segment.own_figures]
        carried = []
        last = index == len(segments) - 1
        if segment.own_figures and not last and not (segment.places or segment.countries):
            carried = segment.own_figures
            continue
        kept.append(segment)
    return kept
