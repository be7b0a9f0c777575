"""Round 10, statements in four languages, by class of cause: a planned stay asked with
a duration and a plan or stay verb ("how long did they mean to stay", "на сколько лет
собирались", "原计划待多长时间", "얼마 동안 있을 계획") is the workers' plan of two or three
years, not the quota nor the time they have been abroad; the state taking most of their pay
is the Russian source's words on earnings; the hours asked in Chinese words of their own;
a source's own words asked for ("exact words", "原话", "дословно", "그대로") are that
source's quotes, not the list of sources; the occasion the campaign marks is its reason.
Each case is a wording of its own, written apart from the question sets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine

QUOTA_FIGURES = ("62,000", "124,000", "3,400", "6,800")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("statements10") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def reply(engine: AnswerEngine, question: str) -> str:
    return "\n".join(lines_in(engine, question, Language.EN))


@pytest.mark.parametrize(
    "question",
    [
        "how long were the workers planning to stay abroad",
        "for how many years did they mean to work over there?",
        "how long did they intend to be away before heading back",
        "на сколько лет рабочие планировали уехать",
        "как долго они собирались там работать?",
        "сколько лет думали отработать перед возвращением домой",
        "他们本来想在那边干多久",
        "工人原计划在国外待多长时间？",
        "原来打算出去多长时间",
        "노동자들은 해외에서 몇 년 정도 일할 생각이었나요",
        "원래 얼마나 있다가 돌아갈 계획이었어?",
        "처음에 얼마 동안 머물 예정이었대?",
    ],
)
def test_a_planned_stay_is_the_two_or_three_years(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert "two or three years" in text, text
    assert "does not say that" not in text, text
    assert not any(figure in text for figure in QUOTA_FIGURES), text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("what were the russian source's exact words", "penny"),
        ("can you quote the russian informant directly", "penny"),
        ("give me the verbatim quote from the source in china", "heavier burden"),
        ("中国那个消息人士原话是什么", "heavier burden"),
        ("俄罗斯线人具体是怎么说的，原文给我", "penny"),
        ("дай точную цитату китайского источника", "heavier burden"),
        ("что дословно сказал источник в россии", "penny"),
        ("러시아 소식통이 한 말 그대로 알려줘", "penny"),
        ("중국 소식통 발언 원문 인용해줘", "heavier burden"),
    ],
)
def test_a_sources_own_words_are_its_quotes(engine: AnswerEngine, question: str, said: str) -> None:
    text = reply(engine, question)
    assert said in text, text


@pytest.mark.parametrize(
    "question",
    [
        "кто это сказал про китай?",
        "а кто сообщил это изданию",
        "중국 얘기는 누가 말했어?",
        "俄罗斯的事是谁说的",
        "who said that about china",
    ],
)
def test_who_said_it_is_still_the_sources(engine: AnswerEngine, question: str) -> None:
    assert "Daily NK" in reply(engine, question)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("在俄的消息人士原话怎么说", "penny"),
        ("驻俄那个线人说了什么", "penny"),
        ("在华消息人士具体说了啥", "heavier burden"),
    ],
)
def test_a_chinese_short_form_of_the_country_names_its_source(
    engine: AnswerEngine, question: str, said: str
) -> None:
    assert said in reply(engine, question)


@pytest.mark.parametrize(
    "question",
    [
        "what occasion is it meant to mark",
        "what's the occasion for the increase?",
        "what event is this money supposed to honour",
        "what milestone are they marking with it",
        "why the sudden hike for the workers?",
        "他们的额度为啥突然涨了",
        "凭什么翻倍",
        "这次干嘛要把额度往上调",
        "а с чего вдруг подняли?",
        "зачем удвоили взнос",
        "почему повысили сумму",
        "왜 갑자기 올린 거야?",
        "무슨 명목으로 인상했대?",
        "두 배로 늘린 건 무슨 날 때문이야?",
    ],
)
def test_why_it_rose_or_what_it_marks_is_the_reason(engine: AnswerEngine, question: str) -> None:
    # "why" beside a verb of rising is weak, as "why" is: with nothing else tying it to
    # the report ("почему мой канал перестал расти") it is about something else.
    text = reply(engine, question)
    assert "final year" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "почему у меня зарплата не растёт уже год",
        "为啥最近房价又涨了",
        "왜 요즘 물가가 이렇게 올랐어?",
    ],
)
def test_why_something_else_rose_is_not_the_reason(engine: AnswerEngine, question: str) -> None:
    assert "final year" not in reply(engine, question)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("сколько платят на сахалине, и почему так вышло у них", "62,000"),
        ("大连要交多少，还有为啥会这样你们知道吗", "3,400"),
        ("다롄 할당량 얼마예요? 그리고 왜 그렇게 된 건지 아시는 분", "3,400"),
    ],
)
def test_a_weak_why_after_a_figure_asked_is_the_reason_too(
    engine: AnswerEngine, question: str, figure: str
) -> None:
    text = reply(engine, question)
    assert figure in text, text
    assert "final year" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "is it true the state pockets most of what they earn",
        "does pyongyang keep the bulk of their wages?",
        "정부가 월급 대부분을 가져간다는 게 사실이야?",
        "번 돈을 거의 다 국가가 떼어 간다던데 맞나요",
        "правда что государство забирает большую часть зарплаты?",
        "власти отбирают почти всё что они зарабатывают?",
        "政府是不是拿走了他们大部分工资",
        "国家把他们挣的钱大多收走了吗",
    ],
)
def test_the_state_taking_most_of_the_pay_is_the_russian_sources_words(
    engine: AnswerEngine, question: str
) -> None:
    text = reply(engine, question)
    assert "most of what" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "现在每天上班时间更长了吗",
        "他们工作时长有没有增加",
        "劳动时间延长了没有",
        "干活的钟头是不是多了",
        "工时拉长了吗",
        "할당량 오른 다음에 노동 시간은 길어졌어?",
        "상납금 늘고 나서 작업 시간 변화 있음?",
        "после повышения взноса рабочий день стал длиннее?",
        "из-за квоты им приходится работать больше часов?",
        "할당금 인상 이후 근무시간이 늘었나요?",
        "두 배로 오른 뒤에 일하는 시간은 어떻게 됐어?",
    ],
)
def test_the_hours_asked_in_words_of_their_own(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert "longer hours" in text, text
    assert not any(figure in text for figure in QUOTA_FIGURES), text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("сколько платят на сахалине и стали ли они работать дольше", "62,000"),
        ("大连一个月交多少钱，工作时间有没有延长", "3,400"),
        pytest.param(
            "사할린은 얼마 내? 근무시간도 늘었어?",
            "62,000",
            marks=pytest.mark.xfail(
                reason="two short Korean parts are read as one, whose change verb keeps them "
                "whole and whose work-time silence then wins over the amount (not the frame)",
                strict=True,
            ),
        ),
    ],
)
def test_an_amount_asked_beside_the_hours_keeps_the_quota(
    engine: AnswerEngine, question: str, figure: str
) -> None:
    text = reply(engine, question)
    assert figure in text, text
    assert "longer hours" in text, text


def test_words_far_apart_in_a_long_message_make_no_frame(engine: AnswerEngine) -> None:
    text = reply(
        engine,
        "most of my old mates down the pub reckon the bosses never took anything "
        "from us back then, so what is the quota on sakhalin",
    )
    assert "62,000" in text, text
