"""How a monthly figure becomes a figure a year, a week or a day (arithmetic.py): twelve
months a year, fifty-two weeks, the days in a year; or, when the asker says how many days a
month has ("assume 30 days"), a month divided by those days.
"""

from __future__ import annotations

from decimal import Decimal

from bot.engine.vocabulary import Operation

MONTHS_A_YEAR = Decimal(12)
WEEKS_A_YEAR = Decimal(52)
DAYS_A_YEAR = Decimal(365)
# (multiply by, divide by, the period's name, how) for each period asked.
Period = tuple[Decimal, Decimal, str, str]
PERIODS: dict[Operation, Period] = {
    Operation.PER_YEAR: (MONTHS_A_YEAR, Decimal(1), "a year", "× twelve months"),
    Operation.PER_WEEK: (
        MONTHS_A_YEAR,
        WEEKS_A_YEAR,
        "a week",
        "× twelve months ÷ fifty-two weeks",
    ),
    Operation.PER_DAY: (
        MONTHS_A_YEAR,
        DAYS_A_YEAR,
        "a day",
        "× twelve months ÷ the days in a year",
    ),
}
# Operations that multiply a monthly figure over time (totals only over a span of months).
PER_PERIOD = frozenset({*PERIODS, Operation.MONTHS_TO_REACH})
OVER_TIME = PER_PERIOD | {Operation.TOTAL, Operation.COMBINED}


def period_of(op: Operation, days_in_month: int | None = None) -> Period:
    """The period's factors; a day from the asker's own month length when they give one."""
    if op == Operation.PER_DAY and days_in_month:
        return (
            Decimal(1),
            Decimal(days_in_month),
            "a day",
            f"÷ {days_in_month} days, as you asked",
        )
    return PERIODS[op]
