"""A place's "before" and "now" lines when the report gives its change as a percentage, or
states only the amount after the change ("rose 25 percent to 450,000 rubles from April 1").

Whichever amount the report states is shown as stated; the other one only as our labelled
arithmetic (bot/engine/derivation.py's ``change_step``: 450,000 ÷ 1.25, about 360,000),
or, where the reported percentage is too rounded for it to mean anything, not at all and
said so. quota_blocks.py shows every other shape (doubled from a stated amount, "from X to
Y" without a percentage, no change).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache

from bot.engine.derivation import ChangeStep, change_step
from bot.engine.derived import decimal, label, plain
from bot.engine.numbers import usd
from bot.engine.quota_texts import change_word
from bot.engine.vocabulary import FOLDER
from bot.engine.wording import N_, _
from bot.markup import Html, fmt, italic
from db.kinds import AmountSide, FigureChange
from db.views import ClaimView

# The change as the report gives it: "a rise of 25 %", "a fall of 20 %", "doubling".
_BY_PERCENT = {
    FigureChange.INCREASED: N_("a rise of {percent} %"),
    FigureChange.DECREASED: N_("a fall of {percent} %"),
}
_WITHOUT_PERCENT = {
    FigureChange.INCREASED: N_("a rise"),
    FigureChange.DECREASED: N_("a fall"),
    FigureChange.DOUBLED: N_("a doubling"),
}
# In the list of quotas: "; a rise of 25 %, to this amount".
_TO_THIS = N_("{change}, to this amount")
_FROM_THIS = N_("{change}, from this amount")

# A figure's line maker (quota_blocks.py's): the amount (None: the stated one) and dollars.
FigureText = Callable[[Decimal | None, str | None], str]


@lru_cache(maxsize=1)
def _ordered() -> re.Pattern[str]:
    data = json.loads((FOLDER / "change_premises.json").read_text(encoding="utf-8"))
    return re.compile(data["ordered"]["pattern"], re.IGNORECASE)


def dated_by_order(claim: ClaimView) -> bool:
    """The report dates the change by an order it names ("following a March 10 directive"):
    only then is its date a directive's; "cut in September" is the change's own."""
    return bool(_ordered().search(claim.statement))


def change_words(claim: ClaimView) -> str:
    """ "a rise of 25 %" (the report's percentage), "a rise", "a doubling"."""
    change = FigureChange(claim.change) if claim.change in tuple(FigureChange) else None
    percent = claim.change_percent
    if percent is not None and change in _BY_PERCENT:
        return _(_BY_PERCENT[change]).format(percent=decimal(percent.normalize()))
    if change in _WITHOUT_PERCENT:
        return _(_WITHOUT_PERCENT[change])
    return change_word(str(claim.change))


def change_summary(claim: ClaimView) -> str:
    """How the list of quotas names the change: "doubled" as always; with a percentage or
    an amount after the change, which side the stated amount is."""
    if claim.change_percent is None and claim.amount_is is None:
        return change_word(str(claim.change))
    template = _TO_THIS if claim.amount_is == AmountSide.AFTER else _FROM_THIS
    return _(template).format(change=change_words(claim))


def change_lines(
    claim: ClaimView, figure: FigureText, stated: str, dollars: bool
) -> list[Html] | None:
    """The before and now lines of a figure with a reported percentage or with only the
    amount after the change; None for the shapes quota_blocks.py says itself. ``stated``
    is the stated amount's text (with its dollars and unit)."""
    after = claim.amount_is == AmountSide.AFTER
    if claim.change_percent is None and not after:
        return None
    change = change_words(claim)
    stated_to = claim.amount_to
    if stated_to is not None:  # the report states both, and the percentage
        usd_to = claim.usd_to if dollars else None
        now = figure(stated_to, usd(usd_to) if usd_to else None)
        return [
            fmt(_("Before: {figure}."), figure=stated),
            fmt(_("Now: {figure} — {change}, as reported."), figure=now, change=change),
        ]
    step = change_step(claim, claim.amount)
    dollar_step = change_step(claim, claim.usd_amount) if dollars else None
    if after:
        now = fmt(_("Now: {figure} — after {change}, as reported."), figure=stated, change=change)
        return [_derived_line(figure, step, dollar_step, change, before=True), now]
    before = fmt(_("Before: {figure}."), figure=stated)
    return [before, _derived_line(figure, step, dollar_step, change, before=False)]


def _derived_line(
    figure: FigureText,
    step: ChangeStep | None,
    dollar_step: ChangeStep | None,
    change: str,
    *,
    before: bool,
) -> Html:
    """The side the report does not state: worked out and labelled, or why not."""
    if step is None or step.derived is None:
        if step is not None:  # the percentage is too rounded
            if before:
                text = _(
                    "Before: the report does not give it, and the reported {change} is too "
                    "rounded to work it out."
                )
            else:
                text = _(
                    "Now: {change}, as reported; the report does not give the new amount, and "
                    "the percentage is too rounded to work it out."
                )
        elif before:
            text = _("Before: the report does not give the amount before the change.")
        else:
            text = _("Now: {change}, as reported; the report does not give the new amount.")
        return fmt(text, change=change)
    dollars = None
    if dollar_step is not None and dollar_step.derived is not None:
        dollars = _("about {amount}").format(amount=usd(dollar_step.derived))
    shown = figure(step.derived, dollars)
    sign = "÷" if step.divide else "×"
    working = f"{plain(step.stated)} {sign} {decimal(step.factor)}"
    if before:
        template = _(
            "Before: about {figure} ({working}) — implied by {change} (as reported), {label}."
        )
    else:
        template = _(
            "Now: about {figure} ({working}) — implied by {change} (as reported), {label}."
        )
    return fmt(template, figure=shown, working=working, change=change, label=italic(label()))
