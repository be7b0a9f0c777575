"""Figure claims' own values, checked for editors and imports alike: a basis, a share, a
date to the precision a report gives, and a figure's fields taken together.

Like db/validation.py (whose limits and helpers it uses), every function returns a clean
value or raises ``ValidationError`` with a one-line message for the editor.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from decimal import Decimal

from db.errors import N_, Text, preview
from db.kinds import AmountSide, DatePrecision, FigureChange
from db.validation import BASES, ValidationError, drop_invisible, parse_iso_date

__all__ = [
    "figure_problems",
    "parse_basis",
    "parse_change_percent",
    "parse_partial_date",
    "parse_share",
]


def parse_basis(text: str) -> str:
    """A basis of db.kinds.Basis: "household", "family member", "per person"."""
    value = " ".join(drop_invisible(text).strip().casefold().replace("-", " ").split())
    value = value.removeprefix("per ").replace(" ", "_")
    for basis in BASES:
        if value == basis:
            return basis
    raise ValidationError(
        N_(
            '"{field}" must be one of {choices}, not {value} '
            "(the report's own words go in basis_text=)"
        ),
        field="basis",
        choices=", ".join(BASES),
        value=preview(text),
    )


_SHARE_RE = re.compile(
    r"(?P<low>[0-9]+(?:\.[0-9]+)?)\s*%?\s*(?:(?:-|–|to)\s*(?P<high>[0-9]+(?:\.[0-9]+)?)\s*%?)?",
    re.ASCII,
)


def parse_share(text: str, field: str = "share") -> tuple[Decimal, Decimal | None]:
    """A percentage or a range of them: "70", "70%", "70-90", "70 to 90 %" (0 < p <= 100)."""
    value = drop_invisible(text).strip().removesuffix("percent").strip()
    match = _SHARE_RE.fullmatch(value)
    usage = Text(N_("a percentage like 70 or a range like 70-90"))
    if match is None:
        raise ValidationError(
            N_('"{field}" must be {usage}, not {value}{hint}'),
            field=field,
            usage=usage,
            value=preview(text),
            hint="",
        )
    low = Decimal(match["low"])
    high = Decimal(match["high"]) if match["high"] else None
    for number in (low, high):
        if number is not None and not 0 < number <= 100:
            raise ValidationError(
                N_('"{field}" must be above 0 and at most 100 percent'), field=field
            )
    if high is not None and high <= low:
        raise ValidationError(
            N_('"{field}": the top of the range must be above its bottom'), field=field
        )
    return low, high


# A change's percentage: "rose 25 percent" (a fall of 100 percent or more is no amount).
CHANGE_PERCENT_MAX = Decimal(10_000)
_PERCENT_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?", re.ASCII)


def parse_change_percent(text: str, field: str = "change_percent") -> Decimal:
    """A reported change as a percentage, without its sign: "25", "25%", "12.5 percent"
    (above 0, at most 10,000; the change, increased or decreased, gives its direction)."""
    value = drop_invisible(text).strip().removesuffix("percent").strip().removesuffix("%").strip()
    if _PERCENT_RE.fullmatch(value) is None or not 0 < Decimal(value) <= CHANGE_PERCENT_MAX:
        raise ValidationError(
            N_('"{field}" must be {usage}, not {value}{hint}'),
            field=field,
            usage=Text(N_("a percentage above 0 like 25 (the change gives up or down)")),
            value=preview(text),
            hint="",
        )
    return Decimal(value)


def parse_partial_date(text: str) -> tuple[datetime.date, str]:
    """A date to the precision the report gives: 2020, 2020-10 or 2020-10-31.

    Returns the date (the first day of the year or month when that is all that is known)
    and its precision (db.kinds.DatePrecision).
    """
    value = drop_invisible(text).strip()
    if re.fullmatch(r"[0-9]{4}", value, re.ASCII):
        year = int(value)
        if year < 1:
            raise ValidationError(N_("there is no year {value}"), value=preview(value))
        return datetime.date(year, 1, 1), DatePrecision.YEAR
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}", value, re.ASCII):
        year, month = (int(part) for part in value.split("-"))
        if not 1 <= month <= 12 or year < 1:
            raise ValidationError(N_("there is no such month as {value}"), value=preview(value))
        return datetime.date(year, month, 1), DatePrecision.MONTH
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value, re.ASCII):
        return parse_iso_date(value), DatePrecision.DAY
    raise ValidationError(
        N_(
            "a date must be written YYYY-MM-DD, YYYY-MM or YYYY (as much as the report gives), "
            "like 2020-10-31, 2020-10 or 2020, not {value}"
        ),
        value=preview(text),
    )


def figure_problems(values: Mapping[str, object]) -> list[str]:
    """What is wrong with a figure claim's values taken together (field names as stored).

    A figure has an amount with its currency, or a share; a range's top is above its
    bottom, and a dollar range needs a range; "from X to Y" needs a change.
    """
    problems: list[str] = []
    amount, share = values.get("amount"), values.get("share_low")
    if amount is None and share is None:
        problems.append(N_("a quota figure needs an amount (with its currency) or a share"))
    elif amount is not None and share is not None:
        problems.append(N_("a quota figure is an amount or a share, not both: store two claims"))
    if amount is not None and values.get("currency") is None:
        problems.append(N_("a quota figure with an amount needs its currency"))
    high = values.get("amount_high")
    if high is not None:
        if amount is None:
            problems.append(N_("amount_high needs amount (the bottom of the range)"))
        elif isinstance(high, Decimal) and isinstance(amount, Decimal) and high <= amount:
            problems.append(N_("amount_high must be above amount (the bottom of the range)"))
    usd, usd_high = values.get("usd_amount"), values.get("usd_high")
    if usd_high is not None:
        if usd is None or high is None:
            problems.append(N_("usd_high needs usd and amount_high (a range in both)"))
        elif isinstance(usd_high, Decimal) and isinstance(usd, Decimal) and usd_high <= usd:
            problems.append(N_("usd_high must be above usd (the bottom of the range)"))
    share_high = values.get("share_high")
    if share_high is not None and share is None:
        problems.append(N_("share_high needs share_low"))
    elif isinstance(share_high, Decimal) and isinstance(share, Decimal) and share_high <= share:
        problems.append(N_("share_high must be above share_low"))
    if values.get("share_of") is not None and share is None:
        problems.append(N_("share_of needs a share"))
    if values.get("amount_to") is not None or values.get("usd_to") is not None:
        if values.get("change") in (
            None,
            FigureChange.NONE,
            FigureChange.UNCHANGED,
            FigureChange.NEW,
        ):
            problems.append(
                N_('"from X to Y" (amount_to, usd_to) needs a change such as increased')
            )
        if values.get("amount_to") is None and values.get("usd_to") is not None:
            problems.append(N_("usd_to needs amount_to"))
    problems += _change_shape_problems(values)
    for date_key, precision_key in (
        ("deadline_on", "deadline_precision"),
        ("change_on", "change_on_precision"),
    ):
        has_date = values.get(date_key) is not None
        if has_date != (values.get(precision_key) is not None):
            problems.append(f"{date_key} and {precision_key} go together")
    return problems


# The changes a percentage or an amount on one side of it belongs to.
_SIDED_CHANGES = (FigureChange.DOUBLED, FigureChange.INCREASED, FigureChange.DECREASED)
_PERCENT_CHANGES = (FigureChange.INCREASED, FigureChange.DECREASED)


def _change_shape_problems(values: Mapping[str, object]) -> list[str]:
    """A percentage change, the side of the change the amount is, and a bound, together."""
    problems: list[str] = []
    change, percent = values.get("change"), values.get("change_percent")
    if percent is not None:
        if change not in _PERCENT_CHANGES:
            problems.append(N_("change_percent needs change=increased or change=decreased"))
        elif change == FigureChange.DECREASED and isinstance(percent, Decimal) and percent >= 100:
            problems.append(N_("a decrease of 100 percent or more leaves no amount"))
    side = values.get("amount_is")
    if side is not None:
        if change not in _SIDED_CHANGES:
            problems.append(N_("amount_is needs a change: doubled, increased or decreased"))
        if values.get("amount") is None:
            problems.append(N_("amount_is needs an amount"))
        if side == AmountSide.AFTER and values.get("amount_to") is not None:
            problems.append(N_("amount_is=after and amount_to both give the new amount: keep one"))
    if values.get("amount_bound") is not None:
        if values.get("amount") is None:
            problems.append(N_("bound needs an amount"))
        if values.get("amount_high") is not None or values.get("amount_to") is not None:
            problems.append(N_("bound is for one amount, not a range or a change from X to Y"))
    return problems
