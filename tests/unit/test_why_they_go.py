"""What the workers save for and why they go abroad, asked in Chinese, Russian or Korean,
reaches the stored statements about saving, marriage and going home (not the quota's reason
alone, nor the list of trades, nor the scope reply)."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.wording import speaking
from bot.i18n import Language, translator
from bot.markup import plain_text
from testkit.engine import seeded_engine

SAVINGS = {
    Language.ZH: "存钱、结婚与回家",
    Language.RU: "Сбережения, брак и возвращение домой",
    Language.KO: "저축·결혼·귀국",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("why_they_go") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("工人们存钱是为了什么？", Language.ZH),
        ("他们攒钱干什么", Language.ZH),
        ("攒钱干嘛用", Language.ZH),
        ("他們存錢原本是為了什麼？", Language.ZH),
        ("他们攒钱本来打算干嘛", Language.ZH),
        ("зачем они туда едут-то", Language.RU),
        ("为什么去国外打工", Language.ZH),
        ("他们为啥出国打工", Language.ZH),
        ("зачем они едут за границу", Language.RU),
        ("почему они поехали на заработки", Language.RU),
        ("зачем уезжают за границу?", Language.RU),
        ("왜 해외로 가는 거임", Language.KO),
        ("해외에 나가서 뭐 하려고", Language.KO),
        ("외국 가는 이유가 뭐야", Language.KO),
    ],
)
def test_why_they_go_and_save_reaches_the_savings_statements(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    with speaking(translator(language)):
        lines = [plain_text(line) for line in engine.answer(question).lines]
    assert lines[0] == SAVINGS[language]
