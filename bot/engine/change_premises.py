"""A change asserted of a named place that its report states otherwise: "the tuzla payment
doubled like sakhalin's" of a figure reported as a rise of 20 %, "the sohar figure went up"
of one reported unchanged, "gdansk doubled too" of one given with no change at all. Read from
each claim's own stored change (change, change_percent, amount_is), so any report's figures
are answered; only the places the message names, and only when the report's change is not
the one asserted (a doubled figure asserted doubled, a rise asserted risen: no line).
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import lru_cache

from bot.engine.change_lines import change_words
from bot.engine.change_sources import change_facts
from bot.engine.claims import ComposerBase
from bot.engine.derived import plain
from bot.engine.figure_text import amount_text, unit
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import FOLDER
from bot.engine.wording import N_, _
from bot.markup import Html, fmt
from db.kinds import AmountSide, FigureChange
from db.views import ClaimView

MAX_LINES = 3


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, tuple[str, ...]]]:
    data = json.loads((FOLDER / "change_premises.json").read_text(encoding="utf-8"))
    return {
        kind: {language: tuple(found) for language, found in data[kind].items()}
        for kind in ("rise", "fall", "either", "which_way")
    }


def _says(u: Understanding, kind: str) -> bool:
    text = u.text.casefold()
    return any(word in text for word in _words()[kind].get(str(u.language.value), ()))


def asserts_rise(u: Understanding) -> bool:
    """The message says the figure went up (in its own language's words)."""
    return _says(u, "rise")


def asserts_fall(u: Understanding) -> bool:
    """The message says the figure went down (in its own language's words)."""
    return _says(u, "fall")


def asks_direction(u: Understanding) -> bool:
    """The message asks which way the figure went ("up or down", "подняли или нет",
    "涨了还是降了", "올랐어 아니면 내렸어"): words of both directions, or one beside a word
    offering the other, rather than asserting one."""
    rise, fall = asserts_rise(u), asserts_fall(u)
    # "사할린만 올랐어 아니면 중국도?": with two subjects named, "or" offers the other one.
    either = _says(u, "either") and len(u.places) + len(u.countries) < 2
    return (rise and fall) or ((rise or fall) and either) or _says(u, "which_way")


def _what_it_says(claim: ClaimView) -> str | None:
    """What the report says of the figure's change, with the figure: None when it gives
    no figure to set against the premise. A change names the amount before it and the one
    after it as the report states them: "a fall of 20 %, from 450 to 360 rials", never the
    amount before as the one after ("a fall of 20 %, to 450")."""
    amount = amount_text(claim)
    if not amount:
        return None
    tail = unit(claim)
    figure = f"{amount}{tail}"
    change = claim.change
    if change in (FigureChange.INCREASED, FigureChange.DECREASED, FigureChange.DOUBLED):
        changed = change_words(claim)  # "a fall of 20 %", "a rise", "a doubling"
        if claim.amount_to is not None:  # both stated: "from 450 to 360 rials"
            return _("it reports {change}, from {before} to {after}").format(
                change=changed,
                before=plain(claim.amount) if claim.amount is not None else amount,
                after=f"{amount_text(claim, claim.amount_to)}{tail}",
            )
        if claim.amount_is == AmountSide.AFTER:  # the amount stated is the new one
            return _("it reports {change}, to {figure}").format(change=changed, figure=figure)
        # The amount stated is the one before; the report gives no new amount.
        return _("it reports {change}, from {figure}").format(change=changed, figure=figure)
    if change == FigureChange.UNCHANGED:
        return _("it says the figure is unchanged: {figure}").format(figure=figure)
    if change == FigureChange.NEW:
        return _("it reports {figure} as a new demand").format(figure=figure)
    if change in (None, "none"):
        return _("it gives no change, only {figure}").format(figure=figure)
    return None


# Which way the report says a figure went, when the message asks which way.
_DIRECTION = {
    FigureChange.INCREASED: N_("Up"),
    FigureChange.DOUBLED: N_("Up"),
    FigureChange.DECREASED: N_("Down"),
    FigureChange.UNCHANGED: N_("Unchanged"),
}


def _went(claim: ClaimView, rise: bool, fall: bool) -> bool:
    """The report's change is the one asserted."""
    if rise:
        return claim.change in (FigureChange.INCREASED, FigureChange.DOUBLED)
    if fall:
        return claim.change == FigureChange.DECREASED
    return claim.change_from_amount == FigureChange.DOUBLED  # "doubled" asserted


def _factor_of(claim: ClaimView) -> Decimal | None:
    """What the report's change multiplied the amount by: from the two amounts it states,
    else from its percentage; None when it gives neither."""
    if claim.amount and claim.amount_to is not None:
        return round(claim.amount_to / claim.amount, 2)
    percent = claim.change_percent
    if percent is not None and claim.change == FigureChange.INCREASED:
        return round(1 + percent / 100, 2)
    if percent is not None and claim.change == FigureChange.DECREASED:
        return round(1 - percent / 100, 2)
    return None


def wrong_change_of_place(u: Understanding, claims: ComposerBase, reply: Reply) -> bool:
    """ "No: Test Herald (14 June 2025) does not say it doubled for Tuzla, Türkiye: it
    reports a rise of 20 %, to 9,600 US dollars (USD) a person a year." A message asking
    which way it went ("salalah up or down?") gets the way and the report's figures, not
    a "No"."""
    doubled = u.change_factor == 2 or "doubling" in u.topics
    # "cut by half", "tripled": a factor the report's own change is set against (a doubled
    # figure's is answered by honest.py's _wrong_change).
    factor = u.change_factor if not doubled else None
    plain_change = not doubled and factor is None
    asked = plain_change and asks_direction(u)
    rise = plain_change and not asked and asserts_rise(u)
    fall = plain_change and not asked and not rise and asserts_fall(u)
    if not (doubled or rise or fall or asked or factor) or not (u.places or u.countries):
        return False
    named = [
        q
        for q in claims.quotas(u)  # (the index's selection, not a walk over every figure)
        if q.place in u.places or (not u.places and q.country in u.countries)
    ]
    shown = 0
    for claim in named:
        if factor is not None and (
            claim.change_from_amount == FigureChange.DOUBLED or _factor_of(claim) == factor
        ):
            continue
        if not asked and factor is None and _went(claim, rise, fall):
            continue
        said = _what_it_says(claim)
        if said is None or shown == MAX_LINES:
            continue
        shown += 1
        reply.use(claim.id, claim.article_id)
        report = claims.reports.by(claim.article_id)
        place = claims.place_label(claim)
        heard = change_facts(claims.snapshot, claim)
        if heard and claim.change in (None, "none"):
            # "raised in October" / "not changed this year": the sources, not "no change".
            figure = f"{amount_text(claim)}{unit(claim)}"
            _sources_line(claims, heard, report, place, figure, reply)
            continue
        if asked:
            direction = (
                _DIRECTION.get(FigureChange(claim.change))
                if claim.change in tuple(FigureChange)
                else None
            )
            template = (
                _("{direction}: {report} on {place}: {said}.")
                if direction
                else _("{report} on {place}: {said}.")
            )
            line = fmt(template, direction=_(direction) if direction else "", report=report,
                       place=place, said=said)  # fmt: skip
        else:
            template = (
                _("No: {report} does not say that for {place}: {said}.")
                if factor is not None
                else _("No: {report} does not say it doubled for {place}: {said}.")
                if doubled
                else _("No: {report} does not say it went up for {place}: {said}.")
                if rise
                else _("No: {report} does not say it went down for {place}: {said}.")
            )
            line = fmt(template, report=report, place=place, said=said)
        reply.lines.append(line)
        if heard:  # "a lorry driver: there was no cut at all"
            reply.lines.append(Html(_("What the report's sources say about the change:")))
            _fact_lines(claims, heard, reply)
    return bool(shown)


def _sources_line(
    claims: ComposerBase,
    heard: list[ClaimView],
    report: str,
    place: str,
    figure: str,
    reply: Reply,
) -> None:
    """The figure gives no change, but the report's sources speak of one (or of none)."""
    reply.lines.append(
        fmt(
            _(
                "{report} on {place}: {figure}, given with no change; what its sources say "
                "about a change:"
            ),
            report=report,
            place=place,
            figure=figure,
        )
    )
    _fact_lines(claims, heard, reply)


def _fact_lines(claims: ComposerBase, heard: list[ClaimView], reply: Reply) -> None:
    for fact in heard:
        reply.use(fact.id, fact.article_id)
        reply.lines.append(fmt("• {}", claims.claim_line(fact, both=True)))
