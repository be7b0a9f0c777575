"""Subscriptions and the change-notice queue.

Editing services call ``enqueue_change_notices`` inside their own transaction, so a
change and the notices about it are committed together (or not at all). The
sender (bot/notify.py) works through ``notice_deliveries``: one row per notice per
chat, marked sent only after Telegram accepted it, so a restart repeats at most
the one notice that was in flight.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import delete, exists, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.errors import OneLineError
from db.kinds import DeliveryStatus, SubscriptionKind
from db.models import ChangeNotice, LanguagePreference, NoticeDelivery, Subscription, utcnow
from db.session import read_transaction, write_transaction

# Chat types the bot may send notices to; channels are not supported.
CHAT_TYPES = frozenset({"private", "group", "supergroup"})
MAX_SUBSCRIPTIONS_PER_CHAT = 50
# Delivery attempts before a notice is given up (network trouble, not 429s).
MAX_ATTEMPTS = 5
# Subscription targets per IN list, and lists per query: well under every driver's
# parameter limit.
TARGETS_PER_QUERY = 500
CONDITIONS_PER_QUERY = 8


def place_key(place: str) -> str:
    """How a place is stored in a subscription: case and spacing do not matter."""
    return " ".join(place.casefold().split())[:100]


class SubscriptionError(OneLineError):
    """A subscription refused; the message is one line for the chat."""


class TooManySubscriptions(SubscriptionError):
    def __init__(self) -> None:
        super().__init__("This chat has too many subscriptions already.")


class UnsupportedChat(SubscriptionError):
    def __init__(self, chat_type: str) -> None:
        super().__init__(f"Subscriptions work in private chats and groups, not in a {chat_type}.")


@dataclass(frozen=True)
class SubscriptionView:
    kind: str
    target: str
    created_at: dt.datetime


@dataclass(frozen=True)
class DueDelivery:
    id: int
    chat_id: int
    chat_type: str
    attempts: int
    notice: ChangeNoticeView


@dataclass(frozen=True)
class ChangeNoticeView:
    id: int
    claim_id: int | None
    place: str | None
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    article_id: int
    changed_at: dt.datetime


# ----- subscriptions ------------------------------------------------------------


async def subscribe(
    session: AsyncSession, *, chat_id: int, chat_type: str, kind: str, target: str = ""
) -> bool:
    """Adds a subscription; False when the chat already had exactly this one.

    ``TooManySubscriptions`` and ``UnsupportedChat`` say why one is refused; an unknown
    ``kind`` is a programming error (a plain ``ValueError`` from ``SubscriptionKind``)."""
    kind = SubscriptionKind(kind)
    if chat_type not in CHAT_TYPES:
        raise UnsupportedChat(chat_type[:20])
    async with write_transaction(session):
        existing = await session.scalar(
            select(Subscription.id).where(
                Subscription.chat_id == chat_id,
                Subscription.kind == kind,
                Subscription.target == target,
            )
        )
        if existing is not None:
            return False
        count = await session.scalar(
            select(func.count()).select_from(Subscription).where(Subscription.chat_id == chat_id)
        )
        if (count or 0) >= MAX_SUBSCRIPTIONS_PER_CHAT:
            raise TooManySubscriptions
        session.add(Subscription(chat_id=chat_id, chat_type=chat_type, kind=kind, target=target))
    return True


async def unsubscribe(
    session: AsyncSession, *, chat_id: int, kind: str | None = None, target: str = ""
) -> int:
    """Removes one subscription (kind given) or all of the chat's; returns how many.

    In the same transaction, queued notices the chat no longer follows are cancelled;
    a chat left with no subscription keeps no row at all (/privacy says so).
    """
    async with write_transaction(session):
        statement = delete(Subscription).where(Subscription.chat_id == chat_id)
        if kind is not None:
            statement = statement.where(Subscription.kind == kind, Subscription.target == target)
        result = await session.execute(statement)
        await _forget_unfollowed(session, chat_id)
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def _forget_unfollowed(session: AsyncSession, chat_id: int) -> None:
    remaining = list(
        (
            await session.execute(
                select(Subscription.kind, Subscription.target).where(
                    Subscription.chat_id == chat_id
                )
            )
        ).all()
    )
    if not remaining:
        # Sent and failed rows too: nothing keeps the chat's id once it follows nothing.
        await session.execute(delete(NoticeDelivery).where(NoticeDelivery.chat_id == chat_id))
        if chat_id < 0:
            # A group's language was kept for its notices only (a user's is their choice).
            await session.execute(
                delete(LanguagePreference).where(LanguagePreference.telegram_id == chat_id)
            )
        return
    if any(kind == "all" for kind, _ in remaining):
        return
    claims = {target for kind, target in remaining if kind == "claim"}
    places = {target for kind, target in remaining if kind == "place"}
    pending = (
        await session.execute(
            select(NoticeDelivery.id, ChangeNotice.claim_id, ChangeNotice.place)
            .join(ChangeNotice, ChangeNotice.id == NoticeDelivery.notice_id)
            .where(
                NoticeDelivery.chat_id == chat_id, NoticeDelivery.status == DeliveryStatus.PENDING
            )
        )
    ).all()
    # A notice reached this chat through one of these two (or through an article's or
    # an import's wider audience, which cannot be told apart any more: it goes too).
    unfollowed = [
        delivery_id
        for delivery_id, claim_id, place in pending
        if str(claim_id) not in claims and (not place or place_key(place) not in places)
    ]
    for start in range(0, len(unfollowed), TARGETS_PER_QUERY):
        chunk = unfollowed[start : start + TARGETS_PER_QUERY]
        await session.execute(delete(NoticeDelivery).where(NoticeDelivery.id.in_(chunk)))


async def subscriptions_of(session: AsyncSession, chat_id: int) -> list[SubscriptionView]:
    async with read_transaction(session):
        rows = await session.scalars(
            select(Subscription).where(Subscription.chat_id == chat_id).order_by(Subscription.id)
        )
        return [SubscriptionView(r.kind, r.target, r.created_at) for r in rows]


async def subscriber_count(session: AsyncSession) -> int:
    async with read_transaction(session):
        count = await session.scalar(select(func.count(func.distinct(Subscription.chat_id))))
    return int(count or 0)


# ----- the editing services' entry point ------------------------------------------


async def enqueue_change_notices(
    session: AsyncSession,
    *,
    claim_id: int | None,
    place: str | None,
    action: str,
    field: str | None,
    old_value: str | None,
    new_value: str | None,
    article_id: int,
    when: dt.datetime,
    also_claims: Collection[int] = (),
    also_places: Collection[str] = (),
) -> int:
    """Queues one notice per subscribed chat; returns the number of chats queued.

    Call INSIDE the editing service's open write transaction (it neither begins nor
    commits): the notice is committed with the change, or rolled back with it.
    Chats subscribed to everything, to ``place`` or to ``claim_id`` get it once,
    however many of their subscriptions match; so do chats following any of
    ``also_claims`` or ``also_places`` (the facts a change of an article, a source
    or an import touches).
    """
    claim_targets = sorted({str(c) for c in (*also_claims, *([claim_id] if claim_id else []))})
    place_targets = sorted({place_key(p) for p in (*also_places, *([place] if place else []))})
    conditions = [Subscription.kind == "all"]
    # In chunks: an article's change touches every fact citing it (thousands in a big store).
    for start in range(0, len(claim_targets), TARGETS_PER_QUERY):
        chunk = claim_targets[start : start + TARGETS_PER_QUERY]
        conditions.append((Subscription.kind == "claim") & Subscription.target.in_(chunk))
    for start in range(0, len(place_targets), TARGETS_PER_QUERY):
        chunk = place_targets[start : start + TARGETS_PER_QUERY]
        conditions.append((Subscription.kind == "place") & Subscription.target.in_(chunk))
    chats: dict[int, str] = {}
    for start in range(0, len(conditions), CONDITIONS_PER_QUERY):  # one query in the usual case
        found = await session.execute(
            select(Subscription.chat_id, func.min(Subscription.chat_type))
            .where(or_(*conditions[start : start + CONDITIONS_PER_QUERY]))
            .group_by(Subscription.chat_id)
        )
        for chat_id, chat_type in found.all():
            chats[chat_id] = min(chat_type, chats.get(chat_id, chat_type))
    rows = sorted(chats.items())
    notice = ChangeNotice(
        claim_id=claim_id,
        place=place,
        action=action[:20],
        field=field[:40] if field else None,
        old_value=old_value,
        new_value=new_value,
        article_id=article_id,
        changed_at=when,
    )
    session.add(notice)
    await session.flush()
    if rows:
        now = utcnow()
        await session.execute(
            insert(NoticeDelivery),
            [
                {
                    "notice_id": notice.id,
                    "chat_id": chat_id,
                    "chat_type": chat_type,
                    "status": DeliveryStatus.PENDING,
                    "attempts": 0,
                    "not_before": now,
                }
                for chat_id, chat_type in rows
            ],
        )
    return len(rows)


# ----- the sender's side ------------------------------------------------------------


async def due_deliveries(
    session: AsyncSession, *, now: dt.datetime, limit: int = 100
) -> list[DueDelivery]:
    """Pending deliveries whose time has come, oldest first."""
    async with read_transaction(session):
        rows = (
            await session.execute(
                select(NoticeDelivery, ChangeNotice)
                .join(ChangeNotice, ChangeNotice.id == NoticeDelivery.notice_id)
                .where(
                    NoticeDelivery.status == DeliveryStatus.PENDING,
                    NoticeDelivery.not_before <= now,
                )
                .order_by(NoticeDelivery.id)
                .limit(limit)
            )
        ).all()
    return [
        DueDelivery(
            id=d.id,
            chat_id=d.chat_id,
            chat_type=d.chat_type,
            attempts=d.attempts,
            notice=ChangeNoticeView(
                id=n.id,
                claim_id=n.claim_id,
                place=n.place,
                action=n.action,
                field=n.field,
                old_value=n.old_value,
                new_value=n.new_value,
                article_id=n.article_id,
                changed_at=n.changed_at,
            ),
        )
        for d, n in rows
    ]


async def next_due_at(session: AsyncSession) -> dt.datetime | None:
    async with read_transaction(session):
        return await session.scalar(
            select(func.min(NoticeDelivery.not_before)).where(
                NoticeDelivery.status == DeliveryStatus.PENDING
            )
        )


async def pending_count(session: AsyncSession) -> int:
    async with read_transaction(session):
        count = await session.scalar(
            select(func.count())
            .select_from(NoticeDelivery)
            .where(NoticeDelivery.status == DeliveryStatus.PENDING)
        )
    return int(count or 0)


# How long a delivery handed to the sender stays its own; a crash mid-send lets it
# be sent again after this (at most the one in flight repeats).
DELIVERY_LEASE = dt.timedelta(seconds=30)


async def claim_delivery(session: AsyncSession, delivery_id: int) -> bool:
    """Takes a fetched delivery for sending, right before the send: False when it was
    cancelled meanwhile (/unsubscribe, a 403) or is no longer due."""
    now = utcnow()
    async with write_transaction(session):
        result = await session.execute(
            update(NoticeDelivery)
            .where(
                NoticeDelivery.id == delivery_id,
                NoticeDelivery.status == DeliveryStatus.PENDING,
                NoticeDelivery.not_before <= now,
            )
            .values(not_before=now + DELIVERY_LEASE)
        )
    return int(result.rowcount or 0) == 1  # type: ignore[attr-defined]


async def release_delivery(session: AsyncSession, delivery_id: int) -> None:
    """The sender stopped before the send finished: the delivery is due again at once."""
    async with write_transaction(session):
        await session.execute(
            update(NoticeDelivery)
            .where(
                NoticeDelivery.id == delivery_id, NoticeDelivery.status == DeliveryStatus.PENDING
            )
            .values(not_before=utcnow())
        )


async def mark_sent(session: AsyncSession, delivery_id: int) -> None:
    async with write_transaction(session):
        await session.execute(
            update(NoticeDelivery)
            .where(
                NoticeDelivery.id == delivery_id, NoticeDelivery.status == DeliveryStatus.PENDING
            )
            .values(
                status=DeliveryStatus.SENT, sent_at=utcnow(), attempts=NoticeDelivery.attempts + 1
            )
        )


async def defer(
    session: AsyncSession, delivery_id: int, *, until: dt.datetime, error: str, count: bool
) -> None:
    """Try again later; ``count`` False for 429s, which are Telegram's pace, not a failure."""
    async with write_transaction(session):
        values: dict[str, object] = {"not_before": until, "error": error[:200]}
        if count:
            values["attempts"] = NoticeDelivery.attempts + 1
        await session.execute(
            update(NoticeDelivery).where(NoticeDelivery.id == delivery_id).values(**values)
        )
        if count:
            await session.execute(
                update(NoticeDelivery)
                .where(NoticeDelivery.id == delivery_id, NoticeDelivery.attempts >= MAX_ATTEMPTS)
                .values(status=DeliveryStatus.FAILED)
            )


async def give_up(session: AsyncSession, delivery_id: int, error: str) -> None:
    async with write_transaction(session):
        await session.execute(
            update(NoticeDelivery)
            .where(NoticeDelivery.id == delivery_id)
            .values(
                status=DeliveryStatus.FAILED,
                error=error[:200],
                attempts=NoticeDelivery.attempts + 1,
            )
        )


async def drop_chat(session: AsyncSession, chat_id: int, reason: str) -> int:
    """The chat blocked the bot (or is gone): remove its subscriptions, every notice
    row with its id, sent ones included, and its language (``reason`` is for the caller's
    log only)."""
    async with write_transaction(session):
        result = await session.execute(delete(Subscription).where(Subscription.chat_id == chat_id))
        await session.execute(delete(NoticeDelivery).where(NoticeDelivery.chat_id == chat_id))
        await session.execute(
            delete(LanguagePreference).where(LanguagePreference.telegram_id == chat_id)
        )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


# Each chat's finished notice (sent or given up) is kept a week after the change (for
# looking back), then goes; /privacy states this.
FINISHED_NOTICES_KEEP = dt.timedelta(days=7)


async def purge_finished_notices(
    session: AsyncSession, keep: dt.timedelta = FINISHED_NOTICES_KEEP
) -> int:
    """Deletes finished deliveries of notices older than ``keep`` (whatever other chats'
    deliveries still wait), then those notices left with none; returns how many notices."""
    cutoff = utcnow() - keep
    old = select(ChangeNotice.id).where(ChangeNotice.created_at < cutoff)
    any_delivery = exists().where(NoticeDelivery.notice_id == ChangeNotice.id)
    async with write_transaction(session):
        await session.execute(
            delete(NoticeDelivery).where(
                NoticeDelivery.status != DeliveryStatus.PENDING, NoticeDelivery.notice_id.in_(old)
            )
        )
        ids = list(
            await session.scalars(
                select(ChangeNotice.id).where(ChangeNotice.created_at < cutoff, ~any_delivery)
            )
        )
        for start in range(0, len(ids), TARGETS_PER_QUERY):
            chunk = ids[start : start + TARGETS_PER_QUERY]
            await session.execute(delete(ChangeNotice).where(ChangeNotice.id.in_(chunk)))
    return len(ids)
