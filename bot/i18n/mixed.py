"""Which language a message mixing English with Russian, Chinese or Korean is written in.

Names and domain nouns say nothing about the writer: a Korean writes "Sakhalin quota 얼마?",
an English writer "사할린 quota in usd pls"; counting letters gets one of the two wrong. The
grammar does not: English's closed-class words (vocabulary/mixed_language.json) against the
other script's words that are not a bare place, country or currency name (the per-language
vocabularies' subjects and places elsewhere, written as they are in any language). English
wins only with more grammar words, the first of them (the language the message opens in)
counting twice; a tie stays with the other script, as a Russian, Chinese or Korean writer
quotes English names more often than the other way round.

A message that closes in the other script after English ("so russia pays them 124,000
now? 월급이 두배 된거죠?", "how many 배 is it? 계산해주세요") is that script's writer's: the
closing sentence, the asker's own words of the ask, holds no English grammar word and
words of the other script beyond names. (English after the other script, "근거가 뭐임?
what's it based on", stays the other script's, as above.)
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from bot.engine.language import script_of
from bot.engine.translit import english_grammar, english_word
from db.kinds import Language

_FOLDER = Path(__file__).resolve().parent.parent / "engine" / "vocabulary"
# A word: a run of letters (apostrophes inside English words) of one script.
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Hangul jamo alone (ㅋㅋ, ㅎㅎ): laughter and emoticons, not words of a sentence.
_JAMO = re.compile(r"^[\u3130-\u318f]+$")
_NAME_KINDS = ("place", "country", "currency")
# Where a sentence ends: the closing one is what follows the last of these.
_SENTENCE_END = re.compile(r"[?!.。？！\n]+")
# Letters of the other script's words (names aside) a closing sentence needs to count.
MIN_CLOSING_LETTERS = 4


@lru_cache(maxsize=1)
def _names() -> tuple[str, ...]:
    """Place, country and currency names of the other languages, longest first."""
    names: set[str] = set()
    for language in ("ru", "zh", "ko"):
        data = json.loads((_FOLDER / f"{language}.json").read_text(encoding="utf-8"))
        subjects = data.get("subjects", {})
        for kind in _NAME_KINDS:
            names.update(subjects.get(kind, {}))
        names.update(data.get("elsewhere", {}))
    return tuple(sorted((name.casefold() for name in names), key=len, reverse=True))


def _runs(text: str) -> list[tuple[Language, str]]:
    """The text's words, each split where its script changes ("rubles면": two runs)."""
    runs: list[tuple[Language, str]] = []
    for match in _WORD.finditer(text):
        word = match.group()
        start = 0
        for index in range(1, len(word) + 1):
            here = script_of(word[index - 1])
            following = script_of(word[index]) if index < len(word) else None
            if index == len(word) or (following is not None and following is not here):
                if here is not None:
                    runs.append((here, word[start:index].casefold()))
                start = index
    return runs


def _is_name(word: str) -> bool:
    return word in _names() or _JAMO.match(word) is not None


def _inflected_name(word: str) -> bool:
    """A name, or a name with a case ending or particle ("сахалине", "사할린은")."""
    return _is_name(word) or any(word.startswith(name) for name in _names() if len(name) >= 3)


def closes_in(text: str, native: Language) -> bool:
    """Whether the message's closing sentence (it has more than one) is the other script's:
    no English grammar word, and ``MIN_CLOSING_LETTERS`` letters of its words that are no
    name ("на сахалине" is a place named, not a sentence)."""
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    if len(sentences) < 2:
        return False
    letters = 0
    for script, word in _runs(sentences[-1]):
        if script is Language.EN and word in english_grammar():
            return False
        if script is native and not _inflected_name(word):
            letters += len(word)
    return letters >= MIN_CLOSING_LETTERS


def closes_in_english(text: str) -> bool:
    """Whether a message of Latin letters closes in an English sentence after another
    ("skolko zarplata u nih na sakhaline? in month"): every word of its closing sentence an
    English word, one of them a grammar word. Russian typed in Latin letters and then a
    sentence of English (two words or more) is written by someone who writes English:
    answered in English."""
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    if len(sentences) < 2:
        return False
    closing = [word for script, word in _runs(sentences[-1]) if script is Language.EN]
    if len(closing) < 2 or len(closing) != len(_runs(sentences[-1])):
        return False  # ("… na sahaline? lol": laughter is no sentence)
    grammar = english_grammar()
    return all(english_word(w) for w in closing) and any(w in grammar for w in closing)


def mixed_language(text: str, native: Language) -> Language:
    """English when the text's English grammar words outnumber its ``native`` words that
    are not bare names (the first word of either counting twice); else ``native``."""
    english = 0
    other = 0
    for script, word in _runs(text):
        if script is Language.EN and word in english_grammar():
            english += 1 if english or other else 2  # the language the message opens in
        elif script is native and not _is_name(word):
            other += 1 if english or other else 2
    if english > other and not closes_in(text, native):
        return Language.EN
    return native
