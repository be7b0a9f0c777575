"""A share of pay worked out on a pay the asker supposes ("if a seamstress makes 12,500 taka a
month, how much does she keep", "월급이 10만 원이면 70% 내고 남는 거 얼마"): a report that
gives a share of the workers' pay and no amount says what that share of the asker's figure
is, and what is left, as our arithmetic on their figure; the report gives no pay.

The figures the share is of are found by the report's own fields: the quotas of the place or
country asked about that give a share, else those whose basis words (each seamstress, each
waitress and cook) share a word with the question. Nothing here is any one report's words.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from bot.engine.figure_text import place_name, value
from bot.engine.language import Language
from bot.engine.numbers import number
from bot.engine.rates import rounded
from bot.engine.reply import Reply
from bot.engine.sector_words import root
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Attribute
from bot.engine.wording import N_, _
from bot.markup import fmt, italic
from db.views import ClaimView

HUNDRED = Decimal(100)
_LINE = N_(
    "{place}: {share}% of the {pay} you give is {handed} handed over, leaving {kept} — {label}."
)
_RANGE = N_(
    "{place}: {low}% to {high}% of the {pay} you give is {handed_low} to {handed_high} handed "
    "over, leaving {kept_high} to {kept_low} — {label}."
)
_LABEL = N_("our arithmetic on your figure; the report gives a share of the pay, not the pay")


def supposed_pay(u: Understanding) -> Decimal | None:
    """The pay the asker supposes: a figure of their own ("if she makes 350 a month"); in
    Russian, Chinese or Korean, the one figure typed beside a word for pay."""
    if u.own_figures:
        return u.own_figures[0].amount
    if u.language is not Language.EN and Attribute.WAGES in u.attributes:
        amounts = [f for f in u.figures if f > HUNDRED]
        return amounts[0] if len(amounts) == 1 else None
    return None


def share_quotas(
    u: Understanding, asked: Sequence[ClaimView], every: Sequence[ClaimView]
) -> list[ClaimView]:
    """The share-of-pay figures the question is about: of the place or country named, else
    those whose basis words meet a word of the question ("seamstress", "waitress")."""
    if u.places or u.countries:
        return [c for c in asked if c.amount is None and c.share_low is not None]
    words = {root(w) for w in [*u.unmapped, *u.foreign] if len(w) > 3}
    found = []
    for claim in every:
        if claim.amount is not None or claim.share_low is None:
            continue
        basis = value(claim, "basis_text") or ""
        if words & {root(w) for w in basis.replace(",", " ").split() if len(w) > 3}:
            found.append(claim)
    return found


def _money(amount: Decimal) -> str:
    return number(rounded(amount, 0 if amount >= 100 else 2))


def share_of_pay(u: Understanding, asked: Sequence[ClaimView], every: Sequence[ClaimView],
                 reply: Reply) -> bool:  # fmt: skip
    """The share of the asker's supposed pay each share figure asked about takes, and what is
    left; False when the question supposes no pay or names no such figure."""
    pay = supposed_pay(u)
    claims = share_quotas(u, asked, every) if pay else []
    if pay is None or not claims:
        return False
    for claim in claims[:3]:
        low, high = claim.share_low, claim.share_high
        assert low is not None
        reply.use(claim.id, claim.article_id)
        place = place_name(claim)
        label = italic(_(_LABEL))
        if high is None or high == low:
            handed = pay * low / HUNDRED
            reply.lines.append(
                fmt(_(_LINE), place=place, share=number(low), pay=_money(pay),
                    handed=_money(handed), kept=_money(pay - handed), label=label)
            )  # fmt: skip
            continue
        handed_low, handed_high = pay * low / HUNDRED, pay * high / HUNDRED
        reply.lines.append(
            fmt(_(_RANGE), place=place, low=number(low), high=number(high), pay=_money(pay),
                handed_low=_money(handed_low), handed_high=_money(handed_high),
                kept_low=_money(pay - handed_low), kept_high=_money(pay - handed_high),
                label=label)
        )  # fmt: skip
    return True
