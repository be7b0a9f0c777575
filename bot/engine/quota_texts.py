"""The texts of quota answers (bot/engine/quota_blocks.py) that are defined once: how a
change is named, a figure's parts in a row, and the longer comparison sentences, marked for
the catalogs and translated where used."""

from __future__ import annotations

from bot.engine.wording import N_, _

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
