"""The texts of quota answers (bot/engine/quota_blocks.py) that are defined once: how a
change is named, a figure's parts in a row, and the longer comparison sentences, marked for
the catalogs and translated where used."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from bot.engine.numbers import usd
from bot.engine.wording import N_, _
from bot.markup import Html, fmt, italic
from db.kinds import AmountSide, FigureChange
from db.views import ClaimView

IMPLIED_SHORT = N_("implied by “doubled”")
# How a figure changed, as the list of quotas names it ("; doubled").
CHANGES = {
    "doubled": N_("doubled"),
    "increased": N_("increased"),
    "decreased": N_("decreased"),
    "new": N_("new"),
    "unchanged": N_("unchanged"),
}

# "Now:" of a change the report gives no new amount (nor a percentage) for.
NO_NEW_AMOUNT = {
    "increased": N_("Now: increased; the report does not give the new amount."),
    "decreased": N_("Now: decreased; the report does not give the new amount."),
}


def figure_parts(*parts: str | None) -> str:
    """ "62,000 rubles (RUB), nearly $730, a person a month": a figure's parts in a row."""
    shown = [part for part in parts if part]
    text = shown[0] if shown else ""
    for part in shown[1:]:
        # Translators: a figure and its next part ("62,000 rubles (RUB), nearly $730").
        text = _("{figure}, {part}").format(figure=text, part=part)
    return text


def change_word(change: str) -> str:
    return _(CHANGES[change]) if change in CHANGES else change


# A one-off against a monthly quota in the same currency (``kinds_line``).
KINDS_MORE = N_(
    "{outlet}'s {amount}{unit} is more than one month of {other}'s quota for {place} "
    "({monthly} a month{doubled}); but {outlet}'s is paid once and {other}'s every month: "
    "not the same kind of payment."
)
KINDS_LESS = N_(
    "{outlet}'s {amount}{unit} is less than one month of {other}'s quota for {place} "
    "({monthly} a month{doubled}); but {outlet}'s is paid once and {other}'s every month: "
    "not the same kind of payment."
)
KINDS_ABOUT = N_(
    "{outlet}'s {amount}{unit} is about as much as one month of, or less than, {other}'s "
    "quota for {place} ({monthly} a month{doubled}); but {outlet}'s is paid once and "
    "{other}'s every month: not the same kind of payment."
)
# Two figures in dollars, as one report or as two reports convert them (``answer_compare``).
IN_DOLLARS = N_(
    "In dollars, as the report converts them, {high}'s previous quota ({high_usd}) was about "
    "{difference} higher than {low}'s ({low_usd}) — {label}."
)
IN_DOLLARS_ACROSS = N_(
    "In dollars, as their reports convert them, {high}'s previous quota ({high_usd}) was about "
    "{difference} higher than {low}'s ({low_usd}) — {label}."
)

# Two figures in dollars now, when either report states its amount as today's (``dollar_gap``).
NOW_IN_DOLLARS = N_(
    "In dollars, as the report converts them, {high}'s quota now ({high_usd}) is about "
    "{difference} higher than {low}'s ({low_usd}) — {label}."
)
NOW_IN_DOLLARS_ACROSS = N_(
    "In dollars, as their reports convert them, {high}'s quota now ({high_usd}) is about "
    "{difference} higher than {low}'s ({low_usd}) — {label}."
)
_LATER = (FigureChange.DOUBLED, FigureChange.INCREASED, FigureChange.DECREASED)


def _now_usd(claim: ClaimView) -> tuple[Decimal, bool] | None:
    """A figure's dollar amount now, and whether "doubled" implies it; None when a change
    replaced it with no new amount."""
    if claim.usd_to is not None:
        return claim.usd_to, False
    if claim.usd_amount is None:
        return None
    if claim.amount_is == AmountSide.AFTER or claim.change not in _LATER:
        return claim.usd_amount, False
    if claim.change == FigureChange.DOUBLED:
        return claim.usd_amount * 2, True
    return None


def dollar_gap(claims: Sequence[ClaimView], across: bool, name: Callable[[ClaimView], str]) -> Html:
    """Two figures' gap in dollars as their reports convert them: the previous quotas when
    both stated amounts are the ones before a change (the seed's), else the quotas now (an
    amount "doubled" implies labelled so)."""
    label = italic(_("our arithmetic; the report makes no such comparison"))
    now = [_now_usd(c) for c in claims]
    previous = all(c.change in _LATER and c.amount_is != AmountSide.AFTER for c in claims)
    if previous or None in now:
        high, low = sorted(claims, key=lambda c: c.usd_amount or 0, reverse=True)
        assert high.usd_amount is not None and low.usd_amount is not None
        return fmt(
            _(IN_DOLLARS_ACROSS if across else IN_DOLLARS),
            high=name(high),
            high_usd=usd(high.usd_amount),
            difference=usd(high.usd_amount - low.usd_amount),
            low=name(low),
            low_usd=usd(low.usd_amount),
            label=label,
        )
    pairs = sorted(zip(claims, now, strict=True), key=lambda p: p[1][0] if p[1] else 0)
    (low, low_now), (high, high_now) = pairs
    assert low_now is not None and high_now is not None

    def shown(amount: tuple[Decimal, bool]) -> str:
        text = usd(amount[0])
        if not amount[1]:
            return text
        return _("{figure}, {part}").format(figure=text, part=_(IMPLIED_SHORT))

    return fmt(
        _(NOW_IN_DOLLARS_ACROSS if across else NOW_IN_DOLLARS),
        high=name(high),
        high_usd=shown(high_now),
        difference=usd(high_now[0] - low_now[0]),
        low=name(low),
        low_usd=shown(low_now),
        label=label,
    )
