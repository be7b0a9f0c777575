"""Undo of a creation (fact, quota, article, source, alias) after someone else changed it."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from db import editing
from db.editing import Conflict
from db.models import Alias, Article, Claim, Source
from tests.unit.test_editing import EDITOR, NEW_CITY, OWNER, _store_state, _with_editor

REFUSED = "was changed again since it was added; undo refused, nothing was written"


async def test_undo_of_an_add_keeps_another_editors_later_correction(runtime: Runtime) -> None:
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        added = await editing.add_quota(session, EDITOR, NEW_CITY)
        await editing.edit_claim(session, OWNER, added.entity_id, {"amount": "51000"})
    before = await _store_state(runtime)
    async with runtime.sessionmaker() as session:
        with pytest.raises(Conflict, match=REFUSED):
            await editing.undo(session, EDITOR)
    assert await _store_state(runtime) == before
    async with runtime.sessionmaker() as session:
        claim = await session.get(Claim, added.entity_id)
    assert claim is not None and claim.status == "active" and str(claim.amount) == "51000.0000"


async def test_undo_of_an_add_after_ones_own_undone_edit_withdraws_it(runtime: Runtime) -> None:
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        added = await editing.add_quota(session, EDITOR, NEW_CITY)
        await editing.edit_claim(session, EDITOR, added.entity_id, {"amount": "51000"})
        await editing.undo(session, EDITOR)  # the edit
        await editing.undo(session, EDITOR)  # the add: nothing else changed it since
        claim = await session.get(Claim, added.entity_id)
    assert claim is not None and claim.status == "retracted"


async def test_undo_of_an_add_refused_after_another_editors_retraction(runtime: Runtime) -> None:
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        added = await editing.add_quota(session, EDITOR, NEW_CITY)
        await editing.retract(session, OWNER, added.entity_id, "not in the report")
    before = await _store_state(runtime)
    async with runtime.sessionmaker() as session:
        with pytest.raises(Conflict, match=REFUSED):
            await editing.undo(session, EDITOR)
    assert await _store_state(runtime) == before


async def test_undo_of_an_added_article_keeps_another_editors_caveat(runtime: Runtime) -> None:
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        added = await editing.add_article(
            session, EDITOR, {"outlet": "X", "title": "T", "caveat": "Unverified. First."}
        )
        await editing.edit_article(session, OWNER, added.entity_id, {"caveat": "Unverified. B."})
        with pytest.raises(Conflict, match=REFUSED):
            await editing.undo(session, EDITOR)
        article = await session.get(Article, added.entity_id)
    assert article is not None and article.caveat == "Unverified. B."


async def test_undo_of_a_fact_with_a_new_source_keeps_the_sources_later_edit(
    runtime: Runtime,
) -> None:
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        added = await editing.add_fact(
            session, EDITOR, {"topic": "wages", "text": "Wages fell.", "source": "a new voice"}
        )
    async with runtime.sessionmaker() as session:
        claim = await session.get(Claim, added.entity_id)
        assert claim is not None
        source_id = claim.source_id
    async with runtime.sessionmaker() as session:
        await editing.edit_source(session, OWNER, source_id, {"notes": "Met twice."})
    before = await _store_state(runtime)
    async with runtime.sessionmaker() as session:
        with pytest.raises(Conflict, match=REFUSED):
            await editing.undo(session, EDITOR)
    assert await _store_state(runtime) == before
    async with runtime.sessionmaker() as session:
        source = await session.get(Source, source_id)
    assert source is not None and source.notes == "Met twice."


async def test_undo_of_a_new_word_keeps_another_editors_re_pointing(runtime: Runtime) -> None:
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        added = await editing.add_alias(session, EDITOR, "южно-сахалинск", "place", "Sakhalin")
        await editing.add_alias(session, OWNER, "южно-сахалинск", "place", "Yuzhno-Sakhalinsk")
        with pytest.raises(Conflict, match=REFUSED):
            await editing.undo(session, EDITOR)
        alias = await session.get(Alias, added.entity_id)
    assert alias is not None and alias.value == "Yuzhno-Sakhalinsk"
