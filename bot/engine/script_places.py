"""A stored place named in Cyrillic, Hangul or Han letters that no alias or CLDR name holds: a
new report's "Tynda" asked as "под Тындой", "Gdańsk" as "그단스크" or "格但斯克".

Russian, Korean and Chinese write foreign place names by their sound. A name the analysis
found as a place (bot/engine/lexicon.py: a gazetteer name, an unknown word in a place frame)
is spelled back in Latin letters (Russian letter by letter, Korean by the Revised
Romanization, Chinese by vocabulary/transliteration_zh.json's pinyin, compared on its
consonants only) and compared with the stored places' names on a coarse key that forgets
what the scripts cannot tell apart (b and v, l and r, Korean's inserted "eu", soft signs,
accents). A place is taken only when the keys are near (rapidfuzz) and begin alike;
otherwise the name stays one the reports do not mention.
"""

from __future__ import annotations

import json
import re
from collections.abc import Container, Iterable
from functools import cache, lru_cache

from rapidfuzz import fuzz

from bot.engine.place_spellings import unaccented
from bot.engine.vocabulary import FOLDER

# Two keys this near (0-100) name one place: "gdansk" / "gdansk", "bientian" / "bientiane".
NEAR = 85
# Keys shorter than this are too short to tell places apart ("ko", "ba").
SHORTEST = 4

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o",
            "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "shch", "", "y", "", "e",
            "yu", "ya",
        ],
        strict=True,
    )
)  # fmt: skip

# Revised Romanization of Hangul's initials, vowels and finals, as loanwords use them.
_INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch",
             "k", "t", "p", "h"]  # fmt: skip
_VOWELS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
           "wo", "we", "wi", "yu", "eu", "ui", "i"]  # fmt: skip
_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "l", "l", "l", "l", "l", "l", "l", "m",
           "p", "p", "s", "s", "ng", "t", "t", "k", "t", "p", "t"]  # fmt: skip

# What Cyrillic, Hangul and Latin spellings of one name differ by, folded away (in order).
_COARSE = (
    (re.compile(r"eu"), ""),  # Korean's inserted vowel: 그단스크 geudanseukeu -> gdansk
    (re.compile(r"kh|gh"), "h"),
    (re.compile(r"ph|f"), "p"),
    (re.compile(r"[vw]"), "b"),
    (re.compile(r"r"), "l"),
    (re.compile(r"[zj]|dzh|zh"), "j"),
    (re.compile(r"[cqg]|ck"), "k"),
    (re.compile(r"d"), "t"),
    (re.compile(r"eo|ae"), "e"),
    (re.compile(r"[yi]+"), "i"),
    (re.compile(r"[^a-z]"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
)


@cache
def _pinyin() -> dict[str, str]:
    data = json.loads((FOLDER / "transliteration_zh.json").read_text(encoding="utf-8"))
    return dict(data["pinyin"])


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def romanised(name: str) -> str:
    """A Cyrillic, Hangul or Chinese name in Latin letters ("Тында" -> "tynda", "하노이" ->
    "hanoi", "格但斯克" -> "gedansike"); Latin as it is, without accents; other letters
    dropped, and a Chinese name with a character no transliteration uses is none ("")."""
    out: list[str] = []
    pinyin = _pinyin()
    for char in unaccented(name.casefold()):
        point = ord(char)
        if _is_han(char):
            if char not in pinyin:
                return ""
            out.append(pinyin[char])
        elif 0xAC00 <= point <= 0xD7A3:
            index = point - 0xAC00
            initial, rest = divmod(index, 21 * 28)
            vowel, final = divmod(rest, 28)
            out += [_INITIALS[initial], _VOWELS[vowel], _FINALS[final]]
        elif char in _CYRILLIC:
            out.append(_CYRILLIC[char])
        elif char.isascii() and char.isalpha():
            out.append(char)
    return "".join(out)


@lru_cache(maxsize=4096)
def sound_key(name: str) -> str:
    """The coarse key two scripts' spellings of one name share."""
    key = romanised(name)
    for pattern, replacement in _COARSE:
        key = pattern.sub(replacement, key)
    return key


_VOWEL = re.compile(r"[aeiou]")


def consonants(key: str) -> str:
    """A key without its vowels: Chinese gives every consonant a vowel of its own
    ("gedansike"), so only the consonants compare ("ktnsk")."""
    return _VOWEL.sub("", key).replace("nk", "n")


class ScriptPlaces:
    """The stored places (English names as stored), by their sound keys."""

    def __init__(self, places: Iterable[str]) -> None:
        keys: dict[str, str] = {}
        for place in places:
            key = sound_key(place)
            if len(key) >= SHORTEST:
                keys.setdefault(key, place)
        self._keys = keys
        self._consonants = {consonants(key): place for key, place in keys.items()}

    def find(self, name: str) -> str | None:
        """The stored place ``name`` (Cyrillic, Hangul or Han, as the analysis found it)
        sounds like, else None; the nearest when two are near."""
        key = sound_key(name)
        if len(key) < SHORTEST or name.isascii():
            return None
        if any(_is_han(char) for char in name):
            return self._by_consonants(consonants(key))
        found = self._keys.get(key)
        if found is not None:
            return found
        best, score = None, 0.0
        for stored_key, place in self._keys.items():
            if stored_key[0] != key[0]:
                continue
            near = fuzz.ratio(key, stored_key)
            if near >= NEAR and near > score:
                best, score = place, near
        return best

    def _by_consonants(self, skeleton: str) -> str | None:
        """A Chinese name's consonants, the same as a stored place's (滕达 "tengda" and
        Tynda: "tnt"), or near it when both have four or more (格但斯克 and Gdańsk)."""
        if len(skeleton) < SHORTEST - 1:
            return None
        found = self._consonants.get(skeleton)
        if found is not None:
            return found
        for stored, place in self._consonants.items():
            if (
                min(len(stored), len(skeleton)) >= SHORTEST
                and stored[0] == skeleton[0]
                and fuzz.ratio(skeleton, stored) >= NEAR
            ):
                return place
        return None


@lru_cache(maxsize=8)
def script_places(places: frozenset[str]) -> ScriptPlaces:
    """The keys of one snapshot's stored places, made when a question first needs them."""
    return ScriptPlaces(places)


def sounded_chinese(
    tokens: Iterable[str], known: Container[str], places: frozenset[str]
) -> list[tuple[str, str]]:
    """(word, stored place) for each Chinese word of a question written only in the
    characters of transliteration that no table knows and that sounds like a stored place
    ("在考纳斯的工人": 考纳斯 is Kaunas); the gazetteer need not know the name."""
    pinyin = _pinyin()
    words = [t for t in tokens if len(t) >= 2 and t not in known and all(c in pinyin for c in t)]
    if not words:
        return []
    keys = script_places(places)
    return [(word, place) for word in words if (place := keys.find(word)) is not None]
