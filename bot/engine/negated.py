"""A thing named only to be set aside is not asked: "not the quota, the wage", "не норму, а
зарплату", "不是配额，是工资", "할당 말고 버는 돈", "할당량이 아니라 월급". Its words are taken
out of the message before its parts are read, so the cue of what is set aside (the quota)
does not answer a question about the other thing (the wage, which the reports do not give).

The patterns are data, one per language (``vocabulary/negated.json``), each searched for
only in a message holding one of its trigger words ("not", "не", "不是", "말고"). They take
out words only: never a figure ("not 62,000 but 90,000" is a premise the premises' reader
answers), a period ("not a month but a year") or a change word ("не удвоили, а утроили",
part_readings.py); in English only a noun's phrase ("not the quota,").
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from bot.engine.vocabulary import FOLDER


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]:
    """Each language's pattern with the words one of which it cannot match without."""
    data = json.loads((FOLDER / "negated.json").read_text(encoding="utf-8"))
    return tuple(
        (tuple(data["triggers"][language]), re.compile(pattern, re.IGNORECASE))
        for language, pattern in data["patterns"].items()
    )


def without_negated(text: str) -> str:
    """``text`` without the things it names only to set them aside."""
    folded = text.casefold()
    for triggers, pattern in _patterns():
        if any(trigger in folded for trigger in triggers):  # (a substring test is cheap)
            text = pattern.sub(" ", text)
    return text
