"""The seed's editors' translations (issue 12): one per language per claim with words, in
that language's script, figures and place names kept; a fresh store answers in Russian
with the translation marked as the editors' and the report's words marked as the
original; its export carries them; an older store gets them by a merge import of the
seed (or of its translations alone), which changes nothing else."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import pytest

from bot.engine.wording import speaking
from bot.i18n import translator
from bot.markup import plain_text
from bot.runtime import Runtime
from db.kinds import Language
from db.transfer import export_document, import_document, seed_document

LANGUAGES = ("ru", "zh", "ko")
SCRIPTS = {
    "ru": re.compile(r"[А-Яа-яЁё]"),
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ko": re.compile(r"[\uac00-\ud7a3]"),
}
# A quote is translated as a quote, in the language's marks.
QUOTE_MARKS = {"ru": ("«", "»"), "zh": ("“", "”"), "ko": ("“", "”")}
NBSP = "\xa0"
DOUBLED_RU = (
    "«Теперь, когда власти удвоили норму „денег верности“ на „последний год съезда партии“, "
    "рабочие жалуются, что не увидят ни копейки, даже если будут работать до смерти.»"
)
DOUBLED_EN = (
    "“Now that authorities have doubled the loyalty cash quota for the 'final year of the "
    "Party Congress,' workers complain they won't see a penny even if they work themselves "
    "to death.”"
)


def _translations() -> dict[tuple[int, str], str]:
    return {
        (row["claim_id"], row["language"]): row["text"] for row in seed_document()["translations"]
    }


def test_exactly_one_translation_per_language_of_every_claim_with_words() -> None:
    seed = seed_document()
    assert seed["version"] == 3
    worded = {c["id"] for c in seed["claims"] if c["statement"] or c["quote"]}
    assert len(worded) == 16
    counts = Counter((row["claim_id"], row["language"]) for row in seed["translations"])
    assert set(counts.values()) == {1}
    assert set(counts) == {(claim_id, lang) for claim_id in worded for lang in LANGUAGES}


def test_each_translation_is_in_its_language_and_a_quote_stays_a_quote() -> None:
    claims = {c["id"]: c for c in seed_document()["claims"]}
    for (claim_id, language), text in _translations().items():
        others = [SCRIPTS[other] for other in LANGUAGES if other != language]
        assert SCRIPTS[language].search(text), (claim_id, language)
        assert not any(script.search(text) for script in others), (claim_id, language)
        opening, closing = QUOTE_MARKS[language]
        is_quote = text.startswith(opening) and text.endswith(closing)
        assert is_quote == bool(claims[claim_id]["quote"]), (claim_id, language)


def test_figures_and_place_names_are_kept() -> None:
    texts = _translations()
    for language, sakhalin, rubles, yuan in (
        ("ru", "Сахалин", f"62{NBSP}000", f"3{NBSP}400"),
        ("zh", "萨哈林", "62,000", "3,400"),
        ("ko", "사할린", "62,000", "3,400"),
    ):
        assert sakhalin in texts[1, language] and rubles in texts[1, language]
        assert "730" in texts[1, language]
        assert yuan in texts[2, language]


async def test_a_fresh_store_answers_in_russian_with_both_marked(runtime: Runtime) -> None:
    engine = await runtime.answer_engine()
    with speaking(translator(Language.RU)):
        lines = [
            plain_text(line) for line in engine.answer("что говорят рабочие на сахалине").lines
        ]
    assert lines[-1] == (
        f"Также: {DOUBLED_RU} (перевод редакции) — {DOUBLED_EN} (оригинал, английский) "
        "Источник: источник в России, рассказавший Daily NK; опубликовал HNGN — не проверено [#3]"
    )
    with speaking(translator(Language.EN)):
        english = [plain_text(line) for line in engine.answer("sakhalin quota").lines]
    assert any(DOUBLED_EN in line for line in english)
    assert not any(SCRIPTS["ru"].search(line) for line in english)


async def _export(rt: Runtime) -> dict[str, Any]:
    async with rt.sessionmaker() as session:
        document = await export_document(session)
    document.pop("exported_at")
    return document


def _sorted(rows: list[dict[str, Any]]) -> list[tuple[int, str, str]]:
    return sorted((row["claim_id"], row["language"], row["text"]) for row in rows)


async def test_a_fresh_stores_export_carries_the_seeds_translations(runtime: Runtime) -> None:
    exported = await _export(runtime)
    assert len(exported["translations"]) == 48
    assert _sorted(exported["translations"]) == _sorted(seed_document()["translations"])


def _translations_only() -> dict[str, Any]:
    # What docs/editors.md has an owner write: the seed's translations alone.
    seed = seed_document()
    return json.loads(json.dumps({key: seed[key] for key in ("format", "version", "translations")}))


@pytest.mark.parametrize("document", [seed_document, _translations_only])
@pytest.mark.usefixtures("untranslated")
async def test_a_store_seeded_before_gets_them_by_a_merge_and_nothing_else(
    runtime: Runtime, document: Any
) -> None:
    before = await _export(runtime)
    assert before["translations"] == []
    async with runtime.sessionmaker() as session:
        await import_document(session, document())  # as `python -m bot import FILE` does
    after = await _export(runtime)
    assert _sorted(after["translations"]) == _sorted(seed_document()["translations"])
    new_history = after["history"][len(before["history"]) :]
    assert after["history"][: len(before["history"])] == before["history"]
    assert sorted((row["entity_id"], row["field"]) for row in new_history) == sorted(
        (claim_id, f"translation_{language}") for claim_id, language in _translations()
    )
    for key in before.keys() - {"translations", "history"}:
        assert after[key] == before[key], key
    engine = await runtime.answer_engine()
    with speaking(translator(Language.RU)):
        lines = [
            plain_text(line) for line in engine.answer("что говорят рабочие на сахалине").lines
        ]
    assert f"{DOUBLED_RU} (перевод редакции)" in lines[-1]
