"""The intent model's second opinion (intent_model.py), asked only where the rules are unsure:
a one-part message that names a covered subject (a place, its country, currency or kind of
work, or the workers) but asks nothing the cue words know, so the rules answered with the
default quota block or called it off-topic. A confident prediction picks another composer by
adding the cue the rules missed (an intent, a topic, an operation) and answering again; "the
report does not say that" for an ask it holds nothing on. The model never makes a figure,
and never answers a message naming another subject's noun ("weather in sakhalin").
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from enum import Enum

from bot.engine.intent_model import (
    ARITHMETIC,
    OFF_TOPIC,
    PASSIVE,
    TOPIC,
    IntentModel,
    shipped_model,
)
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent, Operation

# Chosen on 5-fold cross-validation over the worked-from sets (scripts/train_intent.py).
THRESHOLD = 0.7
# What the rules answered with when they found nothing asked.
_DEFAULT_ANSWERS = ([Intent.OFF_TOPIC], [Intent.QUOTA], [Intent.LIST])
_POLITE = frozenset({Intent.GREETING, Intent.HELP})
# Labels the model may act on (measured: docs/intent_model.md); the rest it only names.
ACTING = frozenset({"quota", "usd", "date", "sources", "verified", "trust_outlet", "article"})
STATEMENTS = str(Intent.STATEMENTS)
# Not "silent": of the 7 answers the model changed for the worse in 5-fold cross-validation,
# 4 were "the report does not say" for a question the quota block answered ("what's the
# sakhalin burden now"), so it only names that reading.
ACTING |= {"sectors", "basis", "summary", STATEMENTS, TOPIC, ARITHMETIC}

_model: list[tuple[IntentModel | None, float]] = []


class Doubt(Enum):
    """How many of ``_DEFAULT_ANSWERS`` the model may overrule (none, "off-topic", all)."""

    NONE = 0
    OFF_TOPIC = 1
    DEFAULT = 3


@contextmanager
def using_model(model: IntentModel | None, threshold: float = THRESHOLD) -> Iterator[None]:
    """Answer with ``model`` (None: no second opinion) instead of the shipped one, at
    ``threshold`` (benches and tests)."""
    _model.append((model, threshold))
    try:
        yield
    finally:
        _model.pop()


def _current() -> tuple[IntentModel | None, float]:
    return _model[-1] if _model else (shipped_model(), THRESHOLD)


def unsure(u: Understanding, covered_countries: Collection[str | None]) -> Doubt:
    """Which of the rules' answers to a one-part message naming a covered subject may be
    reconsidered: the default quota block when it asks nothing the rules could read, and
    "off-topic" whatever it asks ("bottom line on dalian")."""
    if len(u.segments) != 1:
        return Doubt.NONE
    s = u.segments[0]
    if s.role_play or s.other_subject or s.listed_foreign or s.unknown_places or s.regions:
        return Doubt.NONE
    if any(code not in covered_countries for code in s.countries):
        return Doubt.NONE  # "quota in vietnam": the rules' "does not cover" stands
    subject = s.places or s.countries or s.currencies or s.sectors or s.strong_domain
    if not (subject or s.quota_named):
        return Doubt.NONE
    asked = (
        set(s.intents) - set(s.settled_intents) - _POLITE
        or [t for t in s.topics if t not in s.settled_topics]
        or s.attributes
        or s.operations
        or s.figures
        or s.own_figures
        or s.change_asked
        or s.pair_asked
        or s.places_asked
    )
    return Doubt.OFF_TOPIC if asked else Doubt.DEFAULT


def reconsider(
    question: str,
    doubt: Doubt,
    reply: Reply,
    read: Callable[[str], Understanding],
    answer: Callable[[Understanding], Reply],
    statements: Callable[[Understanding], Reply],
    off_topic: Callable[[], Reply],
) -> Reply:
    """``reply``, or the answer the model's confident label picks when the rules were unsure
    (``doubt``: ``unsure`` of the message as read, before answering changed it)."""
    if reply.intents not in _DEFAULT_ANSWERS[: doubt.value]:
        return reply
    model, threshold = _current()
    if model is None:
        return reply
    guess = model.predict(question)
    label = guess.label
    kind = label.split(":", 1)[0] + ":" if ":" in label else label
    if guess.confidence < threshold:
        return reply
    if label == OFF_TOPIC and doubt is Doubt.DEFAULT and reply.intents != [Intent.OFF_TOPIC]:
        # "what time zone is sakhalin in": no quota block for a question about the place.
        other = off_topic()
        other.intents = [Intent.OFF_TOPIC, f"model:{label}"]
        return other
    if label in PASSIVE or kind not in ACTING:
        return reply
    if [label] == reply.intents:
        return reply
    fresh = read(question)
    s = fresh.segments[0]
    s.foreign = []  # words the rules did not know: the model read them as this ask
    if label == STATEMENTS:
        other = statements(s)
    elif kind == TOPIC:
        s.topics.append(label.removeprefix(TOPIC))
        other = answer(fresh)
    elif kind == ARITHMETIC:
        # A sum per period is of an amount asked: the quota's.
        s.operations.append(Operation(label.removeprefix(ARITHMETIC)))
        s.intents.append(Intent.QUOTA)
        other = answer(fresh)
    else:
        s.intents.append(Intent(label))
        other = answer(fresh)
    if not other.lines or other.intents in ([Intent.OFF_TOPIC], reply.intents):
        return reply
    other.intents.append(f"model:{label}")
    return other
