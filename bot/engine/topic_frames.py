"""Topics asked by two things said together rather than by one phrase: a duration asked
("how long", "сколько лет", "多久", "얼마 동안") beside a plan or a stay ("meant to stay",
"собирались", "打算", "계획") is the workers' planned stay, which the report gives (two or
three years), not the time they have been abroad, their hours or the quota.

The frames are data, ``topic_frames`` in each language's vocabulary file: a topic, two
patterns that must both match the part of a message (as typed, or as the language's
analyser reads it: Russian lemmas), and the attributes and quota reading the frame rules
out, and what else the duration may be of ("the quota"). Loaded once per language.

Beside them, ``source_words``: the words that ask what a source said in its own words
("quote", "verbatim", "原话", "дословно", "그대로"), in any language, where English alone
had "what" ("what did the russian source say").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.engine.language import Language
from bot.engine.prefilter import any_of
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Attribute, Intent

FOLDER = Path(__file__).parent / "vocabulary"


@dataclass(frozen=True)
class TopicFrame:
    topic: str
    asks: re.Pattern[str]  # what is asked: a duration, an occasion, whose words
    cues: re.Pattern[str]  # what it is asked of: a plan, a stay, a source
    unless: re.Pattern[str] | None  # another subject the duration is of: "the quota"
    rules_out: frozenset[Attribute]
    # "why did it rise": weak, as "why" is, counted only when something else in the
    # message is on topic ("почему мой канал перестал расти" is about something else).
    weak: bool = False
    # "할당량 오르고 나서 노동시간 변화": the quota named as what came before, not asked,
    # unless an amount is asked too ("сколько платят и стали ли работать дольше").
    quota_unless_amount: bool = False
    # At most this many characters between the two ("take most of their pay"), so that a
    # long message's unrelated clauses do not make one ("nobody took ... most"); 0: any.
    within: int = 0
    # "а сами рабочие что говорят": the workers' own words asked, their complaints shown.
    voices: bool = False


@lru_cache(maxsize=8)
def topic_frames(language: Language) -> tuple[TopicFrame, ...]:
    data = json.loads((FOLDER / f"{language}.json").read_text(encoding="utf-8"))
    return tuple(
        TopicFrame(
            item["topic"],
            re.compile(item["asks"]),
            re.compile(item["with"]),
            re.compile(item["unless"]) if item.get("unless") else None,
            frozenset(Attribute(a) for a in item.get("rules_out", ())),
            bool(item.get("weak", False)),
            bool(item.get("quota_unless_amount", False)),
            int(item.get("within", 0)),
            bool(item.get("voices", False)),
        )
        for item in data.get("topic_frames", ())
    )


@lru_cache(maxsize=8)
def _any_ask(language: Language) -> re.Pattern[str] | None:
    """A frame matches only where its ``asks`` does: one search for any of them."""
    return any_of(frame.asks for frame in topic_frames(language))


@lru_cache(maxsize=8)
def _source_words(language: Language) -> re.Pattern[str] | None:
    data = json.loads((FOLDER / f"{language}.json").read_text(encoding="utf-8"))
    words = data.get("source_words", {}).get("words", ())
    return re.compile("|".join(words)) if words else None


def asks_source_words(language: Language, *readings: str) -> bool:
    """Whether a part asks for what a source said, in its words ("quote the russian
    source", "原话", "дословно", "그대로"): its statements, not the list of sources."""
    pattern = _source_words(language)
    return pattern is not None and any(
        pattern.search(f" {reading.casefold()} ") for reading in readings if reading
    )


def framed_topics(language: Language, *readings: str) -> list[TopicFrame]:
    """The frames whose two patterns both match one of the part's readings."""
    texts = [f" {reading.casefold()} " for reading in readings if reading]
    asked = _any_ask(language)  # most parts ask none of the frames' questions
    if asked is not None and not any(asked.search(text) for text in texts):
        return []
    return [
        frame
        for frame in topic_frames(language)
        if any(_both(frame, text) for text in texts)
        and not (frame.unless and any(frame.unless.search(text) for text in texts))
    ]


def _both(frame: TopicFrame, text: str) -> bool:
    if not frame.within:
        return bool(frame.asks.search(text) and frame.cues.search(text))
    cues = [m.span() for m in frame.cues.finditer(text)]
    return any(
        max(start, m.start()) - min(end, m.end()) <= frame.within
        for m in frame.asks.finditer(text)
        for start, end in cues
    )


def apply_frames(segment: Understanding, frames: list[TopicFrame]) -> None:
    """The part asks the frames' topics: not the quota's amount, nor what they rule out; a
    weak frame's topic is weak."""
    for frame in [f for f in frames if f.weak]:
        if frame.topic not in segment.weak_topics:
            segment.weak_topics.append(frame.topic)
    frames = [f for f in frames if not f.weak]
    # "а сами рабочие что говорят": their quoted words (feelings.workers_said), no topic.
    segment.workers_say |= any(f.voices for f in frames)
    frames = [f for f in frames if not f.voices]
    for frame in frames:
        for topic in frame.topic.split("|"):  # "savings|doubling": the claims of both
            if topic not in segment.topics:
                segment.topics.append(topic)
        segment.attributes = [a for a in segment.attributes if a not in frame.rules_out]
    if segment.amount_hinted and all(f.quota_unless_amount for f in frames):
        return  # the quota's amount is asked beside the topic: two asks, read apart
    if frames:
        segment.framed_topics = [t for f in frames for t in f.topic.split("|")]
        segment.intents = [i for i in segment.intents if i != Intent.QUOTA]
        segment.weak_intents = [i for i in segment.weak_intents if i != Intent.QUOTA]
        segment.settled_intents = [i for i in segment.settled_intents if i != Intent.QUOTA]
        segment.amount_hinted = False
        segment.months = None  # "на 2-3 года": the plan's length, no span to sum over
