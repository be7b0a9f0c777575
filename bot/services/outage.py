"""Errors that mean "the database is unreachable right now", not a bug.

Kept here so the Telegram layer can tell an outage from a bug without importing
SQLAlchemy itself; the one tuple is db.retry's."""

from __future__ import annotations

from db.retry import TRANSIENT_DB_ERRORS

DATABASE_DOWN = TRANSIENT_DB_ERRORS
