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
    are safe to repeat): the caller's work may run more than once."""
    for delay in READ_DELAYS:
        try:
            return await read()
        except TRANSIENT_DB_ERRORS as error:
            log.info("Database %s failed (%s); retrying", what, type(error).__name__)
            await asyncio.sleep(delay)
    return await read()
