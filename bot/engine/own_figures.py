"""The asker's own figures ("i make 900 dollars a month", "my wage is 60000 rubles"): a
premise of theirs, not a claimed quota to refute. Compared with the quota of the place asked
about, as labelled arithmetic, in the same currency only (the report's dollar conversion
for a figure typed in dollars); another currency is not converted.
"""

from __future__ import annotations

from decimal import Decimal

from bot.engine.arithmetic import IMPLIED, implied
from bot.engine.derived import LABEL, plain
from bot.engine.local_names import local_name
from bot.engine.numbers import money, usd
from bot.engine.rates import rounded
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Attribute, Intent, Operation
from bot.engine.wording import _
from bot.markup import fmt
from db.views import ClaimView

# What asks for a comparison with a figure: a quota, "compare", "more than", "how many times".
_COMPARING_INTENTS = frozenset({Intent.QUOTA, Intent.COMPARE, Intent.USD})
_COMPARING_OPERATIONS = frozenset(
    {Operation.DIFFERENCE, Operation.RATIO, Operation.PERCENTAGE, Operation.SHARE}
)
RATIO_PLACES = 2
LOW_RATIO, HIGH_RATIO = Decimal("0.67"), Decimal("1.5")


def asks_with_own(u: Understanding) -> bool:
    """A question that compares the asker's own figure with a quota."""
    if Attribute.WAGES in u.attributes:
        return False  # "i make 40k: what are the workers paid": their pay, not the asker's
    return bool(
        u.own_figures
        and (_COMPARING_INTENTS & set(u.intents) or _COMPARING_OPERATIONS & set(u.operations))
    )


def _place(claim: ClaimView) -> str:
    """The quota's place in the answer's language ("Сахалин"), else its country code."""
    return local_name("place", claim.place) if claim.place else claim.country or ""


def compare_own(u: Understanding, quotas: list[ClaimView], reply: Reply) -> bool:
    """Each quota asked about, beside the asker's figure: the difference and the ratio."""
    said = False
    for claim in quotas:
        for own in u.own_figures:
            dollars = own.currency == "USD"
            if not dollars and own.currency not in (None, claim.currency):
                reply.use(claim.id, claim.article_id)
                reply.lines.append(
                    fmt(
                        _(
                            "{place}: the quota is in {currency}, your figure in {yours}; the "
                            "report gives no rate to compare them."
                        ),
                        place=_place(claim),
                        currency=claim.currency or "",
                        yours=own.currency or "",
                    )
                )
                said = True
                continue
            said = _compare(u, claim, own.amount, dollars, reply) or said
    return said


def _compare(
    u: Understanding, claim: ClaimView, yours: Decimal, dollars: bool, reply: Reply
) -> bool:
    base = claim.usd_amount if dollars else claim.amount
    if base is None or not yours:
        return False
    show = usd if dollars else (lambda amount: money(amount, claim.currency or ""))
    place = _place(claim)
    new = implied(base, claim.change_from_amount)
    before_only = u.before and not u.now
    reply.use(claim.id, claim.article_id)
    if new is None or before_only:
        quota, which = base, _("the quota before the doubling")
        reply.lines.append(fmt(_("{place}: {old} a month."), place=place, old=show(base)))
    else:
        quota, which = new, _("the new quota")
        reply.lines.append(
            fmt(
                _("{place}: {old} a month before the doubling; doubled, about {new} ({implied})."),
                place=place,
                old=show(base),
                new=show(new),
                implied=_(IMPLIED),
            )
        )
    gap = quota - yours
    times = quota / yours
    ratio = plain(rounded(times, RATIO_PLACES))
    # "about 1.04 times" says less than the gap: a ratio only when asked or telling.
    telling = Operation.RATIO in u.operations or not LOW_RATIO < times < HIGH_RATIO
    if gap > 0:
        line = (
            _(
                "Against the {yours} you give: {which} is {gap} more than yours, about {ratio} "
                "times it — {label}."
            )
            if telling
            else _("Against the {yours} you give: {which} is {gap} more than yours — {label}.")
        )
    elif gap < 0:
        line = (
            _(
                "Against the {yours} you give: {which} is {gap} less than yours, about {ratio} "
                "times it — {label}."
            )
            if telling
            else _("Against the {yours} you give: {which} is {gap} less than yours — {label}.")
        )
    else:
        line = _("Against the {yours} you give: {which} is the same amount — {label}.")
    reply.lines.append(
        fmt(
            line,
            yours=show(yours),
            which=which,
            gap=show(abs(gap)),
            ratio=ratio,
            label=_(LABEL),
        )
    )
    return True
