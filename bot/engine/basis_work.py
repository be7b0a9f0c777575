"""Figures one place and kind of work splits by who pays them, narrowed to the people a
question names (a report gives "each doctor" and "each nurse" at the same hospitals).

A question naming a kind of work reaches the stored sector (sector_words.py); where the
sector's figures at one place differ in whom they are for, a question that names one of
them ("what do the nurses in luanda pay", "physicians") gets only that figure, not the
others' too. Only words for kinds of work count (the vocabulary's other-sector cues and
vocabulary/sector_kin.json's words), in any number and by their kin; a question naming
none of them, or naming both, keeps every figure. Nothing here is any one report's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from bot.engine.retrieval import STOP
from bot.engine.sector_words import kin, kin_words, root
from bot.engine.vocabulary import Attribute, Cue, load
from db.views import ClaimView

_WORD = re.compile(r"[a-z]+")

# Words that open the people a basis names ("each welder", "every logger") and that end
# them ("… working in the same restaurant", "… on the longliners", "…, at least").
_OPENERS = frozenset({"each", "every", "per"})
_ENDERS = frozenset(
    {"in", "at", "on", "of", "for", "from", "who", "with", "as", "working", "stationed", "to"}
)
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|,")


def whom_words(basis_text: str | None, sector: str | None) -> list[str]:
    """The words naming who a figure is for: those after "each"/"every" in its basis words
    up to a preposition or a comma ("each married couple working in …" -> married,
    couple), and its sector's name."""
    found: list[str] = []
    taking = False
    for token in WORD.findall((basis_text or "").casefold()):
        if token in _OPENERS:
            taking = True
        elif token == "," or token in _ENDERS:
            taking = False
        elif taking:
            found.append(token.removesuffix("'s"))
    found += WORD.findall((sector or "").casefold())
    return [w for w in found if w != "," and w not in STOP and len(w) > 2]


@cache
def _work_roots() -> frozenset[str]:
    """Roots of the words for kinds of work: of each other-sector cue its first word that is
    no generic people noun or stop word ("it workers" -> "it" is a stop word: nothing;
    "medical staff" -> "medical"), and every word sector_kin.json groups."""
    vocabulary = load("en")
    other = (Cue.ATTRIBUTE, Attribute.OTHER_SECTOR)
    generic = frozenset(vocabulary.people_nouns) | STOP
    found = {
        root(words[0])
        for phrase, entries in vocabulary.phrases.items()
        if other in entries and (words := [w for w in phrase.split() if w not in generic])
    }
    return frozenset(found | {root(w) for w in kin_words()})


@lru_cache(maxsize=4096)
def _roots(text: str) -> frozenset[str]:
    return frozenset(root(w) for w in _WORD.findall(text.casefold()))


def asked_work(text: str) -> frozenset[str]:
    """The kinds of work a question names, as roots with their kin ("physicians" -> doctor)."""
    asked = _roots(text) & _work_roots()
    return frozenset(k for r in asked for k in kin(r))


def narrowed(claims: Sequence[ClaimView], text: str) -> list[ClaimView]:
    """``claims`` without the figures of a place and sector whose basis names other people
    than the question does, where some figure of the same place and sector names them; then
    without a place's figures for other people than those the question names in the
    report's own words for them (``by_whom``)."""
    return by_whom(_by_work(claims, text), text)


def _whom_roots(claim: ClaimView) -> frozenset[str]:
    return _whom_of(claim.basis_text, claim.sector)


@lru_cache(maxsize=4096)
def _whom_of(basis_text: str | None, sector: str | None) -> frozenset[str]:
    generic = {root(w) for w in load("en").people_nouns}
    return frozenset(root(w) for w in whom_words(basis_text, sector)) - generic


def by_whom(claims: Sequence[ClaimView], text: str) -> list[ClaimView]:
    """Of a place's figures for different people ("each scaffolder", "each galley cook"),
    the ones whose words for who pays, or whose sector's name, the question uses ("the
    scaffolders", "asphalt crew", "married ones"); every figure where it uses none of
    them, or all."""
    if len(claims) < 2:
        return list(claims)
    asked = frozenset(root(w) for w in WORD.findall(text.casefold()) if w != ",")
    groups: dict[str | None, list[ClaimView]] = {}
    for claim in claims:
        groups.setdefault(claim.place, []).append(claim)
    dropped: set[int] = set()
    for group in groups.values():
        if len(group) < 2:
            continue
        named = [c for c in group if _whom_roots(c) & asked]
        if named and len(named) < len(group):
            dropped.update(c.id for c in group if c not in named)
    return [c for c in claims if c.id not in dropped]


def _by_work(claims: Sequence[ClaimView], text: str) -> list[ClaimView]:
    asked = asked_work(text) if claims else frozenset()
    if not asked:
        return list(claims)
    groups: dict[tuple[str | None, str | None], list[ClaimView]] = {}
    for claim in claims:
        groups.setdefault((claim.place, claim.sector), []).append(claim)
    dropped: set[int] = set()
    for group in groups.values():
        if len(group) < 2:
            continue
        named = [c for c in group if c.basis_text and _roots(c.basis_text) & asked]
        if named and len(named) < len(group):
            dropped.update(c.id for c in group if c not in named)
    return [c for c in claims if c.id not in dropped]
