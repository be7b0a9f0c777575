"""The facts as plain, immutable objects: what the answer engine reads.

No SQLAlchemy and no I/O here (db/snapshot.py builds these from the store), so the
engine can import them without pulling in the database layer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property


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


@dataclass(frozen=True, slots=True)
class SourceView:
    id: int
    name: str
    kind: str
    told_to: str | None
    country: str | None
    article_id: int
    notes: str | None


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
    _by_id: dict[int, ClaimView] = field(default_factory=dict, repr=False)
    # Set by an incremental reload: lets the engine update its indexes instead of rebuilding.
    diff: SnapshotDiff | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self._by_id:  # an incremental reload hands the index over, built
            self._by_id.update({claim.id: claim for claim in self.claims})

    @property
    def claims_by_id(self) -> dict[int, ClaimView]:
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
