"""The language of a short text: English, Russian, Chinese or Korean.

Script is the signal, and for these four languages it is nearly always enough: Cyrillic
letters are Russian, Hangul Korean, Han (without Hangul) Chinese, Latin English. Counting
letters is a few string operations, so the English hot path stays cheap. Only when two
scripts are about equally present ("сколько в Dalian", "忠诚资金 loyalty money") is the
text ambiguous: then the letters of the non-Latin script win, as a Russian or Chinese
writer quotes English names, not the other way round. A statistical detector
(lingua-language-detector, restricted to these four) was measured and not adopted: it
cannot tell Russian from English in Latin transliteration ("sahalin kvota skolko" ->
English), which is the one case script alone gets wrong too (tests/questions/README.md).
"""

from __future__ import annotations

from db.kinds import Language

__all__ = ["Language", "detect", "script_of"]


def script_of(char: str) -> Language | None:
    """The language a letter's script points to; None for digits, marks and symbols."""
    point = ord(char)
    if point < 0x80:
        return Language.EN if char.isalpha() else None
    if 0x0400 <= point <= 0x052F or 0x1C80 <= point <= 0x1C8F:
        return Language.RU
    if (
        0xAC00 <= point <= 0xD7A3
        or 0x1100 <= point <= 0x11FF
        or 0x3130 <= point <= 0x318F
        or 0xA960 <= point <= 0xA97F
        or 0xD7B0 <= point <= 0xD7FF
    ):
        return Language.KO
    if (
        0x4E00 <= point <= 0x9FFF
        or 0x3400 <= point <= 0x4DBF
        or 0xF900 <= point <= 0xFAFF
        or 0x20000 <= point <= 0x2FA1F
    ):
        return Language.ZH
    if char.isalpha() and char < "\u0250":
        return Language.EN  # Latin with accents
    return None


def detect(text: str) -> Language:
    """The language of ``text`` by its letters; English when it has none of the others."""
    if text.isascii():
        return Language.EN  # the common case: no scan of each character
    counts = {Language.RU: 0, Language.ZH: 0, Language.KO: 0}
    for char in text:
        script = script_of(char)
        if script is not None and script is not Language.EN:
            counts[script] += 1
    if not any(counts.values()):
        return Language.EN
    # A Han character carries about a word, a Cyrillic or Hangul one about a letter.
    weighted = {
        Language.RU: counts[Language.RU],
        Language.KO: counts[Language.KO] * 2,
        Language.ZH: counts[Language.ZH] * 3,
    }
    return max(weighted, key=lambda language: weighted[language])
