"""The question log's writer: an in-process buffer flushed by a background task.

Answering only appends to a list; a task writes the rows in one transaction
every second (or as soon as ``max_rows`` are waiting: 1,000, so a burst of questions
costs a few transactions, not one every 200 questions), purges rows older than
``QUESTION_LOG_DAYS`` once an hour, and flushes what is left on shutdown. No
user id or name is ever recorded.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import unicodedata

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram.ext import ContextTypes

from bot.botdata import bot_data
from bot.engine import Reply
from bot.engine.text import normalize
from db.models import utcnow
from db.questions import LoggedQuestion, purge_questions, write_questions

log = logging.getLogger(__name__)

# While the database is down the buffer grows; beyond this the oldest are dropped.
MAX_BUFFERED = 10_000
PURGE_EVERY = dt.timedelta(hours=1)
# Written at once when this many are waiting (else within a second): a transaction's
# own cost (session, BEGIN IMMEDIATE, commit) was half a flush's CPU at 200 rows.
MAX_ROWS = 1_000


def _printable(text: str) -> str:
    if text.isprintable():  # no control or format character (category C): as it is
        return text
    return "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)


class QuestionLogger:
    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        *,
        keep_days: int,
        flush_seconds: float = 1.0,
        max_rows: int = MAX_ROWS,
    ) -> None:
        self._sessionmaker = sessionmaker
        self._keep = dt.timedelta(days=keep_days)
        self._flush_seconds = flush_seconds
        self._max_rows = max_rows
        self._buffer: list[LoggedQuestion] = []
        self._full = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._flush_lock = asyncio.Lock()
        self._last_purge: dt.datetime | None = None

    def record(self, text: str, reply: Reply, via: str) -> None:
        """Called on the answer path: no I/O, no await."""
        text = _printable(text).strip()
        if not text:
            return
        self._buffer.append(
            LoggedQuestion(
                asked_at=utcnow(),
                text=text,
                normalized=normalize(text),
                intents=tuple(reply.intents),
                claim_ids=tuple(reply.claim_ids),
                answered=reply.answered,
                via=via,
            )
        )
        if len(self._buffer) > MAX_BUFFERED:
            del self._buffer[: len(self._buffer) - MAX_BUFFERED]
        if len(self._buffer) >= self._max_rows:
            self._full.set()

    async def flush(self) -> int:
        async with self._flush_lock:
            batch, self._buffer = self._buffer, []
            if not batch:
                return 0
            try:
                async with self._sessionmaker() as session:
                    await write_questions(session, batch)
            except Exception:
                # Keep them for the next try; the answer path never sees this.
                log.warning("Could not write %d logged questions", len(batch), exc_info=True)
                self._buffer[:0] = batch[-MAX_BUFFERED:]
                return 0
            return len(batch)

    async def purge(self) -> int:
        async with self._sessionmaker() as session:
            removed = await purge_questions(session, older_than=utcnow() - self._keep)
        self._last_purge = utcnow()
        if removed:
            log.info("Deleted %d logged questions older than %s", removed, self._keep)
        return removed

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="question-log")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self.flush()

    async def _run(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._full.wait(), self._flush_seconds)
            self._full.clear()
            await self.flush()
            if self._last_purge is None or utcnow() - self._last_purge > PURGE_EVERY:
                try:
                    await self.purge()
                except Exception:
                    log.warning("Could not purge the question log", exc_info=True)
                    self._last_purge = utcnow()


def record_question(
    context: ContextTypes.DEFAULT_TYPE, text: str, reply: Reply, via: str = "message"
) -> None:
    """Hands a question to the background writer (a no-op when it is not running)."""
    logger = bot_data(context).question_log
    if logger is not None:
        logger.record(text, reply, via)
