"""A monthly quota worked out over time: per year, week or day, over N months or years,
and the increase itself over a span ("how much more over two years since the doubling"). Made
by ``arithmetic.Arithmetic``, the one place derived figures are computed; every figure is
labelled as our arithmetic, and says whether it is at the stated (old) amount or at the new
amount implied by "doubled".

When the question names neither the old nor the new amount (or names both), a doubled
quota is worked out at both, the stated one first, each said which it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from bot.engine.derived import LABEL, no_new_amount, place_of
from bot.engine.numbers import money, spelled, usd
from bot.engine.pairs import PERIODS
from bot.engine.rates import rounded
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Operation
from bot.engine.wording import N_, _, ngettext
from bot.markup import fmt, italic
from db.views import ClaimView

if TYPE_CHECKING:
    from bot.engine.arithmetic import Figure

# A monthly figure worked out for a year, a week, a day: one sentence each.
_PER_PERIOD_LINES = {
    Operation.PER_YEAR: N_(
        "{place}: {figure} is about {total} a year (× twelve months) — {label}; the report "
        "gives monthly quotas only."
    ),
    Operation.PER_WEEK: N_(
        "{place}: {figure} is about {total} a week (× twelve months ÷ fifty-two weeks) — "
        "{label}; the report gives monthly quotas only."
    ),
    Operation.PER_DAY: N_(
        "{place}: {figure} is about {total} a day (÷ thirty, a month taken as thirty days) "
        "— {label}; the report gives monthly quotas only."
    ),
}
# "per day, assume 30 days": the month divided by the days the asker gives.
_PER_DAY_OF_MONTH = N_(
    "{place}: {figure} is about {total} a day (÷ {days} days, as you asked) — {label}; the "
    "report gives monthly quotas only."
)
# The rise itself over a span: "how much more over two years since the doubling" (over a
# year, a week or a day: rise.py).
_GAP_OVER_MONTHS = N_(
    "{place}: before, {before} a month; now doubled, so about {after} (implied by “doubled”) "
    "— {gap} more a month, so about {total} more over {span} — {label}."
)

FigureOf = Callable[[ClaimView, Understanding, bool], "Figure | None"]


def state(figure: Figure, *, both: bool = False) -> str:
    """ "124,000 rubles (RUB) a month (implied by “doubled”)"; the stated amount is said to
    be the one before the doubling when both are shown."""
    if figure.implied:
        template = _("{figure} a month (implied by “doubled”)")
    elif both and figure.claim.change_from_amount == "doubled":
        template = _("{figure} a month (before the doubling)")
    elif figure.claim.change_from_amount in ("increased", "decreased"):
        # "rose 25 percent from 62,000": the stated amount is no longer the one due.
        template = _("{figure} a month (the amount before the change)")
    elif figure.in_dollars:
        template = _("{figure} a month (the report's own conversion)")
    else:
        template = _("{figure} a month")
    return template.format(figure=figure.text())


def at_each_time(u: Understanding) -> list[Understanding]:
    """ "old and new": the part at each time it names, else as asked."""
    return [replace(u, now=False), replace(u, before=False)] if u.now and u.before else [u]


def rates_asked(u: Understanding, claim: ClaimView) -> list[Understanding]:
    """The amounts to work out: the one asked, or for a doubled quota asked neither old nor
    new (or both), the stated one and the implied one — unless the asker typed one of them."""
    if claim.change_from_amount == "doubled" and u.now == u.before:
        before, now = replace(u, now=False, before=True), replace(u, now=True, before=False)
        # "pays 6800 a month, how much is that a day": the amount typed is the time asked.
        typed = set(u.figures)
        olds = {a for a in (claim.amount, claim.usd_amount) if a is not None}
        news = {a * 2 for a in olds}
        if typed & news and not typed & olds:
            return [now]
        if typed & olds and not typed & news:
            return [before]
        return [before, now]
    return [u]


def span_of(months: int) -> str:
    years = months // 12 if months % 12 == 0 else None
    if years:
        return ngettext("{count} year", "{count} years", years).format(count=spelled(years))
    return ngettext("{count} month", "{count} months", months).format(count=spelled(months))


def per_period(
    op: Operation,
    u: Understanding,
    quotas: list[ClaimView],
    dollars: bool,
    reply: Reply,
    figure_of: FigureOf,
) -> None:
    times, per = PERIODS[op]
    template = _PER_PERIOD_LINES[op]
    if op == Operation.PER_DAY and u.days_in_month:
        times, per, template = Decimal(1), Decimal(u.days_in_month), _PER_DAY_OF_MONTH
    for figure, both in _asked_figures(u, quotas, dollars, reply, figure_of):
        reply.lines.append(
            fmt(
                _(template),
                place=figure.name,
                figure=state(figure, both=both),
                total=figure.text(rounded(figure.amount * times / per)),
                days=u.days_in_month or "",
                label=italic(_(LABEL)),
            )
        )


def over_months(
    u: Understanding,
    quotas: list[ClaimView],
    dollars: bool,
    reply: Reply,
    figure_of: FigureOf,
) -> None:
    months = u.months or 1
    for figure, both in _asked_figures(u, quotas, dollars, reply, figure_of):
        reply.lines.append(
            fmt(
                _("{place}: {figure} over {span} comes to {total} — {label}."),
                place=figure.name,
                figure=state(figure, both=both),
                span=span_of(months),
                total=figure.text(figure.amount * months),
                label=italic(_(LABEL)),
            )
        )


def _asked_figures(
    u: Understanding,
    quotas: list[ClaimView],
    dollars: bool,
    reply: Reply,
    figure_of: FigureOf,
) -> Iterator[tuple[Figure, bool]]:
    """Each quota's figure at each rate asked (old, implied new), used in ``reply``, and
    whether both rates are shown; a rate with no figure says so in ``reply`` instead."""
    for claim in quotas[:5]:
        asked = rates_asked(u, claim)
        for one in asked:
            figure = figure_of(claim, one, dollars)
            if figure is None:
                reply.lines.append(no_new_amount(claim))
                continue
            reply.use(claim.id, claim.article_id)
            yield figure, len(asked) > 1


def gap_over_time(u: Understanding, claim: ClaimView, dollars: bool, reply: Reply) -> None:
    """The rise a doubling makes, a month and over the span of months asked."""
    base = claim.usd_amount if dollars else claim.amount
    if base is None or claim.change_from_amount != "doubled":
        reply.lines.append(no_new_amount(claim))
        return
    reply.use(claim.id, claim.article_id)
    new = base * 2
    gap = new - base
    months = u.months or 1

    def text(amount: Decimal) -> str:
        return usd(amount) if dollars else money(amount, claim.currency or "")

    reply.lines.append(
        fmt(
            _(_GAP_OVER_MONTHS),
            place=place_of(claim, ""),
            before=text(base),
            after=text(new),
            gap=text(gap),
            total=text(gap * months),
            span=span_of(months),
            label=italic(_(LABEL)),
        )
    )
