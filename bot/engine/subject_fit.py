"""Which of the figures a question's subjects select it asks for, by how its subjects and
words fit together, read from the claims' own fields.

``ClaimIndex.select`` joins every subject a question names: "Tashkent builders" selects the
figures for Tashkent and every construction figure, Sakhalin's too. Two narrowings follow
(``basis_work.narrowed`` first, for a place's figures split by whom they are for):

- a kind of work named beside a place qualifies the place: where every kind of work named
  has a figure at a place named (or in a country named), the figures of that work elsewhere
  are dropped ("Tashkent builders" is Tashkent's builders; "Sakhalin and the fishermen",
  with no fishing figure for Sakhalin, keeps both);
- a direction of change asked ("after the cut", "the one that was raised", "снизили",
  "下调", "깎였") keeps, of figures that went different ways, those whose stored change
  went that way (``change``: decreased; increased or doubled), when only one direction is
  named, and not every figure's place is named (then the change is said of the places,
  "Gdansk doubled like Sakhalin, right?", not a choice among them); cue words per
  language in vocabulary/change_asks.json.

Nothing here is any one report's words: both read the stored place, country, sector and
change of each figure.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from bot.engine.basis_work import narrowed
from bot.engine.understanding import Understanding
from db.kinds import FigureChange
from db.views import ClaimView

CHANGE_FILE = Path(__file__).parent / "vocabulary" / "change_asks.json"
_WAYS: dict[str, frozenset[str]] = {
    "decreased": frozenset({FigureChange.DECREASED}),
    "increased": frozenset({FigureChange.INCREASED, FigureChange.DOUBLED}),
}


def fitted(claims: Sequence[ClaimView], u: Understanding) -> list[ClaimView]:
    """``claims`` (selected by ``u``'s subjects) narrowed to what ``u`` asks for."""
    chosen = narrowed(claims, u.search_text)
    chosen = qualified(chosen, u)
    if u.places and all(c.place in u.places for c in chosen):
        return chosen  # each place named: a change said of them is asserted, not a choice
    return by_direction(chosen, u.text)


def _at_place(claim: ClaimView, u: Understanding) -> bool:
    return claim.place in u.places or (claim.country is not None and claim.country in u.countries)


def qualified(claims: Sequence[ClaimView], u: Understanding) -> list[ClaimView]:
    """Without the figures a named kind of work selects elsewhere, where each kind of work
    named has a figure at a place (or country) named."""
    if not u.sectors or not (u.places or u.countries):
        return list(claims)
    there = {c.sector for c in claims if _at_place(c, u)}
    if not there & set(u.sectors):
        return list(claims)
    return [c for c in claims if _at_place(c, u) or c.sector not in u.sectors]


@cache
def _cues() -> dict[str, tuple[re.Pattern[str], tuple[str, ...]]]:
    """Per direction: one pattern of its English and Russian cues, and its Chinese and
    Korean ones (matched inside the text)."""
    data = json.loads(CHANGE_FILE.read_text(encoding="utf-8"))
    table = {}
    for way in _WAYS:
        entry = data[way]
        english = [r"\b" + re.escape(cue) + r"\b" for cue in entry["en"]]
        russian = [r"\b" + re.escape(cue) for cue in entry["ru"]]
        pattern = re.compile("|".join([*english, *russian]))
        table[way] = (pattern, (*entry["zh"], *entry["ko"]))
    return table


def asked_directions(text: str) -> set[str]:
    """The directions of change a question's words name ("decreased", "increased")."""
    folded = text.casefold().replace("ё", "е")
    found = set()
    for way, (pattern, inside) in _cues().items():
        if pattern.search(folded) or any(cue in folded for cue in inside):
            found.add(way)
    return found


def by_direction(claims: Sequence[ClaimView], text: str) -> list[ClaimView]:
    """Of figures that went different ways, those that went the one way a question names;
    all of them where it names none, both, or none of them went that way."""
    if len(claims) < 2:
        return list(claims)
    ways = asked_directions(text)
    if len(ways) != 1:
        return list(claims)
    changes = _WAYS[next(iter(ways))]
    kept = [c for c in claims if c.change in changes]
    return kept if kept else list(claims)
