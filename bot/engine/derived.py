"""The words every derived figure shares (bot/engine/arithmetic.py, group_sums.py, rates.py):
its label as our arithmetic, the name of the place it is for, the sentence refusing a sum
the report gives no amount for, and figures and lists in the answer's language.

Every text is a whole sentence or phrase for the catalogs (bot/engine/wording.py); English
output is the code's own text, byte for byte.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.lists import format_list

from bot.engine import numbers, wording
from bot.engine.figure_text import place_name
from bot.engine.wording import N_, _
from bot.markup import Html, fmt
from db.kinds import AmountSide, FigureChange
from db.views import ClaimView

# Translators: the label of every figure the bot works out itself; it must say plainly that
# the figure is our calculation and that the report itself gives no such figure.
LABEL = N_("our arithmetic from the report's figures; the report states no such figure")

# "the report gives no new amount (only that it increased)", by the change the report gives.
_NO_NEW_AMOUNT: dict[str | None, str] = {
    None: N_("{place}: the report gives no change for this figure, so there is no new amount "
             "to compute."),
    FigureChange.INCREASED: N_("{place}: the report gives no new amount (only that it "
                               "increased), so I will not compute one."),
    FigureChange.DECREASED: N_("{place}: the report gives no new amount (only that it "
                               "decreased), so I will not compute one."),
    FigureChange.DOUBLED: N_("{place}: the report gives no new amount (only that it "
                             "doubled), so I will not compute one."),
}  # fmt: skip
# Translators: {change} is the report's own English word for the change ("new", "unchanged").
_NO_NEW_AMOUNT_WORD = N_(
    "{place}: the report gives no new amount (only that it {change}), so I will not compute one."
)


# The report gives the change as a percentage: the place's figures show the amount it
# implies (bot/engine/change_lines.py), but no further sum is made of an estimate.
_BY_PERCENT: dict[str | None, str] = {
    FigureChange.INCREASED: N_("{place}: the report gives no new amount, only a rise of "
                               "{percent} %, so I will not compute sums from one."),
    FigureChange.DECREASED: N_("{place}: the report gives no new amount, only a fall of "
                               "{percent} %, so I will not compute sums from one."),
}  # fmt: skip
# Translators: the report says only the amount after a change ("rose 25 % to 450,000").
_NO_OLD_AMOUNT = N_(
    "{place}: the report gives only the amount after the change, not the one before it, so "
    "I will not compute with one."
)

# Translators: the report states the amounts before and after the change ("from 450 to 360").
_NO_FURTHER = N_(
    "{place}: the report gives the amounts before and after the change and no further change, "
    "so I will not compute one."
)


def label() -> str:
    """ "our arithmetic from the report's figures; …" in the answer's language."""
    return _(LABEL)


def no_new_amount(claim: ClaimView, place: str | None = None) -> Html:
    """That no sum is made of a change the report gives no new amount for (or, when it
    states only the amount after the change, no amount before it)."""
    change = claim.change if claim.change not in (None, "", "none") else None
    where = place_of(claim, "") if place is None else place
    if claim.amount_to is not None:  # "from 450 to 360": both stated, no further change
        return fmt(_(_NO_FURTHER), place=where)
    if claim.amount_is == AmountSide.AFTER:
        return fmt(_(_NO_OLD_AMOUNT), place=where)
    if claim.change_percent is not None and change in _BY_PERCENT:
        percent = decimal(claim.change_percent.normalize())
        return fmt(_(_BY_PERCENT[change]), place=where, percent=percent)
    template = _NO_NEW_AMOUNT.get(change)
    if template is None:
        return fmt(_(_NO_NEW_AMOUNT_WORD), place=where, change=change)
    return fmt(_(template), place=where)


def place_of(claim: ClaimView, unknown: str | None = None) -> str:
    """The place a figure is for, else its country: the code in English (as it always was),
    the country's CLDR name in the other languages; ``unknown`` (else "this place") when
    the claim names neither."""
    if claim.place:
        return claim.place if wording.is_english() else place_name(claim)
    if claim.country:
        return claim.country if wording.is_english() else country_name(claim.country)
    return _("this place") if unknown is None else unknown


def country_name(code: str) -> str:
    """A country's CLDR name in the answer's language (the code when CLDR has none)."""
    return _territories(wording.locale()).get(code, code)


@lru_cache(maxsize=8)
def _territories(locale: str) -> dict[str, str]:
    return dict(Locale.parse(locale).territories)


def either(items: Sequence[str]) -> str:
    """ "Shenyang or Dandong": the items as alternatives, joined as the language joins them."""
    if wording.is_english():
        return " or ".join(items)
    return str(format_list(list(items), style="or", locale=wording.locale()))


def decimal(value: Decimal) -> str:
    """A computed ratio, share or count of months ("1.82", "18.3"): as it always was in
    English, with the locale's decimal sign in the other languages ("1,82")."""
    if wording.is_english():
        return f"{value:f}"
    return numbers.number(value)


def plain(amount: Decimal) -> str:
    """62000.0000 -> "62,000"; 84.5 -> "84.5" (in the locale's digits elsewhere)."""
    if not wording.is_english():
        return numbers.number(amount.normalize())
    whole = amount == amount.to_integral_value()
    return f"{amount:,.0f}" if whole else f"{amount.normalize():,f}"
