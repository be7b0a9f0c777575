"""Sums for several workers ("10 workers in sakhalin, total a month now"): the monthly
quota (stated, or implied by "doubled") times the head count, over a span when one is
typed. Called from ``arithmetic.Arithmetic``, the one place derived figures are made;
each figure is labelled as our arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from bot.engine.numbers import money, usd
from bot.engine.reply import Reply
from bot.markup import fmt, italic
from db.views import ClaimView

LABEL = "our arithmetic from the report's figures; the report states no such figure"
IMPLIED = "implied by “doubled”"
MAX_PLACES = 5


def group_sums(
    headcount: int,
    quotas: list[ClaimView],
    *,
    now: bool,
    before: bool,
    dollars: bool,
    months: int | None,
    reply: Reply,
) -> None:
    """Each quota times ``headcount`` (and ``months``): before, now (implied), or both."""
    for claim in quotas[:MAX_PLACES]:
        base = claim.usd_amount if dollars else claim.amount
        name = claim.place or claim.country or "this place"
        if base is None:
            continue
        show = usd if dollars else _in(claim.currency or "")
        reply.use(claim.id, claim.article_id)
        doubled = claim.change == "doubled"
        wanted = [(False, base)] if before or not doubled else []
        if (now or not before) and doubled:
            wanted.append((True, base * 2))
        elif now and not doubled:
            reply.lines.append(
                fmt(
                    "{}: the report gives no new amount (only that it {}), so I will not "
                    "compute one.",
                    name,
                    claim.change or "changed",
                )
            )
        span = f" × {months} months" if months and months > 1 else ""
        period = f"over {months} months" if months and months > 1 else "a month"
        for is_new, amount in wanted:
            total = amount * headcount * (months if months and months > 1 else 1)
            when = f"now ({IMPLIED})" if is_new else "before the doubling"
            reply.lines.append(
                fmt(
                    "{}, {}: {} workers × {} a month{} = {} {} — {}.",
                    name,
                    when,
                    f"{headcount:,}",
                    show(amount),
                    span,
                    show(total),
                    period,
                    italic(LABEL),
                )
            )


def _in(currency: str) -> Callable[[Decimal], str]:
    def show(amount: Decimal) -> str:
        return money(amount, currency)

    return show
