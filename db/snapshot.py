"""The facts as plain, immutable objects, and a per-process copy kept current by revision.

The answer engine works on a ``Snapshot`` (no SQLAlchemy, no I/O). Each process
holds one; before answering it reads the store's revision (one indexed row) and
reloads only when another writer, in this process or another replica, changed it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass, field, fields
from decimal import Decimal
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.models import Alias, Article, Claim, Editor, Source
from db.revision import RevisionReader, SessionRevisionReader, current_revision


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


_CLAIM_FIELDS = tuple(f.name for f in fields(ClaimView))
# Few distinct values, repeated on every row: one string object each, not one per row.
_SHARED_FIELDS = frozenset(
    {"kind", "topic", "place", "status", "country", "sector", "currency", "period", "basis",
     "change", "change_date", "retraction_reason"}
)  # fmt: skip


async def _load_claims(session: AsyncSession) -> tuple[ClaimView, ...]:
    """Plain rows, streamed in batches: no ORM objects (a 100,000-claim store would
    need hundreds of MB of them, for a moment, to build the views)."""
    # Core columns, not ORM attributes: the rows skip the ORM loading machinery.
    table = Claim.__table__
    columns = [table.c[name] for name in _CLAIM_FIELDS]
    shared = [i for i, name in enumerate(_CLAIM_FIELDS) if name in _SHARED_FIELDS]
    strings: dict[str, str] = {}
    claims: list[ClaimView] = []
    result = await session.stream(select(*columns).order_by(table.c.id))
    async for batch in result.partitions(2_000):
        for row in batch:
            values = list(row)
            for i in shared:
                value = values[i]
                if value is not None:
                    values[i] = strings.setdefault(value, value)
            claims.append(ClaimView(*values))
    return tuple(claims)


async def load_snapshot(session: AsyncSession, revision: int) -> Snapshot:
    """Reads every table the engine needs: four queries, whatever the store's size."""
    articles = {
        a.id: ArticleView(
            id=a.id,
            outlet=a.outlet,
            title=a.title,
            caveat=a.caveat,
            url=a.url,
            reporter=a.reporter,
            relies_on=a.relies_on,
            published_on=a.published_on,
            is_default=a.is_default,
        )
        for a in await session.scalars(select(Article).order_by(Article.id))
    }
    sources = {
        s.id: SourceView(
            id=s.id,
            name=s.name,
            kind=s.kind,
            told_to=s.told_to,
            country=s.country,
            article_id=s.article_id,
            notes=s.notes,
        )
        for s in await session.scalars(select(Source).order_by(Source.id))
    }
    claims = await _load_claims(session)
    aliases = tuple(
        AliasView(term=a.term, kind=a.kind, value=a.value)
        for a in await session.scalars(select(Alias).order_by(Alias.id))
    )
    default_id = next((a.id for a in articles.values() if a.is_default), None)
    if default_id is None and articles:
        default_id = min(articles)
    editor_ids = frozenset(await session.scalars(select(Editor.user_id)))
    return Snapshot(
        revision=revision,
        articles=articles,
        sources=sources,
        claims=claims,
        aliases=aliases,
        default_article_id=default_id,
        editor_ids=editor_ids,
    )


class FactStore:
    """The process's current snapshot; never serves one older than the store's revision."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        revisions: RevisionReader | None = None,
    ) -> None:
        self._sessionmaker = sessionmaker
        # How the per-question revision is read (db/revision.py: cheap per backend).
        self.revisions = revisions or SessionRevisionReader(sessionmaker)
        self._snapshot = EMPTY_SNAPSHOT
        self._lock = asyncio.Lock()

    @property
    def last_known(self) -> Snapshot:
        """The latest snapshot loaded, for when the database cannot be reached."""
        return self._snapshot

    async def current(self) -> Snapshot:
        revision = await self.revisions.read()
        if revision == self._snapshot.revision:
            return self._snapshot
        async with self._lock:
            if revision <= self._snapshot.revision:
                return self._snapshot
            async with self._sessionmaker() as session, session.begin():
                # Read the revision again inside the loading transaction, so the
                # number always describes the rows loaded with it.
                revision = await current_revision(session)
                self._snapshot = await load_snapshot(session, revision)
            return self._snapshot
