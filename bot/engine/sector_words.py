"""Words for a kind of work that a report's own claims use, read as that report's sector.

The cue data lists words for kinds of work no report gave quotas for ("restaurant",
"painters", "sewing", "doctors"), so that "what do the doctors pay" is told honestly that
the reports say nothing about doctors. Once a report in the store gives a quota for such
work, the same word must reach its sector, whatever the sector is called: a cue names a
stored sector when the claims at that sector's place use the cue's words (stemmed, so
"restaurant" meets "restaurants", "painters" meets "each painter", "sewing" meets "they
sew") in the sector's name, the basis ("each welder"), a statement or a quote, in any
number ("nurses" meets "each nurse"), or the words of the same kind of work that
vocabulary/sector_kin.json groups ("fishermen" meets "fisheries" and "trawler", "sailors"
meets "deckhand"; Russian, Chinese and Korean words reach them by their English gloss).
Built once per snapshot from the claims; nothing here is any one report's words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from bot.engine.retrieval import STOP, stem
from bot.engine.text import normalize
from db.kinds import ClaimKind
from db.views import ClaimView

KIN_FILE = Path(__file__).parent / "vocabulary" / "sector_kin.json"
_PEOPLE_SUFFIXES = ("men", "man")


def root(word: str) -> str:
    """A word's stem with the endings the stemmer leaves uneven taken off, so a cue and a
    claim's word meet in any number: "nurses"/"nurse" -> "nurs", "seamstresses"/"seamstress"
    -> "seamstres", "fishermen"/"fisheries" -> "fisher" (a "-men" ending only after five
    letters: "seamen" stays apart from "sea"; "midwives" meets "midwife")."""
    word = word.casefold()
    if word.endswith("ves") and len(word) > 5:
        word = word[:-3] + "fe"
    word = stem(word)
    for suffix in _PEOPLE_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 5:
            word = word[: -len(suffix)]
            break
    if word.endswith("ss"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


@cache
def kin_words() -> tuple[str, ...]:
    """Every word vocabulary/sector_kin.json groups."""
    groups = json.loads(KIN_FILE.read_text(encoding="utf-8"))["groups"]
    return tuple(word for group in groups for word in group)


@cache
def _kin_table() -> dict[str, frozenset[str]]:
    groups = json.loads(KIN_FILE.read_text(encoding="utf-8"))["groups"]
    table: dict[str, set[str]] = {}
    for group in groups:
        roots = {root(word) for word in group}
        for r in roots:
            table.setdefault(r, set()).update(roots)
    return {r: frozenset(kin) for r, kin in table.items()}


def kin(word_root: str) -> frozenset[str]:
    """The roots of the words that name the same kind of work as ``word_root`` (itself
    included): vocabulary/sector_kin.json."""
    return _kin_table().get(word_root, frozenset((word_root,)))


def _texts(claim: ClaimView) -> str:
    parts = (claim.sector, claim.basis_text, claim.statement, claim.quote)
    return " ".join(p for p in parts if p).casefold()


def _wanted(cues: Iterable[str], generic: frozenset[str]) -> dict[str, list[str]]:
    return {
        phrase: stems
        for phrase in cues
        if (stems := [root(w) for w in phrase.split() if w not in generic and w not in STOP])
    }


def _said(claim: ClaimView, prefix: re.Pattern[str], stems: set[str]) -> set[str]:
    return {s for m in prefix.finditer(_texts(claim)) if (s := root(m.group(0))) in stems}


def _prefix(stems: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(set(stems), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\w*")


def uses_a_cue(claims: Iterable[ClaimView], cues: Iterable[str], generic: frozenset[str]) -> bool:
    """Whether any of ``claims`` uses a cue's word (an edit to it may change what names what)."""
    stems = {k for found in _wanted(cues, generic).values() for s in found for k in kin(s)}
    prefix = _prefix(stems) if stems else None
    return prefix is not None and any(_said(claim, prefix, stems) for claim in claims)


def stored_sector_cues(
    claims: Iterable[ClaimView], cues: Iterable[str], generic: frozenset[str]
) -> dict[str, list[str]]:
    """Each cue phrase the claims use, with the sectors it names ({"doctors": ["clinics"]}).

    A phrase's words in ``generic`` ("workers", "staff") or stop words do not count: "it
    workers" is not named by every claim that says "it". Of a longer phrase, its first word
    names the work ("fishing boats", "medical staff"). Claims without a place count for no
    sector.
    """
    wanted = _wanted(cues, generic)
    if not wanted:
        return {}
    claims = tuple(claims)
    sectors_at: dict[str, list[str]] = {}
    for claim in claims:
        if claim.kind == ClaimKind.QUOTA and claim.sector and claim.place:
            known = sectors_at.setdefault(claim.place, [])
            if claim.sector not in known:
                known.append(claim.sector)
    if not sectors_at:
        return {}
    stems = {k for found in wanted.values() for s in found for k in kin(s)}
    prefix = _prefix(stems)
    said_at: dict[str, set[str]] = {}
    for claim in claims:
        if claim.place in sectors_at:
            said_at.setdefault(claim.place, set()).update(_said(claim, prefix, stems))
    named: dict[str, list[str]] = {}
    for phrase, found in wanted.items():
        for place, said in said_at.items():
            if kin(found[0]) & said:
                for sector in sectors_at[place]:
                    if sector not in named.setdefault(phrase, []):
                        named[phrase].append(sector)
    return named


def names_workplaces(sector: str) -> bool:
    """A sector named by the places people work in, in the plural ("restaurants", "art
    studios", "shipyards"): "workers in restaurants", not "restaurants workers"; a kind of
    work ("construction", "seafood processing", "garment") reads "construction workers"."""
    last = sector.rsplit(" ", 1)[-1].casefold()
    return last.endswith("s") and not last.endswith("ss") and stem(last) != last


# Words that may follow a kind of work named like an ordinary word ("it workers", "IT team").
_AFTER_SECTOR = ("team", "teams", "crews", "sector", "jobs")


def name_phrases(kind: str, value: str, people_nouns: Iterable[str]) -> list[str]:
    """A stored name as a question writes it; a kind of work whose name is an ordinary word
    once folded ("IT" -> "it") only before a word for people ("it workers", "it guys"):
    "who denied it" names no kind of work."""
    name = normalize(value)
    if kind != "sector" or name not in STOP:
        return [name]
    nouns = (*people_nouns, *_AFTER_SECTOR)
    return [f"{name} {noun}" for noun in nouns if " " not in noun]
