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
    """A part that only asks dollars of "that" takes the earlier part's sum and subjects; one
    that only qualifies it, with no question word ("…총 얼마? 오른 기준으로 달러로": at the new
    rate, in dollars), is the earlier part's own unit and time, and no question of its own."""
    qualifiers: list[Understanding] = []
    for earlier, later in pairwise(segments):
        sums = [op for op in earlier.operations if op in _SUMS]
        if not sums or later.operations or Intent.USD not in later.intents:
            continue
        if set(later.intents) - {Intent.USD, Intent.QUOTA}:
            continue
        if later.places and set(later.places) != set(earlier.places):
            continue
        if not _BACK & set(words(later.text)):
            if later.question_words or later.attributes or later.topics or later.figures:
                continue
            add_once(earlier.intents, Intent.USD)
            for code in later.currencies:
                add_once(earlier.currencies, code)
            earlier.now = earlier.now or later.now
            earlier.before = earlier.before or later.before
            qualifiers.append(later)
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
    return [segment for segment in segments if all(segment is not q for q in qualifiers)]


def carry_assumption(segments: list[Understanding]) -> list[Understanding]:
    """ "per day on sakhalin now? assume 30 days": a later part that only states an assumption
    (days in a month) is the earlier part's, not a question of its own; and one stated
    first ("按一个月30天算，一天得交多少", "считая 30 дней в месяце, сколько в день") is the
    day's sum the next part asks."""
    stated: list[Understanding] = []
    for first, then in pairwise(segments):
        if first.days_in_month is None or then.days_in_month is not None:
            continue
        if Operation.PER_DAY in then.operations and not first.operations:
            then.days_in_month = first.days_in_month
            then.places = then.places or list(first.places)
            if _only_assumes(first):
                stated.append(first)  # "大连配额按一个月30天算": the next part's assumption
    segments = [segment for segment in segments if all(segment is not s for s in stated)]
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


def _only_assumes(segment: Understanding) -> bool:
    """A part that states the month's length and asks no more than the quota's figure."""
    return not (
        set(segment.intents) - {Intent.QUOTA, Intent.BASIS}
        or segment.attributes or segment.topics or segment.figures or segment.foreign
        or segment.unknown_places or segment.question_words or segment.own_figures
    )  # fmt: skip
