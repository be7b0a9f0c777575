"""A seeded answer engine, and an answer as the plain text a person reads."""

from __future__ import annotations

import re
from pathlib import Path

from bot.engine import AnswerEngine
from bot.engine.wording import speaking
from bot.i18n import Language, translator
from bot.markup import plain_text
from bot.runtime import Runtime
from bot.sending.messages import build_messages
from testkit.settings import make_settings


async def seeded_engine(url: str) -> AnswerEngine:
    runtime = Runtime.create(make_settings(url))
    try:
        await runtime.prepare_store()
        return await runtime.answer_engine()
    finally:
        await runtime.close()


# The second real report (issue 11): RFA, October 2020, as an import document.
RFA_2020 = Path(__file__).parent / "reports" / "rfa_2020.json"
# A made-up report for the engine's mechanisms (places with accents and initials, sectors
# named only in the claims' words, facts for one place only): tests/unit/test_any_report.py.
EXAMPLE_ALMANAC = Path(__file__).parent / "reports" / "example_almanac_2023.json"
# Another made-up report, of figures per week, quarter, day (a floor) and year (a range), and
# statements filed under topics of its own: tests/unit/test_report_shapes.py.
SAMPLE_GAZETTE = Path(__file__).parent / "reports" / "sample_gazette_2024.json"
# A made-up report for a new report's words in Russian, Chinese and Korean answers.
TEST_LANTERN = Path(__file__).parent / "reports" / "test_lantern_2023.json"


async def engine_with(url: str, *documents: Path) -> AnswerEngine:
    """A seeded engine with import documents merged after the seed (as `python -m bot
    import` does)."""
    from db.transfer import import_document, read_document

    runtime = Runtime.create(make_settings(url))
    try:
        await runtime.prepare_store()
        for path in documents:
            async with runtime.sessionmaker() as session:
                await import_document(session, read_document(path.read_bytes()))
        return await runtime.answer_engine()
    finally:
        await runtime.close()


def text_of(engine: AnswerEngine, question: str) -> str:
    reply = engine.answer(question)
    parts = build_messages(reply.lines, reply.caveats(engine.snapshot))
    return re.sub(r"<[^>]+>", "", "\n".join(parts))


# The seed's caveat block, as every English reply over the seed ends.
SEED_CAVEAT = "\n\n⚠️ Unverified. HNGN cannot independently verify the claims."


def body_of(engine: AnswerEngine, question: str) -> str:
    """An English reply over the seed without its caveat, which it must end with."""
    text = text_of(engine, question)
    assert text.endswith(SEED_CAVEAT), text
    return text.removesuffix(SEED_CAVEAT)


def lines_in(engine: AnswerEngine, question: str, language: Language) -> list[str]:
    """The answer's lines as plain text, composed in ``language``."""
    with speaking(translator(language)):
        return [plain_text(line) for line in engine.answer(question).lines]
