"""People named back and nothing else asked: "what about the factory hands", "what are the
comrades coughing up monthly", "and the ones up on the cranes?". A part that no cue reads,
holding no word of another subject, whose people are a definite phrase ending in a word for
people who work (`vocabulary/people_back.json` and the people words of
`vocabulary/their_people.json`), asks about the people the report is about: their figures.
Which place's, its other words say when a kind of work's stored alias holds them ("factory"
in "fish factory": one sector), else every place's."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.engine.language import Language
from bot.engine.text import words
from bot.engine.vocabulary import FOLDER

if TYPE_CHECKING:
    from bot.engine.compose import Composer
    from bot.engine.understanding import Understanding
    from db.views import AliasView, ClaimView

# "the normal guys", "the regular construction workers": at most two words between.
_BETWEEN = r"(?:[a-z'-]+\s+){0,2}"
_MIN_LETTERS = 4  # a word shorter than this ("up", "on") names no kind of work
_SECTOR = "sector"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    back = json.loads((FOLDER / "people_back.json").read_text(encoding="utf-8"))["en"]
    their = json.loads((FOLDER / "their_people.json").read_text(encoding="utf-8"))["en"]
    people = sorted({*back, *their["people"]}, key=len, reverse=True)
    return re.compile(rf"\bthe\s+{_BETWEEN}({'|'.join(map(re.escape, people))})\b")


def people_named_back(s: Understanding) -> str | None:
    """The people word of a part that names the workers back and nothing else, or None."""
    if s.language is not Language.EN or s.other_subject or s.listed_foreign:
        return None
    if s.unknown_places or s.countries or s.other_currencies or s.own_figures:
        return None
    found = _pattern().search(s.text)
    if found is None:
        return None
    # An unknown word is another subject's unless it is the people word itself ("comrades").
    if set(s.foreign) - {found.group(1)}:
        return None
    return found.group(1)


def sector_named(text: str, people: str, aliases: Iterable[AliasView]) -> str | None:
    """The one stored kind of work whose aliases hold a word of the part ("factory": "fish
    factory"), else None (none, or several)."""
    asked = {w for w in words(text) if len(w) >= _MIN_LETTERS and w != people}
    sectors = {
        a.value for a in aliases if a.kind == _SECTOR and asked & set(a.term.lower().split())
    }
    return sectors.pop() if len(sectors) == 1 else None


def quotas_of(
    s: Understanding, people: str, quotas: Sequence[ClaimView], aliases: Iterable[AliasView]
) -> list[ClaimView]:
    """The figures the part asks: of the kind of work its words name, else all of them."""
    sector = sector_named(s.text, people, aliases)
    named = [q for q in quotas if sector is not None and q.sector == sector]
    return named or list(quotas)


def figures_named_back(s: Understanding, c: Composer) -> list[ClaimView]:
    """The figures a part naming the workers back asks ("what about the factory hands":
    Dalian's), or none when it does not name them so."""
    people = people_named_back(s)
    return [] if people is None else quotas_of(s, people, c.quotas(), c.snapshot.aliases)
