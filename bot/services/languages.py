"""Stored language preferences (db/languages.py), with a short per-process cache.

Every message asks which language its sender chose: the answer is cached for
``CACHE_SECONDS`` (a bounded map), so a burst of questions costs one read. A change
made here is seen here at once; another replica sees it within ``CACHE_SECONDS``.
"""

from __future__ import annotations

import time
from collections import OrderedDict

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db import languages
from db.kinds import Language

CACHE_SECONDS = 60.0
CACHE_SIZE = 10_000


class LanguageService:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        # telegram id -> (stored language or None, monotonic time read)
        self._cache: OrderedDict[int, tuple[Language | None, float]] = OrderedDict()

    async def preference(self, telegram_id: int) -> Language | None:
        cached = self._cache.get(telegram_id)
        now = time.monotonic()
        if cached is not None and now - cached[1] < CACHE_SECONDS:
            return cached[0]
        async with self._sessions() as session:
            stored = await languages.language_of(session, telegram_id)
        self._remember(telegram_id, stored)
        return stored

    async def preferences(self, telegram_ids: list[int]) -> dict[int, Language]:
        """Many at once, read fresh (the notice sender)."""
        async with self._sessions() as session:
            return await languages.languages_of(session, telegram_ids)

    async def choose(self, telegram_id: int, language: Language) -> None:
        async with self._sessions() as session:
            await languages.set_language(session, telegram_id, language)
        self._remember(telegram_id, language)

    async def forget(self, telegram_id: int) -> bool:
        """Deletes the stored preference; False when there was none."""
        async with self._sessions() as session:
            removed = await languages.clear_language(session, telegram_id)
        self._remember(telegram_id, None)
        return removed

    def _remember(self, telegram_id: int, language: Language | None) -> None:
        self._cache[telegram_id] = (language, time.monotonic())
        self._cache.move_to_end(telegram_id)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
