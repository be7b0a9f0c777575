"""Language preferences: the language a user chose (/language), or a subscribed group's.

One row per Telegram id, holding only the id and the language: ``set_language`` writes
it, ``clear_language`` deletes it (``/language reset``; a group's row goes when it
unsubscribes from everything), ``languages_of`` reads many at once (the notice sender).
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.kinds import Language
from db.models import LanguagePreference, utcnow
from db.session import read_transaction, write_transaction

# Ids per IN list: well under every driver's parameter limit.
IDS_PER_QUERY = 500


async def language_of(session: AsyncSession, telegram_id: int) -> Language | None:
    async with read_transaction(session):
        stored = await session.scalar(
            select(LanguagePreference.language).where(LanguagePreference.telegram_id == telegram_id)
        )
    return Language(stored) if stored is not None else None


async def languages_of(session: AsyncSession, telegram_ids: Collection[int]) -> dict[int, Language]:
    """The stored languages of these ids (ids without one are left out)."""
    ids = sorted(set(telegram_ids))
    found: dict[int, Language] = {}
    async with read_transaction(session):
        for start in range(0, len(ids), IDS_PER_QUERY):
            rows = await session.execute(
                select(LanguagePreference.telegram_id, LanguagePreference.language).where(
                    LanguagePreference.telegram_id.in_(ids[start : start + IDS_PER_QUERY])
                )
            )
            found.update({telegram_id: Language(language) for telegram_id, language in rows})
    return found


async def set_language(session: AsyncSession, telegram_id: int, language: Language) -> None:
    async with write_transaction(session):
        row = await session.get(LanguagePreference, telegram_id)
        if row is None:
            session.add(
                LanguagePreference(
                    telegram_id=telegram_id, language=language.value, updated_at=utcnow()
                )
            )
        else:
            row.language = language.value
            row.updated_at = utcnow()


async def clear_language(session: AsyncSession, telegram_id: int) -> bool:
    """Deletes the stored language; False when there was none."""
    async with write_transaction(session):
        result = await session.execute(
            delete(LanguagePreference).where(LanguagePreference.telegram_id == telegram_id)
        )
    return bool(getattr(result, "rowcount", 0))
