"""Every derived figure: one place computes them all, each labelled as our arithmetic.

Only stored claims go in: a quota's amount, the report's own dollar conversion, and the
amount implied by "doubled". Where a figure cannot be derived honestly (no new amount for
"increased", different currencies and no conversion), the answer says why not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from bot.engine.group_sums import group_sums
from bot.engine.numbers import money, spelled, usd
from bot.engine.periods import OVER_TIME, PER_PERIOD, PERIODS, period_of
from bot.engine.rates import implied_rates, rounded
from bot.engine.rates import plain as _plain
from bot.engine.reply import Reply
from bot.engine.reports import is_monthly, not_monthly
from bot.engine.understand import Understanding
from bot.engine.vocabulary import Intent, Operation
from bot.markup import Html, fmt, italic
from db.views import ClaimView

LABEL = "our arithmetic from the report's figures; the report states no such figure"
IMPLIED = "implied by “doubled”"
# How a reported change word scales the stated amount ("doubled": the new amount is implied).
CHANGE_FACTORS = {"doubled": Decimal(2)}
# A sum to reach is an amount of money, not a day of the month.
SMALLEST_SUM = Decimal(100)

_WHAT_SHARE_OF = re.compile(r"\bwhat (?:%|per ?cent|percentage|share|proportion|fraction) of\b")


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
        approx = "about" if self.implied else "nearly"
        return f"{stated}, {approx} {self.text()}"

    @property
    def name(self) -> str:
        return self.claim.place or self.claim.country or "this place"


class Arithmetic:
    """Operations a question asks for, on the quotas it is about."""

    @staticmethod
    def wanted(u: Understanding) -> list[Operation]:
        ops = [op for op in u.operations if op != Operation.DOUBLE or u.figures]
        # "a day" in "how many hours a day" is no sum of money: periods need an amount asked.
        asks_amount = Intent.QUOTA in u.intents or Intent.USD in u.intents or u.currencies
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
        )

    def figure(self, claim: ClaimView, u: Understanding, dollars: bool) -> Figure | None:
        base = claim.usd_amount if dollars else claim.amount
        if base is None:
            return None
        now = u.now and not u.before
        new = implied(base, claim.change)
        if now and new is not None:
            return Figure(claim, new, dollars, implied=True)
        if now and claim.change not in (None, "none"):
            return None  # "increased": the new amount is unknown
        return Figure(claim, base, dollars, implied=False)

    def answer(
        self, u: Understanding, quotas: list[ClaimView], every: list[ClaimView], reply: Reply
    ) -> bool:
        """``quotas``: those the question names (else all); ``every``: all current ones."""
        dollars = Intent.USD in u.intents or "USD" in u.currencies
        monthly = [c for c in quotas if is_monthly(c)]
        if u.headcount and u.headcount > 1 and monthly and self._asks_sum(u):
            # "10 workers in sakhalin, how much a month": the monthly quota times the head
            # count (a one-off or a range is said what it is instead).
            months = u.months or (12 if Operation.PER_YEAR in u.operations else None)
            not_monthly([c for c in quotas if not is_monthly(c)], reply)
            group_sums(u.headcount, monthly, now=u.now, before=u.before, dollars=dollars,
                       months=months, reply=reply)  # fmt: skip
            reply.intents.append(Intent.ARITHMETIC)
            return True
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
                not_monthly(others, reply)
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
        others = [c for c in every if c not in quotas]
        pair = quotas[:2] if named else []
        if len(quotas) == 1 and len(others) == 1 and not (u.now or u.before):
            pair = [*quotas, *others]
        elif not (u.places or u.countries) and len(every) == 2:
            pair = list(every)  # "the two quotas"
        # "by what percent did it go up": the change over time, not one place against another.
        over_time = (u.change_asked or u.now or u.before) and not (named or u.pair_asked)
        # "combined", "both together": every current quota when the question names none.
        whole_store = not (u.places or u.countries or u.sectors or u.currencies)
        period = next((op for op in ops if op in PERIODS), None)
        # "how much more … per year": the gap a year, not each place's year beside it.
        gap = period if Operation.DIFFERENCE in ops and pair and len(quotas) != 1 else None
        for op in sorted(ops, key=lambda op: op in PERIODS):
            if op == Operation.DOUBLE:
                self._double(u, quotas, reply)
            elif op == Operation.RATE:
                implied_rates(rated, reply)
            elif op == Operation.MONTHS_TO_REACH:
                if not self._months_to_reach(u, quotas, dollars, reply):
                    continue
            elif op in (Operation.TOTAL, Operation.COMBINED) and u.months:
                self._over_months(u, quotas, dollars, reply)
            elif op in (Operation.TOTAL, Operation.COMBINED) and pair and named:
                self._pair(Operation.TOTAL, u, pair, dollars, reply, period=period)
            elif op == Operation.COMBINED and pair and whole_store:
                # "combined in usd?": every quota, only when asked to put them together.
                self._pair(Operation.TOTAL, u, pair, dollars, reply, period=period)
            elif op in (Operation.PERCENTAGE, Operation.RATIO) and over_time:
                for claim in quotas[:5]:
                    self._before_to_after(op, claim, dollars, reply)
            elif op in PERIODS and Intent.BASIS in u.intents:
                continue  # "per month or per year?" asks the period, not a sum
            elif op in PERIODS and (gap or (op == Operation.PER_YEAR and u.months)):
                continue
            elif op in PERIODS:
                self._per_period(op, u, quotas, dollars, reply)
            elif (
                op == Operation.DIFFERENCE
                and (len(quotas) == 1 or over_time)
                and (u.now or u.before or u.change_asked)
            ):
                for claim in quotas[:5]:
                    self._now_minus_before(claim, dollars, reply)
            elif op in (Operation.RATIO, Operation.PERCENTAGE, Operation.DIFFERENCE,
                        Operation.SHARE) and pair:  # fmt: skip
                self._pair(op, u, pair, dollars, reply, period=gap)
            else:
                continue
            answered = True
        if answered:
            reply.intents.append(Intent.ARITHMETIC)
        return answered

    def _use(self, figure: Figure, reply: Reply) -> None:
        reply.use(figure.claim.id, figure.claim.article_id)

    def _state(self, figure: Figure) -> str:
        label = f" ({IMPLIED})" if figure.implied else ""
        source = (
            " (the report's own conversion)" if figure.in_dollars and not figure.implied else ""
        )
        return f"{figure.text()} a month{label}{source}"

    def _per_period(
        self, op: Operation, u: Understanding, quotas: list[ClaimView], dollars: bool, reply: Reply
    ) -> None:
        times, per, period, how = period_of(op, u.days_in_month)
        for claim in quotas[:5]:
            figure = self.figure(claim, u, dollars)
            if figure is None:
                reply.lines.append(self._no_new_amount(claim))
                continue
            self._use(figure, reply)
            value = rounded(figure.amount * times / per)
            reply.lines.append(
                fmt(
                    "{}: {} is about {} {} ({}) — {}; the report gives monthly quotas only.",
                    figure.name,
                    self._state(figure),
                    figure.text(value),
                    period,
                    how,
                    italic(LABEL),
                )
            )

    def _over_months(
        self, u: Understanding, quotas: list[ClaimView], dollars: bool, reply: Reply
    ) -> None:
        months = Decimal(u.months or 1)
        years = u.months // 12 if u.months and u.months % 12 == 0 else None
        span = f"{spelled(years)} years" if years else f"{spelled(u.months or 1)} months"
        # "before and after": both amounts, the stated one first.
        both = [replace(u, now=False), replace(u, before=False)] if u.now and u.before else [u]
        for claim, asked in ((claim, asked) for claim in quotas[:5] for asked in both):
            figure = self.figure(claim, asked, dollars)
            if figure is None:
                reply.lines.append(self._no_new_amount(claim))
                continue
            self._use(figure, reply)
            reply.lines.append(
                fmt(
                    "{}: {} over {} comes to {} — {}.",
                    figure.name,
                    self._state(figure),
                    span,
                    figure.text(figure.amount * months),
                    italic(LABEL),
                )
            )

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
                    "I will not compute that: the report gives no dollar figure or no new "
                    "amount for one of them, and different currencies cannot be compared "
                    "without a rate."
                )
            )
            return
        high, low = sorted(
            (f for f in figures if f is not None), key=lambda f: f.amount, reverse=True
        )
        for figure in (high, low):
            self._use(figure, reply)
        unit = " in the report's dollar conversions" if in_dollars else ""
        if op == Operation.SHARE:
            # "dalian as a % of sakhalin": in the order named.
            order = [p for p in u.places if p in {q.place for q in quotas}]
            part, whole = (high, low) if not order or high.claim.place == order[0] else (low, high)
            if _WHAT_SHARE_OF.search(u.text):  # "what % of sakhalin's is dalian's"
                part, whole = whole, part
            line = fmt(
                "{} ({}) is about {}% of {} ({}){} — {}.",
                part.name, part.described(), f"{rounded(part.amount * 100 / whole.amount, 1)}",
                whole.name, whole.described(), unit, italic(LABEL),
            )  # fmt: skip
        elif op == Operation.RATIO:
            ratio = rounded(high.amount / low.amount, 2)
            line = fmt(
                "{} ({}) is about {} times {} ({}){} — {}.",
                high.name, high.described(), f"{ratio}", low.name, low.described(), unit,
                italic(LABEL),
            )  # fmt: skip
        elif op == Operation.PERCENTAGE:
            share = rounded((high.amount - low.amount) * 100 / low.amount, 1)
            line = fmt(
                "{} ({}) is about {}% higher than {} ({}){} — {}.",
                high.name, high.described(), f"{share}", low.name, low.described(), unit,
                italic(LABEL),
            )  # fmt: skip
        elif op == Operation.DIFFERENCE:
            gap = difference(high.amount, low.amount)
            over = ""
            if period is not None:
                times, per, name, how = PERIODS[period]
                over = f", about {high.text(rounded(gap * times / per))} {name} ({how})"
            line = fmt(
                "{} ({}) is about {} more a month{} than {} ({}){} — {}.",
                high.name, high.described(), high.text(gap), over, low.name,
                low.described(), unit, italic(LABEL),
            )  # fmt: skip
        else:
            together = high.amount + low.amount
            over = ""
            if period is not None:
                times, per, name, how = PERIODS[period]
                over = f", about {high.text(rounded(together * times / per))} {name} ({how})"
            line = fmt(
                "{} ({}) and {} ({}) together come to about {} a month{}{} — {}.",
                high.name, high.described(), low.name, low.described(),
                high.text(together), over,
                unit, italic(LABEL),
            )  # fmt: skip
        reply.lines.append(line)
        if high.implied or low.implied:
            reply.lines.append(italic(f"The new amounts are {IMPLIED}."))

    def _now_minus_before(self, claim: ClaimView, dollars: bool, reply: Reply) -> None:
        base = claim.usd_amount if dollars else claim.amount
        new = implied(base, claim.change) if base is not None else None
        if base is None or new is None:
            reply.lines.append(self._no_new_amount(claim))
            return
        reply.use(claim.id, claim.article_id)
        text = usd if dollars else (lambda a: money(a, claim.currency or ""))
        reply.lines.append(
            fmt(
                "{}: before, {} a month; now doubled, so about {} ({}) — {} more a month, {}.",
                claim.place or claim.country or "",
                text(base),
                text(new),
                IMPLIED,
                text(difference(new, base)),
                italic(LABEL),
            )
        )

    def _before_to_after(
        self, op: Operation, claim: ClaimView, dollars: bool, reply: Reply
    ) -> None:
        """ "By what percent did it go up": the stated amount against the implied new one."""
        base = claim.usd_amount if dollars and claim.usd_amount is not None else claim.amount
        new = implied(base, claim.change) if base is not None else None
        if base is None or new is None or not base:
            reply.lines.append(self._no_new_amount(claim))
            return
        reply.use(claim.id, claim.article_id)
        text = usd if dollars and claim.usd_amount is not None else _in(claim)
        if op == Operation.PERCENTAGE:
            change = f"up {rounded((new - base) * 100 / base, 1).normalize():f}%"
        else:
            change = f"{rounded(new / base, 2).normalize():f} times the old amount"
        reply.lines.append(
            fmt(
                "{}: from {} to about {} a month ({}) — {}, {}.",
                claim.place or claim.country or "",
                text(base),
                text(new),
                IMPLIED,
                change,
                italic(LABEL),
            )
        )

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
                reply.lines.append(self._no_new_amount(claim))
                continue
            if not figure.amount:
                continue
            unit = "USD" if figure.in_dollars else claim.currency
            if typed and unit not in typed:
                reply.lines.append(
                    fmt(
                        "{}: I will not compute that: the sum is in {} and the quota in {}, "
                        "and the report gives no exchange rate.",
                        figure.name,
                        " or ".join(typed),
                        unit or "another currency",
                    )
                )
                continue
            self._use(figure, reply)
            months = rounded(target / figure.amount, 1)
            reply.lines.append(
                fmt(
                    "{}: {} at {} takes about {} months ({} ÷ {}) — {}.",
                    figure.name,
                    figure.text(target),
                    self._state(figure),
                    f"{months:f}",
                    _plain(target),
                    _plain(figure.amount),
                    italic(LABEL),
                )
            )
        return True

    def _double(self, u: Understanding, quotas: list[ClaimView], reply: Reply) -> None:
        for value in u.figures:
            for claim in quotas:
                for stored, dollars in ((claim.amount, False), (claim.usd_amount, True)):
                    new = implied(stored, claim.change) if stored is not None else None
                    if stored is None or stored != value or new is None:
                        continue
                    reply.use(claim.id, claim.article_id)
                    shown = usd(stored) if dollars else money(stored, claim.currency or "")
                    doubled = (
                        usd(stored * 2) if dollars else money(stored * 2, claim.currency or "")
                    )
                    reply.lines.append(
                        fmt(
                            "Double {} ({}'s monthly quota before the doubling) is {} — the "
                            "new amount {}; the report does not state it.",
                            shown,
                            claim.place or claim.country or "",
                            doubled,
                            IMPLIED,
                        )
                    )
                    return
        reply.lines.append(
            Html("I only compute from the report's own figures, and that is not one of them.")
        )

    @staticmethod
    def _no_new_amount(claim: ClaimView) -> Html:
        return fmt(
            "{}: the report gives no new amount (only that it {}), so I will not compute one.",
            claim.place or claim.country or "",
            claim.change or "changed",
        )


def _in(claim: ClaimView) -> Callable[[Decimal], str]:
    return lambda amount: money(amount, claim.currency or "")
