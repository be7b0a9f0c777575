"""A question's word for the people who do a kind of work, read by the reports' own words.

"road crew dues?", "what do the plasterers pay", "figures for the married ones": no cue
lists these words, but a stored figure's own kind of work or basis does ("road building",
"each bricklayer and plasterer", "each married couple working in the same restaurant"). A
word of the question whose root (sector_words.root, so "plasterers" meets "plasterer") or
one of its kin (vocabulary/sector_kin.json: "cooks" meets "kitchen" and "restaurants") is
a word of a figure's sector name or basis names that figure's place and sector: the
question asks about those workers, not about an unknown place or another subject.

Words that say nothing of the work ("each", "worker", "member", "team", "same") are left out
(vocabulary/work_words.json), and so are words for whom a figure is per ("spouse",
"married": figures_en.json's basis_asked, which bases.py reads). Built once per snapshot
from the claims.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from bot.engine.retrieval import STOP
from bot.engine.sector_words import kin, root
from bot.engine.understanding import Understanding, add_once
from bot.engine.vocabulary import FOLDER, Cue
from db.kinds import ClaimKind
from db.views import ClaimView

_WORD = re.compile(r"[^\W\d_]+")
MIN_LETTERS = 4


@cache
def generic_words() -> frozenset[str]:
    """Words of a basis that name no kind of work (vocabulary/work_words.json)."""
    data = json.loads((FOLDER / "work_words.json").read_text(encoding="utf-8"))
    # Whom a figure is per ("married", "spouse", "single"): bases.py reads those.
    figures = json.loads((FOLDER / "figures_en.json").read_text(encoding="utf-8"))
    per_whom = (w for words in figures["basis_asked"].values() for p in words for w in p.split())
    return frozenset(w.casefold() for w in (*data["generic"], *per_whom))


def _work_text(claim: ClaimView) -> str | None:
    if claim.kind != ClaimKind.QUOTA or not claim.sector or not claim.place:
        return None
    return f"{claim.sector} {claim.basis_text or ''}".casefold()


class WorkWords:
    """The roots of the words each stored figure's kind of work and basis use, with the
    sectors they name (a few dozen sectors, whatever the number of claims)."""

    def __init__(self, claims: Iterable[ClaimView] = ()) -> None:
        self._named: dict[str, tuple[str, ...]] = {}
        self._add(claims)

    def _add(self, claims: Iterable[ClaimView]) -> None:
        skip = generic_words()
        for claim in claims:
            text = _work_text(claim)
            if text is None or claim.sector is None:
                continue
            for word in _WORD.findall(text):
                if len(word) < MIN_LETTERS or word in STOP or word in skip:
                    continue
                found = self._named.get(key := root(word), ())
                if claim.sector not in found:
                    self._named[key] = (*found, claim.sector)

    def updated(self, changed: Iterable[tuple[ClaimView | None, ClaimView | None]]) -> WorkWords:
        """These words after an edit: new words added; a figure's words changed or gone
        (which may name a sector no longer) read every claim again, by the caller."""
        fresh = WorkWords()
        fresh._named = dict(self._named)
        fresh._add(new for _, new in changed if new is not None)
        return fresh

    @staticmethod
    def unchanged(changed: Iterable[tuple[ClaimView | None, ClaimView | None]]) -> bool:
        """Whether no edited figure's words were changed or taken away."""
        return all(
            old is None or (new is not None and _work_text(old) == _work_text(new))
            for old, new in changed
        )

    def naming(self, word: str) -> list[str]:
        """The sectors whose figures' own words name ``word`` or its kin."""
        word = word.casefold()
        if len(word) < MIN_LETTERS or word in STOP or not word.isalpha():
            return []
        if word in generic_words():
            return []
        found: list[str] = []
        for each in sorted(kin(root(word))):
            found.extend(s for s in self._named.get(each, ()) if s not in found)
        return found


def read_work_words(
    segment: Understanding,
    tokens: Iterable[str],
    phrases: Mapping[str, Sequence[tuple[str, str]]],
    work: WorkWords,
) -> frozenset[str]:
    """Each word of ``tokens`` no cue took that a figure's own words name: its sectors
    recorded, the part about the workers; the words taken (no unknown place, no other
    subject)."""
    taken: set[str] = set()
    # With a place named, the place says which figures ("windhoek porters": not the port
    # workers elsewhere that "porter" shares a root with); the word names only workers.
    placed = bool(segment.places or segment.countries or segment.regions)
    for word in tokens:
        if any(kind != Cue.PLAIN for kind, _ in phrases.get(word, ())):
            continue
        for sector in work.naming(word):
            if not placed:
                add_once(segment.sectors, sector)
            taken.add(word)
    if taken:
        segment.domain = True
        for word in taken:  # "cooks" is no typo of "books"
            segment.corrected_words.pop(word, None)
        # (kept among the unmapped and the report's words: "if a seamstress makes 12,500"
        # finds its share figure by them)
        segment.foreign = [w for w in segment.foreign if w not in taken]
        segment.unknown_places = [n for n in segment.unknown_places if not taken & set(n.split())]
    return frozenset(taken)
