"""A stored place however a question spells it: without or with other accents ("gdansk",
"Hà Nội"), in two words where the store has one ("hai phong" for Haiphong), or by its
initials ("KL", "HCMC": made from the stored name of two or more words; a one-word name's
conventional short form, "UB", from vocabulary/place_abbreviations.json).

Built once per snapshot from the claims' places; per question, one pass over the words.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache

from bot.engine.vocabulary import FOLDER

# A word with a Latin letter that carries a mark (Latin-1 to Latin Extended Additional).
_MARKED = re.compile(r"[^\W\d_]*[\u00c0-\u024f\u1e00-\u1eff][^\W\d_]*")
_LETTERS = str.maketrans({"đ": "d", "ð": "d", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe"})
_WORD = re.compile(r"[^\W\d_]+")


def unaccented(text: str) -> str:
    """Latin words without their marks ("hải phòng" -> "hai phong"); other scripts as
    they are ("й" stays)."""

    def plain(match: re.Match[str]) -> str:
        word = match.group(0).translate(_LETTERS)
        stripped = "".join(
            c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)
        )
        return stripped if stripped.isascii() else match.group(0)

    return _MARKED.sub(plain, text) if not text.isascii() else text


@cache
def _abbreviations() -> dict[str, str]:
    data = json.loads((FOLDER / "place_abbreviations.json").read_text(encoding="utf-8"))
    return dict(data["abbreviations"])


class PlaceSpellings:
    """The other spellings of ``names`` (stored places, folded); ``is_word`` tells an
    ordinary word, which initials must not be ("la" is no Los Angeles)."""

    def __init__(self, names: Iterable[str], is_word: Callable[[str], bool]) -> None:
        plain = {unaccented(name): name for name in names}
        self.variants = {p: n for p, n in plain.items() if p != n}  # "gdansk" -> "gdańsk"
        # One-word names a question may type as two words ("hai phong").
        self._joined = frozenset(p for p in plain if " " not in p and len(p) >= 5)
        short: dict[str, str | None] = {}
        for name in plain:
            parts = name.split()
            if len(parts) >= 2:
                initials = "".join(part[0] for part in parts)
                if not is_word(initials):  # two places with one set of initials: neither
                    short[initials] = None if initials in short else name
        for abbreviation, name in _abbreviations().items():
            if name in plain and abbreviation not in short:
                short[abbreviation] = name
        self._short = {k: v for k, v in short.items() if v is not None}
        self._words = frozenset(plain) | frozenset(w for p in plain for w in p.split())

    def respelled(self, text: str) -> str:
        """``text`` (folded) with stored places spelled as stored, accents aside."""
        text = unaccented(text)
        if not self._joined and not self._short:
            return text
        # Most questions name no place a different way: two set tests in C say so first.
        said = _WORD.findall(text)
        if self._short.keys().isdisjoint(said) and self._joined.isdisjoint(
            map(str.__add__, said, said[1:])
        ):
            return text
        tokens = list(_WORD.finditer(text))
        out: list[str] = []
        last = 0
        index = 0
        while index < len(tokens):
            token = tokens[index]
            word = token.group(0)
            after = tokens[index + 1] if index + 1 < len(tokens) else None
            if (
                after is not None
                and text[token.end() : after.start()] == " "
                and (joined := word + after.group(0)) in self._joined
                and word not in self._words
            ):
                out += [text[last : token.start()], joined]
                last, index = after.end(), index + 2
                continue
            if (name := self._short.get(word)) is not None:
                out += [text[last : token.start()], name]
                last = token.end()
            index += 1
        out.append(text[last:])
        return "".join(out)
