"""Guided editor dialogues, kept in the database (not in process memory).

A dialogue is one row per (chat, user): its kind, a step and the answers so far.
Every step reads and writes that row in one write transaction, so it survives a
restart, works across replicas and is safe with concurrent updates. A random
token in every button's callback data ties buttons to one dialogue: a button
from an older (or forged) dialogue no longer matches and gets a polite answer.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Dialogue, utcnow
from db.session import read_transaction, write_transaction

# A dialogue left alone this long is stale: its buttons stop working.
MAX_AGE_SECONDS = 3600


def new_token() -> str:
    return secrets.token_hex(4)


async def start(
    session: AsyncSession, chat_id: int, user_id: int, kind: str, state: dict[str, Any]
) -> dict[str, Any]:
    """Begin (or restart) a dialogue; returns the stored state with its token."""
    state = {**state, "token": new_token()}
    async with write_transaction(session):
        await session.execute(
            delete(Dialogue).where(Dialogue.chat_id == chat_id, Dialogue.user_id == user_id)
        )
        session.add(
            Dialogue(chat_id=chat_id, user_id=user_id, kind=kind, state=state, updated_at=utcnow())
        )
    return state


async def load(session: AsyncSession, chat_id: int, user_id: int) -> Dialogue | None:
    async with read_transaction(session):
        dialogue = await session.get(Dialogue, (chat_id, user_id))
    if dialogue is None:
        return None
    updated = dialogue.updated_at
    if updated.tzinfo is None:  # SQLite hands back naive UTC
        updated = updated.replace(tzinfo=dt.UTC)
    if (utcnow() - updated).total_seconds() > MAX_AGE_SECONDS:
        await finish(session, chat_id, user_id)
        return None
    return dialogue


async def advance(
    session: AsyncSession,
    chat_id: int,
    user_id: int,
    token: str,
    changes: dict[str, Any],
) -> dict[str, Any] | None:
    """Merge ``changes`` into the state if the dialogue still has ``token``; None if not."""
    async with write_transaction(session):
        dialogue = await session.get(Dialogue, (chat_id, user_id), with_for_update=True)
        if dialogue is None or dialogue.state.get("token") != token:
            return None
        state = {**dialogue.state, **changes}
        dialogue.state = state
        dialogue.updated_at = utcnow()
    return state


async def finish(
    session: AsyncSession, chat_id: int, user_id: int, token: str | None = None
) -> bool:
    """End the dialogue (only the one holding ``token`` when given); True if one ended."""
    async with write_transaction(session):
        dialogue = await session.get(Dialogue, (chat_id, user_id), with_for_update=True)
        if dialogue is None or (token is not None and dialogue.state.get("token") != token):
            return False
        await session.delete(dialogue)
        return True
