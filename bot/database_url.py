"""DATABASE_URL checked with the other settings: a mistake is one line that says what is
wrong and the form expected, before anything connects."""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

SQLITE_FORM = "sqlite+aiosqlite:///path/to/file.sqlite3"
POSTGRES_FORM = "postgresql+asyncpg://user:password@host:5432/dbname"
EXPECTED = f"expected {SQLITE_FORM} or {POSTGRES_FORM}"

# The async drivers the bot is built on, per backend.
ASYNC_DRIVERS = {"sqlite": "aiosqlite", "postgresql": "asyncpg"}
# Names people write for PostgreSQL that SQLAlchemy does not take as "postgresql".
POSTGRES_ALIASES = {"postgres", "postgresql", "pgsql", "psql"}


def check_database_url(value: str) -> str:
    """The URL without surrounding whitespace, or ValueError with one line."""
    text = value.strip()
    try:
        url = make_url(text)
    except ArgumentError:
        raise ValueError(f"is not a database URL; {EXPECTED}") from None
    backend = url.get_backend_name()
    if backend in POSTGRES_ALIASES:
        backend = "postgresql"
    if backend not in ASYNC_DRIVERS:
        raise ValueError(f"the database {backend!r} is not supported; {EXPECTED}")
    driver = url.drivername.partition("+")[2]
    if url.drivername != f"{backend}+{ASYNC_DRIVERS[backend]}":
        form = SQLITE_FORM if backend == "sqlite" else POSTGRES_FORM
        given = f"driver {driver!r}" if driver else "no async driver"
        raise ValueError(f"{url.drivername}:// has {given}; the bot needs {form}")
    if backend == "sqlite":
        _check_sqlite_file(url)
    return text


def _check_sqlite_file(url: URL) -> None:
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return  # in memory, or a URI the driver interprets itself
    path = Path(database)
    folder = path.parent
    if path.is_dir():
        raise ValueError(f"{database} is a folder, not a SQLite file ({SQLITE_FORM})")
    if not folder.is_dir():
        raise ValueError(f"the folder {folder} for the SQLite file does not exist")
    # Tried, not asked (os.access): root passes every permission check, yet cannot
    # write to a read-only mount.
    try:
        if path.exists():
            with path.open("ab"):
                pass
        else:
            with tempfile.TemporaryFile(dir=folder):
                pass
    except OSError:
        if path.exists():
            raise ValueError(f"the SQLite file {database} is not writable") from None
        raise ValueError(
            f"the folder {folder} is not writable: no SQLite file can be made there"
        ) from None


def shown(url: str) -> str:
    """The URL as it may be printed: without its password."""
    return make_url(url).render_as_string(hide_password=True)
