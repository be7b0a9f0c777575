"""Figures typed in a question: amounts ("62k", "200 000"), dates ("march 15"), a span
("two years", "half a year") and a number of workers ("10 workers", "5 ppl").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import islice
from typing import Any

from bot.engine.vocabulary import Vocabulary

# Figures and dates read from one part of a message (a wall of digits is not 1,000 claims).
MAX_FIGURES = 8

# "in the 90s", "the 1990's": a decade, no amount.
_DECADE = r"(?!\d*['’]?s\b)"
_SCALE = r"\s*(k\b|thousand\b|m\b|mn\b|mln\b|million\b)?"
# "30 000 a month" typed in English by someone used to spaces: grouped only when nothing
# but a space and three digits follows ("March 10 124,000" stays two figures).
_FIGURE = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+|\d{1,3}(?: \d{3})+(?![\d,.])|\d+)"
    r"(?:\.(\d+))?" + _DECADE + _SCALE
)
# Russian, Chinese and Korean writers group thousands with a plain space ("200 000"); in
# English "March 10 124,000" is two figures, so plain spaces group only in those scripts.
_FIGURE_SPACED = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[ ,\u00a0\u202f\u2009]\d{3})+|\d+)(?:\.(\d+))?" + _DECADE + _SCALE
)
_SCALES = {"k": 1000, "thousand": 1000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000}
_SCALES["million"] = 1_000_000
# "a million rubles", "one million": a scale word with no digits.
_WORD_SCALE = re.compile(r"\b(?:a|one)\s+(million|thousand)\b")
_DIGIT = re.compile(r"\d")  # what _DATE, _MONTH_DAYS, _FIGURE and _FIGURE_SPACED all need
_NON_LATIN = re.compile(r"[\u0400-\u04ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_DATE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{1,2})(?:st|nd|rd|th)?\b")
# "it went up in april": a month with no day ("may" only after "in", being also a verb).
_MONTH_ONLY = re.compile(
    r"\b(?:in|since|from|by|on|during|early|late|mid)\s+(" + "|".join(_MONTHS) + r")\b(?!\s+\d)"
)
# "five years ago", "two years back": a point in the past, not a span to total over.
_DURATION = re.compile(
    r"\b(\d+|one|two|three|four|five|six|a)\s*(years?|yrs?|months?)\b"
    r"(?!\s+(?:ago|back|earlier)\b)"
)
_HALF_YEAR = re.compile(r"\b(?:half a year|half-year|half year|six-month|6-month)\b")
# "thirty days to a month": a month's length in words, as its digits.
_MONTH_DAY_WORDS = {
    "twenty-eight": "28", "twenty eight": "28", "twenty-nine": "29", "twenty nine": "29",
    "thirty-one": "31", "thirty one": "31", "thirty": "30",
}  # fmt: skip
_DAY_WORD = re.compile(r"\b(" + "|".join(_MONTH_DAY_WORDS) + r")(?=[\s-]*days?\b)")
_MONTH_DAYS = re.compile(
    r"\b(?:assum\w*|with|using|say|if|figure|figuring|count|counting)\s+(?:a\s+)?(2[89]|3[01])"
    r"[\s-]*days?\b|"
    r"\b(2[89]|3[01])[\s-]*days?\s+(?:a|per|in\s+a|each|to\s+a|to\s+the)\s+month\b|"
    r"\b(2[89]|3[01])(?:-|\s+)day\s+months?\b"
)
# "365 days", "a 7-day week": a figure followed by "day(s)" counts days.
_DAYS_AFTER = re.compile(r"[\s-]*days?\b")
_QUARTER = re.compile(r"\b(?:quarterly|(?:per|a|each|every|one|the) quarter|three-month|3-month)\b")


_UNIT_WORDS = (
    # a currency word after the figure makes it an amount: "3400 bucks for workers"
    r"(?:years?|yrs?|months?|mos?|weeks?|days?|hours?|rubles?|roubles?|rub|rubs|yuan|rmb|cny|"
    r"renminbi|dollars?|usd|bucks|euros?|eur|won|krw|quid|pounds?|"
    r"k|thousand|million|percent|times|per|a|an|in|on|at)"
)
_PEOPLE = (
    r"(?:workers?|ppl|people|persons?|guys|men|women|employees|laborers?|labourers?|folks|"
    r"koreans|north koreans|nks|nk workers|staff|lads)"
)
# "10 workers", "5 ppl", "ten dalian workers", "a crew of 20 workers": how many are counted.
_HEADCOUNT = re.compile(
    r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d{1,6}|two|three|four|five|six|seven|eight|nine|ten|twenty|"
    r"fifty|hundred)\s+(?:(?!" + _UNIT_WORDS + r"\b)[a-z]+\s+){0,2}" + _PEOPLE + r"\b"
)
# "a crew of 10", "a team of five": a head count with no people noun after it.
_CREW = re.compile(
    r"\b(?:crew|team|group|gang|brigade|squad|unit)\s+of\s+(\d{1,5}|two|three|four|five|six|"
    r"seven|eight|nine|ten|twenty|fifty|hundred)\b"
)
# "if there are about 120 of them": a head count of the people already spoken of.
_OF_THEM = re.compile(
    r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d{1,6}|two|three|four|five|six|seven|eight|nine|ten|"
    r"twenty|fifty|hundred)\s+of\s+(?:them|those|the workers)\b"
)
# "100% verified": a share, not an amount.
_PERCENT_AFTER = re.compile(r"\s*(?:%|percent\b|per cent\b)")
_COUNT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twenty": 20, "fifty": 50, "hundred": 100,
}  # fmt: skip


# "i make 900 dollars", "my wage is 60000 rubles", "i drive a truck for 50k": the asker's own
# figure, a premise to compare with, not a claimed quota to refute. Not "my cousin pays
# 90,000" nor "i heard the quota is 90,000": a word of the report's figures in between.
_OWN = re.compile(
    r"\b(?:my\s+(?:own\s+|monthly\s+|yearly\s+|annual\s+)?(?:wage|wages|salary|pay|paycheck|"
    r"income|earnings|rent)|i\s+(?:make|earn|get paid|am paid|get|take home|bring home|drive|"
    r"work)|(?:i'm|im)\s+(?:paid|on|making|earning)"
    # "if a sakhalin worker earns 200000 rubles": a supposed wage, not a claimed quota
    r"|(?:if|say|suppose|assuming)\b(?:\s+\w+){0,4}\s+(?:earns?|makes?|gets?\s+paid|is\s+paid|"
    r"takes?\s+home))\b"
)
_NOT_OWN = re.compile(r"\b(?:quotas?|owe|owes|they|them|their|workers?|report|article|it|he|she)\b")
OWN_REACH = 60
_CURRENCY_AFTER = re.compile(
    r"\s*(?:k\b|thousand\b)?\s*(rubles?|roubles?|rub\b|yuan|rmb|cny|dollars?|usd|bucks)\b"
)
_CURRENCY_CODES = {"rub": "RUB", "rou": "RUB", "yua": "CNY", "rmb": "CNY", "cny": "CNY"}


_OWN_PAY = re.compile(r"\bmy\s+(?:\w+\s+)?(?:wage|wages|salary|pay|paycheck|income|earnings)\b")


def mentions_own_pay(text: str) -> bool:
    """ "more than my whole salary": the pay named is the asker's."""
    return _OWN_PAY.search(text) is not None


def _own_currency(text: str, start: int, end: int) -> str | None:
    """The currency typed with a figure ("900 dollars", "$900", "60000 rubles")."""
    if text[max(0, start - 1) : start] == "$":
        return "USD"
    found = _CURRENCY_AFTER.match(text, end)
    if found is None:
        return None
    return _CURRENCY_CODES.get(found.group(1)[:3], "USD")


def _is_own(text: str, start: int) -> bool:
    before = text[max(0, start - OWN_REACH) : start]
    cues = list(_OWN.finditer(before))
    return bool(cues) and not _NOT_OWN.search(before, cues[-1].end())


@dataclass(frozen=True)
class OwnFigure:
    """A figure the asker gives as their own (pay, rent), with the currency typed."""

    amount: Decimal
    currency: str | None


@dataclass
class Typed:
    """What one part of a message types: dates, figures, a span and a head count."""

    dates: list[str] = field(default_factory=list)
    figures: list[Decimal] = field(default_factory=list)
    months: int | None = None
    headcount: int | None = None
    own: list[OwnFigure] = field(default_factory=list)
    # "assume 30 days", "a 30-day month": the month length the asker wants a day figure from.
    days_in_month: int | None = None
    # "365 days", "over 10 days": a count of days to work a daily figure over, not an amount.
    days: int | None = None
    # "over 60,000", "under 200k": figures typed as a bound, not as the amount.
    at_least: list[Decimal] = field(default_factory=list)
    at_most: list[Decimal] = field(default_factory=list)


def _bound_before(text: str, start: int, words: tuple[str, ...]) -> bool:
    before = _BOUND_FILLER.sub("", text[max(0, start - 40) : start]).rstrip()
    return any(before == w or before.endswith(" " + w) for w in words)


# "over like 60k", "more than $3,000", "more than ~3000": words between a bound and its figure.
_BOUND_FILLER = re.compile(r"(?:\s+(?:like|about|around|roughly|some)|\s*[$~≈])+\s*$")


def read_figures(text: str, vocabulary: Vocabulary) -> Typed:
    """Dates, figures, a span of months and a number of workers typed in one part."""
    result = Typed()
    # Dates, figures and a month's days are written with digits: a part without any (most
    # questions) skips their patterns.
    has_digit = _DIGIT.search(text) is not None
    dates = list(islice(_DATE.finditer(text), MAX_FIGURES)) if has_digit else []
    for match in dates:
        _add(result.dates, f"{match.group(1).capitalize()} {int(match.group(2))}")
    for match in islice(_MONTH_ONLY.finditer(text), MAX_FIGURES):
        _add(result.dates, match.group(1).capitalize())
    dated = {m.group(2) for m in dates}
    counted = _HEADCOUNT.search(text) or _CREW.search(text) or _OF_THEM.search(text)
    if counted is not None:
        word = counted.group(1)
        digits = word.replace(",", "")
        result.headcount = int(digits) if digits.isdigit() else _COUNT_WORDS[word]
    if "day" in text and _DAY_WORD.search(text):
        text = _DAY_WORD.sub(lambda m: _MONTH_DAY_WORDS[m.group(1)], text)
        has_digit = True
    month_days = _MONTH_DAYS.search(text) if has_digit else None
    if month_days is not None:
        result.days_in_month = int(next(g for g in month_days.groups() if g))
    figures = _FIGURE_SPACED if _NON_LATIN.search(text) else _FIGURE
    for match in islice(figures.finditer(text), MAX_FIGURES) if has_digit else ():
        whole, fraction, thousands = match.group(1), match.group(2), match.group(3)
        if whole in dated or _PERCENT_AFTER.match(text, match.end()):
            continue
        if month_days is not None and whole == str(result.days_in_month):
            continue  # "assume 30 days": a month's length, not an amount
        counts_days = bool(_DAYS_AFTER.match(text, match.end())) and not thousands
        if counts_days and whole.isdigit() and 0 < int(whole) <= 366:
            result.days = result.days or int(whole)
            continue  # "365 days": a count of days, not an amount
        if counted is not None and match.start() == counted.start(1) and not thousands:
            continue  # "10 workers": a head count, not an amount
        digits = re.sub(r"\D", "", whole)
        try:
            value = Decimal(digits + (f".{fraction}" if fraction else ""))
        except InvalidOperation:
            continue
        if thousands:
            value *= _SCALES[thousands]
        if _is_own(text, match.start()):
            currency = _own_currency(text, match.start(), match.end())
            _add(result.own, OwnFigure(value, currency))
            continue
        _add(result.figures, value)
        if _bound_before(text, match.start(), vocabulary.at_least_words) or text.startswith(
            "+", match.end()
        ):
            _add(result.at_least, value)
        elif _bound_before(text, match.start(), vocabulary.at_most_words):
            _add(result.at_most, value)
    for match in islice(_WORD_SCALE.finditer(text), MAX_FIGURES):
        _add(result.figures, Decimal(_SCALES[match.group(1)]))
    numbers = vocabulary.number_words
    if _HALF_YEAR.search(text):
        result.months = 6
    elif _QUARTER.search(text):
        result.months = 3
    for match in _DURATION.finditer(text):
        count_word, unit = match.group(1), match.group(2)
        count = int(count_word) if count_word.isdigit() else numbers.get(count_word, 1)
        if count > 1:  # "a year" is a rate (per year), "two years" a span
            result.months = count * (12 if unit.startswith(("year", "yr")) else 1)
    return result


def _add(target: list[Any], value: object) -> None:
    if value not in target:
        target.append(value)


# "6000/12", "650 x 12", "450,000 ÷ 3": the asker's own arithmetic on a figure.
_OPERAND = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*(?:/|÷|×|\*|x(?=\s*\d))\s*\d")


def operands(text: str) -> frozenset[Decimal]:
    """Figures the message works on ("dushanbe per month then? 6000/12"): a figure the
    asker divides or multiplies is an operand of their own sum, not one they assert."""
    return frozenset(Decimal(m.group(1).replace(",", "")) for m in _OPERAND.finditer(text))
