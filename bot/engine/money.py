"""Money amounts and shares in free text: "12,000 yuan (US$1,788)", "between $300 and
$1,000 a month", "70 to 90 percent of their pay".

Plain Python over Babel's CLDR data: currencies by ISO code ("CNY"), symbol ("$",
"US$", "CN¥", "€") or name ("Chinese yuan", "Russian rubles"); numbers parsed by Babel
("12,000", "1.5 million" with CLDR's number words). The few words CLDR leaves ambiguous
("rubles": RUB or BYN) and the phrases around a figure (approximately, a month, per
household) are data: vocabulary/money_en.json. Used by the editors' fact check (a fact
whose text holds a figure) and by /ingest's drafts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import babel
import babel.numbers

DATA = Path(__file__).with_name("vocabulary") / "money_en.json"
# English locales whose CLDR symbols people write: "$" (en) and "US$" (en_001).
_SYMBOL_LOCALES = ("en", "en_001")
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# How far after a figure its period and basis are looked for ("…, a month, per person").
_TAIL = 60


@dataclass(frozen=True, slots=True)
class MoneyMention:
    """One amount, or range of amounts, of one currency, as the text gives it.

    ``usd`` is the text's own dollar figure: the amount itself when it is in dollars,
    else the conversion given beside it ("12,000 yuan (US$1,788)"), else None.
    ``span`` is where the whole mention (conversion included) sits in the text.
    """

    amount: Decimal
    amount_high: Decimal | None
    currency: str
    usd: Decimal | None
    span: tuple[int, int]
    usd_high: Decimal | None = None
    # "nearly $730": the text itself says the figure is approximate.
    approx: bool = False
    usd_approx: bool = False
    # db.kinds.Period and db.kinds.Basis values, when words right after the figure say so.
    period: str | None = None
    basis: str | None = None
    # The word that opened a range ("between", "from"): "from 31,000 to 62,000 rubles"
    # may be a change rather than a range, which only the sentence can tell.
    opener: str | None = None


@dataclass(frozen=True, slots=True)
class ShareMention:
    """A percentage or a range of them: "70 to 90 percent of their pay"."""

    low: Decimal
    high: Decimal | None
    of: str | None
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Words:
    currencies: dict[str, str]  # folded name, symbol or code -> ISO code
    number: re.Pattern[str]
    prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    approx: re.Pattern[str]
    opener: re.Pattern[str]
    joiner: re.Pattern[str]
    conversion_gap: re.Pattern[str]
    periods: dict[str, str]
    bases: dict[str, str]
    tail: re.Pattern[str]
    share: re.Pattern[str]
    scales: dict[str, int]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


def _scales(locale: babel.Locale) -> dict[str, int]:
    """CLDR's long compact number words: {"thousand": 1000, "million": 10**6, ...}."""
    scales: dict[str, int] = {}
    for patterns in locale.compact_decimal_formats["long"].values():
        for magnitude, pattern in patterns.items():
            text = str(getattr(pattern, "pattern", pattern))
            word = text.replace("0", "").strip().casefold()
            if word.isalpha():
                scales.setdefault(word, int(magnitude) // 10 ** (text.count("0") - 1))
    return scales


@lru_cache(maxsize=1)
def _words() -> _Words:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    english = babel.Locale.parse("en")
    names: dict[str, str] = {}
    symbols: dict[str, str] = {}
    codes = [str(code) for code in english.currencies]
    codes = [code for code in codes if len(code) == 3 and code.isalpha()]
    for code in codes:
        for count in (1, 2):
            names[babel.numbers.get_currency_name(code, count, "en").casefold()] = code
        names[str(english.currencies[code]).casefold()] = code
        for locale in _SYMBOL_LOCALES:
            symbol = babel.numbers.get_currency_symbol(code, locale)
            if symbol != code and not symbol.isalpha():
                symbols.setdefault(symbol, code)
    # Historical currencies ("Russian ruble (1991–1998)") are not what a report means.
    names = {name: code for name, code in names.items() if "(" not in name}
    names.update({word.casefold(): code for word, code in data["bare_currencies"].items()})
    currencies = {
        **names,
        **{symbol.casefold(): code for symbol, code in symbols.items()},
        **{code.casefold(): code for code in codes},
    }
    # Codes in capitals only: "ALL" (the lek) and "TOP" are words too.
    code_words = f"(?-i:{_alternation(codes)})"
    scales = _scales(english)
    # Numbers are found first; the (long) currency alternations are then tried only right
    # before and after each number, not at every position of the text.
    number = re.compile(
        rf"(?P<num>{_NUMBER})(?:\s(?P<scale>{_alternation(list(scales))})\b)?", re.IGNORECASE
    )
    prefix = re.compile(
        rf"(?P<pre>{_alternation(list(symbols))}|\b{code_words})\s?$", re.IGNORECASE
    )
    suffix = re.compile(
        rf"\s?(?P<post>\b(?:{_alternation(list(names))}|{code_words})\b)", re.IGNORECASE
    )
    approx = _alternation(data["approximately"])
    percent = _alternation(data["percent_words"])
    return _Words(
        currencies=currencies,
        number=number,
        prefix=prefix,
        suffix=suffix,
        approx=re.compile(rf"(?:^|\W)(?:{approx})\s*$", re.IGNORECASE),
        opener=re.compile(rf"\b(?P<word>{_alternation(data['range_openers'])})\s*$", re.IGNORECASE),
        joiner=re.compile(rf"\s*(?:{_alternation(data['range_joiners'])})\s*", re.IGNORECASE),
        conversion_gap=re.compile(
            rf"\s*[(,]?\s*(?:(?:{_alternation(data['conversion_openers'])})\s+)?"
            rf"(?:(?P<approx>{approx})\s+)?",
            re.IGNORECASE,
        ),
        periods={k.casefold(): v for k, v in data["periods"].items()},
        bases={k.casefold(): v for k, v in data["bases"].items()},
        tail=re.compile(
            rf"[\s,]*(?P<phrase>{_alternation([*data['periods'], *data['bases']])})\b",
            re.IGNORECASE,
        ),
        share=re.compile(
            rf"(?P<low>{_NUMBER})\s*(?:{percent})?\s*(?:(?:to|-|–)\s*(?P<high>{_NUMBER}))?"
            rf"\s*(?:{percent})(?:\s+of\s+(?P<of>[^\W\d][\w'’ -]{{0,40}}?))?(?=[.,;:)!?]|$)",
            re.IGNORECASE,
        ),
        scales=scales,
    )


@dataclass
class _Token:
    start: int
    end: int
    value: Decimal
    currency: str | None
    opener: str | None = None


# The longest currency symbol or code written before a number, with its space ("F CFA ").
_PREFIX_REACH = 8


def _tokens(text: str, words: _Words) -> list[_Token]:
    tokens: list[_Token] = []
    for match in words.number.finditer(text):
        start, end = match.span()
        pre = words.prefix.search(text, max(0, start - _PREFIX_REACH), start)
        if pre is not None:
            start = pre.start()
        before = text[start - 1] if start else ""
        if before.isalnum() or before == ".":
            continue  # the tail of another number or word ("A4", "1.5.2")
        value = babel.numbers.parse_decimal(match["num"], locale="en", strict=False)
        if match["scale"]:
            value *= words.scales[match["scale"].casefold()]
        if value == value.to_integral_value():
            value = value.quantize(Decimal(1))  # "1.5 million" is 1500000, not 1500000.0
        currency = None
        post = words.suffix.match(text, end)
        if post is not None:
            end = post.end()
        for part in (pre and pre["pre"], post and post["post"]):
            if part:
                currency = words.currencies.get(part.strip().casefold()) or currency
        tokens.append(_Token(start, end, value, currency))
    return tokens


def _ranges(text: str, tokens: list[_Token], words: _Words) -> list[tuple[_Token, _Token | None]]:
    """Pairs "300 to 1,000 yuan" and "between $300 and $1,000"; lone tokens stay alone."""
    out: list[tuple[_Token, _Token | None]] = []
    for token in tokens:
        opened = words.opener.search(text[max(0, token.start - 12) : token.start])
        token.opener = opened["word"].casefold() if opened else None
    i = 0
    while i < len(tokens):
        low = tokens[i]
        if i + 1 < len(tokens):
            high = tokens[i + 1]
            gap = text[low.end : high.start]
            joined = words.joiner.fullmatch(gap)
            is_and = joined is not None and gap.strip().casefold() == "and"
            same = low.currency in (None, high.currency)
            if joined and same and high.value > low.value and (low.opener or not is_and):
                low.currency = high.currency
                out.append((low, high))
                i += 2
                continue
        out.append((low, None))
        i += 1
    return out


def find_money(text: str) -> list[MoneyMention]:
    """Every money amount in ``text`` with a currency, in order; dollar conversions given
    beside an amount ("(US$1,788)", "or about $470") become its ``usd``, not mentions."""
    words = _words()
    pairs = [pair for pair in _ranges(text, _tokens(text, words), words) if pair[0].currency]
    mentions: list[MoneyMention] = []
    i = 0
    while i < len(pairs):
        low, high = pairs[i]
        end = (high or low).end
        usd = usd_high = None
        usd_approx = False
        currency = str(low.currency)
        if currency == "USD":
            usd, usd_high = low.value, high.value if high else None
        elif i + 1 < len(pairs) and pairs[i + 1][0].currency == "USD":
            conversion_low, conversion_high = pairs[i + 1]
            gap = words.conversion_gap.fullmatch(text[end : conversion_low.start])
            if gap is not None:
                usd = conversion_low.value
                usd_high = conversion_high.value if conversion_high else None
                usd_approx = gap["approx"] is not None
                end = (conversion_high or conversion_low).end
                if text[end : end + 1] == ")":
                    end += 1
                i += 1
        approx = words.approx.search(text[max(0, low.start - 20) : low.start]) is not None
        if currency == "USD":
            usd_approx = approx
        period, basis = _tail(text[end : end + _TAIL], words)
        mentions.append(
            MoneyMention(
                amount=low.value,
                amount_high=high.value if high else None,
                currency=currency,
                usd=usd,
                span=(low.start, end),
                usd_high=usd_high,
                approx=approx,
                usd_approx=usd_approx,
                period=period,
                basis=basis,
                opener=low.opener if high else None,
            )
        )
        i += 1
    return mentions


def _tail(text: str, words: _Words) -> tuple[str | None, str | None]:
    """The period and basis said right after a figure, in either order."""
    period = basis = None
    position = 0
    for _ in range(2):
        match = words.tail.match(text, position)
        if match is None:
            break
        phrase = match["phrase"].casefold()
        if phrase in words.periods and period is None:
            period = words.periods[phrase]
        elif phrase in words.bases and basis is None:
            basis = words.bases[phrase]
        else:
            break
        position = match.end()
    return period, basis


def find_shares(text: str) -> list[ShareMention]:
    """Percentages: "70 to 90 percent of their pay", "30%"."""
    shares: list[ShareMention] = []
    for match in _words().share.finditer(text):
        low = Decimal(match["low"].replace(",", ""))
        high = Decimal(match["high"].replace(",", "")) if match["high"] else None
        of = match["of"].strip() if match["of"] else None
        shares.append(ShareMention(low, high, of, (match.start(), match.end())))
    return shares
