"""An import writes its history rows in the one change-log form that /undo reads back
(db.editing.as_text): "true"/"false", ISO 8601 times, plain decimals."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.runtime import Runtime
from db.models import ChangeLogEntry
from db.transfer import export_document, import_document


async def test_an_import_logs_values_as_editors_changes_do(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        document = await export_document(session)
    claim = next(c for c in document["claims"] if c["usd_is_approx"] is True)
    claim["usd_is_approx"] = False
    claim["corrected_at"] = "2024-05-06T07:08:09+00:00"
    async with runtime.sessionmaker() as session:
        await import_document(session, document, editor_id=1001)

    async with runtime.sessionmaker() as session:
        rows = await session.scalars(
            select(ChangeLogEntry).where(
                ChangeLogEntry.action == "import", ChangeLogEntry.entity_id == claim["id"]
            )
        )
        logged = {row.field: (row.old_value, row.new_value) for row in rows}
    assert logged["usd_is_approx"] == ("true", "false")
    assert logged["corrected_at"][1] == "2024-05-06T07:08:09+00:00"
    assert dt.datetime.fromisoformat(logged["corrected_at"][1]).tzinfo is not None
