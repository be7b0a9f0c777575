"""Chinese as people write it, read as the vocabulary's simplified Mandarin.

A Chinese message is put in one written form before anything else reads it (its parts,
figures, dates and cue words alike):

- traditional characters become simplified (OpenCC's t2s tables, through
  ``analysis.simplified``): "幾個月" -> "几个月", "萬" -> "万", "還有" -> "还有";
- written Cantonese becomes Mandarin, from a data table (vocabulary/yue.json): "嘅" -> "的",
  "點解" -> "为什么", "幾多" -> "多少", "佢哋" -> "他们", sentence particles ("㗎", "喎")
  dropped. Words that mean something else in Mandarin ("系" is "system" there, "人工"
  "artificial") are read the Cantonese way only in a message that holds an unambiguous
  Cantonese word; a word the table maps to itself ("关系") is kept whole.

The table's terms go through the same conversion as the message, once a process, into one
pattern per tier (longest term first), so a traditional or a simplified spelling of a term
is the same key. About 0.1 ms a message (OpenCC's conversion is pure Python).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from bot.engine.language import Language, detect
from bot.engine.vocabulary import FOLDER

TABLE = FOLDER / "yue.json"


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """The Cantonese table, its terms simplified: a pattern of the unambiguous words (is
    the message Cantonese?), a pattern of every term of both tiers (longest first, one
    pass, so that no replacement is read again) and term -> Mandarin."""
    from bot.engine.analysis import simplified

    data = json.loads(TABLE.read_text(encoding="utf-8"))
    words = {simplified(term): simplified(said) for term, said in data["words"].items()}
    table = {simplified(term): simplified(said) for term, said in data["in_cantonese"].items()}
    table.update(words)

    def any_of(terms: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(map(re.escape, sorted(terms, key=len, reverse=True))))

    return any_of(list(words)), any_of(list(table)), table


def as_mandarin(text: str) -> str:
    """``text`` in simplified characters, its written Cantonese read as Mandarin."""
    from bot.engine.analysis import simplified

    text = simplified(text)
    cantonese, every, table = _table()
    if cantonese.search(text) is None:
        return text
    return every.sub(lambda match: table[match.group()], text)


def written(text: str) -> tuple[str, Language]:
    """A message's language (by script) and its text: Chinese, traditional or Cantonese,
    as simplified Mandarin."""
    language = detect(text)
    return (as_mandarin(text) if language is Language.ZH else text), language


def warm_up() -> None:
    """Build the Cantonese table now (about 10 ms, in the start-up warm-up's thread)."""
    _table()
