"""Errors that mean "the database is unreachable right now", not a bug.

Kept here so the Telegram layer can tell an outage from a bug without importing
SQLAlchemy itself."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, OperationalError

DATABASE_DOWN = (OperationalError, DBAPIError, OSError, ConnectionError, TimeoutError)
