"""Parts of a message that only set the scene for the question after them (the asker's own
story is telling.py's): a time ("after the doubling, …"), a span told
before the sum it is for, the asker's own figure ("i make 900 dollars a month"). Each goes with
the next part and is no question of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.engine.follow_ups import asks_again
from bot.engine.segments import names_subject, share_subject
from bot.engine.vocabulary import Operation

if TYPE_CHECKING:
    from bot.engine.figures import OwnFigure
    from bot.engine.understanding import Understanding


def carry_time(segments: list[Understanding]) -> list[Understanding]:
    """ "翻倍之后，两地合计多少美元", "после удвоения, сколько вместе": a part that only says
    when (after or before the change) asks nothing of its own; its time goes with the
    question after it, so the sum is of the new amounts."""
    kept: list[Understanding] = []
    carried: Understanding | None = None
    for index, segment in enumerate(segments):
        if carried is not None:
            segment.now = segment.now or carried.now
            segment.before = segment.before or carried.before
            segment.change_asked = segment.change_asked or carried.change_asked
            if segment.months is None and carried.months is not None:
                segment.months = carried.months
                if not names_subject(segment):
                    share_subject(carried, segment)
            carried = None
        asks = (
            segment.intents or segment.weak_intents or segment.attributes or segment.operations
            or set(segment.topics) - {"doubling"} or segment.question_words
            or segment.places or segment.countries or segment.sectors or segment.currencies
            or segment.unknown_places or segment.figures or segment.dates or segment.own_figures
            or segment.role_play or segment.foreign or segment.listed_foreign
        )  # fmt: skip
        if (segment.now or segment.before) and not asks:
            if index < len(segments) - 1:
                carried = segment
                continue
            # ("新的标准呢": a follow-up asks the sum again at its time: follow_ups.py)
            if kept and not asks_again(kept[-1], segment):  # "大连一年交多少，按翻倍算"
                kept[-1].now = kept[-1].now or segment.now
                kept[-1].before = kept[-1].before or segment.before
                continue
        # "假设干满三年，总共要交多少": a span told before the sum it is for.
        told = not (segment.intents or segment.question_words or segment.operations)
        later = segments[index + 1] if index < len(segments) - 1 else None
        if segment.months and told and later is not None and _sums(later):
            carried = segment
            continue
        kept.append(segment)
    return kept


def _sums(segment: Understanding) -> bool:
    """A part asking a total with no span of its own."""
    totals = {Operation.TOTAL, Operation.COMBINED} & set(segment.operations)
    return bool(totals) and segment.months is None


def carry_own_figures(segments: list[Understanding]) -> list[Understanding]:
    """ "i make 900 dollars a month. is the dalian quota more than that?": the asker's figure
    goes with the question after it; the part that only gave it is no question."""
    kept: list[Understanding] = []
    carried: list[OwnFigure] = []
    for index, segment in enumerate(segments):
        segment.own_figures = [*carried, *segment.own_figures]
        carried = []
        last = index == len(segments) - 1
        if segment.own_figures and not last and not (segment.places or segment.countries):
            carried = segment.own_figures
            continue
        kept.append(segment)
    return kept
