"""Every derived figure: one place computes them all, each labelled as our arithmetic.

Only stored claims go in: a quota's amount, the report's own dollar conversion, and the
amount implied by "doubled". Where a figure cannot be derived honestly (no new amount for
"increased", different currencies and no conversion), the answer says why not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from bot.engine.again import doubled_again
from bot.engine.arith_cues import read_arithmetic
from bot.engine.bases import basis_gap, by_basis
from bot.engine.cross_rates import convert
from bot.engine.derived import LABEL, decimal, either, no_new_amount, plain
from bot.engine.figure_text import restates_a_figure
from bot.engine.figure_values import Figure, difference, implied
from bot.engine.group_sums import (
    group_sums,
    member_split_asked,
    not_per_worker,
    once_sums,
    own_splits,
    split_asked,
    split_sums,
)
from bot.engine.implied_sums import before_to_after, double_of, now_minus_before
from bot.engine.pairs import PERIODS, pair_line
from bot.engine.period_sums import changes, no_earlier, sums
from bot.engine.period_sums import group_sums as period_group_sums
from bot.engine.periods import at_each_time, gap_over_time, over_months, per_period, state
from bot.engine.quarters import is_quarterly, not_monthly
from bot.engine.range_ends import range_gaps
from bot.engine.rates import implied_rates, rounded, undated_rate
from bot.engine.reply import Reply
from bot.engine.reports import is_monthly, is_once
from bot.engine.segments import offers_choice
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent, Operation
from bot.engine.wording import _
from bot.markup import Html, fmt, italic
from db.kinds import AmountSide
from db.views import ClaimView

Claims = list[ClaimView]

__all__ = ["IMPLIED", "LABEL", "PERIODS", "Arithmetic", "Figure", "difference", "implied"]

# The label of an amount implied by "doubled" (English: the web record shows it).
IMPLIED = "implied by “doubled”"
# Operations that multiply a monthly figure over time (totals only over a span of months).
PER_PERIOD = frozenset({*PERIODS, Operation.MONTHS_TO_REACH})
OVER_TIME = PER_PERIOD | {Operation.TOTAL, Operation.COMBINED}
# A sum to reach is an amount of money, not a day of the month.
SMALLEST_SUM = Decimal(100)

_WHAT_SHARE_OF = re.compile(r"\bwhat (?:%|per ?cent|percentage|share|proportion|fraction) of\b")


# A quarter's months.
QUARTER = 3


class Arithmetic:
    """Operations a question asks for, on the quotas it is about."""

    def __init__(self, report_of: Callable[[ClaimView], str] | None = None) -> None:
        # " (RFA, October 2020)" after each place when there are several reports, so every
        # line of a sum over a year or a week says whose figure it is.
        self.report_of = report_of or (lambda claim: "")

    @staticmethod
    def wanted(u: Understanding) -> list[Operation]:
        ops = [op for op in u.operations if op != Operation.DOUBLE or u.figures]
        # "a day" in "how many hours a day" is no sum of money: periods need an amount asked.
        asks_amount = Intent.QUOTA in u.intents or Intent.USD in u.intents or bool(u.currencies)
        # "how much more a year since the doubling": the increase is a sum of money too.
        asks_amount = asks_amount or (
            Operation.DIFFERENCE in ops and bool(u.now or u.before or u.change_asked)
        )
        # "sakhalin per annum": a covered place and a period alone ask its amount per period.
        asks_amount = asks_amount or (
            bool(u.places or u.countries)
            and not (u.intents or u.attributes or u.topics or u.question_words)
        )
        ops = [op for op in ops if op not in PERIODS or asks_amount]
        # "how much higher, in percent": the percentage is the answer, not also the gap.
        if {Operation.RATIO, Operation.PERCENTAGE, Operation.SHARE} & set(ops):
            ops = [op for op in ops if op != Operation.DIFFERENCE]
        if Operation.SHARE in ops:  # "as a percentage of": the share, not also the rise
            ops = [op for op in ops if op != Operation.PERCENTAGE]
        if u.months and u.months > 1 and Operation.TOTAL not in ops and Intent.QUOTA in u.intents:
            ops.append(Operation.TOTAL)
        return ops

    @staticmethod
    def _asks_sum(u: Understanding) -> bool:
        """A sum of money asked: how much, a total, a figure, a quota."""
        return bool(
            {Intent.QUOTA, Intent.USD, Intent.COMPARE} & set(u.intents)
            or {Operation.TOTAL, Operation.COMBINED} & set(u.operations)
            # "dalian per team of 5", "sakhalin for a crew of 10": the group's sum
            or (set(u.intents) <= {Intent.BASIS} and not (u.attributes or u.topics))
        )

    def figure(self, claim: ClaimView, u: Understanding, dollars: bool) -> Figure | None:
        base = claim.usd_amount if dollars else claim.amount
        if base is None:
            return None
        now = u.now and not u.before
        new = implied(base, claim.change_from_amount)
        if now and new is not None:
            return Figure(claim, new, dollars, implied=True, report=self.report_of(claim))
        if now and claim.change_from_amount not in (None, "none"):
            return None  # "increased": the new amount is unknown
        if u.before and not u.now and claim.amount_is == AmountSide.AFTER:
            return None  # "rose 25 % to 450,000": the report states no amount before it
        return Figure(claim, base, dollars, implied=False, report=self.report_of(claim))

    def answer(
        self, u: Understanding, quotas: list[ClaimView], every: list[ClaimView], reply: Reply
    ) -> bool:
        """``quotas``: those the question names (else all); ``every``: all current ones."""
        u = read_arithmetic(u)
        if no_earlier(u, quotas, reply):
            return True  # "the figure before june" of a new demand: there is none
        if range_gaps(u, quotas, reply, self.report_of):
            return True  # "the top of the kolwezi range vs its bottom": within one range
        if convert(u, every, reply):
            reply.intents.append(Intent.ARITHMETIC)
            return True
        dollars = Intent.USD in u.intents or "USD" in u.currencies
        # "10 married workers", "household minus single": the figures of the bases named.
        quotas, bases = by_basis(u, quotas)
        if bases and basis_gap(u, quotas, reply):
            reply.intents.append(Intent.ARITHMETIC)
            return True
        each_asked = not u.headcount and member_split_asked(u.text, u.language.value)
        if each_asked and own_splits(quotas, dollars=dollars, reply=reply):  # "a team of 60"
            reply.intents.append(Intent.ARITHMETIC)
            return True
        # Only a head count needs the monthly figures: not worth a walk over thousands.
        # Figures per worker (not per household or team: the head count is of workers;
        # a "married worker" pays the household's figure: the basis the question names).
        per_worker = {None, "person", *bases}
        counted = bool(u.headcount and u.headcount > 1)  # (else no walk over thousands)
        monthly = [c for c in quotas if is_monthly(c) and c.basis in per_worker] if counted else []
        once = (
            [c for c in quotas if is_once(c) and c.amount and c.basis in per_worker]
            if u.headcount
            else []
        )
        per_other = [c for c in quotas if c.basis not in per_worker] if counted else []
        periodic = [c for c in quotas if c not in (*monthly, *once, *per_other)] if counted else []
        sums_asked = (monthly or once or per_other or periodic) and self._asks_sum(u)
        if u.headcount and u.headcount > 1 and sums_asked:
            # "10 workers in sakhalin, how much a month": the monthly quota times the head
            # count; a one-off times the head count, paid once (a range or a yearly figure
            # is said what it is instead).
            months = u.months or (12 if Operation.PER_YEAR in u.operations else None)
            if split_asked(u.text, u.language.value):  # "a crew of 20 splitting it, each"
                split = split_sums(u.headcount, per_other, dollars=dollars, reply=reply)
                per_other = [c for c in per_other if c not in split]
            not_per_worker(per_other, reply)
            rest = [c for c in quotas if c.basis in per_worker]
            summed = period_group_sums(u.headcount, u, periodic, dollars, reply)
            rest = [c for c in rest if not is_monthly(c) and c not in (*once, *summed)]
            not_monthly(rest, reply, u, self.report_of)
            once_sums(u.headcount, once, dollars=dollars, reply=reply)
            group_sums(u.headcount, monthly, now=u.now, before=u.before, dollars=dollars,
                       months=months, reply=reply)  # fmt: skip
            reply.intents.append(Intent.ARITHMETIC)
            return True
        quarterly = quotas and all(is_quarterly(c) for c in quotas)
        if u.months == QUARTER and quarterly and not set(u.operations) - {Operation.TOTAL}:
            return False  # a quarter's sum of a figure due per quarter: the figure itself
        # A weekly, quarterly or yearly figure or a range, worked out for the other
        # periods asked; a change stated from one amount to another, as a gap and a percent.
        done = sums(u, quotas, dollars, reply, self.report_of)
        done += changes(
            u, [c for c in quotas if c not in done] if done else [*quotas], dollars, reply
        )
        if done and (rest := [c for c in quotas if c not in done]):
            self._rest(u, rest, [c for c in every if c not in done], dollars, reply)
        reply.intents.extend([Intent.ARITHMETIC] if done else [])
        return bool(done) or self._rest(u, quotas, every, dollars, reply)

    def _rest(
        self, u: Understanding, quotas: Claims, every: Claims, dollars: bool, reply: Reply
    ) -> bool:
        ops = self.wanted(u)
        if not ops or not quotas:
            return False
        # Every sum here is of monthly figures: a one-off (or yearly) levy is never
        # multiplied by twelve; it is said what it is instead.
        others = [c for c in quotas if not is_monthly(c)]
        # One line per figure and its conversion (a report may give one twice).
        rated = list({(c.amount, c.usd_amount, c.currency): c for c in reversed(quotas)}.values())
        rated.reverse()
        if others:
            quotas = [c for c in quotas if is_monthly(c)]
            every = [c for c in every if is_monthly(c)]
            # Sums say why a one-off has none; comparisons just leave it out.
            summed = set(ops) & (OVER_TIME if u.months else PER_PERIOD)
            if set(ops) & OVER_TIME:
                not_monthly(others, reply, u, self.report_of)
            if not quotas and Operation.RATE in ops:
                ops = [Operation.RATE]  # a one-off's own dollar conversion has a rate too
            elif not quotas:
                # A total with no span ("in total", "combined"): the figures follow.
                reply.intents.extend([Intent.ARITHMETIC] if summed else [])
                return bool(summed)
        answered = False
        # Two places' figures are compared only when the question names both, or names
        # one and the store holds just one other ("how much more does Sakhalin pay");
        # they are added up only when it names both.
        named = len(u.places) + len(u.countries) >= 2
        # "루블 위안 각각 … 합치면", "в рублях … в юанях … в сумме": the money of two places
        # names both places.
        by_currency = not named and len(_own_currencies(u, every)) >= 2
        named = named or by_currency
        others = [c for c in every if c not in quotas]
        pair = quotas[:2] if named and len(quotas) >= 2 else []
        # "how much more does dalian pay, in yuan": in the place's own money, its rise (the
        # other place's figure is in another currency).
        own = len(quotas) == 1 and bool(u.currencies) and set(u.currencies) <= {quotas[0].currency}
        changed = u.change_asked or (own and not named)
        # (Not when it asks about the change: "how much more since the rise" is over time.)
        # (Not when the other place named is one the reports do not cover: "sakhalin vs
        # moscow" is not Sakhalin against Dalian.)
        elsewhere = bool(u.unknown_places or u.regions)
        if (
            len(quotas) == 1
            and len(others) == 1
            and not (u.now or u.before or changed or elsewhere)
        ):
            pair = [*quotas, *others]
        elif not (u.places or u.countries) and len(every) == 2:
            pair = list(every)  # "the two quotas"
        # "by what percent did it go up": the change over time, not one place against another.
        # "if doubled, what percent": the doubling named is the change asked about, too.
        doubling = "doubling" in u.topics
        over_time = (changed or u.now or u.before or doubling) and not (named or u.pair_asked)
        # "combined", "both together": every current quota when the question names none.
        whole_store = not (u.places or u.countries or u.sectors or u.currencies)
        period = next((op for op in ops if op in PERIODS), None)
        # "how much more … per year": the gap a year, not each place's year beside it.
        gap = period if Operation.DIFFERENCE in ops and pair and len(quotas) != 1 else None
        # "how much more per year after the rise": the rise over the year, not the new total.
        rise = Operation.DIFFERENCE in ops and (len(quotas) == 1 or over_time)
        rise = bool(rise and (u.now or u.before or changed))
        # "how much more over 2 years since the doubling": the rise over the span.
        span_gap = rise and not period and bool(u.months and u.months > 1)
        # "a year per person at the new amount": a sum of the new (or old) figure.
        dated_sum = Intent.QUOTA in u.intents and (u.now or u.before)
        both = u.pair_asked and whole_store  # "both places in total": one sum of the two
        spanned = False  # the sum over a span of months is said once
        paired = False  # and the sum of the pair
        for op in sorted(ops, key=lambda op: op in PERIODS):
            if op == Operation.DOUBLE:
                double_of(u, quotas, reply)
            elif op == Operation.DOUBLE_AGAIN:
                if not doubled_again(quotas, dollars, reply):
                    continue
            elif op == Operation.RATE:
                # "what day's rate": none is given; the rates its figures imply only when
                # an amount is asked too ("what rate, and from when?").
                if Intent.DATE not in u.intents or u.amount_hinted:
                    implied_rates(rated, reply)
                if Intent.DATE in u.intents:
                    undated_rate(rated, reply)
            elif op == Operation.MONTHS_TO_REACH:
                if not self._months_to_reach(u, quotas, dollars, reply):
                    continue
            elif op in (Operation.TOTAL, Operation.COMBINED) and span_gap:
                continue  # the increase over the span is the answer (below)
            elif op in (Operation.TOTAL, Operation.COMBINED) and u.months:
                if spanned:
                    continue  # "반년치 합계": "total" and "combined" ask the one sum
                spanned = True
                for in_dollars in _units(u, quotas, dollars):
                    over_months(u, quotas, in_dollars, reply, self.figure)
            elif (
                op in (Operation.TOTAL, Operation.COMBINED)
                and pair
                and (
                    # "combined in usd?": every quota, only when asked to put them together.
                    named or both or (op == Operation.COMBINED and whole_store)
                )
            ):
                if paired:
                    continue  # "add up both … what's the total": one sum, at each time asked
                paired = True
                # Named by their money and no time asked: the sum before and after a doubling.
                times = at_each_time(u)
                if by_currency and not (u.now or u.before) and all_doubled(pair):
                    times = at_each_time(replace(u, now=True, before=True))
                for at in times:
                    self._pair(Operation.TOTAL, at, pair, dollars, reply, period=period)
            elif op in (Operation.PERCENTAGE, Operation.RATIO) and over_time:
                for claim in quotas[:5]:
                    before_to_after(op, claim, dollars, reply)
            elif (
                op in PERIODS
                and Intent.BASIS in u.intents
                and not dated_sum
                and not restates_a_figure(u.text, u.figures, quotas)
                and not (op == Operation.PER_DAY and u.days_in_month)
                and not (u.amount_hinted and not offers_choice(u.text, u.language))
            ):
                # "per month or per year?" asks the period, not a sum; "a month's quota a
                # day, 30 days a month" asks the day's sum of the month the asker sizes, and
                # "pays 6800 a month, how much is that in a day" an amount
                continue
            elif op in PERIODS and (gap or rise or (op == Operation.PER_YEAR and u.months)):
                continue
            elif op in PERIODS:
                for in_dollars in _units(u, quotas, dollars):
                    per_period(op, u, quotas, in_dollars, reply, self.figure)
            elif op == Operation.DIFFERENCE and span_gap:
                for claim in quotas[:5]:
                    gap_over_time(u, claim, dollars, reply)
            elif op == Operation.DIFFERENCE and rise:
                for claim in quotas[:5]:
                    now_minus_before(claim, dollars, reply, period)
            elif op in (Operation.RATIO, Operation.PERCENTAGE, Operation.DIFFERENCE,
                        Operation.SHARE) and pair:  # fmt: skip
                # "the spread between the two, before and after the hike": at both times.
                for at in at_each_time(u):
                    self._pair(op, at, pair, dollars, reply, period=gap)
            else:
                continue
            answered = True
        if answered:
            reply.intents.append(Intent.ARITHMETIC)
        return answered

    def _use(self, figure: Figure, reply: Reply) -> None:
        reply.use(figure.claim.id, figure.claim.article_id)

    def _pair(
        self,
        op: Operation,
        u: Understanding,
        quotas: list[ClaimView],
        dollars: bool,
        reply: Reply,
        *,
        period: Operation | None = None,
    ) -> None:
        currencies = {c.currency for c in quotas}
        in_dollars = dollars or len(currencies) > 1
        figures = [self.figure(c, u, in_dollars) for c in quotas]
        if any(f is None for f in figures):
            reply.lines.append(
                Html(
                    _(
                        "I will not compute that: the report gives no dollar figure or no new "
                        "amount for one of them, and different currencies cannot be compared "
                        "without a rate."
                    )
                )
            )
            return
        high, low = sorted(
            (f for f in figures if f is not None), key=lambda f: f.amount, reverse=True
        )
        for figure in (high, low):
            self._use(figure, reply)
        if op == Operation.SHARE:
            # "dalian as a % of sakhalin": in the order named.
            order = [p for p in u.places if p in {q.place for q in quotas}]
            part, whole = (high, low) if not order or high.claim.place == order[0] else (low, high)
            if _WHAT_SHARE_OF.search(u.text):  # "what % of sakhalin's is dalian's"
                part, whole = whole, part
            high, low = part, whole
        reply.lines.append(pair_line(op, high, low, in_dollars, period))
        if high.implied or low.implied:
            reply.lines.append(italic(_("The new amounts are implied by “doubled”.")))

    def _months_to_reach(
        self, u: Understanding, quotas: list[ClaimView], dollars: bool, reply: Reply
    ) -> bool:
        """ "How many months to hand over 1 million rubles": the sum ÷ the monthly quota."""
        sums = [f for f in u.figures if f >= SMALLEST_SUM and not 1900 <= f <= 2100]
        if not sums:
            return False
        target = sums[0]
        # The sum is in the currency the question names (rubles, yuan, dollars), if any.
        typed = [*u.currencies, *(["USD"] if dollars else [])]
        for claim in quotas[:5]:
            figure = self.figure(claim, u, dollars)
            if figure is None:
                reply.lines.append(no_new_amount(claim))
                continue
            if not figure.amount:
                continue
            unit = "USD" if figure.in_dollars else claim.currency
            if typed and unit not in typed:
                reply.lines.append(
                    fmt(
                        _(
                            "{place}: I will not compute that: the sum is in {sum_currency} and "
                            "the quota in {quota_currency}, and the report gives no exchange rate."
                        ),
                        place=figure.name,
                        sum_currency=either(typed),
                        quota_currency=unit or _("another currency"),
                    )
                )
                continue
            self._use(figure, reply)
            months = rounded(target / figure.amount, 1)
            reply.lines.append(
                fmt(
                    _(
                        "{place}: {sum} at {figure} takes about {months} months ({sum_figure} ÷ "
                        "{quota_figure}) — {label}."
                    ),
                    place=figure.name,
                    sum=figure.text(target),
                    figure=state(figure),
                    months=decimal(months),
                    sum_figure=plain(target),
                    quota_figure=plain(figure.amount),
                    label=italic(_(LABEL)),
                )
            )
        return True


def _own_currencies(u: Understanding, every: list[ClaimView]) -> set[str]:
    """The stored quotas' own currencies (not dollars) the question names."""
    named = set(u.currencies) - {"USD"}
    return {c.currency for c in every if c.currency in named} if named else set()


def all_doubled(quotas: list[ClaimView]) -> bool:
    return all(c.change_from_amount == "doubled" for c in quotas)


def _units(u: Understanding, quotas: list[ClaimView], dollars: bool) -> tuple[bool, ...]:
    """ "per annum in yuan, and in usd": the quota's own currency, then dollars, when the
    question names both; else the one it asks."""
    own = {c.currency for c in quotas}
    return (False, True) if dollars and own == set(u.currencies) - {"USD"} else (dollars,)
