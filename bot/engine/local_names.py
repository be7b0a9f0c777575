"""Names from the store in the reader's language: a place's or sector's display name is the
one vocabulary/display_names.json gives, else the store's alias written in the reader's
script ("Сахалин", "萨哈林", "사할린"), else the word the language's vocabulary file gives
for it, else the name as stored. Lists are joined the way
the answer's locale joins them (CLDR, via Babel)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from babel.lists import format_list

from bot.engine import wording
from bot.engine.cldr_names import exemplar_cities
from bot.engine.named_places import name_case, shown_name
from bot.engine.report_words import as_original, described
from bot.engine.retrieval import stem
from bot.engine.vocabulary import FOLDER
from db.views import Snapshot

# The letters of each language's script: an alias counts as the language's name of a place
# when every letter it has is of that script.
SCRIPTS = {
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "zh": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]"),
    "ko": re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]"),
}
# Languages whose names are capitalised ("сахалин" is stored folded: "Сахалин").
CAPITALISED = frozenset({"ru"})


def in_script(term: str, language: str) -> bool:
    script = SCRIPTS.get(language)
    letters = [ch for ch in term if ch.isalpha()]
    return bool(script and letters and all(script.match(ch) for ch in letters))


def _display(term: str, kind: str, language: str) -> str:
    if kind == "place" and language in CAPITALISED and term == term.lower():
        return shown_name(term)  # "южно-сахалинск" -> "Южно-Сахалинск", "… область"
    return term


@lru_cache(maxsize=8)
def display_names(language: str) -> dict[tuple[str, str], str]:
    """(kind, stored name) -> the name vocabulary/display_names.json gives in the language."""
    try:
        data: dict[str, Any] = json.loads(
            (FOLDER / "display_names.json").read_text(encoding="utf-8")
        )
    except (OSError, ValueError):
        return {}
    kinds = data.get(language) or {}
    return {
        (kind, stored): name
        for kind in ("place", "sector", "source", "deadline")
        for stored, name in (kinds.get(kind) or {}).items()
    }


@lru_cache(maxsize=8)
def vocabulary_names(language: str) -> dict[tuple[str, str], str]:
    """(kind, stored name) -> the first word the language's vocabulary file gives for it."""
    try:
        data: dict[str, Any] = json.loads((FOLDER / f"{language}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    found: dict[tuple[str, str], str] = {}
    subjects = data.get("subjects") or {}
    for kind in ("place", "sector"):
        for term, value in (subjects.get(kind) or {}).items():
            if isinstance(value, str) and in_script(term, language):
                found.setdefault((kind, value), _display(term, kind, language))
    # Places the reports do not cover ("沈阳" -> "Shenyang"), named when a reply says so.
    for term, value in (data.get("elsewhere") or {}).items():
        if isinstance(value, str) and in_script(term, language):
            found.setdefault(("place", value), _display(term, "place", language))
    # The language's word for an English gloss ("restaurant" -> "ресторан"): work the reports
    # do not cover, named back in the reader's language.
    for term, value in (data.get("glosses") or {}).items():
        if isinstance(value, str) and in_script(term, language):
            found.setdefault(("gloss", value), term)
    return found


@lru_cache(maxsize=8)
def region_names(language: str) -> dict[str, str]:
    """A place the reports do not cover, by its English name -> its name in the language:
    the first word the vocabulary file's "elsewhere" gives for it ("Владивосток", "海参崴",
    "하바롭스크"), else CLDR's name of the city ("Магадан")."""
    if language == "en":
        return {}
    try:
        data: dict[str, Any] = json.loads((FOLDER / f"{language}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    found: dict[str, str] = {}
    for term, english in (data.get("elsewhere") or {}).items():
        if isinstance(english, str) and in_script(term, language):
            found.setdefault(english, _region_display(term, language))
    for name, english in exemplar_cities(language).items():
        found.setdefault(english, name)
    return found


@lru_cache(maxsize=8)
def cldr_city_names(language: str) -> dict[str, str]:
    """A city's English name -> CLDR's name of it in the language ("Ulaanbaatar" ->
    "Улан-Батор", "Vientiane" -> "万象"): the cities CLDR names time zones after."""
    return {english: name for name, english in exemplar_cities(language).items()}


@lru_cache(maxsize=8)
def regions_by_name(language: str) -> dict[str, str]:
    """The other way round: a city's name in the language ("Куала-Лумпур") -> English."""
    return {name: english for english, name in region_names(language).items()}


def _region_display(term: str, language: str) -> str:
    """ "юго-восточная азия" -> "Юго-Восточная Азия", "комсомольск-на-амуре" ->
    "Комсомольск-на-Амуре"; scripts without capitals stay as written."""
    if language not in CAPITALISED:
        return term
    return name_case(term)


def region_name(english: str, language: str | None = None) -> str:
    """The name of a place the reports do not cover in ``language`` (else the answer's);
    the English name where the language's data has none."""
    return region_names(language or wording.language()).get(english, english)


def local_name(kind: str, stored: str, language: str | None = None) -> str:
    """A place's or sector's name in ``language`` (else the answer's) without the store's
    aliases (for code that has no snapshot): the display names, else the vocabulary's word."""
    language = language or wording.language()
    if language == "en":
        return stored
    found = display_names(language).get(
        (kind, stored), vocabulary_names(language).get((kind, stored))
    )
    if found is not None:
        return found
    if kind == "place":  # CLDR's name of the city, where CLDR has one ("Улан-Батор")
        return cldr_city_names(language).get(stored, stored)
    if kind in ("sector", "deadline") and language == wording.language():
        return as_original(stored)  # the report's words, no gloss stored: marked
    return stored


def source_name(stored: str) -> str:
    """A source's (or the unit an outlet relies on) name in the answer's language; a
    description no one translated ("a restaurant worker in Dubai") marked as the report's
    own words (report_words.py)."""
    return described(stored, local_name("source", stored))


class LocalNames:
    """Display names by language, made for one snapshot's aliases when first asked."""

    def __init__(self) -> None:
        self._made: dict[str, tuple[Snapshot, dict[tuple[str, str], str]]] = {}

    def name(self, snapshot: Snapshot, kind: str, stored: str) -> str:
        language = wording.language()
        made = self._made.get(language)
        if made is None or made[0] is not snapshot:
            made = (snapshot, self._names(snapshot, language))
            self._made[language] = made
        found = made[1].get((kind, stored))
        if found is not None:
            return found
        if kind == "sector":  # the report's word, no gloss stored: marked as its own
            return as_original(stored)
        return stored

    @staticmethod
    def _names(snapshot: Snapshot, language: str) -> dict[tuple[str, str], str]:
        names: dict[tuple[str, str], str] = dict(display_names(language))
        for alias in snapshot.aliases:
            if alias.kind in ("place", "sector") and in_script(alias.term, language):
                names.setdefault(
                    (alias.kind, alias.value), _display(alias.term, alias.kind, language)
                )
        vocabulary = vocabulary_names(language)
        for key, word in vocabulary.items():
            names.setdefault(key, word)
        cities = cldr_city_names(language)
        for place in {c.place for c in snapshot.claims if c.place}:
            if place in cities:  # CLDR's name, where no alias or data names it
                names.setdefault(("place", place), cities[place])
        # A report's sector no one translated: the language's word for it, if the cue data
        # glosses it ("restaurants" -> "ресторан", "餐厅"), rather than English in the reply.
        glossed = {stem(english): word for (k, english), word in vocabulary.items() if k == "gloss"}
        for sector in {c.sector for c in snapshot.claims if c.sector}:
            gloss = glossed.get(stem(sector))
            if gloss is not None:
                names.setdefault(("sector", sector), gloss)
        return names


def series(items: Sequence[str]) -> str:
    """ "A and B" (English: "A and B and C", as always); in another language its own way."""
    if wording.is_english():
        return " and ".join(items)
    return str(format_list(list(items), style="standard", locale=wording.locale()))


def or_list(items: Sequence[str]) -> str:
    """ "A, B or C" in the answer's language."""
    if not items:
        return ""
    return str(format_list(list(items), style="or", locale=wording.locale()))
