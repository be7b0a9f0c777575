"""The claims an answer is made of: indexes, labels, attribution and selections.

Every figure printed by the engine is a stored claim's, or a derivation labelled as one
("implied by “doubled”"). Where the report is silent, the answer says so.
"""

from __future__ import annotations

import bisect
import copy
from collections.abc import Iterable, Sequence
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

    def __init__(self, claims: Iterable[ClaimView]) -> None:
        self.claims = list(claims)
        self._by_id = {claim.id: claim for claim in self.claims}
        self._by: dict[str, dict[str, list[int]]] = {name: {} for name in self.FIELDS}
        for claim in self.claims:
            for name in self.FIELDS:
                value = getattr(claim, name)
                if value is not None:
                    self._by[name].setdefault(value, []).append(claim.id)

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

    def updated(self, removed: Iterable[ClaimView], added: Iterable[ClaimView]) -> ClaimIndex:
        """A new index without ``removed`` (as indexed here) and with ``added``; this one
        is not changed (only the touched lists are copied)."""
        new = object.__new__(ClaimIndex)
        claims = list(self.claims)
        by_id = dict(self._by_id)
        by = {name: dict(values) for name, values in self._by.items()}
        copied: set[tuple[str, str]] = set()

        def own(name: str, value: str) -> list[int]:
            if (name, value) not in copied:
                copied.add((name, value))
                by[name][value] = list(by[name].get(value, ()))
            return by[name][value]

        for claim in removed:
            if by_id.pop(claim.id, None) is None:
                continue
            at = bisect.bisect_left(claims, claim.id, key=_claim_id)
            del claims[at]
            for name in self.FIELDS:
                value = getattr(claim, name)
                if value is not None:
                    ids = own(name, value)
                    ids.remove(claim.id)
                    if not ids:
                        del by[name][value]
                        copied.discard((name, value))
        for claim in added:
            by_id[claim.id] = claim
            claims.insert(bisect.bisect_left(claims, claim.id, key=_claim_id), claim)
            for name in self.FIELDS:
                value = getattr(claim, name)
                if value is not None:
                    bisect.insort(own(name, value), claim.id)
        new.claims, new._by_id, new._by = claims, by_id, by
        return new


def _claim_id(claim: ClaimView) -> int:
    return claim.id


def _where(
    pair: tuple[Sequence[ClaimView], Sequence[ClaimView]], *, active: bool
) -> tuple[list[ClaimView], list[ClaimView]]:
    return [c for c in pair[0] if c.active == active], [c for c in pair[1] if c.active == active]


def _places_of(facts: Sequence[ClaimView]) -> dict[str | None, list[int]]:
    places: dict[str | None, list[int]] = {}
    for position, claim in enumerate(facts):
        places.setdefault(claim.place, []).append(position)
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
        self._active_quotas = ClaimIndex(c for c in claims if c.is_quota and c.active)
        self._inactive_quotas = ClaimIndex(c for c in claims if c.is_quota and not c.active)
        self._active = ClaimIndex(snapshot.active_claims)
        self.covered_countries = frozenset(c.country for c in self._active_quotas.claims)
        self._facts_by_topic: dict[str, list[ClaimView]] = {}
        for claim in snapshot.active_claims:
            if not claim.is_quota:
                self._facts_by_topic.setdefault(claim.topic, []).append(claim)
        # topic -> place -> positions in _facts_by_topic[topic]
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
        new._covered, new._all_by_source = None, None
        quotas = [c for c in removed if c.is_quota], [c for c in added if c.is_quota]
        if quotas[0] or quotas[1]:
            new._active_quotas = self._active_quotas.updated(*_where(quotas, active=True))
            new._inactive_quotas = self._inactive_quotas.updated(*_where(quotas, active=False))
            new.covered_countries = frozenset(c.country for c in new._active_quotas.claims)
        new._active = self._active.updated(*_where((removed, added), active=True))
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
                kept = [c for c in self._facts_by_topic.get(topic, ()) if c.id not in gone]
                for claim in facts[1]:
                    if claim.topic == topic:
                        kept.insert(bisect.bisect_left(kept, claim.id, key=_claim_id), claim)
                if kept:
                    new._facts_by_topic[topic] = kept
                    new._topic_places[topic] = _places_of(kept)
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
        by_place = self._topic_places.get(topic, {})
        positions = sorted(p for place in [*places, None] for p in by_place.get(place, ()))
        return [claims[p] for p in dict.fromkeys(positions)] or claims

    def answer_unknown(self, names: Iterable[str], reply: Reply) -> None:
        names = list(names)
        shown = ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else "".join(names)
        reply.lines.append(fmt("The report does not mention {}. {}", shown, self.covered()))
