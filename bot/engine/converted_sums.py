"""A later part that converts an earlier part's sum: "dalian per year at the new rate, and
what's that in dollars" asks the yearly sum in dollars, not the monthly conversion."""

from __future__ import annotations

from itertools import pairwise

from bot.engine.text import words
from bot.engine.understanding import Understanding, add_once
from bot.engine.vocabulary import Intent, Operation

# The sums of a period an earlier part can ask ("per year", "a week", "in total").
_SUMS = frozenset(
    {Operation.PER_YEAR, Operation.PER_WEEK, Operation.PER_DAY, Operation.TOTAL, Operation.COMBINED}
)
# Words pointing back at the earlier part's figure (English; other languages keep their
# own reading until a writer's set shows the need).
_BACK = frozenset({"that", "it", "this", "those", "these"})


def carry_conversion(segments: list[Understanding]) -> list[Understanding]:
    """A part that only asks dollars of "that" takes the earlier part's sum and subjects."""
    for earlier, later in pairwise(segments):
        sums = [op for op in earlier.operations if op in _SUMS]
        if not sums or later.operations or Intent.USD not in later.intents:
            continue
        if set(later.intents) - {Intent.USD, Intent.QUOTA} or not _BACK & set(words(later.text)):
            continue
        if later.places and set(later.places) != set(earlier.places):
            continue
        for op in sums:
            add_once(later.operations, op)
        later.places = list(earlier.places)
        later.countries = later.countries or list(earlier.countries)
        later.now = later.now or earlier.now
        later.before = later.before or earlier.before
        later.months = later.months if later.months is not None else earlier.months
        later.headcount = later.headcount if later.headcount is not None else earlier.headcount
        add_once(later.intents, Intent.QUOTA)
    return segments


def carry_assumption(segments: list[Understanding]) -> list[Understanding]:
    """ "per day on sakhalin now? assume 30 days": a later part that only states an assumption
    (days in a month) is the earlier part's, not a question of its own."""
    kept: list[Understanding] = []
    for segment in segments:
        earlier = kept[-1] if kept else None
        # ("30 days in a month": its "a month" is the assumption's, no question of basis.)
        told = segment.days_in_month is not None and not (
            set(segment.intents) - {Intent.BASIS} or segment.operations or segment.question_words
            or segment.attributes or segment.topics or segment.foreign or segment.unknown_places
        )  # fmt: skip
        if earlier is not None and told and earlier.operations:
            if earlier.days_in_month is None:
                earlier.days_in_month = segment.days_in_month
            continue
        kept.append(segment)
    return kept
