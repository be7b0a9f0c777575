"""Loading the facts' immutable views (db/views.py), and a per-process copy kept current.

The answer engine works on a ``Snapshot`` (no SQLAlchemy, no I/O). Each process
holds one; before answering it reads the store's revision (one indexed row) and
reloads only when another writer, in this process or another replica, changed it.
"""

from __future__ import annotations

import asyncio
from dataclasses import fields

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.models import Alias, Article, Claim, Editor, Source
from db.revision import RevisionReader, SessionRevisionReader, current_revision
from db.views import (
    EMPTY_SNAPSHOT,
    AliasView,
    ArticleView,
    ClaimView,
    Snapshot,
    SourceView,
)

# The view types live in db/views.py (no SQLAlchemy); re-exported for existing importers.
__all__ = [
    "EMPTY_SNAPSHOT",
    "AliasView",
    "ArticleView",
    "ClaimView",
    "FactStore",
    "Snapshot",
    "SourceView",
    "load_snapshot",
]


_CLAIM_FIELDS = tuple(f.name for f in fields(ClaimView))
# Few distinct values, repeated on every row: one string object each, not one per row.
_SHARED_FIELDS = frozenset(
    {"kind", "topic", "place", "status", "country", "sector", "currency", "period", "basis",
     "change", "change_date", "retraction_reason", "share_of", "deadline", "basis_text",
     "deadline_precision", "change_on_precision"}
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
            published_precision=a.published_precision,
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
