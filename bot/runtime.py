"""Long-lived resources of one process: the database engine and the current answer engine.

Opened in the Application's ``post_init`` (or by the terminal commands), closed in
``post_shutdown``. Nothing here is built at import time.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.engine import AnswerEngine
from bot.engine.analysis import keep_tables_in
from bot.engine.preload import preload as warm_up_languages
from bot.warm_answers import warm_answers
from db.migrate import upgrade_engine
from db.retry import retry_read
from db.revision import revision_reader
from db.session import create_engine, create_sessionmaker, data_folder
from db.snapshot import FactStore
from db.transfer import seed_if_empty
from db.views import Snapshot

log = logging.getLogger(__name__)


def _build_engine(snapshot: Snapshot) -> AnswerEngine:
    """A new engine, whose objects the garbage collector then leaves alone.

    A store of 100,000 claims is millions of long-lived objects; each full collection
    walked them all (tens of ms, at random moments: after an edit, a question waited for
    it). ``gc.freeze`` moves them out of the collector's way; what a full reload leaves
    behind is unfrozen and collected first, so nothing frozen is kept for ever.
    """
    gc.unfreeze()
    engine = AnswerEngine(snapshot)
    gc.collect()
    gc.freeze()
    return engine


@dataclass
class Runtime:
    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    facts: FactStore
    _answer_engine: AnswerEngine | None = None
    _engine_lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @classmethod
    def create(cls, settings: Settings) -> Runtime:
        engine = create_engine(settings.database_url)
        sessionmaker = create_sessionmaker(engine)
        # jieba's trimmed table is kept beside a SQLite store (nothing else is written).
        keep_tables_in(data_folder(settings.database_url))
        return cls(
            settings=settings,
            engine=engine,
            sessionmaker=sessionmaker,
            facts=FactStore(sessionmaker, revision_reader(engine, sessionmaker)),
        )

    async def prepare_store(self, *, migrate: bool = True) -> None:
        """Upgrade the schema (when asked) and load the seed into an empty store."""
        if migrate:
            await upgrade_engine(self.engine)
        async with self.sessionmaker() as session:
            summary = await seed_if_empty(session)
        if summary is not None:
            log.info("Loaded the seed facts into an empty store (%s)", summary.describe())

    async def answer_engine(self) -> AnswerEngine:
        """The engine for the store's current revision (one cheap query per call)."""
        # A read: safe to retry across a dropped connection or a short restart.
        snapshot = await retry_read(self.facts.current, what="revision check")
        current = self._answer_engine
        if current is not None and current.revision == snapshot.revision:
            return current
        async with self._engine_lock:
            if self._answer_engine is None or self._answer_engine.revision != snapshot.revision:
                # Building the vocabulary takes a moment on big stores: off the event loop.
                # After an incremental reload the engine is updated from the last one
                # (milliseconds); otherwise, built anew.
                previous = self._answer_engine
                diff = None
                if previous is not None:
                    diff = self.facts.diff_between(previous.revision, snapshot.revision)
                if previous is not None and diff is not None:
                    # Milliseconds: on the loop (a thread hop costs more on a busy machine).
                    self._answer_engine = previous.updated(snapshot, diff)
                else:
                    self._answer_engine = await asyncio.to_thread(_build_engine, snapshot)
            return self._answer_engine

    def known_revision(self) -> int | None:
        """The store revision of the last answer engine, without reading the database."""
        current = self._answer_engine
        return current.revision if current is not None else None

    async def warm_up(self, *, languages_after: float = 0.0) -> None:
        """What a first question would otherwise wait for, done at start-up: the answer
        engine (built in a thread), then, ``languages_after`` seconds later, the Russian,
        Chinese and Korean analysers and tables (0.5 s of CPU; 0.2 s with jieba's table
        kept), in a thread too, so the event loop answers meanwhile. The pause lets the questions
        waiting at start-up be answered first, with no thread taking turns with them for
        the interpreter; one among them in another language loads just its own analyser
        (and a question that needs one being loaded waits for that load, once). Then the
        engine answers the warm-up questions (bot/warm_answers.py) one at a time on the
        loop, readers' questions in between: what it builds on first use is built then,
        not in a reader's first answer (stopped if an edit has replaced the engine)."""
        engine = await self.answer_engine()
        await asyncio.sleep(languages_after)
        await asyncio.to_thread(warm_up_languages)
        for _reply in warm_answers(engine):
            if self._answer_engine is not engine:
                break
            await asyncio.sleep(0)

    async def close(self) -> None:
        await self.facts.revisions.close()
        await self.engine.dispose()
