"""Korean typed with no spaces at all ("돈왜올림", "그거ㄹㅇ따블임"): the known words a run
is made of, read by the cover that reads most of it with known words.

analysis.py reads a run greedily from its start (the longest known term, its particle, the
next word); that stops at the first stretch it cannot read, and never takes a one-syllable
word ("돈", "왜") unless only a particle follows. This reading is asked only where the greedy
one left known words unread, and takes one-syllable words only from the vocabulary's short
list (`spaceless_syllables` of ko.json): most single syllables begin other words ("비용" is
not rain, "섬유" not the island).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from enum import Enum
from functools import cache

from bot.engine.vocabulary import FOLDER
from db.textfold import fold


class _Read(Enum):
    """How the last piece of a run was read."""

    START = "start"
    WORD = "word"
    PARTICLE = "particle"
    UNKNOWN = "unknown"


# The longest known term looked for inside a run, in letters.
_LONGEST = 12


# "이스토치닉(источник)이": a word glossed in brackets in another script, then its particle.
_GLOSS = re.compile(r"(?<=[\uac00-\ud7a3])\s*\((?=[^)]*[^\W\d_])[^)\uac00-\ud7a3]{2,40}\)")


def without_glosses(text: str) -> str:
    """A Korean message with a word's bracketed gloss left out ("브리가다(бригада)당" ->
    "브리가다당"): the Korean word is read with its particle, and the gloss is neither another
    word nor another language's part."""
    return _GLOSS.sub("", text)


@cache
def _syllables() -> frozenset[str]:
    data = json.loads((FOLDER / "ko.json").read_text(encoding="utf-8"))
    return frozenset(fold(word) for word in data.get("spaceless_syllables", ()))


def _known_letters(tokens: list[str], known: Collection[str]) -> int:
    return sum(len(token) for token in tokens if token in known)


def better_reading(
    word: str, greedy: list[str], known: Collection[str], suffixes: tuple[str, ...]
) -> list[str]:
    """The run's words by the best cover when it reads more of them than ``greedy`` did;
    else ``greedy``. Unknown stretches between known words stay tokens, without their
    particle (as a spaced message would give them)."""
    syllables = _syllables()
    size = len(word)
    # best[i]: (letters read, -pieces, tokens, how the last piece was read) for word[:i].
    best: list[tuple[int, int, list[str], _Read] | None] = [None] * (size + 1)
    best[0] = (0, 0, [], _Read.START)

    def offer(end: int, state: tuple[int, int, list[str], _Read]) -> None:
        held = best[end]
        if held is None or state[:2] > held[:2]:
            best[end] = state

    for start in range(size):
        state = best[start]
        if state is None:
            continue
        read, pieces, tokens, last = state
        for end in range(start + 1, min(size, start + _LONGEST) + 1):
            piece = word[start:end]
            if piece in suffixes and last == _Read.WORD:
                offer(end, (read + len(piece), pieces, tokens, _Read.PARTICLE))
            word_read = len(piece) >= 2 or piece in syllables
            if word_read and piece in known and piece not in suffixes:
                offer(end, (read + len(piece), pieces - 1, [*tokens, piece], _Read.WORD))
        # One letter no known word reads: it joins the unknown stretch before it.
        letter = word[start]
        if last == _Read.UNKNOWN:
            offer(start + 1, (read, pieces, [*tokens[:-1], tokens[-1] + letter], _Read.UNKNOWN))
        else:
            offer(start + 1, (read, pieces - 1, [*tokens, letter], _Read.UNKNOWN))
    final = best[size]
    if final is None:
        return greedy
    tokens = [_strip(token, suffixes) if token not in known else token for token in final[2]]
    if _known_letters(tokens, known) <= _known_letters(greedy, known):
        return greedy
    return tokens


def _strip(word: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:  # longest first
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word
