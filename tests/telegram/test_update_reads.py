"""What one update costs the store: a free-text question reads the revision once, however
many handlers (the editor-dialogue check, then the answer) need the engine."""

from __future__ import annotations

import pytest

from tests.support.harness import Harness

OWNER, EDITOR, READER = 1001, 2002, 4004


def count_revision_reads(harness: Harness, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    reads: list[int] = []
    revisions = harness.runtime.facts.revisions
    read = revisions.read

    async def counted() -> int:
        reads.append(1)
        return await read()

    monkeypatch.setattr(revisions, "read", counted)
    return reads


@pytest.mark.parametrize("user_id", [READER, EDITOR, OWNER])
async def test_a_question_reads_the_revision_once(
    sqlite_harness: Harness, monkeypatch: pytest.MonkeyPatch, user_id: int
) -> None:
    await sqlite_harness.send("/grant 2002", OWNER)
    reads = count_revision_reads(sqlite_harness, monkeypatch)
    texts = await sqlite_harness.send("fish plant workers china quota", user_id)
    assert "3,400 yuan" in texts[0]
    assert len(reads) == 1
    # The next update reads it again: an engine is never carried from one to the next.
    await sqlite_harness.send("sakhalin quota", user_id)
    assert len(reads) == 2


async def test_an_edit_between_two_questions_shows_in_the_second(
    sqlite_harness: Harness,
) -> None:
    await sqlite_harness.send("/grant 2002", OWNER)
    assert "62,000 rubles" in (await sqlite_harness.send("sakhalin quota", READER))[0]
    await sqlite_harness.send("/edit 1 amount=70,000", EDITOR)
    assert "70,000 rubles" in (await sqlite_harness.send("sakhalin quota", READER))[0]
