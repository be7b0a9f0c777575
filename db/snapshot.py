"""Loading the facts' immutable views (db/views.py), and a per-process copy kept current.

The answer engine works on a ``Snapshot`` (no SQLAlchemy, no I/O). Each process
holds one; before answering it reads the store's revision (one indexed row) and
reloads only when another writer, in this process or another replica, changed it.
"""

from __future__ import annotations

import asyncio
import bisect
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import fields, replace
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.kinds import SnapshotPart
from db.models import Alias, Article, Claim, ClaimTranslation, Editor, Source, StoreChange
from db.revision import RevisionReader, SessionRevisionReader, current_revision
from db.views import (
    EMPTY_SNAPSHOT,
    AliasView,
    ArticleView,
    ClaimsById,
    ClaimView,
    Snapshot,
    SnapshotDiff,
    SourceView,
    Translations,
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


# The claims table's columns, in ClaimView's order (its translations come from their table).
_CLAIM_FIELDS = tuple(f.name for f in fields(ClaimView) if f.name != "translations")
# Few distinct values, repeated on every row: one string object each, not one per row.
_SHARED_FIELDS = frozenset(
    {"kind", "topic", "place", "status", "country", "sector", "currency", "period", "basis",
     "change", "change_date", "retraction_reason", "share_of", "deadline", "basis_text",
     "deadline_precision", "change_on_precision", "amount_is", "amount_bound"}
)  # fmt: skip
_DECIMAL_FIELDS = frozenset(
    {"amount", "usd_amount", "amount_high", "usd_high", "share_low", "share_high", "amount_to",
     "usd_to", "change_percent"}
)  # fmt: skip


async def _load_translations(
    session: AsyncSession, ids: Iterable[int] | None = None
) -> dict[int, Translations]:
    """Claim id -> its stored translations: of every claim, or of those of ``ids``.
    One plain query (few claims have any); claims without one are not in the result."""
    table = ClaimTranslation.__table__
    query = select(table.c.claim_id, table.c.language, table.c.text)
    if ids is not None:
        query = query.where(table.c.claim_id.in_(list(ids)))
    found: dict[int, dict[str, str]] = {}
    for claim_id, language, text in await session.execute(query):
        found.setdefault(claim_id, {})[language] = text
    return {claim_id: Translations(texts) for claim_id, texts in found.items()}


def _with_translations(
    claims: Iterable[ClaimView], translations: Mapping[int, Translations]
) -> tuple[ClaimView, ...]:
    if not translations:
        return tuple(claims)
    return tuple(
        replace(claim, translations=translations[claim.id]) if claim.id in translations else claim
        for claim in claims
    )


async def _load_claims(
    session: AsyncSession, ids: Iterable[int] | None = None
) -> tuple[ClaimView, ...]:
    """Every claim, or those of ``ids`` that exist, each with its translations."""
    if ids is not None:
        ids = list(ids)
    claims = await _load_claim_rows(session, ids)
    return _with_translations(claims, await _load_translations(session, ids))


async def _load_claim_rows(
    session: AsyncSession, ids: Iterable[int] | None = None
) -> tuple[ClaimView, ...]:
    """Plain rows, streamed in batches: no ORM objects (a 100,000-claim store would
    need hundreds of MB of them, for a moment, to build the views). Every claim, or
    those of ``ids`` that exist."""
    # Core columns, not ORM attributes: the rows skip the ORM loading machinery.
    table = Claim.__table__
    columns = [table.c[name] for name in _CLAIM_FIELDS]
    shared = [i for i, name in enumerate(_CLAIM_FIELDS) if name in _SHARED_FIELDS]
    strings: dict[str, str] = {}
    # One Decimal for each amount written alike ("62000.0000"): the same text is the same
    # value, exponent and all (20,000 quotas have about 1,000 US dollar figures).
    amounts = [i for i, name in enumerate(_CLAIM_FIELDS) if name in _DECIMAL_FIELDS]
    decimals: dict[str, Decimal] = {}
    claims: list[ClaimView] = []
    query = select(*columns).order_by(table.c.id)
    if ids is not None:
        # A few rows: one plain query (streaming costs more round trips than it saves).
        rows = await session.execute(query.where(table.c.id.in_(list(ids))))
        return tuple(ClaimView(*row) for row in rows)
    result = await session.stream(query)
    async for batch in result.partitions(2_000):
        for row in batch:
            values = list(row)
            for i in shared:
                value = values[i]
                if value is not None:
                    values[i] = strings.setdefault(value, value)
            for i in amounts:
                value = values[i]
                if value is not None:
                    values[i] = decimals.setdefault(str(value), value)
            claims.append(ClaimView(*values))
    return tuple(claims)


def _article_view(a: Article) -> ArticleView:
    return ArticleView(
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


def _source_view(s: Source) -> SourceView:
    return SourceView(
        id=s.id,
        name=s.name,
        kind=s.kind,
        told_to=s.told_to,
        country=s.country,
        article_id=s.article_id,
        notes=s.notes,
    )


async def _load_aliases(session: AsyncSession) -> tuple[AliasView, ...]:
    # Plain rows: loading ORM objects costs a millisecond each on a busy process.
    rows = await session.execute(select(Alias.term, Alias.kind, Alias.value).order_by(Alias.id))
    return tuple(AliasView(term=term, kind=kind, value=value) for term, kind, value in rows)


def _default_article(articles: dict[int, ArticleView]) -> int | None:
    default_id = next((a.id for a in articles.values() if a.is_default), None)
    if default_id is None and articles:
        default_id = min(articles)
    return default_id


async def load_snapshot(session: AsyncSession, revision: int) -> Snapshot:
    """Reads every table the engine needs: a few queries, whatever the store's size."""
    articles = {
        a.id: _article_view(a) for a in await session.scalars(select(Article).order_by(Article.id))
    }
    sources = {
        s.id: _source_view(s) for s in await session.scalars(select(Source).order_by(Source.id))
    }
    claims = await _load_claims(session)
    aliases = await _load_aliases(session)
    default_id = _default_article(articles)
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


# ----- incremental reloads ------------------------------------------------------------
#
# db/changes.py logs, under each revision, the rows it changed. A snapshot at revision R
# is brought to revision N by re-reading only the rows named by revisions R+1 … N; when
# a revision in between has no log row (an older program wrote it, or the log was
# pruned) or says "all" (an import), everything is loaded instead.

# Incremental steps FactStore remembers (see FactStore.diff_between).
KEPT_STEPS = 256
# Beyond this many changed rows, loading everything is as quick.
MAX_INCREMENTAL_ROWS = 5_000
_IN_CHUNK = 500  # ids per IN (...) list


async def changed_rows(
    session: AsyncSession, since: int, until: int
) -> dict[SnapshotPart, set[int]] | None:
    """The rows changed by revisions ``since`` (exclusive) to ``until``; None: reload all."""
    if since < 0 or until < since:
        return None
    if until - since > MAX_INCREMENTAL_ROWS:
        return None
    rows = await session.execute(
        select(StoreChange.revision, StoreChange.part, StoreChange.row_id).where(
            StoreChange.revision > since, StoreChange.revision <= until
        )
    )
    revisions: set[int] = set()
    parts: dict[SnapshotPart, set[int]] = {}
    count = 0
    for revision, part, row_id in rows:
        revisions.add(revision)
        if part == SnapshotPart.ALL:
            return None
        if part != SnapshotPart.NONE and row_id is not None:
            parts.setdefault(SnapshotPart(part), set()).add(row_id)
            count += 1
    if len(revisions) != until - since or count > MAX_INCREMENTAL_ROWS:
        return None  # a revision without its log rows: nothing tells what it changed
    return parts


def _chunks(ids: Iterable[int]) -> list[list[int]]:
    ordered = sorted(ids)
    return [ordered[i : i + _IN_CHUNK] for i in range(0, len(ordered), _IN_CHUNK)]


def _merge_claims(
    old: Snapshot, changed: set[int], fresh: Iterable[ClaimView]
) -> tuple[tuple[ClaimView, ...], ClaimsById]:
    """The old claims with the changed ones replaced, added or removed (still by id)."""
    claims = list(old.claims)
    found = {claim.id: claim for claim in fresh}
    changes: dict[int, ClaimView | None] = {}
    for claim_id in sorted(changed):
        claim = found.get(claim_id)
        at = bisect.bisect_left(claims, claim_id, key=lambda c: c.id)
        present = at < len(claims) and claims[at].id == claim_id
        if claim is None:
            if present:
                del claims[at]
                changes[claim_id] = None
        elif present:
            claims[at] = claim
            changes[claim_id] = claim
        else:
            claims.insert(at, claim)
            changes[claim_id] = claim
    by_id = old.claims_by_id
    if not isinstance(by_id, ClaimsById):
        by_id = ClaimsById(dict(by_id))
    return tuple(claims), by_id.with_changes(changes)


def _active_after(
    old: Snapshot, changed: set[int], by_id: Mapping[int, ClaimView]
) -> tuple[ClaimView, ...]:
    """``old.active_claims`` with the changed claims' new versions (a full pass cost 30 ms
    at 100,000 claims, on the first question after every edit)."""
    active = list(old.active_claims)
    for claim_id in sorted(changed):
        at = bisect.bisect_left(active, claim_id, key=lambda c: c.id)
        if at < len(active) and active[at].id == claim_id:
            del active[at]
        claim = by_id.get(claim_id)
        if claim is not None and claim.active:
            active.insert(at, claim)
    return tuple(active)


async def update_snapshot(
    session: AsyncSession,
    old: Snapshot,
    revision: int,
    changes: dict[SnapshotPart, set[int]],
) -> Snapshot:
    """``old`` brought to ``revision`` by re-reading the changed rows only."""
    claims, by_id = old.claims, old.claims_by_id
    claim_ids = changes.get(SnapshotPart.CLAIM, set())
    if claim_ids:
        fresh: list[ClaimView] = []
        for chunk in _chunks(claim_ids):
            fresh.extend(await _load_claims(session, chunk))
        claims, by_id = _merge_claims(old, claim_ids, fresh)
    articles = old.articles
    if article_ids := changes.get(SnapshotPart.ARTICLE):
        articles = dict(articles)
        for article_id in article_ids:
            articles.pop(article_id, None)  # read again below, unless it is gone
        for chunk in _chunks(article_ids):
            articles.update(
                (a.id, _article_view(a))
                for a in await session.scalars(select(Article).where(Article.id.in_(chunk)))
            )
        articles = dict(sorted(articles.items()))
    sources = old.sources
    if source_ids := changes.get(SnapshotPart.SOURCE):
        sources = dict(sources)
        for source_id in source_ids:
            sources.pop(source_id, None)
        for chunk in _chunks(source_ids):
            sources.update(
                (s.id, _source_view(s))
                for s in await session.scalars(select(Source).where(Source.id.in_(chunk)))
            )
        sources = dict(sorted(sources.items()))
    # Aliases and editors are small tables: read again whole when one of them changed.
    aliases = old.aliases
    if changes.get(SnapshotPart.ALIAS):
        aliases = await _load_aliases(session)
    editor_ids = old.editor_ids
    if changes.get(SnapshotPart.EDITOR):
        editor_ids = frozenset(await session.scalars(select(Editor.user_id)))
    snapshot = Snapshot(
        revision=revision,
        articles=articles,
        sources=sources,
        claims=claims,
        aliases=aliases,
        default_article_id=_default_article(articles),
        editor_ids=editor_ids,
        _by_id=by_id,
        diff=SnapshotDiff(
            base_revision=old.revision,
            claim_ids=frozenset(claim_ids),
            articles=articles is not old.articles,
            sources=sources is not old.sources,
            aliases=aliases is not old.aliases,
            editors=editor_ids is not old.editor_ids,
        ),
    )
    if claim_ids and "active_claims" in old.__dict__:
        # Seeded: the cached property is computed no more (a frozen dataclass's dict).
        snapshot.__dict__["active_claims"] = _active_after(old, claim_ids, snapshot.claims_by_id)
    elif "active_claims" in old.__dict__:
        snapshot.__dict__["active_claims"] = old.active_claims  # the same claims
    return snapshot


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
        # The last incremental steps (each snapshot's diff), so that whoever builds on an
        # older snapshot (the answer engine, when a page was served in between) can
        # still update from it instead of building anew.
        self._steps: deque[tuple[int, SnapshotDiff]] = deque(maxlen=KEPT_STEPS)

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
                # number always describes the rows loaded with it (or newer ones:
                # on PostgreSQL each statement sees what committed before it).
                revision = await current_revision(session)
                old = self._snapshot
                changes = await changed_rows(session, old.revision, revision)
                if changes is None:
                    self._snapshot = await load_snapshot(session, revision)
                    self._steps.clear()
                else:
                    self._snapshot = await update_snapshot(session, old, revision, changes)
                    if self._snapshot.diff is not None:
                        self._steps.append((revision, self._snapshot.diff))
            return self._snapshot

    def diff_between(self, base: int, target: int) -> SnapshotDiff | None:
        """What changed from the snapshot at ``base`` to the one at ``target``, when every
        step between them was incremental and is still kept; else None."""
        pairs = [(revision, diff) for revision, diff in self._steps if base < revision <= target]
        at = base
        for revision, diff in pairs:
            if diff.base_revision != at:
                return None  # a full load in between
            at = revision
        if not pairs or at != target:
            return None
        steps = [diff for _, diff in pairs]
        merged = steps[0]
        for diff in steps[1:]:
            merged = SnapshotDiff(
                base_revision=base,
                claim_ids=merged.claim_ids | diff.claim_ids,
                articles=merged.articles or diff.articles,
                sources=merged.sources or diff.sources,
                aliases=merged.aliases or diff.aliases,
                editors=merged.editors or diff.editors,
            )
        return merged
