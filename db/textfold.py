"""The one way text is folded for matching: questions, aliases, place names.

No SQLAlchemy and no Telegram here: the engine and db/editing.py (the alias uniqueness
constraint) both call ``fold``, so a term typed with curly quotes and one typed with
straight quotes are one term everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Zero-width and bidirectional controls change nothing a reader sees.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
# Typographic single and double quotes read as the ASCII ones.
_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
    }
)
MAX_COMBINING_MARKS = 8  # in a row, on one letter


# A question's text is folded by several readers in turn: the same few strings, so cached.
@lru_cache(maxsize=256)
def fold(text: str) -> str:
    """NFKC, invisible characters dropped, casefolded, quotes straightened, one space."""
    text = unicodedata.normalize("NFKC", few_marks(text))
    text = _INVISIBLE.sub("", text).casefold().translate(_QUOTES)
    return " ".join(text.split())


def few_marks(text: str) -> str:
    """``text`` with at most ``MAX_COMBINING_MARKS`` combining marks in a row.

    NFKC sorts a run of marks in quadratic time (a letter with 4,000 accents cost
    9 ms a call); no script stacks more than a few on one letter.
    """
    if text.isascii():
        return text
    kept: list[str] = []
    run = 0
    for char in text:
        run = run + 1 if unicodedata.combining(char) else 0
        if run <= MAX_COMBINING_MARKS:
            kept.append(char)
    return "".join(kept)


def drop_invisible(text: str) -> str:
    """Drop format (Cf) characters: zero-width, bidi overrides, tag characters and the
    like, which keyboards slip into codes and keys."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
