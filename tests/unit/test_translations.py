"""Editors' translations of statements and quotes (issue 12): stored, replaced, removed,
refused, in the history, undone, announced, and picked up incrementally by another
replica's engine; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.runtime import Runtime
from db import editing
from db.editing import Actor, Conflict, InvalidValue, NotAuthorized, NotFound
from db.kinds import ChangeAction, EntityType, Language
from db.models import ChangeLogEntry, ChangeNotice, Claim, ClaimTranslation, Subscription
from db.revision import current_revision
from db.snapshot import load_snapshot
from testkit.settings import make_settings

OWNER = Actor(1001, frozenset({1001}))
STRANGER = Actor(3003, frozenset({1001}))
RU = "Теперь, когда власти удвоили квоту «денег лояльности», рабочим тяжелее."
RU_2 = "Власти удвоили квоту."


async def _rows(rt: Runtime) -> list[tuple[int, str, str, int | None]]:
    async with rt.sessionmaker() as session:
        rows = await session.execute(
            select(
                ClaimTranslation.claim_id,
                ClaimTranslation.language,
                ClaimTranslation.text,
                ClaimTranslation.updated_by,
            ).order_by(ClaimTranslation.claim_id, ClaimTranslation.language)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


@pytest.mark.usefixtures("untranslated")
async def test_store_replace_list_remove_with_history_rows(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        change = await editing.set_translation(session, OWNER, 3, "RU", f"  {RU}\x07 ")
    # Cleaned as every stored text is (db/validation.py): the control character dropped.
    assert change.fields == [("translation_ru", None, RU)]
    assert (change.entity_type, change.entity_id, change.action) == ("claim", 3, "edit")
    assert await _rows(runtime) == [(3, "ru", RU, OWNER.user_id)]

    async with runtime.sessionmaker() as session:
        replaced = await editing.set_translation(session, OWNER, 3, "ru", RU_2)
        await editing.set_translation(session, OWNER, 3, "ko", "당국은 할당량을 두 배로 늘렸다.")
    assert replaced.fields == [("translation_ru", RU, RU_2)]
    async with runtime.sessionmaker() as session:
        claim, listed = await editing.list_translations(session, OWNER, 3)
    assert claim.id == 3
    assert [(row.language, row.text) for row in listed] == [
        ("ko", "당국은 할당량을 두 배로 늘렸다."),
        ("ru", RU_2),
    ]

    async with runtime.sessionmaker() as session:
        removed = await editing.remove_translation(session, OWNER, 3, "ko")
    assert removed.fields == [("translation_ko", "당국은 할당량을 두 배로 늘렸다.", None)]
    assert await _rows(runtime) == [(3, "ru", RU_2, OWNER.user_id)]

    async with runtime.sessionmaker() as session:
        history = await editing.history(session, OWNER, 3)
    assert [(r.field, r.old_value, r.new_value, r.action) for r in history][-4:] == [
        ("translation_ru", None, RU, "edit"),
        ("translation_ru", RU, RU_2, "edit"),
        ("translation_ko", None, "당국은 할당량을 두 배로 늘렸다.", "edit"),
        ("translation_ko", "당국은 할당량을 두 배로 늘렸다.", None, "edit"),
    ]


@pytest.mark.parametrize(
    ("claim_id", "language", "text", "error", "message"),
    [
        (3, "en", RU, InvalidValue, "stored in English"),
        (3, "fr", RU, InvalidValue, "one of ru, zh, ko"),
        (3, "ru", "   ", InvalidValue, '"translation" is empty'),
        (3, "ru", "x" * 2001, InvalidValue, "2,001 characters, the limit is 2,000"),
        (99, "ru", RU, NotFound, "no fact #99"),
    ],
)
@pytest.mark.usefixtures("untranslated")
async def test_refused_translations_write_nothing(
    runtime: Runtime,
    claim_id: int,
    language: str,
    text: str,
    error: type[Exception],
    message: str,
) -> None:
    async with runtime.sessionmaker() as session:
        before = await current_revision(session)
    async with runtime.sessionmaker() as session:
        with pytest.raises(error, match=message):
            await editing.set_translation(session, OWNER, claim_id, language, text)
    assert await _rows(runtime) == []
    async with runtime.sessionmaker() as session:
        assert await current_revision(session) == before


@pytest.mark.usefixtures("untranslated")
async def test_a_claim_without_words_and_strangers_are_refused(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        with pytest.raises(NotAuthorized):
            await editing.set_translation(session, STRANGER, 3, "ru", RU)
        with pytest.raises(NotFound, match="no ru translation to remove"):
            await editing.remove_translation(session, OWNER, 3, "ru")
        await editing.set_translation(session, OWNER, 3, "ru", RU)
        with pytest.raises(InvalidValue, match="already has this ru translation"):
            await editing.set_translation(session, OWNER, 3, "ru", RU)
        # A claim whose statement is empty (written outside the commands) and no quote.
        claim = await session.get(Claim, 5)
        assert claim is not None
        claim.statement = ""
        await session.commit()
    async with runtime.sessionmaker() as session:
        with pytest.raises(InvalidValue, match="#5 has no statement or quote to translate"):
            await editing.set_translation(session, OWNER, 5, "ru", RU)
    assert await _rows(runtime) == [(3, "ru", RU, OWNER.user_id)]


@pytest.mark.usefixtures("untranslated")
async def test_undo_takes_a_translation_back_and_refuses_when_changed_since(
    runtime: Runtime,
) -> None:
    async with runtime.sessionmaker() as session:
        await editing.set_translation(session, OWNER, 3, "ru", RU)
        undone = await editing.undo(session, OWNER)
    assert undone.fields == [("translation_ru", RU, None)]
    assert undone.action == ChangeAction.UNDO and undone.entity_id == 3
    assert await _rows(runtime) == []

    # A replacement undone brings the earlier text back; a removal undone, the text.
    async with runtime.sessionmaker() as session:
        await editing.set_translation(session, OWNER, 3, "ru", RU)
        await editing.set_translation(session, OWNER, 3, "ru", RU_2)
        await editing.undo(session, OWNER)
    assert await _rows(runtime) == [(3, "ru", RU, OWNER.user_id)]
    async with runtime.sessionmaker() as session:
        await editing.remove_translation(session, OWNER, 3, "ru")
        await editing.undo(session, OWNER)
    assert [row[:3] for row in await _rows(runtime)] == [(3, "ru", RU)]

    # Another editor replaced it since: the owner's undo is refused, nothing written.
    editor = Actor(2002, frozenset({1001}))
    async with runtime.sessionmaker() as session:
        await editing.grant(session, OWNER, editor.user_id)
        earlier = "由于这项命令，劳工被迫工作更长时间。"
        await editing.set_translation(session, OWNER, 4, "zh", earlier)
        await editing.set_translation(session, editor, 4, "zh", "劳工被迫工作更长时间。")
        with pytest.raises(Conflict, match="zh translation of #4 was changed again"):
            await editing.undo(session, OWNER)
    assert (4, "zh", "劳工被迫工作更长时间。", editor.user_id) in await _rows(runtime)


@pytest.mark.usefixtures("untranslated")
async def test_subscribers_of_the_claim_hear_of_a_translation(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        session.add(Subscription(chat_id=555, kind="claim", target="3"))
        await session.commit()
    async with runtime.sessionmaker() as session:
        change = await editing.set_translation(session, OWNER, 3, "ru", RU)
    assert change.notified == 1
    async with runtime.sessionmaker() as session:
        notice = await session.scalar(select(ChangeNotice).order_by(ChangeNotice.id.desc()))
    assert notice is not None
    assert (notice.claim_id, notice.action, notice.field) == (3, "correct", "translation_ru")
    assert (notice.old_value, notice.new_value) == ("(none)", RU)


@pytest.mark.usefixtures("untranslated")
async def test_a_translation_reaches_another_replica_incrementally(runtime: Runtime) -> None:
    other = Runtime.create(make_settings(runtime.settings.database_url))
    try:
        before = await other.answer_engine()
        assert before.snapshot.claim(3).translations == {}  # type: ignore[union-attr]
        async with runtime.sessionmaker() as session:
            await editing.set_translation(session, OWNER, 3, "ru", RU)
        engine = await other.answer_engine()
        # Read again as a change of claim 3 only, not a full load.
        assert engine.snapshot.diff is not None
        assert engine.snapshot.diff.claim_ids == {3}
        claim = engine.snapshot.claim(3)
        assert claim is not None and dict(claim.translations) == {Language.RU: RU}
        assert claim in engine.snapshot.active_claims
        async with runtime.sessionmaker() as session, session.begin():
            full = await load_snapshot(session, await current_revision(session))
        assert full.claims == engine.snapshot.claims

        async with runtime.sessionmaker() as session:
            await editing.undo(session, OWNER)
        engine = await other.answer_engine()
        assert engine.snapshot.diff is not None and engine.snapshot.diff.claim_ids == {3}
        assert engine.snapshot.claim(3).translations == {}  # type: ignore[union-attr]
    finally:
        await other.close()


async def test_the_history_rows_are_the_claims(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        await editing.set_translation(session, OWNER, 3, "zh", "当局把忠诚资金定额翻了一番。")
        rows = await session.scalar(
            select(func.count())
            .select_from(ChangeLogEntry)
            .where(
                ChangeLogEntry.entity_type == EntityType.CLAIM,
                ChangeLogEntry.entity_id == 3,
                ChangeLogEntry.field == "translation_zh",
                ChangeLogEntry.editor_id == OWNER.user_id,
            )
        )
    assert rows == 1
