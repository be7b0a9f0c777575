"""Money amounts in running text: "62,000 rubles (nearly $730)" -> 62000 RUB, $730 approx.

Currency names and symbols come from CLDR through Babel (the English display names,
singular and plural, and the symbols of a few English locales); the bare words reports
use that CLDR lacks ("rubles", "yuan") are data in money.json. Numbers are read with
Babel's ``parse_decimal``. A dollar figure in brackets right after an amount in another
currency is that amount's conversion, not a figure of its own.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.numbers import NumberFormatError, get_currency_name, get_currency_symbol, parse_decimal

DATA = Path(__file__).with_name("money.json")
# English locales whose symbols differ ("US$" in en_CA, "CN¥" in en): all are read.
SYMBOL_LOCALES = ("en", "en_CA", "en_AU", "en_GB")
# The currencies whose names and symbols are read (enough for the reports we see; any
# ISO code written as such is read too).
NAMED_CURRENCIES = ("RUB", "CNY", "USD", "EUR", "KPW", "KRW", "JPY", "GBP")

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@dataclass(frozen=True, slots=True)
class MoneyMention:
    """One amount as the text gives it (the interface helper C1's money.py has too).

    ``usd`` is the text's own dollar figure: the amount itself when it is in dollars,
    else the conversion given beside it ("12,000 yuan (US$1,788)"), else None.
    ``span`` is where the whole mention (conversion included) sits in the text. This
    reader gives no ranges (``amount_high``) nor period and basis words: /ingest's
    reader looks for those around the figure itself.
    """

    amount: Decimal
    amount_high: Decimal | None
    currency: str  # ISO 4217
    usd: Decimal | None
    span: tuple[int, int]
    usd_high: Decimal | None = None
    # "nearly $730": the text itself says the figure is approximate.
    approx: bool = False
    usd_approx: bool = False
    period: str | None = None
    basis: str | None = None


@dataclass(frozen=True)
class _Tables:
    words: dict[str, str]  # lower-case name -> code
    symbols: dict[str, str]  # symbol as written -> code
    approximate: tuple[str, ...]
    scales: dict[str, Decimal]
    pattern: re.Pattern[str]


def _alternation(items: list[str]) -> str:
    return "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    words: dict[str, str] = {}
    english = Locale.parse("en")
    for code in NAMED_CURRENCIES:
        for count in (1, 2):
            words[str(get_currency_name(code, count, english)).casefold()] = code
    words.update({word.casefold(): code for word, code in data["words"].items()})
    symbols: dict[str, str] = {}
    for locale in SYMBOL_LOCALES:
        for code in NAMED_CURRENCIES:
            symbol = str(get_currency_symbol(code, locale))
            if symbol != code and not symbol.isalpha():
                symbols.setdefault(symbol, code)
    symbols.update(data["symbols"])
    codes = [str(code) for code in english.currencies if len(str(code)) == 3]
    scales = {word: Decimal(value) for word, value in data["scales"].items()}
    approximate = tuple(data["approximate"])
    scale = rf"(?:\s+(?P<scale>{_alternation(list(scales))}))?"
    scale2 = scale.replace("<scale>", "<scale2>")
    forms = (
        rf"(?P<symbol>{_alternation(list(symbols))})\s?(?P<n1>{NUMBER}){scale}"
        rf"|(?-i:(?P<code1>{'|'.join(codes)}))\s(?P<n2>{NUMBER}){scale2}"
        rf"|(?P<n3>{NUMBER}){scale.replace('<scale>', '<scale3>')}"
        rf"\s(?P<word>{_alternation(list(words))}|(?-i:{'|'.join(codes)}))\b"
    )
    approx = rf"(?:(?P<approx>{_alternation(list(approximate))})\s*)?"
    pattern = re.compile(rf"(?<![\w.,]){approx}(?:{forms})", re.IGNORECASE)
    return _Tables(words, symbols, approximate, scales, pattern)


def _read(match: re.Match[str], tables: _Tables) -> tuple[Decimal, str, bool] | None:
    groups = match.groupdict()
    number = groups["n1"] or groups["n2"] or groups["n3"]
    try:
        amount = parse_decimal(number, locale="en", strict=True)
    except NumberFormatError:
        return None
    scale = groups["scale"] or groups["scale2"] or groups["scale3"]
    if scale:
        amount *= tables.scales[scale.casefold()]
    if groups["symbol"]:
        symbol = next(s for s in tables.symbols if s.casefold() == groups["symbol"].casefold())
        code = tables.symbols[symbol]
    elif groups["code1"]:
        code = groups["code1"].upper()
    else:
        # A currency word or an upper-case ISO code (the pattern takes nothing else).
        word = groups["word"]
        code = tables.words.get(word.casefold(), word.upper())
    approx = bool(groups["approx"])
    return amount, code, approx


def find_money(text: str) -> list[MoneyMention]:
    """Every money amount in ``text``, in order; conversions folded into their amount."""
    tables = _tables()
    found: list[tuple[re.Match[str], Decimal, str, bool]] = []
    for match in tables.pattern.finditer(text):
        read = _read(match, tables)
        if read is not None:
            found.append((match, *read))
    mentions: list[MoneyMention] = []
    index = 0
    while index < len(found):
        match, amount, code, approx = found[index]
        start, end = match.start(), match.end()
        usd: Decimal | None = amount if code == "USD" else None
        usd_approx = approx if code == "USD" else False
        if index + 1 < len(found) and code != "USD":
            following, f_amount, f_code, f_approx = found[index + 1]
            between = text[end : following.start()]
            if f_code == "USD" and re.fullmatch(r"\s*\(\s*(?:or\s+|US\s*)?", between):
                closing = re.match(r"\s*\)", text[following.end() :])
                if closing is not None:
                    usd, usd_approx = f_amount, f_approx
                    end = following.end() + closing.end()
                    index += 1
        mentions.append(
            MoneyMention(
                amount=amount,
                amount_high=None,
                currency=code,
                usd=usd,
                span=(start, end),
                approx=approx,
                usd_approx=usd_approx,
            )
        )
        index += 1
    return mentions
