"""Sums for several workers ("10 workers in sakhalin, total a month now"): the monthly
quota (stated, or implied by "doubled") times the head count, over a span when one is
typed. Called from ``arithmetic.Arithmetic``, the one place derived figures are made;
each figure is labelled as our arithmetic.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path

from bot.engine.derived import LABEL, no_new_amount, place_of
from bot.engine.figure_text import amount_text, basis_words, bounded, unit
from bot.engine.numbers import money, number, usd
from bot.engine.rates import rounded
from bot.engine.reply import Reply
from bot.engine.wording import _, ngettext
from bot.markup import fmt, italic
from db.views import ClaimView

MAX_PLACES = 5


def _sum_line(is_new: bool, over_months: bool, headcount: int, doubled: bool = True) -> str:
    """The sentence of one sum: the new (implied) or the old amount, a month or over months
    (a figure no doubling is reported for: no "before the doubling")."""
    if not doubled and over_months:
        return ngettext(
            "{place}: {count} worker × {amount} a month × {months} months = {total} over "
            "{months} months — {label}.",
            "{place}: {count} workers × {amount} a month × {months} months = {total} over "
            "{months} months — {label}.",
            headcount,
        )
    if not doubled:
        return ngettext(
            "{place}: {count} worker × {amount} a month = {total} a month — {label}.",
            "{place}: {count} workers × {amount} a month = {total} a month — {label}.",
            headcount,
        )
    if is_new and over_months:
        return ngettext(
            "{place}, now (implied by “doubled”): {count} worker × {amount} a month × {months} "
            "months = {total} over {months} months — {label}.",
            "{place}, now (implied by “doubled”): {count} workers × {amount} a month × {months} "
            "months = {total} over {months} months — {label}.",
            headcount,
        )
    if is_new:
        return ngettext(
            "{place}, now (implied by “doubled”): {count} worker × {amount} a month = {total} "
            "a month — {label}.",
            "{place}, now (implied by “doubled”): {count} workers × {amount} a month = {total} "
            "a month — {label}.",
            headcount,
        )
    if over_months:
        return ngettext(
            "{place}, before the doubling: {count} worker × {amount} a month × {months} months "
            "= {total} over {months} months — {label}.",
            "{place}, before the doubling: {count} workers × {amount} a month × {months} months "
            "= {total} over {months} months — {label}.",
            headcount,
        )
    return ngettext(
        "{place}, before the doubling: {count} worker × {amount} a month = {total} a month "
        "— {label}.",
        "{place}, before the doubling: {count} workers × {amount} a month = {total} a month "
        "— {label}.",
        headcount,
    )


def group_sums(
    headcount: int,
    quotas: list[ClaimView],
    *,
    now: bool,
    before: bool,
    dollars: bool,
    months: int | None,
    reply: Reply,
) -> None:
    """Each quota times ``headcount`` (and ``months``): before, now (implied), or both."""
    for claim in quotas[:MAX_PLACES]:
        base = claim.usd_amount if dollars else claim.amount
        if base is None:
            continue
        show = usd if dollars else _in(claim.currency or "")
        reply.use(claim.id, claim.article_id)
        doubled = claim.change_from_amount == "doubled"
        wanted = [(False, base)] if before or not doubled else []
        if (now or not before) and doubled:
            wanted.append((True, base * 2))
        elif now and not doubled:
            reply.lines.append(no_new_amount(claim, place_of(claim)))
        over_months = bool(months and months > 1)
        for is_new, amount in wanted:
            total = amount * headcount * (months if months and over_months else 1)
            reply.lines.append(
                fmt(
                    _sum_line(is_new, over_months, headcount, doubled),
                    place=place_of(claim),
                    count=number(headcount),
                    amount=show(amount),
                    months=months,
                    total=show(total),
                    label=italic(_(LABEL)),
                )
            )


def not_per_worker(claims: list[ClaimView], reply: Reply) -> None:
    """A figure per team, household or company: no sum for a head count of workers."""
    for claim in claims[:MAX_PLACES]:
        reply.use(claim.id, claim.article_id)
        reply.lines.append(
            fmt(
                _(
                    "{place}: {amount}{unit} is counted {basis}, not per worker, so no sum "
                    "for a number of workers is made of it."
                ),
                place=place_of(claim),
                amount=amount_text(claim),
                unit=unit(claim, deadline=False),
                basis=basis_words(claim, "per"),
            )
        )


def once_sums(headcount: int, claims: list[ClaimView], *, dollars: bool, reply: Reply) -> None:
    """A one-off payment times the head count: paid once, never over months."""
    for claim in claims[:MAX_PLACES]:
        base = claim.usd_amount if dollars else claim.amount
        if base is None:
            continue
        show = usd if dollars else _in(claim.currency or "")
        reply.use(claim.id, claim.article_id)
        reply.lines.append(
            fmt(
                _("{place}: {count} × {amount}{unit} = {total}, paid once — {label}."),
                place=place_of(claim),
                count=number(headcount),
                amount=show(base),
                unit=unit(claim, deadline=False),
                total=show(base * headcount),
                label=italic(_(LABEL)),
            )
        )


def _in(currency: str) -> Callable[[Decimal], str]:
    def show(amount: Decimal) -> str:
        return money(amount, currency)

    return show


_CUES = Path(__file__).parent / "vocabulary" / "arithmetic_cues.json"


@cache
def _split_words(language: str) -> re.Pattern[str] | None:
    patterns = json.loads(_CUES.read_text(encoding="utf-8"))["split"].get(language, ())
    return re.compile("|".join(patterns)) if patterns else None


def split_asked(text: str, language: str) -> bool:
    """ "splitting it evenly, how much each": a group's figure asked per member."""
    pattern = _split_words(language)
    return pattern is not None and pattern.search(text.casefold()) is not None


def split_sums(
    headcount: int, claims: list[ClaimView], *, dollars: bool, reply: Reply
) -> list[ClaimView]:
    """A figure per team (or household) split evenly among ``headcount`` members, for its own
    period; the figures answered (a range or a bound is said what it is instead)."""
    done: list[ClaimView] = []
    for claim in claims[:MAX_PLACES]:
        base = claim.usd_amount if dollars else claim.amount
        if base is None or claim.amount_high is not None:
            continue
        in_money = usd if dollars else _in(claim.currency or "")

        def show(
            value: Decimal, claim: ClaimView = claim, in_money: Callable[[Decimal], str] = in_money
        ) -> str:
            return bounded(claim, in_money(value))  # "at least 250 each"

        done.append(claim)
        reply.use(claim.id, claim.article_id)
        reply.lines.append(
            fmt(
                _(
                    "{place}: {amount}{unit} split evenly among {count} is about {each} each — "
                    "{label}."
                ),
                place=place_of(claim),
                amount=show(base),
                unit=unit(claim, deadline=False),
                count=number(headcount),
                each=show(rounded(base / headcount, 0 if base / headcount >= 100 else 2)),
                label=italic(_(LABEL)),
            )
        )
    return done


# "a team of 60 seamstresses", "a crew of 12": the members a group's figure is for, as its
# report words the basis.
_MEMBERS = re.compile(r"\b(?:of|for)\s+(\d{1,5})\b")


@cache
def _period_each(language: str) -> re.Pattern[str] | None:
    pattern = json.loads(_CUES.read_text(encoding="utf-8"))["split_not"].get(language)
    return re.compile(pattern) if pattern else None


def member_split_asked(text: str, language: str) -> bool:
    """A figure asked per member ("each seamstress", "каждая швея", "每个女工"), not "each
    month" (a period's "each" is taken out first)."""
    period = _period_each(language)
    folded = text.casefold()
    return split_asked(period.sub(" ", folded) if period else folded, language)


def members(claim: ClaimView) -> int | None:
    """How many a group's figure (per team, household, company) is for, when the report's
    own words of its basis say ("a team of 60 seamstresses"); else None."""
    if claim.basis in (None, "person") or not claim.basis_text:
        return None
    found = _MEMBERS.search(claim.basis_text)
    count = int(found.group(1)) if found else 0
    return count if count > 1 else None


def own_splits(claims: list[ClaimView], *, dollars: bool, reply: Reply) -> bool:
    """ "if the darkhan team splits it evenly, each?": a group's figure over the members its
    report names, labelled, beside the report's silence on a figure per person."""
    done = False
    for claim in claims[:MAX_PLACES]:
        count = members(claim)
        if count is None:
            continue
        reply.lines.append(
            fmt(_("{place}: the report gives no figure per person."), place=place_of(claim))
        )
        done = bool(split_sums(count, [claim], dollars=dollars, reply=reply)) or done
    return done
