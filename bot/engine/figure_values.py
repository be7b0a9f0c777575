"""One monthly figure of one quota as arithmetic uses it, and the amount a change word
implies: what `arithmetic.py` computes with."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bot.engine.derived import place_of
from bot.engine.numbers import money, usd
from bot.engine.wording import _
from db.views import ClaimView

# How a reported change word scales the stated amount ("doubled": the new amount is implied).
CHANGE_FACTORS = {"doubled": Decimal(2)}


def implied(amount: Decimal, change: str | None) -> Decimal | None:
    """The new amount a change word implies ("doubled" -> twice), else None."""
    factor = CHANGE_FACTORS.get(change or "")
    return amount * factor if factor is not None else None


def difference(high: Decimal, low: Decimal) -> Decimal:
    return high - low


@dataclass(frozen=True)
class Figure:
    """One monthly figure of one quota, in its currency or in dollars, with its label."""

    claim: ClaimView
    amount: Decimal
    in_dollars: bool
    implied: bool
    report: str = ""  # " (RFA, October 2020)" when there are several reports, else ""

    def text(self, amount: Decimal | None = None) -> str:
        value = self.amount if amount is None else amount
        if self.in_dollars:
            return usd(value)
        return money(value, self.claim.currency or "")

    def described(self) -> str:
        """The figure with the stated amount it comes from: "62,000 rubles (RUB), nearly $730"."""
        claim = self.claim
        if not self.in_dollars or claim.amount is None:
            return self.text()
        stated = money(claim.amount * (2 if self.implied else 1), claim.currency or "")
        if self.implied:
            return _("{amount}, about {dollars}").format(amount=stated, dollars=self.text())
        return _("{amount}, nearly {dollars}").format(amount=stated, dollars=self.text())

    @property
    def name(self) -> str:
        return place_of(self.claim) + self.report
