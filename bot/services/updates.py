"""Webhook updates claimed once across replicas (db/processed.py), and the health probe."""

from __future__ import annotations

from sqlalchemy import text

from bot.runtime import Runtime
from db.processed import Claim, claim_update, finish_update, prune_processed


class UpdateLedger:
    """Each call in a session of its own; database errors are the caller's to judge."""

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime

    async def claim(self, update_id: int) -> Claim:
        async with self._runtime.sessionmaker() as session:
            return await claim_update(session, update_id)

    async def finish(self, update_id: int) -> None:
        async with self._runtime.sessionmaker() as session:
            await finish_update(session, update_id)

    async def prune(self) -> int:
        async with self._runtime.sessionmaker() as session:
            return await prune_processed(session)

    async def ping(self) -> None:
        """Raises unless the database answers (the caller bounds the wait)."""
        async with self._runtime.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
