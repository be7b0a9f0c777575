"""The engine's fixed texts: /start, /help, what the bot is, what it cannot answer, what the
caveat means, and that no report gives a quota for a place. Each is a whole sentence for
the catalogs (bot/engine/wording.py); English is the code's own text.
"""

from __future__ import annotations

from bot.engine import reports as report_words
from bot.engine.claims import ComposerBase
from bot.engine.numbers import number
from bot.engine.reply import Reply
from bot.engine.wording import N_, _, ngettext
from bot.markup import Html, bold, escape, fmt, italic

# The example questions of /start and /help (bot/handlers/welcome.py shows them too).
# Translators: natural questions a reader in your language would ask, not word-for-word.
EXAMPLES = (
    N_("How much do workers in Sakhalin owe now?"),
    N_("fish plant workers china quota"),
    N_("Who says so?"),
    N_("Is any of this confirmed?"),
    N_("What's loyalty cash?"),
    N_("Russia vs China"),
)
# The commands line of the help, item by item (the registry's texts, bot/handlers/registry.py).
COMMANDS = (
    N_("/quotas all figures"),
    N_("/quota <place> one place"),
    N_("/sources who says so"),
    N_("/caveat how far to trust it"),
    N_("/article the report"),
    N_("/ask <question> (in groups)"),
)
SCOPE = N_(
    "I only answer questions about the reported North Korean overseas-worker quotas: the "
    "figures, places, dates, reasons, sources and how far to trust them."
)
OFF_TOPIC = N_(
    "I can only answer questions about the reported North Korean overseas-worker quotas: the "
    "figures, places, dates, reasons, sources and how far to trust them."
)
USAGE = N_("Usage: /quota <place or country>, e.g. /quota Sakhalin")


def start_lines(composer: ComposerBase, reply: Reply) -> list[Html]:
    """What the bot does, before the help (the reports it holds, when there are several)."""
    if composer.several:
        reports = composer.reports
        composer.cite_all(reply)  # it names them: their caveats go under it
        held = ngettext(
            "The store holds {count} report ({names}) on the money North Korea demands from "
            "its workers abroad. I tell you what each claims, who claims it, and how far "
            "each claim can be trusted. Nothing here is verified.",
            "The store holds {count} reports ({names}) on the money North Korea demands from "
            "its workers abroad. I tell you what each claims, who claims it, and how far "
            "each claim can be trusted. Nothing here is verified.",
            len(reports.articles),
        )
        return [
            bold(_("I answer questions about news reports on North Korea's overseas workers.")),
            fmt(held, count=number(len(reports.articles)), names=reports.names()),
        ]
    return [
        bold(_("I answer questions about a news report on North Korea's overseas workers.")),
        escape(
            _(
                "The report says North Korea doubled the monthly foreign-currency “loyalty "
                "money” quotas of its workers abroad. I tell you what it claims, who claims "
                "it, and how far each claim can be trusted. Nothing here is verified."
            )
        ),
    ]


def help_lines() -> list[Html]:
    listed = [*(escape(_(command)) for command in COMMANDS), "/help"]
    return [
        escape(_("Ask in your own words, for example:")),
        *(fmt("• {}", _(example)) for example in EXAMPLES),
        Html(""),
        Html(escape(_("Commands:")) + Html(" " + " · ".join(listed))),
    ]


def about_lines(several: bool) -> list[Html]:
    """What the bot is, for "are you a bot for the government?"."""
    if several:
        what = _(
            "I am a bot that passes on what the news reports I hold claim, with who claims "
            "it; I take no side, and nothing I pass on is verified."
        )
    else:
        what = _(
            "I am a bot that passes on what one news report claims, with who claims it; "
            "I take no side, and nothing I pass on is verified."
        )
    return [escape(what), escape(_(SCOPE))]


def off_topic_lines() -> list[Html]:
    return [
        escape(_(OFF_TOPIC)),
        fmt(_("Try: {example}"), example=italic(_(EXAMPLES[0]))),
    ]


def no_quota_for(composer: ComposerBase, place: str) -> Html:
    """ "The report does not give a quota for “Mars”." (or none of the reports, or the one
    report a question is about, when there are several)."""
    reports = composer.reports
    if composer.several and len(reports.articles) == 1:
        article = reports.articles[0]
        return fmt(
            _("The {outlet} report ({date}) does not give a quota for “{place}”."),
            outlet=article.outlet,
            date=report_words.article_date(article) or report_words.words().undated,
            place=place,
        )
    if composer.several:
        count = len(reports.articles)
        none_of = ngettext(
            "The {count} report ({names}) does not give a quota for “{place}”.",
            "None of the {count} reports ({names}) gives a quota for “{place}”.",
            count,
        )
        return fmt(none_of, count=number(count), names=reports.names(), place=place)
    return fmt(_("The report does not give a quota for “{place}”."), place=place)


def caveat_meaning(several: bool) -> Html:
    """What "unverified" means for the reader."""
    if several:
        return escape(
            _(
                "What it means: each outlet passes on what anonymous sources told it or "
                "another outlet, and none of it has been checked. The figures may be "
                "right, wrong or out of date, and the reports may disagree."
            )
        )
    return escape(
        _(
            "What it means: the outlet passes on what anonymous sources told another "
            "outlet, and says it could not check it. The figures may be right, wrong or "
            "out of date."
        )
    )
