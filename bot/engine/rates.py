"""The exchange rate a quota and the report's own dollar conversion imply ("what rouble to
dollar rate did they use"): one of the derived figures of ``arithmetic.Arithmetic``, labelled
as our arithmetic.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from bot.engine import wording
from bot.engine.derived import LABEL, decimal, place_of, plain
from bot.engine.numbers import currency_name, money, usd
from bot.engine.reply import Reply
from bot.engine.wording import _
from bot.markup import fmt, italic
from db.views import ClaimView

__all__ = ["LABEL", "implied_rates", "plain", "rate_unit", "rounded", "undated_rate"]


def implied_rates(quotas: list[ClaimView], reply: Reply) -> None:
    """The exchange rate a quota and the report's own dollar conversion imply."""
    for claim in quotas[:5]:
        if claim.amount is None or not claim.usd_amount:
            reply.lines.append(
                fmt(
                    _(
                        "{place}: the report gives no dollar conversion, so no rate can be "
                        "worked out."
                    ),
                    place=place_of(claim, ""),
                )
            )
            continue
        reply.use(claim.id, claim.article_id)
        rate = rounded(claim.amount / claim.usd_amount, 2)
        unit = rate_unit(claim.currency or "", rate)
        if claim.usd_is_approx:
            template = _(
                "{place}: {amount} is nearly {dollars} as the report converts it, so about "
                "{rate} {currency} to the dollar ({amount_figure} ÷ {dollar_figure}) — {label}; "
                "its dollar figure is approximate."
            )
        else:
            template = _(
                "{place}: {amount} is {dollars} as the report converts it, so about {rate} "
                "{currency} to the dollar ({amount_figure} ÷ {dollar_figure}) — {label}."
            )
        reply.lines.append(
            fmt(
                template,
                place=place_of(claim, ""),
                amount=money(claim.amount, claim.currency or ""),
                dollars=usd(claim.usd_amount),
                rate=decimal(rate),
                currency=unit,
                amount_figure=plain(claim.amount),
                dollar_figure=plain(claim.usd_amount),
                label=italic(_(LABEL)),
            )
        )


def undated_rate(quotas: list[ClaimView], reply: Reply) -> None:
    """ "which day's rate did they use": the report names no rate and no date."""
    if len({claim.article_id for claim in quotas}) > 1:
        reply.lines.append(
            italic(_("The reports do not say which exchange rate or date they used."))
        )
    else:
        reply.lines.append(
            italic(_("The report does not say which exchange rate or date it used."))
        )


def rate_unit(currency: str, rate: Decimal) -> str:
    """The currency's name after a rate: "rubles" in English, the locale's plural for the
    rate elsewhere ("84,93 российского рубля")."""
    if wording.is_english():
        return money(Decimal(2), currency).split(" ", 1)[1].split(" (")[0]
    return currency_name(currency, count=rate)


def rounded(value: Decimal, places: int = 0) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
