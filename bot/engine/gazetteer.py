"""Whether a name is a place a gazetteer knows, and whether a word is ordinary English.

Two word lists made by scripts/build_places.py from GeoNames' larger cities, ISO 3166-2's
subdivisions (in Latin, Cyrillic, Han and Hangul letters) and wordfreq's common English
words: vocabulary/gazetteer.txt and vocabulary/english_words.txt. Each is read on first use
into a sorted array of the names' hashes (8 bytes a name, not a set of strings: about
0.8 MB for both instead of some 10 MB); a hash's false match is one in 2**64 per name.
"""

from __future__ import annotations

import json
import unicodedata
from array import array
from bisect import bisect_left
from functools import cache
from pathlib import Path

from bot.engine.vocabulary import FOLDER


@cache
def _table(name: str) -> array[int]:
    path: Path = FOLDER / name
    with path.open(encoding="utf-8") as lines:
        names = [line.rstrip("\n") for line in lines if not line.startswith("#")]
    hashes = {hash(n) for n in names}
    if name == "gazetteer.txt":
        hashes.update(hash(short) for short in _shortened(names))
    return array("q", sorted(hashes))


def _shortened(names: list[str]) -> list[str]:
    """ "petropavlovsk kamchatsky" -> "petropavlovsk": a name with a suffix of
    vocabulary/place_suffixes.json (one or two words) dropped, when one long word no
    dictionary holds is left."""
    data = json.loads((FOLDER / "place_suffixes.json").read_text(encoding="utf-8"))
    least = int(data["min_letters"])
    suffixes = frozenset(data["suffixes"])
    english = _table("english_words.txt")
    found = []
    for full in names:
        parts = full.replace("-", " ").split(" ")
        for size in (1, 2):
            head = parts[:-size]
            if len(head) == 1 and " ".join(parts[-size:]) in suffixes:
                word = head[0]
                if len(word) >= least and word.isalpha() and not _holds(english, word):
                    found.append(word)
    return found


def _holds(table: array[int], text: str) -> bool:
    at = bisect_left(table, hash(text))
    return at < len(table) and table[at] == hash(text)


def plain(name: str) -> str:
    """A folded name as the lists hold it: "ё" as "е", a Latin name without accents."""
    text = name.replace("ё", "е")
    if text.isascii():
        return text
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    )
    return stripped if stripped.isascii() else unicodedata.normalize("NFC", text)


def known_place(name: str) -> bool:
    """A city or region the gazetteer names ("tashkent", "phnom penh", "магадан", "沈阳",
    "울란바토르"); ``name`` folded."""
    return _holds(_table("gazetteer.txt"), plain(name))


def ordinary_english(word: str) -> bool:
    """A common English word, no name ("footnote", "lads"; not "siberia"); folded."""
    return _holds(_table("english_words.txt"), word)


# "earliest", "happier": a comparative or superlative of an adjective in -y, which the word
# list (built from Webster's base forms with a few endings) does not hold itself.
_Y_DEGREES = ("iest", "ier")


def english_degree(word: str) -> bool:
    """A common English word, or the comparative or superlative of one in -y ("earliest",
    "easier"): no name either way ("at the earliest" names no place); ``word`` folded."""
    if ordinary_english(word):
        return True
    for ending in _Y_DEGREES:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return ordinary_english(word[: -len(ending)] + "y")
    return False


_ADVERB = "ly"
_MIN_ADVERB = 6


def manner_adverb(word: str) -> bool:
    """An adverb made of a common English adjective ("precisely", "closely", "truly",
    "happily", "basically"): how something is asked, no subject; ``word`` folded."""
    if not word.endswith(_ADVERB) or len(word) < _MIN_ADVERB:
        return False
    stem = word[: -len(_ADVERB)]
    stems = [stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else ""]
    if stem.endswith("ical"):
        stems.append(stem[:-2])  # "basically": "basic"
    return any(s and ordinary_english(s) for s in stems)


def warm_up() -> None:
    """Read both lists now (the start-up thread), not in a question's time (0.1 s)."""
    _table("gazetteer.txt")
    _table("english_words.txt")
