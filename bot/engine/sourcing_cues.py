"""The one data file of every cue that asks about the sourcing
(``vocabulary/sourcing_cues.json``), read once a process and handed out by section to the
modules that match them: "who" (source_asks.py), "provenance" (provenance.py), "pointers"
(``points_at`` here, for relevance.points_at_report) and "aspects" (source_aspects.py, which
owns the question)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from bot.engine.language import Language
from bot.engine.vocabulary import FOLDER


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FOLDER / "sourcing_cues.json").read_text(encoding="utf-8"))
    return data


def cue_section(name: str) -> dict[str, Any]:
    """One section of the file ("who", "provenance", "pointers", "aspects")."""
    section: dict[str, Any] = _cues()[name]
    return section


@lru_cache(maxsize=1)
def _pointers() -> dict[str, frozenset[str]]:
    data = cue_section("pointers")
    return {language: frozenset(data[language]) for language in ("en", "ru", "zh", "ko")}


def points_at(language: Language, words: Iterable[str]) -> bool:
    """Whether a part's words point at the report itself ("this", "it", "the article"):
    with an ask of the report, it asks the report (relevance.points_at_report)."""
    pointers = _pointers().get(str(language), frozenset())
    return not pointers.isdisjoint(words)
