"""A later part that asks the earlier part's arithmetic again at another time: "what does a
year come to in dollars, and what was it before", "дальше в год сколько? а до удвоения?",
"以3,400来算三年总共多少？新的标准呢？", "两地合计多少美元？加倍后又为若干？", "1년치 얼마? 인상
전에는?". The later part says only when (before or after the change) and takes the earlier
part's operations, span, head count and currency at its own time; the earlier part, if it
named no time, is then the other one. A time said after a sum with no follow-up word ("大连
一年交多少，按翻倍算") stays a qualification of it (scene_parts.carry_time).

The follow-up words are data (vocabulary/follow_ups.json, per language)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from itertools import pairwise

from bot.engine.language import Language
from bot.engine.understanding import Understanding, add_once
from bot.engine.vocabulary import FOLDER, Intent, Operation

# Intents a follow-up part may carry besides its time: "and what was it before" (a quota),
# "and in dollars before?" (dollars), "per person before?" (a basis word), "and the old one
# for comparison" (a comparison with the sum just asked).
_OWN_INTENTS = frozenset({Intent.QUOTA, Intent.USD, Intent.BASIS, Intent.COMPARE})
# What the earlier part computes that the follow-up asks again (not a rate or a doubling).
_ASKED_AGAIN = frozenset(
    {
        Operation.TOTAL, Operation.COMBINED, Operation.PER_YEAR, Operation.PER_WEEK,
        Operation.PER_DAY, Operation.DIFFERENCE, Operation.RATIO, Operation.PERCENTAGE,
        Operation.SHARE,
    }
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _markers() -> dict[str, tuple[str, ...]]:
    data = json.loads((FOLDER / "follow_ups.json").read_text(encoding="utf-8"))
    return {lang: tuple(data[lang]) for lang in ("en", "ru", "zh", "ko")}


def marked(part: Understanding) -> bool:
    """The part says it follows up ("and", "а", "呢", "又", "는")."""
    markers = _markers().get(part.language.value, ())
    text = part.text.casefold()
    if part.language in (Language.ZH, Language.KO):
        return any(m in text for m in markers)
    spaced = " " + " ".join(_WORD.findall(text)) + " "
    return any(f" {m} " in spaced for m in markers)


def only_a_time(part: Understanding) -> bool:
    """The part asks nothing but one time: before or after the change."""
    if part.now == part.before or part.operations:
        return False
    return not (
        set(part.intents) - _OWN_INTENTS or part.attributes or set(part.topics) - {"doubling"}
        or part.unknown_places or part.figures or part.dates or part.own_figures
        or part.foreign or part.listed_foreign or part.role_play or part.headcount
        or part.sectors or part.other_currencies
    )  # fmt: skip


def asks_again(earlier: Understanding, later: Understanding) -> bool:
    """``later`` asks ``earlier``'s arithmetic again at its own time."""
    # (a sum over a span, "за квартал", is arithmetic asked again as an operation is)
    again = set(earlier.operations) & _ASKED_AGAIN or earlier.months
    if not again or not only_a_time(later):
        return False
    if earlier.now and earlier.before:
        return False  # both times are answered already
    if later.places and set(later.places) - set(earlier.places):
        return False
    opposite = (earlier.now and later.before) or (earlier.before and later.now)
    return opposite or marked(later)


def carry_follow_up(segments: list[Understanding]) -> list[Understanding]:
    """Each follow-up part takes the earlier part's arithmetic at its own time."""
    for earlier, later in pairwise(segments):
        if not asks_again(earlier, later):
            continue
        later.operations = [op for op in earlier.operations if op in _ASKED_AGAIN]
        later.months = later.months if later.months is not None else earlier.months
        later.headcount = earlier.headcount
        later.days_in_month = earlier.days_in_month
        later.pair_asked = earlier.pair_asked
        later.change_asked = earlier.change_asked
        later.currencies = later.currencies or list(earlier.currencies)
        if not (later.places or later.countries):
            later.places = list(earlier.places)
            later.countries = list(earlier.countries)
        for intent in earlier.intents:
            if intent in (Intent.QUOTA, Intent.USD, Intent.COMPARE):
                add_once(later.intents, intent)
        add_once(later.intents, Intent.QUOTA)
        if not (earlier.now or earlier.before):  # "X a year? and before?": X is the new one
            earlier.now, earlier.before = later.before, later.now
    return segments


def carry_supposition(segments: list[Understanding]) -> list[Understanding]:
    """ "а если ещё раз удвоят, сколько будет на сахалине", "how much then, if it doubled
    again": a part that only supposes a further doubling asks nothing of its own; its
    supposition goes with the question beside it (the one after it, else the one before)."""
    kept: list[Understanding] = []
    for index, part in enumerate(segments):
        supposes = Operation.DOUBLE_AGAIN in part.operations and not part.question_words
        later = segments[index + 1] if index + 1 < len(segments) else None
        earlier = kept[-1] if kept else None
        target = later if later is not None and _asks_amount(later) else None
        if target is None and earlier is not None and _asks_amount(earlier):
            target = earlier
        if not supposes or target is None or Operation.DOUBLE_AGAIN in target.operations:
            kept.append(part)
            continue
        target.operations = [*target.operations, Operation.DOUBLE_AGAIN]
        if not (target.places or target.countries):
            target.places, target.countries = list(part.places), list(part.countries)
        add_once(target.intents, Intent.QUOTA)
    return kept


def _asks_amount(part: Understanding) -> bool:
    """The part asks an amount: "how much", "in dollars", or just a place ("сколько будет на
    сахалине": its "сколько будет" is no cue of its own)."""
    place_only = bool(part.places or part.countries) and not (part.intents or part.operations)
    asks = part.question_words or part.amount_hinted or place_only
    asks = asks or bool({Intent.QUOTA, Intent.USD} & set(part.intents))
    return bool(asks) and not (part.attributes or set(part.topics) - {"doubling", "quota"})
