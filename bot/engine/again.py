"""A hypothetical asked outright: "what if it doubled again", "а если ещё раз удвоят",
"再翻一倍呢", "또 두 배 되면". The amount implied by "doubled", doubled once more, said to be
a supposition of the asker's that no report makes, and labelled as our arithmetic; a quota
the report gives no doubling for gets the reason it has no such figure."""

from __future__ import annotations

from decimal import Decimal

from bot.engine.derived import LABEL, no_new_amount, place_of
from bot.engine.numbers import money, usd
from bot.engine.reply import Reply
from bot.engine.wording import _
from bot.markup import fmt, italic
from db.kinds import FigureChange
from db.views import ClaimView

# How many quotas one answer goes through (as the other sums do).
MAX_QUOTAS = 5
TWICE = Decimal(2)


def doubled_again(quotas: list[ClaimView], dollars: bool, reply: Reply) -> bool:
    """One line per quota: its implied new amount and that amount doubled once more."""
    answered = False
    for claim in quotas[:MAX_QUOTAS]:
        base = claim.usd_amount if dollars else claim.amount
        if base is None:
            continue
        answered = True
        doubled = claim.change_from_amount == FigureChange.DOUBLED and claim.change_percent is None
        if not doubled or claim.amount_to is not None or claim.amount_high is not None:
            reply.lines.append(no_new_amount(claim))
            continue
        reply.use(claim.id, claim.article_id)

        def text(amount: Decimal, claim: ClaimView = claim) -> str:
            return usd(amount) if dollars else money(amount, claim.currency or "")

        reply.lines.append(
            fmt(
                _(
                    "{place}: if the amount implied by “doubled” ({now} a month) doubled "
                    "again, it would be {again} a month — only your supposition: the report "
                    "mentions no further rise; {label}."
                ),
                place=place_of(claim, ""),
                now=text(base * TWICE),
                again=text(base * TWICE * TWICE),
                label=italic(_(LABEL)),
            )
        )
    return answered
