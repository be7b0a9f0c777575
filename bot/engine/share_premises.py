"""A share of pay asserted that the report gives otherwise: "the herald says 90% of their pay
goes to pyongyang" of a share reported as 70 percent, "швеи отдают 90% зарплаты", "上交九成工资"
(nine tenths). Read from each claim's own stored share (share_low, share_high), of the place
or kind of work asked, else of every stored share; a percentage inside the stored range, or
one the message gives as a change ("went up 30 %"), is no premise to answer.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bot.engine.change_premises import asserts_rise
from bot.engine.claims import ComposerBase
from bot.engine.figure_text import amount_text, unit
from bot.engine.numbers import number
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.wording import _
from bot.markup import fmt
from db.views import ClaimView

MAX_LINES = 2
# "90%", "90 percent", "90 процентов", "90％", "90퍼센트", "90 프로"
_PERCENT = re.compile(
    r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|％|percent\b|per cent\b|pc\b|процент|퍼센트|프로)", re.IGNORECASE
)
# "九成" (nine tenths): a Chinese digit before 成
_TENTHS = re.compile(r"([一二三四五六七八九])成")
_DIGITS = "一二三四五六七八九"


def asserted_percents(text: str) -> list[Decimal]:
    """The percentages a message states, as numbers (九成 -> 90)."""
    found = [Decimal(m.group(1).replace(",", ".")) for m in _PERCENT.finditer(text)]
    found += [Decimal((_DIGITS.index(m.group(1)) + 1) * 10) for m in _TENTHS.finditer(text)]
    return found


def _within(value: Decimal, claim: ClaimView) -> bool:
    low = claim.share_low
    assert low is not None
    return low <= value <= (claim.share_high or low)


def wrong_share(u: Understanding, quotas: list[ClaimView], c: ComposerBase, reply: Reply) -> bool:
    """ "No: Test Herald (14 June 2025) reports 70 percent of their monthly pay a person a
    month for Phnom Penh, Cambodia, not 90 %." """
    if u.change_factor is not None or u.operations or asserts_rise(u):
        return False
    percents = asserted_percents(u.text)
    if not percents:  # (the cheap test first: most messages state no percentage)
        return False
    shares = [q for q in quotas if q.is_share]
    if not shares:
        return False
    shown = 0
    for value in percents:
        if any(_within(value, q) for q in shares):
            continue
        for claim in shares[:MAX_LINES]:
            shown += 1
            reply.use(claim.id, claim.article_id)
            reply.lines.append(
                fmt(
                    _("No: {report} reports {share}{unit} for {place}, not {value} %."),
                    report=c.reports.by(claim.article_id),
                    share=amount_text(claim),
                    unit=unit(claim),
                    place=c.place_label(claim),
                    value=number(value),
                )
            )
        break
    return bool(shown)
