"""The asker's own story before the question: a part that only tells of the asker asks
nothing, and its place goes to the question after it (cue words per language in
vocabulary/telling.json)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.engine.language import Language
from bot.engine.segments import asks_something
from bot.engine.story_clauses import only_story
from bot.engine.text import words

if TYPE_CHECKING:
    from bot.engine.understanding import Understanding


@dataclass(frozen=True, slots=True)
class _Telling:
    first_person: frozenset[str]
    request: frozenset[str]
    also_asking: frozenset[str]
    clause: re.Pattern[str] | None


_PATH = Path(__file__).parent / "vocabulary" / "telling.json"


@cache
def _tables() -> dict[str, _Telling]:
    data = json.loads(_PATH.read_text("utf-8"))
    return {
        code: _Telling(
            frozenset(table["first_person"]),
            frozenset(table["request"]),
            frozenset(table["also_asking"]),
            re.compile(table["clause"]) if table["clause"] else None,
        )
        for code, table in data.items()
        if code not in ("about", "forwarded", "story_clauses")
    }


@cache
def _forwarded() -> tuple[re.Pattern[str], ...]:
    data = json.loads(_PATH.read_text("utf-8"))["forwarded"]["patterns"]
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in data)


# A claim quoted: "«…»", "“…”", '"…"' around a few words at least.
_QUOTED = re.compile(r"[«“\"][^«»“”\"]{12,}[»”\"]")


def reports_a_claim(text: str, language: Language) -> bool:
    """A claim quoted («…», “…”) or joined as what was said ("кто сказал, что …")."""
    if _QUOTED.search(text):
        return True
    table = _tables().get(language.value)
    return table is not None and table.clause is not None and bool(table.clause.search(text))


def without_forwarded(text: str) -> str:
    """The message without a forwarded message's header ("[전달된 메시지]", "Переслано из
    канала «…»:"): Telegram's words, not the asker's."""
    for pattern in _forwarded():
        text = pattern.sub(" ", text, count=1)
    return text.strip() or text


def asked_question_words(segment: Understanding) -> set[str]:
    """The part's question words less those that only join a clause ("кто сказал, что …")
    or make an indefinite ("как-то", "что-нибудь")."""
    table = _tables().get(segment.language.value)
    if table is None or table.clause is None:
        return set(segment.question_words)
    said = set(words(segment.text))
    left = set(words(table.clause.sub(" ", segment.text)))
    return {w for w in segment.question_words if w in left or w not in said}


def _asks_by_question_word(segment: Understanding, table: _Telling) -> bool:
    """A question word the part asks with; in a language whose question words also join a
    clause ("говорит, что …", "видели, как …"), one only there asks nothing."""
    if not segment.question_words:
        return False
    if table.clause is None:
        return True
    said = set(words(segment.text))
    left = set(words(table.clause.sub(" ", segment.text)))
    # A question word read from another form ("скока" as "сколько") still asks.
    return any(word in left or word not in said for word in segment.question_words)


def _tells(segment: Understanding, table: _Telling) -> bool:
    tokens = set(words(segment.text))
    topics = set(segment.topics) - {"quota", "doubling"}
    return bool(
        table.first_person & tokens
        and not table.request & tokens
        and not (_asks_by_question_word(segment, table) or table.also_asking & tokens)
        and not (segment.figures or segment.dates or segment.own_figures)
        and not (segment.attributes or segment.operations or topics or segment.role_play)
    )


def _bare(segment: Understanding) -> bool:
    """A part that asks nothing and names nothing: "что бывает с теми" before "кто …"."""
    said = segment.sectors or segment.figures or segment.operations or segment.unknown_places
    return not (asks_something(segment) or said)


def drop_context(
    segments: list[Understanding], stories: frozenset[str] = frozenset()
) -> list[Understanding]:
    """ "in my time at sea we had no quota. what is the quota for sailors now": a part that
    only tells of the asker ("we had no quota", "we hear about koreans on sakhalin") asks
    nothing; its place goes to the first part after it that asks something ("… видела там
    кореянок. что бывает с теми, кто не платит?"). Not a part with a figure, a date, an
    attribute, a topic or an operation: "my friend says it is 90,000" is a premise. A story
    cut off the question's own sentence (``stories``, story_clauses.py) goes even with the
    asks its words read ("on my lunch break" is no ask about food)."""
    kept: list[Understanding] = []
    carried: Understanding | None = None
    for index, segment in enumerate(segments):
        table = _tables().get(segment.language.value)
        if (
            index < len(segments) - 1
            and table is not None
            and (_tells(segment, table) or only_story(segment, stories))
        ):
            carried = segment
            continue
        kept.append(segment)
        if carried is not None and segment.headcount is None:
            # "my brigade is 10 people. how much do they pay together": the crew told of.
            segment.headcount = carried.headcount
        if carried is None or (segment.places or segment.countries):
            carried = None
        elif index == len(segments) - 1 or not _bare(segment):
            segment.places = list(carried.places)
            segment.countries = list(carried.countries)
            carried = None
        # else "что бывает с теми, кто …": the place waits for the part that asks.
    return kept
