"""How many people, asked in words no cue lists (bot/engine/headcount_asks.py): a Russian
quantity word before any noun pymorphy3 tags animate ("сколько сварщиков"), a Chinese
quantity word before a word ending in a person's character ("好多个朝鲜工人"), a Korean
counter for people ("몇사람", "근로자 수"), an English noun in a person noun's shape ("how
many welders"). The report gives no head count: the answer says so in the asker's language
and shows no quota figure. Each case is a wording of its own, written apart from the
question sets; the negatives are amounts, times and people who are not the workers."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.headcount_asks import headcount_asked
from bot.engine.language import Language
from bot.engine.vocabulary import Attribute
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("headcount_asks") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


# The workforce silence as each language words it (bot/locale/*/bot.po).
SILENCE = {
    Language.EN: "does not say how many workers there are",
    Language.RU: "сколько всего рабочих",
    Language.ZH: "工人人数",
    Language.KO: "노동자가 몇 명인지 나와 있지 않습니다",
}
# Every quota figure of the seed, as the answer prints it in any language.
QUOTA_FIGURES = ("62,000", "62 000", "124,000", "124 000", "3,400", "3 400", "6,800", "6 800")

ASKED = [
    ("сколько сварщиков на Сахалине?", Language.RU),
    ("скока строителей работает на сахалине", Language.RU),
    ("сколько северокорейских рыбообработчиков в Даляне", Language.RU),
    ("а сколько там девчонок работает в даляне", Language.RU),
    ("сколько мужиков на сахалине пашет", Language.RU),
    ("число гастарбайтеров из КНДР на Сахалине", Language.RU),
    ("萨哈林有好多个朝鲜工人", Language.ZH),
    ("大连那边有几个朝鲜女工", Language.ZH),
    ("大连一共几多工人啊", Language.ZH),
    ("萨哈林那边北韩劳工有多少个", Language.ZH),
    ("大连的厂里有几百个朝鲜人吗", Language.ZH),
    ("사할린 건설현장에 북한사람 몇사람", Language.KO),
    ("사할린에 있는 북한 근로자 수는?", Language.KO),
    ("다롄에 북한 여공들 수가 궁금해요", Language.KO),
    ("사할린 공사판에 북한 인부 몇 놈 있냐", Language.KO),
    ("다롄 공장 직원 수는요?", Language.KO),
    ("how many welders are in sakhalin", Language.EN),
    ("how many north korean seamstresses work in dalian", Language.EN),
    ("how many fishermen in dalian are from the north", Language.EN),
    ("number of nk labourers in dalian?", Language.EN),
    ("how many carpenters on sakhalin", Language.EN),
]

NOT_ASKED = [
    ("сколько рублей платят на сахалине", Language.RU),
    ("сколько у них зарплата", Language.RU),
    ("сколько часов в день они работают", Language.RU),
    ("сколько детей у рабочих", Language.RU),
    ("сколько платят корейцы", Language.RU),
    ("сколько раз подняли норму", Language.RU),
    ("сколько корейцев платят норму на сахалине", Language.RU),
    ("сколько северян сдают деньги", Language.RU),
    ("大连多少人民币", Language.ZH),
    ("大连有几个工厂", Language.ZH),
    ("工人多少工资", Language.ZH),
    ("每人交多少", Language.ZH),
    ("多少钱一个人", Language.ZH),
    ("工人交多少钱", Language.ZH),
    ("사할린에서 몇 년 일해요", Language.KO),
    ("사할린 할당량 얼마 내요", Language.KO),
    ("노동자 수입은 얼마", Language.KO),
    ("how many rubles do workers pay", Language.EN),
    ("how many hours do they work", Language.EN),
    ("how many sources does the report have", Language.EN),
    ("how many children do the workers have", Language.EN),
    ("how many dollars is that", Language.EN),
]


@pytest.mark.parametrize(("question", "language"), ASKED)
def test_a_head_count_is_read(question: str, language: Language) -> None:
    assert headcount_asked(question.casefold(), language)


@pytest.mark.parametrize(("question", "language"), NOT_ASKED)
def test_amounts_times_and_other_people_are_no_head_count(
    question: str, language: Language
) -> None:
    assert not headcount_asked(question.casefold(), language)


@pytest.mark.parametrize(("question", "language"), ASKED)
def test_the_answer_says_the_report_gives_no_head_count(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    assert Attribute.WORKFORCE in engine.understand(question).attributes
    text = "\n".join(lines_in(engine, question, language))
    assert SILENCE[language] in text, text
    assert not any(figure in text for figure in QUOTA_FIGURES), text


@pytest.mark.parametrize(
    ("question", "language", "figure"),
    [
        ("сколько рублей платят на сахалине", Language.RU, "62 000"),
        ("大连工人交多少钱", Language.ZH, "3,400"),
        ("사할린 노동자 얼마 내요", Language.KO, "62,000"),
        ("how many rubles do sakhalin workers pay", Language.EN, "62,000"),
    ],
)
def test_an_amount_asked_keeps_its_figure(
    engine: AnswerEngine, question: str, language: Language, figure: str
) -> None:
    assert Attribute.WORKFORCE not in engine.understand(question).attributes
    text = "\n".join(lines_in(engine, question, language))
    assert figure in text.replace("\u00a0", " ").replace("\u202f", " "), text
