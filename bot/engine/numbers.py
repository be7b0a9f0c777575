"""Figures as people read them, formatted with Babel (CLDR) in the current answer's locale
(bot/engine/wording.py); English when no other language is being spoken."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_currency, format_decimal, get_currency_name

from bot.engine import wording

LOCALE = "en"


def _locale(locale: str | None) -> str:
    return locale if locale is not None else wording.locale()


def currency_name(
    code: str, plural: bool = True, locale: str | None = None, count: Decimal | None = None
) -> str:
    """CLDR's name of a currency; ``count`` picks the locale's plural form (Russian has
    three: 1 рубль, 2 рубля, 5 рублей)."""
    return _currency_name(code, plural, _locale(locale), count)


@lru_cache(maxsize=512)
def _currency_name(code: str, plural: bool, locale: str, count: Decimal | None) -> str:
    if count is None or locale == LOCALE:
        count = Decimal(2 if plural else 1)
    try:
        return str(get_currency_name(code, count=count, locale=locale))
    except Exception:  # an unknown code: show the code itself rather than fail
        return code


def money(amount: Decimal, currency: str, locale: str | None = None) -> str:
    """62000 RUB -> "62,000 rubles (RUB)"; the ISO code removes any doubt."""
    return _money(amount, currency, _locale(locale))


@lru_cache(maxsize=4096)  # Babel's formatting is slow; equal amounts format alike
def _money(amount: Decimal, currency: str, locale: str) -> str:
    number = format_decimal(amount.normalize(), locale=locale, decimal_quantization=False)
    if locale != LOCALE:
        name = _currency_name(currency, amount != 1, locale, amount.normalize())
        return f"{number} {name} ({currency})"
    name = _currency_name(currency, amount != 1, locale, None)
    # Babel's English names are "Russian rubles", "Chinese yuan": keep them short.
    short = name.split(" ", 1)[1] if name.startswith(("Russian ", "Chinese ")) else name
    return f"{number} {short} ({currency})"


def usd(amount: Decimal, locale: str | None = None) -> str:
    return _usd(amount, _locale(locale))


@lru_cache(maxsize=4096)
def _usd(amount: Decimal, locale: str) -> str:
    quantized = amount.normalize()
    digits = 0 if quantized == quantized.to_integral_value() else 2
    if locale != LOCALE:
        # The locale's own pattern ("730 $", "US$730"), with the digits the figure has.
        pattern = str(Locale.parse(locale).currency_formats["standard"].pattern)
        if digits == 0:
            pattern = pattern.replace(".00", "")
        return str(
            format_currency(amount, "USD", locale=locale, format=pattern, currency_digits=False)
        )
    return str(
        format_currency(
            amount,
            "USD",
            locale=locale,
            format="¤#,##0" if digits == 0 else "¤#,##0.00",
            currency_digits=False,
        )
    )


def day(value: dt.datetime | dt.date, locale: str | None = None) -> str:
    chosen = _locale(locale)
    if chosen == LOCALE:
        return str(format_date(value, format="d MMMM y", locale=chosen))
    # Other languages order a date their own way ("10 марта 2024 г.", "2024年3月10日").
    return str(format_date(value, format="long", locale=chosen))


_PRECISION_FORMATS = {"year": "y", "month": "MMMM y"}
# The same precisions as CLDR skeletons: each locale's own pattern for "a month and year".
_PRECISION_SKELETONS = {"year": "y", "month": "yMMMM", "day": "yMMMMd"}


def reported_date(value: dt.date, precision: str | None, locale: str | None = None) -> str:
    """A date only as precisely as the report gave it: "2020", "October 2020" or a day."""
    chosen = _locale(locale)
    if chosen != LOCALE:
        skeleton = _PRECISION_SKELETONS.get(precision or "day", "yMMMMd")
        return str(format_skeleton(skeleton, value, locale=chosen))
    pattern = _PRECISION_FORMATS.get(precision or "day", "d MMMM y")
    return str(format_date(value, format=pattern, locale=chosen))


def month_day(value: dt.date, locale: str | None = None) -> str:
    """A day without its year ("March 10", "10 марта", "3月10日"): the report gave none."""
    return str(format_skeleton("MMMMd", value, locale=_locale(locale)))


@lru_cache(maxsize=1)
def warm_up() -> None:
    """Babel loads its locale data and parses patterns on first use (tens of ms):
    done while the engine is built, off the event loop, not on a user's question."""
    usd(Decimal("1.5"))
    usd(Decimal(2))
    money(Decimal(2), "USD")
    day(dt.date(2000, 1, 1))


def number(value: int | Decimal, locale: str | None = None) -> str:
    """A plain figure in the locale's digits grouping ("62,000", "62 000")."""
    return str(format_decimal(value, locale=_locale(locale), decimal_quantization=False))


def spelled(number: int) -> str:
    """Small counts in words ("two") in English, larger ones (and every count in the other
    languages, whose words the catalogs do not spell) in digits."""
    if not wording.is_english():
        return str(format_decimal(number, locale=wording.locale()))
    words = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return words[number] if 0 <= number < len(words) else f"{number:,}"
