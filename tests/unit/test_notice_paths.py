"""Every write that changes what readers are told queues notices through one path.

Subscribers: one chat follows everything, one fact #2 (Dalian), one Sakhalin, one fact #5.
Each test makes one change by one command's service and checks the exact notice and
the exact chats it was queued for, in the change's own transaction.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.runtime import Runtime
from db import editing, notices
from db.editing import Actor
from db.models import ChangeNotice, NoticeDelivery
from db.transfer import export_document, import_document
from tests.unit.test_editing import EDITOR, OWNER, _with_editor

ALL, FACT_2, SAKHALIN, FACT_5 = 11, 12, 13, 14
EVERY_CHAT = {ALL, FACT_2, SAKHALIN, FACT_5}
Notice = tuple[str, str | None, str | None, str | None]  # action, field, old, new


async def _subscribers(rt: Runtime) -> None:
    async with rt.sessionmaker() as session:
        await notices.subscribe(session, chat_id=ALL, chat_type="private", kind="all")
        await notices.subscribe(
            session, chat_id=FACT_2, chat_type="private", kind="claim", target="2"
        )
        await notices.subscribe(
            session, chat_id=SAKHALIN, chat_type="private", kind="place", target="sakhalin"
        )
        await notices.subscribe(
            session, chat_id=FACT_5, chat_type="group", kind="claim", target="5"
        )


async def _notices_after(
    rt: Runtime, change: Callable[[AsyncSession], Awaitable[object]]
) -> list[tuple[Notice, set[int]]]:
    """Makes the change; returns each notice it queued and the chats it was queued for."""
    async with rt.sessionmaker() as session:
        last = await session.scalar(select(func.coalesce(func.max(ChangeNotice.id), 0)))
    async with rt.sessionmaker() as session:
        await change(session)
    async with rt.sessionmaker() as session:
        found = []
        for notice in await session.scalars(
            select(ChangeNotice).where(ChangeNotice.id > last).order_by(ChangeNotice.id)
        ):
            chats = set(
                await session.scalars(
                    select(NoticeDelivery.chat_id).where(NoticeDelivery.notice_id == notice.id)
                )
            )
            found.append(((notice.action, notice.field, notice.old_value, notice.new_value), chats))
    return found


@pytest.fixture
async def store(runtime: Runtime) -> Runtime:
    await _with_editor(runtime)
    await _subscribers(runtime)
    return runtime


async def test_correction(store: Runtime) -> None:
    found = await _notices_after(store, lambda s: editing.edit_claim(s, EDITOR, 2, {"usd": "47"}))
    assert found == [(("correct", "usd_amount", "470", "47"), {ALL, FACT_2})]


async def test_add_retract_restore(store: Runtime) -> None:
    added = await _notices_after(
        store,
        lambda s: editing.add_fact(s, EDITOR, {"topic": "t", "text": "New.", "place": "Sakhalin"}),
    )
    assert added == [(("add", None, None, "New."), {ALL, SAKHALIN})]
    retracted = await _notices_after(store, lambda s: editing.retract(s, EDITOR, 2, "wrong"))
    assert retracted == [(("retract", None, None, "retracted: wrong"), {ALL, FACT_2})]
    restored = await _notices_after(store, lambda s: editing.restore(s, EDITOR, 2))
    [((action, fields, old, new), chats)] = restored
    assert (action, fields, chats) == (
        "restore",
        "status, retracted_at, retraction_reason",
        {ALL, FACT_2},
    )
    assert old is not None and old.startswith("retracted; ") and old.endswith("; wrong")
    assert new == "active; (none); (none)"


def _undo(actor: Actor = EDITOR) -> Callable[[AsyncSession], Awaitable[object]]:
    return lambda s: editing.undo(s, actor)


async def test_undo_of_a_correction(store: Runtime) -> None:
    async with store.sessionmaker() as session:
        await editing.edit_claim(session, EDITOR, 2, {"usd": "47"})
    found = await _notices_after(store, _undo())
    assert found == [(("correct", "usd_amount", "47", "470"), {ALL, FACT_2})]


async def test_undo_of_an_add(store: Runtime) -> None:
    async with store.sessionmaker() as session:
        change = await editing.add_fact(
            session, EDITOR, {"topic": "t", "text": "New.", "place": "Sakhalin"}
        )
    [(notice, chats)] = await _notices_after(store, _undo())
    assert notice[0] == "retract" and chats == {ALL, SAKHALIN}
    assert notice[3] is not None and notice[3].startswith("retracted: undo of change")
    assert change.entity_id > 15


async def test_undo_of_a_retraction_and_of_a_restoration(store: Runtime) -> None:
    async with store.sessionmaker() as session:
        await editing.retract(session, EDITOR, 2, "wrong")
    [(notice, chats)] = await _notices_after(store, _undo())
    assert notice[:2] == ("restore", "retraction_reason, status") and chats == {ALL, FACT_2}
    async with store.sessionmaker() as session:
        await editing.retract(session, OWNER, 2, "wrong")
        await editing.restore(session, EDITOR, 2)
    [(notice, chats)] = await _notices_after(store, _undo())
    assert notice[0] == "retract" and chats == {ALL, FACT_2}


async def test_article_edit_and_its_undo_reach_every_fact_citing_it(store: Runtime) -> None:
    edit = await _notices_after(
        store, lambda s: editing.edit_article(s, EDITOR, 1, {"caveat": "Unverified. New."})
    )
    old = "HNGN cannot independently verify the claims."
    assert edit == [(("correct", "article #1: caveat", old, "Unverified. New."), EVERY_CHAT)]
    undo = await _notices_after(store, _undo())
    assert undo == [(("correct", "article #1: caveat", "Unverified. New.", old), EVERY_CHAT)]


async def test_source_edit_and_its_undo_reach_the_facts_it_is_cited_for(store: Runtime) -> None:
    # Source #2 speaks for the Dalian facts (#2 among them); source #3 for #1 and #5.
    edit = await _notices_after(
        store, lambda s: editing.edit_source(s, EDITOR, 2, {"told_to": "Radio Free Asia"})
    )
    assert edit == [(("correct", "source #2: told_to", "(none)", "Radio Free Asia"), {ALL, FACT_2})]
    undo = await _notices_after(store, _undo())
    assert undo == [(("correct", "source #2: told_to", "Radio Free Asia", "(none)"), {ALL, FACT_2})]
    other = await _notices_after(
        store, lambda s: editing.edit_source(s, EDITOR, 3, {"notes": "Quoted twice."})
    )
    assert [chats for _, chats in other] == [{ALL, SAKHALIN, FACT_5}]


async def test_import_is_announced_once_to_whom_it_concerns(store: Runtime) -> None:
    async with store.sessionmaker() as session:
        document = await export_document(session)
    unchanged = await _notices_after(
        store, lambda s: import_document(s, document, editor_id=OWNER.user_id)
    )
    assert unchanged == []  # nothing readers are told changed: no notice
    [claim] = [c for c in document["claims"] if c["id"] == 2]
    claim["usd_amount"] = "47"
    summaries = []

    async def run(session: AsyncSession) -> None:
        summaries.append(await import_document(session, document, editor_id=OWNER.user_id))

    found = await _notices_after(store, run)
    assert found == [(("import", None, None, "facts corrected: #2"), {ALL, FACT_2})]
    assert summaries[0].notified == 2


async def test_an_alias_is_not_announced(store: Runtime) -> None:
    found = await _notices_after(
        store, lambda s: editing.add_alias(s, EDITOR, "kholmsk", "place", "Sakhalin")
    )
    assert found == []
