"""The claims an answer is made of: indexes, labels, attribution and selections.

Every figure printed by the engine is a stored claim's, or a derivation labelled as one
("implied by “doubled”"). Where the report is silent, the answer says so.
"""

from __future__ import annotations

import bisect
import copy
from collections.abc import Iterable, Mapping, Sequence
from typing import Self, TypeVar

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
    order (by id, as the snapshot holds them), without touching the claims that do
    not match. ``updated`` makes the next snapshot's index from this one.
    """

    FIELDS = ("place", "country", "currency", "sector")

    def __init__(
        self,
        claims: Iterable[ClaimView],
        lookup: Mapping[int, ClaimView] | None = None,
        *,
        listed: bool = True,
    ) -> None:
        self.claims = list(claims)
        # Unlisted: ``claims`` is left empty after indexing (the snapshot has the list),
        # so that ``updated`` need not copy it.
        self._listed = listed
        # The snapshot's claims by id (shared, not copied), else these claims'.
        self._by_id = lookup if lookup is not None else {c.id: c for c in self.claims}
        self._by: dict[str, dict[str, list[int]]] = {name: {} for name in self.FIELDS}
        for claim in self.claims:
            for name in self.FIELDS:
                value = getattr(claim, name)
                if value is not None:
                    self._by[name].setdefault(value, []).append(claim.id)
        if not listed:
            self.claims = []

    def select(self, u: Understanding) -> list[ClaimView]:
        ids: set[int] = set()
        for name, wanted in (
            ("place", u.places),
            ("country", u.countries),
            ("currency", u.currencies),
            ("sector", u.sectors),
        ):
            by_value = self._by[name]
            for value in wanted:
                ids.update(by_value.get(value, ()))
        return [self._by_id[i] for i in sorted(ids)]

    def having(self, name: str, value: str) -> list[ClaimView]:
        """The claims whose ``name`` field is ``value``, in store order."""
        return [self._by_id[i] for i in self._by[name].get(value, ())]

    def updated(
        self,
        removed: Iterable[ClaimView],
        added: Iterable[ClaimView],
        lookup: Mapping[int, ClaimView],
    ) -> ClaimIndex:
        """A new index without ``removed`` (as indexed here) and with ``added``, over the
        next snapshot's ``lookup``; this one is not changed (touched lists are copied)."""
        new = object.__new__(ClaimIndex)
        new._listed = self._listed
        claims = list(self.claims) if self._listed else []
        by = dict(self._by)
        copied: set[tuple[str, str | None]] = set()

        def own(name: str, value: str) -> list[int]:
            if (name, None) not in copied:  # the field's dict, copied once
                copied.add((name, None))
                by[name] = dict(by[name])
            if (name, value) not in copied:
                copied.add((name, value))
                by[name][value] = list(by[name].get(value, ()))
            return by[name][value]

        for claim in removed:
            if self._listed:
                at = bisect.bisect_left(claims, claim.id, key=_claim_id)
                if at == len(claims) or claims[at].id != claim.id:
                    continue  # not in this index
                del claims[at]
            elif claim.id not in self._by_id or not self._indexed(claim):
                continue
            for name in self.FIELDS:
                value = getattr(claim, name)
                if value is not None:
                    ids = own(name, value)
                    ids.remove(claim.id)
                    if not ids:
                        del by[name][value]
                        copied.discard((name, value))
        for claim in added:
            if self._listed:
                claims.insert(bisect.bisect_left(claims, claim.id, key=_claim_id), claim)
            for name in self.FIELDS:
                value = getattr(claim, name)
                if value is not None:
                    bisect.insort(own(name, value), claim.id)
        new.claims, new._by_id, new._by = claims, lookup, by
        return new

    def _indexed(self, claim: ClaimView) -> bool:
        """Whether ``claim`` (as indexed) is in an unlisted index: its first indexed field
        value lists its id (a claim with no indexed field changes nothing here)."""
        for name in self.FIELDS:
            value = getattr(claim, name)
            if value is not None:
                return claim.id in self._by[name].get(value, ())
        return False


def _claim_id(claim: ClaimView) -> int:
    return claim.id


def same_quota_labels(removed: Sequence[ClaimView], added: Sequence[ClaimView]) -> bool:
    """Whether the changed claims leave every quota's place, country, currency, sector
    and status as they were (then the lists of covered places, countries, currencies
    and sectors are too)."""
    before = {c.id: c for c in removed if c.is_quota}
    after = {c.id: c for c in added if c.is_quota}
    if before.keys() != after.keys():
        return False
    fields = ("place", "country", "currency", "sector", "status")
    return all(
        [getattr(before[i], f) for f in fields] == [getattr(after[i], f) for f in fields]
        for i in before
    )


def _where(
    pair: tuple[Sequence[ClaimView], Sequence[ClaimView]], *, active: bool
) -> tuple[list[ClaimView], list[ClaimView]]:
    return [c for c in pair[0] if c.active == active], [c for c in pair[1] if c.active == active]


def _places_of(facts: Sequence[ClaimView]) -> dict[str | None, list[int]]:
    places: dict[str | None, list[int]] = {}
    for claim in facts:
        places.setdefault(claim.place, []).append(claim.id)
    return places


def _doubling(facts_by_topic: dict[str, list[ClaimView]]) -> dict[str | None, list[ClaimView]]:
    by_place: dict[str | None, list[ClaimView]] = {}
    for claim in facts_by_topic.get("doubling", ()):
        by_place.setdefault(claim.place, []).append(claim)
    return by_place


class ComposerBase:
    """What every kind of answer needs: the snapshot's indexes, labels and selections."""

    def __init__(self, snapshot: Snapshot, country_names: dict[str, str]) -> None:
        self.snapshot = snapshot
        self.country_names = country_names  # ISO code -> display name
        # Per-snapshot indexes: a question touches only the claims it is about.
        claims = snapshot.claims
        by_id = snapshot.claims_by_id
        self._active_quotas = ClaimIndex((c for c in claims if c.is_quota and c.active), by_id)
        self._inactive_quotas = ClaimIndex(
            (c for c in claims if c.is_quota and not c.active), by_id
        )
        # Every active claim; its list is the snapshot's active_claims.
        self._active = ClaimIndex(snapshot.active_claims, by_id, listed=False)
        self.covered_countries = frozenset(c.country for c in self._active_quotas.claims)
        self._facts_by_topic: dict[str, list[ClaimView]] = {}
        for claim in snapshot.active_claims:
            if not claim.is_quota:
                self._facts_by_topic.setdefault(claim.topic, []).append(claim)
        # topic -> place -> ids of _facts_by_topic[topic]
        self._topic_places = {
            topic: _places_of(facts) for topic, facts in self._facts_by_topic.items()
        }
        self._doubling_by_place = _doubling(self._facts_by_topic)
        self._covered: Html | None = None
        self._all_by_source: list[SourceGroup] | None = None

    def updated(
        self, snapshot: Snapshot, removed: Sequence[ClaimView], added: Sequence[ClaimView]
    ) -> Self:
        """This composer for ``snapshot``, the next snapshot, whose claims differ by
        ``removed`` (their versions in this one's) and ``added`` (their new versions);
        only the indexes those touch are copied and changed, this one is not."""
        new = copy.copy(self)
        new.snapshot = snapshot
        by_id = snapshot.claims_by_id
        new._all_by_source = None
        quotas = [c for c in removed if c.is_quota], [c for c in added if c.is_quota]
        new._active_quotas = self._active_quotas.updated(*_where(quotas, active=True), by_id)
        new._inactive_quotas = self._inactive_quotas.updated(*_where(quotas, active=False), by_id)
        if not same_quota_labels(removed, added):
            new._covered = None
            new.covered_countries = frozenset(c.country for c in new._active_quotas.claims)
        new._active = self._active.updated(*_where((removed, added), active=True), by_id)
        facts = _where(
            ([c for c in removed if not c.is_quota], [c for c in added if not c.is_quota]),
            active=True,
        )
        topics = {c.topic for c in (*facts[0], *facts[1])}
        if topics:
            new._facts_by_topic = dict(self._facts_by_topic)
            new._topic_places = dict(self._topic_places)
            gone = {c.id for c in facts[0]}
            for topic in topics:
                kept = list(self._facts_by_topic.get(topic, ()))
                for claim_id in gone:
                    at = bisect.bisect_left(kept, claim_id, key=_claim_id)
                    if at < len(kept) and kept[at].id == claim_id:
                        del kept[at]
                places = dict(self._topic_places.get(topic, {}))
                for claim in facts[0]:
                    if claim.topic == topic:
                        ids = places[claim.place] = list(places[claim.place])
                        ids.remove(claim.id)
                        if not ids:
                            del places[claim.place]
                for claim in facts[1]:
                    if claim.topic == topic:
                        kept.insert(bisect.bisect_left(kept, claim.id, key=_claim_id), claim)
                        ids = places[claim.place] = list(places.get(claim.place, ()))
                        bisect.insort(ids, claim.id)
                if kept:
                    new._facts_by_topic[topic] = kept
                    new._topic_places[topic] = places
                else:
                    new._facts_by_topic.pop(topic, None)
                    new._topic_places.pop(topic, None)
            if "doubling" in topics:
                new._doubling_by_place = _doubling(new._facts_by_topic)
        return new

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

    def quotas(self, u: Understanding | None = None, *, active: bool = True) -> list[ClaimView]:
        index = self._active_quotas if active else self._inactive_quotas
        if u is None or not u.has_subject:
            return list(index.claims)
        return index.select(u)

    def quotas_at(self, place: str) -> list[ClaimView]:
        """The current quota claims of one place, in store order (from the index)."""
        return self._active_quotas.having("place", place)

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

    def say_not_covered(self, u: Understanding, reply: Reply) -> None:
        asked = u.places + [self.country(c) for c in u.countries] + u.currencies + u.sectors
        reply.lines.append(
            fmt("The report does not give a quota for {}. {}", ", ".join(asked), self.covered())
        )
        reply.answered = False

    def facts_about(self, topic: str, places: Sequence[str]) -> Sequence[ClaimView]:
        """Active facts on a topic: those about the places asked (and about no place)
        first; every one when none of them is about those places."""
        claims = self._facts_by_topic.get(topic, [])
        if not places:
            return claims
        return self.topic_facts_at(topic, places) or claims

    def topic_facts_at(self, topic: str, places: Sequence[str]) -> list[ClaimView]:
        """Active facts on a topic about those places or about no place, in store order."""
        by_place = self._topic_places.get(topic, {})
        ids = sorted(i for place in [*places, None] for i in by_place.get(place, ()))
        by_id = self.snapshot.claims_by_id
        return [by_id[i] for i in dict.fromkeys(ids)]

    def answer_unknown(self, names: Iterable[str], reply: Reply) -> None:
        names = list(names)
        shown = ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else "".join(names)
        reply.lines.append(fmt("The report does not mention {}. {}", shown, self.covered()))
