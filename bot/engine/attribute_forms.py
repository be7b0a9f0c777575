"""Attributes no claim holds, asked in word forms the cue tables cannot key: a Russian
form whose lemma is another word too ("едят" is "есть", also "there is"), a Korean verb
stem in any ending ("벌어요", "못 채운"), a Chinese compound the segmenter splits ("吃啥",
"往家里寄钱"), an English ask with words between its parts ("how much are the sakhalin
guys paid"). Patterns per language and attribute: bot/engine/vocabulary/attribute_forms.json.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from bot.engine.language import Language
from bot.engine.vocabulary import Attribute

FILE = Path(__file__).parent / "vocabulary" / "attribute_forms.json"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[tuple[re.Pattern[str], Attribute], ...]]:
    """Per language, one combined pattern per attribute."""
    raw = json.loads(FILE.read_text(encoding="utf-8"))
    found: dict[str, tuple[tuple[re.Pattern[str], Attribute], ...]] = {}
    for language, attributes in raw.items():
        if not isinstance(attributes, dict):
            continue
        found[language] = tuple(
            (re.compile("|".join(f"(?:{p})" for p in patterns)), Attribute(name))
            for name, patterns in attributes.items()
        )
    return found


@lru_cache(maxsize=1024)
def attributes_in(text: str, language: Language) -> tuple[Attribute, ...]:
    """The attributes a part (folded, as the reader has it) asks in these word forms."""
    return tuple(
        attribute
        for pattern, attribute in _patterns().get(str(language), ())
        if pattern.search(text)
    )
