"""Attributes no claim holds, asked in word forms the cue tables cannot key
(bot/engine/attribute_forms.py): what the workers eat, what they are paid, what happens to
those who fall short, who enforces it, how money goes home, the regime's total take and
since when the system exists, in Russian forms whose lemma is another word too ("едят"),
Korean stems in any ending ("벌어요", "못 채운"), Chinese compounds ("吃啥", "往家里寄钱")
and English asks with words between their parts. The answer says the report does not say,
in the asker's language, with no quota figure; and "when did it double" in any language is
the date line, not the quota block (bot/engine/date_asks.py). Each case is a wording of its
own, written apart from the question sets; the negatives keep what they answer today."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.attribute_forms import attributes_in
from bot.engine.date_asks import when_word
from bot.engine.vocabulary import Attribute
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("attribute_forms") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


QUOTA_FIGURES = ("62,000", "62 000", "124,000", "124 000", "3,400", "3 400", "6,800", "6 800")
SILENT = {
    Language.EN: "does not say",
    Language.RU: "не говорится",
    Language.ZH: "报道没有",
    Language.KO: "나와 있지 않습니다",
}
A = Attribute

ASKED = [
    ("how much are the sakhalin guys paid", Language.EN, A.WAGES),
    ("how much were those dalian women earning", Language.EN, A.WAGES),
    ("what happens to a guy who comes up short on sakhalin", Language.EN, A.PENALTY),
    ("and if a worker in dalian can't cough up?", Language.EN, A.PENALTY),
    ("who makes sure they pay up on sakhalin", Language.EN, A.SUPERVISORS),
    ("who keeps tabs on the dalian girls", Language.EN, A.SUPERVISORS),
    ("что они едят в даляне", Language.RU, A.FOOD),
    ("чем кормят рабочих на сахалине", Language.RU, A.FOOD),
    ("сколько им платят на сахалине в месяц", Language.RU, A.WAGES),
    ("скока рабочим в даляне платят", Language.RU, A.WAGES),
    ("кто следит чтобы они платили в даляне", Language.RU, A.SUPERVISORS),
    ("как они переводят деньги домой с сахалина", Language.RU, A.PAYMENT_METHOD),
    ("как давно существует эта система поборов на сахалине", Language.RU, A.QUOTA_HISTORY),
    ("大连工人平时吃啥", Language.ZH, A.FOOD),
    ("萨哈林那边伙食咋样", Language.ZH, A.FOOD),
    ("朝鲜从这些工人身上一共捞了多少", Language.ZH, A.STATE_REVENUE),
    ("大连谁盯着他们交钱", Language.ZH, A.SUPERVISORS),
    ("萨哈林工人咋往家里寄钱", Language.ZH, A.PAYMENT_METHOD),
    ("这个制度在萨哈林是从啥时候开始的", Language.ZH, A.QUOTA_HISTORY),
    ("사할린 노동자들 한 달에 얼마 벌어요", Language.KO, A.WAGES),
    ("다롄 여공들 얼마씩 받아요", Language.KO, A.WAGES),
    ("다롄에서 못 채운 사람은 어떻게 돼요", Language.KO, A.PENALTY),
    ("북한이 이걸로 총 얼마나 챙겨요", Language.KO, A.STATE_REVENUE),
    ("다롄에서 누가 감시해요", Language.KO, A.SUPERVISORS),
    ("사할린에서 이 제도는 언제부터 있었어요", Language.KO, A.QUOTA_HISTORY),
]


@pytest.mark.parametrize(("question", "language", "attribute"), ASKED)
def test_the_form_is_read_as_its_attribute(
    question: str, language: Language, attribute: Attribute
) -> None:
    assert attribute in attributes_in(question.casefold(), language)


@pytest.mark.parametrize(("question", "language", "attribute"), ASKED)
def test_the_answer_says_the_report_does_not_say(
    engine: AnswerEngine, question: str, language: Language, attribute: Attribute
) -> None:
    assert attribute in engine.understand(question).attributes
    text = "\n".join(lines_in(engine, question, language))
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    assert SILENT[language] in text, text
    assert not any(figure in text for figure in QUOTA_FIGURES), text


NOT_ASKED = [
    ("how much do the sakhalin workers pay", Language.EN),
    ("how much does north korea make from it", Language.EN),
    ("who says the quota doubled", Language.EN),
    ("who watches over them, does anyone notice", Language.EN),
    ("есть ли норма в даляне", Language.RU),
    ("сколько платят рабочие на сахалине", Language.RU),
    ("кто сказал что норму удвоили", Language.RU),
    ("大连工人交多少钱", Language.ZH),
    ("谁说翻倍了", Language.ZH),
    ("사할린 노동자들 얼마 내요", Language.KO),
    ("누가 그렇게 말했어요", Language.KO),
]


@pytest.mark.parametrize(("question", "language"), NOT_ASKED)
def test_the_quota_and_the_sources_are_no_such_form(question: str, language: Language) -> None:
    assert attributes_in(question.casefold(), language) == ()


WHEN = [
    ("사할린은 언제 두배로 올랐어요", Language.KO, "no date for the change"),
    ("사할린 할당량 언제부터 두 배가 됐나요", Language.KO, "no date for the change"),
    ("萨哈林从什么时候开始翻倍的", Language.ZH, "no date for the change"),
    ("大连啥时候涨的指标", Language.ZH, "March 10"),
    ("когда на сахалине удвоили норму", Language.RU, "no date for the change"),
    ("а в даляне когда подняли норму?", Language.RU, "March 10"),
]


@pytest.mark.parametrize(("question", "language", "line"), WHEN)
def test_when_it_doubled_is_the_date_line_not_the_quota_block(
    engine: AnswerEngine, question: str, language: Language, line: str
) -> None:
    assert when_word(question, language)
    text = "\n".join(lines_in(engine, question, Language.EN))
    assert line in text, text
    assert not any(figure in text for figure in QUOTA_FIGURES), text


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("сколько сейчас норма на сахалине", Language.RU),
        ("大连现在交多少", Language.ZH),
        ("사할린 지금 얼마예요", Language.KO),
    ],
)
def test_no_when_word_no_date_ask(question: str, language: Language) -> None:
    assert not when_word(question, language)


@pytest.mark.parametrize(
    ("question", "figure"),
    [("다롄얼마?언제부터?", "3,400"), ("сколько на сахалине и когда подняли", "62,000")],
)
def test_an_amount_asked_beside_when_keeps_the_figures(
    engine: AnswerEngine, question: str, figure: str
) -> None:
    text = "\n".join(lines_in(engine, question, Language.EN))
    assert figure in text, text
