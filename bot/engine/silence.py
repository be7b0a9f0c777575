"""Sentences that say what the store covers (``covered_sentence``) and what it leaves out:
how many more of a kind were not shown (``ComposerBase.more_line``), and that the reports
are silent on something, with one report, with one of several, or with none of several
(``no_report`` / ``no_report_line``). Whole sentences for the catalogs, plurals by count."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.engine import reports
from bot.engine.local_names import series
from bot.engine.wording import N_, _, ngettext
from bot.markup import Html, fmt

# Store-wide answers are capped so that one question is one or two messages, however large
# the store grows (at 100,000 claims, an uncapped "/quotas" was 507 messages): the rest is
# counted, and the reader told how to narrow it down.
LIST_LIMIT = 20  # one-line entries
BLOCK_LIMIT = 5  # full quota blocks (about six lines each)
IDS_PER_SOURCE = 10

# "…and 3 more quota figures in the store, not shown here.", by the kind of thing left out
# (``more_line``; the callers name the kind in English).
MORE_LINES: dict[str, Callable[[int], str]] = {
    "quota figures": lambda n: ngettext(
        "…and {count} more quota figure in the store, not shown here. "
        "Ask about one place to narrow it down.",
        "…and {count} more quota figures in the store, not shown here. "
        "Ask about one place to narrow it down.",
        n,
    ),
    "retracted figures": lambda n: ngettext(
        "…and {count} more retracted figure in the store, not shown here. "
        "Ask about one place to narrow it down.",
        "…and {count} more retracted figures in the store, not shown here. "
        "Ask about one place to narrow it down.",
        n,
    ),
    "claims from this source": lambda n: ngettext(
        "…and {count} more claim from this source in the store, not shown here. "
        "Ask about one place to narrow it down.",
        "…and {count} more claims from this source in the store, not shown here. "
        "Ask about one place to narrow it down.",
        n,
    ),
    "sources": lambda n: ngettext(
        "…and {count} more source in the store, not shown here. "
        "Ask about one place to narrow it down.",
        "…and {count} more sources in the store, not shown here. "
        "Ask about one place to narrow it down.",
        n,
    ),
    "facts on this topic": lambda n: ngettext(
        "…and {count} more fact on this topic in the store, not shown here. "
        "Ask about one place to narrow it down.",
        "…and {count} more facts on this topic in the store, not shown here. "
        "Ask about one place to narrow it down.",
        n,
    ),
}


@dataclass(frozen=True)
class Silence:
    """How an answer says the reports are silent: with one report; with one of several
    ({outlet}, {date}); with none of several ({count}, {reports})."""

    one: str
    of_one: str
    none: Callable[[int], str]


# The start of a sentence the caller ends (``no_report``), by verb.
SILENT_STARTS = {
    "give": Silence(
        N_("The report does not give"),
        N_("The {outlet} report ({date}) does not give"),
        lambda n: ngettext(
            "None of the {count} report ({reports}) gives",
            "None of the {count} reports ({reports}) gives",
            n,
        ),
    ),
    "say": Silence(
        N_("The report does not say"),
        N_("The {outlet} report ({date}) does not say"),
        lambda n: ngettext(
            "None of the {count} report ({reports}) says",
            "None of the {count} reports ({reports}) says",
            n,
        ),
    ),
    "mention": Silence(
        N_("The report does not mention"),
        N_("The {outlet} report ({date}) does not mention"),
        lambda n: ngettext(
            "None of the {count} report ({reports}) mentions",
            "None of the {count} reports ({reports}) mentions",
            n,
        ),
    ),
}
# Whole sentences ({what}: what is not given, said or mentioned; "quota": a quota for it).
SILENT_LINES = {
    "quota": Silence(
        N_("The report does not give a quota for {what}."),
        N_("The {outlet} report ({date}) does not give a quota for {what}."),
        lambda n: ngettext(
            "None of the {count} report ({reports}) gives a quota for {what}.",
            "None of the {count} reports ({reports}) gives a quota for {what}.",
            n,
        ),
    ),
    "give": Silence(
        N_("The report does not give {what}."),
        N_("The {outlet} report ({date}) does not give {what}."),
        lambda n: ngettext(
            "None of the {count} report ({reports}) gives {what}.",
            "None of the {count} reports ({reports}) gives {what}.",
            n,
        ),
    ),
    "say": Silence(
        N_("The report does not say {what}."),
        N_("The {outlet} report ({date}) does not say {what}."),
        lambda n: ngettext(
            "None of the {count} report ({reports}) says {what}.",
            "None of the {count} reports ({reports}) says {what}.",
            n,
        ),
    ),
    "mention": Silence(
        N_("The report does not mention {what}."),
        N_("The {outlet} report ({date}) does not mention {what}."),
        lambda n: ngettext(
            "None of the {count} report ({reports}) mentions {what}.",
            "None of the {count} reports ({reports}) mentions {what}.",
            n,
        ),
    ),
}


def silence_of(
    silence: Silence, several: bool, held: reports.Reports
) -> tuple[str, dict[str, str]]:
    """The sentence (translated) and its fields, for the reports ``held``."""
    if several and len(held.articles) == 1:
        # A question about one of several reports.
        article = held.articles[0]
        when = reports.article_date(article) or reports.undated()
        return _(silence.of_one), {"outlet": article.outlet, "date": when}
    if several:
        total = len(held.articles)
        return silence.none(total), {"count": reports.count(total), "reports": held.names()}
    return _(silence.one), {}


def english_start(verb: str, several: bool, held: reports.Reports) -> str:
    """ "The report does not {verb}" for a verb no table has: English."""
    if several and len(held.articles) == 1:
        article = held.articles[0]
        when = reports.article_date(article) or reports.undated()
        return f"The {article.outlet} report ({when}) does not {verb}"
    if several:
        return f"{held.none_of()} {verb}s"
    return f"The report does not {verb}"


# Places named in the sentence of what the store covers; the rest are counted.
PLACES_IN_SENTENCE = 10


def covered_sentence(places: list[str], several: bool, held: reports.Reports) -> Html:
    """What the store covers: "It covers quota figures for Sakhalin, Russia and …"."""
    # Translators: between places in a row ("Sakhalin, Russia; Dalian, China").
    separator = _("; ")
    if not places:
        return Html(_("The store holds no quota figures right now."))
    if len(places) > PLACES_IN_SENTENCE:
        others = len(places) - PLACES_IN_SENTENCE
        return fmt(
            ngettext(
                "It covers quota figures for {places}; and {count} other place.",
                "It covers quota figures for {places}; and {count} other places.",
                others,
            ),
            places=separator.join(places[:PLACES_IN_SENTENCE]),
            count=reports.count(others),
        )
    if several and len(held.articles) == 1:
        return fmt(
            _("The {outlet} report gives figures for {places}."),
            outlet=held.articles[0].outlet,
            places=separator.join(places),
        )
    if several:
        total = len(held.articles)
        return fmt(
            ngettext(
                "The {count} report gives figures for {places}.",
                "The {count} reports give figures for {places}.",
                total,
            ),
            count=reports.count(total),
            places=separator.join(places),
        )
    return fmt(_("It covers quota figures for {places}."), places=series(places))


def two_sentences(first: str, second: str) -> Html:
    """Two sentences in a row: "… a quota for Kuwait. It covers …" (no space in Chinese)."""
    # Translators: one sentence after another.
    return fmt(_("{first} {second}"), first=first, second=second)
