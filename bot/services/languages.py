"""Stored language preferences (db/languages.py), kept in memory per process.

Every message asks which language its sender chose. Most senders chose none, so asking
the database per new sender would cost a read on nearly every message: instead the
process holds every stored preference (one row per user who used /language: small),
read in one query and read again when older than ``CACHE_SECONDS``. A change made here is
seen here at once; another replica sees it within ``CACHE_SECONDS``.
"""

from __future__ import annotations

import asyncio
import time

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db import languages
from db.kinds import Language

CACHE_SECONDS = 60.0


class LanguageService:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._stored: dict[int, Language] = {}
        self._read_at: float | None = None  # monotonic time of the last whole read
        self._reading = asyncio.Lock()

    async def preference(self, telegram_id: int) -> Language | None:
        if self._read_at is None or time.monotonic() - self._read_at >= CACHE_SECONDS:
            await self._read_all()
        return self._stored.get(telegram_id)

    async def _read_all(self) -> None:
        async with self._reading:
            # Another caller may have read them while this one waited for the lock.
            if self._read_at is not None and time.monotonic() - self._read_at < CACHE_SECONDS:
                return
            started = time.monotonic()
            async with self._sessions() as session:
                self._stored = await languages.all_languages(session)
            self._read_at = started

    async def preferences(self, telegram_ids: list[int]) -> dict[int, Language]:
        """Many at once, read fresh (the notice sender)."""
        async with self._sessions() as session:
            return await languages.languages_of(session, telegram_ids)

    # Writes hold the read lock: a whole read under way could otherwise replace the map
    # with rows read before this write, and lose it here for a minute.
    async def choose(self, telegram_id: int, language: Language) -> None:
        async with self._reading:
            async with self._sessions() as session:
                await languages.set_language(session, telegram_id, language)
            self._stored[telegram_id] = language

    async def forget(self, telegram_id: int) -> bool:
        """Deletes the stored preference; False when there was none."""
        async with self._reading:
            async with self._sessions() as session:
                removed = await languages.clear_language(session, telegram_id)
            self._stored.pop(telegram_id, None)
        return removed
