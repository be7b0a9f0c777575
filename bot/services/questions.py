"""What people asked: /unanswered and /stats over the question log (db/questions.py)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db import questions
from db.models import utcnow
from db.questions import Stats, UnansweredGroup


class QuestionStatsService:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def unanswered(self, days: int) -> list[UnansweredGroup]:
        async with self._sessions() as session:
            return await questions.unanswered(session, since=utcnow() - dt.timedelta(days=days))

    async def stats(self, days: int) -> Stats:
        async with self._sessions() as session:
            return await questions.stats(
                session, since=utcnow() - dt.timedelta(days=days), days=days
            )
