"""Answers about where the claims come from and what else they say: sources, the
article, how far to trust it, sectors and topics."""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache

from bot.engine import reports
from bot.engine.claims import IDS_PER_SOURCE, ComposerBase, SourceGroup
from bot.engine.local_names import source_name
from bot.engine.numbers import number
from bot.engine.phrases import both, either, separately, series
from bot.engine.provenance_lines import provenance_lines
from bot.engine.relevance import SHARED_TOPICS
from bot.engine.reply import Reply
from bot.engine.report_words import as_original
from bot.engine.segments import offers_choice
from bot.engine.source_aspect_lines import aspect_lines
from bot.engine.telling import asked_question_words
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import FOLDER, Attribute, Intent
from bot.engine.wording import N_, _, is_english
from bot.markup import Html, bold, escape, fmt
from db.kinds import SourceKind
from db.views import ClaimView

# At most this many claims of one source on a topic are shown.
MAX_SOURCE_CLAIMS = 5


@lru_cache(maxsize=1)
def _what_words() -> dict[str, frozenset[str]]:
    data = json.loads((FOLDER / "what_words.json").read_text(encoding="utf-8"))
    return {key: frozenset(words) for key, words in data.items() if key != "note"}


def asks_what(s: Understanding) -> bool:
    """ "what did the source in Russia say", "原话怎么说的": a "what" of the part's language
    (vocabulary/what_words.json)."""
    return bool(_what_words().get(s.language.value, frozenset()) & asked_question_words(s))


class SourceAnswers(ComposerBase):
    def answer_source_on_topic(
        self, s: Understanding, countries: list[str], topics: list[str], reply: Reply
    ) -> bool:
        """A covered country's source on the topics asked ("what does the source in china
        say about hours"): what it said on them, then the rest of what it said."""
        asked = [t for t in topics if t not in s.settled_topics]
        sources = {
            source.id for source in self.snapshot.sources.values() if source.country in countries
        }
        found = {
            claim.id: claim
            for topic in asked
            for claim in self.facts_about(topic, [])
            if claim.source_id in sources
        }
        if not found:
            return False
        # Then the rest of what that source said, but no quota figure nobody asked for.
        for claim in self.snapshot.active_claims:
            if claim.source_id in sources and not claim.is_quota:
                found.setdefault(claim.id, claim)
        for claim in list(found.values())[:MAX_SOURCE_CLAIMS]:
            reply.use(claim.id, claim.article_id)
            reply.lines.append(fmt("• {}", self.claim_line(claim)))
        reply.intents.append(Intent.STATEMENTS)
        return True

    def answer_sources(self, u: Understanding, reply: Reply) -> None:
        # The store-wide grouping is the same for every question: made once.
        if self._all_by_source is None:
            self._all_by_source = self._by_source(self.snapshot.active_claims)
        groups = self._all_by_source
        # "с корейских или китайских слов": a choice of nationalities, whose words, asks
        # about them all ("про сахалин кто рассказал, корейцы или кто": Sakhalin's).
        whose = bool(u.countries) and not u.places and offers_choice(u.text, u.language)
        if u.has_subject and not whose:
            selected = self._active.select(u)
            groups = self._by_source(selected)
            # "where did the russia info come from": the sources in that country too.
            countries = set(u.countries) | {c.country for c in selected if c.country}
            # Of a place, only its own report's sources there: "the tynda stuff" is not
            # what another report's source in Russia said.
            reports = {c.article_id for c in selected} if u.places and not u.countries else None
            shown = {group[0] for group in groups}
            groups += [
                group
                for group in self._all_by_source
                if group[0] not in shown
                and (source := self.snapshot.sources.get(group[0])) is not None
                and source.country in countries
                and (reports is None or source.article_id in reports)
            ]
        if not groups:
            self.say_not_covered(u, reply)
            return
        reply.lines.append(bold(_("Who says so:")))
        sources, hidden_sources = self.capped(groups)
        for source_id, all_said, topic_names in sources:
            source = self.snapshot.sources.get(source_id)
            if source is None:
                continue
            topics = escape(series([topic_name(t) for t in topic_names]))
            said, hidden_ids = self.capped(all_said, IDS_PER_SOURCE)
            ids = ", ".join(f"#{c.id}" for c in said)
            if hidden_ids:
                ids = _("{ids} and {count} more").format(ids=ids, count=number(hidden_ids))
            for claim in said:
                reply.use(claim.id, claim.article_id)
            article = self.snapshot.articles.get(source.article_id)
            outlet = article.outlet if article else _("the report")
            if source.kind == "narration":
                who = fmt(
                    _("{outlet}'s own narration — statements it makes without naming a source"),
                    outlet=outlet,
                )
            elif source.kind == SourceKind.NAMED:
                # An imported report's named source is no anonymous one.
                told = source_name(source.told_to) if source.told_to else None
                who = fmt(
                    _("{name} — named, spoke to {told}; carried by {outlet}")
                    if told
                    else _("{name} — named; the report does not say to whom; carried by {outlet}"),
                    name=source_name(source.name),
                    told=told or "",
                    outlet=outlet,
                )
            elif source.told_to:
                who = fmt(
                    _("{name} — anonymous, spoke to {told}; carried by {outlet}"),
                    name=source_name(source.name),
                    told=source_name(source.told_to),
                    outlet=outlet,
                )
            else:
                who = fmt(
                    _("{name} — anonymous; the report does not say to whom; carried by {outlet}"),
                    name=source_name(source.name),
                    outlet=outlet,
                )
            reply.lines.append(
                fmt("• {}", fmt(_("{who}. On: {topics} ({ids})."), who=who, topics=topics, ids=ids))
            )
        self.more_line(hidden_sources, "sources", reply)
        self.article_line(reply)
        # "is it all anon", "any documents?", "do they agree" (who is named: said already
        # where the reports' silence on the sources' identity was answered)
        asked = u.provenance - ({"named"} if Attribute.SOURCE_IDENTITY in u.attributes else set())
        if asked:
            provenance_lines(self, asked, sources, reply)
        aspect_lines(self, u, reply)  # "link?", "firsthand?", "is this from Yonhap?"

    @staticmethod
    def _by_source(claims: Iterable[ClaimView]) -> list[SourceGroup]:
        """(source id, its claims, their topics), in order of first appearance."""
        by_source: dict[int, list[ClaimView]] = {}
        for claim in claims:
            by_source.setdefault(claim.source_id, []).append(claim)
        return [
            (source_id, said, list(dict.fromkeys(c.topic for c in said)))
            for source_id, said in by_source.items()
        ]

    def article_line(self, reply: Reply) -> None:
        for article_id in reply.article_ids or [self.snapshot.default_article_id or 0]:
            article = self.snapshot.articles.get(article_id)
            if article is None:
                continue
            relies = source_name(article.relies_on) if article.relies_on else None
            if self.several:
                # The stored caveat may be the bot's own words about a report, not the outlet's.
                reply.lines.append(
                    fmt(
                        _(
                            "Reported by {report}, relying on reporting by {relied}. Caveat: "
                            "“{caveat}”"
                        )
                        if relies
                        else _("Reported by {report}. Caveat: “{caveat}”"),
                        report=reports.report_label(article),
                        relied=relies,
                        caveat=article.caveat,
                    )
                )
                continue
            reply.lines.append(
                fmt(
                    _(
                        "Reported by {outlet}, relying on reporting by {relied}. {outlet} says: "
                        "“{caveat}”"
                    )
                    if relies
                    else _("Reported by {outlet}. {outlet} says: “{caveat}”"),
                    outlet=article.outlet,
                    relied=relies,
                    caveat=article.caveat,
                )
            )

    def answer_article(self, reply: Reply, u: Understanding | None = None) -> None:
        articles = [
            self.snapshot.articles[i] for i in reply.article_ids if i in self.snapshot.articles
        ]
        if not articles and self.several and u is not None and u.has_subject:
            # "which outlet ran the doctors thing": the reports of the figures asked about.
            ids = dict.fromkeys(q.article_id for q in self._active.select(u))
            articles = [self.snapshot.articles[i] for i in ids if i in self.snapshot.articles]
        if not articles and self.several:
            articles = list(self.reports.articles)
        if not articles and self.snapshot.default_article is not None:
            articles = [self.snapshot.default_article]
        for index, article in enumerate(articles):
            reply.cite(article.id)
            if index:
                reply.lines.append(Html(""))
            if is_english():
                reply.lines.append(fmt("{} “{}”", bold(_("Title:")), article.title))
            else:  # the report's own title: as it gave it, marked as the original
                reply.lines.append(fmt("{} {}", bold(_("Title:")), as_original(article.title)))
            if not is_english():  # the title is in its own language: what it covers, in ours
                self.about_line(article.id, reply)
            reply.lines.append(fmt("{} {}", bold(_("Published by:")), article.outlet))
            if article.relies_on:
                # Who spoke to the outlet relied on: "a source in Russia spoke to it".
                told = [
                    source_name(s.name)
                    for s in self.snapshot.sources.values()
                    if s.article_id == article.id and s.told_to == article.relies_on
                ]
                original = (
                    fmt(
                        _("{outlet} ({sources} spoke to it)"),
                        outlet=source_name(article.relies_on),
                        sources=both(told),
                    )
                    if told
                    else escape(source_name(article.relies_on))
                )
                reply.lines.append(fmt("{} {}", bold(_("Original reporting:")), original))
            reply.lines.append(
                fmt(
                    "{} {}",
                    bold(_("Reporter:")),
                    article.reporter or _("not named in the report"),
                )
            )
            reply.lines.append(
                fmt(
                    "{} {}",
                    bold(_("Date:")),
                    reports.article_date(article) or _("not given in the report"),
                )
            )
            if article.url:
                reply.lines.append(fmt("{} {}", bold(_("Link:")), article.url))

    def about_line(self, article_id: int, reply: Reply) -> None:
        """The topics of a report's claims, named in the reply's language (at most six)."""
        if self._all_by_source is None:
            self._all_by_source = self._by_source(self.snapshot.active_claims)
        topics: dict[str, None] = {}
        for source_id, _said, names in self._all_by_source:
            source = self.snapshot.sources.get(source_id)
            if source is not None and source.article_id == article_id:
                topics.update(dict.fromkeys(names))
        if topics:
            # The topics the title names come first ("Doubles … Quotas": doubling, quota).
            title = self.snapshot.articles[article_id].title.casefold()
            heads = {word[:5] for word in title.split() if len(word) >= 5}
            ordered = sorted(topics, key=lambda topic: topic.casefold()[:5] not in heads)
            named = [topic_name(topic) for topic in ordered[:6]]
            reply.lines.append(fmt("{} {}", bold(_("About:")), escape(series(named))))

    def answer_verified(self, reply: Reply) -> None:
        article = self.snapshot.default_article
        reply.lines.append(bold(_("No — none of this is independently verified.")))
        if self.several:
            for report in self.reports.articles:
                reply.cite(report.id)
                reply.lines.append(fmt("{}: “{}”", reports.report_label(report), report.caveat))
        elif article is not None:
            reply.cite(article.id)
            reply.lines.append(
                fmt(
                    _("{outlet}, which carried the report, says: “{caveat}”"),
                    outlet=article.outlet,
                    caveat=article.caveat,
                )
            )
        anonymous = [s for s in self.snapshot.sources.values() if s.kind == "anonymous"]
        if anonymous:
            names = [
                _("{name} (who told {outlet})").format(
                    name=source_name(s.name), outlet=source_name(s.told_to)
                )
                if s.told_to
                else source_name(s.name)
                for s in anonymous
            ]
            reply.lines.append(
                fmt(
                    _(
                        "The figures come from anonymous sources — {names} — and from the "
                        "article's own narration. Treat them as reported claims, not established "
                        "facts."
                    ),
                    names=separately(names),
                )
            )

    def answer_sectors(self, reply: Reply, u: Understanding | None = None) -> None:
        # "what do the workers in dalian do": that place's kind of work, not every place's.
        asked = u is not None and bool(u.places or u.countries)
        quotas = (self.quotas(u) if asked else []) or self.quotas()
        if not quotas:
            reply.lines.append(Html(_("The store holds no current quota figures.")))
            return
        reply.lines.append(
            bold(_("Sectors in the reports:") if self.several else _("Sectors in the report:"))
        )
        shown, hidden = self.capped(quotas)
        for claim in shown:
            reply.use(claim.id, claim.article_id)
            sector = self.sector(claim.sector) or _("not stated")
            line = fmt("• {}: {}", sector, self.place_label(claim))
            if line not in reply.lines:  # three figures for China's trade workers: one line
                reply.lines.append(line)
        self.more_line(hidden, "quota figures", reply)

    def answer_topics(self, u: Understanding, reply: Reply) -> None:
        """Each topic asked, its facts; after them, the facts filed under another topic
        that name this one in their own words (``naming_topic``)."""
        # Other reports' topics that answer one asked ("border" for "reason") follow it.
        for topic in self.with_answering(u.topics):
            # The facts about the places asked (their countries', no place's), in order.
            claims = self.facts_about(topic, u.places)
            if claims and topic not in SHARED_TOPICS:
                later = [t for t in u.topics if t != topic]  # "saving was already difficult"
                claims = [*claims, *self.naming_topic(topic, u.places, later, reply.claim_ids)]
            if not claims:
                self._silent_here(u, topic, reply)  # "萨哈林有没有女工": Dalian's only
                continue
            title = TOPIC_TITLES.get(topic)
            if title is None and not is_english():
                reply.lines.append(bold(topic_name(topic)))
            else:
                reply.lines.append(bold(_(title) if title else topic.capitalize()))
            shown, hidden = self.capped(claims)
            for claim in shown:
                reply.use(claim.id, claim.article_id)
                reply.lines.append(fmt("• {}", self.claim_line(claim, u.credit_asked)))
            self.more_line(hidden, "facts on this topic", reply)

    def _silent_here(self, u: Understanding, topic: str, reply: Reply) -> None:
        """A topic of the report's own asked at a place none of its facts is about: the
        report's silence there, not that place's quota block."""
        if not u.places or topic in SHARED_TOPICS or not self.facts_about(topic, []):
            return
        title = TOPIC_TITLES.get(topic)
        subject = _(title) if title else topic_name(topic)
        subject = subject[:1].lower() + subject[1:] if is_english() else subject
        places = either([self.place(p) for p in u.places])
        line = _("The report does not say anything about {subject} in {places}.")
        reply.lines.append(fmt(line, subject=subject, places=places))
        reply.intents.append(Intent.SILENT)

    # Per snapshot: topic -> the facts of other topics that name it (see naming_topic).
    _naming: tuple[object, dict[str, tuple[ClaimView, ...]]] | None = None

    def naming_topic(
        self, topic: str, places: Sequence[str], skip: Collection[str], shown: Collection[int]
    ) -> list[ClaimView]:
        """Facts filed under another topic whose own words name this one ("saving money
        was already difficult", filed under earnings, for savings): a topic's name, each
        word without its plural ending, as a word of the fact's text. Not the quota's
        facts, not one shown already, not one of a topic asked after this one; about the
        places asked as ``facts_about`` reads them. Found once a snapshot per topic."""
        if self._naming is None or self._naming[0] is not self.snapshot:
            self._naming = (self.snapshot, {})
        known = self._naming[1]
        naming = known.get(topic)
        if naming is None:
            naming = known[topic] = self._naming_facts(topic)
        found: list[ClaimView] = []
        for claim in naming:
            if claim.topic in skip or claim.id in shown:
                continue
            if not places or claim in self.facts_about(claim.topic, places):
                found.append(claim)
        return found

    def carry_naming(self, old: SourceAnswers, changed: Iterable[ClaimView]) -> None:
        """Keep ``old``'s facts naming each topic (found for its snapshot) when no fact is
        among the ``changed`` claims (both versions): an edit of a quota changes none of
        them, so the first topic asked after it does not look them up again."""
        known = old._naming
        if known is not None and known[0] is old.snapshot and all(c.is_quota for c in changed):
            self._naming = (self.snapshot, known[1])

    def _naming_facts(self, topic: str) -> tuple[ClaimView, ...]:
        stems = [w[:-1] if w.endswith("s") and len(w) > 4 else w for w in topic.split()]
        pattern = re.compile(r"\b" + r"\w*\s+".join(map(re.escape, stems)))
        return tuple(
            claim
            for other in list(self._facts_by_topic)
            if other != topic and other not in SHARED_TOPICS - {"earnings"}
            for claim in self._facts_by_topic[other]
            if not claim.is_quota and pattern.search(claim.statement.casefold())
        )


TOPIC_TITLES = {
    "hours": N_("Working hours"),
    "savings": N_("Savings, marriage and going home"),
    "earnings": N_("Earnings"),
    "reason": N_("Why the quotas rose"),
    "loyalty money": N_("What “loyalty money” is"),
    "protest": N_("Can workers protest?"),
    "locals": N_("What locals think"),
    "women": N_("Young female workers"),
    "doubling": N_("The doubling"),
    # The other stored topics: their English titles are the names capitalised, as before.
    "quota": N_("Quota"),
    "photo": N_("Photo"),
    "border": N_("Border"),
    "companies": N_("Companies"),
    "loyalty fund": N_("Loyalty fund"),
    "minimum": N_("Minimum"),
    "party congress": N_("Party congress"),
    "repatriation": N_("Repatriation"),
}


def topic_name(topic: str) -> str:
    """A topic as a list of sources names it: the stored name in English, the topic's
    title in the answer's language otherwise (the stored names are English words)."""
    if is_english():
        return topic
    title = TOPIC_TITLES.get(topic)
    if title is None and topic.split()[-1:] == ["quota"]:
        title = TOPIC_TITLES["quota"]  # "weekly quota": a quota, in the engine's word
    return _(title) if title else as_original(topic)  # the report's word, marked
