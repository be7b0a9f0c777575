"""A part that only names an operation goes with the question beside it.

"兩地加起來，翻倍後每人每月一共要交多少美元？", "вместе по обоим местам: сколько в долларах?",
"둘이 합치면, 달러로 얼마?": the message's punctuation splits an operation ("together", "both
places combined", "the difference") from the amount it is done on. The part with the
operation and nothing else (no question word, intent, subject, topic, attribute or figure)
asks nothing of its own: its operations, and its pointing at both places, go with the next
part that asks an amount (else the one before), as a further doubling supposed in a part of
its own does (follow_ups.carry_supposition). Language-neutral: the operation cues are each
language's vocabulary data.
"""

from __future__ import annotations

from bot.engine.understanding import Understanding, add_once
from bot.engine.vocabulary import Intent

_AMOUNT = frozenset({Intent.QUOTA, Intent.USD, Intent.COMPARE, Intent.BASIS})


def _operation_only(part: Understanding) -> bool:
    return bool(part.operations) and not (
        part.question_words
        or part.intents
        or part.places
        or part.countries
        or part.sectors
        or part.unknown_places
        or part.topics
        or part.attributes
        or part.figures
        or part.own_figures
        or part.foreign
    )


def _asks_amount(part: Understanding) -> bool:
    return bool(part.amount_hinted or _AMOUNT & set(part.intents)) and not part.foreign


def carry_operation(segments: list[Understanding]) -> list[Understanding]:
    """The parts, each operation-only part folded into the amount it is done on."""
    kept: list[Understanding] = []
    for index, part in enumerate(segments):
        later = segments[index + 1] if index + 1 < len(segments) else None
        earlier = kept[-1] if kept else None
        target = later if later is not None and _asks_amount(later) else None
        if target is None and earlier is not None and _asks_amount(earlier):
            target = earlier
        if not _operation_only(part) or target is None:
            kept.append(part)
            continue
        for operation in part.operations:
            add_once(target.operations, operation)
        target.pair_asked = target.pair_asked or part.pair_asked
        target.now = target.now or part.now
        target.before = target.before or part.before
    return kept
