"""A thing named only to be set aside is not asked: "not the quota, the wage", "не норму, а
зарплату", "不是配额，是工资", "할당 말고 버는 돈", "할당량이 아니라 월급". Its words are taken
out of the message before its parts are read, so the cue of what is set aside (the quota)
does not answer a question about the other thing (the wage, which the reports do not give).

The patterns are data, one per language (``vocabulary/negated.json``), joined into one
search over the message; they take out words only, never a figure ("not 62,000 but 90,000"
is a premise the premises' reader answers), and in English only a noun's phrase ("not the
quota,"), never a verb ("not doubled, tripled" is a change denied: part_readings.py).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from bot.engine.vocabulary import FOLDER


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    data = json.loads((FOLDER / "negated.json").read_text(encoding="utf-8"))
    return re.compile("|".join(f"(?:{p})" for p in data["patterns"].values()), re.IGNORECASE)


def without_negated(text: str) -> str:
    """``text`` without the things it names only to set them aside."""
    return _pattern().sub(" ", text)
