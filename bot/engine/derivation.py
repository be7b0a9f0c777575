"""A figure the report only implies: asked where it comes from ("where does the 124,000
come from", "how did you get 6,800"), its place's quota block, whose line says it is implied
by “doubled” and that the report does not state it, rather than the sources list; and the
amount on the other side of a change the report gives as a percentage or a doubling
(``change_step``: "rose 25 percent to 450,000" implies about 360,000 before it)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from bot.engine.language import Language
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import FOLDER, Intent, Vocabulary
from db.kinds import AmountSide, FigureChange
from db.textfold import fold
from db.views import ClaimView


@lru_cache(maxsize=4)
def _asks(language: str) -> tuple[str, ...]:
    """Russian, Chinese or Korean words asking where a figure comes from
    (vocabulary/derivation_asks.json), folded as the message is."""
    data = json.loads((FOLDER / "derivation_asks.json").read_text(encoding="utf-8"))
    return tuple(fold(phrase) for phrase in data.get(language, ()))


def implied_asked(
    s: Understanding, quotas: list[ClaimView], vocabulary: Vocabulary
) -> list[ClaimView]:
    """The quotas whose implied (doubled) amount the part asks the origin of."""
    if not s.figures:
        return []
    text = fold(s.text)
    asks = vocabulary.derivation_asks if s.language is Language.EN else _asks(s.language.value)
    if Intent.SOURCES not in s.intents and not any(p in text for p in asks):
        return []
    stated = {q.amount for q in quotas} | {q.usd_amount for q in quotas}
    asked = [f for f in s.figures if f not in stated]
    return [
        q
        for q in quotas
        if q.change_from_amount == "doubled"
        and any(base is not None and base * 2 in asked for base in (q.amount, q.usd_amount))
    ]


# ----- the other side of a reported change ("rose 25 percent to 450,000 rubles") --------

# A derived amount is given to three significant figures ("about 360,000") ...
SIGNIFICANT_DIGITS = 3
# ... and only when the reported percentage's own rounding (half a unit of its last digit:
# a reported "25" may be 24.5 to 25.5) moves it by less than this share of itself. Past
# that (a fall of 50 percent or more, reported to the whole percent) none is derived.
MAX_ROUNDING_SHARE = Decimal("0.01")
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class ChangeStep:
    """The amount on the other side of a reported change, from the stated one.

    ``factor`` is 1.25 for a rise of 25 percent, 0.8 for a fall of 20, 2 for "doubled";
    ``divide``: the stated amount is the one after the change, so the derived one (before
    it) is stated ÷ factor, else stated × factor. ``derived`` is None when the percentage
    is too rounded for the result to mean anything."""

    stated: Decimal
    factor: Decimal
    divide: bool
    derived: Decimal | None


def change_step(claim: ClaimView, stated: Decimal | None) -> ChangeStep | None:
    """The other side of ``claim``'s change from its ``stated`` amount (its amount or the
    report's dollar conversion of it); None when the change gives no factor (no percentage,
    not "doubled"), the report states both sides, or the amount is a range or a bound."""
    if stated is None or claim.amount_to is not None:
        return None
    if claim.amount_high is not None or claim.amount_bound is not None:
        return None
    divide = claim.amount_is == AmountSide.AFTER
    percent = claim.change_percent
    if claim.change == FigureChange.DOUBLED and percent is None:
        factor, rounding = Decimal(2), Decimal(0)
    elif percent is not None and claim.change in (FigureChange.INCREASED, FigureChange.DECREASED):
        sign = 1 if claim.change == FigureChange.INCREASED else -1
        whole = _HUNDRED + sign * percent
        if whole <= 0:
            return None
        factor = whole / _HUNDRED
        # Half a unit of the percentage's last digit (whole percents at the coarsest).
        exponent = min(int(percent.normalize().as_tuple().exponent), 0)
        rounding = Decimal(5).scaleb(exponent - 1) / whole
    else:
        return None
    exact = stated / factor if divide else stated * factor
    derived = _significant(exact) if rounding < MAX_ROUNDING_SHARE else None
    return ChangeStep(stated, factor.normalize(), divide, derived)


def _significant(value: Decimal) -> Decimal:
    """``value`` to SIGNIFICANT_DIGITS significant figures: 359,712.2 -> 360,000."""
    if not value:
        return value
    exponent = value.adjusted() - (SIGNIFICANT_DIGITS - 1)
    rounded = value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)
    return rounded.quantize(Decimal(1)) if exponent > 0 else rounded.normalize()


# ----- a figure due per quarter ------------------------------------------------------------

MONTHS_A_QUARTER = Decimal(3)
QUARTERS_A_YEAR = Decimal(4)


def quarter_sums(amount: Decimal) -> tuple[Decimal, Decimal]:
    """A quarterly amount a month (÷ 3: a quarter is three months) and a year (× 4)."""
    return amount / MONTHS_A_QUARTER, amount * QUARTERS_A_YEAR
