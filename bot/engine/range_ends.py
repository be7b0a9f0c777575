"""The gap or ratio between the two ends of a figure reported as a range.

"how many times bigger is the top of the kolwezi range than the bottom", "苏瓦范围最高和最低
差多少": a difference or a ratio asked of one place whose figure is a range ("between 60
and 90 dollars") is between that range's own ends, not between places: worked out from
the stored amount and top of the range (in the report's own dollars when dollars are
asked and it gives them) and labelled as our arithmetic. The words that point at a range's
ends are data per language (vocabulary/range_ends.json).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import cache

from bot.engine.derived import LABEL, place_of
from bot.engine.figure_text import unit
from bot.engine.numbers import money, number, usd
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import FOLDER, Intent, Operation
from bot.engine.wording import N_, _
from bot.markup import fmt, italic
from db.views import ClaimView

_SPREAD = N_(
    "{place}: the range runs from {low} to {high}{unit}; the top is {difference} more than the "
    "bottom — {label}."
)
_TIMES = N_(
    "{place}: the range runs from {low} to {high}{unit}; the top is {ratio} times the bottom "
    "— {label}."
)
_ASKED = (Operation.DIFFERENCE, Operation.RATIO)


@cache
def _cues() -> tuple[re.Pattern[str], tuple[str, ...]]:
    data = json.loads((FOLDER / "range_ends.json").read_text(encoding="utf-8"))
    words = [r"\b" + re.escape(w) + r"\b" for w in data["en"]]
    words += [r"\b" + re.escape(w) for w in data["ru"]]
    return re.compile("|".join(words)), (*data["zh"], *data["ko"])


def ends_asked(text: str) -> bool:
    """Whether a question's words point at a range's ends ("top", "最低", "диапазон")."""
    folded = text.casefold().replace("ё", "е")
    pattern, inside = _cues()
    return pattern.search(folded) is not None or any(cue in folded for cue in inside)


def is_range(claim: ClaimView) -> bool:
    return claim.amount is not None and claim.amount_high not in (None, claim.amount)


def range_gaps(
    u: Understanding,
    quotas: Sequence[ClaimView],
    reply: Reply,
    report_of: Callable[[ClaimView], str],
) -> bool:
    """Of the one place asked, the gap or ratio between its range's ends; False (nothing
    added) unless a difference or ratio is asked of one place's range by its ends."""
    asked = [op for op in u.operations if op in _ASKED]
    if not asked or len(u.places) + len(u.countries) != 1 or not ends_asked(u.text):
        return False
    ranges = [c for c in quotas if is_range(c)]
    if not ranges or len(ranges) != len(quotas):
        return False
    dollars = Intent.USD in u.intents or "USD" in u.currencies
    for claim in ranges[:5]:
        in_dollars = dollars and claim.usd_amount is not None and claim.usd_high is not None
        low, high = (
            (claim.usd_amount, claim.usd_high) if in_dollars else (claim.amount, claim.amount_high)
        )
        if low is None or high is None or not low:
            continue

        def shown(amount: Decimal, in_dollars: bool = in_dollars, claim: ClaimView = claim) -> str:
            return usd(amount) if in_dollars else money(amount, claim.currency or "")

        reply.use(claim.id, claim.article_id)
        common = {
            "place": place_of(claim, "") + report_of(claim),
            "low": shown(low),
            "high": shown(high),
            "unit": unit(claim, deadline=False),
            "label": italic(_(LABEL)),
        }
        if Operation.RATIO in asked:
            ratio = (high / low).quantize(Decimal("0.01")).normalize()
            reply.lines.append(fmt(_(_TIMES), ratio=number(ratio), **common))
        if Operation.DIFFERENCE in asked:
            reply.lines.append(fmt(_(_SPREAD), difference=shown(high - low), **common))
    if reply.lines:
        reply.intents.append(Intent.ARITHMETIC)
    return bool(reply.lines)
