"""What the report does not say: the answer to a question about something no claim holds
("how much are they paid?"), in the answer's language, with what it does say nearby.

What each attribute's answer names is the vocabulary's data (``says`` in
bot/engine/vocabulary/en.json, the English text); it is translated through the catalogs,
so every such text is listed here for Babel's extraction (a test checks the lists agree).
Each is a clause that a whole sentence takes as ``{what}``: "The report does not say
{what}."; its own ``{where}``, ``{currencies}`` … are filled in the answer's language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from babel.numbers import get_currency_name

from bot.engine import reports, wording
from bot.engine.bearing import facts_bearing
from bot.engine.compose import Composer
from bot.engine.local_names import local_name, source_name
from bot.engine.numbers import money, number
from bot.engine.phrases import (
    both,
    currency_label,
    either,
    first_upper,
    separately,
    series,
)
from bot.engine.reply import Reply
from bot.engine.retrieval import ClaimSearch
from bot.engine.sector_words import names_workplaces
from bot.engine.sourcing import TOPIC_TITLES
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Attribute, Intent, Vocabulary
from bot.engine.wording import N_, _, ngettext
from bot.markup import Html, bold, fmt
from db.kinds import SourceKind
from db.textfold import fold
from db.views import ClaimView

MAX_HITS = 3

# The vocabulary's ``says`` and ``refusals`` texts (bot/engine/vocabulary/en.json), marked
# for extraction: translated with ``_`` where they are used.
SAYS = (
    N_("how many workers there are{where}"),
    N_("how much the workers are paid{where}"),
    N_("what happens to workers who do not meet the quota"),
    N_("in what currency the workers are paid (the quotas are stated in {currencies})"),
    N_("anything about sanctions or whether this is legal"),
    N_("which companies employ the workers{where}"),
    N_("how old the workers are (it speaks only of “young female” workers in Dalian)"),
    N_("whether the workers get days off"),
    N_("where or how the workers live{where}"),
    N_("what the workers eat"),
    N_(
        "in which year any of this happened: it gives no year; the Dalian directive is dated "
        "only “March 10”, and the article carries no publication date"
    ),
    N_("when the article was published: it carries no publication date"),
    N_("who {outlet} is or describe {outlet}: it names it only as {role}"),
    N_("who the sources are: it does not name them"),
    N_(
        "the quota in {currency}: it gives rubles, yuan and its own dollar conversions only, "
        "and no exchange rate, so I will not convert it"
    ),
    N_("how many hours or days the workers work"),
    N_("how the quota is paid or collected (cash, transfer or otherwise)"),
    N_("what the money is spent on; it gives only how the government frames it"),
    N_("how long the workers have been abroad{where}"),
    N_(
        "how much North Korea collects in all: it gives per-worker monthly quotas only, and "
        "no number of workers"
    ),
    N_("anything about {sector}: it gives quotas only for {sectors}"),
    N_("whether the workers can quit, leave, keep their papers or move freely{where}"),
    N_("anything about the workers’ contracts (their length or terms){where}"),
    N_("when the higher quota ends or how long it will last{where}: it gives no end date"),
    N_("what share of their pay goes to the quota: it gives no wage figure{where}"),
    N_("anything about taxes: only the monthly quota each worker must hand over to North Korea"),
    N_("what exactly the workers process, make or build (which seafood, which buildings)"),
    N_("who signed or issued the directive"),
    N_("that any document backs the figures: it cites none, only sources"),
    N_("by when the quota must be paid{where}"),
    N_("who ordered it"),
    N_("that any government or other body has confirmed it"),
    N_("whether Russia, China or anyone else besides North Korea gains from it"),
    N_("in which town or district{where} the workers are: it names no town, only the place"),
    N_("who the supervisors are{where}: it says only that the young women must obey them"),
    N_("anything about the workers’ families or what they say"),
    N_(
        "how long the quota system has been in place{where}; it reports only that the quotas "
        "were doubled"
    ),
)
REFUSALS = (
    N_(
        "I do not estimate or make up figures: every figure I give comes from the report or "
        "is labelled as our arithmetic."
    ),
    N_(
        "I only pass on what the report says, with its sources; I do not play a role or state "
        "anything as verified."
    ),
)


# Said after "the report does not say who RFA is": what the bot answers instead.
OUTLETS_SCOPE = N_(
    "I answer questions about what the reports say, not about the outlets that carry them."
)


# Before facts that only threaten or demand what a question asks happened.
NOT_DONE = N_("whether it has actually happened to anyone: only what is demanded or threatened")


def _spaced(text: str) -> str:
    """The text's words, folded, between spaces: " has anyone been sent home yet "."""
    return " " + " ".join(re.findall(r"[\w']+", fold(text))) + " "


class Silences:
    c: Composer
    vocabulary: Vocabulary
    search: ClaimSearch

    def __init__(self, composer: Composer) -> None:
        # Built once per snapshot: the currencies the quotas are stated in, by code.
        codes = dict.fromkeys(c.currency for c in composer.quotas() if c.currency)
        self._currency_codes = list(codes)[:5]
        names = [money(Decimal(2), code).split(" ", 1)[1].split(" (")[0] for code in codes]
        self._currency_names = " and ".join(names[:5])

    def silent(self, u: Understanding, reply: Reply, skip: set[Attribute]) -> bool:
        said = answered = False
        related: list[str] = []
        if u.places and Attribute.TOWN not in u.attributes and self._within(u):
            u.attributes.append(Attribute.TOWN)  # "what part of dalian", "which city on sakhalin"
        elif u.countries and not u.places and Attribute.TOWN in u.attributes:
            u.attributes.remove(Attribute.TOWN)  # "where exactly in china": Dalian, it says
        for attribute in u.attributes:
            if attribute in skip:
                continue
            if attribute == Attribute.ESTIMATE:
                reply.lines.append(Html(_(self.vocabulary.refusals["estimate"])))
                continue
            if attribute == Attribute.TOWN and not (u.places or u.countries):
                if not (Intent.COMPARE in u.intents or u.operations):
                    # "which city do they work in": the places the report covers.
                    reply.lines.append(self.c.covered())
                    if self.c.several:
                        self.c.cite_all(reply)
                    answered = True
                continue  # "which city pays more": a comparison, asked in other words
            info = self.vocabulary.attributes[attribute]
            if self.c.several:
                if self._reports_say(attribute, u, reply):
                    answered = True
                    continue
                self.c.cite_all(reply)
                reply.lines.append(self.none_say(self._fill(_head(_(info.says)), u)))
            else:
                reply.lines.append(fmt(_("The report does not say {what}."), what=self._fill(
                    _(info.says), u)))  # fmt: skip
            said = True
            related.extend(t for t in info.related if t not in related)
            if attribute in (Attribute.SOURCE_IDENTITY, Attribute.DOCUMENTS):
                reply.lines.append(self._sources_named())
            if attribute == Attribute.OUTLET_PROFILE:
                # "when was rfa founded": about the outlet, not what it reported.
                reply.lines.append(Html(_(OUTLETS_SCOPE)))
            if attribute == Attribute.EMPLOYER:
                # "which plant in dalian": no plant is named, but the kind of work is.
                self.c.answer_sectors(reply, u)
        if said:
            self._closest(u, related, reply)
            reply.intents.append(Intent.SILENT)
        return said or answered

    def _within(self, u: Understanding) -> bool:
        """ "which city on sakhalin", "what part of dalian": where inside a named place."""
        tokens = u.text.split()
        inside = self.vocabulary.within_place_words
        return any(
            word in ("which", "what") and after.strip("?,.!") in inside
            for word, after in pairwise(tokens)
        )

    def none_say(self, what: str) -> Html:
        """ "The report does not say {what}." as several reports say it: the one report a
        question names, or none of them."""
        articles = self.c.reports.articles
        if self.c.several and len(articles) == 1:
            article = articles[0]
            return fmt(
                _("The {outlet} report ({date}) does not say {what}."),
                outlet=article.outlet,
                date=reports.article_date(article) or reports.words().undated,
                what=what,
            )
        if self.c.several:
            count = len(articles)
            return fmt(
                ngettext(
                    "None of the {count} report ({names}) says {what}.",
                    "None of the {count} reports ({names}) says {what}.",
                    count,
                ),
                count=number(count),
                names=self.c.reports.names(),
                what=what,
            )
        return fmt(_("The report does not say {what}."), what=what)

    def _reports_say(self, attribute: Attribute, u: Understanding, reply: Reply) -> bool:
        """Several reports: one of them may speak of what the other is silent on (a
        report's date, the penalty for not paying). Then that is the answer."""
        if attribute == Attribute.SOURCE_IDENTITY:
            return self._named_sources(u, reply)
        if attribute in (Attribute.YEAR, Attribute.PUBLICATION_DATE):
            for article in self.c.reports.articles:
                reply.cite(article.id)
                when = reports.article_date(article)
                reply.lines.append(
                    fmt(_("The {outlet} report is dated {date}."), outlet=article.outlet, date=when)
                    if when
                    else fmt(
                        _("The {outlet} report carries no publication date."),
                        outlet=article.outlet,
                    )
                )
            reply.intents.append(Intent.DATE)
            return True
        if attribute == Attribute.PAY_SHARE:
            # "what share of their pay do they hand over": a report's figure given as one.
            asked = self.c.quotas(u) if u.has_subject else self.c.quotas()
            shares = [q for q in asked if q.share_low is not None][:MAX_HITS]
            for index, claim in enumerate(shares):
                reply.lines.extend([Html("")] * bool(index) + self.c.quota_block(claim, reply))
            if shares:
                reply.intents.append(Intent.QUOTA)
                return True
        facts = self.c.facts_answering(attribute.value, u.places)
        # "do the welders get a day off": a report's fact on it, filed under another topic.
        if not facts:
            facts = facts_bearing(u, attribute, self.c, self.search, self.vocabulary)
            if facts and all(f.id in reply.claim_ids for f in facts):
                return True  # said for another attribute of the same question
        if not facts:
            return False
        if self._asks_if_done(u, facts[:MAX_HITS]):
            reply.lines.append(self.none_say(_(NOT_DONE)))
        reply.lines.append(bold(_("What the reports say:")))
        for claim in facts[:MAX_HITS]:
            reply.use(claim.id, claim.article_id)
            # Under the report's own topic ("Repatriation: … sent back"): what it is about.
            title = TOPIC_TITLES.get(claim.topic or "")
            line = self.c.claim_line(claim)
            reply.lines.append(fmt("• {}: {}", _(title), line) if title else fmt("• {}", line))
        silent = [a for a in self.c.reports.articles if a.id not in {c.article_id for c in facts}]
        if silent:
            self.c.cite_all(reply)
            if len(silent) == 1:
                line = fmt(_("The {outlet} report says nothing on this."), outlet=silent[0].outlet)
            else:
                names = both([_("the {outlet} report").format(outlet=a.outlet) for a in silent])
                line = fmt(_("{reports} say nothing on this."), reports=first_upper(names))
            reply.lines.append(line)
        reply.intents.append(Intent.STATEMENTS)
        return True

    def _named_sources(self, u: Understanding, reply: Reply) -> bool:
        """ "Is anyone named": with a report that names a source, "none of the reports says
        who the sources are" is false; the named ones, then the anonymous ones. Asked of a
        place ("is the dubai source named"), only when one of its own sources is named."""
        named = self._of_kind(SourceKind.NAMED)
        ids = None
        if named and (u.places or u.countries or u.sectors):
            places = {*u.places, *(q.place for q in self.c.quotas(u))}
            ids = {c.source_id for c in self.c.snapshot.active_claims if c.place in places}
            named = self._of_kind(SourceKind.NAMED, ids)
        if not named:
            return False
        self.c.cite_all(reply)
        reply.lines.append(fmt(_("The reports name: {names}."), names=separately(named)))
        anonymous = self._of_kind(SourceKind.ANONYMOUS, ids)  # of the place asked, if one
        if anonymous:
            others = _("The others speak anonymously: {names}.")
            reply.lines.append(fmt(others, names=separately(anonymous)))
        reply.intents.append(Intent.SOURCES)
        return True

    def _asks_if_done(self, u: Understanding, facts: Sequence[ClaimView]) -> bool:
        """ "has anyone actually been sent home yet", where each fact only threatens it."""
        asked, modal = self.vocabulary.happened_words, self.vocabulary.modal_words
        text = _spaced(u.text)
        if not any(f" {w} " in text for w in asked):
            return False
        return all(any(f" {w} " in _spaced(c.statement) for w in modal) for c in facts)

    def _fill(self, template: str, u: Understanding) -> str:
        where = ""
        places = [self.c.place(p) for p in u.places] + [self.c.country(c) for c in u.countries]
        if places:
            where = _(" in {places}").format(places=either(places))
        article = self.c.snapshot.default_article
        if self.c.several and len(self.c.reports.articles) == 1:
            article = self.c.reports.articles[0]  # the one report the question names
        outlet, role = _("the outlet"), _("a name")
        if article is not None:
            if article.relies_on and article.relies_on.casefold() in u.search_text:
                outlet = source_name(article.relies_on)
                role = _("the outlet whose reporting {outlet} relies on").format(
                    outlet=article.outlet
                )
            else:
                outlet, role = article.outlet, _("the outlet that carried the report")
        currency = series([currency_label(c) for c in u.other_currencies]) or _("that currency")
        sector = either([local_name("gloss", s) for s in u.other_sectors]) or _("that kind of work")
        return template.format(
            where=where, currencies=self._currencies() or _("their currencies"), outlet=outlet,
            role=role, currency=currency, sector=sector,
            sectors=self._sectors() if "{sectors}" in template else "",
        )  # fmt: skip

    def _currencies(self) -> str:
        """ "rubles and yuan": the currencies the quotas are stated in."""
        if wording.is_english():
            return self._currency_names
        return both([_currency_name(code, wording.locale()) for code in self._currency_codes])

    def _sectors(self) -> str:
        """ "construction workers in Sakhalin, Russia and …": the kinds of work named."""
        # The first five distinct, labelled in order: with thousands of quotas, labelling
        # every one only to keep five was the slowest part of a silence at 10,000 claims.
        sectors: dict[str, None] = {}
        for c in self.c.quotas():
            if c.sector:
                template = _("{sector} workers in {place}")
                if names_workplaces(c.sector):
                    template = _("workers in {sector} in {place}")
                label = template.format(sector=self.c.sector(c.sector), place=self.c.place_label(c))
                sectors.setdefault(label)
                if len(sectors) == 5:
                    break
        return both(list(sectors)) or _("the kinds of work named")

    def _sources_named(self) -> Html:
        return fmt(
            _("It names them only as: {names}."), names=separately(self.anonymous()) or _("no one")
        )

    def anonymous(self) -> list[str]:
        """The anonymous sources, each with whom it told when the report says."""
        return self._of_kind(SourceKind.ANONYMOUS)

    def _of_kind(self, kind: SourceKind, ids: set[int] | None = None) -> list[str]:
        """The sources of one kind (of ``ids`` when given), each with whom it told when the
        report says."""
        return [
            _("{name} (who told {outlet})").format(
                name=source_name(s.name), outlet=source_name(s.told_to)
            )
            if s.told_to
            else source_name(s.name)
            for s in self.c.snapshot.sources.values()
            if s.kind == kind and (ids is None or s.id in ids)
        ]

    def _closest(self, u: Understanding, topics: list[str], reply: Reply) -> None:
        """What the report does say that bears on the question."""
        facts: dict[int, ClaimView] = {}
        for topic in topics:
            for claim in self.c.facts_about(topic, u.places)[:MAX_HITS]:
                facts.setdefault(claim.id, claim)
        if not facts:
            return
        reply.lines.append(
            bold(_("What they do say:") if self.c.several else _("What it does say:"))
        )
        for claim in list(facts.values())[:MAX_HITS]:
            reply.use(claim.id, claim.article_id)
            reply.lines.append(fmt("• {}", self.c.claim_line(claim)))


@lru_cache(maxsize=32)
def _currency_name(code: str, locale: str) -> str:
    try:
        return str(get_currency_name(code, locale=locale))
    except Exception:  # a code CLDR does not know: the code itself
        return code


def _head(says: str) -> str:
    """What is not said, without the first report's own details (after ":" or "("), which
    need not hold for every report (a translation may use the full-width marks)."""
    for mark in (": ", " (", "：", "（"):
        says = says.split(mark, 1)[0]
    return says
