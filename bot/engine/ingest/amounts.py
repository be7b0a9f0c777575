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
    """One figure of a sentence, in the claim model's terms: an amount (or a range up to
    ``amount_high``), or "from X to Y" read as one figure: ``amount`` X, ``amount_to`` Y."""

    amount: Decimal
    currency: str
    usd: Decimal | None  # the report's own conversion (None for dollar amounts)
    usd_approx: bool
    span: tuple[int, int]
    amount_high: Decimal | None = None  # a range: "between 300 and 1,000 dollars"
    usd_high: Decimal | None = None
    amount_to: Decimal | None = None  # "from 3,400 yuan to 6,800 yuan"
    usd_to: Decimal | None = None


FROM_BEFORE = re.compile(r"\bfrom\s*$")
TO_BETWEEN = re.compile(r"\s*to\s*")


def _conversion(mention: MoneyMention) -> tuple[Decimal | None, Decimal | None]:
    if mention.currency == "USD":
        return None, None
    return mention.usd, mention.usd_high


def amounts(text: str) -> list[Amount]:
    """The figures of a sentence, from find_money: "from X to Y" becomes one figure
    (whether find_money gives two mentions or one range)."""
    mentions: list[MoneyMention] = find_money(text)
    found: list[Amount] = []
    index = 0
    while index < len(mentions):
        mention = mentions[index]
        start, end = mention.span
        usd, usd_high = _conversion(mention)
        after_from = FROM_BEFORE.search(text[max(0, start - 6) : start]) is not None
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if (
            after_from
            and following is not None
            and following.currency == mention.currency
            and TO_BETWEEN.fullmatch(text[end : following.span[0]])
        ):
            found.append(Amount(
                mention.amount, mention.currency, usd, mention.usd_approx,
                (start, following.span[1]), amount_to=following.amount,
                usd_to=_conversion(following)[0],
            ))  # fmt: skip
            index += 2
            continue
        if after_from and mention.amount_high is not None:
            found.append(Amount(
                mention.amount, mention.currency, usd, mention.usd_approx, (start, end),
                amount_to=mention.amount_high, usd_to=usd_high,
            ))  # fmt: skip
        else:
            found.append(Amount(
                mention.amount, mention.currency, usd, mention.usd_approx, (start, end),
                amount_high=mention.amount_high, usd_high=usd_high,
            ))  # fmt: skip
        index += 1
    return found
