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
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import make_url

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


def wait_for_database(url: str, stop: threading.Event, max_wait: float | None = None) -> bool:
    """Return True once the database answers; False if ``stop`` was set first or
    ``max_wait`` seconds passed. SQLite is a local file: no waiting for it."""
    if is_sqlite(url):
        return True
    where = make_url(url).render_as_string(hide_password=True)

    def attempt() -> str:
        asyncio.run(_probe(url))
        return ""

    return _retry_until_reachable(f"Database {where}", attempt, stop, max_wait)


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
    delay = FIRST_DELAY
    waited = 0.0
    while not stop.is_set():
        try:
            detail = attempt()
        except fatal:
            raise
        except Exception as error:  # any failure to connect: report it in one line, wait
            if max_wait is not None and waited >= max_wait:
                log.error("%s still not reachable; giving up", what)
                return False
            pause = pause_for(error, delay)
            log.warning(
                "%s not reachable (%s); retrying in %.0fs", what, describe_error(error), pause
            )
            if stop.wait(pause):
                break
            waited += pause
            delay = min(MAX_DELAY, delay * 2)
            continue
        if waited:
            log.info("%s is reachable%s", what, detail)
        return True
    return False


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

    from bot.delivery import retry_after_seconds

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
