"""A change asserted of a named place that its report states otherwise: "the tuzla payment
doubled like sakhalin's" of a figure reported as a rise of 20 %, "the sohar figure went up"
of one reported unchanged, "gdansk doubled too" of one given with no change at all. Read from
each claim's own stored change (change, change_percent, amount_is), so any report's figures
are answered; only the places the message names, and only when the report's change is not
the one asserted (a doubled figure asserted doubled, a rise asserted risen: no line).
"""

from __future__ import annotations

import json
from functools import lru_cache

from bot.engine.claims import ComposerBase
from bot.engine.figure_text import amount_text, unit
from bot.engine.numbers import number
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import FOLDER
from bot.engine.wording import _
from bot.markup import fmt
from db.views import ClaimView

MAX_LINES = 3


@lru_cache(maxsize=1)
def _rise_words() -> dict[str, tuple[str, ...]]:
    data = json.loads((FOLDER / "change_premises.json").read_text(encoding="utf-8"))
    return {language: tuple(found) for language, found in data["rise"].items()}


def asserts_rise(u: Understanding) -> bool:
    """The message says the figure went up (in its own language's words)."""
    text = u.text.casefold()
    return any(word in text for word in _rise_words().get(str(u.language.value), ()))


def _what_it_says(claim: ClaimView) -> str | None:
    """What the report says of the figure's change, with the figure: None when it gives
    no figure to set against the premise."""
    amount = amount_text(claim)
    if not amount:
        return None
    figure = f"{amount}{unit(claim)}"
    percent = claim.change_percent
    if claim.change == "increased" and percent is not None:
        return _("it reports a rise of {percent} %, to {figure}").format(
            percent=number(percent), figure=figure
        )
    if claim.change == "decreased" and percent is not None:
        return _("it reports a fall of {percent} %, to {figure}").format(
            percent=number(percent), figure=figure
        )
    if claim.change == "unchanged":
        return _("it says the figure is unchanged: {figure}").format(figure=figure)
    if claim.change == "new":
        return _("it reports {figure} as a new demand").format(figure=figure)
    if claim.change in (None, "none"):
        return _("it gives no change, only {figure}").format(figure=figure)
    return None


def wrong_change_of_place(u: Understanding, claims: ComposerBase, reply: Reply) -> bool:
    """ "No: Test Herald (14 June 2025) does not say it doubled for Tuzla, Türkiye: it
    reports a rise of 20 %, to 9,600 US dollars (USD) a person a year." """
    doubled = u.change_factor == 2 or "doubling" in u.topics
    rise = not doubled and u.change_factor is None and asserts_rise(u)
    if not (doubled or rise) or not (u.places or u.countries):
        return False
    named = [
        q
        for q in claims.quotas(u)  # (the index's selection, not a walk over every figure)
        if q.place in u.places or (not u.places and q.country in u.countries)
    ]
    shown = 0
    for claim in named:
        if claim.change_from_amount == "doubled" or (rise and claim.change == "increased"):
            continue
        said = _what_it_says(claim)
        if said is None or shown == MAX_LINES:
            continue
        shown += 1
        reply.use(claim.id, claim.article_id)
        template = (
            _("No: {report} does not say it doubled for {place}: {said}.")
            if doubled
            else _("No: {report} does not say it went up for {place}: {said}.")
        )
        reply.lines.append(
            fmt(template, report=claims.reports.by(claim.article_id),
                place=claims.place_label(claim), said=said)
        )  # fmt: skip
    return bool(shown)
