"""Figures written with scale words or numerals in Russian, Chinese and Korean, written out
in digits before the figure reader sees them: "62 тыс." / "62 тыщи" -> 62000, "12万4千" /
"12만 4천" -> 124000, "6万2" (spoken: 6.2 万) -> 62000, "三千四" / "六万二千" -> 3400 / 62000.

The scale words and numerals are data (vocabulary/<lang>.json "scales", "numerals").
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

from db.textfold import fold


def scaled_pattern(scales: dict[str, int]) -> re.Pattern[str] | None:
    """One figure written as digits and scale words: "124 тыс", "6万2千", "12만 4천", "6万2"."""
    if not scales:
        return None
    # A one-letter scale word that is also a preposition ("62к", not "62000 к 730": "to")
    # is no scale before another figure; CJK scale characters ("6万2") have no case.
    words = "|".join(
        re.escape(fold(w)) + (r"(?!\s*\d)" if len(w) == 1 and w.lower() != w.upper() else "")
        for w in sorted(scales, key=len, reverse=True)
    )
    one = rf"\d+(?:[.,]\d+)?\s*(?:{words})"
    # A bare number right after the last scale word is its next unit down ("6万2", "3千4").
    return re.compile(rf"(?<![\d.,])((?:{one}\s*)*{one})(\d+(?![\d.,]))?(?![а-яё])")


def _parts(scales: dict[str, int]) -> re.Pattern[str]:
    words = "|".join(re.escape(fold(w)) for w in sorted(scales, key=len, reverse=True))
    return re.compile(rf"(\d+)(?:[.,](\d+))?\s*({words})")


def scaled_value(match: re.Match[str], scales: dict[str, int]) -> Decimal:
    """The value of a ``scaled_pattern`` match."""
    total = Decimal(0)
    last = 1
    for part in _parts(scales).finditer(match.group(1)):
        whole, fraction, word = part.group(1), part.group(2) or "", part.group(3)
        last = scales[word]
        total += Decimal(f"{whole}.{fraction}" if fraction else whole) * last
    trailing = match.group(2)
    if trailing:
        total += Decimal(trailing) * last / Decimal(10) ** len(trailing)
    return total


def numeral_pattern(numerals: dict[str, int]) -> re.Pattern[str] | None:
    """A number in numerals with a scale in it ("三千四", "十二万四千"): it begins with a
    digit numeral, so "百分之" and "万一" are no figures."""
    digits = "".join(re.escape(c) for c, v in numerals.items() if v < 10 or v == 10)
    scales = "".join(re.escape(c) for c, v in numerals.items() if v >= 100)
    if not digits or not scales:
        return None
    every = digits + scales
    return re.compile(rf"[{digits}][{every}]*[{scales}][{every}]*")


def numeral_value(text: str, numerals: dict[str, int]) -> int:
    """The value of numerals such as "十二万四千" (124000) or "六万二" (spoken: 62000)."""
    total = section = number = 0
    previous = 0  # the unit of the last scale numeral read
    for char in text:
        value = numerals[char]
        if value < 10:
            number = value
            continue
        if value >= 10_000:
            total += (section + number) * value
            section = number = 0
        else:
            section += (number or 1) * value
            number = 0
        previous = value
    if number and previous and text[-2:-1] and numerals[text[-2]] == previous:
        return total + section + number * previous // 10  # "六万二": 2 of the next unit
    return total + section + number


def month_numbers(locale: str) -> dict[str, int]:
    """CLDR's month names in a language, every form ("марта", "мар", "март") -> 1..12."""
    import babel

    months = babel.Locale.parse(locale).months
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in months[context][width].items():
                names[fold(str(name)).rstrip(".")] = int(number)
    return names


_ENGLISH_MONTHS = (
    "january february march april may june july august september october november december"
).split()


def english_date(match: re.Match[str], months: dict[str, int]) -> str:
    """A date written the language's way ("5 марта", "3月5日", "3월 5일") as the English
    figure reader reads it ("march 5"); unchanged when the month is no month."""
    month = match.group("month")
    number = int(month) if month.isdigit() else months.get(month.rstrip("."), 0)
    day = int(match.group("day"))
    if not 1 <= number <= 12 or not 1 <= day <= 31:
        return match.group()
    return f" {_ENGLISH_MONTHS[number - 1]} {day} "


def quarter_words(language: str, folder: Path) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The language's words for a quarter (vocabulary/period_asks.json: "за квартал",
    "一个季度", "분기"), read as English's "a quarter" (three months, figures.py), so a sum
    over a quarter is asked in any language as it is in English."""
    data = json.loads((folder / "period_asks.json").read_text(encoding="utf-8"))
    words = sorted(data.get(language, {}).get("quarter", ()), key=len, reverse=True)
    if not words:
        return ()
    return ((re.compile("|".join(re.escape(fold(w)) for w in words)), " a quarter "),)
