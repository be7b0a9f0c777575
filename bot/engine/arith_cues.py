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
def _again() -> re.Pattern[str]:
    """ "if they double the dalian quota once more": a further doubling, words between."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return re.compile("|".join(f"(?:{w})" for lang in data["double_again"].values() for w in lang))


@lru_cache(maxsize=1)
def _old_new() -> re.Pattern[str]:
    """ "new quota minus old quota", "разница между старой и новой", "新旧差多少", "신구 차이"."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return re.compile("|".join(f"(?:{w})" for lang in data["old_new"].values() for w in lang))


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
    if Operation.DOUBLE_AGAIN not in ops and about_quota and _again().search(text):
        ops.append(Operation.DOUBLE_AGAIN)
    # "new minus old, both places": each quota's rise, not one place against the other.
    rise = not named and not u.change_asked and bool(_old_new().search(text))
    if rise:  # ("both places" there names the places, not a sum of them)
        ops = [op for op in ops if op != Operation.COMBINED or months]
        ops += [] if Operation.DIFFERENCE in ops else [Operation.DIFFERENCE]
    if ops == u.operations and months == u.months and not rise:
        return u
    if rise:
        return replace(u, operations=ops, months=months, change_asked=True, pair_asked=False)
    return replace(u, operations=ops, months=months)
