"""Arithmetic on the amount a change word implies ("doubled"): the gap between the stated
amount and the implied new one, the rise as a percentage or a multiple, and the double of a
figure the question types. Each line is labelled as our arithmetic; where the report gives no
new amount, the line says so."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from bot.engine.derived import LABEL, decimal, no_new_amount, place_of
from bot.engine.figure_values import difference, implied
from bot.engine.numbers import money, usd
from bot.engine.rates import rounded
from bot.engine.reply import Reply
from bot.engine.rise import rise_per_period
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Operation
from bot.engine.wording import _
from bot.markup import Html, fmt, italic
from db.views import ClaimView


def now_minus_before(
    claim: ClaimView, dollars: bool, reply: Reply, period: Operation | None = None
) -> None:
    base = claim.usd_amount if dollars else claim.amount
    new = implied(base, claim.change_from_amount) if base is not None else None
    if base is None or new is None:
        reply.lines.append(no_new_amount(claim))
        return
    reply.use(claim.id, claim.article_id)
    text = usd if dollars else (lambda a: money(a, claim.currency or ""))
    reply.lines.append(
        fmt(
            _(
                "{place}: before, {before} a month; now doubled, so about {after} (implied "
                "by “doubled”) — {gap} more a month, {label}."
            ),
            place=place_of(claim, ""),
            before=text(base),
            after=text(new),
            gap=text(difference(new, base)),
            label=italic(_(LABEL)),
        )
    )
    if period is not None:
        rise_per_period(period, claim, difference(new, base), text, reply)


def before_to_after(op: Operation, claim: ClaimView, dollars: bool, reply: Reply) -> None:
    """ "By what percent did it go up": the stated amount against the implied new one."""
    base = claim.usd_amount if dollars and claim.usd_amount is not None else claim.amount
    new = implied(base, claim.change_from_amount) if base is not None else None
    if base is None or new is None or not base:
        reply.lines.append(no_new_amount(claim))
        return
    reply.use(claim.id, claim.article_id)
    text = usd if dollars and claim.usd_amount is not None else _in(claim)
    if op == Operation.PERCENTAGE:
        template = _(
            "{place}: from {before} to about {after} a month (implied by “doubled”) — up "
            "{change}%, {label}."
        )
        change = decimal(rounded((new - base) * 100 / base, 1).normalize())
    else:
        template = _(
            "{place}: from {before} to about {after} a month (implied by “doubled”) — "
            "{change} times the old amount, {label}."
        )
        change = decimal(rounded(new / base, 2).normalize())
    reply.lines.append(
        fmt(
            template,
            place=place_of(claim, ""),
            before=text(base),
            after=text(new),
            change=change,
            label=italic(_(LABEL)),
        )
    )


def double_of(u: Understanding, quotas: list[ClaimView], reply: Reply) -> None:
    for value in u.figures:
        for claim in quotas:
            for stored, dollars in ((claim.amount, False), (claim.usd_amount, True)):
                new = implied(stored, claim.change_from_amount) if stored is not None else None
                if stored is None or stored != value or new is None:
                    continue
                reply.use(claim.id, claim.article_id)
                shown = usd(stored) if dollars else money(stored, claim.currency or "")
                doubled = usd(stored * 2) if dollars else money(stored * 2, claim.currency or "")
                reply.lines.append(
                    fmt(
                        _(
                            "Double {amount} ({place}'s monthly quota before the doubling) "
                            "is {doubled} — the new amount implied by “doubled”; the report "
                            "does not state it."
                        ),
                        amount=shown,
                        place=place_of(claim, ""),
                        doubled=doubled,
                    )
                )
                return
    reply.lines.append(
        Html(_("I only compute from the report's own figures, and that is not one of them."))
    )


def _in(claim: ClaimView) -> Callable[[Decimal], str]:
    return lambda amount: money(amount, claim.currency or "")
