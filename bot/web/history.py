"""A claim's public history: what changed, when and why — never who.

Only these columns are read from ``change_log``: the editor's id is never selected, so it
cannot reach a page by mistake.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import ChangeLogEntry

# Stored field names, as a reader would say them.
FIELD_NAMES = {
    "usd_amount": "amount in dollars",
    "usd_is_approx": "dollar amount approximate",
    "retracted_at": "retracted on",
    "retraction_reason": "reason for retraction",
    "corrected_at": "corrected on",
    "change_date": "date of the change",
    "source_id": "source",
    "amount_high": "top of the range",
    "usd_high": "top of the range in dollars",
    "share_low": "share (percent)",
    "share_high": "top of the share (percent)",
    "share_of": "share of",
    "deadline_on": "deadline date",
    "deadline_precision": "deadline date precision",
    "basis_text": "basis as reported",
    "amount_to": "amount after the change",
    "usd_to": "dollars after the change",
    "change_on": "date of the change (as a date)",
    "change_on_precision": "precision of that date",
    "superseded_by": "superseded by claim",
}

# Stored actions, as a reader would say them.
ACTION_NAMES = {
    "seed": "recorded",
    "import": "imported",
    "create": "added",
    "edit": "corrected",
    "retract": "retracted",
    "restore": "restored",
    "undo": "change taken back",
}


@dataclass(frozen=True)
class HistoryEntry:
    changed_at: dt.datetime
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None
    undone: bool


async def claim_history(session: AsyncSession, claim_id: int) -> list[HistoryEntry]:
    """Oldest first, undone changes included (and marked)."""
    table = ChangeLogEntry.__table__
    rows = await session.execute(
        select(
            table.c.created_at,
            table.c.action,
            table.c.field,
            table.c.old_value,
            table.c.new_value,
            table.c.reason,
            table.c.undone,
        )
        .where(table.c.entity_type == "claim", table.c.entity_id == claim_id)
        .order_by(table.c.created_at, table.c.id)
    )
    return [
        HistoryEntry(
            changed_at=_utc(row.created_at),
            action=ACTION_NAMES.get(row.action, row.action),
            field=FIELD_NAMES.get(row.field or "", row.field),
            old_value=row.old_value,
            new_value=row.new_value,
            reason=row.reason,
            undone=bool(row.undone),
        )
        for row in rows
    ]


def _utc(value: dt.datetime) -> dt.datetime:
    # Core columns skip UtcDateTime's result processing on some paths: make it aware.
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
