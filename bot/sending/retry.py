"""One Bot API call, retried only when Telegram surely did not act on it.

AIORateLimiter (when TELEGRAM_MAX_RATE > 0) already waits out 429s a few times;
this layer sits under ``bot.sending.send.send_texts`` and adds what it lacks:

* 429 (RetryAfter) that got through: wait ``retry_after`` and try again, as often as
  Telegram asks, until ``FLOOD_DEADLINE`` seconds have passed since the first try;
  then the RetryAfter is raised for the caller to report in one line;
* an error *response* (5xx, or any status PTB turns into NetworkError) and
  connection failures (connect error/timeout, pool timeout): the request never
  reached Telegram or Telegram refused it, so retrying cannot send twice —
  bounded retries with exponential backoff;
* everything else is raised at once. In particular a *read* timeout is
  ambiguous: the request was sent and Telegram may have delivered the message.
  We do not retry it, so a message is never duplicated; the price is that such
  a message may be lost (logged as a warning). Telegram answers sendMessage in
  well under PTB's 5 s read timeout, so this is rare.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
import time
import warnings
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.warnings import PTBDeprecationWarning
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception

log = logging.getLogger(__name__)

T = TypeVar("T")

MAX_ATTEMPTS = 5
BASE_DELAY = 0.5  # seconds; doubles each attempt
MAX_DELAY = 8.0
# Sustained flood control: retry_after is honoured until this many seconds after the
# first try; a longer wait is better reported than slept through.
FLOOD_DEADLINE = 60.0

# Injected so tests can run the waits on a fake clock, without waiting.
clock: Callable[[], float] = time.monotonic
sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

# Transport errors raised before a single byte of the request was sent
# (httpx and aiohttp names, so either HTTP backend of PTB is covered).
_NOT_SENT = frozenset(
    {
        "ConnectError",
        "ConnectTimeout",
        "PoolTimeout",
        "ClientConnectorError",
        "ClientConnectorDNSError",
        "ConnectionTimeoutError",
        "ConnectionRefusedError",
    }
)


def _causes(error: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def surely_not_sent(error: BaseException) -> bool:
    """True when retrying ``error`` cannot make Telegram act twice."""
    if isinstance(error, RetryAfter):
        return True
    if not isinstance(error, NetworkError) or isinstance(error, BadRequest):
        return False  # BadRequest, Forbidden, ...: Telegram refused; it would again
    chain = _causes(error)
    if any(type(cause).__name__ in _NOT_SENT for cause in chain):
        return True
    if isinstance(error, TimedOut):
        return "Pool timeout" in error.message
    # PTB raises NetworkError without a transport cause only for an error
    # *response* (502 and other statuses): Telegram answered, and did not send.
    return all(isinstance(cause, TelegramError) for cause in chain)


def retry_after_seconds(error: RetryAfter) -> float:
    """How long Telegram asked us to wait (429), in seconds."""
    with warnings.catch_warnings():
        # PTB 22 warns that retry_after will become a timedelta; both are handled.
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        retry_after = error.retry_after
    if isinstance(retry_after, dt.timedelta):
        return retry_after.total_seconds()
    return float(retry_after)


def retry_delay(error: BaseException, attempt: int) -> float:
    """Seconds before the next try: what Telegram asked for a 429, else exponential
    backoff with jitter after the ``attempt``-th other error."""
    if isinstance(error, RetryAfter):
        return retry_after_seconds(error) + 0.1
    delay = min(MAX_DELAY, BASE_DELAY * 2 ** (attempt - 1))
    return delay * random.uniform(0.8, 1.2)  # jitter


class _Retries:
    """The policy of one ``call_with_retry``, for tenacity: 429s do not count as
    attempts (Telegram says when to come back) but end at ``FLOOD_DEADLINE``."""

    def __init__(self, what: str, attempts: int, started: float) -> None:
        self.what = what
        self.attempts = attempts
        self.errors = 0  # failures other than 429 so far
        self.started = started

    def wait(self, state: RetryCallState) -> float:
        error = _failure(state)
        if not isinstance(error, RetryAfter):
            self.errors += 1
        return retry_delay(error, self.errors)

    def stop(self, state: RetryCallState) -> bool:
        if isinstance(_failure(state), RetryAfter):
            return clock() - self.started + state.upcoming_sleep > FLOOD_DEADLINE
        return self.errors >= self.attempts

    async def sleep(self, seconds: float) -> None:
        await sleep(seconds)  # looked up at call time: tests put a fake clock in

    def before_sleep(self, state: RetryCallState) -> None:
        error = _failure(state)
        if isinstance(error, RetryAfter):
            # The expected case under flood control: not worth a line each time.
            log.debug("%s: flood control (429), retrying in %.1fs", self.what, state.upcoming_sleep)
            return
        log.warning(
            "%s failed (%s: %s); retry %d/%d in %.1fs",
            self.what,
            type(error).__name__,
            error,
            self.errors,
            self.attempts - 1,
            state.upcoming_sleep,
        )


def _failure(state: RetryCallState) -> BaseException:
    error = state.outcome.exception() if state.outcome is not None else None
    assert error is not None, "tenacity asks only after a failed try"
    return error


async def call_with_retry(
    call: Callable[[], Awaitable[T]], *, what: str = "Bot API call", attempts: int = MAX_ATTEMPTS
) -> T:
    """``await call()``, retried with backoff while the failure surely sent nothing.

    ``attempts`` bounds the retries of errors; 429s are bounded by ``FLOOD_DEADLINE``
    instead, since Telegram says when to come back."""
    started = clock()
    try:
        # The common case, a call that works, without building a retry policy (tenacity
        # costs ~40 µs a call: a few percent of an answer).
        return await call()
    except Exception as error:  # what tenacity would see: the same rule decides
        if not surely_not_sent(error):
            if isinstance(error, TimedOut):
                log.warning("%s timed out after sending; not retried: %s", what, error)
            raise
        first_failure: list[BaseException] = [error]
    policy = _Retries(what, attempts, started)
    retrying = AsyncRetrying(
        retry=retry_if_exception(surely_not_sent),
        wait=policy.wait,
        stop=policy.stop,
        sleep=policy.sleep,
        before_sleep=policy.before_sleep,
        reraise=True,
    )

    async def attempt() -> T:
        if first_failure:
            # The failure of the call above is tenacity's first try: waited and counted
            # like any other, and not sent again without its wait.
            raise first_failure.pop()
        # Awaited here: tenacity would take a lambda returning a coroutine for a
        # plain function and hand back the coroutine unawaited.
        return await call()

    try:
        return await retrying(attempt)
    except TimedOut as error:
        if not surely_not_sent(error):
            log.warning("%s timed out after sending; not retried: %s", what, error)
        raise
