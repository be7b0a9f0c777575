"""What an import applies to people rather than facts: editing rights (only when asked,
and never silently) and language preferences."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.document_schema import EditorRow, StoreDocument
from db.kinds import ChangeAction, EntityType, ImportMode
from db.models import ChangeLogEntry, Editor, LanguagePreference, utcnow


async def apply_languages(
    session: AsyncSession, document: StoreDocument, *, mode: ImportMode
) -> None:
    """Language preferences: set as listed; a replace that lists them keeps only those."""
    if mode == ImportMode.REPLACE and "languages" in document.model_fields_set:
        await session.execute(delete(LanguagePreference))
    for row in document.languages:
        stored = await session.get(LanguagePreference, row.telegram_id)
        if stored is None:
            session.add(
                LanguagePreference(
                    telegram_id=row.telegram_id, language=row.language, updated_at=utcnow()
                )
            )
        elif stored.language != row.language:
            stored.language = row.language
            stored.updated_at = utcnow()


async def apply_editors(
    session: AsyncSession,
    document: StoreDocument,
    *,
    mode: ImportMode,
    editor_id: int | None,
    with_editors: bool,
) -> dict[str, Any]:
    """Editing rights from the document: never applied unasked, and never silently."""
    current = {editor.user_id: editor for editor in await session.scalars(select(Editor))}
    listed: dict[int, EditorRow] = {row.user_id: row for row in document.editors}
    missing = tuple(sorted(set(listed) - set(current)))
    if not with_editors:
        return {"editors_not_applied": missing}
    # A replace with editors makes the editors exactly the document's (when it lists them).
    revoked = (
        tuple(sorted(set(current) - set(listed)))
        if mode == ImportMode.REPLACE and "editors" in document.model_fields_set
        else ()
    )
    batch = str(uuid.uuid4())
    for user_id in missing:
        row = listed[user_id]
        granted = Editor(user_id=user_id, granted_by=row.granted_by)
        if row.granted_at is not None:
            granted.granted_at = row.granted_at
        session.add(granted)
    for user_id in revoked:
        await session.delete(current[user_id])
    for action, user_ids in ((ChangeAction.GRANT, missing), (ChangeAction.REVOKE, revoked)):
        for user_id in user_ids:
            granting = action == ChangeAction.GRANT
            old, new = (None, str(user_id)) if granting else (str(user_id), None)
            session.add(
                ChangeLogEntry(
                    batch=batch,
                    entity_type=EntityType.EDITOR,
                    entity_id=0,
                    action=action,
                    field="user_id",
                    old_value=old,
                    new_value=new,
                    reason="import",
                    editor_id=editor_id,
                )
            )
    return {"editors_applied": True, "editors_granted": missing, "editors_revoked": revoked}
