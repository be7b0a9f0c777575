"""A typed sum in one local currency asked in another ("3400 yuan in rubles?"): the
report gives no rate between rubles and yuan, only its own dollar conversion of each
figure, so the sum goes to dollars at the report's conversion and on at the rate the
other currency's figures imply. One of the derived figures of ``arithmetic.Arithmetic``,
labelled as our arithmetic, with both steps said. A place's quota asked in another place's
currency ("the dalian quota in rubles") is converted the same way (conversions.py).
"""

from __future__ import annotations

import re
from decimal import Decimal

from bot.engine.derived import LABEL, decimal, place_of
from bot.engine.numbers import money, usd
from bot.engine.rates import rate_unit, rounded
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent
from bot.engine.wording import N_, _
from bot.markup import fmt, italic
from db.views import ClaimView

# A typed sum is money, not a day of the month or a count.
SMALLEST_SUM = Decimal(100)
_TYPED = N_(
    "{amount} is about {result} ({dollars} at the report's own conversion, then about {rate} "
    "{currency} to the dollar, the rate its {other} figures imply) — {label}; the report "
    "gives no rate between these two currencies."
)


def _converted(claim: ClaimView) -> bool:
    return bool(claim.amount and claim.usd_amount and claim.currency)


def _rate_claim(currency: str, every: list[ClaimView], near: ClaimView) -> ClaimView | None:
    """A claim in ``currency`` with a dollar conversion, of the same report if one is."""
    found = [c for c in every if c.currency == currency and _converted(c)]
    same = [c for c in found if c.article_id == near.article_id]
    return next(iter(same or found), None)


def convert(u: Understanding, every: list[ClaimView], reply: Reply) -> bool:
    """Answer "<sum> in <another local currency>"; False when not asked."""
    local = [c for c in u.currencies if c != "USD"]
    # "rubles→dollars": the report's own conversion answers it, not this.
    if not local or u.operations or u.headcount or Intent.USD in u.intents:
        return False
    if len(set(local)) > 1 and _SET_ASIDE.search(u.text):
        return False  # "62,000 yuan in dalian, not rubles": which unit, not a conversion
    sums = [f for f in u.figures if f >= SMALLEST_SUM and not 1900 <= f <= 2100]
    return bool(sums) and _typed(sums[0], local, every, reply)


# Two currencies, one set aside ("it was 3,400 rubles not yuan", "in yuan, isn't it rubles"):
# the asker disputes which currency a figure is in; converting its sum answers nothing asked.
_SET_ASIDE = re.compile(r"\b(?:not|isn't|isnt|wasn't|wasnt|instead of|rather than)\b")


def _typed(value: Decimal, local: list[str], every: list[ClaimView], reply: Reply) -> bool:
    """ "3400 yuan in rubles": the typed sum in the other currency the question names."""
    stated = [c for c in every if _converted(c) and c.currency in local]
    source = next((c for c in stated if value in (c.amount, 2 * (c.amount or 0))), None)
    source = source or next((c for c in stated if c.currency == local[0]), None)
    targets = [c for c in local if source is not None and c != source.currency]
    target = _rate_claim(targets[0], every, source) if source and targets else None
    if source is None or target is None or not source.amount or not source.usd_amount:
        return False
    dollars = value * source.usd_amount / source.amount
    reply.use(source.id, source.article_id)
    _line(_TYPED, dollars, target, reply, amount=money(value, source.currency or ""))
    return True


def convert_quota(claim: ClaimView, currency: str, every: list[ClaimView], reply: Reply) -> bool:
    """A place's stated quota in another local currency, as a typed sum of it would be
    ("the dalian quota in rubles"); False when the report gives no dollar figure for it or
    none in that currency."""
    target = _rate_claim(currency, every, claim) if _converted(claim) else None
    if target is None or not claim.amount or not claim.usd_amount:
        return False
    reply.use(claim.id, claim.article_id)
    _line(_TYPED, claim.usd_amount, target, reply, amount=money(claim.amount, claim.currency or ""))
    return True


def _line(template: str, dollars: Decimal, target: ClaimView, reply: Reply, **named: str) -> None:
    assert target.amount and target.usd_amount
    rate = target.amount / target.usd_amount
    shown = rounded(rate, 2)
    reply.use(target.id, target.article_id)
    reply.lines.append(
        fmt(
            _(template),
            result=money(rounded(dollars * rate), target.currency or ""),
            dollars=usd(rounded(dollars)),
            rate=decimal(shown),
            currency=rate_unit(target.currency or "", shown),
            other=place_of(target, ""),
            label=italic(_(LABEL)),
            **named,
        )
    )
