"""Figures as people read them, formatted with Babel (locale-aware from the start)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, get_currency_name

LOCALE = "en"


@lru_cache(maxsize=256)
def currency_name(code: str, plural: bool = True, locale: str = LOCALE) -> str:
    try:
        return str(get_currency_name(code, count=2 if plural else 1, locale=locale))
    except Exception:  # an unknown code: show the code itself rather than fail
        return code


@lru_cache(maxsize=4096)  # Babel's formatting is slow; equal amounts format alike
def money(amount: Decimal, currency: str, locale: str = LOCALE) -> str:
    """62000 RUB -> "62,000 rubles (RUB)"; the ISO code removes any doubt."""
    number = format_decimal(amount.normalize(), locale=locale, decimal_quantization=False)
    name = currency_name(currency, plural=amount != 1, locale=locale)
    # Babel's English names are "Russian rubles", "Chinese yuan": keep them short.
    short = name.split(" ", 1)[1] if name.startswith(("Russian ", "Chinese ")) else name
    return f"{number} {short} ({currency})"


@lru_cache(maxsize=4096)
def usd(amount: Decimal, locale: str = LOCALE) -> str:
    quantized = amount.normalize()
    digits = 0 if quantized == quantized.to_integral_value() else 2
    return str(
        format_currency(
            amount,
            "USD",
            locale=locale,
            format="¤#,##0" if digits == 0 else "¤#,##0.00",
            currency_digits=False,
        )
    )


def day(value: dt.datetime | dt.date, locale: str = LOCALE) -> str:
    return str(format_date(value, format="d MMMM y", locale=locale))


_PRECISION_FORMATS = {"year": "y", "month": "MMMM y"}


def reported_date(value: dt.date, precision: str | None, locale: str = LOCALE) -> str:
    """A date only as precisely as the report gave it: "2020", "October 2020" or a day."""
    pattern = _PRECISION_FORMATS.get(precision or "day", "d MMMM y")
    return str(format_date(value, format=pattern, locale=locale))


@lru_cache(maxsize=1)
def warm_up() -> None:
    """Babel loads its locale data and parses patterns on first use (tens of ms):
    done while the engine is built, off the event loop, not on a user's question."""
    usd(Decimal("1.5"))
    usd(Decimal(2))
    money(Decimal(2), "USD")
    day(dt.date(2000, 1, 1))


def spelled(number: int) -> str:
    """Small counts in words ("two"), larger ones in digits."""
    words = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return words[number] if 0 <= number < len(words) else f"{number:,}"
