"""Issue 12: a Russian, Chinese or Korean answer carries no English word outside what may stay
in Latin letters (proper names, currency codes, the caveats' original sentences, the reports'
titles, the reports' words marked as the original; bench/latin.py's ``leftover``), over the
seed and over the seed with the second report (RFA, 2020)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bench.latin import leftover
from bot.engine import AnswerEngine, Reply
from bot.engine.wording import speaking
from bot.i18n import Language, translator
from bot.markup import plain_text
from bot.sending.messages import build_messages
from testkit.engine import RFA_2020, engine_with, seeded_engine

# Twenty-one questions per language: figures, sources, dates, the article, trust, a per-year
# derivation, a place and a kind of work the reports do not cover, the second report's levy.
QUESTIONS = {
    Language.RU: (
        "сколько теперь должны платить рабочие на Сахалине",
        "квота в Даляне",
        "когда началось в Даляне",
        "квота в месяц или в год?",
        "сколько это в долларах для России",
        "какое издание это опубликовало",
        "как называется статья",
        "почему удвоили",
        "это кто-нибудь подтвердил?",
        "Россия против Китая квота",
        "кто на фото",
        "когда опубликована статья",
        "кто автор статьи",
        "сколько это в год",
        "кто это говорит",
        "какая квота в Шэньяне",
        "сколько должен платить каждый торговый работник в Китае в фонд лояльности",
        "супружеская пара, сколько всего?",
        "срок уплаты фонда лояльности?",
        "кто источник RFA",
        "сколько платят официанты в ресторане",
    ),
    Language.ZH: (
        "萨哈林的工人现在要交多少",
        "大连配额",
        "大连的事什么时候开始的",
        "配额是每月还是每年",
        "俄罗斯的配额换成美元是多少",
        "哪家媒体发表的",
        "文章标题是什么",
        "为什么翻倍",
        "这些有人证实吗",
        "俄罗斯和中国的配额比较",
        "照片里是谁",
        "文章什么时候发表的",
        "文章作者是谁",
        "一年多少钱",
        "谁说的",
        "沈阳的配额是多少",
        "中国的每个贸易工人要为忠诚资金交多少",
        "夫妻俩一共多少",
        "忠诚资金的截止日期",
        "RFA的消息来源是谁",
        "餐厅服务员的配额是多少",
    ),
    Language.KO: (
        "사할린 노동자들은 이제 얼마를 내야 하나요",
        "다롄 할당량",
        "다롄 일은 언제 시작됐나요",
        "할당량은 월별인가요 연간인가요",
        "러시아 할당량 달러로 얼마",
        "어느 언론사가 보도했나요",
        "기사 제목이 뭐예요",
        "왜 두 배로 올렸나요",
        "이거 확인된 건가요",
        "러시아 대 중국 할당량",
        "사진 속 인물은 누구",
        "기사는 언제 나왔나요",
        "기사 작성자는 누구",
        "1년에 얼마예요",
        "누가 그렇게 말해요",
        "선양 할당량은 얼마",
        "중국의 무역 노동자 1인당 충성자금 얼마 내야 해요",
        "부부면 합계 얼마",
        "충성자금 납부 기한은",
        "RFA 소식통은 누구",
        "식당 종업원 할당량은",
    ),
}


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path: Path = tmp_path_factory.mktemp("latin") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path: Path = tmp_path_factory.mktemp("latin") / "two.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", RFA_2020))


def text(engine: AnswerEngine, reply: Reply, language: Language) -> str:
    parts = build_messages(reply.lines, reply.caveats(engine.snapshot), language=language)
    return "\n".join(plain_text(part) for part in parts)


def english_left(engine: AnswerEngine, language: Language) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    with speaking(translator(language)):
        asked = [(q, engine.answer(q)) for q in QUESTIONS[language]]
        commands = [
            ("/quotas", engine.quotas()),
            ("/sources", engine.sources()),
            ("/caveat", engine.caveat()),
            ("/article", engine.article()),
        ]
        for question, reply in asked + commands:
            words = leftover(text(engine, reply, language))
            if words:
                found[question] = words
    return found


@pytest.mark.parametrize("language", list(QUESTIONS))
def test_no_english_left_over_the_seed(seed: AnswerEngine, language: Language) -> None:
    assert english_left(seed, language) == {}


@pytest.mark.parametrize("language", list(QUESTIONS))
def test_no_english_left_with_the_second_report(two: AnswerEngine, language: Language) -> None:
    assert english_left(two, language) == {}


def test_the_check_sees_english() -> None:
    """The check itself: a stored English source name or deadline is caught, the allowed
    names and a marked original are not."""
    assert leftover("Источник: a source in Russia, рассказавший Daily NK") == [
        "a", "source", "in", "Russia",
    ]  # fmt: skip
    assert leftover("12 000 юаней, by the end of the month") == [
        "by",
        "the",
        "end",
        "of",
        "the",
        "month",
    ]
    assert leftover("HNGN, Radio Free Asia, Kim Jong Un, 730 USD, RUB") == []
    assert leftover("• Many workers paid. (оригинал, английский)") == []
