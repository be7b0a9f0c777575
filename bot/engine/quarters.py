"""Sums over time of a figure due per quarter: a quarter is three months, so a month's
share is a third of it and a year holds four (bot/engine/derivation.py's
``quarter_sums``), each said as our arithmetic. Asked for the amount before a change the
report states only the amount after, the sums are of the earlier amount the reported
percentage implies (``change_step``), labelled, or none. Every other figure that is not
monthly is said what it is instead (figure_text.py's ``not_monthly``), as before."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from bot.engine import figure_text
from bot.engine.change_lines import change_words
from bot.engine.derivation import change_step, quarter_sums
from bot.engine.derived import decimal, label, no_new_amount, place_of, plain
from bot.engine.numbers import money
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.wording import _
from bot.markup import Html, fmt, italic
from db.kinds import AmountSide, FigureChange, Period
from db.views import ClaimView

# Changes after which a stated amount is no longer the current one.
_BEFORE_A_CHANGE = (FigureChange.DOUBLED, FigureChange.INCREASED, FigureChange.DECREASED)


def is_quarterly(claim: ClaimView) -> bool:
    """One current amount due per quarter: not a range, a bound, or an amount that a
    reported change has since replaced."""
    return (
        claim.period == Period.QUARTER
        and claim.amount is not None
        and claim.amount_high is None
        and claim.amount_bound is None
        and claim.change_from_amount not in _BEFORE_A_CHANGE
    )


def not_monthly(
    claims: Sequence[ClaimView],
    reply: Reply,
    u: Understanding | None = None,
    report_of: Callable[[ClaimView], str] | None = None,
) -> None:
    """Asked for a sum over time of figures that are not monthly: a quarterly one a month
    and a year, labelled; each other one what it is instead (each place followed by its
    report when ``report_of`` names one)."""
    quarterly = [c for c in claims if is_quarterly(c)]
    earlier = bool(u and u.before and not u.now)
    for claim in quarterly[:5]:
        reply.use(claim.id, claim.article_id)
        if earlier and claim.amount_is == AmountSide.AFTER:
            reply.lines.append(_earlier_line(claim))
        else:
            reply.lines.append(quarter_line(claim))
    figure_text.not_monthly([c for c in claims if c not in quarterly], reply, report_of, earlier)


def quarter_line(claim: ClaimView) -> Html:
    """ "Irkutsk: 90,000 rubles (RUB) a person a quarter — … about 30,000 a month …"."""
    assert claim.amount is not None
    month, year = quarter_sums(claim.amount)
    currency = claim.currency or ""
    return fmt(
        _(
            "{place}: {amount}{unit} — a quarter is three months, so about {month} a month "
            "({stated} ÷ 3) and {year} a year ({stated} × 4), {label}."
        ),
        place=place_of(claim, ""),
        amount=figure_text.amount_text(claim),
        unit=figure_text.unit(claim),
        month=_money(month, currency),
        stated=plain(claim.amount),
        year=money(year, currency),
        label=italic(label()),
    )


def _earlier_line(claim: ClaimView) -> Html:
    """Before a rise to a stated quarterly amount: the sums of the amount it implies."""
    step = change_step(claim, claim.amount)
    if step is None or step.derived is None:
        return no_new_amount(claim)  # "the report gives only the amount after the change"
    month, year = quarter_sums(step.derived)
    currency = claim.currency or ""
    return fmt(
        _(
            "{place}: before {change}, about {amount}{unit} ({stated} ÷ {factor}) — a quarter "
            "is three months, so about {month} a month and {year} a year, {label}."
        ),
        place=place_of(claim, ""),
        change=change_words(claim),
        amount=money(step.derived, currency),
        unit=figure_text.unit(claim),
        stated=plain(step.stated),
        factor=decimal(step.factor),
        month=_money(month, currency),
        year=money(year, currency),
        label=italic(label()),
    )


def _money(amount: Decimal, currency: str) -> str:
    """A third of an amount: whole units from 100 up, else to the cent."""
    return money(amount.quantize(Decimal(1) if amount >= 100 else Decimal("0.01")), currency)
