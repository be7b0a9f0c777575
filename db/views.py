"""The facts as plain, immutable objects: what the answer engine reads.

No SQLAlchemy and no I/O here (db/snapshot.py builds these from the store), so the
engine can import them without pulling in the database layer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from db.kinds import AmountSide


def partial_iso(value: dt.date | None, precision: str | None) -> str | None:
    """An ISO 8601 date to the precision known: "2020", "2020-10" or "2020-10-31"."""
    if value is None:
        return None
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


@dataclass(frozen=True, slots=True)
class ArticleView:
    id: int
    outlet: str
    title: str
    caveat: str
    url: str | None
    reporter: str | None
    relies_on: str | None
    published_on: dt.date | None
    is_default: bool
    # db.kinds.DatePrecision of published_on ("month": only October 2020 is known).
    published_precision: str | None = None

    @property
    def published_iso(self) -> str | None:
        return partial_iso(self.published_on, self.published_precision)


@dataclass(frozen=True, slots=True)
class SourceView:
    id: int
    name: str
    kind: str
    told_to: str | None
    country: str | None
    article_id: int
    notes: str | None


class Translations(Mapping[str, str]):
    """A claim's stored translations, language code (db.kinds.Language) -> the editors'
    text: read-only and hashable, so a ClaimView stays a value."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, str] | None = None) -> None:
        self._items: tuple[tuple[str, str], ...] = tuple(sorted((items or {}).items()))

    def __getitem__(self, key: str) -> str:
        for language, text in self._items:
            if language == key:
                return text
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return (language for language, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Translations):
            return self._items == other._items
        return isinstance(other, Mapping) and dict(self._items) == dict(other)

    def __repr__(self) -> str:
        return f"Translations({dict(self._items)!r})"


NO_TRANSLATIONS = Translations()


@dataclass(frozen=True, slots=True)
class ClaimView:
    id: int
    kind: str
    topic: str
    statement: str
    quote: str | None
    place: str | None
    source_id: int
    article_id: int
    status: str
    retracted_at: dt.datetime | None
    retraction_reason: str | None
    corrected_at: dt.datetime | None
    created_at: dt.datetime
    country: str | None = None
    sector: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    usd_amount: Decimal | None = None
    usd_is_approx: bool = True
    period: str | None = None
    basis: str | None = None
    change: str | None = None
    change_date: str | None = None
    # Issue 11's general figures; the defaults read as the seed-era claims did.
    amount_high: Decimal | None = None
    usd_high: Decimal | None = None
    share_low: Decimal | None = None
    share_high: Decimal | None = None
    share_of: str | None = None
    deadline: str | None = None
    deadline_on: dt.date | None = None
    deadline_precision: str | None = None
    basis_text: str | None = None
    amount_to: Decimal | None = None
    usd_to: Decimal | None = None
    change_on: dt.date | None = None
    change_on_precision: str | None = None
    superseded_by: int | None = None
    # Round 9's shapes (db.kinds.AmountSide, AmountBound): None reads as before.
    change_percent: Decimal | None = None
    amount_is: str | None = None
    amount_bound: str | None = None
    # The editors' translations of the statement (or quote), by language; never English.
    # Not a column of claims: db/snapshot.py loads them from claim_translations.
    translations: Translations = NO_TRANSLATIONS

    @property
    def is_range(self) -> bool:
        return self.amount_high is not None

    @property
    def change_from_amount(self) -> str | None:
        """The change that follows ``amount``, so that a new amount may be implied from it
        ("doubled"); None when the report states the amount after the change."""
        return None if self.amount_is == AmountSide.AFTER else self.change

    @property
    def is_share(self) -> bool:
        return self.share_low is not None

    @property
    def superseded(self) -> bool:
        return self.superseded_by is not None

    @property
    def active(self) -> bool:
        return self.status == "active"

    @property
    def is_quota(self) -> bool:
        return self.kind == "quota"


@dataclass(frozen=True, slots=True)
class AliasView:
    term: str
    kind: str
    value: str


class ClaimsById(Mapping[int, ClaimView]):
    """Claims by id, read-only: a base dict shared by successive snapshots, plus the few
    claims changed since it was made (None: removed). An incremental reload makes the
    next one without copying 100,000 entries; past ``COMPACT_AT`` changes it copies once."""

    COMPACT_AT = 2_000
    __slots__ = ("_base", "_changes", "_len")

    def __init__(
        self, base: dict[int, ClaimView], changes: dict[int, ClaimView | None] | None = None
    ) -> None:
        self._base = base
        self._changes = changes or {}
        self._len = len(base) + sum(
            (value is not None) - (key in base) for key, value in self._changes.items()
        )

    def __getitem__(self, key: int) -> ClaimView:
        if key in self._changes:
            value = self._changes[key]
            if value is None:
                raise KeyError(key)
            return value
        return self._base[key]

    def get(self, key: int, default: Any = None) -> Any:
        if key in self._changes:
            value = self._changes[key]
            return default if value is None else value
        return self._base.get(key, default)

    def __contains__(self, key: object) -> bool:
        if key in self._changes:
            return self._changes[key] is not None
        return key in self._base

    def __iter__(self) -> Iterator[int]:
        for key in self._base:
            if key not in self._changes:
                yield key
        for key, value in self._changes.items():
            if value is not None:
                yield key

    def __len__(self) -> int:
        return self._len

    def with_changes(self, changes: dict[int, ClaimView | None]) -> ClaimsById:
        merged = {**self._changes, **changes}
        if len(merged) <= self.COMPACT_AT:
            return ClaimsById(self._base, merged)
        base = dict(self._base)
        for key, value in merged.items():
            if value is None:
                base.pop(key, None)
            else:
                base[key] = value
        return ClaimsById(base)


@dataclass(frozen=True, slots=True)
class SnapshotDiff:
    """What changed since the snapshot a snapshot was made from (incremental reloads)."""

    base_revision: int
    claim_ids: frozenset[int]  # claims added, changed or removed
    articles: bool = False
    sources: bool = False
    aliases: bool = False
    editors: bool = False


@dataclass(frozen=True)
class Snapshot:
    revision: int
    articles: dict[int, ArticleView]
    sources: dict[int, SourceView]
    claims: tuple[ClaimView, ...]
    aliases: tuple[AliasView, ...]
    default_article_id: int | None = None
    # Editors granted in the store (owners come from settings): lets the Telegram layer
    # skip editor-only lookups for everyone else without a query.
    editor_ids: frozenset[int] = frozenset()
    _by_id: Mapping[int, ClaimView] = field(default_factory=dict, repr=False)
    # Set by an incremental reload: lets the engine update its indexes instead of rebuilding.
    diff: SnapshotDiff | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self._by_id and isinstance(self._by_id, dict):
            # (an incremental reload hands the index over, built)
            self._by_id.update({claim.id: claim for claim in self.claims})

    @property
    def claims_by_id(self) -> Mapping[int, ClaimView]:
        """Every claim by id (do not modify)."""
        return self._by_id

    def claim(self, claim_id: int) -> ClaimView | None:
        return self._by_id.get(claim_id)

    @cached_property
    def active_claims(self) -> tuple[ClaimView, ...]:
        # Computed once: a snapshot never changes.
        return tuple(claim for claim in self.claims if claim.active)

    @property
    def default_article(self) -> ArticleView | None:
        if self.default_article_id is None:
            return None
        return self.articles.get(self.default_article_id)


EMPTY_SNAPSHOT = Snapshot(revision=-1, articles={}, sources={}, claims=(), aliases=())
