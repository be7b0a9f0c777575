"""The claim indexes an answer engine keeps per snapshot, and how they follow an edit.

``ClaimIndex`` finds claims by place, country, currency and sector; the helpers below
build the topic and place lists and tell whether an edit leaves the quota labels as
they were. After an incremental reload the next snapshot's indexes are made from these
(``ClaimIndex.updated``, ``ComposerBase.updated`` in claims.py), copying only what the
changed claims touch.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence

from bot.engine.understanding import Understanding
from db.views import ClaimView


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
        building: dict[str, dict[str, list[int]]] = {name: {} for name in self.FIELDS}
        for claim in self.claims:
            for name in self.FIELDS:
                value = getattr(claim, name)
                if value is not None:
                    building[name].setdefault(value, []).append(claim.id)
        # Kept as tuples (read only; ``updated`` copies what it touches into lists): a
        # tuple of one id is 48 bytes, a list 88, and most values have one or two claims.
        self._by: dict[str, dict[str, Sequence[int]]] = {
            name: {value: tuple(ids) for value, ids in values.items()}
            for name, values in building.items()
        }
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
        """The claims whose ``name`` (one of FIELDS) is ``value``, by id."""
        return [self._by_id[i] for i in sorted(self._by[name].get(value, ()))]

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
            ids = by[name].get(value, ())
            if (name, value) not in copied or not isinstance(ids, list):
                copied.add((name, value))
                ids = by[name][value] = list(ids)
            return ids

        for claim in removed:
            if self._listed:
                at = bisect.bisect_left(claims, claim.id, key=claim_id_of)
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
                claims.insert(bisect.bisect_left(claims, claim.id, key=claim_id_of), claim)
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


def claim_id_of(claim: ClaimView) -> int:
    return claim.id


def same_quota_labels(removed: Sequence[ClaimView], added: Sequence[ClaimView]) -> bool:
    """Whether the changed claims leave every quota's place, country, currency, sector,
    status, report, topic, period, basis and what supersedes it as they were (then the
    lists of covered places, countries, currencies and sectors, and their order, are
    too: an amount edited keeps them)."""
    before = {c.id: c for c in removed if c.is_quota}
    after = {c.id: c for c in added if c.is_quota}
    if before.keys() != after.keys():
        return False
    fields = ("place", "country", "currency", "sector", "status", "article_id", "topic",
              "period", "basis", "superseded_by")  # fmt: skip
    return all(
        [getattr(before[i], f) for f in fields] == [getattr(after[i], f) for f in fields]
        for i in before
    )


def where_active(
    pair: tuple[Sequence[ClaimView], Sequence[ClaimView]], *, active: bool
) -> tuple[list[ClaimView], list[ClaimView]]:
    return [c for c in pair[0] if c.active == active], [c for c in pair[1] if c.active == active]


def places_of(facts: Sequence[ClaimView]) -> dict[str | None, Sequence[int]]:
    """Place -> ids of ``facts`` about it, as tuples (read only: a tuple of one id is 48
    bytes, a list 88; at 100,000 claims most places have one fact on a topic)."""
    places: dict[str | None, list[int]] = {}
    for claim in facts:
        places.setdefault(claim.place, []).append(claim.id)
    return {place: tuple(ids) for place, ids in places.items()}


def doubling_by_place(
    facts_by_topic: dict[str, list[ClaimView]],
) -> dict[str | None, list[ClaimView]]:
    by_place: dict[str | None, list[ClaimView]] = {}
    for claim in facts_by_topic.get("doubling", ()):
        by_place.setdefault(claim.place, []).append(claim)
    return by_place


def topics_updated(
    facts_by_topic: dict[str, list[ClaimView]],
    topic_places: dict[str, dict[str | None, Sequence[int]]],
    removed: Sequence[ClaimView],
    added: Sequence[ClaimView],
) -> tuple[dict[str, list[ClaimView]], dict[str, dict[str | None, Sequence[int]]], bool]:
    """A composer's facts by topic and their places (``places_of``) without ``removed``
    active facts and with ``added`` ones, copying only the topics they touch (these are not
    changed); and whether the "doubling" facts changed."""
    topics = {c.topic for c in (*removed, *added)}
    by_topic, places_by_topic = dict(facts_by_topic), dict(topic_places)
    gone = {c.id for c in removed}
    for topic in topics:
        kept = list(facts_by_topic.get(topic, ()))
        for claim_id in gone:
            at = bisect.bisect_left(kept, claim_id, key=claim_id_of)
            if at < len(kept) and kept[at].id == claim_id:
                del kept[at]
        places = dict(topic_places.get(topic, {}))
        for claim in removed:
            if claim.topic == topic:
                ids = places[claim.place] = list(places[claim.place])
                ids.remove(claim.id)
                if not ids:
                    del places[claim.place]
        for claim in added:
            if claim.topic == topic:
                kept.insert(bisect.bisect_left(kept, claim.id, key=claim_id_of), claim)
                ids = places[claim.place] = list(places.get(claim.place, ()))
                bisect.insort(ids, claim.id)
        if kept:
            by_topic[topic] = kept
            places_by_topic[topic] = places
        else:
            by_topic.pop(topic, None)
            places_by_topic.pop(topic, None)
    return by_topic, places_by_topic, "doubling" in topics
