"""The store as a versioned JSON document: the seed, /export and /import share it.

An import is all or nothing: the document is validated whole against its one schema
(db/document_schema.py) before anything is written, and the writes run in one
transaction with their history rows. Editors in a document are applied only when the
importer asks for it, and the summary names every grant and revoke.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field, replace
from decimal import Decimal
from importlib import resources
from typing import Any

from pydantic import BaseModel
from sqlalchemy import delete, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from db.announce import announce_import, public_state
from db.document_reading import load_json
from db.document_schema import (
    DOCUMENT_FORMAT,
    DOCUMENT_VERSION,
    MAX_DOCUMENT_BYTES,
    DocumentError,
    HistoryRow,
    StoreDocument,
    check_document,
)
from db.editing import as_text
from db.import_history import ImportLog, log_removed, store_rows
from db.import_people import apply_editors, apply_languages
from db.import_translations import apply_translations, export_translations, stored_translations
from db.kinds import ChangeAction, EntityType, ImportMode
from db.models import (
    Alias,
    Article,
    ChangeLogEntry,
    Claim,
    ClaimTranslation,
    Editor,
    LanguagePreference,
    Source,
)
from db.revision import bump_revision
from db.session import write_transaction

__all__ = [
    "DOCUMENT_FORMAT",
    "DOCUMENT_VERSION",
    "MAX_DOCUMENT_BYTES",
    "DocumentError",
    "ImportMode",
    "ImportSummary",
    "export_document",
    "import_document",
    "parse_document",
    "read_document",
    "seed_document",
    "seed_if_empty",
    "validate_document",
]

ARTICLE_FIELDS = (
    "outlet", "title", "caveat", "url", "reporter", "relies_on", "is_default",
    "published_precision",
)  # fmt: skip
SOURCE_FIELDS = ("name", "kind", "told_to", "country", "article_id", "notes")
CLAIM_FIELDS = (
    "kind",
    "topic",
    "statement",
    "quote",
    "place",
    "source_id",
    "article_id",
    "status",
    "retraction_reason",
    "country",
    "sector",
    "amount",
    "currency",
    "usd_amount",
    "usd_is_approx",
    "period",
    "basis",
    "change",
    "change_date",
    "amount_high",
    "usd_high",
    "share_low",
    "share_high",
    "share_of",
    "deadline",
    "deadline_precision",
    "basis_text",
    "amount_to",
    "usd_to",
    "change_on_precision",
    "change_percent",
    "amount_is",
    "amount_bound",
    "superseded_by",
)
# Dates and times, written as ISO 8601 text.
CLAIM_DATETIMES = ("retracted_at", "corrected_at", "deadline_on", "change_on")


@dataclass(frozen=True)
class ImportSummary:
    mode: str
    articles: int
    sources: int
    claims_created: int
    claims_updated: int
    aliases: int
    # Editors: made and taken back by this import, or listed in the file and left alone.
    editors_granted: tuple[int, ...] = ()
    editors_revoked: tuple[int, ...] = ()
    editors_not_applied: tuple[int, ...] = ()
    editors_applied: bool = field(default=False)
    notified: int = 0  # subscribed chats queued a notice of the import

    def describe(self) -> str:
        return (
            f"{self.mode}: {self.articles} articles, {self.sources} sources, "
            f"{self.claims_created} facts added, {self.claims_updated} facts updated, "
            f"{self.aliases} aliases"
        )

    def editor_lines(self, option: str) -> list[str]:
        """What happened to editing rights; ``option`` is how the importer applies them."""
        if not self.editors_applied:
            if not self.editors_not_applied:
                return []
            count = len(self.editors_not_applied)
            return [
                f"{count} editor {'grant' if count == 1 else 'grants'} in the file "
                f"{'was' if count == 1 else 'were'} not applied (use {option} to apply them): "
                + ", ".join(map(str, self.editors_not_applied))
            ]
        lines = [f"Editor granted: {user_id}" for user_id in self.editors_granted]
        lines += [f"Editor revoked: {user_id}" for user_id in self.editors_revoked]
        return lines or ["Editors: no change."]


def seed_document() -> dict[str, Any]:
    data = resources.files("db").joinpath("seed/facts.json").read_text(encoding="utf-8")
    parsed: dict[str, Any] = json.loads(data)
    return parsed


def read_document(raw: bytes | str) -> StoreDocument:
    """JSON text to the validated, cleaned document (size, depth, every field)."""
    return check_document(load_json(raw))


def parse_document(raw: bytes | str) -> dict[str, Any]:
    """JSON text to a document that passed the schema, as plain JSON values."""
    parsed = load_json(raw)
    check_document(parsed)
    return dict(parsed)


def validate_document(doc: Any) -> None:
    """Checks the whole document; the import writes nothing unless this passes."""
    check_document(doc)


# A figure's parts go together: a merge that gives one of them for a stored claim gives the
# whole figure, so the parts it leaves out are cleared rather than kept from the old figure
# (a kept "amount_high" would turn a new single figure into a range no report gives).
FIGURE_GROUPS = (
    ("amount", "amount_high", "amount_to", "amount_is", "amount_bound"),
    ("usd_amount", "usd_high", "usd_to"),
    ("share_low", "share_high", "share_of"),
    ("basis", "basis_text"),
)


def whole_figures(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with every figure group it touches complete (left-out parts as None)."""
    complete = dict(values)
    for group in FIGURE_GROUPS:
        if any(key in values for key in group):
            for key in group:
                complete.setdefault(key, None)
    return complete


def _values(row: BaseModel, fields: tuple[str, ...]) -> dict[str, Any]:
    """The fields the row gives: a merge leaves the ones it leaves out alone."""
    return {key: getattr(row, key) for key in fields if key in row.model_fields_set}


async def _reset_sequences(session: AsyncSession) -> None:
    # Rows inserted with explicit ids leave PostgreSQL's sequences behind.
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in ("articles", "sources", "claims", "aliases", "change_log"):
        await session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            )
        )


async def import_document(
    session: AsyncSession,
    doc: dict[str, Any] | StoreDocument,
    *,
    mode: str = ImportMode.MERGE,
    editor_id: int | None = None,
    with_editors: bool = False,
) -> ImportSummary:
    """Merge (update by id, add the rest) or replace the store with a validated document.

    Editors listed in the document are applied only ``with_editors``: an old export must
    not quietly give back rights an owner has since revoked. With it, a merge grants the
    listed editors and a replace also revokes the editors the document does not list.
    """
    document = doc if isinstance(doc, StoreDocument) else check_document(doc)
    if mode not in tuple(ImportMode):
        raise DocumentError(["mode must be merge or replace"])
    async with write_transaction(session):
        before = await public_state(session)
        summary = await _apply_document(
            session, document, mode=ImportMode(mode), editor_id=editor_id, with_editors=with_editors
        )
        # Subscribers hear of what the import changed, in its transaction (db/announce.py).
        return replace(summary, notified=await announce_import(session, before))


async def _check_store_references(session: AsyncSession, document: StoreDocument) -> None:
    """Rows may point at articles and sources already stored; they must exist."""
    articles = set(await session.scalars(select(Article.id)))
    sources = set(await session.scalars(select(Source.id)))
    problems = [
        f"sources[{n}].article_id: there is no article {row.article_id}"
        for n, row in enumerate(document.sources)
        if row.article_id not in articles
    ]
    claims = set(await session.scalars(select(Claim.id))) | {row.id for row in document.claims}
    problems += [
        f"translations[{n}].claim_id: there is no claim {row.claim_id}"
        for n, row in enumerate(document.translations)
        if row.claim_id not in claims
    ]
    for n, claim in enumerate(document.claims):
        if claim.superseded_by is not None and claim.superseded_by not in claims:
            problems.append(f"claims[{n}].superseded_by: there is no claim {claim.superseded_by}")
        if claim.article_id not in articles:
            problems.append(f"claims[{n}].article_id: there is no article {claim.article_id}")
        if claim.source_id not in sources:
            problems.append(f"claims[{n}].source_id: there is no source {claim.source_id}")
    if problems:
        raise DocumentError(problems)


async def _apply_document(
    session: AsyncSession,
    document: StoreDocument,
    *,
    mode: ImportMode,
    editor_id: int | None,
    with_editors: bool,
) -> ImportSummary:
    """The writes of an import, inside the caller's transaction."""
    batch = str(uuid.uuid4())
    created = updated = 0
    log = ImportLog(session, batch, editor_id)  # history of articles, sources, aliases
    before = await store_rows(session) if mode == ImportMode.REPLACE else None
    translations_before = await stored_translations(session)
    if mode == ImportMode.REPLACE:
        for model in (ClaimTranslation, Claim, Source, Alias, Article, ChangeLogEntry):
            await session.execute(delete(model))
    for article_row in document.articles:
        values = _values(article_row, (*ARTICLE_FIELDS, "published_on"))
        article = await session.get(Article, article_row.id)
        if article is None:
            session.add(Article(id=article_row.id, **values))
            log.created_row(EntityType.ARTICLE, article_row.id, values.get("title"))
        else:
            log.changed(EntityType.ARTICLE, article, values)
    await session.flush()
    for source_row in document.sources:
        values = _values(source_row, SOURCE_FIELDS)
        source = await session.get(Source, source_row.id)
        if source is None:
            session.add(Source(id=source_row.id, **values))
            log.created_row(EntityType.SOURCE, source_row.id, values.get("name"))
        else:
            log.changed(EntityType.SOURCE, source, values)
    await session.flush()
    await _check_store_references(session, document)
    for row in document.claims:
        # kind and status are always written: the row was validated as that kind.
        values = {
            **_values(row, CLAIM_FIELDS + CLAIM_DATETIMES),
            "kind": row.kind,
            "status": row.status,
        }
        claim = await session.get(Claim, row.id)
        if claim is None:
            session.add(Claim(id=row.id, **values))
            session.add(
                ChangeLogEntry(
                    batch=batch,
                    entity_type=EntityType.CLAIM,
                    entity_id=row.id,
                    action=ChangeAction.IMPORT if editor_id else ChangeAction.SEED,
                    editor_id=editor_id,
                    new_value=row.statement,
                )
            )
            created += 1
            continue
        changed = False
        for key, value in whole_figures(values).items():
            old = getattr(claim, key)
            if as_text(old) != as_text(value):
                session.add(
                    ChangeLogEntry(
                        batch=batch,
                        entity_type=EntityType.CLAIM,
                        entity_id=claim.id,
                        action=ChangeAction.IMPORT,
                        field=key,
                        old_value=as_text(old),
                        new_value=as_text(value),
                        editor_id=editor_id,
                    )
                )
                setattr(claim, key, value)
                changed = True
        updated += changed
    await session.flush()  # the claims, before the translations that point at them
    await apply_translations(
        session, document, translations_before, mode=mode, batch=batch, editor_id=editor_id
    )
    existing_aliases = {
        (alias.term, alias.kind): alias for alias in await session.scalars(select(Alias))
    }
    added_aliases: list[Alias] = []
    for alias_row in document.aliases:
        alias_key = (alias_row.term, alias_row.kind)
        if alias_key in existing_aliases:
            log.changed(EntityType.ALIAS, existing_aliases[alias_key], {"value": alias_row.value})
        else:
            alias = Alias(term=alias_row.term, kind=alias_row.kind, value=alias_row.value)
            session.add(alias)
            existing_aliases[alias_key] = alias
            added_aliases.append(alias)
    await session.flush()  # the new aliases' ids, for their history rows
    for alias in added_aliases:
        log.created_row(EntityType.ALIAS, alias.id, alias.value)
    if before is not None:
        log_removed(log, before, document)
    if mode == ImportMode.REPLACE:
        for history_row in document.history:
            session.add(ChangeLogEntry(**_history_values(history_row)))
    editors = await apply_editors(
        session, document, mode=mode, editor_id=editor_id, with_editors=with_editors
    )
    await apply_languages(session, document, mode=mode)
    await session.flush()
    await _reset_sequences(session)
    await bump_revision(session)
    return ImportSummary(
        mode=mode.value,
        articles=len(document.articles),
        sources=len(document.sources),
        claims_created=created,
        claims_updated=updated,
        aliases=len(document.aliases),
        **editors,
    )


def _history_values(row: HistoryRow) -> dict[str, Any]:
    values = row.model_dump(exclude={"created_at"})
    values["batch"] = row.batch or str(uuid.uuid4())
    if row.created_at is not None:
        values["created_at"] = row.created_at
    return values


async def seed_if_empty(session: AsyncSession) -> ImportSummary | None:
    """Load the seed facts into an empty store only: it never undoes an editor's work."""
    async with write_transaction(session):
        if session.get_bind().dialect.name == "postgresql":
            # Replicas starting together: only one of them seeds.
            await session.execute(text("SELECT pg_advisory_xact_lock(727002)"))
        if await session.scalar(select(func.count()).select_from(Article)):
            return None
        return await _apply_document(
            session,
            check_document(seed_document()),
            mode=ImportMode.MERGE,
            editor_id=None,
            with_editors=False,
        )


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


async def export_document(session: AsyncSession, *, include_editors: bool = True) -> dict[str, Any]:
    async with session.begin():
        articles = (await session.scalars(select(Article).order_by(Article.id))).all()
        sources = (await session.scalars(select(Source).order_by(Source.id))).all()
        claims = (await session.scalars(select(Claim).order_by(Claim.id))).all()
        aliases = (await session.scalars(select(Alias).order_by(Alias.kind, Alias.term))).all()
        history = (await session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.id))).all()
        editors = (await session.scalars(select(Editor).order_by(Editor.user_id))).all()
        translations = await export_translations(session)
        languages = (
            await session.scalars(
                select(LanguagePreference).order_by(LanguagePreference.telegram_id)
            )
        ).all()
    document: dict[str, Any] = {
        "format": DOCUMENT_FORMAT,
        "version": DOCUMENT_VERSION,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(),
        "articles": [
            {
                "id": a.id,
                **{k: getattr(a, k) for k in ARTICLE_FIELDS},
                "published_on": _iso(a.published_on),
            }
            for a in articles
        ],
        "sources": [{"id": s.id, **{k: getattr(s, k) for k in SOURCE_FIELDS}} for s in sources],
        "claims": [
            {
                "id": c.id,
                **{
                    k: as_text(v) if isinstance(v := getattr(c, k), Decimal) else v
                    for k in CLAIM_FIELDS
                },
                **{k: _iso(getattr(c, k)) for k in CLAIM_DATETIMES},
            }
            for c in claims
        ],
        "aliases": [{"term": a.term, "kind": a.kind, "value": a.value} for a in aliases],
        "translations": translations,
        "editors": [
            {"user_id": e.user_id, "granted_by": e.granted_by, "granted_at": _iso(e.granted_at)}
            for e in editors
        ]
        if include_editors
        else [],
        "history": [
            {
                "batch": h.batch,
                "entity_type": h.entity_type,
                "entity_id": h.entity_id,
                "action": h.action,
                "field": h.field,
                "old_value": h.old_value,
                "new_value": h.new_value,
                "reason": h.reason,
                "editor_id": h.editor_id if include_editors else None,
                "created_at": _iso(h.created_at),
                "undone": h.undone,
            }
            for h in history
        ],
    }
    if include_editors and languages:
        # Private data (user ids), like the editors; left out when there is none, so a
        # store without preferences exports exactly as before.
        document["languages"] = [
            {"telegram_id": row.telegram_id, "language": row.language} for row in languages
        ]
    return document
