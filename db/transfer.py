"""The store as a versioned JSON document: the seed, /export and /import share it.

An import is all or nothing: the document is validated whole before anything is
written, and the writes run in one transaction with their history rows.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.textfold import fold
from db.models import Alias, Article, ChangeLogEntry, Claim, Editor, Source
from db.revision import bump_revision
from db.session import write_transaction

DOCUMENT_FORMAT = "quota-facts-store"
DOCUMENT_VERSION = 1
MAX_DOCUMENT_BYTES = 5_000_000

ARTICLE_FIELDS = ("outlet", "title", "caveat", "url", "reporter", "relies_on", "is_default")
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
)
CLAIM_DATETIMES = ("retracted_at", "corrected_at")


class DocumentError(ValueError):
    """The document is not a valid store export; the message says where."""


@dataclass(frozen=True)
class ImportSummary:
    mode: str
    articles: int
    sources: int
    claims_created: int
    claims_updated: int
    aliases: int

    def describe(self) -> str:
        return (
            f"{self.mode}: {self.articles} articles, {self.sources} sources, "
            f"{self.claims_created} facts added, {self.claims_updated} facts updated, "
            f"{self.aliases} aliases"
        )


def seed_document() -> dict[str, Any]:
    data = resources.files("db").joinpath("seed/facts.json").read_text(encoding="utf-8")
    parsed: dict[str, Any] = json.loads(data)
    return parsed


def parse_document(raw: bytes | str) -> dict[str, Any]:
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise DocumentError(f"the document is larger than {MAX_DOCUMENT_BYTES:,} bytes")
    try:
        parsed = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise DocumentError(f"not valid JSON ({error})") from None
    validate_document(parsed)
    return dict(parsed)


def _require(row: Any, where: str, fields: tuple[str, ...]) -> None:
    if not isinstance(row, dict):
        raise DocumentError(f"{where} is not an object")
    missing = [field for field in fields if row.get(field) in (None, "")]
    if missing:
        raise DocumentError(f"{where} lacks {', '.join(missing)}")
    if not isinstance(row.get("id", 0), int) or isinstance(row.get("id"), bool):
        raise DocumentError(f"{where} has a non-integer id")


def validate_document(doc: Any) -> None:
    """Checks shape and references; the import writes nothing unless this passes."""
    if not isinstance(doc, dict):
        raise DocumentError("the document must be a JSON object")
    if doc.get("format") != DOCUMENT_FORMAT:
        raise DocumentError(f'"format" must be "{DOCUMENT_FORMAT}"')
    if doc.get("version") != DOCUMENT_VERSION:
        raise DocumentError(f"unsupported version {doc.get('version')!r} (this bot reads 1)")
    for key in ("articles", "sources", "claims", "aliases"):
        if not isinstance(doc.get(key, []), list):
            raise DocumentError(f'"{key}" must be a list')
    article_ids = set()
    for n, row in enumerate(doc.get("articles", [])):
        _require(row, f"articles[{n}]", ("id", "outlet", "title", "caveat"))
        article_ids.add(row["id"])
    source_ids = set()
    for n, row in enumerate(doc.get("sources", [])):
        _require(row, f"sources[{n}]", ("id", "name", "article_id"))
        source_ids.add(row["id"])
    for n, row in enumerate(doc.get("claims", [])):
        where = f"claims[{n}]"
        _require(row, where, ("id", "topic", "statement", "source_id", "article_id"))
        if row.get("kind", "fact") not in ("fact", "quota"):
            raise DocumentError(f"{where}: kind must be fact or quota")
        if row.get("status", "active") not in ("active", "retracted"):
            raise DocumentError(f"{where}: status must be active or retracted")
        for key in ("amount", "usd_amount"):
            if row.get(key) is not None:
                try:
                    value = Decimal(str(row[key]))
                except InvalidOperation:
                    raise DocumentError(f"{where}: {key} is not a number") from None
                if not value.is_finite() or value <= 0:
                    raise DocumentError(f"{where}: {key} must be a positive number")
        if row.get("kind") == "quota":
            for key in ("amount", "currency", "place"):
                if not row.get(key):
                    raise DocumentError(f"{where}: a quota needs {key}")
        for key, known in (("source_id", source_ids), ("article_id", article_ids)):
            if known and row[key] not in known:
                raise DocumentError(f"{where}: {key} {row[key]} is not in the document")
    for n, row in enumerate(doc.get("aliases", [])):
        if not isinstance(row, dict) or not all(row.get(k) for k in ("term", "kind", "value")):
            raise DocumentError(f"aliases[{n}] needs term, kind and value")


def _claim_values(row: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {field: row.get(field) for field in CLAIM_FIELDS if field in row}
    for key in ("amount", "usd_amount"):
        if values.get(key) is not None:
            values[key] = Decimal(str(values[key]))
    for key in CLAIM_DATETIMES:
        if row.get(key):
            values[key] = dt.datetime.fromisoformat(row[key])
    values.setdefault("kind", "fact")
    values.setdefault("status", "active")
    return values


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


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
    doc: dict[str, Any],
    *,
    mode: str = "merge",
    editor_id: int | None = None,
) -> ImportSummary:
    """Merge (update by id, add the rest) or replace the store with a validated document."""
    validate_document(doc)
    if mode not in ("merge", "replace"):
        raise DocumentError("mode must be merge or replace")
    async with write_transaction(session):
        return await _apply_document(session, doc, mode=mode, editor_id=editor_id)


async def _apply_document(
    session: AsyncSession, doc: dict[str, Any], *, mode: str, editor_id: int | None
) -> ImportSummary:
    """The writes of an import, inside the caller's transaction."""
    batch = str(uuid.uuid4())
    created = updated = 0
    if mode == "replace":
        for model in (Claim, Source, Alias, Article, ChangeLogEntry):
            await session.execute(delete(model))
    for row in doc.get("articles", []):
        values = {k: row.get(k) for k in ARTICLE_FIELDS if k in row}
        if row.get("published_on"):
            values["published_on"] = dt.date.fromisoformat(row["published_on"])
        article = await session.get(Article, row["id"])
        if article is None:
            session.add(Article(id=row["id"], **values))
        else:
            for key, value in values.items():
                setattr(article, key, value)
    await session.flush()
    for row in doc.get("sources", []):
        values = {k: row.get(k) for k in SOURCE_FIELDS if k in row}
        source = await session.get(Source, row["id"])
        if source is None:
            session.add(Source(id=row["id"], **values))
        else:
            for key, value in values.items():
                setattr(source, key, value)
    await session.flush()
    for row in doc.get("claims", []):
        values = _claim_values(row)
        claim = await session.get(Claim, row["id"])
        if claim is None:
            session.add(Claim(id=row["id"], **values))
            session.add(
                ChangeLogEntry(
                    batch=batch,
                    entity_type="claim",
                    entity_id=row["id"],
                    action="import" if editor_id else "seed",
                    editor_id=editor_id,
                    new_value=values["statement"],
                )
            )
            created += 1
            continue
        changed = False
        for key, value in values.items():
            old = getattr(claim, key)
            if _as_text(old) != _as_text(value):
                session.add(
                    ChangeLogEntry(
                        batch=batch,
                        entity_type="claim",
                        entity_id=claim.id,
                        action="import",
                        field=key,
                        old_value=_as_text(old),
                        new_value=_as_text(value),
                        editor_id=editor_id,
                    )
                )
                setattr(claim, key, value)
                changed = True
        updated += changed
    existing_aliases = {
        (alias.term, alias.kind): alias for alias in await session.scalars(select(Alias))
    }
    for row in doc.get("aliases", []):
        alias_key = (fold(str(row["term"])), str(row["kind"]))
        if alias_key in existing_aliases:
            existing_aliases[alias_key].value = str(row["value"])
        else:
            alias = Alias(term=alias_key[0], kind=alias_key[1], value=str(row["value"]))
            session.add(alias)
            existing_aliases[alias_key] = alias
    if mode == "replace":
        for row in doc.get("history", []):
            session.add(ChangeLogEntry(**_history_values(row)))
    for row in doc.get("editors", []):
        if await session.get(Editor, int(row["user_id"])) is None:
            session.add(Editor(user_id=int(row["user_id"]), granted_by=int(row["granted_by"])))
    await session.flush()
    await _reset_sequences(session)
    await bump_revision(session)
    return ImportSummary(
        mode=mode,
        articles=len(doc.get("articles", [])),
        sources=len(doc.get("sources", [])),
        claims_created=created,
        claims_updated=updated,
        aliases=len(doc.get("aliases", [])),
    )


def _history_values(row: dict[str, Any]) -> dict[str, Any]:
    fields = ("batch", "entity_type", "entity_id", "action", "field", "old_value", "new_value")
    values = {key: row.get(key) for key in fields}
    values.update(reason=row.get("reason"), editor_id=row.get("editor_id"))
    values["batch"] = values["batch"] or str(uuid.uuid4())
    values["undone"] = bool(row.get("undone", False))
    if row.get("created_at"):
        values["created_at"] = dt.datetime.fromisoformat(row["created_at"])
    return values


async def seed_if_empty(session: AsyncSession) -> ImportSummary | None:
    """Load the seed facts into an empty store only: it never undoes an editor's work."""
    async with write_transaction(session):
        if session.get_bind().dialect.name == "postgresql":
            # Replicas starting together: only one of them seeds.
            await session.execute(text("SELECT pg_advisory_xact_lock(727002)"))
        if await session.scalar(select(func.count()).select_from(Article)):
            return None
        return await _apply_document(session, seed_document(), mode="merge", editor_id=None)


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
    return {
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
                    k: _as_text(v) if isinstance(v := getattr(c, k), Decimal) else v
                    for k in CLAIM_FIELDS
                },
                **{k: _iso(getattr(c, k)) for k in CLAIM_DATETIMES},
            }
            for c in claims
        ],
        "aliases": [{"term": a.term, "kind": a.kind, "value": a.value} for a in aliases],
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
