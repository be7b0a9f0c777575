"""A figure due per week worked out over a span counted in weeks: "how much in malabo over
4 weeks", "сколько выйдет за 4 недели", "4个星期一共多少", "4주 동안 얼마". The span's
words per language are data (vocabulary/period_counts.json); the figures are those whose
stated period is a week, times the count, labelled as our arithmetic. One week is a rate
(the figure itself), not a span.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import cache

from bot.engine.derived import LABEL, place_of
from bot.engine.figure_text import stated_period, unit
from bot.engine.language import Language
from bot.engine.numbers import money, number, usd
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import FOLDER, Intent
from bot.engine.wording import _, ngettext
from bot.markup import fmt, italic
from db.kinds import Period
from db.views import ClaimView

MAX_PLACES = 5


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = json.loads((FOLDER / "period_counts.json").read_text(encoding="utf-8"))
    found = {}
    for language, words in data["week"].items():
        numbers = data["numbers"].get(language, {})
        count = "|".join(
            [r"\d{1,3}", *(re.escape(w) for w in sorted(numbers, key=len, reverse=True))]
        )
        units = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        if language == "en":
            found[language] = re.compile(rf"\b(?P<n>{count})[- ]?(?:{units})\b")
        elif language == "ru":
            found[language] = re.compile(rf"\b(?P<n>{count})\s*(?:{units})")
        else:
            found[language] = re.compile(rf"(?P<n>{count})\s*(?:{units})")
    return found


@cache
def _numbers(language: str) -> dict[str, int]:
    data = json.loads((FOLDER / "period_counts.json").read_text(encoding="utf-8"))
    return dict(data["numbers"].get(language, {}))


def weeks_counted(text: str, language: Language) -> int | None:
    """The number of weeks a span names ("over 4 weeks": 4); None for none or one."""
    pattern = _patterns().get(language.value)
    match = pattern.search(text.casefold()) if pattern is not None else None
    if match is None:
        return None
    word = match.group("n")
    count = int(word) if word.isdigit() else _numbers(language.value).get(word)
    return count if count and count > 1 else None


def over_weeks(
    u: Understanding,
    quotas: Sequence[ClaimView],
    reply: Reply,
    report_of: Callable[[ClaimView], str],
) -> list[ClaimView]:
    """Each weekly figure of ``quotas`` over the weeks the question counts; the figures
    answered (a range or a bound is said what it is elsewhere, not summed here)."""
    weeks = weeks_counted(u.text, u.language)
    if weeks is None:
        return []
    dollars = Intent.USD in u.intents or "USD" in u.currencies
    done: list[ClaimView] = []
    for claim in quotas[:MAX_PLACES]:
        if stated_period(claim) != Period.WEEK or claim.amount is None:
            continue
        if claim.amount_high not in (None, claim.amount) or claim.amount_bound is not None:
            continue
        # The amount now (after a change stated from one amount to another), unless the
        # question asks the one before.
        later = not (u.before and not u.now)
        in_dollars = dollars and claim.usd_amount is not None
        amount = claim.usd_amount if in_dollars else claim.amount
        after = claim.usd_to if in_dollars else claim.amount_to
        amount = after if later and after is not None else amount
        assert amount is not None

        def text(value: Decimal, claim: ClaimView = claim, in_dollars: bool = in_dollars) -> str:
            return usd(value) if in_dollars else money(value, claim.currency or "")

        done.append(claim)
        reply.use(claim.id, claim.article_id)
        template = ngettext(
            "{place}: {figure}{unit} over {count} week comes to {total} — {label}.",
            "{place}: {figure}{unit} over {count} weeks comes to {total} — {label}.",
            weeks,
        )
        reply.lines.append(
            fmt(
                template,
                place=place_of(claim, "") + report_of(claim),
                figure=text(amount),
                unit=unit(claim, deadline=False),
                count=number(weeks),
                total=text(amount * weeks),
                label=italic(_(LABEL)),
            )
        )
    return done
