"""Undo: an editor takes back their own last change, if nothing changed it since."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.announce import FieldChange, announce_undo
from db.editing.access import Actor, require_editor
from db.editing.changelog import (
    VALUE_TYPES,
    Change,
    as_text,
    from_text,
    log_change,
    new_batch,
    run_write,
)
from db.editing.errors import Conflict, NotFound, entity_name
from db.editing.translations import field_language, find_translation, put_translation
from db.errors import N_
from db.kinds import ChangeAction, ClaimStatus, EntityType
from db.models import Alias, Article, ChangeLogEntry, Claim, Source, utcnow
from db.revision import bump_revision

UNDOABLE = (ChangeAction.CREATE, ChangeAction.EDIT, ChangeAction.RETRACT, ChangeAction.RESTORE)


async def undo(session: AsyncSession, actor: Actor) -> Change:
    """Take back the actor's own last change (one batch), if nothing changed it since."""

    async def work() -> Change:
        await require_editor(session, actor, N_("undo changes"))
        last = await session.scalar(
            select(ChangeLogEntry)
            .where(
                ChangeLogEntry.editor_id == actor.user_id,
                ChangeLogEntry.undone.is_(False),
                ChangeLogEntry.action.in_(UNDOABLE),
                ChangeLogEntry.entity_type.in_(
                    (EntityType.CLAIM, EntityType.ARTICLE, EntityType.SOURCE, EntityType.ALIAS)
                ),
            )
            .order_by(ChangeLogEntry.id.desc())
            .limit(1)
        )
        if last is None:
            raise NotFound(N_("You have no change left to undo."))
        rows = list(
            await session.scalars(
                select(ChangeLogEntry)
                .where(ChangeLogEntry.batch == last.batch)
                .order_by(ChangeLogEntry.id.desc())
            )
        )
        batch = new_batch()
        reason = f"undo of change {last.batch[:8]}"
        main = next((r for r in reversed(rows) if r.entity_type == last.entity_type), last)
        change = Change(
            batch, main.entity_type, main.entity_id, ChangeAction.UNDO, note=main.action
        )
        touched: dict[tuple[str, int], list[FieldChange]] = {}
        for row in rows:
            before = len(change.fields)
            await _undo_row(session, actor, row, batch, reason, change)
            touched.setdefault((row.entity_type, row.entity_id), []).extend(change.fields[before:])
            row.undone = True
        await session.flush()
        await bump_revision(session)
        change.notified = await announce_undo(session, touched)
        return change

    return await run_write(session, work)


_MODELS: dict[str, Any] = {
    EntityType.CLAIM: Claim,
    EntityType.ARTICLE: Article,
    EntityType.SOURCE: Source,
    EntityType.ALIAS: Alias,
}


async def _changed_since(session: AsyncSession, row: ChangeLogEntry) -> bool:
    """Whether a later change of ``row``'s entity, by anyone, is still in effect."""
    later = await session.scalar(
        select(func.count())
        .select_from(ChangeLogEntry)
        .where(
            ChangeLogEntry.entity_type == row.entity_type,
            ChangeLogEntry.entity_id == row.entity_id,
            ChangeLogEntry.id > row.id,
            ChangeLogEntry.batch != row.batch,
            ChangeLogEntry.undone.is_(False),
            ChangeLogEntry.action != ChangeAction.UNDO,
        )
    )
    return bool(later)


async def _undo_row(
    session: AsyncSession,
    actor: Actor,
    row: ChangeLogEntry,
    batch: str,
    reason: str,
    change: Change,
) -> None:
    model = _MODELS[row.entity_type]
    entity = await session.get(model, row.entity_id)
    if entity is None:
        raise Conflict(
            N_("{entity} #{entity_id} no longer exists; cannot undo"),
            entity=entity_name(row.entity_type),
            entity_id=row.entity_id,
        )
    if row.action == ChangeAction.CREATE:
        # A creation has no field to compare: it is refused when any later change to the
        # row is still in effect (the same rule as a field changed again since).
        if await _changed_since(session, row):
            raise Conflict(
                N_(
                    "{entity} #{entity_id} was changed again since it was added; "
                    "undo refused, nothing was written"
                ),
                entity=entity_name(row.entity_type),
                entity_id=row.entity_id,
            )
        if row.entity_type == EntityType.CLAIM:
            now = utcnow()
            for attr, value in (("status", ClaimStatus.RETRACTED), ("retracted_at", now),
                                ("retraction_reason", reason)):  # fmt: skip
                old = getattr(entity, attr)
                setattr(entity, attr, value)
                log_change(
                    session,
                    batch,
                    actor,
                    EntityType.CLAIM,
                    entity.id,
                    ChangeAction.UNDO,
                    attr,
                    old,
                    value,
                    reason,
                )
                change.fields.append((attr, as_text(old), as_text(value)))
            return
        # An article, source or alias nobody uses yet can simply go again.
        if row.entity_type == EntityType.ARTICLE and await session.scalar(
            select(func.count()).select_from(Claim).where(Claim.article_id == entity.id)
        ):
            raise Conflict(
                N_("article #{article_id} is cited by facts now; cannot undo"),
                article_id=entity.id,
            )
        if row.entity_type == EntityType.SOURCE and await session.scalar(
            select(func.count()).select_from(Claim).where(Claim.source_id == entity.id)
        ):
            # The source came with a claim in the same batch: keep it (the claim is kept too).
            return
        # Through the ORM: the snapshot's change log names the row (db/changes.py).
        await session.delete(entity)
        await session.flush()
        log_change(session, batch, actor, row.entity_type, row.entity_id, ChangeAction.UNDO, None,
             row.new_value, None, reason)  # fmt: skip
        change.fields.append(("(created)", row.new_value, None))
        return
    if row.field is None:
        return
    if row.entity_type == EntityType.CLAIM and (language := field_language(row.field)):
        # A translation: its text is kept in claim_translations, not on the claim.
        found = await find_translation(session, row.entity_id, language)
        now_text = found.text if found is not None else None
        if now_text != row.new_value:
            raise Conflict(
                f"the {language.value} translation of #{row.entity_id} was changed again "
                "since; undo refused, nothing was written"
            )
        await put_translation(session, actor, row.entity_id, language, row.old_value)
        log_change(session, batch, actor, row.entity_type, row.entity_id, ChangeAction.UNDO,
                   row.field, now_text, row.old_value, reason)  # fmt: skip
        change.fields.append((row.field, now_text, row.old_value))
        return
    current = as_text(getattr(entity, row.field))
    # Timestamps move with every change; the values an editor typed must be unchanged.
    if current != row.new_value and VALUE_TYPES.get(row.field) is not dt.datetime:
        raise Conflict(
            N_(
                "{entity} #{entity_id} was changed again since ({field} is now "
                "{value}); undo refused, nothing was written"
            ),
            entity=entity_name(row.entity_type),
            entity_id=row.entity_id,
            field=row.field,
            value=current,
        )
    old_value = from_text(row.field, row.old_value)
    setattr(entity, row.field, old_value)
    log_change(session, batch, actor, row.entity_type, row.entity_id, ChangeAction.UNDO, row.field,
         current, old_value, reason)  # fmt: skip
    change.fields.append((row.field, current, row.old_value))
