"""Russian words inside a Chinese or Korean message ("大连那个 норма 是啥时候开始翻倍的",
"那些工人在萨哈林一个月实际 зарплата 拿多少", "источник 是谁"): taken out of the part before
the Chinese or Korean analyser sees them (jieba would cut "норма" into pieces, one read as
a place), and read by their Russian lemmas, which the phrase tables key the Russian cues on
once the Russian tables have joined them: "норма" asks the quota, "зарплата" the wage,
"источник" the sources, as they do in a Russian message.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A word in Cyrillic letters (with a hyphen inside: "из-за").
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+(?:-[\u0400-\u04ff]+)*")


def russian_words_out(piece: str, key: Callable[[str], str]) -> tuple[str, list[str]]:
    """``piece`` without its Russian words, and those words as the Russian tables key them
    (``key``: a word's Russian lemmas), in order; none found: the piece as it was."""
    found = _CYRILLIC_WORD.findall(piece)
    if not found:
        return piece, []
    return _CYRILLIC_WORD.sub(" ", piece), [k for word in found if (k := key(word))]


def has_cyrillic(text: str) -> bool:
    """Whether a text holds a Cyrillic letter (a cheap test before the search)."""
    return any("\u0400" <= char <= "\u04ff" for char in text)
