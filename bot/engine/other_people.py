"""An attribute asked of a named person who is not the workers: "how old is kim jong un",
"сколько лет Путину", "金正恩多大了", "김정은 나이". The age cue ("how old", "сколько лет",
"多大", "나이") is the workers' only when the question is about the workers or names no one;
beside a named person (vocabulary/other_people.json) and no word for the workers in the same
part, it asks about that person: another subject, which the report does not cover."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.engine.language import Language
from bot.engine.understanding import Understanding
from db.textfold import fold

_DATA = Path(__file__).parent / "vocabulary" / "other_people.json"
# Written without spaces between words: a name is found inside the text.
_UNSPACED = frozenset({Language.ZH, Language.KO})


@dataclass(frozen=True)
class _People:
    names: tuple[str, ...]
    asks: tuple[str, ...]
    workers: tuple[str, ...]
    holders: tuple[re.Pattern[str], ...]  # "X's age": group 1 is whose age is asked
    not_holders: tuple[str, ...]  # "возраст выхода на пенсию": no person's
    # One search over all the names, cues or workers' words: most questions name none, and
    # a search per term was 8 % of the engine's time.
    any_name: re.Pattern[str]
    any_ask: re.Pattern[str]
    any_worker: re.Pattern[str]


@cache
def _people(language: Language) -> _People | None:
    data = json.loads(_DATA.read_text(encoding="utf-8")).get(str(language))
    if data is None:
        return None

    def folded(key: str) -> tuple[str, ...]:
        # Longest first: "kim jong un" before "kim".
        return tuple(sorted({fold(w) for w in data[key]}, key=len, reverse=True))

    holders = tuple(re.compile(p) for p in data.get("holder", ()))
    names, asks, workers = folded("names"), folded("asks"), folded("workers")
    unspaced, inflected = language in _UNSPACED, language is Language.RU
    return _People(
        names,
        asks,
        workers,
        holders,
        folded("not_holders"),
        _any_of(names, unspaced, inflected),
        _any_of(asks, unspaced, inflected),
        _any_of(workers, unspaced, inflected),
    )


def _pattern(alternatives: str, unspaced: bool, prefix: bool) -> str:
    if unspaced:
        return alternatives
    # Russian names take case endings ("путину", "ким чен ыну"): the word's beginning.
    tail = r"\w*" if prefix else r"(?:'s|s)?"
    return rf"(?<!\w)(?:{alternatives}){tail}(?!\w)"


def _any_of(terms: tuple[str, ...], unspaced: bool, prefix: bool) -> re.Pattern[str]:
    alternatives = "|".join(map(re.escape, terms)) or r"(?!)"
    return re.compile(_pattern(alternatives, unspaced, prefix))


def _found(term: str, text: str, unspaced: bool, prefix: bool = False) -> bool:
    if unspaced:
        return term in text
    return re.search(_pattern(re.escape(term), unspaced, prefix), text) is not None


def named_person(text: str, language: Language, placed: bool = False) -> str | None:
    """The named person a person's attribute is asked of, if not the workers: a listed name
    beside a person's cue, or whoever the grammar says holds it ("X's age", "возраст X",
    "X的年龄", "X 나이") when no place is named ("dalian's age" is no person's)."""
    people = _people(language)
    if people is None:
        return None
    folded = " ".join(fold(text).replace("’", "'").split())
    unspaced = language in _UNSPACED
    inflected = language is Language.RU
    name = None
    if people.any_name.search(folded):  # which one: the longest listed name found
        name = next((n for n in people.names if _found(n, folded, unspaced, inflected)), None)
    if name is not None and not people.any_ask.search(folded):
        name = None
    if name is None and not placed:
        held = (m.group(1) for p in people.holders for m in p.finditer(folded))
        name = next((h for h in held if not _generic(h, people, unspaced, inflected)), None)
    if name is None or people.any_worker.search(folded):
        return None  # "what did kim jong un say about the workers' age": theirs
    return name


def _generic(holder: str, people: _People, unspaced: bool, inflected: bool) -> bool:
    """A word for the workers or no person's ("everyone", "пенсии", "平均"): no other person."""
    return any(
        _found(w, holder, unspaced, inflected) for w in (*people.workers, *people.not_holders)
    )


def settle_other_person(s: Understanding) -> None:
    """Makes a person's attribute asked of a named person another subject: what it asked of
    the workers (an attribute, a topic such as "сколько лет" read as years abroad) is
    dropped, and the name is the foreign words the scope reply is about."""
    name = named_person(s.text, s.language, bool(s.places or s.countries))
    if name is None:
        return
    s.attributes.clear()
    s.topics.clear()
    s.intents.clear()
    s.weak_intents.clear()
    s.other_subject = True
    s.foreign = [*s.foreign, *(w for w in name.split() if w not in s.foreign)]
