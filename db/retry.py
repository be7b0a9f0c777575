"""Retrying idempotent reads across a short database outage (restart, failover)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, OperationalError

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
    are safe to repeat): the caller's work may run more than once.

    A plain loop, not tenacity: every update reads the revision through here, and an
    ``AsyncRetrying`` built and driven for each call was 6 % of the bot's CPU under a
    burst (bench.throughput --profile); the first, usual, attempt now costs one await.
    """
    for delay in (*READ_DELAYS, None):
        try:
            return await read()
        except TRANSIENT_DB_ERRORS as error:
            if delay is None:
                raise
            log.info("Database %s failed (%s); retrying", what, type(error).__name__)
            await asyncio.sleep(delay)
    raise AssertionError("unreachable: the last attempt returns or raises")
