"""/translate through the Telegram layer: store, list, replace, remove, /undo, malformed
arguments, strangers; every reply with the caveat (the harness checks it)."""

from __future__ import annotations

import pytest

from bot.args import leading_words
from bot.markup import plain_text
from tests.support.harness import Harness

OWNER, STRANGER, READER = 1001, 3003, 4004
RU = "Теперь, когда власти удвоили квоту, рабочие жалуются."
USAGE = "Usage: /translate 12 <ru|zh|ko> <the translation>"


def joined(texts: list[str]) -> str:
    return "\n".join(plain_text(text) for text in texts)


@pytest.mark.parametrize(
    ("text", "words", "rest"),
    [
        ("/translate", [], ""),
        ("/translate 3", ["3"], ""),
        ("/translate 3 ru", ["3", "ru"], ""),
        (f"/translate 3 ru {RU}", ["3", "ru"], RU),
        # One pair of quotes around the whole text goes; quotes inside stay, as do lines.
        (f'/translate@quota_bot 3 ru "{RU}"', ["3", "ru"], RU),
        ("/translate 3 ru “Они «удвоили» её”", ["3", "ru"], "Они «удвоили» её"),
        ('/translate 3 ru "a" and "b"', ["3", "ru"], '"a" and "b"'),
        ("/translate 3 ru first line\n  second line ", ["3", "ru"], "first line\n  second line"),
    ],
)
def test_leading_words_keep_the_text_as_typed(text: str, words: list[str], rest: str) -> None:
    assert leading_words(text, 2) == ("translate", words, rest)


@pytest.mark.usefixtures("untranslated")
async def test_store_list_replace_remove_and_undo(harness: Harness) -> None:
    out = joined(await harness.send("/translate 3", OWNER))
    assert "#3, as the report gives it: “Now that authorities have doubled" in out
    assert "No translation yet. Store one with /translate 3 <ru|zh|ko> <text>." in out

    out = joined(await harness.send(f"/translate 3 ru {RU}", OWNER))
    assert "✅ Stored the ru translation of #3." in out
    assert f"ru: (empty) → {RU}" in out
    assert f"Readers asking in ru will see: {RU} (перевод редакции) — “Now that" in out
    assert "(оригинал, английский) Источник: источник в России" in out

    out = joined(await harness.send("/translate 3", OWNER))
    assert f"ru: {RU}" in out

    out = joined(await harness.send("/translate 3 RU Власти удвоили квоту.", OWNER))
    assert "✅ Replaced the ru translation of #3." in out
    out = joined(await harness.send("/undo", OWNER))
    assert "↩️ Undone your last change (edit of claim #3)" in out
    assert f"translation_ru: Власти удвоили квоту. → {RU}" in out

    out = joined(await harness.send("/translate 3 ru", OWNER))
    assert "✅ Removed the ru translation of #3." in out
    assert "Readers asking in ru will see: “Now that" in out
    out = joined(await harness.send("/history 3", OWNER))
    assert f"edit translation_ru: (empty) → {RU}" in out
    assert f"edit translation_ru: {RU} → (empty)" in out


@pytest.mark.parametrize(
    ("command", "error"),
    [
        ("/translate", "⛔ The fact id is missing"),
        ("/translate abc ru текст", '⛔ An id must be a whole number like 12 or #12, not "abc"'),
        (f"/translate 3 en {RU}", "⛔ The claims are stored in English as the report gave them"),
        (f"/translate 3 de {RU}", '⛔ The language must be one of ru, zh, ko, not "de"'),
        (f"/translate 99 ru {RU}", "⛔ There is no fact #99. See /facts."),
        ("/translate 3 ko", "⛔ #3 has no ko translation to remove"),
        (
            "/translate 3 ru " + "я" * 2001,
            ('⛔ "translation" is too long: 2,001 characters, the limit is 2,000'),
        ),
    ],
)
@pytest.mark.usefixtures("untranslated")
async def test_malformed_arguments_are_refused_and_change_nothing(
    harness: Harness, command: str, error: str
) -> None:
    before = await harness.store()
    out = joined(await harness.send(command, OWNER))
    assert error in out
    assert await harness.store() == before


async def test_strangers_are_refused(harness: Harness) -> None:
    before = await harness.store()
    out = joined(await harness.send("/translate 3 ru The text.", STRANGER))
    assert "Only editors can translate facts. Nothing was changed." in out
    # A message in Russian is refused in Russian.
    out = joined(await harness.send(f"/translate 3 ru {RU}", STRANGER))
    assert "Команда /translate — только для редакторов. Ничего не изменено." in out
    assert await harness.store() == before


async def test_the_usage_line_comes_with_a_refusal(harness: Harness) -> None:
    out = joined(await harness.send("/translate 3 fr bonjour", OWNER))
    assert USAGE in out


@pytest.mark.usefixtures("untranslated")
async def test_a_russian_reader_sees_the_translation_marked_then_the_original(
    harness: Harness,
) -> None:
    question = "сколько платят рабочие на Сахалине?"
    original = "“Now that authorities have doubled the loyalty cash quota"
    out = joined(await harness.send(question, READER))
    assert f"Также: {original}" in out
    assert "death.” (оригинал, английский) Источник: источник в России" in out
    assert "перевод редакции" not in out

    await harness.send(f"/translate 3 ru {RU}", OWNER)
    out = joined(await harness.send(question, READER))
    assert f"Также: {RU} (перевод редакции) — {original}" in out
    assert "death.” (оригинал, английский) Источник: источник в России" in out
    # In English nothing changes.
    out = joined(await harness.send("how much do workers in sakhalin pay?", READER))
    assert f"Also: {original}" in out
    assert "перевод" not in out and "оригинал" not in out


@pytest.mark.usefixtures("untranslated")
async def test_editing_the_words_of_a_translated_claim_says_so(harness: Harness) -> None:
    out = joined(await harness.send('/edit 3 quote="Now they doubled it."', OWNER))
    assert "has translations" not in out
    await harness.send(f"/translate 3 ru {RU}", OWNER)
    await harness.send("/translate 3 ko 두 배로 늘렸다.", OWNER)
    out = joined(await harness.send('/edit 3 quote="Now they doubled it again."', OWNER))
    assert (
        "ℹ️ #3 has translations (ko, ru) made of its earlier words: check them with /translate 3."
    ) in out
    out = joined(await harness.send("/edit 3 place=Sakhalin", OWNER))
    assert "has translations" not in out
