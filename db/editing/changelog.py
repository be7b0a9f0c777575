"""The change log: one batch of history rows per editor action, and its transaction."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from db.announce import announce_claim
from db.editing.access import Actor
from db.editing.errors import Conflict
from db.errors import N_, Text
from db.kinds import ChangeAction, NoticeAction
from db.models import ChangeLogEntry, Claim
from db.session import write_transaction

T = TypeVar("T")


@dataclass
class Change:
    """What one editor action did: its history batch and the rows it touched."""

    batch: str
    entity_type: str
    entity_id: int
    action: str
    fields: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    # /undo: the action undone; /alias: a warning for the editor (a Text, translated in bot).
    note: str | Text | None = None
    # Subscribed chats queued for a notice of this change (db/notices.py).
    notified: int = 0


# Change.action -> what subscribers read it as (db/announce.py is the one notice path).
NOTICE_ACTIONS: dict[str, NoticeAction] = {
    ChangeAction.CREATE: NoticeAction.ADD,
    ChangeAction.EDIT: NoticeAction.CORRECT,
    ChangeAction.RETRACT: NoticeAction.RETRACT,
    ChangeAction.RESTORE: NoticeAction.RESTORE,
}


async def queue_claim_notices(session: AsyncSession, claim: Claim, change: Change) -> None:
    """In the change's own transaction: the notice commits or rolls back with it."""
    action = NOTICE_ACTIONS[change.action]
    change.notified = await announce_claim(session, claim, action, change.fields)


async def run_write(session: AsyncSession, work: Callable[[], Awaitable[T]]) -> T:
    """Run ``work`` in one write transaction; lost races become a polite Conflict."""
    try:
        async with write_transaction(session):
            return await work()
    except StaleDataError:
        raise Conflict(
            N_("It was changed by someone else meanwhile; nothing was written. Try again.")
        ) from None
    except IntegrityError:
        raise Conflict(
            N_("That clashes with a change made meanwhile; nothing was written. Try again.")
        ) from None


def new_batch() -> str:
    return str(uuid.uuid4())


def as_text(value: Any) -> str | None:
    """How values are kept in the change log (and turned back by ``from_text``)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


VALUE_TYPES: dict[str, type] = {
    "amount": Decimal,
    "usd_amount": Decimal,
    "usd_is_approx": bool,
    "amount_high": Decimal,
    "usd_high": Decimal,
    "share_low": Decimal,
    "share_high": Decimal,
    "amount_to": Decimal,
    "usd_to": Decimal,
    "change_percent": Decimal,
    "deadline_on": dt.date,
    "change_on": dt.date,
    "superseded_by": int,
    "source_id": int,
    "article_id": int,
    "retracted_at": dt.datetime,
    "corrected_at": dt.datetime,
    "published_on": dt.date,
    "is_default": bool,
}


def from_text(attr: str, value: str | None) -> Any:
    if value is None:
        return None
    kind = VALUE_TYPES.get(attr)
    if kind is Decimal:
        return Decimal(value)
    if kind is bool:
        return value == "true"
    if kind is int:
        return int(value)
    if kind is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    return value


def log_change(
    session: AsyncSession,
    batch: str,
    actor: Actor | None,
    entity_type: str,
    entity_id: int,
    action: str,
    field_name: str | None = None,
    old: Any = None,
    new: Any = None,
    reason: str | None = None,
) -> None:
    session.add(
        ChangeLogEntry(
            batch=batch,
            entity_type=entity_type,
            entity_id=entity_id,
            action=action,
            field=field_name,
            old_value=as_text(old),
            new_value=as_text(new),
            reason=reason,
            editor_id=actor.user_id if actor is not None else None,
        )
    )


def apply_fields(
    session: AsyncSession,
    actor: Actor | None,
    change: Change,
    entity: Any,
    values: dict[str, Any],
    reason: str | None,
    *,
    skip_unchanged: bool = True,
) -> None:
    """Sets each value on ``entity`` and records it, in ``change`` and as a history row
    of ``change``'s batch, entity and action (unchanged values skipped unless asked).
    ``actor`` None is the system (the command-line import and the seed): no editor id."""
    for attr, value in values.items():
        old = getattr(entity, attr)
        if skip_unchanged and as_text(old) == as_text(value):
            continue
        setattr(entity, attr, value)
        change.fields.append((attr, as_text(old), as_text(value)))
        log_change(
            session,
            change.batch,
            actor,
            change.entity_type,
            change.entity_id,
            change.action,
            attr,
            old,
            value,
            reason,
        )
