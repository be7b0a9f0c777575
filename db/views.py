"""The facts as plain, immutable objects: what the answer engine reads.

No SQLAlchemy and no I/O here (db/snapshot.py builds these from the store), so the
engine can import them without pulling in the database layer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property


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

    @property
    def is_range(self) -> bool:
        return self.amount_high is not None

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

    def __post_init__(self) -> None:
        self._by_id.update({claim.id: claim for claim in self.claims})

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
