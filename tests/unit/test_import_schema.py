"""The import checks the whole document against one schema, and never re-grants silently."""

from __future__ import annotations

import copy
import json
from typing import Any

import pydantic
import pytest
from sqlalchemy import select

from bot.runtime import Runtime
from db import editing
from db.document_schema import MAX_DOCUMENT_DEPTH, ClaimRow, DocumentError, SourceRow
from db.editing import Actor
from db.models import ChangeLogEntry, Editor
from db.transfer import ImportSummary, export_document, import_document, parse_document
from db.validation import ValidationError
from tests.support.harness import Harness

OWNER = Actor(1001, frozenset({1001}))


async def _export(rt: Runtime) -> dict[str, Any]:
    async with rt.sessionmaker() as session:
        document = await export_document(session)
    document.pop("exported_at")
    return document


async def _editors(rt: Runtime) -> list[int]:
    async with rt.sessionmaker() as session:
        return list(await session.scalars(select(Editor.user_id).order_by(Editor.user_id)))


async def test_every_problem_is_one_line_and_nothing_is_written(runtime: Runtime) -> None:
    before = await _export(runtime)
    document = copy.deepcopy(before)
    claims = document["claims"]
    claims[0]["amount"] = "1e30"
    claims[1]["usd_is_approx"] = "yes"
    claims[2]["topic"] = {"nested": "dict"}
    claims[3]["statement"] = 12345
    claims[4]["corrected_at"] = "2024-13-40"
    claims[5]["id"] = claims[6]["id"]
    claims[7]["source_id"] = 999
    claims[8]["quote"] = "x" * 2001
    claims[9]["amount"] = "5"  # a fact has no amount
    document["articles"][0]["published_on"] = "2024-02-30"
    document["aliases"][0]["kind"] = "planet"
    with pytest.raises(DocumentError) as refused:
        async with runtime.sessionmaker() as session:
            await import_document(session, document, mode="replace")
    assert refused.value.problems == [
        'articles[0].published_on: there is no such date as "2024-02-30"',
        'claims[0].amount: "amount" must be a number greater than 0, like 62000, 62,000 or '
        '3400.5, not "1e30"',
        "claims[1].usd_is_approx: must be true or false",
        "claims[2].topic: must be text",
        "claims[3].statement: must be text",
        "claims[4].corrected_at: must be a date and time like 2024-03-10T12:00:00+00:00",
        'claims[8].quote: "quote" is too long: 2,001 characters, the limit is 2,000',
        "claims[9]: only a quota figure has amount; this is a fact",
        'aliases[0].kind: "kind" must be one of place, sector, topic, country, currency, '
        'not "planet"',
        f"claims: id {claims[6]['id']} appears 2 times",
        "claims[7].source_id: there is no source 999 in it",
    ]
    assert await _export(runtime) == before


def test_deep_nesting_and_bad_json_are_one_line() -> None:
    deep = b'{"format": "quota-facts-store", "version": 1, "note": ' + b"[" * 100_000
    with pytest.raises(DocumentError) as refused:
        parse_document(deep + b"]" * 100_000 + b"}")
    assert refused.value.problems == [
        f"the document nests 100001 levels deep; a store document nests at most "
        f"{MAX_DOCUMENT_DEPTH}"
    ]
    # Brackets inside strings are text, not nesting.
    shallow = {"format": "quota-facts-store", "version": 1, "note": "[" * 10_000}
    assert parse_document(json.dumps(shallow))["note"] == "[" * 10_000
    with pytest.raises(DocumentError, match=r"^not valid JSON \(NaN is not a number"):
        parse_document('{"format": "quota-facts-store", "version": 1, "x": NaN}')


def test_many_problems_are_capped_at_twenty_lines() -> None:
    claims = [{"id": n, "topic": n, "statement": "s", "source_id": 1, "article_id": 1}
              for n in range(1, 31)]  # fmt: skip
    with pytest.raises(DocumentError) as refused:
        parse_document(json.dumps({"format": "quota-facts-store", "version": 1, "claims": claims}))
    assert len(refused.value.problems) == 30
    lines = refused.value.lines()
    assert lines[:2] == ["claims[0].topic: must be text", "claims[1].topic: must be text"]
    assert lines[20:] == ["… and 10 more problems"] and len(lines) == 21


# (command field, its value, document field) for a value just over each limit or choice.
_OVER_THE_LIMIT = [
    ("topic", "t" * 61, "topic"),
    ("text", "s" * 2001, "statement"),
    ("quote", "q" * 2001, "quote"),
    ("place", "p" * 101, "place"),
    ("sector", "s" * 101, "sector"),
    ("amount", "1" * 16, "amount"),
    ("amount", "1.00001", "amount"),
    ("amount", "0", "amount"),
    ("usd", "1e5", "usd_amount"),
    ("currency", "XXX", "currency"),
    ("country", "Atlantis", "country"),
    ("period", "decade", "period"),
    ("basis", "b" * 21, "basis"),
    ("change", "tripled", "change"),
    ("date", "d" * 101, "change_date"),
]


@pytest.mark.parametrize(("key", "value", "field"), _OVER_THE_LIMIT)
def test_the_import_refuses_what_the_commands_refuse(key: str, value: str, field: str) -> None:
    with pytest.raises(ValidationError) as by_command:
        editing.CLAIM_FIELDS[key].parse(value, field)
    quota = {"id": 1, "kind": "quota", "topic": "quota", "statement": "s", "source_id": 1,
             "article_id": 1, "place": "P", "country": "RU", "amount": "1",
             "currency": "RUB"}  # fmt: skip
    with pytest.raises(pydantic.ValidationError) as by_import:
        ClaimRow.model_validate({**quota, field: value})
    assert by_command.value.message in str(by_import.value)
    long_name = "n" * 201
    with pytest.raises(ValidationError):
        editing.SOURCE_FIELDS["name"].parse(long_name, "name")
    with pytest.raises(pydantic.ValidationError, match="the limit is 200"):
        SourceRow.model_validate({"id": 1, "name": long_name, "article_id": 1})


async def test_an_old_export_does_not_regrant_a_revoked_editor(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        await editing.grant(session, OWNER, 2002)
    async with runtime.sessionmaker() as session:
        await editing.grant(session, OWNER, 3003)
    old_export = await _export(runtime)
    async with runtime.sessionmaker() as session:
        await editing.revoke(session, OWNER, 2002)

    async with runtime.sessionmaker() as session:
        summary = await import_document(session, old_export, editor_id=1001)
    assert await _editors(runtime) == [3003]
    assert summary.editor_lines("--with-editors") == [
        "1 editor grant in the file was not applied (use --with-editors to apply them): 2002"
    ]
    async with runtime.sessionmaker() as session:
        summary = await import_document(session, old_export, mode="replace", editor_id=1001)
    assert await _editors(runtime) == [3003]
    assert summary.editors_not_applied == (2002,)

    async with runtime.sessionmaker() as session:
        summary = await import_document(session, old_export, editor_id=1001, with_editors=True)
    assert await _editors(runtime) == [2002, 3003]
    assert summary.editor_lines("--with-editors") == ["Editor granted: 2002"]

    # A replace with editors makes them exactly the file's, and says whom it revoked.
    old_export["editors"] = [e for e in old_export["editors"] if e["user_id"] == 2002]
    async with runtime.sessionmaker() as session:
        summary = await import_document(
            session, old_export, mode="replace", editor_id=1001, with_editors=True
        )
    assert await _editors(runtime) == [2002]
    assert summary.editor_lines("x") == ["Editor revoked: 3003"]
    async with runtime.sessionmaker() as session:
        logged = (
            await session.scalars(
                select(ChangeLogEntry).where(ChangeLogEntry.entity_type == "editor")
            )
        ).all()
    assert [(r.action, r.old_value, r.editor_id) for r in logged][-1] == ("revoke", "3003", 1001)


def test_summary_lines_without_editors_in_the_file() -> None:
    summary = ImportSummary("merge", 1, 1, 0, 0, 0)
    assert summary.editor_lines("--with-editors") == []
    applied = ImportSummary("merge", 1, 1, 0, 0, 0, editors_applied=True)
    assert applied.editor_lines("--with-editors") == ["Editors: no change."]


async def test_telegram_import_applies_editors_only_when_asked(harness: Harness) -> None:
    await harness.send("/grant 2002", 1001)
    await harness.send("/export", 1001)
    harness.bot_api.add_file("OLD", harness.bot_api.uploaded_files[-1].data)
    await harness.send("/revoke 2002", 1001)

    out = "\n".join(await harness.send_document("OLD", "/import", 1001))
    assert (
        "1 editor grant in the file was not applied (use /import with-editors to apply them): "
        "2002" in out
    )
    assert "Only editors" in "\n".join(await harness.send("/facts", 2002))

    out = "\n".join(await harness.send_document("OLD", "/import please", 1001))
    assert 'The only word /import takes is with-editors, not "please"' in out
    out = "\n".join(await harness.send_document("OLD", "/import mode=replace with-editors", 1001))
    assert "Imported (replace" in out and "Editor granted: 2002" in out
    assert "Only editors" not in "\n".join(await harness.send("/facts", 2002))

    document = json.loads(harness.bot_api.uploaded_files[-1].data)
    document["claims"][0]["amount"] = "1e30"
    document["claims"][1]["usd_is_approx"] = "yes"
    harness.bot_api.add_file("BAD", json.dumps(document).encode())
    before = await harness.store()
    out = "\n".join(await harness.send_document("BAD", "/import", 1001))
    assert "⛔ Not imported, nothing changed:\nclaims[0].amount: " in out
    assert "\nclaims[1].usd_is_approx: must be true or false" in out
    assert await harness.store() == before
