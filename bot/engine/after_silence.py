"""A later part of a message that presses for the figure an earlier part asked and the
report does not give ("сколько часов в день они пашут? конкретная цифра нужна", "wages on
sakhalin? in month"): the same question again, not a request for the quota block. After
"the report does not say", such a part adds nothing: no figure is dressed up as the answer.
"""

from __future__ import annotations

from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent

# What a bare "a figure", "the list", "per month" asks of the report by itself.
_FIGURE_ONLY = frozenset({Intent.LIST, Intent.BASIS})
# English words that ask, which the vocabulary's question words leave to cues ("what", "how").
_ASKING = frozenset({"what", "what's", "whats", "how", "which"})


def presses_same_ask(segment: Understanding, previous: Understanding | None) -> bool:
    """Only a figure's bare form asked (the list, per what), no quota named, nothing new:
    no attribute, operation, figure, other place or topic the part before did not ask."""
    if previous is None or not previous.attributes:
        return False
    if not segment.intents or not set(segment.intents) <= _FIGURE_ONLY:
        return False
    if segment.question_words or _ASKING & set(segment.text.casefold().split()):
        return False  # "and what are the quotas overall?": a question of its own
    new_topics = set(segment.topics) - set(previous.topics)
    return not (
        segment.quota_named
        or segment.attributes
        or segment.operations
        or segment.figures
        or segment.unknown_places
        or segment.own_figures
        or new_topics
        or set(segment.places) - set(previous.places)
    )
