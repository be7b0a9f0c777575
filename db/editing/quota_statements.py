"""The plain statement written for a quota an editor adds by command ("In Dalian, China, the
quota of North Korean seafood processing workers is 3,400 CNY a month per person."): the
figures are the claim, the sentence only says them in words."""

from __future__ import annotations

import contextlib
from typing import Any

from db.kinds import AmountBound, AmountSide, Basis, FigureChange, Period
from db.validation import ValidationError, country_name


def _number(value: Any) -> str:
    return f"{value.normalize():,f}"


def _figure(values: dict[str, Any]) -> str:
    """ "12,000 CNY", "300 to 1,000 USD", "70 to 90 percent of their pay"."""
    if values.get("amount") is None:
        low, high = values.get("share_low"), values.get("share_high")
        share = f"{_number(low)} to {_number(high)}" if high is not None else _number(low)
        whole = f" of {values['share_of']}" if values.get("share_of") else ""
        return f"{share} percent{whole}"
    amount = _number(values["amount"])
    if values.get("amount_high") is not None:
        amount = f"{amount} to {_number(values['amount_high'])}"
    bound = BOUND_WORDS.get(values.get("amount_bound") or "", "")
    return f"{bound}{amount} {values['currency']}"


# "at least 40 USD": the words before an amount the report gives only as a bound.
BOUND_WORDS: dict[str, str] = {AmountBound.AT_LEAST: "at least ", AmountBound.AT_MOST: "at most "}


def _change_words(values: dict[str, Any]) -> str:
    """ " (increased 25 percent to this amount)", " (increased from this amount)"..."""
    change = values.get("change")
    percent = values.get("change_percent")
    by = f" {_number(percent)} percent" if percent is not None else ""
    if values.get("amount_to") is not None:
        # "from X to Y": the claim states Y now, and X before.
        return f" ({change}{by} from {_number(values['amount'])})"
    if change in (FigureChange.NEW, FigureChange.UNCHANGED):
        return f" ({change})"
    if not change or change == FigureChange.NONE:
        return ""
    if values.get("amount_is") == AmountSide.AFTER:
        return f" ({change}{by} to this amount)"
    return f" ({change}{by} from this amount)"


def quota_statement(values: dict[str, Any], country: str) -> str:
    """A plain statement for a quota added by command (the figures are the claim).

    ``values`` are stored attribute names (amount, currency, period, basis, ...)."""
    sector = f" {values['sector']}" if values.get("sector") else ""
    period = values.get("period")
    if period == Period.ONCE:
        period_text = " once (a one-off levy)"
    else:
        period_text = f" a {period}" if period else ""
    basis = values.get("basis")
    basis_text = f" per {str(basis).replace('_', ' ')}" if basis and basis != Basis.OTHER else ""
    if values.get("basis_text"):
        basis_text += f" ({values['basis_text']})"
    figure = _figure(values)
    if values.get("amount_to") is not None:
        figure = _figure({**values, "amount": values["amount_to"], "amount_high": None})
    verb = _change_words(values)
    deadline = f", due {values['deadline']}" if values.get("deadline") else ""
    with contextlib.suppress(ValidationError):
        country = country_name(country)
    # "In China", not "In China, China", when the place is the country itself.
    where = values["place"] if values["place"] == country else f"{values['place']}, {country}"
    return (
        f"In {where}, the quota of North Korean{sector} workers is "
        f"{figure}{period_text}{basis_text}{verb}{deadline}."
    )
