"""Editor services on SQLite and PostgreSQL: rights, changes, history, undo, races."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.runtime import Runtime
from db import dialogues, editing
from db.editing import Actor, Conflict, InvalidValue, NotAuthorized, NotFound
from db.models import Alias, Article, ChangeLogEntry, Claim, Editor, Source
from db.revision import current_revision
from db.transfer import export_document

OWNER = Actor(1001, frozenset({1001}))
EDITOR = Actor(2002, frozenset({1001}))
STRANGER = Actor(3003, frozenset({1001}))

NEW_CITY = {
    "country": "Russia",
    "place": "Vladivostok",
    "sector": "construction",
    "amount": "50,000",
    "currency": "RUB",
    "usd": "590",
    "approx": "yes",
    "period": "month",
    "basis": "person",
    "change": "doubled",
}


async def _store_state(rt: Runtime) -> dict[str, object]:
    """Everything but the export time, to compare before and after refused input."""
    async with rt.sessionmaker() as session:
        document = await export_document(session)
        revision = await current_revision(session)
    document.pop("exported_at")
    return {"document": document, "revision": revision}


async def _claim(rt: Runtime, claim_id: int) -> Claim:
    async with rt.sessionmaker() as session:
        claim = await session.get(Claim, claim_id)
    assert claim is not None
    return claim


async def _with_editor(rt: Runtime) -> None:
    async with rt.sessionmaker() as session:
        assert await editing.grant(session, OWNER, EDITOR.user_id)


async def test_only_owners_grant_and_strangers_change_nothing(runtime: Runtime) -> None:
    before = await _store_state(runtime)
    async with runtime.sessionmaker() as session:
        with pytest.raises(NotAuthorized):
            await editing.grant(session, STRANGER, STRANGER.user_id)
        with pytest.raises(NotAuthorized):
            await editing.add_quota(session, STRANGER, NEW_CITY)
        with pytest.raises(NotAuthorized):
            await editing.edit_claim(session, STRANGER, 1, {"amount": "1"})
        with pytest.raises(NotAuthorized):
            await editing.retract(session, STRANGER, 1, "because")
        with pytest.raises(NotAuthorized):
            await editing.add_alias(session, STRANGER, "fish factory", "sector", "x")
        with pytest.raises(NotAuthorized):
            await editing.undo(session, STRANGER)
    assert await _store_state(runtime) == before

    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        # Editors cannot grant: only owners.
        with pytest.raises(NotAuthorized):
            await editing.grant(session, EDITOR, STRANGER.user_id)
        assert not await editing.grant(session, OWNER, EDITOR.user_id)  # already
        assert await editing.check_role(session, EDITOR) == "editor"
        assert await editing.revoke(session, OWNER, EDITOR.user_id)
        assert await editing.check_role(session, EDITOR) is None
        with pytest.raises(NotAuthorized):
            await editing.add_fact(session, EDITOR, {"topic": "x", "text": "y"})


async def test_add_edit_retract_restore_and_answers_follow(runtime: Runtime) -> None:
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        added = await editing.add_quota(session, EDITOR, NEW_CITY)
    engine = await runtime.answer_engine()
    answer = "\n".join(engine.answer("How much do workers in Vladivostok owe?").lines)
    assert "50,000 rubles (RUB)" in answer and "100,000 rubles (RUB)" in answer
    assert f"#{added.entity_id}" in answer

    async with runtime.sessionmaker() as session:
        change = await editing.edit_claim(
            session, EDITOR, added.entity_id, {"amount": "55000"}, reason="typo"
        )
    assert ("amount", "50000", "55000") in change.fields
    engine = await runtime.answer_engine()
    answer = "\n".join(engine.answer("Vladivostok quota").lines)
    assert "55,000" in answer and "110,000" in answer and "corrected on" in answer
    assert "50,000" not in answer

    async with runtime.sessionmaker() as session:
        await editing.retract(session, EDITOR, added.entity_id, "source withdrew it")
    engine = await runtime.answer_engine()
    answer = "\n".join(engine.answer("Vladivostok quota").lines)
    assert "retracted on" in answer and "55,000" not in answer
    assert "Vladivostok" not in "\n".join(engine.quotas().lines)

    async with runtime.sessionmaker() as session:
        await editing.restore(session, EDITOR, added.entity_id)
        rows = await editing.history(session, EDITOR, added.entity_id)
    actions = [(r.action, r.field) for r in rows]
    assert actions[0] == ("create", None)
    assert ("edit", "amount") in actions and ("retract", "status") in actions
    assert ("restore", "status") in actions
    assert all(r.editor_id == EDITOR.user_id for r in rows)


async def test_bad_input_leaves_the_store_unchanged(runtime: Runtime) -> None:
    await _with_editor(runtime)
    before = await _store_state(runtime)
    bad_quotas = [
        {**NEW_CITY, "amount": "lots"},
        {**NEW_CITY, "amount": "-5"},
        {**NEW_CITY, "amount": "0"},
        {**NEW_CITY, "amount": "1e999"},
        {**NEW_CITY, "amount": "NaN"},
        {**NEW_CITY, "amount": "9" * 80},
        {**NEW_CITY, "currency": "XYZ"},
        {**NEW_CITY, "country": "Atlantis"},
        {**NEW_CITY, "colour": "red"},
        {**NEW_CITY, "change": "tripled"},
        {**NEW_CITY, "place": "x" * 500},
        {k: v for k, v in NEW_CITY.items() if k != "amount"},
        {**NEW_CITY, "article": "999"},
        {**NEW_CITY, "source": "#999"},
    ]
    async with runtime.sessionmaker() as session:
        for options in bad_quotas:
            with pytest.raises((InvalidValue, NotFound)):
                await editing.add_quota(session, EDITOR, options)
        with pytest.raises(NotFound):
            await editing.edit_claim(session, EDITOR, 9999, {"amount": "1"})
        with pytest.raises(InvalidValue):
            await editing.edit_claim(session, EDITOR, 1, {"wings": "2"})
        with pytest.raises(InvalidValue):
            await editing.edit_claim(session, EDITOR, 3, {"amount": "2"})  # a plain fact
        with pytest.raises(InvalidValue):
            await editing.edit_claim(session, EDITOR, 1, {"amount": "-"})  # required
        with pytest.raises(InvalidValue):
            await editing.edit_claim(session, EDITOR, 1, {"amount": "62000"})  # no change
        with pytest.raises(InvalidValue):
            await editing.retract(session, EDITOR, 1, "  ")
        with pytest.raises(InvalidValue):
            await editing.add_alias(session, EDITOR, "x", "planet", "Mars")
        with pytest.raises(InvalidValue):
            await editing.add_article(session, EDITOR, {"outlet": "X", "title": "Y"})
    assert await _store_state(runtime) == before


async def test_html_is_stored_as_text(runtime: Runtime) -> None:
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        change = await editing.add_fact(
            session, EDITOR, {"topic": "hours", "text": "<b>long</b> & hard", "place": "Sakhalin"}
        )
    claim = await _claim(runtime, change.entity_id)
    assert claim.statement == "<b>long</b> & hard"


async def test_sources_articles_and_aliases(runtime: Runtime) -> None:
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        article = await editing.add_article(
            session,
            EDITOR,
            {"outlet": "Daily NK", "title": "Quotas rise", "caveat": "Unverified.",
             "date": "2026-03-10"},
        )  # fmt: skip
        fact = await editing.add_fact(
            session,
            EDITOR,
            {"topic": "hours", "text": "Shifts are longer.", "source": "a worker in Dalian",
             "article": str(article.entity_id)},
        )  # fmt: skip
        claim = await _claim(runtime, fact.entity_id)
        assert claim.article_id == article.entity_id
        sources = await editing.list_sources(session, EDITOR)
        new_source = next(s for s in sources if s.id == claim.source_id)
        assert new_source.name == "a worker in Dalian" and new_source.kind == "anonymous"
        # By id, "#1" and "1" both work.
        same = await editing.add_fact(session, EDITOR, {"topic": "t", "text": "s", "source": "#1"})
        assert (await _claim(runtime, same.entity_id)).source_id == 1
        await editing.edit_source(session, EDITOR, new_source.id, {"told_to": "Daily NK"})
        await editing.edit_article(session, EDITOR, article.entity_id, {"url": "https://x.test/a"})
        with pytest.raises(InvalidValue):
            await editing.edit_article(session, EDITOR, article.entity_id, {"url": "javascript:1"})
        alias = await editing.add_alias(
            session, EDITOR, "Рыбный  Завод", "sector", "seafood processing"
        )
        assert alias.note is None
        rows = await editing.list_aliases(session, EDITOR)
        assert any(a.term == "рыбный завод" and a.value == "seafood processing" for a in rows)
    engine = await runtime.answer_engine()
    answer = "\n".join(engine.answer("рыбный завод quota").lines)
    assert "Dalian" in answer


async def test_undo_takes_back_own_last_change(runtime: Runtime) -> None:
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        await editing.edit_claim(session, EDITOR, 1, {"amount": "63000", "usd": "740"})
        await editing.retract(session, EDITOR, 2, "wrong")
        first = await editing.undo(session, EDITOR)
        assert first.note == "retract"
        second = await editing.undo(session, EDITOR)
        assert second.note == "edit"
        with pytest.raises(NotFound):
            # The grant was the owner's, and seeds are nobody's: nothing left for EDITOR.
            await editing.undo(session, EDITOR)
        one = await _claim(runtime, 1)
        two = await _claim(runtime, 2)
        assert one.amount == Decimal("62000") and one.corrected_at is None
        assert two.status == "active" and two.retracted_at is None
        rows = await editing.history(session, EDITOR, 1)
    async with runtime.sessionmaker() as session:
        undone = await session.scalar(
            select(func.count()).select_from(ChangeLogEntry).where(ChangeLogEntry.undone)
        )
        assert undone and undone >= 5
        assert [r.action for r in rows].count("undo") >= 2


async def test_undo_refuses_when_someone_changed_it_since(runtime: Runtime) -> None:
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        await editing.edit_claim(session, EDITOR, 1, {"amount": "63000"})
        await editing.edit_claim(session, OWNER, 1, {"amount": "64000"})
        with pytest.raises(Conflict):
            await editing.undo(session, EDITOR)
        assert (await _claim(runtime, 1)).amount == Decimal("64000")


async def test_undo_of_an_added_quota_withdraws_it(runtime: Runtime) -> None:
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        added = await editing.add_quota(session, EDITOR, {**NEW_CITY, "source": "a new voice"})
        await editing.undo(session, EDITOR)
        assert (await _claim(runtime, added.entity_id)).status == "retracted"


async def test_expected_version_refuses_stale_dialogue_edit(runtime: Runtime) -> None:
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        claim = await editing.get_claim(session, EDITOR, 1)
        version = claim.version
        await editing.edit_claim(session, OWNER, 1, {"usd": "731"})
        with pytest.raises(Conflict):
            await editing.edit_claim(session, EDITOR, 1, {"amount": "1"}, expected_version=version)


async def test_dialogue_state_survives_and_tokens_guard(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        state = await dialogues.start(session, 5, 6, "edit", {"step": "fact"})
        assert await dialogues.advance(session, 5, 6, "forged", {"step": "x"}) is None
        new = await dialogues.advance(session, 5, 6, state["token"], {"step": "field"})
        assert new is not None and new["step"] == "field"
    async with runtime.sessionmaker() as session:
        loaded = await dialogues.load(session, 5, 6)
        assert loaded is not None and loaded.state["step"] == "field"
        assert not await dialogues.finish(session, 5, 6, "forged")
        assert await dialogues.finish(session, 5, 6, state["token"])
        assert await dialogues.load(session, 5, 6) is None


CONCURRENT_EDITS = 20


@dataclass(frozen=True)
class Editable:
    """One kind of editable row, and how an editor changes one field of it."""

    entity_type: str
    model: type[Claim] | type[Article] | type[Source] | type[Alias]
    entity_id: int
    field: str
    first_value: str
    edit: Callable[[AsyncSession, Actor, int, int | None], Awaitable[object]]


def _edit_claim(s: AsyncSession, actor: Actor, n: int, seen: int | None) -> Awaitable[object]:
    return editing.edit_claim(s, actor, 1, {"amount": str(70000 + n)}, expected_version=seen)


def _edit_article(s: AsyncSession, actor: Actor, n: int, seen: int | None) -> Awaitable[object]:
    return editing.edit_article(s, actor, 1, {"title": f"Title {n}"}, expected_version=seen)


def _edit_source(s: AsyncSession, actor: Actor, n: int, seen: int | None) -> Awaitable[object]:
    return editing.edit_source(s, actor, 1, {"notes": f"Note {n}"}, expected_version=seen)


def _edit_alias(s: AsyncSession, actor: Actor, n: int, seen: int | None) -> Awaitable[object]:
    return editing.add_alias(s, actor, "sakhalin", "place", f"Place {n}", expected_version=seen)


EDITABLES = [
    Editable("claim", Claim, 1, "amount", "62000", _edit_claim),
    Editable(
        "article",
        Article,
        1,
        "title",
        "North Korea Doubles Foreign Currency Quotas For Overseas Workers, Intensifying "
        "Labor Burden",
        _edit_article,
    ),
    Editable(
        "source",
        Source,
        1,
        "notes",
        "Anonymous; quoted on the Sakhalin construction workers.",
        _edit_source,
    ),
    Editable("alias", Alias, 1, "value", "Sakhalin", _edit_alias),
]


async def _race(
    rt: Runtime, editable: Editable, seen: int | None
) -> tuple[list[str], list[ChangeLogEntry], str | None]:
    """CONCURRENT_EDITS editors change one field of one row at once; returns each
    outcome, the history rows of that field, and the value stored at the end."""
    async with rt.sessionmaker() as session:
        for n in range(CONCURRENT_EDITS):
            session.add(Editor(user_id=5000 + n, granted_by=OWNER.user_id))
        await session.commit()

    async def one(n: int) -> str:
        actor = Actor(5000 + n, OWNER.owners)
        async with rt.sessionmaker() as session:
            try:
                await editable.edit(session, actor, n, seen)
            except Conflict as error:
                assert "someone else" in error.message
                return "refused"
        return "applied"

    results = list(await asyncio.gather(*(one(n) for n in range(CONCURRENT_EDITS))))
    async with rt.sessionmaker() as session:
        rows = list(
            await session.scalars(
                select(ChangeLogEntry)
                .where(
                    ChangeLogEntry.entity_type == editable.entity_type,
                    ChangeLogEntry.entity_id == editable.entity_id,
                    ChangeLogEntry.field == editable.field,
                )
                .order_by(ChangeLogEntry.id)
            )
        )
        row = await session.get(editable.model, editable.entity_id)
        assert row is not None
        stored = editing.as_text(getattr(row, editable.field))
    return results, rows, stored


@pytest.mark.parametrize("editable", EDITABLES, ids=lambda e: e.entity_type)
async def test_concurrent_edits_lose_nothing(runtime: Runtime, editable: Editable) -> None:
    """20 editors correct the same field at once: each edit is applied (and in the
    history, in a consistent chain) or refused with a message; none is lost."""
    results, rows, stored = await _race(runtime, editable, seen=None)
    applied = results.count("applied")
    refused = results.count("refused")
    # Every applied edit has exactly one history row, and the rows form one chain.
    assert len(rows) == applied
    chain = [editable.first_value] + [r.new_value for r in rows]
    assert [r.old_value for r in rows] == chain[:-1]
    assert stored == chain[-1]
    assert {r.editor_id for r in rows} == {
        5000 + n for n, result in enumerate(results) if result == "applied"
    }
    lost = CONCURRENT_EDITS - applied - refused
    assert lost == 0 and applied >= 1
    print(f"\n{editable.entity_type}: applied={applied} refused={refused} lost={lost}")


@pytest.mark.parametrize("editable", EDITABLES, ids=lambda e: e.entity_type)
async def test_concurrent_edits_of_what_all_saw_apply_once(
    runtime: Runtime, editable: Editable
) -> None:
    """20 editors who all saw the same version edit at once: exactly one edit is
    applied and in the history; the 19 others are refused with a message."""
    async with runtime.sessionmaker() as session:
        row: Claim | Article | Source | Alias | None = await session.get(
            editable.model, editable.entity_id
        )
        assert row is not None
        seen = row.version
    results, rows, stored = await _race(runtime, editable, seen=seen)
    assert results.count("applied") == 1
    assert results.count("refused") == CONCURRENT_EDITS - 1
    [winner] = [n for n, result in enumerate(results) if result == "applied"]
    [history_row] = rows
    assert history_row.editor_id == 5000 + winner
    assert history_row.old_value == editable.first_value
    assert history_row.new_value == stored


async def test_aliases_count_check(runtime: Runtime) -> None:
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        change = await editing.add_alias(session, EDITOR, "Владивосток", "place", "Vladivostok")
        assert change.note is not None  # no fact has that place yet
        count = await session.scalar(select(func.count()).select_from(Alias))
        assert count


async def test_correcting_a_quota_rewrites_its_stored_sentence(runtime: Runtime) -> None:
    await _with_editor(runtime)
    original = (await _claim(runtime, 1)).statement
    assert "62,000" in original
    async with runtime.sessionmaker() as session:
        await editing.edit_claim(session, EDITOR, 1, {"amount": "63000"})
    corrected = (await _claim(runtime, 1)).statement
    assert "63,000" in corrected and "62,000" not in corrected
    async with runtime.sessionmaker() as session:
        rows = await editing.history(session, EDITOR, 1)
        assert any(r.field == "statement" and r.old_value == original for r in rows)
        await editing.undo(session, EDITOR)
    assert (await _claim(runtime, 1)).statement == original
