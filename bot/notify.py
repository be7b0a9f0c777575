"""The change-notice sender: works through the ``notice_deliveries`` queue in the background.

* Durable: the queue is in the database; a row is marked sent only after Telegram
  accepted the message, so a restart repeats at most the one in flight.
* Paced: at most one notice a second per private chat and one every three seconds
  per group (20 a minute) here; the overall 30 a second comes from the
  Application's AIORateLimiter (TELEGRAM_MAX_RATE), shared with answers.
* 429: the row waits ``retry_after`` (not counted as a failure) and the whole
  sender pauses as long. 403 (blocked, kicked): the chat's subscriptions and
  every notice row with its id are removed.
* Each delivery is claimed right before its send, so one cancelled meanwhile
  (/unsubscribe) is not sent; the claim is a short lease, not a status.
* One sender across replicas on PostgreSQL: whoever holds a session-level
  advisory lock sends; the others wait for it. SQLite is single-host: no lock.
* Stopping cancels the task at once; the in-flight row stays pending.
* Idle, it reads the queue every ``IDLE_SECONDS``, not every second: notices are queued
  in the transaction that bumps the store's revision, so it looks at once on ``wake()``
  (an edit here), within a second of this process seeing a new revision (an edit on
  another replica: every question reads it), and when a delivery it put off is due.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
from collections.abc import AsyncIterator

from aiolimiter import AsyncLimiter
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import Application

from bot.engine import AnswerEngine, Reply
from bot.engine.wording import speaking
from bot.i18n import DEFAULT_LANGUAGE, N_, Language, translator
from bot.markup import Html, bold, fmt
from bot.runtime import Runtime
from bot.sending.retry import retry_after_seconds
from bot.sending.send import render, send_texts
from db import languages, notices
from db.kinds import NoticeAction
from db.models import utcnow
from db.session import is_sqlite

log = logging.getLogger(__name__)

# Only the sending replica purges; hourly is plenty for rows kept a week.
PURGE_EVERY_SECONDS = 3600.0

ADVISORY_LOCK_KEY = 0x5154_4E4F  # "QTNO": one notice sender per database
# With nothing due and nothing changed, how long until the queue is read again anyway
# (edits made while no question comes in, deliveries another run put off).
IDLE_SECONDS = 5.0
PRIVATE_GAP = 1.0  # seconds between two messages to one private chat
GROUP_GAP = 3.0  # 20 a minute per group
VALUE_LIMIT = 800  # characters of an old/new value shown in a notice
# How a notice is headed, for each action db/announce.py queues notices under.
HEADINGS: dict[NoticeAction, str] = {
    NoticeAction.ADD: N_("New fact"),
    NoticeAction.CORRECT: N_("Correction"),
    NoticeAction.RETRACT: N_("Retraction"),
    NoticeAction.RESTORE: N_("Restored"),
    NoticeAction.IMPORT: N_("Imported"),
}
_KNOWN_ACTIONS = {action.value: action for action in NoticeAction}
# Nothing was there before these: no "Was:" line.
_NOTHING_BEFORE = frozenset({NoticeAction.ADD, NoticeAction.IMPORT})


def _short(value: str | None, none: str = "(none)") -> str:
    if value is None or value == "":
        return none
    return value if len(value) <= VALUE_LIMIT else value[:VALUE_LIMIT] + "…"


def notice_reply(
    notice: notices.ChangeNoticeView,
    engine: AnswerEngine,
    language: Language = DEFAULT_LANGUAGE,
) -> Reply:
    """What changed, old and new, when, the source; the caveat is added by render().

    The fixed lines are in ``language``; the values are the store's, as the editor
    wrote them, and the attribution is the engine's, composed in the same language."""
    tr = translator(language)
    _ = tr.gettext
    reply = Reply(intents=["notice"])
    reply.cite(notice.article_id)
    action = _KNOWN_ACTIONS.get(notice.action)
    what = _(HEADINGS[action]) if action is not None else notice.action.capitalize()
    claim = engine.snapshot.claim(notice.claim_id) if notice.claim_id is not None else None
    subject = f"#{notice.claim_id}" if notice.claim_id is not None else _("the store")
    where = f" ({notice.place})" if notice.place else ""
    reply.lines.append(bold(f"{what}: {subject}{where}"))
    none = _("(none)")
    if notice.field:
        reply.lines.append(fmt(_("Field: {field}"), field=notice.field))
    if notice.old_value is not None or action not in _NOTHING_BEFORE:
        reply.lines.append(fmt(_("Was: {value}"), value=_short(notice.old_value, none)))
    reply.lines.append(fmt(_("Now: {value}"), value=_short(notice.new_value, none)))
    when = (
        notice.changed_at.strftime("%Y-%m-%d %H:%M")
        if language == DEFAULT_LANGUAGE
        else tr.datetime(notice.changed_at)
    )
    reply.lines.append(fmt(_("When: {time} UTC"), time=when))
    if claim is not None:
        with speaking(tr):
            reply.lines.append(engine.attribution(claim))
    reply.lines.append(Html(""))
    reply.lines.append(fmt("{}", _("You get this because you subscribed. Stop: /unsubscribe")))
    return reply


class NoticeSender:
    def __init__(
        self,
        application: Application,
        runtime: Runtime,
        *,
        poll_seconds: float = 1.0,
        idle_seconds: float = IDLE_SECONDS,
    ) -> None:
        self.application = application
        self.runtime = runtime
        self.poll_seconds = poll_seconds
        self.idle_seconds = idle_seconds
        # When the soonest delivery this sender put off (429, network error) is due.
        self._deferred_until: float | None = None
        self.sent = 0
        # Per chat a schedule, not a limiter's wait: a chat not due is skipped, others go on.
        self._next_ok: dict[int, float] = {}  # chat id -> monotonic time it may get another
        self._paused_until = 0.0
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._lock_connection: AsyncConnection | None = None
        # A smooth pace a little under TELEGRAM_MAX_RATE: the AIORateLimiter alone lets
        # a full second's burst through at once, which Telegram may answer with 429s.
        # A bucket of one: after a pause, one send at once, never a burst.
        rate = runtime.settings.telegram_max_rate
        self._pace: AsyncLimiter | None = AsyncLimiter(1, 1.0 / (rate * 0.97)) if rate > 0 else None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="notice-sender")

    def wake(self) -> None:
        """Look at the queue now (after an editor's change in this process)."""
        self._wake.set()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            try:
                async with self._leadership() as leader:
                    if leader:
                        await self._drain_forever()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("Notice sender trouble; retrying shortly", exc_info=True)
            await self._sleep(self.poll_seconds * 5)

    @contextlib.asynccontextmanager
    async def _leadership(self) -> AsyncIterator[bool]:
        if is_sqlite(self.runtime.settings.database_url):
            yield True
            return
        connection: AsyncConnection = await self.runtime.engine.connect()
        try:
            connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
            got = await connection.scalar(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": ADVISORY_LOCK_KEY}
            )
            if got:
                log.info("This replica sends change notices")
                self._lock_connection = connection
            yield bool(got)
        finally:
            # Closing the connection releases the session lock too.
            self._lock_connection = None
            with contextlib.suppress(Exception):
                await connection.close()

    async def _sleep(self, seconds: float) -> bool:
        """Waits ``seconds`` or until ``wake()``; True when woken. A wake that lands as the
        wait times out (the loop busy meanwhile: both are run in one turn) is not lost: the
        flag is read, not the wait's outcome."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), max(seconds, 0.01))
        woken = self._wake.is_set()
        self._wake.clear()
        return woken

    async def _idle(self) -> None:
        """Nothing was due: waits until something may be (see the module's docstring),
        looking only at memory meanwhile, at most ``idle_seconds``."""
        revision = self.runtime.known_revision()
        idle_until = time.monotonic() + self.idle_seconds
        while True:
            until = idle_until
            if self._deferred_until is not None:
                until = min(until, self._deferred_until)
            left = until - time.monotonic()
            if left <= 0:
                return
            if await self._sleep(min(self.poll_seconds, left)):
                return
            if self.runtime.known_revision() != revision:
                return

    async def _drain_forever(self) -> None:
        last_purge = 0.0
        while True:
            if self._lock_connection is not None:
                # The lock lives as long as this connection: make sure it still does.
                await self._lock_connection.scalar(text("SELECT 1"))
            if time.monotonic() - last_purge > PURGE_EVERY_SECONDS:
                last_purge = time.monotonic()
                async with self.runtime.sessionmaker() as session:
                    purged = await notices.purge_finished_notices(session)
                if purged:
                    log.info("Purged %d finished change notices", purged)
            waited = await self.drain_once()
            if waited is None:
                await self._idle()
            elif waited > 0:
                await self._sleep(min(waited, self.poll_seconds))

    async def drain_once(self, limit: int = 200) -> float | None:
        """Sends what is due; None when the queue had nothing due, else seconds to wait."""
        pause = self._paused_until - time.monotonic()
        if pause > 0:
            await asyncio.sleep(pause)
        if self._deferred_until is not None and self._deferred_until <= time.monotonic():
            self._deferred_until = None
        async with self.runtime.sessionmaker() as session:
            due = await notices.due_deliveries(session, now=utcnow(), limit=limit)
        if not due:
            return None
        engine = await self.runtime.answer_engine()
        # Each chat's notice in its language: a private chat's user's choice, or the one
        # a group subscribed in (db/languages.py); English when none is stored.
        async with self.runtime.sessionmaker() as session:
            chosen = await languages.languages_of(session, [d.chat_id for d in due])
        soonest = float("inf")
        sent_any = False
        for delivery in due:
            now = time.monotonic()
            ready_at = self._next_ok.get(delivery.chat_id, 0.0)
            if ready_at > now:
                soonest = min(soonest, ready_at - now)
                continue
            language = chosen.get(delivery.chat_id, DEFAULT_LANGUAGE)
            outcome = await self._deliver(delivery, engine, language)
            sent_any = sent_any or outcome
            if self._paused_until > time.monotonic():
                return 0.0  # 429: stop this round, pause at the start of the next
        self._forget_old_chats()
        return 0.0 if sent_any or soonest == float("inf") else soonest

    async def _deliver(
        self,
        delivery: notices.DueDelivery,
        engine: AnswerEngine,
        language: Language = DEFAULT_LANGUAGE,
    ) -> bool:
        gap = PRIVATE_GAP if delivery.chat_type == "private" else GROUP_GAP
        self._next_ok[delivery.chat_id] = time.monotonic() + gap
        reply = notice_reply(delivery.notice, engine, language)
        texts = render(reply, engine.snapshot, language=language)
        if self._pace is not None:
            await self._pace.acquire()
        sent = False
        try:
            # Fetched a while ago maybe: the chat may have unsubscribed (or blocked) since.
            async with self.runtime.sessionmaker() as session:
                if not await notices.claim_delivery(session, delivery.id):
                    return False
            await send_texts(self.application.bot, delivery.chat_id, texts, queued=True)
            sent = True
            async with self.runtime.sessionmaker() as session:
                await notices.mark_sent(session, delivery.id)
        except asyncio.CancelledError:
            # Stopping, wherever it came (the claim may have been written already): the
            # row is released, due at once for the next start, unless it surely went out.
            with contextlib.suppress(Exception):
                async with self.runtime.sessionmaker() as session:
                    if sent:
                        await notices.mark_sent(session, delivery.id)
                    else:
                        await notices.release_delivery(session, delivery.id)
            raise
        except RetryAfter as error:
            wait = retry_after_seconds(error)
            log.warning("Telegram asked to wait %.0f s (429); the notice waits", wait)
            self._paused_until = time.monotonic() + wait
            self._next_ok[delivery.chat_id] = time.monotonic() + wait + gap
            self._put_off(wait)
            async with self.runtime.sessionmaker() as session:
                await notices.defer(
                    session,
                    delivery.id,
                    until=utcnow() + dt.timedelta(seconds=wait),
                    error="429",
                    count=False,
                )
            return False
        except Forbidden as error:
            # No chat id in the log: /privacy promises it is gone once the bot is blocked.
            log.info("Notice %s refused (403): unsubscribing that chat", delivery.id)
            self._next_ok.pop(delivery.chat_id, None)
            async with self.runtime.sessionmaker() as session:
                await notices.drop_chat(session, delivery.chat_id, f"403 {error.message}")
            return False
        except BadRequest as error:
            async with self.runtime.sessionmaker() as session:
                if "chat not found" in error.message.lower():
                    await notices.drop_chat(session, delivery.chat_id, error.message)
                else:
                    await notices.give_up(session, delivery.id, error.message)
            log.warning("Notice %s not sent: %s", delivery.id, error.message)
            return False
        except NetworkError as error:
            backoff = min(2 ** (delivery.attempts + 1), 300)
            self._put_off(backoff)
            async with self.runtime.sessionmaker() as session:
                await notices.defer(
                    session,
                    delivery.id,
                    until=utcnow() + dt.timedelta(seconds=backoff),
                    error=str(error),
                    count=True,
                )
            return False
        self.sent += 1
        return True

    def _put_off(self, seconds: float) -> None:
        due = time.monotonic() + seconds
        if self._deferred_until is None or due < self._deferred_until:
            self._deferred_until = due

    def _forget_old_chats(self) -> None:
        if len(self._next_ok) < 10_000:
            return
        now = time.monotonic()
        self._next_ok = {c: t for c, t in self._next_ok.items() if t > now}
