"""Round 8, Russian, Chinese and Korean, by class of cause: a part that only says when
("翻倍之后，…", "…, после удвоения") or only gives a span ("假设干三年，…") goes with the sum
it qualifies; a yearly sum "at the new amount" is a sum, not the basis asked; after "the
report does not say", a part that asks nothing ("有个准数没") shows no quota block; weather,
clock and exam asks beside a place are another subject. Each case is a wording of its own,
written apart from the question sets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine

QUOTA_FIGURES = ("62,000", "124,000", "3,400", "6,800")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("round8xx") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def reply(engine: AnswerEngine, question: str) -> str:
    return "\n".join(lines_in(engine, question, Language.EN))


@pytest.mark.parametrize(
    "question",
    [
        "涨了之后 俩地方加一起一个月多少美元",
        "인상 후에 두 지역 합계는 달러로 얼마?",
        "두 배 되고 나서 두 곳 합치면 한 달에 달러로 얼마나 돼요",
        "после удвоения, сколько вместе в долларах в месяц по двум местам?",
        "сколько теперь в долларах вместе сахалинский и далянский рабочий",
        "after the doubling, how much do both places pay in total per month in dollars?",
        "翻倍以后，两个地方每月一共多少美元？",
    ],
)
def test_both_together_after_the_doubling_sums_the_new_amounts(
    engine: AnswerEngine, question: str
) -> None:
    text = reply(engine, question)
    assert "2,400" in text, text
    assert "1,200" not in text, text


@pytest.mark.parametrize(
    ("question", "shown", "hidden"),
    [
        ("сколько в год на человека по новой сумме на сахалине", "1,488,000", "744,000"),
        ("how much a year per person at the new amount in sakhalin", "1,488,000", "744,000"),
        ("大连一年要交多少，按翻倍算", "81,600", "40,800"),
        ("сколько в год на даляне, после удвоения", "81,600", "40,800"),
    ],
)
def test_a_yearly_sum_at_the_new_amount_is_computed(
    engine: AnswerEngine, question: str, shown: str, hidden: str
) -> None:
    text = reply(engine, question)
    assert shown in text, text
    assert hidden not in text, text


@pytest.mark.parametrize("question", ["is it per month or per year?", "это в месяц или в год?"])
def test_per_month_or_per_year_still_asks_the_basis(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert "per month" in text, text
    assert "744,000" not in text and "a year" not in text, text


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("要是在大连干满三年，按新标准一共交多少钱？", "244,800"),
        ("假设萨哈林工人干两年，翻倍后总共要交多少卢布", "2,976,000"),
    ],
)
def test_a_span_told_before_the_sum_goes_with_it(
    engine: AnswerEngine, question: str, shown: str
) -> None:
    text = reply(engine, question)
    assert shown in text, text


@pytest.mark.parametrize(
    "question",
    [
        "萨哈林有多少朝鲜工人 有没有准确数字",
        "大连那边工人工资多少 挣得多吗 我觉得不少",
        "大连是哪几家工厂雇的朝鲜人 想去看看",
        "要是交不够会怎样 有处罚吗",
    ],
)
def test_after_does_not_say_a_part_that_asks_nothing_shows_no_quota(
    engine: AnswerEngine, question: str
) -> None:
    text = reply(engine, question)
    assert "does not say" in text, text
    assert not [figure for figure in QUOTA_FIGURES if figure in text], text


@pytest.mark.parametrize(
    "question",
    [
        "大连什么时候下场雪啊 得换轮胎了",
        "大连现在几点了",
        "사할린 지금 몇 시야?",
        "на сахалине сейчас который час?",
        "什么时候出四六级成绩",
    ],
)
def test_weather_clock_and_exam_asks_are_another_subject(
    engine: AnswerEngine, question: str
) -> None:
    text = reply(engine, question)
    assert "I can only answer" in text, text
    assert not [figure for figure in QUOTA_FIGURES if figure in text], text


@pytest.mark.parametrize(
    "question",
    [
        "В Якутии на стройках работники из КНДР есть? Какие у них нормы сдачи?",
        "а в монголии их много? сколько они там сдают",
        "沈阳那些朝鲜餐厅的服务员，她们也要交这个钱吗",
        "新义州那边加工厂的工人呢 国内的也要交吗",
        "몽골에도 북한 노동자 있어요? 거기는 얼마 내요?",
        "what about kuwait? how much do they pay there",
    ],
)
def test_a_later_part_after_an_uncovered_place_is_about_that_place(
    engine: AnswerEngine, question: str
) -> None:
    text = reply(engine, question)
    assert "does not mention" in text, text
    assert not [figure for figure in QUOTA_FIGURES if figure in text], text
    assert not text.endswith("\n"), repr(text)


@pytest.mark.parametrize(
    "question",
    [
        "介个消息哪来滴",
        "消息是匿名的吗 没人露名字？",
        "이 정보 어디서 흘러나왔어요",
        "내부자가 알려준 거예요?",
    ],
)
def test_where_the_news_came_from_asks_the_sources(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert "Daily NK" in text and "a source in Russia" in text, text
    assert not [figure for figure in QUOTA_FIGURES if figure in text], text


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("как власти это обосновали?", "patriotic movement"),
        ("как они этот год называют?", "Eighth Party Congress"),
        ("как называют этот год в пхеньяне", "Eighth Party Congress"),
        ("а обжаловать это можно? через профсоюз например", "no means of protesting"),
        ("돈 모아 가지고 뭐 하려고 했대요", "married"),
    ],
)
def test_framing_protest_and_savings_in_other_words(
    engine: AnswerEngine, question: str, shown: str
) -> None:
    text = reply(engine, question)
    assert shown in text, text
    assert "does not say in which year" not in text, text


@pytest.mark.parametrize(
    ("question", "shown", "hidden"),
    [
        ("공사판 애들은 얼마 내요", "62,000", "3,400"),
        ("막노동하는 북한 사람들 한 달에 얼마 바쳐요", "62,000", "3,400"),
        ("생선 공장 쪽은 얼마예요", "3,400", "62,000"),
        ("鱼厂那边交多少", "3,400", "62,000"),
        ("а по рыбе сколько сдают?", "3,400", "62,000"),
        ("на стройплощадках сколько сдают?", "62,000", "3,400"),
    ],
)
def test_a_kind_of_work_in_plain_words_is_that_sector(
    engine: AnswerEngine, question: str, shown: str, hidden: str
) -> None:
    text = reply(engine, question)
    assert shown in text, text
    assert hidden not in text, text


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("다롄은 위안으로 얼마나 더 내게 됐어요", "3,400 yuan (CNY) more"),
        ("사할린은 루블로 얼마나 더 내게 됐어요?", "62,000 rubles (RUB) more"),
        ("на сколько больше стали платить в даляне, в юанях?", "3,400 yuan (CNY) more"),
    ],
)
def test_how_much_more_in_the_places_own_money_is_its_rise(
    engine: AnswerEngine, question: str, shown: str
) -> None:
    text = reply(engine, question)
    assert shown in text, text
    assert "260" not in text, text


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("в даляне сколько сдают и на каких заводах они работают?", "3,400", "does not say"),
        ("сколько платят на сахалине и с какого числа", "62,000", "no date"),
        ("скока на сахалине щас и скока их там вообще корейцев", "124,000", "how many workers"),
        ("сколько их там всего рабочих на сахалине?", "how many workers", "how many workers"),
    ],
)
def test_russian_second_asks_after_a_preposition_or_fillers_are_read(
    engine: AnswerEngine, question: str, first: str, second: str
) -> None:
    text = reply(engine, question)
    assert first in text and second in text, text


@pytest.mark.parametrize(
    "question",
    ["汇率是按哪天算的", "what date is the exchange rate from?", "по курсу на какую дату считали?"],
)
def test_the_date_of_the_exchange_rate_is_not_given(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert "does not say which exchange rate or date" in text, text


def test_a_second_question_after_you_is_read(engine: AnswerEngine) -> None:
    text = reply(engine, "请问文中的图片出自哪里？又，原报导出自何处？")
    assert "Daily NK" in text, text


@pytest.mark.parametrize(
    ("question", "shown", "hidden"),
    [
        ("как называется эта статья?", "Title:", "companies"),
        ("какое название у статьи", "Title:", "companies"),
        ("как называется завод в даляне?", "companies", "Title:"),
        ("这些工人的合同一般签几年？", "contracts", "62,000"),
        ("계약 기간은 보통 몇 년이에요?", "contracts", "62,000"),
    ],
)
def test_the_articles_title_and_the_contract_are_what_is_asked(
    engine: AnswerEngine, question: str, shown: str, hidden: str
) -> None:
    text = reply(engine, question)
    assert shown in text, text
    assert hidden not in text, text


@pytest.mark.parametrize(
    ("question", "shown"),
    [("萨哈林以前一个月交6万多吧", "62,000"), ("大连以前是3千多吧", "3,400")],
)
def test_a_figure_with_duo_after_it_is_no_wrong_figure(
    engine: AnswerEngine, question: str, shown: str
) -> None:
    text = reply(engine, question)
    assert shown in text, text
    assert not text.startswith("No"), text
    assert "60,000" not in text and "3,000" not in text, text


@pytest.mark.parametrize(
    ("question", "outlet"),
    [
        ("слышь а daily nk это чьё? корейское или американское", "Daily NK"),
        ("hngn это чьё издание?", "HNGN"),
        ("데일리NK는 어느 나라 언론이에요?", "Daily NK"),
        ("daily nk是谁办的", "Daily NK"),
    ],
)
def test_whose_outlet_it_is_is_not_given(engine: AnswerEngine, question: str, outlet: str) -> None:
    text = reply(engine, question)
    assert f"does not say who {outlet} is" in text, text
    assert not [figure for figure in QUOTA_FIGURES if figure in text], text
