"""CLDR's names, per language, that the lexicons read: cities that name time zones and
currencies with their plural forms."""

from __future__ import annotations

from functools import lru_cache

import babel
from babel.numbers import get_currency_name


def exemplar_cities(locale: str) -> dict[str, str]:
    """CLDR's names of the cities that name time zones, in a language, with their English
    names ("Иркутск" -> "Irkutsk"); none of Antarctica's stations."""
    english = babel.Locale.parse("en").time_zones
    cities: dict[str, str] = {}
    for zone, names in babel.Locale.parse(locale).time_zones.items():
        city = names.get("city")
        if not city or zone.startswith(("Antarctica/", "Etc/")):
            continue
        shown = english.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        cities[str(city)] = str(shown)
    return cities


@lru_cache(maxsize=8)
def cldr_locale(locale: str) -> babel.Locale:
    """A language's CLDR data, parsed once (every currency's names are read through it)."""
    return babel.Locale.parse(locale)


def currency_names(code: str, locale: str) -> set[str]:
    """CLDR's names of a currency in a language: the display name and its plural forms."""
    parsed = cldr_locale(locale)
    names = {parsed.currencies.get(code, "")}
    names |= {get_currency_name(code, count=count, locale=parsed) for count in (1, 2, 5)}
    return {name for name in names if name and name != code}
