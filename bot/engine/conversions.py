"""One local currency in another ("3400 yuan in rubles?", "the Dalian quota in rubles"):
the report gives no rate between rubles and yuan, only its own dollar conversion of each
figure, so the amount goes to dollars at the report's conversion and on at the rate the
other currency's figures imply. One of the derived figures of ``arithmetic.Arithmetic``,
labelled as our arithmetic, with both steps said.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from bot.engine.derived import LABEL, decimal, place_of
from bot.engine.numbers import money, usd
from bot.engine.rates import rate_unit, rounded
from bot.engine.reply import Reply
from bot.engine.understand import Understanding
from bot.engine.vocabulary import Intent
from bot.engine.wording import N_, _
from bot.markup import fmt, italic
from db.views import ClaimView

if TYPE_CHECKING:
    from bot.engine.arithmetic import Figure

# A typed sum is money, not a day of the month or a count.
SMALLEST_SUM = Decimal(100)
_TYPED = N_(
    "{amount} is about {result} ({dollars} at the report's own conversion, then about {rate} "
    "{currency} to the dollar, the rate its {other} figures imply) — {label}; the report "
    "gives no rate between these two currencies."
)
_PLACE = N_(
    "{place}: {figure} is about {result} ({dollars} at the report's own conversion, then about "
    "{rate} {currency} to the dollar, the rate its {other} figures imply) — {label}; the "
    "report gives no rate between these two currencies."
)


def _converted(claim: ClaimView) -> bool:
    return bool(claim.amount and claim.usd_amount and claim.currency)


def _rate_claim(currency: str, every: list[ClaimView], near: ClaimView) -> ClaimView | None:
    """A claim in ``currency`` with a dollar conversion, of the same report if one is."""
    found = [c for c in every if c.currency == currency and _converted(c)]
    same = [c for c in found if c.article_id == near.article_id]
    return next(iter(same or found), None)


def convert(
    u: Understanding,
    quotas: list[ClaimView],
    every: list[ClaimView],
    figure_of: Callable[[ClaimView, Understanding, bool], Figure | None],
    reply: Reply,
) -> bool:
    """Answer "<amount or place> in <another local currency>"; False when not asked."""
    local = [c for c in u.currencies if c != "USD"]
    # "rubles→dollars": the report's own conversion answers it, not this.
    if not local or u.operations or u.headcount or Intent.USD in u.intents:
        return False
    sums = [f for f in u.figures if f >= SMALLEST_SUM and not 1900 <= f <= 2100]
    if sums:
        return _typed(sums[0], local, every, reply)
    if not (u.places or u.countries):
        return False
    done = False
    for claim in quotas[:5]:
        # "the Dalian quota in rubles"; not when its own currency is named too.
        targets = [] if claim.currency in local else local
        target = _rate_claim(targets[0], every, claim) if targets else None
        figure = figure_of(claim, u, False)
        dollars = figure_of(claim, u, True)
        if target is None or figure is None or dollars is None or not _converted(claim):
            continue
        _line(
            _PLACE, dollars.amount, target, reply, place=place_of(claim, ""), figure=_state(figure)
        )
        reply.use(claim.id, claim.article_id)
        done = True
    return done


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


def _state(figure: Figure) -> str:
    if figure.implied:
        return _("{figure} a month (implied by “doubled”)").format(figure=figure.text())
    return _("{figure} a month").format(figure=figure.text())
