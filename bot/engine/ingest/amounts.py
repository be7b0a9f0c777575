"""The figures of one sentence, from find_money (bot/engine/money.py): a money amount with
the report's own dollar conversion, or "from X to Y" read as one figure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from bot.engine.money import MoneyMention, find_money


def number(amount: object) -> str:
    text = format(amount, "f")
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    grouped = f"{int(whole):,}"
    return f"{grouped}.{fraction}" if fraction else grouped


@dataclass(frozen=True)
class Amount:
    """One figure of a sentence: a money mention, or "from X to Y" read as one."""

    amount: Decimal
    currency: str
    usd: Decimal | None
    usd_approx: bool
    span: tuple[int, int]
    amount_high: Decimal | None = None  # a range: "between 300 and 1,000 dollars"
    change_from: str | None = None  # "from 3,400 yuan to 6,800 yuan", as written
    change_to: str | None = None


FROM_BEFORE = re.compile(r"\bfrom\s*$")
TO_BETWEEN = re.compile(r"\s*to\s*")


def amounts(text: str) -> list[Amount]:
    """The figures of a sentence, from find_money: "from X to Y" becomes one figure, Y
    (whether find_money gives two mentions or one range)."""
    mentions: list[MoneyMention] = find_money(text)
    found: list[Amount] = []
    index = 0
    while index < len(mentions):
        mention = mentions[index]
        start, end = mention.span
        usd = mention.usd if mention.currency != "USD" else None
        after_from = FROM_BEFORE.search(text[max(0, start - 6) : start]) is not None
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if (
            after_from
            and following is not None
            and following.currency == mention.currency
            and TO_BETWEEN.fullmatch(text[end : following.span[0]])
        ):
            follow_usd = following.usd if following.currency != "USD" else None
            found.append(Amount(
                following.amount, mention.currency, follow_usd, following.usd_approx,
                (start, following.span[1]), None, text[start:end],
                text[following.span[0] : following.span[1]],
            ))  # fmt: skip
            index += 2
            continue
        if after_from and mention.amount_high is not None:
            # One range from find_money: "3,400 yuan to 6,800 yuan" as written.
            ends = re.split(r"\s+to\s+", text[start:end], maxsplit=1)
            low = ends[0] if len(ends) == 2 else f"{number(mention.amount)} {mention.currency}"
            high = ends[-1] if len(ends) == 2 else None
            found.append(Amount(
                mention.amount_high, mention.currency, None, False, (start, end), None,
                low, high or f"{number(mention.amount_high)} {mention.currency}",
            ))  # fmt: skip
        else:
            found.append(Amount(
                mention.amount, mention.currency, usd, mention.usd_approx, (start, end),
                mention.amount_high,
            ))  # fmt: skip
        index += 1
    return found
