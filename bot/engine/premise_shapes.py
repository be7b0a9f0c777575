"""English shapes in which a wrong pairing hides (data: vocabulary/premise_shapes_en.json):
a place named only as a landmark beside the one asserted of ("dalian is in russia, right
near sakhalin"), a unit taken back in the same breath ("62,000 dollars, not roubles"), and
an "is" contracted away ("dalian's in russia" reads "dalian in russia")."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from db.textfold import fold

DATA = Path(__file__).with_name("vocabulary") / "premise_shapes_en.json"


@lru_cache(maxsize=1)
def _data() -> dict[str, list[str]]:
    raw: dict[str, list[str]] = json.loads(DATA.read_text(encoding="utf-8"))
    return raw


def _alternatives(key: str) -> str:
    words = sorted(_data()[key], key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


@lru_cache(maxsize=64)
def _landmark(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternatives('landmark')})\s+(?:the\s+)?{re.escape(name)}\b")


@lru_cache(maxsize=64)
def _contracted(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(name)}\s+(?:{_alternatives('contracted')})\b")


@lru_cache(maxsize=1)
def _denial() -> re.Pattern[str]:
    return re.compile(rf",?\s*\b(?:{_alternatives('denial')})\s+(?:the\s+)?([a-z]+)\b")


def landmark(text: str, place: str) -> bool:
    """Whether ``place`` is named in ``text`` only beside another ("near sakhalin")."""
    name = fold(place)
    if not _landmark(name).search(text):
        return False
    return len(re.findall(rf"\b{re.escape(name)}\b", text)) == 1


def contracted(text: str, place: str) -> bool:
    """ "dalian in russia", "sakhalin a chinese island": the place, then its contracted "is"."""
    return bool(_contracted(fold(place)).search(text))


def denied_units(text: str) -> list[str]:
    """The words right after a denial ("not roubles" -> "roubles")."""
    return _denial().findall(text)


@lru_cache(maxsize=1)
def _tag() -> re.Pattern[str]:
    return re.compile(rf",\s*(?:{_alternatives('tags')})\W*$")


def without_denials(text: str) -> str:
    """ "62,000 dollars, not roubles, right?" -> "62,000 dollars": what is taken back, and
    a tag after it that makes the assertion a question, list no second subject beside the
    one asserted."""
    kept = _denial().sub("", text.strip())
    # A tag alone ("62,000 dollars, right?") is left to the typed figure's own check.
    return _tag().sub("", kept) if kept != text.strip() else text
