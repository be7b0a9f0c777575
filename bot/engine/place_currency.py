"""Places and the currencies a message names.

A message with no place that names a currency or an amount ("what's 62000 roubles in usd")
asks about the places whose quota it is. A place's quota asked in a currency the report does
not state it in ("the dalian quota in rubles"): the currency names the unit asked for, not a
second place whose quota happens to be stated in it, so only the named place's figures are
shown, after saying the report gives no figure in that currency (and no exchange rate).
"""

from __future__ import annotations

from bot.engine.compose import Composer
from bot.engine.numbers import currency_name
from bot.engine.phrases import both, either
from bot.engine.reply import Reply
from bot.engine.understand import Understanding
from bot.engine.vocabulary import Intent
from bot.engine.wording import _
from bot.markup import Html, fmt
from db.views import ClaimView


def unstated_currency(s: Understanding, c: Composer, reply: Reply) -> bool:
    """Drops from ``s.currencies`` those the named places' quotas are not stated in; when
    none of the asked currencies is one of theirs, says so. True when it said so."""
    if not (s.places or s.countries) or not s.currencies or s.figures:
        return False  # "62000 yuan in sakhalin?": a wrong pairing, answered by premises.py
    asked = list(s.currencies)
    s.currencies = []
    named = c.quotas(s)
    stated = list(dict.fromkeys(q.currency for q in named if q.currency))
    if not stated:
        s.currencies = asked
        return False
    # "dalian rubles or yuan?": yuan is Dalian's; rubles are no second place asked about.
    s.currencies = [code for code in asked if code in stated]
    others = [code for code in asked if code not in stated]
    if s.currencies or not others:
        return False
    places = list(dict.fromkeys(c.place_label(q) for q in named))
    line = _(
        "The report gives no figure for {places} in {currency}: it states the quota there in "
        "{stated}, with its own dollar conversion, and gives no exchange rate, so I will not "
        "convert it."
    )
    reply.lines.append(
        fmt(
            line,
            places=both(places[:3]),
            currency=either([f"{currency_name(code)} ({code})" for code in others]),
            stated=both([f"{currency_name(code)} ({code})" for code in stated[:3]]),
        )
    )
    reply.lines.append(Html(""))  # the place's own figures follow; a trailing one is dropped
    for claim in named[:3]:
        reply.use(claim.id, claim.article_id)
    return True


def picked_places(s: Understanding, quotas: list[ClaimView]) -> list[str]:
    """The places whose quota the message names by its amount, dollar figure or currency,
    when that is some of them and not all."""
    if not s.currencies and not s.figures:
        return []  # nothing to pick by: no need to walk every quota (thousands at scale)
    picked = {
        q.place
        for q in quotas
        if q.place
        and (
            q.currency in s.currencies
            or any(f in (q.amount, q.usd_amount) for f in s.figures)
            or (q.amount is not None and q.amount * 2 in s.figures)
        )
    }
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
