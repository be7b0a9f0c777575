"""Arithmetic read from a question's wording where no cue phrase fits: a quota "times 12"
(the monthly figure multiplied, i.e. over that many months) and "how many Dalian quotas
equal one Sakhalin quota" (a ratio). The words are data (bot/engine/vocabulary/
arithmetic_cues.json, one list per language); read by ``arithmetic.Arithmetic`` before it
picks its operations.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent, Operation

_DATA = Path(__file__).parent / "vocabulary" / "arithmetic_cues.json"
# A monthly quota multiplied by more than this many is no span of months a person asks.
MAX_MONTHS = 600


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    times = "|".join(re.escape(w) for lang in data["multiply"].values() for w in lang)
    # "times 12", "x12", "× 12", "умножить на 12", "乘以12", "곱하기 12"
    multiply = re.compile(rf"(?<![a-zа-яё])(?:{times})\s*(\d{{1,3}})(?!\d)")
    equal = "|".join(w for lang in data["how_many_equal"].values() for w in lang)
    return multiply, re.compile(equal)


def read_arithmetic(u: Understanding) -> Understanding:
    """The question with the operations its wording asks beyond the cue phrases."""
    multiply, equal = _patterns()
    text = u.text.lower()
    about_quota = Intent.QUOTA in u.intents or bool(u.places or u.countries)
    ops = list(u.operations)
    months = u.months
    found = multiply.search(text)
    if found and about_quota and months is None:
        count = int(found.group(1))
        # "times 2" is the doubling (its own operation); a head count is not a span.
        if 2 < count <= MAX_MONTHS and count != u.headcount:
            months = count
            ops += [] if Operation.TOTAL in ops else [Operation.TOTAL]
    named = len(u.places) + len(u.countries) >= 2
    if named and Operation.RATIO not in ops and equal.search(text):
        ops.append(Operation.RATIO)  # "how many dalian quotas equal one sakhalin quota"
    if ops == u.operations and months == u.months:
        return u
    return replace(u, operations=ops, months=months)
