"""The exchange rate a quota and the report's own dollar conversion imply ("what rouble to
dollar rate did they use"): one of the derived figures of ``arithmetic.Arithmetic``, labelled
as our arithmetic.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from bot.engine.numbers import money, usd
from bot.engine.reply import Reply
from bot.markup import fmt, italic
from db.views import ClaimView

LABEL = "our arithmetic from the report's figures; the report states no such figure"


def implied_rates(quotas: list[ClaimView], reply: Reply) -> None:
    """The exchange rate a quota and the report's own dollar conversion imply."""
    for claim in quotas[:5]:
        if claim.amount is None or not claim.usd_amount:
            reply.lines.append(
                fmt(
                    "{}: the report gives no dollar conversion, so no rate can be worked out.",
                    claim.place or claim.country or "",
                )
            )
            continue
        reply.use(claim.id, claim.article_id)
        rate = rounded(claim.amount / claim.usd_amount, 2)
        unit = money(Decimal(2), claim.currency or "").split(" ", 1)[1].split(" (")[0]
        reply.lines.append(
            fmt(
                "{}: {} is {}{} as the report converts it, so about {} {} to the dollar "
                "({} ÷ {}) — {}{}.",
                claim.place or claim.country or "",
                money(claim.amount, claim.currency or ""),
                "nearly " if claim.usd_is_approx else "",
                usd(claim.usd_amount),
                f"{rate:f}",
                unit,
                plain(claim.amount),
                plain(claim.usd_amount),
                italic(LABEL),
                "; its dollar figure is approximate" if claim.usd_is_approx else "",
            )
        )


def rounded(value: Decimal, places: int = 0) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def plain(amount: Decimal) -> str:
    """62000.0000 -> "62,000"; 84.5 -> "84.5"."""
    whole = amount == amount.to_integral_value()
    return f"{amount:,.0f}" if whole else f"{amount.normalize():,f}"
