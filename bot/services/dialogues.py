"""Guided dialogues' state, kept in the database (db/dialogues.py), one call a transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db import dialogues
from db.models import Dialogue


class DialogueService:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def start(
        self, chat_id: int, user_id: int, kind: str, state: dict[str, Any]
    ) -> dict[str, Any]:
        async with self._sessions() as session:
            return await dialogues.start(session, chat_id, user_id, kind, state)

    async def load(self, chat_id: int, user_id: int) -> Dialogue | None:
        async with self._sessions() as session:
            return await dialogues.load(session, chat_id, user_id)

    async def advance(
        self, chat_id: int, user_id: int, token: str, changes: dict[str, Any]
    ) -> dict[str, Any] | None:
        async with self._sessions() as session:
            return await dialogues.advance(session, chat_id, user_id, token, changes)

    async def finish(self, chat_id: int, user_id: int, token: str | None = None) -> bool:
        async with self._sessions() as session:
            return await dialogues.finish(session, chat_id, user_id, token)
