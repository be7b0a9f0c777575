"""What an import (format version 3) applies to the editors' translations, and what an
export writes of them.

A merge sets each listed translation (a claim's text in ru, zh or ko) and leaves the
others alone; a replace removes every translation the document does not list. Each change
is a history row of its claim (field ``translation_<language>``), as /translate writes it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.document_schema import StoreDocument
from db.editing.translations import FIELD_PREFIX
from db.kinds import ChangeAction, EntityType, ImportMode
from db.models import ChangeLogEntry, ClaimTranslation


async def stored_translations(session: AsyncSession) -> dict[tuple[int, str], str]:
    """(claim id, language) -> text, of every stored translation."""
    rows = await session.execute(
        select(ClaimTranslation.claim_id, ClaimTranslation.language, ClaimTranslation.text)
    )
    return {(claim_id, language): text for claim_id, language, text in rows}


async def apply_translations(
    session: AsyncSession,
    document: StoreDocument,
    before: dict[tuple[int, str], str],
    *,
    mode: ImportMode,
    batch: str,
    editor_id: int | None,
) -> None:
    """After the claims: ``before`` is what was stored before the import began (a replace
    has deleted it already; a merge still has it)."""
    wanted: dict[tuple[int, str], str] = {
        (row.claim_id, row.language): row.text for row in document.translations
    }
    existing = {
        (row.claim_id, row.language): row for row in await session.scalars(select(ClaimTranslation))
    }
    for (claim_id, language), text in wanted.items():
        row = existing.get((claim_id, language))
        if row is None:
            session.add(
                ClaimTranslation(
                    claim_id=claim_id, language=language, text=text, updated_by=editor_id
                )
            )
        elif row.text != text:
            row.text, row.updated_by = text, editor_id
        old = before.get((claim_id, language))
        if old != text:
            _log(session, batch, editor_id, claim_id, language, old, text)
    if mode == ImportMode.REPLACE:
        for (gone_id, gone_language), old_text in before.items():
            if (gone_id, gone_language) not in wanted:
                _log(session, batch, editor_id, gone_id, gone_language, old_text, None)


def _log(
    session: AsyncSession,
    batch: str,
    editor_id: int | None,
    claim_id: int,
    language: str,
    old: str | None,
    new: str | None,
) -> None:
    session.add(
        ChangeLogEntry(
            batch=batch,
            entity_type=EntityType.CLAIM,
            entity_id=claim_id,
            action=ChangeAction.IMPORT if editor_id else ChangeAction.SEED,
            field=f"{FIELD_PREFIX}{language}",
            old_value=old,
            new_value=new,
            editor_id=editor_id,
        )
    )


async def export_translations(session: AsyncSession) -> list[dict[str, Any]]:
    rows = await session.scalars(
        select(ClaimTranslation).order_by(ClaimTranslation.claim_id, ClaimTranslation.language)
    )
    return [{"claim_id": t.claim_id, "language": t.language, "text": t.text} for t in rows]
