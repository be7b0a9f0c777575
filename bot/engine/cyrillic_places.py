"""A stored place named in Cyrillic: a report stores its places in Latin letters ("Tynda",
"Gdansk", "Ulaanbaatar"), and a Russian question writes them its own way ("в Тынде",
"Гданьск", "Улан-Батор"). The name, as the analyser gives it in the nominative, is spelled
in Latin letters (vocabulary/cyrillic_latin.json) and compared with each stored place's
letters: the same, or close enough (rapidfuzz), is that place. Only where CLDR and the
vocabulary know no English name for it (lexicon.py asks those first).
"""

from __future__ import annotations

import json
from collections.abc import Collection
from functools import lru_cache

from rapidfuzz import fuzz

from bot.engine.place_spellings import unaccented
from bot.engine.vocabulary import FOLDER

# How close the Latin spelling must be to a stored place's ("ulanbator" ~ "ulaanbaatar": 80),
# with the same first letter.
MIN_SIMILARITY = 80
# Names this short must match exactly: "Ош" is no "Oslo".
MIN_FUZZY_LENGTH = 6


@lru_cache(maxsize=1)
def _letters() -> dict[int, str]:
    data = json.loads((FOLDER / "cyrillic_latin.json").read_text(encoding="utf-8"))
    return str.maketrans(data["letters"])


def _letters_only(name: str) -> str:
    return "".join(c for c in unaccented(name.casefold()) if c.isalpha())


def latin(name: str) -> str:
    """ "Улан-Батор" -> "ulanbator": the name's letters in Latin, nothing else."""
    return _letters_only(name.casefold().translate(_letters()))


def stored_place(name: str, places: Collection[str]) -> str | None:
    """The stored place a Cyrillic name spells, else None."""
    spelled = latin(name)
    if not spelled or not spelled.isascii():
        return None
    best, best_score = None, 0.0
    for place in places:
        letters = _letters_only(place)
        if letters == spelled:
            return place
        if min(len(letters), len(spelled)) < MIN_FUZZY_LENGTH or letters[:1] != spelled[:1]:
            continue
        score = fuzz.ratio(letters, spelled)
        if score >= MIN_SIMILARITY and score > best_score:
            best, best_score = place, score
    return best
