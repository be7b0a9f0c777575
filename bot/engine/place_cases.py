"""Russian place names in the case a sentence needs: a Russian translation asks
"{place:gen}" ("квота для Сахалина") or "{place:in}" ("квота на Сахалине", with the place's
own preposition) and bot/markup.py's ``fmt`` calls ``inflect`` (set in bot/engine/__init__.py).

The store's places and countries are in vocabulary/ru_cases.json (islands take "на", so a
preposition is data, not a guess). Another single-word name pymorphy3's dictionary knows as
a place gets its genitive from it; anything else (several words, Latin letters, a name the
dictionary does not hold, a locative not in the table) is named with a noun in the case and
the name quoted in the nominative ("места «Марс»", "в месте «Марс»"): stiff, never wrong.
A label with its country ("Сахалин, Россия") inflects the place and keeps the country in
parentheses: "Сахалина (Россия)".
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from bot.engine.vocabulary import FOLDER
from bot.markup import Case

_RUSSIAN_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*")
_FALLBACK = {Case.GENITIVE: "места «{name}»", Case.LOCATIVE: "в месте «{name}»"}


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    data = json.loads((FOLDER / "ru_cases.json").read_text(encoding="utf-8"))
    return {name: dict(forms) for name, forms in data["names"].items()}


def inflect(name: str, case: Case) -> str:
    """``name`` (nominative, maybe "Place, Country") in ``case``."""
    head, _, country = name.partition(", ")
    form = _table().get(head, {}).get(case)
    if form is None and case is Case.GENITIVE:
        form = _genitive(head)
    if form is None or (country and ", " in country):
        return _FALLBACK[case].format(name=name)
    return f"{form} ({country})" if country else form


@lru_cache(maxsize=256)
def _genitive(name: str) -> str | None:
    """The genitive pymorphy3's dictionary gives a one-word place name, else None."""
    word = name.lower()
    if not _RUSSIAN_WORD.fullmatch(word):
        return None
    from bot.engine.analysis import morph

    analyzer = morph()
    if not analyzer.word_is_known(word):
        return None
    for parse in analyzer.parse(word):
        if {"Geox", "nomn", "sing"} <= parse.tag.grammemes and parse.normal_form == word:
            found = parse.inflect({"gent"})
            if found is not None:
                return "-".join(part.capitalize() for part in found.word.split("-"))
    return None
