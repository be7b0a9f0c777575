"""The claims an answer is made of: indexes, labels, attribution and selections.

Every figure printed by the engine is a stored claim's, or a derivation labelled as one
("implied by “doubled”"). Where the report is silent, the answer says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from bot.engine import reports
from bot.engine.numbers import day
from bot.engine.reply import Reply
from bot.engine.understand import Understanding
from bot.markup import Html, escape, fmt, italic
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


class ComposerBase:
    """What every kind of answer needs: the snapshot's indexes, labels and selections."""

    # Reports summarised one by one in an answer (the newest first).
    LIST_REPORTS = 5

    def __init__(
        self, snapshot: Snapshot, country_names: dict[str, str], *, several: bool | None = None
    ) -> None:
        self.snapshot = snapshot
        self.country_names = country_names  # ISO code -> display name
        # Which report each claim comes from (named only when there are several): made
        # for the snapshot in hand when first needed (see ``reports``).
        self._several = several
        self._reports: reports.Reports | None = None
        self._all_quotas: tuple[Snapshot, list[ClaimView]] | None = None
        self._other_periods: tuple[Snapshot, bool] | None = None
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

    @property
    def reports(self) -> reports.Reports:
        """The reports of the snapshot in hand (remade when the composer is carried over
        to a newer snapshot)."""
        if self._reports is None or self._reports.snapshot is not self.snapshot:
            self._reports = reports.Reports(self.snapshot, several=self._several)
        return self._reports

    def country(self, code: str | None) -> str:
        if not code:
            return ""
        return self.country_names.get(code, code)

    def place_label(self, claim: ClaimView) -> str:
        # "China, China" reads once: a report may give the country as the place.
        parts = list(dict.fromkeys(p for p in (claim.place, self.country(claim.country)) if p))
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

    def quotas(self, u: Understanding | None = None, *, active: bool = True) -> list[ClaimView]:
        index = self._active_quotas if active else self._inactive_quotas
        if not active:
            return list(index.claims) if u is None or not u.has_subject else index.select(u)
        # "the loyalty fund": the figures a report files under that topic are asked for.
        topics = self.reports.topic_quotas(u.text) if u is not None and self.several else set()
        if u is None or not (u.has_subject or topics):
            if self._all_quotas is None or self._all_quotas[0] is not self.snapshot:
                self._all_quotas = (self.snapshot, self.arrange(index.claims))
            return list(self._all_quotas[1])
        chosen = index.select(u) if u.has_subject else []
        if topics:
            ids = {c.id for c in chosen}
            chosen += [
                c for c in index.claims if c.id not in ids and (c.topic or "").casefold() in topics
            ]
        return self.arrange(chosen)

    def arrange(self, claims: list[ClaimView]) -> list[ClaimView]:
        """Current figures only (a superseded one is shown under what replaced it), and one
        place's figures from several reports together, newest report first."""
        if not self.several and not self.reports.earlier:
            return claims
        return self.reports.newest_first(self.reports.current(claims), self.where)

    def where(self, claim: ClaimView) -> str:
        """The country a figure is for (else its place): figures for Dalian and for China
        from two reports are figures for one place, shown together, newest report first."""
        return self.country(claim.country) or claim.place or claim.topic

    def disagreements(self, claims: Sequence[ClaimView]) -> list[str]:
        """Places (countries) for which the claims come from more than one report."""
        by_place: dict[str, set[int]] = {}
        for claim in claims:
            by_place.setdefault(self.where(claim), set()).add(claim.article_id)
        return [place for place, articles in by_place.items() if len(articles) > 1]

    def cite_all(self, reply: Reply) -> None:
        """An answer about what every report says (or does not) cites them all."""
        for article in self.reports.articles:
            reply.cite(article.id)

    @staticmethod
    def matches(claim: ClaimView, u: Understanding) -> bool:
        if u.places and claim.place in u.places:
            return True
        if u.countries and claim.country in u.countries:
            return True
        if u.currencies and claim.currency in u.currencies:
            return True
        return bool(u.sectors and claim.sector in u.sectors)

    def sources_in(self, name: str) -> list[SourceView]:
        """Sources whose name holds a place name (whole words, any case)."""
        folded = f" {name.casefold()} "
        return [
            source
            for source in self.snapshot.sources.values()
            if folded in f" {source.name.casefold().replace(',', ' ')} "
        ]

    def covered(self) -> Html:
        if self._covered is None:
            places = list(dict.fromkeys(self.covered_label(c) for c in self._active_quotas.claims))
            if not places:
                self._covered = Html("The store holds no quota figures right now.")
            elif len(places) > PLACES_IN_SENTENCE:
                self._covered = fmt(
                    "It covers quota figures for {}; and {} other places.",
                    "; ".join(places[:PLACES_IN_SENTENCE]),
                    f"{len(places) - PLACES_IN_SENTENCE:,}",
                )
            elif self.several and len(self.reports.articles) == 1:
                outlet = self.reports.articles[0].outlet
                self._covered = fmt(
                    "The {} report gives figures for {}.", outlet, "; ".join(places)
                )
            elif self.several:
                self._covered = fmt(
                    "The {} reports give figures for {}.",
                    f"{len(self.reports.articles):,}",
                    "; ".join(places),
                )
            else:
                self._covered = fmt("It covers quota figures for {}.", " and ".join(places))
        return self._covered

    def covered_label(self, claim: ClaimView) -> str:
        """ "Sakhalin, Russia"; with several reports "Sakhalin, Russia (HNGN)"."""
        if not self.several or len(self.reports.articles) == 1:
            return self.place_label(claim)
        outlet = self.snapshot.articles.get(claim.article_id)
        return f"{self.place_label(claim)} ({outlet.outlet if outlet else 'unknown report'})"

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

    def supporting(self, quota: ClaimView) -> list[ClaimView]:
        """Active "doubling" facts about the quota's place."""
        found = self._doubling_by_place.get(quota.place, ())
        return [c for c in found if c.article_id == quota.article_id]

    @staticmethod
    def unit(claim: ClaimView) -> str:
        """ " a person a month"; " once per person (one-off), by the end of the month"."""
        return reports.unit(claim)

    @property
    def several(self) -> bool:
        """The store's current claims come from more than one report."""
        return self.reports.several

    def report_of(self, claim: ClaimView) -> str:
        """ "RFA, October 2020": the report a claim comes from."""
        return self.reports.label(claim.article_id)

    def from_report(self, claim: ClaimView) -> str:
        """ " (RFA, October 2020)" after an entry when there are several reports, else ""."""
        return f" ({self.report_of(claim)})" if self.several else ""

    def no_report(self, verb: str) -> str:
        """ "The report does not give" with one report; "None of the 2 reports (…) gives"."""
        if self.several and len(self.reports.articles) == 1:
            # A question about one of several reports.
            article = self.reports.articles[0]
            when = reports.article_date(article) or reports.words().undated
            return f"The {article.outlet} report ({when}) does not {verb}"
        if self.several:
            return f"{self.reports.none_of()} {verb}s"
        return f"The report does not {verb}"

    def claim_line(self, claim: ClaimView) -> Html:
        # A verbatim quote says it best; the paraphrase is for claims without one.
        text = fmt("“{}”", claim.quote) if claim.quote else escape(claim.statement)
        return fmt("{} {}", text, italic(self.attribution(claim)))

    def say_not_covered(self, u: Understanding, reply: Reply) -> None:
        asked = u.places + [self.country(c) for c in u.countries] + u.currencies + u.sectors
        if self.several:
            self.cite_all(reply)
        reply.lines.append(
            fmt("{} a quota for {}. {}", self.no_report("give"), ", ".join(asked), self.covered())
        )
        reply.answered = False

    def facts_about(self, topic: str, places: Sequence[str]) -> Sequence[ClaimView]:
        """Active facts on a topic: those about the places asked (and about no place)
        first; every one when none of them is about those places."""
        claims = self._facts_by_topic.get(topic, [])
        if not places:
            return claims
        by_place = self._topic_places.get(topic, {})
        positions = sorted(p for place in [*places, None] for p in by_place.get(place, ()))
        return [claims[p] for p in dict.fromkeys(positions)] or claims

    def facts_answering(self, topic: str, places: Sequence[str]) -> Sequence[ClaimView]:
        """``facts_about`` a topic and the other reports' topics that answer it
        ("repatriation" for "penalty"), each topic's in store order."""
        others = [t for t in reports.answered_by(topic) if t in self._facts_by_topic]
        if not others:
            return self.facts_about(topic, places)
        return [c for name in (topic, *others) for c in self.facts_about(name, places)]

    def with_answering(self, topics: Sequence[str]) -> list[str]:
        """The topics, each followed by other reports' topics that answer it and that
        some fact is filed under ("reason" -> "party congress", "border")."""
        found = [*topics]
        for topic in topics:
            found += [t for t in reports.answered_by(topic) if t in self._facts_by_topic]
        return list(dict.fromkeys(found))

    def other_periods(self) -> bool:
        """Some current figure is not one monthly amount (cached per snapshot)."""
        if self._other_periods is None or self._other_periods[0] is not self.snapshot:
            every = self._active_quotas.claims
            self._other_periods = (self.snapshot, any(not reports.is_monthly(c) for c in every))
        return self._other_periods[1]

    @property
    def narrowed(self) -> bool:
        """Made for the reports a question names, in a store of several."""
        return self._several is not None

    def answer_unknown(self, names: Iterable[str], reply: Reply) -> None:
        names = list(names)
        # A place no figure is for may still be where a source is ("an official … in
        # Dandong"): then the reports do mention it, and say who is there.
        for name in [n for n in names if self.sources_in(n)]:
            names.remove(name)
            for source in self.sources_in(name):
                article = self.snapshot.articles.get(source.article_id)
                reply.cite(source.article_id)
                reply.lines.append(
                    fmt(
                        "{} gives no figure for {}; it names {} only as where its source is: {}.",
                        article.outlet if article else "The report",
                        name,
                        name,
                        source.name,
                    )
                )
                said = [c for c in self._active.claims if c.source_id == source.id]
                shown_claims, hidden = self.capped(said, BLOCK_LIMIT)
                for claim in shown_claims:
                    reply.use(claim.id, claim.article_id)
                    reply.lines.append(fmt("• {}", self.claim_line(claim)))
                self.more_line(hidden, "claims from this source", reply)
        if not names:
            return
        shown = ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else "".join(names)
        if self.several:
            self.cite_all(reply)
        reply.lines.append(fmt("{} {}. {}", self.no_report("mention"), shown, self.covered()))
