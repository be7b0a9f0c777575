"""Composing answers from the facts the question selects.

Every figure printed here is a stored claim's, or a derivation labelled as one
("implied by “doubled”"). Where the report is silent, the answer says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TypeVar

from bot.engine.arithmetic import difference, implied
from bot.engine.numbers import day, money, usd
from bot.engine.reply import Reply
from bot.engine.understand import Understanding
from bot.markup import Html, bold, escape, fmt, italic, join
from db.views import ClaimView, Snapshot, SourceView

IMPLIED = "implied by “doubled”; the report does not state the new amount"

# Store-wide answers are capped so that one question is one or two messages,
# however large the store grows (at 100,000 claims, an uncapped "/quotas" was
# 507 messages): the rest is counted, and the reader told how to narrow it down.
LIST_LIMIT = 20  # one-line entries
BLOCK_LIMIT = 5  # full quota blocks (about six lines each)
PLACES_IN_SENTENCE = 10
IDS_PER_SOURCE = 10

T = TypeVar("T")
SourceGroup = tuple[int, list[ClaimView], list[str]]


class ClaimIndex:
    """Claims by place, country, currency and sector, built once per snapshot.

    ``select`` gives what a scan with ``Composer.matches`` would, in the same
    order, without touching the claims that do not match.
    """

    FIELDS = ("place", "country", "currency", "sector")

    def __init__(self, claims: Iterable[ClaimView]) -> None:
        self.claims = list(claims)
        self._by: dict[str, dict[str, list[int]]] = {name: {} for name in self.FIELDS}
        for position, claim in enumerate(self.claims):
            for name in self.FIELDS:
                value = getattr(claim, name)
                if value is not None:
                    self._by[name].setdefault(value, []).append(position)

    def select(self, u: Understanding) -> list[ClaimView]:
        positions: set[int] = set()
        for name, wanted in (
            ("place", u.places),
            ("country", u.countries),
            ("currency", u.currencies),
            ("sector", u.sectors),
        ):
            by_value = self._by[name]
            for value in wanted:
                positions.update(by_value.get(value, ()))
        return [self.claims[p] for p in sorted(positions)]


class Composer:
    def __init__(self, snapshot: Snapshot, country_names: dict[str, str]) -> None:
        self.snapshot = snapshot
        self.country_names = country_names  # ISO code -> display name
        # Per-snapshot indexes: a question touches only the claims it is about.
        claims = snapshot.claims
        self._active_quotas = ClaimIndex(c for c in claims if c.is_quota and c.active)
        self._inactive_quotas = ClaimIndex(c for c in claims if c.is_quota and not c.active)
        self._active = ClaimIndex(snapshot.active_claims)
        self.covered_countries = frozenset(c.country for c in self._active_quotas.claims)
        self._doubling_by_place: dict[str | None, list[ClaimView]] = {}
        self._facts_by_topic: dict[str, list[ClaimView]] = {}
        # topic -> place -> positions in _facts_by_topic[topic]
        self._topic_places: dict[str, dict[str | None, list[int]]] = {}
        for claim in snapshot.active_claims:
            if claim.is_quota:
                continue
            facts = self._facts_by_topic.setdefault(claim.topic, [])
            places = self._topic_places.setdefault(claim.topic, {})
            places.setdefault(claim.place, []).append(len(facts))
            facts.append(claim)
            if claim.topic == "doubling":
                self._doubling_by_place.setdefault(claim.place, []).append(claim)
        self._covered: Html | None = None
        self._all_by_source: list[SourceGroup] | None = None

    # ----- labels -------------------------------------------------------------

    def country(self, code: str | None) -> str:
        if not code:
            return ""
        return self.country_names.get(code, code)

    def place_label(self, claim: ClaimView) -> str:
        parts = [p for p in (claim.place, self.country(claim.country)) if p]
        return ", ".join(parts) if parts else claim.topic

    def source_of(self, claim: ClaimView) -> SourceView | None:
        return self.snapshot.sources.get(claim.source_id)

    def attribution(self, claim: ClaimView) -> Html:
        """Who said it, to whom, who carried it, and with what stance."""
        article = self.snapshot.articles.get(claim.article_id)
        outlet = article.outlet if article else "the report"
        source = self.source_of(claim)
        if source is None:
            said = fmt("an unnamed source in {}", outlet)
        elif source.kind == "narration":
            said = fmt("{}'s own narration (no source named)", outlet)
        elif source.told_to:
            said = fmt("{}, who told {}; carried by {}", source.name, source.told_to, outlet)
        else:
            said = fmt("{} (the report does not say to whom); carried by {}", source.name, outlet)
        corrected = ""
        if claim.corrected_at is not None:
            corrected = f"; corrected on {day(claim.corrected_at)}"
        return fmt("Source: {} — unverified{} [#{}]", said, corrected, claim.id)

    # ----- selections ---------------------------------------------------------

    def quotas(self, u: Understanding | None = None, *, active: bool = True) -> list[ClaimView]:
        index = self._active_quotas if active else self._inactive_quotas
        if u is None or not u.has_subject:
            return list(index.claims)
        return index.select(u)

    @staticmethod
    def matches(claim: ClaimView, u: Understanding) -> bool:
        if u.places and claim.place in u.places:
            return True
        if u.countries and claim.country in u.countries:
            return True
        if u.currencies and claim.currency in u.currencies:
            return True
        return bool(u.sectors and claim.sector in u.sectors)

    def covered(self) -> Html:
        if self._covered is None:
            places = list(dict.fromkeys(self.place_label(c) for c in self._active_quotas.claims))
            if not places:
                self._covered = Html("The store holds no quota figures right now.")
            elif len(places) > PLACES_IN_SENTENCE:
                self._covered = fmt(
                    "It covers quota figures for {}; and {} other places.",
                    "; ".join(places[:PLACES_IN_SENTENCE]),
                    f"{len(places) - PLACES_IN_SENTENCE:,}",
                )
            else:
                self._covered = fmt("It covers quota figures for {}.", " and ".join(places))
        return self._covered

    @staticmethod
    def capped(items: Sequence[T], limit: int = LIST_LIMIT) -> tuple[Sequence[T], int]:
        """The first ``limit`` items, and how many were left out."""
        return items[:limit], max(0, len(items) - limit)

    @staticmethod
    def more_line(hidden: int, what: str, reply: Reply) -> None:
        if hidden:
            reply.lines.append(
                italic(
                    f"…and {hidden:,} more {what} in the store, not shown here. "
                    "Ask about one place to narrow it down."
                )
            )

    # ----- blocks -------------------------------------------------------------

    def quota_block(self, claim: ClaimView, reply: Reply, *, dollars: bool = True) -> list[Html]:
        reply.use(claim.id, claim.article_id)
        heading = bold(self.place_label(claim))
        if claim.sector:
            heading = fmt("{} — {} workers", heading, claim.sector)
        lines = [heading]
        assert claim.amount is not None and claim.currency is not None
        unit = self.unit(claim).strip()
        approx = "nearly " if claim.usd_is_approx else ""
        dollar_amount = claim.usd_amount if dollars else None

        def figure(amount: Decimal, dollar_phrase: str | None) -> str:
            # "62,000 rubles (RUB), nearly $730, a person a month"
            parts = [money(amount, claim.currency or ""), dollar_phrase, unit]
            return ", ".join(part for part in parts if part)

        before = figure(claim.amount, f"{approx}{usd(dollar_amount)}" if dollar_amount else None)
        new_amount = implied(claim.amount, claim.change)
        if new_amount is not None:
            lines.append(fmt("Before: {}.", before))
            new_dollars = implied(dollar_amount, claim.change) if dollar_amount else None
            doubled_usd = f"about {usd(new_dollars)}" if new_dollars else None
            after = figure(new_amount, doubled_usd)
            lines.append(fmt("Now: doubled, so {} — {}.", after, italic(IMPLIED)))
        elif claim.change == "increased":
            lines.append(fmt("Before: {}.", before))
            lines.append(Html("Now: increased; the report does not give the new amount."))
        else:
            lines.append(fmt("Quota: {}.", before))
        if claim.change_date:
            lines.append(
                fmt(
                    "When: after a directive dated {} (the report gives no year).",
                    claim.change_date,
                )
            )
        elif claim.change and claim.change != "none":
            lines.append(Html("When: the report gives no date for the change."))
        lines.append(self.attribution(claim))
        for support in self.supporting(claim):
            reply.use(support.id, support.article_id)
            lines.append(fmt("Also: {}", self.claim_line(support)))
        return lines

    def supporting(self, quota: ClaimView) -> list[ClaimView]:
        """Active "doubling" facts about the quota's place."""
        return list(self._doubling_by_place.get(quota.place, ()))

    @staticmethod
    def unit(claim: ClaimView) -> str:
        parts = []
        if claim.basis:
            parts.append(f"a {claim.basis}")
        if claim.period:
            parts.append(f"a {claim.period}")
        return (" " + " ".join(parts)) if parts else ""

    def claim_line(self, claim: ClaimView) -> Html:
        # A verbatim quote says it best; the paraphrase is for claims without one.
        text = fmt("“{}”", claim.quote) if claim.quote else escape(claim.statement)
        return fmt("{} {}", text, italic(self.attribution(claim)))

    def retraction_line(self, claim: ClaimView, reply: Reply) -> Html:
        reply.use(claim.id, claim.article_id)
        when = day(claim.retracted_at) if claim.retracted_at else "an unknown date"
        reason = f": {claim.retraction_reason}" if claim.retraction_reason else ""
        return fmt(
            "The figure for {} (#{}) was retracted on {}{}. It is no longer reported as current.",
            self.place_label(claim),
            claim.id,
            when,
            reason,
        )

    # ----- intents ------------------------------------------------------------

    def answer_quota(self, u: Understanding, reply: Reply) -> None:
        chosen = self.quotas(u)
        if not chosen and u.has_subject:
            retracted, hidden = self.capped(self.quotas(u, active=False))
            if retracted:
                reply.lines.extend(self.retraction_line(c, reply) for c in retracted)
                self.more_line(hidden, "retracted figures", reply)
                return
            self.say_not_covered(u, reply)
            return
        if not chosen:
            reply.lines.append(Html("The store holds no current quota figures."))
            return
        shown, hidden = self.capped(chosen, BLOCK_LIMIT)
        for index, claim in enumerate(shown):
            if index:
                reply.lines.append(Html(""))
            reply.lines.extend(self.quota_block(claim, reply))
        if hidden:
            reply.lines.append(Html(""))
            self.more_line(hidden, "quota figures", reply)

    def say_not_covered(self, u: Understanding, reply: Reply) -> None:
        asked = u.places + [self.country(c) for c in u.countries] + u.currencies + u.sectors
        reply.lines.append(
            fmt("The report does not give a quota for {}. {}", ", ".join(asked), self.covered())
        )
        reply.answered = False

    def answer_list(self, reply: Reply) -> None:
        quotas = self.quotas()
        if not quotas:
            reply.lines.append(Html("The store holds no current quota figures."))
            return
        reply.lines.append(bold("All reported quotas (before the doubling, as reported):"))
        shown, hidden = self.capped(quotas)
        for claim in shown:
            reply.use(claim.id, claim.article_id)
            assert claim.amount is not None and claim.currency is not None
            approx = ""
            if claim.usd_amount is not None:
                approx = f", {'nearly ' if claim.usd_is_approx else ''}{usd(claim.usd_amount)}"
            change = f"; {claim.change}" if claim.change and claim.change != "none" else ""
            reply.lines.append(
                fmt(
                    "• #{} {} — {}: {}{}{}{}",
                    claim.id,
                    self.place_label(claim),
                    claim.sector or "workers",
                    money(claim.amount, claim.currency),
                    approx,
                    self.unit(claim),
                    change,
                )
            )
        self.more_line(hidden, "quota figures", reply)
        if any(c.change == "doubled" for c in shown):
            reply.lines.append(
                italic(
                    "Doubled figures are implied by “doubled”; the report states only the old ones."
                )
            )

    def answer_usd(self, u: Understanding, reply: Reply) -> None:
        chosen = self.quotas(u) if u.has_subject and not u.currencies else self.quotas()
        if u.has_subject and not u.currencies and not chosen:
            self.say_not_covered(u, reply)
            return
        shown, hidden = self.capped(chosen)
        for claim in shown:
            reply.use(claim.id, claim.article_id)
            assert claim.amount is not None and claim.currency is not None
            if claim.usd_amount is None:
                reply.lines.append(
                    fmt("{}: the report gives no dollar figure.", self.place_label(claim))
                )
                continue
            line = fmt(
                "{}: {} is {}{} as the report converts it",
                bold(self.place_label(claim)),
                money(claim.amount, claim.currency),
                "nearly " if claim.usd_is_approx else "",
                usd(claim.usd_amount),
            )
            if claim.change == "doubled":
                line = fmt(
                    "{}; doubled, about {} ({}, from the report's own conversion).",
                    line,
                    usd(implied(claim.usd_amount, claim.change) or claim.usd_amount),
                    "implied by “doubled”",
                )
            else:
                line = fmt("{}.", line)
            reply.lines.append(line)
        self.more_line(hidden, "quota figures", reply)
        reply.lines.append(italic("The report does not say which exchange rate or date it used."))

    def answer_date(self, u: Understanding, reply: Reply) -> None:
        shown, hidden = self.capped(self.quotas(u) or self.quotas())
        for claim in shown:
            reply.use(claim.id, claim.article_id)
            if claim.change_date:
                reply.lines.append(
                    fmt(
                        "{}: the increase followed a directive from North Korea dated {}. "
                        "The report gives no year.",
                        bold(self.place_label(claim)),
                        claim.change_date,
                    )
                )
            else:
                reply.lines.append(
                    fmt(
                        "{}: the report gives no date for the change.",
                        bold(self.place_label(claim)),
                    )
                )
        self.more_line(hidden, "quota figures", reply)
        article = self.snapshot.default_article
        if article is not None and article.published_on is None:
            reply.lines.append(
                fmt("The {} article itself carries no publication date.", article.outlet)
            )

    def answer_sources(self, u: Understanding, reply: Reply) -> None:
        if u.has_subject:
            groups = self._by_source(self._active.select(u))
        else:
            # The store-wide grouping is the same for every question: made once.
            if self._all_by_source is None:
                self._all_by_source = self._by_source(self._active.claims)
            groups = self._all_by_source
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
        if not articles and self.snapshot.default_article is not None:
            articles = [self.snapshot.default_article]
        for article in articles:
            reply.cite(article.id)
            reply.lines.append(fmt("{} “{}”", bold("Title:"), article.title))
            reply.lines.append(fmt("{} {}", bold("Published by:"), article.outlet))
            if article.relies_on:
                reply.lines.append(
                    fmt(
                        "{} {} (a source in Russia spoke to it)",
                        bold("Original reporting:"),
                        article.relies_on,
                    )
                    if any(
                        s.told_to == article.relies_on
                        for s in self.snapshot.sources.values()
                        if s.article_id == article.id
                    )
                    else fmt("{} {}", bold("Original reporting:"), article.relies_on)
                )
            reply.lines.append(
                fmt("{} {}", bold("Reporter:"), article.reporter or "not named in the report")
            )
            reply.lines.append(
                fmt(
                    "{} {}",
                    bold("Date:"),
                    day(article.published_on)
                    if article.published_on
                    else "not given in the report",
                )
            )
            if article.url:
                reply.lines.append(fmt("{} {}", bold("Link:"), article.url))

    def answer_verified(self, reply: Reply) -> None:
        article = self.snapshot.default_article
        reply.lines.append(bold("No — none of this is independently verified."))
        if article is not None:
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
        reply.lines.append(bold("Sectors in the report:"))
        shown, hidden = self.capped(quotas)
        for claim in shown:
            reply.use(claim.id, claim.article_id)
            reply.lines.append(
                fmt("• {}: {}", claim.sector or "not stated", self.place_label(claim))
            )
        self.more_line(hidden, "quota figures", reply)

    def answer_basis(self, u: Understanding, reply: Reply) -> None:
        shown, hidden = self.capped(self.quotas(u) or self.quotas())
        for claim in shown:
            reply.use(claim.id, claim.article_id)
            basis = f"per {claim.basis}" if claim.basis else "basis not stated"
            period = f"per {claim.period}" if claim.period else "period not stated"
            assert claim.amount is not None and claim.currency is not None
            reply.lines.append(
                fmt(
                    "{}: {} is {}, {}.",
                    bold(self.place_label(claim)),
                    money(claim.amount, claim.currency),
                    basis,
                    period,
                )
            )
        self.more_line(hidden, "quota figures", reply)

    def answer_compare(self, u: Understanding, reply: Reply) -> None:
        selected = self.quotas(u)
        chosen = selected if len(selected) >= 2 else self.quotas()
        if len(chosen) < 2:
            self.answer_quota(u, reply)
            return
        shown, hidden = self.capped(chosen, BLOCK_LIMIT)
        for index, claim in enumerate(shown):
            if index:
                reply.lines.append(Html(""))
            reply.lines.extend(self.quota_block(claim, reply))
        reply.lines.append(Html(""))
        self.more_line(hidden, "quota figures", reply)
        changes = {c.change for c in chosen}
        if changes == {"doubled"}:
            both = "Both" if len(chosen) == 2 else f"All {len(chosen):,}"
            reply.lines.append(Html(f"{both} were reported as doubled."))
        with_usd = [c for c in chosen if c.usd_amount is not None]
        if len(with_usd) == len(chosen) == 2:
            high, low = sorted(with_usd, key=lambda c: c.usd_amount or 0, reverse=True)
            assert high.usd_amount is not None and low.usd_amount is not None
            reply.lines.append(
                fmt(
                    "In dollars, as the report converts them, {}'s previous quota ({}) was about "
                    "{} higher than {}'s ({}) — {}.",
                    high.place or self.place_label(high),
                    usd(high.usd_amount),
                    usd(difference(high.usd_amount, low.usd_amount)),
                    low.place or self.place_label(low),
                    usd(low.usd_amount),
                    italic("our arithmetic; the report makes no such comparison"),
                )
            )

    def answer_topics(self, u: Understanding, reply: Reply) -> None:
        for topic in u.topics:
            claims = self._facts_by_topic.get(topic, [])
            if u.places:
                # The facts about the places asked (and those about no place), in order.
                by_place = self._topic_places.get(topic, {})
                positions = sorted(
                    p for place in [*u.places, None] for p in by_place.get(place, ())
                )
                local = [claims[p] for p in dict.fromkeys(positions)]
                claims = local or claims
            if not claims:
                continue
            reply.lines.append(bold(TOPIC_TITLES.get(topic, topic.capitalize())))
            shown, hidden = self.capped(claims)
            for claim in shown:
                reply.use(claim.id, claim.article_id)
                reply.lines.append(fmt("• {}", self.claim_line(claim)))
            self.more_line(hidden, "facts on this topic", reply)

    def facts_about(self, topic: str, places: Sequence[str]) -> Sequence[ClaimView]:
        """Active facts on a topic: those about the places asked (and about no place)
        first; every one when none of them is about those places."""
        claims = self._facts_by_topic.get(topic, [])
        if not places:
            return claims
        by_place = self._topic_places.get(topic, {})
        positions = sorted(p for place in [*places, None] for p in by_place.get(place, ()))
        return [claims[p] for p in dict.fromkeys(positions)] or claims

    def answer_unknown(self, names: Iterable[str], reply: Reply) -> None:
        names = list(names)
        shown = ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else "".join(names)
        reply.lines.append(fmt("The report does not mention {}. {}", shown, self.covered()))


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
