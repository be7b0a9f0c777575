"""Chats' subscriptions to change notices (db/notices.py), one call a transaction."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db import notices
from db.kinds import SubscriptionKind
from db.notices import SubscriptionView


class SubscriptionService:
    """``subscribe`` raises ``db.notices.SubscriptionError`` (its message is for the chat)."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def subscribe(
        self, chat_id: int, chat_type: str, kind: SubscriptionKind, target: str
    ) -> bool:
        async with self._sessions() as session:
            return await notices.subscribe(
                session, chat_id=chat_id, chat_type=chat_type, kind=kind, target=target
            )

    async def unsubscribe(
        self, chat_id: int, kind: SubscriptionKind | None = None, target: str = ""
    ) -> int:
        async with self._sessions() as session:
            return await notices.unsubscribe(session, chat_id=chat_id, kind=kind, target=target)

    async def of_chat(self, chat_id: int) -> list[SubscriptionView]:
        async with self._sessions() as session:
            return await notices.subscriptions_of(session, chat_id)
