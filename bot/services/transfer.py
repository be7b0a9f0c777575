"""/export and /import: the store as the versioned JSON document (db/transfer.py)."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.editing import Actor, NotAuthorized
from db.transfer import ImportMode, ImportSummary, export_document, import_document, read_document


class TransferService:
    """Owners only, checked here as well as at the command: a handler is never the only
    guard. ``import_store`` raises ``db.transfer.DocumentError`` for a refused file."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def export_store(self, actor: Actor) -> dict[str, Any]:
        if not actor.is_owner:
            raise NotAuthorized("Only owners can export the store.")
        async with self._sessions() as session:
            return await export_document(session)

    async def import_store(
        self, actor: Actor, data: bytes, *, mode: ImportMode, with_editors: bool
    ) -> ImportSummary:
        if not actor.is_owner:
            raise NotAuthorized("Only owners can import the store.")
        # A 5 MB document takes a second or two to check: off the event loop.
        document = await asyncio.to_thread(read_document, data)
        async with self._sessions() as session:
            return await import_document(
                session, document, mode=mode, editor_id=actor.user_id, with_editors=with_editors
            )
