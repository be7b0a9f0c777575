"""README's "In four languages" examples are what `ask` prints: each shown line (before its
"…") is a line of the answer to the question above it, composed in the question's language."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from bot.engine.wording import speaking
from bot.i18n import detect, translator
from bot.markup import plain_text
from testkit.engine import seeded_engine

README = Path(__file__).resolve().parents[2] / "README.md"


def _examples() -> list[tuple[str, list[str]]]:
    part = README.read_text(encoding="utf-8").split("## In four languages", 1)[1]
    block = part.split("```text\n", 1)[1].split("```", 1)[0]
    examples: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        asked = re.fullmatch(r'\$ \./scripts/run ask "(.+)"', line)
        if asked:
            examples.append((asked.group(1), []))
        elif examples and line.strip() != "…":
            examples[-1][1].append(line.split(" …", 1)[0])
    return examples


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("readme") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def test_the_readme_shows_one_example_in_each_other_language() -> None:
    assert [str(detect(question)) for question, _ in _examples()] == ["ru", "zh", "ko"]


@pytest.mark.parametrize(("question", "shown"), _examples(), ids=lambda v: str(v)[:12])
def test_each_shown_line_is_in_the_answer(
    engine: AnswerEngine, question: str, shown: list[str]
) -> None:
    with speaking(translator(detect(question) or "en")):
        reply = engine.answer(question)
    # The answer's no-break spaces (CLDR's digit groups) read as spaces in the README.
    answer = [re.sub("[\u00a0\u202f]", " ", plain_text(line)) for line in reply.lines]
    body = [line for line in shown if not line.startswith(("⚠️", "Слова издания"))]
    for line in body:
        assert any(a.startswith(line) for a in answer), line
