"""Answers about where the claims come from and what else they say: sources, the
article, how far to trust it, sectors and topics."""

from __future__ import annotations

from collections.abc import Iterable

from bot.engine import reports
from bot.engine.claims import IDS_PER_SOURCE, ComposerBase, SourceGroup
from bot.engine.reply import Reply
from bot.engine.understand import Understanding
from bot.markup import Html, bold, escape, fmt, join
from db.views import ClaimView


class SourceAnswers(ComposerBase):
    def answer_sources(self, u: Understanding, reply: Reply) -> None:
        # The store-wide grouping is the same for every question: made once.
        if self._all_by_source is None:
            self._all_by_source = self._by_source(self.snapshot.active_claims)
        groups = self._all_by_source
        if u.has_subject:
            selected = self._active.select(u)
            groups = self._by_source(selected)
            # "where did the russia info come from": the sources in that country too.
            countries = set(u.countries) | {c.country for c in selected if c.country}
            shown = {group[0] for group in groups}
            groups += [
                group
                for group in self._all_by_source
                if group[0] not in shown
                and (source := self.snapshot.sources.get(group[0])) is not None
                and source.country in countries
            ]
        if not groups:
            self.say_not_covered(u, reply)
            return
        reply.lines.append(bold("Who says so:"))
        sources, hidden_sources = self.capped(groups)
        for source_id, all_said, topic_names in sources:
            source = self.snapshot.sources.get(source_id)
            if source is None:
                continue
            topics = join([escape(t) for t in topic_names], ", ")
            said, hidden_ids = self.capped(all_said, IDS_PER_SOURCE)
            ids = ", ".join(f"#{c.id}" for c in said)
            if hidden_ids:
                ids += f" and {hidden_ids:,} more"
            for claim in said:
                reply.use(claim.id, claim.article_id)
            article = self.snapshot.articles.get(source.article_id)
            outlet = article.outlet if article else "the report"
            if source.kind == "narration":
                who = fmt(
                    "{}'s own narration — statements it makes without naming a source", outlet
                )
            elif source.told_to:
                who = fmt(
                    "{} — anonymous, spoke to {}; carried by {}",
                    source.name,
                    source.told_to,
                    outlet,
                )
            else:
                who = fmt(
                    "{} — anonymous; the report does not say to whom; carried by {}",
                    source.name,
                    outlet,
                )
            reply.lines.append(fmt("• {}. On: {} ({}).", who, topics, ids))
        self.more_line(hidden_sources, "sources", reply)
        self.article_line(reply)

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
            relies = f", relying on reporting by {article.relies_on}" if article.relies_on else ""
            if self.several:
                # The stored caveat may be the bot's own words about a report, not the outlet's.
                reply.lines.append(
                    fmt(
                        "Reported by {}{}. Caveat: “{}”",
                        reports.report_label(article),
                        relies,
                        article.caveat,
                    )
                )
                continue
            reply.lines.append(
                fmt(
                    "Reported by {}{}. {} says: “{}”",
                    article.outlet,
                    relies,
                    article.outlet,
                    article.caveat,
                )
            )

    def answer_article(self, reply: Reply) -> None:
        articles = [
            self.snapshot.articles[i] for i in reply.article_ids if i in self.snapshot.articles
        ]
        if not articles and self.several:
            articles = list(self.reports.articles)
        if not articles and self.snapshot.default_article is not None:
            articles = [self.snapshot.default_article]
        for index, article in enumerate(articles):
            reply.cite(article.id)
            if index:
                reply.lines.append(Html(""))
            reply.lines.append(fmt("{} “{}”", bold("Title:"), article.title))
            reply.lines.append(fmt("{} {}", bold("Published by:"), article.outlet))
            if article.relies_on:
                # Who spoke to the outlet relied on: "a source in Russia spoke to it".
                told = [
                    s.name
                    for s in self.snapshot.sources.values()
                    if s.article_id == article.id and s.told_to == article.relies_on
                ]
                reply.lines.append(
                    fmt(
                        "{} {} ({} spoke to it)",
                        bold("Original reporting:"),
                        article.relies_on,
                        " and ".join(told),
                    )
                    if told
                    else fmt("{} {}", bold("Original reporting:"), article.relies_on)
                )
            reply.lines.append(
                fmt("{} {}", bold("Reporter:"), article.reporter or "not named in the report")
            )
            reply.lines.append(
                fmt(
                    "{} {}",
                    bold("Date:"),
                    reports.article_date(article) or "not given in the report",
                )
            )
            if article.url:
                reply.lines.append(fmt("{} {}", bold("Link:"), article.url))

    def answer_verified(self, reply: Reply) -> None:
        article = self.snapshot.default_article
        reply.lines.append(bold("No — none of this is independently verified."))
        if self.several:
            for report in self.reports.articles:
                reply.cite(report.id)
                reply.lines.append(fmt("{}: “{}”", reports.report_label(report), report.caveat))
        elif article is not None:
            reply.cite(article.id)
            reply.lines.append(
                fmt("{}, which carried the report, says: “{}”", article.outlet, article.caveat)
            )
        anonymous = [s for s in self.snapshot.sources.values() if s.kind == "anonymous"]
        if anonymous:
            names = [f"{s.name} (who told {s.told_to})" if s.told_to else s.name for s in anonymous]
            reply.lines.append(
                fmt(
                    "The figures come from anonymous sources — {} — and from the article's own "
                    "narration. Treat them as reported claims, not established facts.",
                    "; ".join(names),
                )
            )

    def answer_sectors(self, reply: Reply) -> None:
        quotas = self.quotas()
        if not quotas:
            reply.lines.append(Html("The store holds no current quota figures."))
            return
        reply.lines.append(
            bold("Sectors in the reports:" if self.several else "Sectors in the report:")
        )
        shown, hidden = self.capped(quotas)
        for claim in shown:
            reply.use(claim.id, claim.article_id)
            reply.lines.append(
                fmt("• {}: {}", claim.sector or "not stated", self.place_label(claim))
            )
        self.more_line(hidden, "quota figures", reply)

    def answer_topics(self, u: Understanding, reply: Reply) -> None:
        # Other reports' topics that answer one asked ("border" for "reason") follow it.
        for topic in self.with_answering(u.topics):
            claims = self._facts_by_topic.get(topic, [])
            if u.places:
                # The facts about the places asked (and those about no place), in order.
                claims = self.topic_facts_at(topic, u.places) or claims
            if not claims:
                continue
            reply.lines.append(bold(TOPIC_TITLES.get(topic, topic.capitalize())))
            shown, hidden = self.capped(claims)
            for claim in shown:
                reply.use(claim.id, claim.article_id)
                reply.lines.append(fmt("• {}", self.claim_line(claim)))
            self.more_line(hidden, "facts on this topic", reply)


TOPIC_TITLES = {
    "hours": "Working hours",
    "savings": "Savings, marriage and going home",
    "earnings": "Earnings",
    "reason": "Why the quotas rose",
    "loyalty money": "What “loyalty money” is",
    "protest": "Can workers protest?",
    "locals": "What locals think",
    "women": "Young female workers",
    "doubling": "The doubling",
}
