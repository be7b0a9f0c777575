"""Small pieces the honest answers put into their sentences, in the answer's language:
lists joined the language's way ("A or B", "A или B", "A或B", "A 또는 B"), a stored month
and day ("March 10") as the locale writes it, a currency by its CLDR name.

English keeps the joins the answers always used (" or ".join, no Oxford comma), so English
output is unchanged; the other languages take CLDR's list patterns through Babel.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import get_currency_name

from bot.engine import wording
from bot.engine.numbers import month_day
from bot.engine.wording import _

_ENGLISH_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_CODE = re.compile(r"\(([A-Z]{3})\)$")


def _joined(items: Sequence[str], english: str, style: Literal["standard", "or"]) -> str:
    if wording.is_english() or len(items) < 2:
        return english.join(items)
    return str(format_list(list(items), style=style, locale=wording.locale()))


def either(items: Sequence[str]) -> str:
    """ "Sakhalin or Dalian" in the answer's language."""
    return _joined(items, " or ", "or")


def both(items: Sequence[str]) -> str:
    """ "construction and seafood processing" in the answer's language."""
    return _joined(items, " and ", "standard")


def series(items: Sequence[str]) -> str:
    """Items listed one after another: ", " in English, the language's list otherwise."""
    return _joined(items, ", ", "standard")


def separately(items: Sequence[str]) -> str:
    """Names that may hold commas themselves, one after another: "; " in English."""
    return _("; ").join(items)


def first_upper(text: str) -> str:
    """The first letter capitalised (a sentence starting with a name list)."""
    return text[:1].upper() + text[1:]


def local_date(text: str) -> str:
    """A stored or typed month and day ("March 10", or a month alone, "March") as the
    answer's locale writes it ("10 марта", "3月10日"); anything else unchanged."""
    if wording.is_english():
        return text
    return _local_date(text, wording.locale())


@lru_cache(maxsize=256)
def _local_date(text: str, locale: str) -> str:
    parts = text.split()
    if not parts or parts[0].casefold() not in _ENGLISH_MONTHS or len(parts) > 2:
        return text
    month = _ENGLISH_MONTHS.index(parts[0].casefold()) + 1
    if len(parts) == 1:
        return str(format_date(dt.date(2000, month, 1), format="LLLL", locale=locale))
    if not parts[1].isdigit():
        return text
    try:
        return month_day(dt.date(2000, month, int(parts[1])), locale=locale)
    except ValueError:  # "February 31": not a day, shown as typed
        return text


def currency_label(name: str) -> str:
    """ "Korean won (KRW)" as CLDR names it in the answer's language ("южнокорейская
    вона (KRW)"); English names, and names without an ISO code, unchanged."""
    if wording.is_english():
        return name
    found = _CODE.search(name)
    if found is None:
        return name
    return _currency_label(found.group(1), wording.locale())


def currency_display(code: str) -> str:
    """A currency's CLDR display name in the answer's language ("российский рубль")."""
    return _currency_label(code, wording.locale()).rsplit(" (", 1)[0]


@lru_cache(maxsize=64)
def _currency_label(code: str, locale: str) -> str:
    try:
        name = str(get_currency_name(code, locale=locale))
    except Exception:  # a code CLDR does not know: the code alone
        return code
    return f"{name} ({code})"
