"""One place's monthly figure set against another's ("how much more does Sakhalin pay than
Dalian"): the share, ratio, percentage, difference or sum, one whole sentence each for the
catalogs, labelled as our arithmetic. Made by ``arithmetic.Arithmetic``, which picks the
figures (stated, implied by "doubled", or the report's dollar conversions).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from bot.engine import wording
from bot.engine.derived import LABEL, decimal
from bot.engine.rates import rounded
from bot.engine.vocabulary import Operation
from bot.engine.wording import N_, _
from bot.markup import Html, fmt, italic

if TYPE_CHECKING:
    from bot.engine.arithmetic import Figure

MONTHS_A_YEAR = Decimal(12)
WEEKS_A_YEAR = Decimal(52)
# A day of a monthly figure: the month taken as 30 days, one convention everywhere (the
# same as "если в месяце 30 дней"), and every line says so.
DAYS_A_MONTH = Decimal(30)
# A monthly figure over a year, a week, a day: times ÷ per.
PERIODS = {
    Operation.PER_YEAR: (MONTHS_A_YEAR, Decimal(1)),
    Operation.PER_WEEK: (MONTHS_A_YEAR, WEEKS_A_YEAR),
    Operation.PER_DAY: (Decimal(1), DAYS_A_MONTH),
}
# Translators: a monthly gap or sum worked out for a period, inside a longer sentence.
_OVER = {
    Operation.PER_YEAR: N_("about {amount} a year (× twelve months)"),
    Operation.PER_WEEK: N_("about {amount} a week (× twelve months ÷ fifty-two weeks)"),
    Operation.PER_DAY: N_("about {amount} a day (÷ thirty, a month taken as thirty days)"),
}

# (operation, over a period, in the report's dollar conversions) -> the sentence. The
# figures in brackets are each place's stated amount and conversion.
_LINES = {
    (Operation.SHARE, False, False): N_(
        "{high} ({high_figures}) is about {value}% of {low} ({low_figures}) — {label}."
    ),
    (Operation.SHARE, False, True): N_(
        "{high} ({high_figures}) is about {value}% of {low} ({low_figures}) in the report's "
        "dollar conversions — {label}."
    ),
    (Operation.RATIO, False, False): N_(
        "{high} ({high_figures}) is about {value} times {low} ({low_figures}) — {label}."
    ),
    (Operation.RATIO, False, True): N_(
        "{high} ({high_figures}) is about {value} times {low} ({low_figures}) in the report's "
        "dollar conversions — {label}."
    ),
    (Operation.PERCENTAGE, False, False): N_(
        "{high} ({high_figures}) is about {value}% higher than {low} ({low_figures}) — {label}."
    ),
    (Operation.PERCENTAGE, False, True): N_(
        "{high} ({high_figures}) is about {value}% higher than {low} ({low_figures}) in the "
        "report's dollar conversions — {label}."
    ),
    (Operation.DIFFERENCE, False, False): N_(
        "{high} ({high_figures}) is about {value} more a month than {low} ({low_figures}) — "
        "{label}."
    ),
    (Operation.DIFFERENCE, False, True): N_(
        "{high} ({high_figures}) is about {value} more a month than {low} ({low_figures}) in "
        "the report's dollar conversions — {label}."
    ),
    (Operation.DIFFERENCE, True, False): N_(
        "{high} ({high_figures}) is about {value} more a month, {over} than {low} "
        "({low_figures}) — {label}."
    ),
    (Operation.DIFFERENCE, True, True): N_(
        "{high} ({high_figures}) is about {value} more a month, {over} than {low} "
        "({low_figures}) in the report's dollar conversions — {label}."
    ),
    (Operation.TOTAL, False, False): N_(
        "{high} ({high_figures}) and {low} ({low_figures}) together come to about {value} a "
        "month — {label}."
    ),
    (Operation.TOTAL, False, True): N_(
        "{high} ({high_figures}) and {low} ({low_figures}) together come to about {value} a "
        "month in the report's dollar conversions — {label}."
    ),
    (Operation.TOTAL, True, False): N_(
        "{high} ({high_figures}) and {low} ({low_figures}) together come to about {value} a "
        "month, {over} — {label}."
    ),
    (Operation.TOTAL, True, True): N_(
        "{high} ({high_figures}) and {low} ({low_figures}) together come to about {value} a "
        "month, {over} in the report's dollar conversions — {label}."
    ),
}


def pair_line(
    op: Operation, high: Figure, low: Figure, in_dollars: bool, period: Operation | None
) -> Html:
    """``high`` against ``low`` (for a share: the part, then the whole); any other
    operation than the four below is their sum."""
    over = ""
    if op == Operation.SHARE:
        value = f"{rounded(high.amount * 100 / low.amount, 1)}"
    elif op == Operation.RATIO:
        value = f"{rounded(high.amount / low.amount, 2)}"
    elif op == Operation.PERCENTAGE:
        value = f"{rounded((high.amount - low.amount) * 100 / low.amount, 1)}"
    else:
        op = op if op == Operation.DIFFERENCE else Operation.TOTAL
        gap = op == Operation.DIFFERENCE
        amount = high.amount - low.amount if gap else high.amount + low.amount
        value = high.text(amount)
        if period is not None:
            times, per = PERIODS[period]
            over = _(_OVER[period]).format(amount=high.text(rounded(amount * times / per)))
    if op in (Operation.SHARE, Operation.RATIO, Operation.PERCENTAGE):
        value = value if wording.is_english() else decimal(Decimal(value))
    over_period = period is not None and op in (Operation.DIFFERENCE, Operation.TOTAL)
    template = _LINES[(op, over_period, in_dollars)]
    return fmt(
        _(template),
        high=high.name,
        high_figures=high.described(),
        low=low.name,
        low_figures=low.described(),
        value=value,
        over=over,
        label=italic(_(LABEL)),
    )
