"""Format version 3 (issue 12): the editors' translations in /export and /import. A store
with translations round-trips exactly; versions 1 and 2 still import (and cannot carry
translations); bad translation rows are refused, all at once, with nothing written."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from sqlalchemy import select

from bot.runtime import Runtime
from db import editing
from db.document_schema import DOCUMENT_VERSION, DocumentError, check_document
from db.editing import Actor
from db.models import ChangeLogEntry
from db.transfer import export_document, import_document, seed_document

OWNER = Actor(1001, frozenset({1001}))
RU = "Теперь, когда власти удвоили квоту, рабочие жалуются."
KO = "당국이 할당량을 두 배로 늘리자 노동자들이 불평한다."
ZH = "劳工被迫工作更长时间。"


async def _export(rt: Runtime) -> dict[str, Any]:
    async with rt.sessionmaker() as session:
        document = await export_document(session)
    document.pop("exported_at")
    return document


async def _translated(rt: Runtime) -> None:
    async with rt.sessionmaker() as session:
        await editing.set_translation(session, OWNER, 3, "ru", RU)
        await editing.set_translation(session, OWNER, 3, "ko", KO)
        await editing.set_translation(session, OWNER, 4, "zh", ZH)


@pytest.mark.usefixtures("untranslated")
async def test_translations_round_trip_through_export_and_replace(runtime: Runtime) -> None:
    await _translated(runtime)
    exported = await _export(runtime)
    assert exported["version"] == DOCUMENT_VERSION == 4
    assert exported["translations"] == [
        {"claim_id": 3, "language": "ko", "text": KO},
        {"claim_id": 3, "language": "ru", "text": RU},
        {"claim_id": 4, "language": "zh", "text": ZH},
    ]
    # Replaced by a document without them, then by the export again: all back, and the
    # snapshot the engine reads has them.
    bare = copy.deepcopy(exported)
    bare["translations"] = []
    async with runtime.sessionmaker() as session:
        await import_document(session, bare, mode="replace", editor_id=OWNER.user_id)
    assert (await _export(runtime))["translations"] == []
    async with runtime.sessionmaker() as session:
        await import_document(session, exported, mode="replace", editor_id=OWNER.user_id)
    again = await _export(runtime)
    assert again["translations"] == exported["translations"]
    assert again["claims"] == exported["claims"]
    snapshot = await runtime.facts.current()
    assert dict(snapshot.claim(3).translations) == {"ko": KO, "ru": RU}  # type: ignore[union-attr]


@pytest.mark.usefixtures("untranslated")
async def test_a_merge_sets_the_listed_translations_and_leaves_the_rest(runtime: Runtime) -> None:
    await _translated(runtime)
    document = {
        "format": "quota-facts-store",
        "version": 3,
        "translations": [
            {"claim_id": 3, "language": "ru", "text": "Власти удвоили квоту."},
            {"claim_id": 5, "language": "ko", "text": "더 긴 근무 시간."},
        ],
    }
    async with runtime.sessionmaker() as session:
        await import_document(session, document, editor_id=OWNER.user_id)
    assert (await _export(runtime))["translations"] == [
        {"claim_id": 3, "language": "ko", "text": KO},
        {"claim_id": 3, "language": "ru", "text": "Власти удвоили квоту."},
        {"claim_id": 4, "language": "zh", "text": ZH},
        {"claim_id": 5, "language": "ko", "text": "더 긴 근무 시간."},
    ]
    async with runtime.sessionmaker() as session:
        rows = list(
            await session.scalars(
                select(ChangeLogEntry)
                .where(ChangeLogEntry.action == "import")
                .order_by(ChangeLogEntry.id)
            )
        )
    assert [(r.entity_id, r.field, r.old_value, r.new_value) for r in rows] == [
        (3, "translation_ru", RU, "Власти удвоили квоту."),
        (5, "translation_ko", None, "더 긴 근무 시간."),
    ]


@pytest.mark.usefixtures("untranslated")
async def test_versions_1_and_2_still_import(runtime: Runtime) -> None:
    # The seed as version 1 had it: the same rows, no translations.
    version_1 = {**seed_document(), "version": 1}
    del version_1["translations"]
    version_2 = copy.deepcopy(await _export(runtime))
    version_2["version"] = 2
    del version_2["translations"]
    await _translated(runtime)
    for document in (version_1, version_2):
        async with runtime.sessionmaker() as session:
            await import_document(session, document, editor_id=OWNER.user_id)
    # A merge of an older document leaves the translations as they were.
    assert len((await _export(runtime))["translations"]) == 3


def test_bad_translation_rows_are_refused_all_at_once() -> None:
    document: dict[str, Any] = {
        "format": "quota-facts-store",
        "version": 3,
        "translations": [
            {"claim_id": 3, "language": "en", "text": "English."},
            {"claim_id": 3, "language": "ru", "text": "   "},
            {"claim_id": 0, "language": "zh", "text": ZH},
            {"claim_id": 4, "language": "ko", "text": "x" * 2001},
            {"claim_id": 4, "language": "zh", "text": ZH, "by": 5},
            {"claim_id": 5, "language": "ru", "text": RU},
            {"claim_id": 5, "language": "ru", "text": RU},
        ],
    }
    with pytest.raises(DocumentError) as refused:
        check_document(document)
    assert refused.value.problems == [
        "translations[0].language: must be 'ru', 'zh' or 'ko'",
        'translations[1].text: "text" is empty',
        "translations[2].claim_id: an id must be from 1 to 2,147,483,647, not 0",
        'translations[3].text: "text" is too long: 2,001 characters, the limit is 2,000',
        "translations[4].by: is not a field of this format",
    ]
    del document["translations"][:5]
    with pytest.raises(DocumentError, match=r"translations: claim 5 \(ru\) appears 2 times"):
        check_document(document)
    # A version 2 document cannot carry translations.
    with pytest.raises(DocumentError, match="not a field of versions 1 and 2"):
        check_document({**document, "version": 2, "translations": document["translations"][:1]})


async def test_a_translation_of_no_claim_is_refused_and_nothing_written(
    runtime: Runtime,
) -> None:
    before = await _export(runtime)
    document = {
        "format": "quota-facts-store",
        "version": 3,
        "translations": [{"claim_id": 999, "language": "ru", "text": RU}],
    }
    with pytest.raises(DocumentError, match=r"translations\[0\].claim_id: there is no claim 999"):
        async with runtime.sessionmaker() as session:
            await import_document(session, document, editor_id=OWNER.user_id)
    assert await _export(runtime) == before
