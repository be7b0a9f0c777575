"""Editors' translations of a claim's statement (or quote): store, replace, remove, list.

A claim stays as the report gave it; a translation is the editors' own text for one
language (ru, zh, ko), shown in answers in that language marked as a translation, with
the original beside it. In the history a translation is a field of its claim,
``translation_<language>`` (``/history`` lists it, ``/undo`` takes it back, subscribers
hear of it as of any other edit of the claim); the text itself lives in
``claim_translations``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.editing.access import Actor, require_editor
from db.editing.changelog import Change, log_change, new_batch, queue_claim_notices, run_write
from db.editing.claims import find_claim
from db.editing.errors import InvalidValue, NotFound
from db.errors import N_
from db.kinds import ChangeAction, EntityType, Language
from db.models import Claim, ClaimTranslation, utcnow
from db.revision import bump_revision
from db.session import read_transaction
from db.validation import (
    TRANSLATION_MAX_LEN,
    ValidationError,
    clean_text,
    parse_translation_language,
)

# The change-log field of a translation: "translation_ru".
FIELD_PREFIX = "translation_"


def translation_field(language: Language) -> str:
    return f"{FIELD_PREFIX}{language.value}"


def field_language(field_name: str | None) -> Language | None:
    """The language a change-log field names ("translation_ru" -> ru), else None."""
    if field_name is None or not field_name.startswith(FIELD_PREFIX):
        return None
    try:
        return Language(field_name.removeprefix(FIELD_PREFIX))
    except ValueError:
        return None


def parse_language(raw: str) -> Language:
    try:
        return parse_translation_language(raw)
    except ValidationError as error:
        raise InvalidValue(error.text) from None


def clean_translation(raw: str) -> str:
    try:
        return clean_text(raw, "translation", TRANSLATION_MAX_LEN)
    except ValidationError as error:
        raise InvalidValue(error.text) from None


def has_text(claim: Claim) -> bool:
    """Whether the claim has words to translate: its quote, else its statement."""
    return bool((claim.quote or "").strip() or (claim.statement or "").strip())


async def find_translation(
    session: AsyncSession, claim_id: int, language: Language
) -> ClaimTranslation | None:
    found: ClaimTranslation | None = await session.scalar(
        select(ClaimTranslation).where(
            ClaimTranslation.claim_id == claim_id, ClaimTranslation.language == language
        )
    )
    return found


async def put_translation(
    session: AsyncSession,
    actor: Actor | None,
    claim_id: int,
    language: Language,
    text: str | None,
) -> str | None:
    """Sets (or with None removes) the stored text; returns the text it replaced.
    History rows are the caller's: this is the one write of the table, for commands,
    /undo and imports alike."""
    row = await find_translation(session, claim_id, language)
    old = row.text if row is not None else None
    if text is None:
        if row is not None:
            await session.delete(row)
    elif row is None:
        session.add(
            ClaimTranslation(
                claim_id=claim_id,
                language=language.value,
                text=text,
                updated_by=actor.user_id if actor is not None else None,
            )
        )
    elif row.text != text:
        row.text = text
        row.updated_by = actor.user_id if actor is not None else None
        row.updated_at = utcnow()
    await session.flush()
    return old


async def _change(
    session: AsyncSession, actor: Actor, claim_id: int, language: Language, text: str | None
) -> Change:
    """The transaction of /translate: the text, its history row, the revision, notices."""

    async def work() -> Change:
        await require_editor(session, actor, N_("translate facts"))
        claim = await find_claim(session, claim_id)
        if text is not None and not has_text(claim):
            nothing = N_("#{claim_id} has no statement or quote to translate")
            raise InvalidValue(nothing, claim_id=claim_id)
        old = await put_translation(session, actor, claim_id, language, text)
        if old == text:
            if text is None:
                none = N_("#{claim_id} has no {language} translation to remove")
                raise NotFound(none, claim_id=claim_id, language=language.value)
            same = N_("#{claim_id} already has this {language} translation")
            raise InvalidValue(same, claim_id=claim_id, language=language.value)
        batch = new_batch()
        change = Change(batch, EntityType.CLAIM, claim_id, ChangeAction.EDIT)
        field_name = translation_field(language)
        log_change(session, batch, actor, EntityType.CLAIM, claim_id, ChangeAction.EDIT,
                   field_name, old, text)  # fmt: skip
        change.fields.append((field_name, old, text))
        await bump_revision(session)
        await queue_claim_notices(session, claim, change)
        return change

    return await run_write(session, work)


async def set_translation(
    session: AsyncSession, actor: Actor, claim_id: int, language: str, text: str
) -> Change:
    """Store (or replace) the editors' translation of a claim into ``language``."""
    chosen = parse_language(language)
    cleaned = clean_translation(text)
    return await _change(session, actor, claim_id, chosen, cleaned)


async def remove_translation(
    session: AsyncSession, actor: Actor, claim_id: int, language: str
) -> Change:
    chosen = parse_language(language)
    return await _change(session, actor, claim_id, chosen, None)


async def list_translations(
    session: AsyncSession, actor: Actor, claim_id: int
) -> tuple[Claim, list[ClaimTranslation]]:
    """The claim and its stored translations, by language."""
    async with read_transaction(session):
        await require_editor(session, actor, N_("see translations"))
        claim = await find_claim(session, claim_id)
        rows = list(
            await session.scalars(
                select(ClaimTranslation)
                .where(ClaimTranslation.claim_id == claim_id)
                .order_by(ClaimTranslation.language)
            )
        )
        return claim, rows
