"""Korean typed with no spaces ("돈왜올림", "그거ㄹㅇ따블임") reads as the same message
spaced; a clipped place name ("블라디", "하바") is the place it clips; a word glossed in
brackets in Russian ("이스토치닉(источник)이") reads as the Korean word."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.wording import speaking
from bot.i18n import Language, translator
from bot.markup import plain_text
from testkit.engine import seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("spaceless") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def _lines(engine: AnswerEngine, question: str) -> list[str]:
    with speaking(translator(Language.KO)):
        return [plain_text(line) for line in engine.answer(question).lines]


@pytest.mark.parametrize(
    ("joined", "spaced"),
    [
        ("돈왜올림", "돈 왜 올림"),
        ("돈왜올렸음", "돈 왜 올렸음"),
        ("사할린돈얼마", "사할린 돈 얼마"),
        ("그거ㄹㅇ따블임", "그거 ㄹㅇ 따블임"),
        ("다롄은따블임?", "다롄은 따블임?"),
        ("왜올렸냐그리고누가그럼", "왜 올렸냐 그리고 누가 그럼"),
        ("돈몇배올랐음", "돈 몇배 올랐음"),
        ("총얼마냄", "총 얼마 냄"),
        ("레알따블임?", "레알 따블임?"),
    ],
)
def test_a_run_without_spaces_reads_as_spaced(
    engine: AnswerEngine, joined: str, spaced: str
) -> None:
    assert _lines(engine, joined) == _lines(engine, spaced)


@pytest.mark.parametrize("question", ["돈왜올림?그리고누가말함?", "돈왜올림그리고누가말함"])
def test_two_questions_run_together_get_both(engine: AnswerEngine, question: str) -> None:
    text = "\n".join(_lines(engine, question))
    assert "이유" in text  # why it rose
    assert "출처" in text  # who says so


@pytest.mark.parametrize("question", ["그거ㄹㅇ따블임", "따블됐음?", "다롄도따블?"])
def test_double_in_slang_gives_the_doubling(engine: AnswerEngine, question: str) -> None:
    text = "\n".join(_lines(engine, question))
    assert "두 배" in text
    assert "보도된 북한 해외 노동자 할당량에 관한 질문" not in text  # not the scope reply


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("블라디도올랐음?", "블라디보스토크"),
        ("블라디는 얼마임", "블라디보스토크"),
        ("하바는 할당량 얼마?", "하바롭스크"),
        ("상트도 두배임?", "상트페테르부르크"),
    ],
)
def test_a_clipped_place_name_is_the_uncovered_place(
    engine: AnswerEngine, question: str, shown: str
) -> None:
    text = "\n".join(_lines(engine, question))
    assert f"보도는 {shown}에 대해 언급하지 않습니다" in text
    assert "62,000" not in text


@pytest.mark.parametrize(
    "question", ["이스토치닉(источник)이 누구예요?", "이스토치닉 (источник) 은 어디 사람?"]
)
def test_a_glossed_russian_word_reads_as_the_korean_one(
    engine: AnswerEngine, question: str
) -> None:
    text = "\n".join(_lines(engine, question))
    assert "익명" in text  # the sources, anonymous


@pytest.mark.parametrize("question", ["브리가다(бригада)당 얼마?", "팀(бригада)당 얼마예요"])
def test_a_gloss_is_not_another_language(engine: AnswerEngine, question: str) -> None:
    text = "\n".join(_lines(engine, question))
    assert "1인당" in text
