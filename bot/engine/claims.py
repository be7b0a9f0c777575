"""The claims an answer is made of: indexes, labels, attribution and selections.

Every figure printed by the engine is a stored claim's, or a derivation labelled as one
("implied by “doubled”"). Where the report is silent, the answer says so.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from typing import Self, TypeVar

from bot.engine import reports, wording
from bot.engine.indexes import (
    ClaimIndex,
    doubling_by_place,
    places_of,
    same_quota_labels,
    topics_updated,
    where_active,
)
from bot.engine.local_names import LocalNames, source_name
from bot.engine.numbers import day
from bot.engine.originals import claim_words
from bot.engine.reply import Reply
from bot.engine.silence import (
    BLOCK_LIMIT,
    IDS_PER_SOURCE,
    LIST_LIMIT,
    MORE_LINES,
    PLACES_IN_SENTENCE,
    SILENT_LINES,
    SILENT_STARTS,
    covered_sentence,
    english_start,
    silence_of,
    two_sentences,
)
from bot.engine.subject_fit import fitted
from bot.engine.understanding import Understanding
from bot.engine.unknown_places import answer_unknown
from bot.engine.wording import N_, _
from bot.markup import Html, fmt, italic
from db.views import ClaimView, Snapshot, SourceView

IMPLIED = N_("implied by “doubled”; the report does not state the new amount")


T = TypeVar("T")
SourceGroup = tuple[int, list[ClaimView], list[str]]
__all__ = ["BLOCK_LIMIT", "IDS_PER_SOURCE", "PLACES_IN_SENTENCE"]  # (from silence.py)


class ComposerBase:
    """What every kind of answer needs: the snapshot's indexes, labels and selections."""

    # Reports summarised one by one in an answer (the newest first).
    LIST_REPORTS = 5

    def __init__(
        self, snapshot: Snapshot, country_names: dict[str, str], *, several: bool | None = None
    ) -> None:
        self.snapshot = snapshot
        self.country_names = country_names  # ISO code -> display name
        # Which report each claim comes from (named with several), made when first needed.
        self._several = several
        self._reports: reports.Reports | None = None
        self._all_quotas: tuple[Snapshot, list[ClaimView]] | None = None
        self._other_periods: tuple[Snapshot, bool] | None = None
        # Per-snapshot indexes: a question touches only the claims it is about.
        claims = snapshot.claims
        by_id = snapshot.claims_by_id
        self._active_quotas = ClaimIndex((c for c in claims if c.is_quota and c.active), by_id)
        self._inactive_quotas = ClaimIndex(
            (c for c in claims if c.is_quota and not c.active), by_id
        )
        # Every active claim, unlisted: its ``claims`` stays empty (so that an edit need not
        # copy 100,000 entries); the list is the snapshot's ``active_claims``.
        self._active = ClaimIndex(snapshot.active_claims, by_id, listed=False)
        self.covered_countries = frozenset(c.country for c in self._active_quotas.claims)
        self._facts_by_topic: dict[str, list[ClaimView]] = {}
        for claim in snapshot.active_claims:
            if not claim.is_quota:
                self._facts_by_topic.setdefault(claim.topic, []).append(claim)
        # topic -> place -> ids of _facts_by_topic[topic]
        self._topic_places = {
            topic: places_of(facts) for topic, facts in self._facts_by_topic.items()
        }
        self._doubling_by_place = doubling_by_place(self._facts_by_topic)
        self._covered: dict[str, Html] = {}  # by language
        self._local = LocalNames()
        self._all_by_source: list[SourceGroup] | None = None

    @property
    def reports(self) -> reports.Reports:
        """The reports of the snapshot in hand (remade when the composer is carried over
        to a newer snapshot)."""
        if self._reports is None or self._reports.snapshot is not self.snapshot:
            self._reports = reports.Reports(self.snapshot, several=self._several)
        return self._reports

    def updated(
        self,
        snapshot: Snapshot,
        removed: Sequence[ClaimView],
        added: Sequence[ClaimView],
        *,
        articles_changed: bool = False,
    ) -> Self:
        """This composer for ``snapshot``, the next snapshot, whose claims differ by
        ``removed`` (their versions in this one's) and ``added`` (their new versions);
        only the indexes those touch are copied and changed, this one is not."""
        new = copy.copy(self)
        new.snapshot = snapshot
        by_id = snapshot.claims_by_id
        new._all_by_source = None
        new._reports = None
        new._local = LocalNames()
        reports_made = self._reports is not None and self._reports.snapshot is self.snapshot
        if reports_made and not articles_changed and self._reports is not None:
            # The same reports, unless a claim moved them (then made anew when asked).
            new._reports = self._reports.carried(snapshot, removed, added)
        quotas = [c for c in removed if c.is_quota], [c for c in added if c.is_quota]
        new._active_quotas = self._active_quotas.updated(*where_active(quotas, active=True), by_id)
        new._inactive_quotas = self._inactive_quotas.updated(
            *where_active(quotas, active=False), by_id
        )
        if articles_changed or not same_quota_labels(removed, added):
            new._covered = {}
            new.covered_countries = frozenset(c.country for c in new._active_quotas.claims)
        new._active = self._active.updated(*where_active((removed, added), active=True), by_id)
        facts = where_active(
            ([c for c in removed if not c.is_quota], [c for c in added if not c.is_quota]),
            active=True,
        )
        if facts[0] or facts[1]:
            tables = topics_updated(self._facts_by_topic, self._topic_places, *facts)
            new._facts_by_topic, new._topic_places, doubling = tables
            if doubling:
                new._doubling_by_place = doubling_by_place(new._facts_by_topic)
        return new

    def country(self, code: str | None) -> str:
        """A country's name in the answer's language (CLDR)."""
        if not code:
            return ""
        if wording.is_english():
            return self.country_names.get(code, code)
        return reports.country_name(code)

    def place(self, name: str | None) -> str:
        """A stored place's name in the answer's language: the store's alias in the reader's
        script ("Сахалин", "萨哈林", "사할린"), else the name as stored."""
        if not name or wording.is_english():
            return name or ""
        return self._local.name(self.snapshot, "place", name)

    def sector(self, name: str | None) -> str:
        """A stored sector's name in the answer's language (an alias), else as stored."""
        if not name or wording.is_english():
            return name or ""
        return self._local.name(self.snapshot, "sector", name)

    def local_place(self, claim: ClaimView) -> str:
        """The claim's place in the answer's language ("" when it has none); a report may
        give the country as the place ("China"): then the country's name."""
        if claim.place and claim.country and claim.place == self.country_names.get(claim.country):
            return self.country(claim.country)
        return self.place(claim.place)

    def place_label(self, claim: ClaimView) -> str:
        # "China, China" reads once: a report may give the country as the place.
        parts = list(
            dict.fromkeys(p for p in (self.local_place(claim), self.country(claim.country)) if p)
        )
        if len(parts) == 2:
            # "Sakhalin, Russia"; "俄罗斯萨哈林"
            return _("{place}, {country}").format(place=parts[0], country=parts[1])
        return parts[0] if parts else claim.topic

    def source_of(self, claim: ClaimView) -> SourceView | None:
        return self.snapshot.sources.get(claim.source_id)

    def attribution(self, claim: ClaimView) -> Html:
        """Who said it, to whom, who carried it, and with what stance."""
        article = self.snapshot.articles.get(claim.article_id)
        outlet = article.outlet if article else _("the report")
        source = self.source_of(claim)
        if source is None:
            said = fmt(_("an unnamed source in {outlet}"), outlet=outlet)
        elif source.kind == "narration":
            said = fmt(_("{outlet}'s own narration (no source named)"), outlet=outlet)
        elif source.told_to:
            said = fmt(
                _("{source}, who told {told_to}; carried by {outlet}"),
                source=source_name(source.name),
                told_to=source_name(source.told_to),
                outlet=outlet,
            )
        else:
            said = fmt(
                _("{source} (the report does not say to whom); carried by {outlet}"),
                source=source_name(source.name),
                outlet=outlet,
            )
        if claim.corrected_at is not None:
            return fmt(
                _("Source: {said} — unverified; corrected on {date} [#{id}]"),
                said=said,
                date=day(claim.corrected_at),
                id=claim.id,
            )
        return fmt(_("Source: {said} — unverified [#{id}]"), said=said, id=claim.id)

    def quotas(self, u: Understanding | None = None, *, active: bool = True) -> list[ClaimView]:
        index = self._active_quotas if active else self._inactive_quotas
        if not active:
            return list(index.claims) if u is None or not u.has_subject else index.select(u)
        # "the loyalty fund": the figures a report files under that topic are asked for.
        topics = self.reports.topic_quotas(u.text) if u is not None and self.several else set()
        if u is not None and u.has_subject:  # "sakhalin monthly quota": not Hanoi's too
            topics = {t for t in topics if not reports.periods_said(t)}
        if u is None or not (u.has_subject or topics):
            if self._all_quotas is None or self._all_quotas[0] is not self.snapshot:
                self._all_quotas = (self.snapshot, self.arrange(index.claims))
            return list(self._all_quotas[1])
        chosen = fitted(index.select(u), u) if u.has_subject else []
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
        language = wording.language()
        if language not in self._covered:
            places = dict.fromkeys(self.covered_label(c) for c in self._active_quotas.claims)
            self._covered[language] = covered_sentence(list(places), self.several, self.reports)
        return self._covered[language]

    def covered_label(self, claim: ClaimView) -> str:
        """ "Sakhalin, Russia"; with several reports "Sakhalin, Russia (HNGN)"."""
        if not self.several or len(self.reports.articles) == 1:
            return self.place_label(claim)
        outlet = self.snapshot.articles.get(claim.article_id)
        return _("{place} ({outlet})").format(
            place=self.place_label(claim),
            outlet=outlet.outlet if outlet else _("unknown report"),
        )

    @staticmethod
    def capped(items: Sequence[T], limit: int = LIST_LIMIT) -> tuple[Sequence[T], int]:
        """The first ``limit`` items, and how many were left out."""
        return items[:limit], max(0, len(items) - limit)

    @staticmethod
    def more_line(hidden: int, what: str, reply: Reply) -> None:
        """ "…and 3 more quota figures in the store, not shown here." ``what`` is one of
        MORE_LINES' kinds (another reads in English)."""
        if not hidden:
            return
        sentence = MORE_LINES.get(what)
        if sentence is None or wording.is_english():
            # (English as it always read, "1 more claims" included)
            text = (
                f"…and {hidden:,} more {what} in the store, not shown here. "
                "Ask about one place to narrow it down."
            )
        else:
            text = sentence(hidden).format(count=reports.count(hidden))
        reply.lines.append(italic(text))

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
        if not self.several:
            return ""
        # Translators: after a place, the report its figure comes from (with a leading space).
        return _(" ({report})").format(report=self.report_of(claim))

    def no_report(self, verb: str) -> str:
        """ "The report does not give" with one report; "None of the 2 reports (…) gives":
        the start of a sentence the caller ends (``verb``: "give", "say" or "mention"; in
        another language it reads as a lead-in). ``no_report_line`` makes the whole one."""
        if verb not in SILENT_STARTS:
            return english_start(verb, self.several, self.reports)
        template, fields = silence_of(SILENT_STARTS[verb], self.several, self.reports)
        return template.format(**fields)

    def no_report_line(self, verb: str, what: str) -> Html:
        """The whole sentence: "The report does not say who pays." (``what`` in the answer's
        language; ``verb`` as for ``no_report``, or "quota": does not give a quota for it)."""
        if verb not in SILENT_LINES:
            return fmt("{} {}.", english_start(verb, self.several, self.reports), what)
        template, fields = silence_of(SILENT_LINES[verb], self.several, self.reports)
        return fmt(template, what=what, **fields)

    def claim_line(self, claim: ClaimView, full: bool = False, both: bool = False) -> Html:
        # A verbatim quote says it best; the paraphrase is for claims without one. In the
        # other languages: marked as the original, after the editors' translation if any.
        return fmt("{} {}", claim_words(claim, full, both), italic(self.attribution(claim)))

    def say_not_covered(self, u: Understanding, reply: Reply) -> None:
        asked = (
            [self.place(p) for p in u.places]
            + [self.country(c) for c in u.countries]
            + u.currencies
            + [self.sector(s) for s in u.sectors]
        )
        if self.several:
            self.cite_all(reply)
        # Translators: the separator between the things a question asked about ("Kuwait, RUB").
        named = _(", ").join(asked)
        reply.lines.append(two_sentences(self.no_report_line("quota", named), self.covered()))
        reply.answered = False

    def facts_about(self, topic: str, places: Sequence[str]) -> Sequence[ClaimView]:
        """Active facts on a topic; with places asked, only those about them, their country
        (a report's place may be "China") or no place: not another place's head count."""
        if not places:
            return self._facts_by_topic.get(topic, [])
        return self.topic_facts_at(topic, [*places, *self._countries_of(places)])

    def _countries_of(self, places: Sequence[str]) -> list[str]:  # their countries' names
        picked = self._active_quotas.select(Understanding(text="", places=list(places)))
        codes = dict.fromkeys(c.country for c in picked if c.country)
        return [name for code in codes if (name := self.country_names.get(code))]

    def topic_places(self, topic: str) -> set[str | None]:
        """The places a topic's active facts are about (None: about no place), indexed."""
        return set(self._topic_places.get(topic, {}))

    def topic_facts_at(self, topic: str, places: Sequence[str]) -> list[ClaimView]:
        """Active facts on a topic about those places or about no place, in store order."""
        by_place = self._topic_places.get(topic, {})
        ids = sorted(i for place in [*places, None] for i in by_place.get(place, ()))
        by_id = self.snapshot.claims_by_id
        return [by_id[i] for i in dict.fromkeys(ids)]

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

    def said_by(self, source_id: int) -> list[ClaimView]:
        return [c for c in self.snapshot.active_claims if c.source_id == source_id]

    def answer_unknown(self, names: Iterable[str], reply: Reply) -> None:
        """Places no figure is for: the report does not mention them (unknown_places.py)."""
        answer_unknown(self, names, reply)
