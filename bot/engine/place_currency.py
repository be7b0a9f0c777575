"""The places a message asks about without naming them: a message with no place that names
a currency or an amount ("what's 62000 roubles in usd") asks about the places whose quota it
is; a quota asked with a topic told of one place ("quota for the girls") is that place's.
"""

from __future__ import annotations

from bot.engine.compose import Composer
from bot.engine.premises import stated_values
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent
from db.views import ClaimView


def picked_places(s: Understanding, quotas: list[ClaimView]) -> list[str]:
    """The places whose quota the message names by its amount, dollar figure or currency,
    when that is some of them and not all."""
    if not s.currencies and not s.figures:
        return []  # nothing to pick by: no need to walk every quota (thousands at scale)
    figures = set(s.figures)
    by_figure = [
        q
        for q in quotas
        if q.place
        and (figures & stated_values(q) or (q.amount is not None and q.amount * 2 in figures))
    ]
    picked = {q.place for q in by_figure if q.place}
    picked |= {q.place for q in quotas if q.place and q.currency in s.currencies}
    if by_figure and set(s.currencies) <= {c for q in by_figure for c in (q.currency, "USD")}:
        # "45 dollars a day": the figure typed, in its own currency, names its quota (not
        # "3,400 yuan in rubles": another currency asked is a conversion's).
        picked = {q.place for q in by_figure if q.place}
    every = {q.place for q in quotas if q.place}
    return sorted(picked) if picked and picked != every else []


def topic_places(s: Understanding, c: Composer) -> list[str]:
    """ "quota for the girls": the quota asked with a topic whose claims all tell of one
    place (the young women work in Dalian) is that place's."""
    if Intent.QUOTA not in s.intents:
        return []
    topics = [t for t in s.topics if t not in ("quota", "doubling") and t not in s.settled_topics]
    if len(topics) != 1:
        return []
    places = c.topic_places(topics[0])
    only = places.pop() if len(places) == 1 else None
    return [only] if only else []
