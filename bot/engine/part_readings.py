"""Readings of one part of a message over what its cues found, each a class of question
strangers ask: a head count claimed rather than a crew to multiply, the reason asked beside
a word of amount, a word the asker uses for the workers, the place of whoever passes a
claim on, a gap between the places dated before or after the change. Their cue words are
data (vocabulary/<lang>.json: headcount_asserted, reason_asks, teller_places,
one_place_difference.pair_nouns).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from bot.engine.text import words
from bot.engine.understanding import Understanding, add_once
from bot.engine.vocabulary import Attribute, Cue, Intent, Operation, Vocabulary
from db.textfold import fold

# What asks a sum of money of a head count ("how much would 10 workers pay").
_SUM_INTENTS = frozenset({Intent.QUOTA, Intent.USD, Intent.COMPARE, Intent.BASIS})
# A change word after these is the one denied ("halved, not doubled").
_DENIED = re.compile(r"(?:\bnot|n't|\bnever|\binstead of|\brather than)\s+(?:\w+\s+)?$")


@lru_cache(maxsize=64)  # several readings of one part in turn
def _spaced(piece: str) -> str:
    return f" {' '.join(words(fold(piece)))} "


def asserted_headcount(result: Understanding, supposing: frozenset[str], terse: int) -> None:
    """ "the article says 5,000 workers in dalian", "so 20,000 laborers on sakhalin,
    right?": a number of workers typed where no part asks a sum of money, and the asker
    supposes nothing ("if 10 workers", "my crew of 10"), is a head count the report does
    not give, asked or asserted; not a crew to multiply a quota by."""
    parts, said = result.segments, words(result.text)
    # "dalian, 10 workers": terse, a crew named for its sum.
    if not any(s.headcount for s in parts) or supposing & set(said) or len(said) <= terse:
        return
    for s in parts:
        if (
            _SUM_INTENTS & set(s.intents + s.weak_intents)
            or s.operations
            or s.amount_hinted
            or s.figures
            or s.own_figures
            or s.months
        ):
            return
    for s in parts:
        if s.headcount:
            add_once(s.attributes, Attribute.WORKFORCE)


def people_named(
    named: list[str],
    segment: Understanding,
    phrases: Mapping[str, Sequence[tuple[str, str]]],
    stopwords: frozenset[str],
) -> frozenset[str]:
    """ "what do the grunts owe", "numbers for the regulars": a word no cue took, in the
    place of the workers in a frame (frames.py), is what the asker calls them (no other
    subject, no place); a word some cue knows keeps its meaning ("the dalian workers")."""
    people = frozenset(
        w
        for w in named
        if w not in stopwords and all(k == Cue.PLAIN for k, _ in phrases.get(w.split()[-1], ()))
    )
    # "the crab pickers": what the workers work on names them, it is not asked.
    for word in {w for name in people for w in name.split()[:-1]}:
        for kind, value in phrases.get(word, ()):
            if kind == Cue.ATTRIBUTE:
                segment.attributes = [a for a in segment.attributes if a != value]
    people |= {w for name in people for w in name.split()}
    if people:
        segment.people_pronoun = segment.domain = True
        segment.unmapped = [w for w in segment.unmapped if w not in people]
    return people


# A term the asker quotes: "this 'final year' thing" (not the apostrophes of "don't").
_QUOTED = re.compile(r"(?:^|\s)['\"“‘][^'\"“”‘’]{3,60}['\"”’](?=\s|$|[?.,!;:])")


def reason_asked(piece: str, segment: Understanding, data: Vocabulary) -> None:
    """ "why do they need the extra money", "why squeeze more out of them this year": the
    reason asked; with no figure typed and no "how much", "extra" qualifies the money and
    "this year" says when (no sum, no year asked)."""
    said = _spaced(piece)
    if "reason" in segment.topics and not (
        segment.figures or segment.dates or _QUOTED.search(piece)
    ):
        # "which year are they trying to mark": the occasion asked, which the report names;
        # "what year is this 'final year' thing" names it and asks its year.
        segment.attributes = [a for a in segment.attributes if a != Attribute.YEAR]
    asked = any(f" {w} " in said for w in data.reason_question_words)
    # "돈 더 내라는 명분이 뭐래", "多交钱的理由是啥": the reason named outright in another
    # language, no amount asked: "more" is the rise explained, no difference of the places.
    named = segment.language != "en" and "reason" in segment.topics
    asked = asked or (named and Intent.QUOTA not in [*segment.intents, *segment.weak_intents])
    if not asked or segment.figures or "how" in segment.question_words:
        return
    segment.operations = [op for op in segment.operations if op != Operation.DIFFERENCE]
    if any(f" {w} " in said for w in data.reason_when_said):
        segment.attributes = [a for a in segment.attributes if a != Attribute.YEAR]


@lru_cache(maxsize=4)
def _teller_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    said = "|".join(re.escape(v) for v in verbs)
    return re.compile(
        rf" (?:my|a|our|his|her|some|an) (?:\w+ ){{1,2}}(?:in|from|at|on|back in) "
        rf"(\w+(?: \w+)?) (?:\w+ )?(?:{said}) "
    )


def teller_places(piece: str, data: Vocabulary) -> frozenset[str]:
    """ "my cousin in korsakov says", "a friend from vladivostok told me": the place of
    whoever passes a claim on (one or two words after "in"/"from" before a telling verb),
    not a place asked about; not "what did the official in dandong say" (a source asked of)."""
    if not data.teller_verbs:
        return frozenset()
    pattern = _teller_pattern(data.teller_verbs)
    return frozenset(m.group(1) for m in pattern.finditer(_spaced(piece)))


def dated_gap(piece: str, segment: Understanding, data: Vocabulary) -> bool:
    """ "post-doubling, the usd gap?": a noun of two sides, no place named, dated before or
    after the change: the places' gap at that time, not each place's rise."""
    said = set(words(fold(piece)))
    return (
        Operation.DIFFERENCE in segment.operations
        and not (segment.places or segment.countries or segment.unknown_places)
        and segment.now != segment.before
        and bool(said & data.pair_nouns)
    )


def quote_asked(text: str, data: Vocabulary) -> bool:
    """ "quote from the china source", "the russian source's exact words": what a source
    said is asked, as "what did the source say" asks it."""
    said = _spaced(text)
    return any(phrase in said for phrase in _between_spaces(data.quote_phrases))


@lru_cache(maxsize=8)
def _between_spaces(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f" {phrase} " for phrase in phrases)


def bare_figure_asks(parts: list[Understanding]) -> list[Understanding]:
    """ "how many workers died from it? give me the number": a part that asks only for "the
    number" (a weak amount cue, nothing named) after a part that asked something the report
    does not give is that ask pressed again, not a question for the quotas ("얼마나 오른건지",
    how much it rose, asks the change)."""
    kept: list[Understanding] = []
    for part in parts:
        before = kept[-1] if kept else None
        bare = (
            part.intents == [Intent.QUOTA]
            and Intent.QUOTA in part.settled_intents
            and not part.quota_named
            and not (part.has_subject or part.figures or part.dates or part.operations)
            and not (part.attributes or part.topics or part.unknown_places)
            # "… and how much did it go up": a change asked is an ask of its own.
            and not part.change_asked
        )
        if bare and before is not None and before.attributes:
            continue
        kept.append(part)
    return kept


def asserted_change(
    piece: str, read: float | None, change_words: Mapping[str, float]
) -> float | None:
    """The change a part asserts: "it was halved, not doubled" asserts halved; a change
    word after "not" or "instead of" is the one denied."""
    folded = fold(piece)
    asserted = []
    for word, factor in change_words.items():
        found = re.finditer(rf"\b{re.escape(word)}\b", folded) if word in folded else ()
        for match in found:
            if not _DENIED.search(folded[max(0, match.start() - 24) : match.start()]):
                asserted.append((match.start(), factor))
    return min(asserted)[1] if asserted else read


def one_place_difference(piece: str, segment: Understanding, data: Vocabulary) -> bool:
    """ "delta on sakhalin": a difference noun and one place, no other brought in, asks
    its before against its after."""
    said = set(words(fold(piece)))
    return (
        Operation.DIFFERENCE in segment.operations
        and len(segment.places) + len(segment.countries) == 1
        and not segment.pair_asked
        and bool(said & data.difference_nouns)
        and not said & data.other_place_words
    )
