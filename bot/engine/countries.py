"""Country names (CLDR, through db.validation) the engine spots in questions, and the
report's subject country, which is no place it reports figures for."""

from __future__ import annotations

import json
from functools import lru_cache

from bot.engine.text import normalize
from bot.engine.vocabulary import FOLDER
from db.validation import country_names

# The report's subject, not a place it reports figures for.
SUBJECT_COUNTRY = "KP"


@lru_cache(maxsize=4)
def country_lookup(locale: str = "en") -> dict[str, str]:
    """Normalized country name -> code, for spotting countries the report does not cover."""
    names = {normalize(name): code for code, name in country_names(locale).items()}
    if locale == "en":  # "uae", "the us", "prc": short forms CLDR does not give
        names.update(_short_names())
    # "Myanmar (Burma)": each name by itself too.
    for name, code in list(names.items()):
        if "(" in name:
            for part in name.replace(")", "").split("("):
                names.setdefault(part.strip(), code)
    for name, code in list(names.items()):
        if code == SUBJECT_COUNTRY or name in ("korea",):
            del names[name]
    return names


@lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    data = json.loads((FOLDER / "country_short.json").read_text(encoding="utf-8"))
    return {normalize(name): code for name, code in data["names"].items()}
