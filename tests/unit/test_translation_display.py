"""How an answer shows a claim's words (issue 12): English answers as the report gives
them, unchanged; in another language the original marked as the original, after the
editors' stored translation for that language (marked as theirs) where there is one."""

from __future__ import annotations

import pytest

from bot.engine import AnswerEngine
from bot.engine.wording import speaking
from bot.i18n import translator
from bot.markup import escape, plain_text
from bot.runtime import Runtime
from db import editing
from db.editing import Actor
from db.kinds import Language

OWNER = Actor(1001, frozenset({1001}))
QUESTION = "sakhalin workers quota"
QUOTE_3 = (
    "“Now that authorities have doubled the loyalty cash quota for the 'final year of the "
    "Party Congress,' workers complain they won't see a penny even if they work themselves "
    "to death.”"
)
RU_3 = "Теперь, когда власти удвоили квоту, рабочие жалуются, что не увидят ни копейки."
SOURCE_3 = "Source: a source in Russia, who told Daily NK; carried by HNGN — unverified [#3]"
# The attribution in each language's answer (bot/engine/claims.py).
SOURCES = {
    Language.EN: SOURCE_3,
    Language.RU: "Источник: источник в России, рассказавший Daily NK; опубликовал HNGN — "
    "не проверено [#3]",
    Language.ZH: "来源：俄罗斯的一位消息人士，向Daily NK透露；由HNGN刊发——未经证实 [#3]",
    Language.KO: "출처: 러시아 소식통, Daily NK에 전함; HNGN 게재 — 검증되지 않음 [#3]",
}


def _also_line(engine: AnswerEngine, language: Language) -> str:
    """The quota answer's "Also:" line: claim #3's words, in ``language``'s answer."""
    with speaking(translator(language)):
        reply = engine.answer(QUESTION)
    [line] = [plain_text(line) for line in reply.lines if "[#3]" in plain_text(line)]
    return line


@pytest.mark.usefixtures("untranslated")
async def test_without_a_translation_the_original_is_marked_in_the_answers_language(
    runtime: Runtime,
) -> None:
    engine = await runtime.answer_engine()
    # English: exactly as before the issue.
    assert _also_line(engine, Language.EN) == f"Also: {QUOTE_3} {SOURCE_3}"
    assert _also_line(engine, Language.RU) == (
        f"Также: {QUOTE_3} (оригинал, английский) {SOURCES[Language.RU]}"
    )
    assert (
        _also_line(engine, Language.ZH) == f"另见：{QUOTE_3}（原文，英语） {SOURCES[Language.ZH]}"
    )
    assert _also_line(engine, Language.KO) == f"참고: {QUOTE_3} (원문, 영어) {SOURCES[Language.KO]}"


@pytest.mark.usefixtures("untranslated")
async def test_a_stored_translation_comes_first_marked_then_the_original(
    runtime: Runtime,
) -> None:
    async with runtime.sessionmaker() as session:
        await editing.set_translation(session, OWNER, 3, "ru", RU_3)
    engine = await runtime.answer_engine()
    assert _also_line(engine, Language.RU) == (
        f"Также: {RU_3} (перевод редакции) — {QUOTE_3} (оригинал, английский) "
        f"{SOURCES[Language.RU]}"
    )
    # Only in Russian: the other languages and English are as without it.
    assert _also_line(engine, Language.KO) == f"참고: {QUOTE_3} (원문, 영어) {SOURCES[Language.KO]}"
    assert _also_line(engine, Language.EN) == f"Also: {QUOTE_3} {SOURCE_3}"

    # Removed again: the original alone, marked.
    async with runtime.sessionmaker() as session:
        await editing.remove_translation(session, OWNER, 3, "ru")
    engine = await runtime.answer_engine()
    assert _also_line(engine, Language.RU) == (
        f"Также: {QUOTE_3} (оригинал, английский) {SOURCES[Language.RU]}"
    )


async def test_a_translation_is_escaped_and_a_statement_is_marked_too(runtime: Runtime) -> None:
    # Claim 5 has no quote: its statement is the original shown.
    async with runtime.sessionmaker() as session:
        await editing.set_translation(session, OWNER, 5, "zh", "<b>更长的</b> 工作时间")
    engine = await runtime.answer_engine()
    claim = engine.snapshot.claim(5)
    assert claim is not None and claim.quote is None
    with speaking(translator(Language.ZH)):
        line = engine.claim_line(claim)
    statement = escape(claim.statement)
    assert line.startswith(
        f"&lt;b&gt;更长的&lt;/b&gt; 工作时间（编辑部译文） — {statement}（原文，英语） <i>"
    )
