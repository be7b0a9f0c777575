"""Cities typed in Latin letters in a Russian, Chinese or Korean message ("london에서",
"квота в london", "london的定额"): CLDR's English names of the cities that name time zones,
as the region they are. Read apart from the phrase table all languages share, which English
reads too (an English message finds its places by its own rules: places.py); a name the
tables know already ("sakhalin", "moscow", "qatar") is left to them."""

from __future__ import annotations

from collections.abc import Container
from functools import lru_cache
from typing import Any

from bot.engine.cldr_names import exemplar_cities
from bot.engine.vocabulary import Cue
from bot.engine.vocabulary import load as load_vocabulary
from db.textfold import fold

# A name shorter than this is too likely a word or a code ("Nome", "Apia", "Lima").
LATIN_CITY_LETTERS = 5


@lru_cache(maxsize=4)
def _cities(language: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Folded English name -> the name shown, and the names by their first word."""
    english = load_vocabulary("en").not_place_words
    shown_by_name: dict[str, str] = {}
    for shown in sorted(set(exemplar_cities(language).values())):
        name = fold(shown)
        # "center, north dakota" is not typed so; an English word is no city ("resolute").
        if len(name) >= LATIN_CITY_LETTERS and "," not in name and name not in english:
            shown_by_name[name] = shown
    by_first: dict[str, list[str]] = {}
    for name in shown_by_name:
        by_first.setdefault(name.split(" ")[0], []).append(name)
    return shown_by_name, {first: tuple(names) for first, names in by_first.items()}


def warm_up(language: str) -> None:
    """Build the names now (the analysers' warm-up thread), not on the first question."""
    _cities(language)


def cities_in(analysed: str, language: str, known: Container[str]) -> list[str]:
    """The cities an analysed part names in Latin letters, as shown ("London")."""
    shown_by_name, by_first = _cities(language)
    spaced = f" {analysed} "
    found: list[str] = []
    for token in analysed.split(" "):
        for name in by_first.get(token, ()) if token.isascii() else ():
            if name not in known and f" {name} " in spaced and shown_by_name[name] not in found:
                found.append(shown_by_name[name])
    return found


def record(analysed: str, language: str, understander: Any, segment: Any) -> None:
    """Each city the part names so, as a region of the segment, unless the gazetteer
    (named_places.py) named it already ("london에서")."""
    taken = {place.casefold() for place in segment.unknown_places}
    for city in cities_in(analysed, language, understander._phrases):
        name = city.casefold()
        if name in taken:
            continue
        # "new york에서": a word of it the gazetteer took for a place ("York") is not one.
        words = name.split(" ")
        segment.unknown_places[:] = [p for p in segment.unknown_places if p.casefold() not in words]
        understander._record(segment, Cue.REGION, city)
