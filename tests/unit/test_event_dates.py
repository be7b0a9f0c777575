"""A publication cue ("когда вышла", "哪天发的") beside a dated event the report names (the
directive, the order, the change) asks the event's date: the date line with the Dalian
directive of March 10, not "the article carries no publication date" alone
(bot/engine/event_dates.py). Asked of the article itself, it stays the publication date."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("event_dates") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


DIRECTIVE = {
    Language.EN: "March 10",
    Language.RU: "10 марта",
    Language.ZH: "3月10日",
    Language.KO: "3월 10일",
}


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Когда вышла директива про удвоение? число нужно", Language.RU),
        ("когда вышел приказ", Language.RU),
        ("директива когда опубликована", Language.RU),
        ("指令哪天发的", Language.ZH),
        ("大连的指令什么时候发的", Language.ZH),
        ("지시 언제 나왔어?", Language.KO),
        ("when did the order come out", Language.EN),
    ],
)
def test_the_event_date_is_asked(engine: AnswerEngine, question: str, language: Language) -> None:
    lines = lines_in(engine, question, language)
    assert any(DIRECTIVE[language] in line for line in lines), lines


@pytest.mark.parametrize(
    ("question", "language", "publication"),
    [
        ("когда вышла статья", Language.RU, "даты публикации у неё нет"),
        ("когда вышла статья про директиву", Language.RU, "даты публикации у неё нет"),
        ("文章哪天发的", Language.ZH, "文章没有注明发布日期"),
        ("기사 언제 나왔어?", Language.KO, "게재일이 없습니다"),
        ("when was the article published", Language.EN, "it carries no publication date"),
    ],
)
def test_the_article_date_stays(
    engine: AnswerEngine, question: str, language: Language, publication: str
) -> None:
    lines = lines_in(engine, question, language)
    assert any(publication in line for line in lines), lines
    assert not any(DIRECTIVE[language] in line for line in lines), lines
