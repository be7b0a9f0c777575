"""Schema upgrades with Alembic, from the CLI, at start-up and in tests.

Start-up checks first whether the database is already at the newest revision
(one query, and the revision ids read from the migration files) and then does
not import or run Alembic at all: that saves most of a restart's time.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN = re.compile(
    r"^down_revision(?:\s*:[^=\n]+)?\s*=\s*(None|[\"']([^\"']+)[\"'])\s*$", re.MULTILINE
)


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # ConfigParser interpolation would choke on a "%" in a password.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


@lru_cache(maxsize=1)
def head_revision() -> str | None:
    """The one newest revision id, from the files; None when unsure (Alembic decides)."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is None or down is None:
            return None  # a merge revision or an unusual file: let Alembic read it
        revisions.add(revision.group(1))
        if down.group(2):
            downs.add(down.group(2))
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def _sqlite_is_current(url: str) -> bool:
    parsed = make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return False
    head = head_revision()
    if head is None or not Path(database).exists():
        return False
    uri = f"{Path(database).resolve().as_uri()}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return False
    return rows == [(head,)]


async def is_current(engine: AsyncEngine) -> bool:
    """True when the schema is at the newest revision (any doubt: False)."""
    head = head_revision()
    if head is None:
        return False
    try:
        async with engine.connect() as connection:
            rows = (await connection.execute(text("SELECT version_num FROM alembic_version"))).all()
    except Exception:  # no table yet, or anything odd: Alembic will tell
        return False
    return [tuple(row) for row in rows] == [(head,)]


def upgrade(url: str, revision: str = "head") -> None:
    """Upgrade from synchronous code (no event loop running)."""
    if revision == "head" and _sqlite_is_current(url):
        return
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str = "base") -> None:
    from alembic import command

    command.downgrade(alembic_config(url), revision)


async def upgrade_engine(engine: AsyncEngine, revision: str = "head") -> None:
    """Upgrade through an existing async engine (inside a running event loop)."""
    if revision == "head" and await is_current(engine):
        return
    from alembic import command

    url = engine.url.render_as_string(hide_password=False)
    async with engine.connect() as connection:

        def run(sync_connection: object) -> None:
            config = alembic_config(url)
            config.attributes["connection"] = sync_connection
            command.upgrade(config, revision)

        await connection.run_sync(run)
        await connection.commit()
