"""Who said it, asked in words no cue lists: an asking word ("who", "where did you", "кто",
"哪个", "누게") beside a verb of telling or publishing ("who reckons?", "who carry the story
first", "кто первый это напечатал", "何方人士提供") or a noun for a source ("who's the mole
in russia", "소스 어디임", "迭个消息是从啥地方来"), or a part that is only such a noun
("сорс?"). Patterns per language in ``vocabulary/sourcing_cues.json`` ("who"), matched on the
part as typed and as the language's analyser reads it (Russian lemmas: "напечатал" is
"напечатать"). Whether the message is about the report at all is decided as for any cue: a
verb of telling does not make "who said the earth is flat" a question about the sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.engine.language import Language
from bot.engine.sourcing_cues import cue_section

_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class _Patterns:
    asks: re.Pattern[str]
    told: re.Pattern[str]  # a verb of telling or a noun for a source
    alone: re.Pattern[str]
    frames: re.Pattern[str]  # asks on its own: "chain of custody", "is this from the …"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, _Patterns]:
    data = cue_section("who")
    return {
        language: _Patterns(
            re.compile(spec["asks"]),
            re.compile(f"(?:{spec['telling']})|(?:{spec['nouns']})"),
            re.compile(spec["alone"]),
            re.compile(spec["frames"]),
        )
        for language, spec in data.items()
        if not language.startswith("_")
    }


def asks_sources(language: Language, *readings: str) -> set[str]:
    """The words by which one reading of a part asks who said it, in words no cue lists
    (the asking word and the verb or noun: no other subject), or none."""
    patterns = _patterns().get(str(language))
    if patterns is None:
        return set()
    for text in dict.fromkeys(reading.casefold().strip() for reading in readings):
        if not text:
            continue
        alone = patterns.alone.search(text) or patterns.frames.search(text)
        if alone is not None:
            return set(_WORDS.findall(alone.group()))
        asked = patterns.asks.search(text)  # (the rarer one first: most parts ask no "who")
        told = patterns.told.search(text) if asked is not None else None
        if asked is not None and told is not None:
            return set(_WORDS.findall(f"{asked.group()} {told.group()}"))
    return set()
