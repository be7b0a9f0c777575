"""An import records its article, source and alias changes in the history as editors'
commands do (one row per changed field, per created or removed row), so /undo sees them."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from bot.runtime import Runtime
from db import editing
from db.editing import Conflict
from db.models import Alias, ChangeLogEntry
from db.transfer import export_document, import_document
from tests.unit.test_editing import EDITOR, OWNER, _with_editor

REFUSED = "was changed again since it was added; undo refused, nothing was written"

Row = tuple[str, int, str, str | None, str | None, str | None, int | None]


async def _rows_after(runtime: Runtime, last_id: int) -> list[Row]:
    async with runtime.sessionmaker() as session:
        rows = await session.scalars(
            select(ChangeLogEntry).where(ChangeLogEntry.id > last_id).order_by(ChangeLogEntry.id)
        )
        return [
            (r.entity_type, r.entity_id, r.action, r.field, r.old_value, r.new_value, r.editor_id)
            for r in rows
        ]


async def _last_history_id(runtime: Runtime) -> int:
    async with runtime.sessionmaker() as session:
        rows = await session.scalars(select(ChangeLogEntry.id))
        return max(rows, default=0)


async def _editor_alias_then_export(runtime: Runtime) -> tuple[int, str, dict[str, Any]]:
    """The editor teaches a word; the export an owner then edits: (alias id, caveat, doc)."""
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        taught = await editing.add_alias(session, EDITOR, "fish works", "sector", "fishing")
    async with runtime.sessionmaker() as session:
        document = await export_document(session)
    caveat = next(a["caveat"] for a in document["articles"] if a["id"] == 1)
    return taught.entity_id, caveat, document


async def test_a_merge_import_records_article_and_alias_changes_and_undo_sees_them(
    runtime: Runtime,
) -> None:
    alias_id, old_caveat, document = await _editor_alias_then_export(runtime)
    article = next(a for a in document["articles"] if a["id"] == 1)
    article["caveat"] = "Unverified. Read again in 2026."
    alias = next(a for a in document["aliases"] if a["term"] == "fish works")
    alias["value"] = "seafood processing"
    document["aliases"].append({"term": "crab plant", "kind": "sector", "value": "fishing"})
    last = await _last_history_id(runtime)

    async with runtime.sessionmaker() as session:
        await import_document(session, document, editor_id=OWNER.user_id)

    async with runtime.sessionmaker() as session:
        added = await session.scalar(select(Alias).where(Alias.term == "crab plant"))
    assert added is not None
    # Exactly these: nothing else in the document differs from the store.
    assert await _rows_after(runtime, last) == [
        ("article", 1, "import", "caveat", old_caveat, "Unverified. Read again in 2026.", 1001),
        ("alias", alias_id, "import", "value", "fishing", "seafood processing", 1001),
        ("alias", added.id, "import", None, None, "fishing", 1001),
    ]

    # The editor's creation of "fish works" is no longer theirs alone to take back.
    async with runtime.sessionmaker() as session:
        with pytest.raises(Conflict, match=REFUSED):
            await editing.undo(session, EDITOR)
    async with runtime.sessionmaker() as session:
        kept = await session.get(Alias, alias_id)
    assert kept is not None and kept.value == "seafood processing"


async def test_an_import_that_changes_nothing_records_nothing(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        document = await export_document(session)
    last = await _last_history_id(runtime)
    async with runtime.sessionmaker() as session:
        await import_document(session, document, editor_id=OWNER.user_id)
    assert await _rows_after(runtime, last) == []


async def test_the_command_line_import_records_with_no_editor(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        document = await export_document(session)
    source = next(s for s in document["sources"] if s["id"] == 1)
    old_notes = source["notes"]
    source["notes"] = "Met twice."
    document["articles"].append(
        {"id": 90, "outlet": "X", "title": "A new report", "caveat": "Unverified."}
    )
    last = await _last_history_id(runtime)
    async with runtime.sessionmaker() as session:
        await import_document(session, document)  # as `python -m bot import` calls it
    assert await _rows_after(runtime, last) == [
        ("article", 90, "seed", None, None, "A new report", None),
        ("source", 1, "import", "notes", old_notes, "Met twice.", None),
    ]


async def test_a_replace_import_records_what_it_removed(runtime: Runtime) -> None:
    alias_id, _, document = await _editor_alias_then_export(runtime)
    document["aliases"] = [a for a in document["aliases"] if a["term"] != "fish works"]
    document["history"] = []
    async with runtime.sessionmaker() as session:
        await import_document(session, document, mode="replace", editor_id=OWNER.user_id)
    rows = await _rows_after(runtime, 0)
    assert ("alias", alias_id, "import", None, "fishing", None, 1001) in rows
    # Everything kept was created afresh by the replace, each with its row, as facts are.
    created = {(t, i) for t, i, action, _, old, new, _ in rows if old is None and new}
    assert {("article", a["id"]) for a in document["articles"]} <= created
    assert {("source", s["id"]) for s in document["sources"]} <= created
    assert {("claim", c["id"]) for c in document["claims"]} <= created
    async with runtime.sessionmaker() as session:
        assert await session.scalar(select(Alias).where(Alias.term == "fish works")) is None
