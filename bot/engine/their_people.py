"""North Koreans named as people who work ("the NK guys", "朝鲜小丫头", "северокорейские
работяги", "북한 애들"): the report's workers, a tie of the report's own. A question about
their pay or their quota in such words is about the report, whatever other word it holds.
Words per language in `vocabulary/their_people.json`; soldiers, leaders or athletes are not
listed, so a question about them stays another subject."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from bot.engine.language import Language
from bot.engine.vocabulary import FOLDER

# Words between the nation and the people word: "nk construction guys", "朝鲜的女工".
_GAP = {Language.EN: r"(?:\s+\S+){0,2}\s+", Language.RU: r"\w*(?:[\s-]+\S+){0,2}?[\s-]+"}
_CJK_GAP = r".{0,3}?"


@lru_cache(maxsize=1)
def _patterns() -> dict[Language, re.Pattern[str]]:
    data = json.loads((FOLDER / "their_people.json").read_text(encoding="utf-8"))
    patterns: dict[Language, re.Pattern[str]] = {}
    for language in Language:
        words = data[str(language)]
        nations = "|".join(re.escape(w) for w in sorted(words["nations"], key=len, reverse=True))
        people = "|".join(re.escape(w) for w in sorted(words["people"], key=len, reverse=True))
        if language is Language.EN:
            pattern = rf"\b(?:{nations}){_GAP[language]}(?:{people})\b"
        elif language is Language.RU:
            pattern = rf"\b(?:{nations}){_GAP[language]}(?:{people})"
        else:
            pattern = rf"(?:{nations}){_CJK_GAP}(?:{people})"
        patterns[language] = re.compile(pattern, re.IGNORECASE)
    return patterns


@lru_cache(maxsize=512)
def names_their_people(text: str, language: Language) -> bool:
    """Whether ``text`` names North Koreans as people who work."""
    return _patterns()[language].search(text) is not None
