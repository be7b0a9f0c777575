"""Which snapshot rows each revision changed: the log incremental reloads read.

Every transaction that changes a table the snapshot holds (claims and their translations,
articles, sources, aliases, editors) writes, just before it commits, one ``store_changes``
row per changed row, stamped with the revision the transaction bumped the store to.
Nothing has to call this: SQLAlchemy session events collect the rows every flush wrote
(inserts, updates, deletes of ORM objects), and a bulk statement on those tables (``delete(Claim)``,
``insert(Claim), rows``), or any hand-written SQL that is not a read, is logged as
"reload everything".

Why the log can be read by revision, even with several replicas writing at once: the
revision is one row (``store_state``), and the bump updates it inside the writer's
transaction, so the row stays locked until that transaction ends (PostgreSQL row lock;
SQLite has one writer at a time). Revisions therefore commit in their own order: once a
reader sees revision R committed, every transaction stamped R or lower has committed too,
and its log rows are visible. A transaction that changed rows without bumping is bumped
here; one that bumped but changed no snapshot row logs a "none" row, so every revision
has at least one row and a gap (an older program writing, a pruned log) is noticed by
the reader, who then reloads everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, event, insert, select, update
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, UOWTransaction
from sqlalchemy.sql.elements import TextClause

from db.kinds import SnapshotPart
from db.models import (
    Alias,
    Article,
    Claim,
    ClaimTranslation,
    Editor,
    Source,
    StoreChange,
    StoreState,
    utcnow,
)

# ORM class -> (the part, the attribute that keys its row).
TRACKED: dict[type, tuple[SnapshotPart, str]] = {
    Claim: (SnapshotPart.CLAIM, "id"),
    Article: (SnapshotPart.ARTICLE, "id"),
    Source: (SnapshotPart.SOURCE, "id"),
    Alias: (SnapshotPart.ALIAS, "id"),
    Editor: (SnapshotPart.EDITOR, "user_id"),
    # A translation is part of its claim's view: the claim is read again, with them all.
    ClaimTranslation: (SnapshotPart.CLAIM, "claim_id"),
}
_TABLES = frozenset(model.__table__.name for model in TRACKED)  # type: ignore[attr-defined]

# More rows than this in one transaction (an import) are logged as one "all".
MAX_ROWS_PER_REVISION = 1_000
# The log keeps about this many revisions; a reader further behind reloads everything.
KEEP_REVISIONS = 10_000
PRUNE_EVERY = 500

_PENDING = "snapshot_changes"
_BUMPED_TO = "snapshot_bumped_to"

Change = tuple[SnapshotPart, int | None]


def _pending(session: Session) -> set[Change]:
    pending: set[Change] = session.info.setdefault(_PENDING, set())
    return pending


def note_change(session: Session, part: SnapshotPart, row_id: int | None = None) -> None:
    """Log a change the session events cannot see (a statement built by hand)."""
    _pending(session).add((part, row_id))


def remember_bump(session: Session, revision: int) -> None:
    """Called by ``bump_revision``: the revision this transaction moved the store to."""
    session.info[_BUMPED_TO] = revision


@event.listens_for(Session, "after_flush")
def _collect(session: Session, flush_context: UOWTransaction) -> None:
    # The session's new/dirty/deleted still hold what this flush wrote; keys are set.
    for instance in (*session.new, *session.dirty, *session.deleted):
        spec = TRACKED.get(type(instance))
        if spec is not None:
            part, key = spec
            _pending(session).add((part, getattr(instance, key)))


@event.listens_for(Session, "do_orm_execute")
def _bulk(state: ORMExecuteState) -> None:
    if isinstance(state.statement, TextClause):
        # Hand-written SQL: which rows it wrote is unknown, so anything but a read
        # is logged as "reload everything" (never a "none" that would hide it).
        if not state.statement.text.lstrip()[:6].upper().startswith(("SELECT", "WITH")):
            note_change(state.session, SnapshotPart.ALL)
        return
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if table is not None and getattr(table, "name", None) in _TABLES:
        note_change(state.session, SnapshotPart.ALL)


@event.listens_for(Session, "before_commit")
def _write_log(session: Session) -> None:
    if session.new or session.dirty or session.deleted:
        session.flush()  # the commit would flush them after this hook: collect them now
    pending: set[Change] = session.info.pop(_PENDING, set())
    bumped_to = session.info.pop(_BUMPED_TO, None)
    if not pending and bumped_to is None:
        return
    revision = _our_revision(session, bumped_to)
    write_log(session, revision, pending)


def _our_revision(session: Session, bumped_to: int | None) -> int:
    """The revision this transaction commits as; bumped here when it was not (or its
    bump was rolled back with a savepoint)."""
    if bumped_to is not None:
        current = session.execute(
            select(StoreState.revision).where(StoreState.id == 1)
        ).scalar_one_or_none()
        if current == bumped_to:
            return int(bumped_to)
    bumped = session.execute(
        update(StoreState)
        .where(StoreState.id == 1)
        .values(revision=StoreState.revision + 1, updated_at=utcnow())
        .returning(StoreState.revision)
    ).scalar_one_or_none()
    return int(bumped or 0)


def write_log(session: Session, revision: int, changes: Iterable[Change]) -> None:
    parts = set(changes)
    if len(parts) > MAX_ROWS_PER_REVISION or any(p == SnapshotPart.ALL for p, _ in parts):
        parts = {(SnapshotPart.ALL, None)}
    if not parts:
        parts = {(SnapshotPart.NONE, None)}
    rows: list[dict[str, Any]] = [
        {"revision": revision, "part": part.value, "row_id": row_id}
        for part, row_id in sorted(parts, key=lambda p: (p[0].value, p[1] or 0))
    ]
    session.execute(insert(StoreChange), rows)
    if revision % PRUNE_EVERY == 0 and revision > KEEP_REVISIONS:
        session.execute(
            delete(StoreChange).where(StoreChange.revision <= revision - KEEP_REVISIONS)
        )


@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, transaction: SessionTransaction) -> None:
    # A top-level transaction ended (committed, or rolled back: nothing was written).
    if transaction.parent is None:
        session.info.pop(_PENDING, None)
        session.info.pop(_BUMPED_TO, None)
