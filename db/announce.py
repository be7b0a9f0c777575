"""The one path from a change to what readers are told to the subscribers' notices.

Every write that changes a told fact (a claim's words, figures or status), the
article a fact cites (its caveat, outlet, title...) or a fact's source calls one of
these INSIDE its own write transaction, after the change, its history rows and the
revision bump: the notices commit with the change or roll back with it. Whatever
command made the change (add, edit, retract, restore, /undo of any of them,
/editarticle, /editsource, /import), subscribers hear of it the same way.

Aliases are not announced: a word taught with /alias changes which question finds a
fact, never what any fact, caveat or source says.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.kinds import ClaimStatus, EntityType, NoticeAction
from db.models import Article, Claim, Source, utcnow
from db.notices import enqueue_change_notices

# (field, old value, new value), as the change log keeps them.
FieldChange = tuple[str, str | None, str | None]
# Listed in an import's notice at most this many ids per kind of change.
IDS_SHOWN = 20
# Kept in the history beside the values an editor typed; not news to readers.
_TIMESTAMPS = frozenset({"corrected_at", "retracted_at"})


def _shown(value: str | None) -> str:
    return "(none)" if value is None else value


def _joined(fields: list[FieldChange]) -> tuple[str | None, str | None, str | None]:
    names = ", ".join(name for name, _, _ in fields) or None
    old = "; ".join(_shown(value) for _, value, _ in fields) or None
    new = "; ".join(_shown(value) for _, _, value in fields) or None
    return names, old, new


async def announce_claim(
    session: AsyncSession, claim: Claim, action: NoticeAction, fields: list[FieldChange]
) -> int:
    """A claim added, corrected, retracted or restored; returns the chats queued."""
    names: str | None
    old: str | None
    new: str | None
    if action is NoticeAction.ADD:
        names, old, new = None, None, claim.statement
    elif action is NoticeAction.RETRACT:
        names, old, new = None, None, f"retracted: {claim.retraction_reason}"
    else:
        names, old, new = _joined(fields)
    return await enqueue_change_notices(
        session,
        claim_id=claim.id,
        place=claim.place,
        action=action.value,
        field=names,
        old_value=old,
        new_value=new,
        article_id=claim.article_id,
        when=utcnow(),
    )


async def _told_claims(
    session: AsyncSession, condition: ColumnElement[bool]
) -> list[tuple[int, str | None]]:
    """The active facts (id, place) an article's or a source's change touches."""
    rows = await session.execute(
        select(Claim.id, Claim.place).where(Claim.status == ClaimStatus.ACTIVE, condition)
    )
    return [(int(claim_id), place) for claim_id, place in rows.all()]


async def announce_article(
    session: AsyncSession, article: Article, fields: list[FieldChange]
) -> int:
    """An article's details changed: every fact citing it is told differently now."""
    told = await _told_claims(session, Claim.article_id == article.id)
    if not told and not article.is_default:
        return 0  # no fact cites it, and its caveat is not the default one: nobody reads it
    return await _announce_details(session, f"article #{article.id}", article.id, fields, told)


async def announce_source(session: AsyncSession, source: Source, fields: list[FieldChange]) -> int:
    """A source's details changed: every fact attributed to it is told differently now."""
    told = await _told_claims(session, Claim.source_id == source.id)
    if not told:
        return 0  # no told fact is attributed to it
    return await _announce_details(session, f"source #{source.id}", source.article_id, fields, told)


async def _announce_details(
    session: AsyncSession,
    what: str,
    article_id: int,
    fields: list[FieldChange],
    told: list[tuple[int, str | None]],
) -> int:
    """An article's or a source's details changed: "all" subscribers, and whoever follows
    a told fact that cites it, or its place."""
    names, old, new = _joined(fields)
    return await enqueue_change_notices(
        session,
        claim_id=None,
        place=None,
        action=NoticeAction.CORRECT.value,
        field=f"{what}: {names}",
        old_value=old,
        new_value=new,
        article_id=article_id,
        when=utcnow(),
        also_claims=[claim_id for claim_id, _ in told],
        also_places=[place for _, place in told if place],
    )


# An /undo that sets a claim's status is told as its retraction or restoration.
_UNDONE_TO: dict[str, NoticeAction] = {
    ClaimStatus.RETRACTED: NoticeAction.RETRACT,
    ClaimStatus.ACTIVE: NoticeAction.RESTORE,
}


async def announce_undo(
    session: AsyncSession, touched: dict[tuple[str, int], list[FieldChange]]
) -> int:
    """An /undo: each row it put back is announced as what it now is."""
    queued = 0
    for (entity_type, entity_id), all_fields in touched.items():
        fields = [change for change in all_fields if change[0] not in _TIMESTAMPS]
        if not fields:
            continue
        if entity_type == EntityType.CLAIM:
            claim = await session.get(Claim, entity_id)
            if claim is None:
                continue
            status = next((new for name, _, new in fields if name == "status"), None)
            action = _UNDONE_TO.get(status or "", NoticeAction.CORRECT)
            queued += await announce_claim(session, claim, action, fields)
        elif entity_type == EntityType.ARTICLE:
            article = await session.get(Article, entity_id)
            if article is not None:  # None: an unused article was added and is gone again
                queued += await announce_article(session, article, fields)
        elif entity_type == EntityType.SOURCE:
            source = await session.get(Source, entity_id)
            if source is not None:
                queued += await announce_source(session, source, fields)
    return queued


# ----- imports ----------------------------------------------------------------------


@dataclass(frozen=True)
class _ToldClaim:
    status: str
    place: str | None
    article_id: int
    source_id: int
    values: tuple[object, ...]


@dataclass
class PublicState:
    """What readers are told, as of one moment in a transaction (to compare with later)."""

    claims: dict[int, _ToldClaim] = field(default_factory=dict)
    articles: dict[int, tuple[object, ...]] = field(default_factory=dict)
    sources: dict[int, tuple[object, ...]] = field(default_factory=dict)
    default_article: int | None = None


_CLAIM_TOLD = tuple(
    c for c in Claim.__table__.columns if c.key not in ("id", "created_at", "updated_at", "version")
)
_ARTICLE_TOLD = tuple(
    c
    for c in Article.__table__.columns
    if c.key not in ("id", "created_at", "updated_at", "version")
)
_SOURCE_TOLD = tuple(
    c
    for c in Source.__table__.columns
    if c.key not in ("id", "created_at", "updated_at", "version")
)


async def public_state(session: AsyncSession) -> PublicState:
    state = PublicState()
    for row in await session.execute(select(Claim.id, *_CLAIM_TOLD)):
        values = row._mapping
        state.claims[row.id] = _ToldClaim(
            status=values["status"],
            place=values["place"],
            article_id=values["article_id"],
            source_id=values["source_id"],
            values=tuple(row)[1:],
        )
    for row in await session.execute(select(Article.id, Article.is_default, *_ARTICLE_TOLD)):
        state.articles[row.id] = tuple(row)[2:]
        if row.is_default and state.default_article is None:
            state.default_article = row.id
    for row in await session.execute(select(Source.id, *_SOURCE_TOLD)):
        state.sources[row.id] = tuple(row)[1:]
    return state


def _ids(label: str, ids: list[int]) -> str:
    shown = ", ".join(f"#{i}" for i in ids[:IDS_SHOWN])
    more = f" and {len(ids) - IDS_SHOWN:,} more" if len(ids) > IDS_SHOWN else ""
    return f"{label}: {shown}{more}"


async def announce_import(session: AsyncSession, before: PublicState) -> int:
    """One notice summing up what an import changed for readers; 0 chats when nothing."""
    after = await public_state(session)
    was, now = before.claims, after.claims

    def told(claims: dict[int, _ToldClaim], claim_id: int) -> bool:
        return claim_id in claims and claims[claim_id].status == ClaimStatus.ACTIVE

    added = sorted(i for i in now if told(now, i) and i not in was)
    restored = sorted(i for i in now if told(now, i) and i in was and not told(was, i))
    withdrawn = sorted(i for i in was if told(was, i) and not told(now, i))
    corrected = sorted(
        i for i in now if told(now, i) and told(was, i) and now[i].values != was[i].values
    )
    articles = sorted(i for i, v in after.articles.items() if before.articles.get(i, v) != v)
    sources = sorted(i for i, v in after.sources.items() if before.sources.get(i, v) != v)
    # Facts whose caveat or attribution changed are told differently too.
    retold = sorted(
        i
        for i in now
        if told(now, i) and (now[i].article_id in articles or now[i].source_id in sources)
    )
    parts = [
        _ids(label, ids)
        for label, ids in (
            ("facts added", added),
            ("facts corrected", corrected),
            ("facts withdrawn", withdrawn),
            ("facts restored", restored),
            ("articles changed", articles),
            ("sources changed", sources),
        )
        if ids
    ]
    if not parts:
        return 0
    affected = set(added) | set(corrected) | set(withdrawn) | set(restored) | set(retold)
    places = {c.place for i in affected for c in (was.get(i), now.get(i)) if c and c.place}
    article_id = after.default_article or next(iter(after.articles), 0)
    return await enqueue_change_notices(
        session,
        claim_id=None,
        place=None,
        action=NoticeAction.IMPORT.value,
        field=None,
        old_value=None,
        new_value="; ".join(parts),
        article_id=article_id,
        when=utcnow(),
        also_claims=sorted(affected),
        also_places=sorted(places),
    )
