"""Retrying idempotent reads across a short database outage (restart, failover)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, OperationalError
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
    stop_after_attempt,
    wait_chain,
    wait_fixed,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

# Errors that mean "the database is unreachable right now", not a bug.
TRANSIENT_DB_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    DBAPIError,
    OSError,
    ConnectionError,
    TimeoutError,
)
READ_DELAYS = (0.1, 0.4)  # two quick retries: a broken pooled connection costs one


async def retry_read(read: Callable[[], Awaitable[T]], *, what: str = "read") -> T:
    """``await read()``, retried on a transient error. Only for reads (or writes that
    are safe to repeat): the caller's work may run more than once."""

    def report(state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome is not None else None
        log.info("Database %s failed (%s); retrying", what, type(error).__name__)

    retrying = AsyncRetrying(
        retry=retry_if_exception_type(TRANSIENT_DB_ERRORS),
        wait=wait_chain(*(wait_fixed(delay) for delay in READ_DELAYS)),
        stop=stop_after_attempt(len(READ_DELAYS) + 1),
        before_sleep=report,
        reraise=True,
    )

    async def attempt() -> T:
        # Awaited here: tenacity would take a lambda returning a coroutine for a
        # plain function and hand back the coroutine unawaited.
        return await read()

    return await retrying(attempt)
