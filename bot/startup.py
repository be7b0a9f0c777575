"""Start-up: wait for the database and for the Bot API with backoff, instead of
crash-looping on tracebacks; a token Telegram refuses stops us with one line."""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING, NoReturn

from sqlalchemy import text
from sqlalchemy.engine import make_url
from tenacity import RetryCallState, Retrying, retry_if_exception, wait_exponential

from db.session import create_engine, is_sqlite

if TYPE_CHECKING:
    from bot.config import Settings

log = logging.getLogger(__name__)

PROBE_TIMEOUT = 5.0
FIRST_DELAY = 1.0
MAX_DELAY = 30.0


def describe_error(error: BaseException) -> str:
    """One line: the driver's error class and first line, never a traceback."""
    cause = getattr(error, "orig", None) or error
    first = (str(cause).strip().splitlines() or [""])[0][:200]
    return f"{type(cause).__name__}: {first}" if first else type(cause).__name__


async def _probe(url: str) -> None:
    engine = create_engine(url, pool_pre_ping=False)
    try:
        async with asyncio.timeout(PROBE_TIMEOUT), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    finally:
        await engine.dispose()


class DatabaseRefused(Exception):
    """The server answered and refused us (credentials, no such database): waiting
    cannot help, unlike a server that is down or still starting."""


# SQLSTATE classes a running server answers a bad DATABASE_URL with: 28 invalid
# authorization (wrong password 28P01, unknown role 28000), 3D000 no such database.
_REFUSED_SQLSTATES = ("28", "3D000")


def _refused(error: BaseException) -> bool:
    sqlstate = getattr(getattr(error, "orig", None), "sqlstate", None)
    return isinstance(sqlstate, str) and sqlstate.startswith(_REFUSED_SQLSTATES)


def wait_for_database(url: str, stop: threading.Event, max_wait: float | None = None) -> bool:
    """Return True once the database answers; False if ``stop`` was set first or
    ``max_wait`` seconds passed. SQLite is a local file: no waiting for it. Raises
    ``DatabaseRefused`` if the server refuses the URL's credentials or database."""
    if is_sqlite(url):
        return True
    where = make_url(url).render_as_string(hide_password=True)

    def attempt() -> str:
        try:
            asyncio.run(_probe(url))
        except Exception as error:
            if _refused(error):
                raise DatabaseRefused(describe_error(error)) from None
            raise
        return ""

    return _retry_until_reachable(
        f"Database {where}", attempt, stop, max_wait, fatal=(DatabaseRefused,)
    )


class _Stopped(Exception):
    """Stop was asked for (a signal) or ``max_wait`` ran out: not reachable, no retry."""


def _retry_until_reachable(
    what: str,
    attempt: Callable[[], str],
    stop: threading.Event,
    max_wait: float | None,
    *,
    fatal: tuple[type[Exception], ...] = (),
    pause_for: Callable[[Exception, float], float] = lambda _error, delay: delay,
) -> bool:
    """Calls ``attempt`` until it returns (True), with one log line per failure and
    exponential backoff; False if ``stop`` was set or ``max_wait`` seconds passed.
    ``fatal`` errors are raised at once: retrying cannot help them."""
    backoff = wait_exponential(multiplier=FIRST_DELAY, max=MAX_DELAY)

    def attempt_unless_stopped() -> str:
        if stop.is_set():
            raise _Stopped
        return attempt()

    def pause(state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome is not None else None
        assert isinstance(error, Exception), "asked only after a failed attempt"
        return pause_for(error, backoff(state))

    def wait_unless_stopped(seconds: float) -> None:
        stop.wait(seconds)  # a signal ends the wait at once; the next attempt sees it

    def out_of_time(state: RetryCallState) -> bool:
        return max_wait is not None and state.idle_for >= max_wait

    def give_up(state: RetryCallState) -> NoReturn:
        log.error("%s still not reachable; giving up", what)
        raise _Stopped

    def report(state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome is not None else None
        assert error is not None, "asked only after a failed attempt"
        log.warning(
            "%s not reachable (%s); retrying in %.0fs",
            what,
            describe_error(error),
            state.upcoming_sleep,
        )

    retrying = Retrying(
        # Any failure to connect is reported in one line and waited out.
        retry=retry_if_exception(
            lambda error: isinstance(error, Exception) and not isinstance(error, (_Stopped, *fatal))
        ),
        wait=pause,
        stop=out_of_time,
        sleep=wait_unless_stopped,
        before_sleep=report,
        retry_error_callback=give_up,
        reraise=True,
    )
    try:
        detail = retrying(attempt_unless_stopped)
    except _Stopped:
        return False
    if retrying.statistics.get("idle_for"):
        log.info("%s is reachable%s", what, detail)
    return True


class TokenRefused(Exception):
    """Telegram answered that the bot token is not valid: retrying cannot help."""


async def _get_me(settings: Settings) -> str:
    from telegram import Bot
    from telegram.request import BaseRequest, HTTPXRequest

    from bot.http import AiohttpRequest

    request: BaseRequest = (
        AiohttpRequest(connection_pool_size=1)
        if settings.telegram_http_client == "aiohttp"
        else HTTPXRequest(connection_pool_size=1)
    )
    # A throwaway client: the Application opens its own in its own event loop.
    await request.initialize()
    try:
        bot = Bot(
            settings.token(),
            base_url=settings.telegram_api_base_url,
            base_file_url=settings.telegram_api_base_file_url,
            request=request,
        )
        async with asyncio.timeout(PROBE_TIMEOUT * 3):
            me = await bot.get_me()
    finally:
        await request.shutdown()
    return me.username or str(me.id)


def wait_for_telegram(
    settings: Settings, stop: threading.Event, max_wait: float | None = None
) -> bool:
    """Return True once the Bot API answers getMe; False if ``stop`` was set first or
    ``max_wait`` seconds passed. Raises ``TokenRefused`` if it refuses the token."""
    from telegram.error import InvalidToken, RetryAfter

    from bot.sending.retry import retry_after_seconds

    def attempt() -> str:
        try:
            return f" (bot @{asyncio.run(_get_me(settings))})"
        except InvalidToken as error:
            raise TokenRefused(describe_error(error)) from None

    def pause_for(error: Exception, delay: float) -> float:
        # Flood control at start-up: Telegram says how long to wait.
        return max(delay, retry_after_seconds(error)) if isinstance(error, RetryAfter) else delay

    # The base URL, without the token.
    where = f"Bot API at {settings.telegram_api_base_url}"
    return _retry_until_reachable(
        where, attempt, stop, max_wait, fatal=(TokenRefused,), pause_for=pause_for
    )


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """While waiting at start-up, SIGTERM/SIGINT set ``stop`` instead of killing us."""

    def handler(signum: int, frame: FrameType | None) -> None:
        del frame
        log.info("Signal %d received while starting; stopping", signum)
        stop.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
