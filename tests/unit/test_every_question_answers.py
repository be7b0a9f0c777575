"""Every question of every committed set, as typed, in capitals and in lower case, gets an
answer with the caveat: no exception for any wording ("ЭТО ПРАВДА … ПО ТЕЛЕВИЗОРУ СКАЗАЛИ"
once raised an IndexError where an off-topic word was named back to the asker)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from bot.engine.wording import speaking
from bot.i18n import Language, translator
from testkit.engine import seeded_engine, text_of

SETS = sorted(
    path
    for path in (Path(__file__).parents[1] / "questions").glob("*.json")
    if "questions" in json.loads(path.read_text(encoding="utf-8"))
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("every") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def test_an_off_topic_word_stored_as_its_lemma_is_named_as_typed(engine: AnswerEngine) -> None:
    question = "ЭТО ПРАВДА ЧТО ИХ ЗАСТАВЛЯЮТ ПЛАТИТЬ В ТРИ РАЗА БОЛЬШЕ?? ПО ТЕЛЕВИЗОРУ СКАЗАЛИ"
    with speaking(translator(Language.RU)):
        text = text_of(engine, question)
    assert "не утроилась" in text
    assert "не о теме «телевизору»" in text


@pytest.mark.parametrize("path", SETS, ids=[p.stem for p in SETS])
def test_every_question_of_a_set_is_answered_in_every_case(
    engine: AnswerEngine, path: Path
) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    language = Language(data.get("language", "en"))
    failures: list[str] = []
    with speaking(translator(language)):
        for item in data["questions"]:
            for question in {item["question"], item["question"].upper(), item["question"].lower()}:
                try:
                    text = text_of(engine, question)
                except Exception as error:  # every failure is reported, not only the first
                    failures.append(f"{item['id']} {question!r}: {error!r}")
                    continue
                if "HNGN cannot independently verify the claims." not in text:
                    failures.append(f"{item['id']} {question!r}: no caveat")
    assert failures == []
