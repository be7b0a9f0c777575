"""The rise itself over a year, a week or a day ("how much more per year after the rise"):
the monthly increase implied by "doubled", times the period; one of the derived figures of
``arithmetic.Arithmetic``, labelled as our arithmetic. Not the new total over the period,
which answers a different question ("how much a year now").
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from bot.engine.derived import LABEL, place_of
from bot.engine.pairs import PERIODS
from bot.engine.reply import Reply
from bot.engine.vocabulary import Operation
from bot.engine.wording import N_, _
from bot.markup import fmt, italic
from db.views import ClaimView

_RISE_LINES = {
    Operation.PER_YEAR: N_(
        "{place}: the rise of {gap} a month comes to about {total} more a year (× twelve "
        "months) — {label}."
    ),
    Operation.PER_WEEK: N_(
        "{place}: the rise of {gap} a month comes to about {total} more a week (× twelve "
        "months ÷ fifty-two weeks) — {label}."
    ),
    Operation.PER_DAY: N_(
        "{place}: the rise of {gap} a month comes to about {total} more a day (÷ thirty, a "
        "month taken as thirty days) — {label}."
    ),
}


def rise_per_period(
    op: Operation, claim: ClaimView, gap: Decimal, text: Callable[[Decimal], str], reply: Reply
) -> None:
    """One line: the monthly rise ``gap`` (in ``text``'s currency) over the period ``op``."""
    if op not in _RISE_LINES:
        return
    times, per = PERIODS[op]
    total = (gap * times / per).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    reply.lines.append(
        fmt(
            _(_RISE_LINES[op]),
            place=place_of(claim, ""),
            gap=text(gap),
            total=text(total),
            label=italic(_(LABEL)),
        )
    )
