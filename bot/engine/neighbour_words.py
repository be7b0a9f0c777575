"""Belarusian and Ukrainian words inside a Russian message ("колькі ў Даляні", "хто
крыніца", "скільки зараз платять"), read as the Russian the Russian tables know; and
stress marks ("бо́льшую") dropped.

People near the borders write Russian with their own language's words in it (trasianka,
surzhyk). A message is read this way only when it holds a letter Russian never writes
("і", "ў", "ї", "є", "ґ") or a word of the table's ``words`` (vocabulary/east_slavic.json);
ordinary Russian is never touched. In such a message:

- a word of the table is read as its Russian ("яны" -> "они", "адкуль" -> "откуда"), and
  so is a short or shared word of ``in_message`` ("па" -> "по", "калі ласка");
- any other word pymorphy3's dictionary does not hold is walked through the dictionary's
  word graph by the table's letter correspondences (akanye "а" for "о", "ць" for "ть",
  "і" for "и", "ў" for "в", a soft sign the other spelling lacks), and the cheapest
  Russian word found is the reading ("здаваць" -> "здавать", "гады" -> "годы",
  "могуць" -> "могут"); a word with none found keeps its letters read at cost 0
  ("Беларусі" -> "Беларуси", a name the dictionary lacks).

The walk is bounded (``MAX_STEPS``) and cached per word; most messages pay one search.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from bot.engine import graph_walk
from bot.engine.vocabulary import FOLDER

TABLE = FOLDER / "east_slavic.json"
MAX_STEPS = graph_walk.MAX_STEPS
_WORD = re.compile(r"[а-яёіўїєґ]+(?:['’][а-яёіўїєґ]+)*")
# A stress mark on a Cyrillic vowel ("бо́льшую", "за́мок"): no letter of the word.
_STRESS = re.compile(r"(?<=[а-яёіўїєґА-ЯЁІЎЇЄҐ])[\u0300\u0301]")
_LETTER = "а-яёіўїєґ'’"


@dataclass(frozen=True)
class Table:
    trigger: re.Pattern[str]
    terms: re.Pattern[str]
    words: dict[str, str]
    letters: dict[str, tuple[tuple[str, int], ...]]
    longest: int
    soft_after: frozenset[str]
    max_cost: int


@lru_cache(maxsize=1)
def table() -> Table:
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    words: dict[str, str] = {**data["in_message"], **data["words"]}

    def any_of(terms: list[str]) -> str:
        ordered = sorted(terms, key=len, reverse=True)
        return rf"(?<![{_LETTER}])(?:{'|'.join(map(re.escape, ordered))})(?![{_LETTER}])"

    marks = "".join(data["marks"])
    trigger = re.compile(f"[{marks}]|{any_of(list(data['words']))}")
    letters = {
        spelled: tuple((russian, int(cost)) for russian, cost in options)
        for spelled, options in data["letters"].items()
    }
    return Table(
        trigger=trigger,
        terms=re.compile(any_of(list(words))),
        words=words,
        letters=letters,
        longest=max(map(len, letters)),
        soft_after=frozenset(data["soft_after"]),
        max_cost=int(data["max_cost"]),
    )


def as_russian(text: str) -> str:
    """A folded Russian message with its Belarusian and Ukrainian words read as Russian
    (see the module's docstring); any other message as it is, stress marks dropped."""
    if "\u0301" in text or "\u0300" in text:
        text = _STRESS.sub("", text)
    rules = table()
    if rules.trigger.search(text) is None:
        return text
    text = rules.terms.sub(lambda match: rules.words[match.group()], text)
    return _WORD.sub(lambda match: russian_word(match.group()), text)


@lru_cache(maxsize=4096)
def russian_word(word: str) -> str:
    """The Russian a Belarusian or Ukrainian spelling stands for: itself when the Russian
    dictionary holds it, else the cheapest dictionary word of the letter walk, else its
    letters read at cost 0."""
    from bot.engine.analysis import morph

    neighbour = any(letter in word for letter in "іўїєґ'’")
    if not neighbour and morph().word_is_known(word):
        return word
    return _walk(word.replace("’", "'")) or _plain(word)


def _plain(word: str) -> str:
    rules = table()
    out: list[str] = []
    position = 0
    while position < len(word):
        for size in range(min(rules.longest, len(word) - position), 0, -1):
            options = rules.letters.get(word[position : position + size])
            if options:
                out.append(options[0][0])
                position += size
                break
        else:
            out.append(word[position])
            position += 1
    return "".join(out).replace("'", "")


def _walk(word: str) -> str | None:
    """The cheapest word of pymorphy3's graph the letters may stand for, or None."""
    rules = table()
    spellings = graph_walk.Spellings(
        rules.letters, rules.longest, rules.soft_after, rules.max_cost, keep_unlisted=True
    )
    return graph_walk.cheapest(word, spellings, MAX_STEPS)
