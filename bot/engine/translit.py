"""Russian typed in Latin letters ("skolko", "na sakhaline", "zarplata u koreitsev"), read
as the Cyrillic the Russian analysis reads.

Russians on Telegram often type translit, and with no one scheme: "shch" or "sch", "kh" or
"h", "ya" or "ja" or "ia", "y" for ы or й, the soft sign dropped ("skolko"). A published
converter (``transliterate``, ``cyrtranslit``) follows one scheme and writes one spelling;
here every scheme of the table (vocabulary/translit_ru.json) is tried at once, walking
pymorphy3's word graph letter by letter (a path that leaves every Russian word is dropped
at once), and the cheapest spelling the dictionary holds is the reading. Measured on 49
Telegram spellings of 35 words (most in tests/unit/test_translit.py): transliterate 1.10.2
read 19 right, cyrtranslit 1.2.0 25 ("skolko" -> "сколко", "sakhaline" -> "сакхалине"),
this reader 49 (about 0.1 ms a new word, cached).

Only a word the English side does not know is tried, only when its spelling has nothing
no translit scheme uses ("w", "th", "x"), and only when the Russian reading is a
dictionary word of four letters or more, a Russian cue word, or (beside another such
word) a short function word ("na", "v", "u").

The reply language (``read``): a message whose words are mostly translit Russian (at least
two read, and no fewer than the other Latin words) is Russian: it is read as Cyrillic
through the Russian tables and answered in Russian, as people who type translit read
Cyrillic (their phone lacks the keyboard, not the reader the script). A message of English
with a few translit words stays English: each such word that is a Russian cue word is
put as its analysed key ("skolko" -> "сколько"), read by the same phrase table; a
function word ("na", "v") is dropped; any other stays as typed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bot.engine import graph_walk
from bot.engine.language import Language
from bot.engine.vocabulary import FOLDER

TABLE = FOLDER / "translit_ru.json"
# Latin words as people type them; an apostrophe may stand for the soft sign.
_LATIN = re.compile(r"[a-z]+(?:['’][a-z]+)*")
MAX_STEPS = graph_walk.MAX_STEPS


@dataclass(frozen=True)
class Scheme:
    # Latin spelling -> (Cyrillic, cost), the usual reading first.
    letters: dict[str, tuple[tuple[str, int], ...]]
    longest: int
    soft_after: frozenset[str]
    not_translit: re.Pattern[str]
    function_words: frozenset[str]
    max_cost: int
    min_letters: int
    # Words English has too that a Russian message means as Russian ("za god": год).
    russian_in_russian: frozenset[str] = frozenset()

    @property
    def spellings(self) -> graph_walk.Spellings:
        return graph_walk.Spellings(self.letters, self.longest, self.soft_after, self.max_cost)


@lru_cache(maxsize=1)
def scheme() -> Scheme:
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    letters = {
        latin: tuple((cyrillic, int(cost)) for cyrillic, cost in options)
        for latin, options in data["letters"].items()
    }
    marks = [re.escape(mark) for mark in data["not_translit"]]
    return Scheme(
        letters=letters,
        longest=max(map(len, letters)),
        soft_after=frozenset(data["soft_after"]),
        not_translit=re.compile("|".join(marks)),
        function_words=frozenset(data["function_words"]),
        max_cost=int(data["max_cost"]),
        min_letters=int(data["min_letters"]),
        russian_in_russian=frozenset(data.get("russian_in_russian", ())),
    )


@lru_cache(maxsize=8192)
def cyrillic(word: str) -> str | None:
    """The likeliest Russian dictionary word that the Latin ``word`` spells, or None.

    Every reading of the table is walked through pymorphy3's word graph together (the
    graph's node is carried along, so a step costs one lookup of a letter or two);
    among the whole words found, the one of the fewest variants wins, the usual reading
    first among equals."""
    if not word.isascii() or scheme().not_translit.search(word):
        return None
    return graph_walk.cheapest(word, scheme().spellings, MAX_STEPS)


@dataclass
class Translit:
    """What ``read`` made of a message: its text, language and the words it read."""

    text: str
    language: Language
    read: dict[str, str]


def read(
    text: str,
    language: Language,
    english: Callable[[str], bool],
    russian_cues: Callable[[], Collection[str]],
    key: Callable[[str], str],
) -> Translit:
    """``text`` with its translit Russian words read (see the module's docstring).

    ``english``: whether the English side knows a word; ``russian_cues``: the analysed
    keys of the Russian tables, joined to the phrase table (called only when an English
    message holds a translit word); ``key``: a Russian word's analysed key. The language
    is ``mostly_russian``'s, the one the reply is written in (bot/i18n's ``detect``)."""
    if language is not Language.EN:
        return Translit(text, language, {})
    table = scheme()
    found: dict[str, str] = {}
    tokens = _LATIN.findall(text.lower())
    for token in tokens:
        if token in found or english(token):
            continue
        reading = cyrillic(token.replace("’", "'"))
        if reading is not None:
            found[token] = reading
    if not found:
        return Translit(text, language, {})
    if mostly_russian(text):
        # In a Russian message every reading is Russian ("pro"), and so is a short word
        # English also has ("i", "a").
        spoken = dict(found)
        for token in tokens:
            short = cyrillic(token) if len(token) <= 2 else None
            if short is not None and short in table.function_words:
                spoken.setdefault(token, short)
            elif token in table.russian_in_russian and (russian := cyrillic(token)):
                spoken.setdefault(token, russian)
        return Translit(_replace(text, spoken), Language.RU, spoken)
    # English with a few translit words: only Russian cue words are read, as their keys
    # ("skolko" -> "сколько"); a function word beside one is dropped ("na").
    long_read = {
        latin: key(russian) for latin, russian in found.items() if len(russian) >= table.min_letters
    }
    if not long_read:
        return Translit(text, language, {})
    cues = russian_cues()
    keyed = {latin: analysed for latin, analysed in long_read.items() if analysed in cues}
    if not keyed:
        return Translit(text, language, {})
    dropped = {
        latin: ""
        for latin, russian in found.items()
        if latin not in long_read and russian in table.function_words
    }
    return Translit(_replace(text, {**dropped, **keyed}), language, keyed)


# Readings that are names: a place, a person ("harry potter" -> "харри поттер", "everest"),
# spelled alike in both languages, so no sign of Russian.
_NAMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"})


@lru_cache(maxsize=8192)
def common_word(russian: str) -> bool:
    """Whether a Russian word is read first as a common word, not a name."""
    from bot.engine.analysis import first_tags

    return not (first_tags(russian) & _NAMES)


def _mostly(
    tokens: list[str],
    read_words: dict[str, str],
    long_read: Collection[str],
    neutral: Collection[str] = (),
) -> bool:
    """The rule of the reply's language: at least two common words read as Russian (names
    and function words apart), and no fewer than the Latin words left as they are, short
    names and interjections that read as Russian too ("kim", "lol": ``neutral``) apart."""
    counted = [
        t for t in tokens if t in read_words and t in long_read and common_word(read_words[t])
    ]
    others = [t for t in tokens if t not in read_words and len(t) > 1 and t not in neutral]
    if counted:
        # "nu i skolko tam v dalyane": beside a long word, a function word no English
        # word spells ("nu", "tam", "v"; ``read_words`` holds no English word) counts too.
        counted += [t for t in tokens if t in read_words and t not in long_read]
    return len(counted) >= 2 and len(counted) >= len(others)


@lru_cache(maxsize=1)
def english_grammar() -> frozenset[str]:
    """English's grammar words (vocabulary/mixed_language.json), which also weigh a mixed
    message's language in bot/i18n/mixed.py."""
    data = json.loads((FOLDER / "mixed_language.json").read_text(encoding="utf-8"))
    return frozenset(word.casefold() for word in data["english_grammar"])


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """The English vocabulary's ordinary and question words, and English's grammar words."""
    from bot.engine.vocabulary import load

    return load().not_place_words | english_grammar()


def english_word(word: str) -> bool:
    """A word of the English vocabulary's ordinary or question words, or of its grammar."""
    return word in _english_words()


@lru_cache(maxsize=256)  # a pure function of the text, asked by more than one reader
def mostly_russian(text: str) -> bool:
    """Whether a Latin-letter message is mostly translit Russian ("sahalin kvota skolko"),
    so answered in Russian: ``read``'s rule without an Understander's tables (for
    bot/i18n's ``detect``, before the engine is asked). The English side is the English
    vocabulary's ordinary and question words and English's grammar words; a reading
    counts at four letters or more."""
    tokens = _LATIN.findall(text.lower())
    if len(tokens) < 2:
        return False
    english = _english_words()
    table = scheme()
    read_words: dict[str, str] = {}
    for token in tokens:
        reading = None if token in english else cyrillic(token.replace("’", "'"))
        if reading and (len(reading) >= table.min_letters or reading in table.function_words):
            read_words[token] = reading
    long_read = [t for t, r in read_words.items() if len(r) >= table.min_letters]
    neutral = {t for t in tokens if t not in english and t not in read_words and cyrillic(t)}
    if _asks_in_english(tokens) and sum(common_word(read_words[t]) for t in long_read) < 2:
        return False  # "na who talk am": English's "who" asks, whatever "na" reads as
    return _mostly(tokens, read_words, long_read, neutral) or _framed(tokens, english, table)


# A message this short ("a v harbine?", "a u nas v habarovske?") is Russian by its frame.
_FRAMED_WORDS = 5


def _framed(tokens: list[str], english: Collection[str], table: Scheme) -> bool:
    """ "a v harbine?", "a na kamchatke?": a short message every word of which reads as
    Russian, with a preposition no English word spells ("v", "na") and a word of four
    letters or more (a place's name in its case, which ``_mostly`` leaves uncounted)."""
    if len(tokens) > _FRAMED_WORDS:
        return False
    readings = [cyrillic(token) for token in tokens]
    if any(reading is None for reading in readings):
        return False
    framed = any(
        token not in english and reading in table.function_words
        for token, reading in zip(tokens, readings, strict=True)
    )
    named = any(
        reading is not None and len(reading) >= table.min_letters and token not in english
        for token, reading in zip(tokens, readings, strict=True)
    )
    return framed and named


def _asks_in_english(tokens: list[str]) -> bool:
    from bot.engine.vocabulary import load

    return not load().question_words.isdisjoint(tokens)


def _replace(text: str, words: dict[str, str]) -> str:
    def swap(match: re.Match[str]) -> str:
        return words.get(match.group().lower(), match.group())

    return " ".join(re.sub(r"[A-Za-z]+(?:['’][A-Za-z]+)*", swap, text).split())


def as_read(understander: Any, text: str, language: Language) -> tuple[str, Language]:
    """``read`` with an Understander's tables: the English side is every word its English
    vocabulary, the claims and the typo corrector know; the Russian side its phrase table
    once the Russian tables joined it."""
    if language is not Language.EN or text.isdigit():
        return text, language
    from bot.engine.lexicon import term_key

    topical, real = understander._topical, understander._real_words

    def russian_cues() -> Collection[str]:
        understander._languages.prepare(Language.RU)
        phrases: Collection[str] = understander._phrases
        return phrases

    reading = read(
        text,
        language,
        lambda word: word in topical or word in real,
        russian_cues,
        lambda word: term_key(word, Language.RU),
    )
    return reading.text, reading.language
