"""How many people, asked in words no cue lists: "сколько сварщиков", "好多个朝鲜工人",
"건설현장에 북한사람 몇사람", "how many welders". The report gives no head count, so each is
the workforce attribute ("the report does not say how many …"), never a quota figure.

Not a list of worker nouns: Russian reads the noun's animacy and case from pymorphy3's
dictionaries (any word for people), Chinese and Korean a word ending in a character or
counter for a person, English a noun in a person noun's shape. The data, with why each
piece is there, is bot/engine/vocabulary/headcount_asks.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.engine.language import Language

FILE = Path(__file__).parent / "vocabulary" / "headcount_asks.json"
_WORD = re.compile(r"[\w'-]+")
# Enough text after a quantity word for the words read after it.
_MOST_CHARACTERS = 80


@dataclass(frozen=True)
class _Spoken:
    """A language's reading: quantity words and what may stand between them and the noun
    (Russian, English), or whole patterns (Chinese, Korean)."""

    quantity: tuple[str, ...] = ()
    skip_tags: frozenset[str] = frozenset()
    skip_words: frozenset[str] = frozenset()
    not_workers: frozenset[str] = frozenset()
    most_skipped: int = 3
    endings: tuple[str, ...] = ()
    paying_after: tuple[str, ...] = ()
    patterns: re.Pattern[str] | None = None
    # Any quantity word, searched first: most parts have none, and are read no further.
    quantities: re.Pattern[str] | None = None


@lru_cache(maxsize=1)
def _data() -> dict[str, _Spoken]:
    raw = json.loads(FILE.read_text(encoding="utf-8"))
    found: dict[str, _Spoken] = {}
    for language, entry in raw.items():
        if not isinstance(entry, dict):
            continue
        patterns = entry.get("patterns")
        quantity = entry.get("quantity", ())
        found[language] = _Spoken(
            quantity=tuple(entry.get("quantity", ())),
            skip_tags=frozenset(entry.get("skip_tags", ())),
            skip_words=frozenset(entry.get("skip_words", ())),
            not_workers=frozenset(entry.get("not_workers") or entry.get("not_people") or ()),
            most_skipped=int(entry.get("most_skipped", 3)),
            endings=tuple(entry.get("person_endings", ())),
            paying_after=tuple(entry.get("paying_after", ())),
            patterns=re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None,
            quantities=re.compile(
                r"(?<![\w-])(?:" + "|".join(re.escape(q) for q in quantity) + r")(?![\w-])"
            )
            if quantity
            else None,
        )
    return found


@lru_cache(maxsize=1024)
def headcount_asked(text: str, language: Language) -> bool:
    """Whether a part (folded, as the reader has it) asks how many people."""
    spoken = _data().get(str(language))
    if spoken is None:
        return False
    if spoken.patterns is not None:
        return spoken.patterns.search(text) is not None
    if spoken.quantities is None or spoken.quantities.search(text) is None:
        return False
    if language is Language.RU:
        return _russian(text, spoken)
    return _english(text, spoken)


def _after_quantity(text: str, spoken: _Spoken) -> list[list[str]]:
    """The first few words after each quantity word."""
    if spoken.quantities is None:
        return []
    runs: list[list[str]] = []
    for match in spoken.quantities.finditer(text):
        after = text[match.end() : match.end() + _MOST_CHARACTERS]
        runs.append(_WORD.findall(after)[: spoken.most_skipped + 1])
    return runs


def _russian(text: str, spoken: _Spoken) -> bool:
    for run in _after_quantity(text, spoken):
        for index, word in enumerate(run):
            pos, people, lemma = _reading(word)
            if word in spoken.skip_words or pos in spoken.skip_tags:
                continue  # "сколько вообще северокорейских сварщиков"
            if not lemma:
                break
            paying = any(w.startswith(spoken.paying_after) for w in run[index + 1 : index + 3])
            return people and lemma not in spoken.not_workers and not paying
    return False


@lru_cache(maxsize=4096)
def _reading(word: str) -> tuple[str, bool, str]:
    """A Russian word's likeliest part of speech, whether its first noun reading is people
    in the plural genitive ("сварщиков", "людей"; "человек" too), and that noun's lemma
    (empty when it has no noun reading). Cached: pymorphy3 reads in pure Python."""
    from bot.engine.analysis import morph

    parses = morph().parse(word)
    pos = str(parses[0].tag.POS) if parses else ""
    noun = next((p for p in parses if p.tag.POS == "NOUN"), None)
    if noun is None:
        return pos, False, ""
    tag = noun.tag
    people = ("anim" in tag and "plur" in tag and "gent" in tag) or noun.normal_form == "человек"
    return pos, people, noun.normal_form


def _english(text: str, spoken: _Spoken) -> bool:
    for run in _after_quantity(text, spoken):
        for word in run:
            if word in spoken.skip_words:
                continue
            return word not in spoken.not_workers and word.endswith(spoken.endings)
    return False
