"""The asker's story told in the same sentence as the question: "yo im on my lunch break
between drops, quick one — how much do the nk guys on sakhalin hand over every month now".
A leading run of clauses with a first-person word, no question word and no "?", before a
clause that asks (a question word anywhere, or an auxiliary opening a clause), is cut off
at the last clause mark before the ask and read as a part of its own; ``drop_context``
then drops it as it drops a sentence that only tells of the asker, so its words ("lunch",
"break", "firm", "fisherman") are no asks. Words per language in vocabulary/telling.json
("story_clauses")."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.engine.language import Language
from bot.engine.text import words

if TYPE_CHECKING:
    from bot.engine.understanding import Understanding

_PATH = Path(__file__).parent / "vocabulary" / "telling.json"

# A clause mark: a comma, semicolon or colon, a dash between spaces, an ellipsis.
_MARK = re.compile(r"\s*(?:[,;:]|\s[—–-]+\s|[—–]|\.{2,}|…)\s*")
_TOKEN = re.compile(r"[\w']+")
# "been a fisherman 30 years": a figure of the asker's own time, no premise.
_SPAN = re.compile(r"\d+\s*(?:years?|yrs?|months?|weeks?|days?|hours?)\b")
_DIGITS = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class _Story:
    first_person: frozenset[str]
    request: frozenset[str]
    question_words: frozenset[str]
    auxiliaries: frozenset[str]
    fillers: frozenset[str]
    points_back: frozenset[str]
    connectives: frozenset[str]
    relatives: frozenset[str]
    min_words: int


@cache
def _tables() -> dict[str, _Story]:
    data = json.loads(_PATH.read_text("utf-8"))
    stories = data["story_clauses"]
    return {
        code: _Story(
            frozenset(data[code]["first_person"]),
            frozenset(data[code]["request"]),
            frozenset(table["question_words"]),
            frozenset(table["auxiliaries"]),
            frozenset(table["fillers"]),
            frozenset(table["points_back"]),
            frozenset(table["connectives"]),
            frozenset(table["relatives"]),
            int(table["min_story_words"]),
        )
        for code, table in stories.items()
        if code != "about"
    }


_ENDS_WITH_MARK = re.compile(r"(?:[,;:—–-]|\.{2,}|…)\s*$")


def _opens_clause(head: str, fillers: frozenset[str]) -> bool:
    """Whether a word right after ``head`` opens a clause: at the start or after a clause
    mark, with only fillers ("so", "anyway") between."""
    tokens = list(_TOKEN.finditer(head))
    while tokens and tokens[-1].group().casefold() in fillers:
        head = head[: tokens.pop().start()]
    return not head.strip() or bool(_ENDS_WITH_MARK.search(head))


def story_and_question(piece: str, language: Language) -> tuple[str, str] | None:
    """The asker's story and the question after it, when ``piece`` opens with one, else
    None."""
    table = _tables().get(language.value)
    if table is None:
        return None
    # (A first look: a story needs a clause mark before the question and a first-person
    # word; most parts have neither.)
    if not _MARK.search(piece) or table.first_person.isdisjoint(words(piece)):
        return None
    for match in _TOKEN.finditer(piece):
        token = match.group().casefold()
        head = piece[: match.start()]
        previous = _TOKEN.findall(head[-12:].casefold())
        joins = bool(previous) and previous[-1] in table.connectives  # "which is why"
        after = _TOKEN.match(piece, match.end() + 1)
        if (
            token in table.relatives
            and after is not None
            and not _opens_clause(head, table.fillers)
        ):
            joins = joins or after.group().casefold() in table.connectives  # "morning which is"
        asks = (token in table.question_words and not joins) or (
            token in table.auxiliaries and _opens_clause(head, table.fillers)
        )
        if not asks:
            continue
        if "?" in head:
            return None
        marks = list(_MARK.finditer(head))
        if not marks:
            return None
        story, question = head[: marks[-1].start()], piece[marks[-1].end() :]
        said = set(words(story))
        if (
            len(said) < table.min_words
            or not table.first_person & said
            or table.request & said
            or not question.strip()
            or table.points_back & set(words(question.casefold()))
        ):
            return None
        return story.strip(), question.strip()
    return None


def split_stories(pieces: list[str], language: Language) -> tuple[list[str], frozenset[str]]:
    """The pieces with each opening story cut off as a piece of its own, and those
    stories' texts (for ``drop_context``)."""
    if language.value not in _tables():
        return pieces, frozenset()
    out: list[str] = []
    stories: set[str] = set()
    for piece in pieces:
        found = story_and_question(piece, language)
        if found is None:
            out.append(piece)
            continue
        out.extend(found)
        stories.add(found[0])
    return out, frozenset(stories)


def only_story(segment: Understanding, stories: frozenset[str]) -> bool:
    """A story cut off by ``split_stories`` that asserts nothing: no figure, date, own
    figure, operation or role asked for ("my boss pays me 900, what do they pay" is a
    premise, and so is "if I add the two quotas"); a span
    of the asker's own time ("been a fisherman 30 years") is no figure asserted."""
    text = segment.text.strip()
    if text not in stories:  # (its question words only join a clause: "which is why")
        return False
    figures = bool(segment.figures) and bool(_DIGITS.search(_SPAN.sub(" ", text)))
    said = figures or segment.dates or segment.own_figures or segment.operations
    return not (said or segment.role_play)
