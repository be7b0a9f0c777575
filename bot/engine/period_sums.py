"""A figure of any period worked out for another: a weekly quota a year, a quarterly one a
month, a yearly range a month, a daily floor a week; and a change the report states from one
amount to another, as a gap, a ratio and a percentage. Called by ``arithmetic.Arithmetic``
(the one place derived figures are computed) for every figure that is not one monthly amount
(the monthly ones keep their own sentences, periods.py). Every result is labelled as our
arithmetic; a range stays a range, and a figure whose amount a reported change has replaced
without a new amount is said to be the old one. A bound ("at least US$40 a day") is not
worked out: figure_text.py says it is only a bound.

The periods a question asks for are its operations (per year, week, day) and the period
words it uses (figures_en.json's ``period_words``; vocabulary/period_asks.json for Russian,
Chinese and Korean), other than the figure's own period.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from bot.engine.basis_units import unit_sums
from bot.engine.derivation import change_step
from bot.engine.derived import LABEL, decimal, place_of
from bot.engine.figure_text import amount_text, periods_said, stated_period, unit, words
from bot.engine.language import Language
from bot.engine.numbers import money, number, usd
from bot.engine.period_counts import over_weeks
from bot.engine.quarters import is_quarterly
from bot.engine.quarters import not_monthly as quarterly
from bot.engine.rates import rounded
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import FOLDER, Intent, Operation
from bot.engine.wording import N_, _
from bot.markup import fmt, italic
from db.kinds import AmountSide, FigureChange, Period
from db.textfold import fold
from db.views import ClaimView

# How many of each period a year holds; a week is seven days and a quarter three months
# (or thirteen weeks) exactly, not their share of a year.
_A_YEAR = {
    Period.DAY: Decimal(365),
    Period.WEEK: Decimal(52),
    Period.MONTH: Decimal(12),
    Period.QUARTER: Decimal(4),
    Period.YEAR: Decimal(1),
}
_EXACT = {
    (Period.WEEK, Period.DAY): Decimal(7),
    (Period.QUARTER, Period.MONTH): Decimal(3),
    (Period.QUARTER, Period.WEEK): Decimal(13),
}
# How each conversion is made, in words (no digit a reader could take for a reported figure).
HOW = {
    (Period.DAY, Period.WEEK): N_("× seven days"),
    (Period.DAY, Period.MONTH): N_("× the days in a year ÷ twelve months"),
    (Period.DAY, Period.QUARTER): N_("× the days in a year ÷ four quarters"),
    (Period.DAY, Period.YEAR): N_("× the days in a year"),
    (Period.WEEK, Period.DAY): N_("÷ seven days"),
    (Period.WEEK, Period.MONTH): N_("× fifty-two weeks ÷ twelve months"),
    (Period.WEEK, Period.QUARTER): N_("× thirteen weeks"),
    (Period.WEEK, Period.YEAR): N_("× fifty-two weeks"),
    (Period.MONTH, Period.DAY): N_("× twelve months ÷ the days in a year"),
    (Period.MONTH, Period.WEEK): N_("× twelve months ÷ fifty-two weeks"),
    (Period.MONTH, Period.QUARTER): N_("× three months"),
    (Period.MONTH, Period.YEAR): N_("× twelve months"),
    (Period.QUARTER, Period.DAY): N_("× four quarters ÷ the days in a year"),
    (Period.QUARTER, Period.WEEK): N_("÷ thirteen weeks"),
    (Period.QUARTER, Period.MONTH): N_("÷ three months"),
    (Period.QUARTER, Period.YEAR): N_("× four quarters"),
    (Period.YEAR, Period.DAY): N_("÷ the days in a year"),
    (Period.YEAR, Period.WEEK): N_("÷ fifty-two weeks"),
    (Period.YEAR, Period.MONTH): N_("÷ twelve months"),
    (Period.YEAR, Period.QUARTER): N_("÷ four quarters"),
}
_ORDER = (Period.DAY, Period.WEEK, Period.MONTH, Period.QUARTER, Period.YEAR)
_OPERATION_PERIODS = {
    Operation.PER_DAY: Period.DAY,
    Operation.PER_WEEK: Period.WEEK,
    Operation.PER_YEAR: Period.YEAR,
}
# Which amount a line is worked out from, said after the stated figure.
_NOW = N_("the amount after the change")
_BEFORE = N_("the amount before the change")
_OLD_ONLY = N_("the amount before the change; the report gives no new amount")
_IMPLIED_BEFORE = N_("the amount before the change, implied by the reported percentage")
_LINE = N_("{place}: {figure}{unit}{which} is about {total} {period} ({how}) — {label}.")
_WHICH = N_(" ({which})")
_UP = N_(
    "{place}: from {before} to {after}{unit} — {gap} more, {ratio} times the old amount, up "
    "{percent}% — {label}."
)
_DOWN = N_(
    "{place}: from {before} to {after}{unit} — {gap} less, {ratio} times the old amount, down "
    "{percent}% — {label}."
)
# Only the gap asked ("by how many riyals did it drop"): no ratio or percentage is made.
_UP_GAP = N_("{place}: from {before} to {after}{unit} — {gap} more — {label}.")
_DOWN_GAP = N_("{place}: from {before} to {after}{unit} — {gap} less — {label}.")
# Words that offer periods as alternatives ("per month or per year?"): the period is asked.
_ALTERNATIVES = (" or ", " или ", "还是", "아니면", "或者")
_CHANGE_OPS = frozenset({Operation.PERCENTAGE, Operation.RATIO, Operation.DIFFERENCE})


@lru_cache(maxsize=4)
def _period_words(language: str) -> tuple[tuple[Period, tuple[str, ...]], ...]:
    data = json.loads((FOLDER / "period_asks.json").read_text(encoding="utf-8"))
    return tuple(
        (Period(name), tuple(fold(w) for w in cues))
        for name, cues in data.get(language, {}).items()
    )


def periods_asked(u: Understanding) -> list[Period]:
    """The periods a question names or asks a sum for, in order from a day to a year."""
    named: set[Period] = {_OPERATION_PERIODS[op] for op in u.operations if op in _OPERATION_PERIODS}
    if u.days_in_month:
        named.add(Period.MONTH)  # "over a 30 day month"
    if u.language is Language.EN:
        named |= {Period(p) for p in periods_said(u.text) if p != Period.ONCE}
    else:
        text = fold(u.text)
        named |= {period for period, cues in _period_words(u.language.value) if any(
            cue in text for cue in cues)}  # fmt: skip
    return [p for p in _ORDER if p in named]


def _times(own: Period, target: Period, u: Understanding) -> tuple[Decimal, str]:
    """What a figure per ``own`` is multiplied by for one per ``target``, and how, in words:
    a daily figure over a month of the days the asker gives ("a 30 day month") by them."""
    if (own, target) == (Period.DAY, Period.MONTH) and u.days_in_month:
        days = u.days_in_month
        return Decimal(days), _("× {days} days").format(days=days)
    return factor(own, target), _(HOW[(own, target)])


def summed_asked(u: Understanding) -> bool:
    """A sum per period asked outright ("how much a year"), not only a period named."""
    return any(op in _OPERATION_PERIODS for op in u.operations)


def convertible(claim: ClaimView) -> bool:
    """A figure this module works out: an amount due per day, week, quarter or year, or a
    monthly range or "from X to Y" (one monthly amount has periods.py's sentences); never a
    bound."""
    period = stated_period(claim)
    if claim.amount is None or period not in _A_YEAR or claim.amount_bound is not None:
        return False  # (a bound, "at least US$40 a day", is said to be one: no sum)
    if period != Period.MONTH or claim.amount_to is not None:
        return True  # (a monthly "from X to Y": periods.py would take X, the old amount)
    return claim.amount_high not in (None, claim.amount)


def factor(source: Period, target: Period) -> Decimal:
    """What an amount per ``source`` is multiplied by to be one per ``target``."""
    if (source, target) in _EXACT:
        return 1 / _EXACT[(source, target)]
    if (target, source) in _EXACT:
        return _EXACT[(target, source)]
    return _A_YEAR[source] / _A_YEAR[target]


@dataclass(frozen=True)
class Amount:
    """The amount (and top of a range) a line works from, and which side of a change it is."""

    low: Decimal
    high: Decimal | None
    which: str  # _NOW, _BEFORE, _OLD_ONLY, _IMPLIED_BEFORE, or "" (no change in play)


def amount_of(claim: ClaimView, u: Understanding, dollars: bool) -> Amount | None:
    """The amount the question asks about: after a stated change unless it asks before;
    the stated one (said to be the old one) when a change replaced it with none given."""
    base = claim.usd_amount if dollars else claim.amount
    if base is None:
        return None
    high = claim.usd_high if dollars else claim.amount_high
    high = None if high == base else high
    after = claim.usd_to if dollars else claim.amount_to
    before_asked = u.before and not u.now
    if after is not None:
        return Amount(base, high, _BEFORE) if before_asked else Amount(after, None, _NOW)
    if claim.amount_is == AmountSide.AFTER:
        if not before_asked:
            return Amount(base, high, "")
        # "rose 25 percent to 450,000": about 360,000 before it, unless too rounded to say.
        step = change_step(claim, base)
        return (
            None
            if step is None or step.derived is None
            else Amount(step.derived, None, _IMPLIED_BEFORE)
        )
    if claim.change in (FigureChange.DOUBLED, FigureChange.INCREASED, FigureChange.DECREASED):
        return None if u.now and not u.before else Amount(base, high, _OLD_ONLY)
    return Amount(base, high, "")


def _total(claim: ClaimView, amount: Amount, times: Decimal, dollars: bool) -> str:
    def text(value: Decimal) -> str:
        value = rounded(value, 0 if value >= 100 else 2)
        return usd(value) if dollars else money(value, claim.currency or "")

    if amount.high is not None:
        low = rounded(amount.low * times, 0 if amount.low * times >= 100 else 2)
        high = rounded(amount.high * times, 0 if amount.high * times >= 100 else 2)
        top = text(amount.high * times)
        # In the language's digits; "$530 to $660": a sign before the figure goes before both.
        shown = number(low.normalize())
        plain = shown if top.startswith(number(high.normalize())) else text(amount.low * times)
        return _(words().range).format(low=plain, high=top)
    return text(amount.low * times)


def _stated(claim: ClaimView, amount: Amount, dollars: bool) -> str:
    return _total(claim, amount, Decimal(1), dollars)


def sums(
    u: Understanding,
    quotas: Sequence[ClaimView],
    dollars: bool,
    reply: Reply,
    report_of: Callable[[ClaimView], str],
) -> list[ClaimView]:
    """Each figure of ``quotas`` that is not one monthly amount, worked out for the other
    periods the question asks; the figures answered (none when it asks no other period)."""
    if u.unit_count and (counted := unit_sums(u, quotas, reply, report_of)):
        return counted  # "a six-shift week": the figure due per shift, times six
    if counted := over_weeks(u, quotas, reply, report_of):
        return counted  # "over 4 weeks": a weekly figure times four
    asked = periods_asked(u)
    if u.days and set(asked) <= {Period.DAY}:
        return _over_days(u, u.days, quotas, dollars, reply, report_of)
    if not asked or any(word in f" {u.text} " for word in _ALTERNATIVES):
        return []
    if not (u.places or u.countries or u.sectors or summed_asked(u)):
        return []  # "a month?" of no figure in particular: not every odd figure's month
    amount_asked = bool({Intent.QUOTA, Intent.USD, Intent.BASIS, Intent.COMPARE} & set(u.intents))
    summed = any(op in _OPERATION_PERIODS for op in u.operations)
    if not (amount_asked or summed or ((u.places or u.countries) and not u.question_words)):
        return []
    done: list[ClaimView] = []
    for claim in [c for c in quotas if convertible(c)][:5]:
        own = Period(stated_period(claim) or Period.MONTH)
        targets = [p for p in asked if p != own]
        in_dollars = dollars and claim.usd_amount is not None
        amount = amount_of(claim, u, in_dollars)
        if not targets or amount is None:
            continue
        done.append(claim)
        reply.use(claim.id, claim.article_id)
        if is_quarterly(claim) and set(targets) <= {Period.MONTH, Period.YEAR} and not in_dollars:
            quarterly([claim], reply, u)  # its month and its year, in one sentence
            continue
        which = fmt(_(_WHICH), which=_(amount.which)) if amount.which else ""
        for target in targets:
            times, how = _times(own, target, u)
            reply.lines.append(
                fmt(
                    _(_LINE),
                    place=place_of(claim, "") + report_of(claim),
                    figure=_stated(claim, amount, in_dollars),
                    unit=unit(claim, deadline=False),
                    which=which,
                    total=_total(claim, amount, times, in_dollars),
                    period=_(words().periods[target.value]),
                    how=how,
                    label=italic(_(LABEL)),
                )
            )
    return done


def changes(
    u: Understanding, quotas: Sequence[ClaimView], dollars: bool, reply: Reply
) -> list[ClaimView]:
    """ "By how much did it go up, in percent": of a figure the report gives from one amount
    to another, the gap, the ratio and the percentage; the figures answered."""
    if not _CHANGE_OPS & set(u.operations) or len(u.places) + len(u.countries) > 1:
        return []
    done: list[ClaimView] = []
    for claim in quotas[:5]:
        in_dollars = dollars and claim.usd_to is not None
        before = claim.usd_amount if in_dollars else claim.amount
        after = claim.usd_to if in_dollars else claim.amount_to
        implied = ""
        # (Of one figure asked, and not when only the amount before is asked: "what was it
        # before the rise" is that amount; "doctors vs nurses" two figures' gap.)
        one = len(quotas) == 1 and not (u.before and not u.now)
        # (The percentage the report states is shown by its block: here the gap asked.)
        one = (
            one
            and Operation.DIFFERENCE in u.operations
            and Operation.PERCENTAGE not in u.operations
        )
        if after is None and claim.amount_is == AmountSide.AFTER and one:
            # "rose 20 percent in January, to US$9,600": from the amount the percentage implies.
            in_dollars = dollars and claim.usd_amount is not None
            after = claim.usd_amount if in_dollars else claim.amount
            step = change_step(claim, after)
            before = None if step is None else step.derived
            implied = fmt(_(_WHICH), which=_(_IMPLIED_BEFORE))
        if before is None or after is None or not before or claim.amount_high is not None:
            continue
        done.append(claim)
        reply.use(claim.id, claim.article_id)

        def text(value: Decimal, claim: ClaimView = claim, dollars: bool = in_dollars) -> str:
            return usd(value) if dollars else money(value, claim.currency or "")

        percent = rounded(abs(after - before) * 100 / before, 1).normalize()
        gap_only = not {Operation.PERCENTAGE, Operation.RATIO} & set(u.operations)
        texts = (_UP_GAP, _DOWN_GAP) if gap_only else (_UP, _DOWN)
        reply.lines.append(
            fmt(
                _(texts[0] if after >= before else texts[1]),
                place=place_of(claim, ""),
                before=fmt("{}{}", text(before), implied),
                after=text(after),
                unit=unit(claim, deadline=False),
                gap=text(abs(after - before)),
                ratio=decimal(rounded(after / before, 2).normalize()),
                percent=decimal(percent),
                label=italic(_(LABEL)),
            )
        )
    return done


_GROUP = N_("{place}: {count} × {figure}{unit}{which} = {total} {period}{how} — {label}.")


def group_sums(
    headcount: int, u: Understanding, quotas: Sequence[ClaimView], dollars: bool, reply: Reply
) -> list[ClaimView]:
    """ "300 workers × US$150 a week": a figure per person due per day, week, quarter or year
    (or a range of them) times a head count, for its own period or the periods asked; the
    figures answered. Monthly and one-off figures keep group_sums.py's sentences."""
    done: list[ClaimView] = []
    for claim in quotas[:5]:
        period = stated_period(claim)
        if claim.basis not in (None, "person") or period not in _A_YEAR or period == Period.MONTH:
            continue
        if claim.amount_bound is not None:
            continue  # (a bound is said to be one: figure_text.py)
        own = Period(period)
        in_dollars = dollars and claim.usd_amount is not None
        amount = amount_of(claim, u, in_dollars)
        if amount is None or amount.high is not None:
            continue  # (a range is said to be one, not summed for a head count)
        done.append(claim)
        reply.use(claim.id, claim.article_id)
        which = fmt(_(_WHICH), which=_(amount.which)) if amount.which else ""
        for target in periods_asked(u) or [own]:
            how = "" if target == own else fmt(" ({})", _(HOW[(own, target)]))
            reply.lines.append(
                fmt(
                    _(_GROUP),
                    place=place_of(claim, ""),
                    count=number(headcount),
                    figure=_stated(claim, amount, in_dollars),
                    unit=unit(claim, deadline=False),
                    which=which,
                    total=_total(claim, amount, headcount * factor(own, target), in_dollars),
                    period=_(words().periods[target.value]),
                    how=how,
                    label=italic(_(LABEL)),
                )
            )
    return done


_DAYS = N_("{place}: {figure}{unit} over {days} days comes to {total} — {label}.")


def _over_days(
    u: Understanding,
    days: int,
    quotas: Sequence[ClaimView],
    dollars: bool,
    reply: Reply,
    report_of: Callable[[ClaimView], str],
) -> list[ClaimView]:
    """ "the daily figure over 200 days": a figure due per day times the days typed."""
    done: list[ClaimView] = []
    for claim in quotas[:5]:
        in_dollars = dollars and claim.usd_amount is not None
        amount = amount_of(claim, u, in_dollars) if stated_period(claim) == Period.DAY else None
        if amount is None or claim.amount_bound is not None:
            continue
        done.append(claim)
        reply.use(claim.id, claim.article_id)
        reply.lines.append(
            fmt(
                _(_DAYS),
                place=place_of(claim, "") + report_of(claim),
                figure=_stated(claim, amount, in_dollars),
                unit=unit(claim, deadline=False),
                days=number(days),
                total=_total(claim, amount, Decimal(days), in_dollars),
                label=italic(_(LABEL)),
            )
        )
    return done


_NO_EARLIER = N_(
    "{place}: the report gives no earlier figure; it reports {amount}{unit} as a new demand."
)


def no_earlier(u: Understanding, quotas: Sequence[ClaimView], reply: Reply) -> bool:
    """ "what was the kolwezi figure before june": of a figure the report gives as a new
    demand, there is no earlier one to give (not the figure itself as if it were)."""
    if not (u.before and not u.now and (u.places or u.countries) and quotas):
        return False
    if any(c.change != FigureChange.NEW or c.amount_to is not None for c in quotas):
        return False
    for claim in quotas[:5]:
        reply.use(claim.id, claim.article_id)
        reply.lines.append(
            fmt(_(_NO_EARLIER), place=place_of(claim, ""), amount=amount_text(claim),
                unit=unit(claim, deadline=False))
        )  # fmt: skip
    reply.intents.append(Intent.SILENT)
    return True
