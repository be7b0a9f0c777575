"""Chinese questions by class of cause (round 7): each case is a wording of its own, written
apart from the question sets, with what its reply must and must not hold."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.vocabulary import Intent
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("zh7") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def reply(engine: AnswerEngine, question: str) -> str:
    return "\n".join(lines_in(engine, question, Language.ZH))


QUOTA_FIGURES = ("62,000", "124,000", "3,400", "6,800", "730", "470")

# A currency or North Korea named beside another subject (a falling exchange rate, missile
# launches) is that subject's question: the bot says what it covers, with no quota figure.
OTHER_SUBJECT = [
    "哪里的海鲜最好吃",
    "为什么萨哈林那么冷",
    "卢布汇率为什么跌这么多",
    "人民币最近为啥升值",
    "朝鲜为什么要发射导弹",
    "为什么朝鲜总是搞核试验",
]


@pytest.mark.parametrize("question", OTHER_SUBJECT)
def test_a_why_question_about_another_subject_is_off_topic(
    engine: AnswerEngine, question: str
) -> None:
    assert engine.answer(question).intents == [Intent.OFF_TOPIC]
    text = reply(engine, question)
    assert not any(figure in text for figure in QUOTA_FIGURES), text


# ... while the money spent on weapons is a question the report is silent on.
SPENDING = ["朝鲜是不是拿这些钱造导弹", "這些外匯是不是用來搞導彈", "钱是不是用来造核武器"]


@pytest.mark.parametrize("question", SPENDING)
def test_money_for_weapons_is_what_the_report_does_not_say(
    engine: AnswerEngine, question: str
) -> None:
    assert engine.answer(question).intents == [Intent.SILENT]
    assert "报道没有说明" in reply(engine, question)


# The workers' own words: what the report quotes them saying (their complaint), not a quota.
WORKERS_SAY = ["工人们都怎么讲", "他们自己说了啥", "工人自己怎么说的"]


@pytest.mark.parametrize("question", WORKERS_SAY)
def test_what_the_workers_say_is_their_quoted_complaint(
    engine: AnswerEngine, question: str
) -> None:
    text = reply(engine, question)
    assert "一分钱" in text and "累死" in text
    assert "3,400" not in text and "62,000" not in text


# How the government frames or names it: the "patriotic movement", "celebration of victory".
FRAMING = ["官方把这件事说成什么", "平壤打着什么旗号要钱", "政府管这叫什么运动"]


@pytest.mark.parametrize("question", FRAMING)
def test_how_the_government_frames_it_is_the_reason_given(
    engine: AnswerEngine, question: str
) -> None:
    text = reply(engine, question)
    assert "爱国运动" in text and "胜利" in text
    assert "62,000" not in text and "3,400" not in text


# What became of the workers: longer hours, harder conditions.
AFTERWARDS = [
    "萨哈林的工人现在过得怎么样",
    "翻倍以后劳工的日子咋样了",
    "我想知道朝鲜工人在大连过得好不好",
]


@pytest.mark.parametrize("question", AFTERWARDS)
def test_what_became_of_the_workers_is_the_longer_hours(
    engine: AnswerEngine, question: str
) -> None:
    assert "更长时间" in reply(engine, question)


# The kind of work at the place asked, not every place's.
KIND_OF_WORK = [
    ("萨哈林那边的工人干哪一行", "建筑", "海产品"),
    ("大连工人在啥工厂上班", "海产品", "建筑"),
    ("大連那些朝鮮女工在什麼廠", "海产品", "建筑"),
]


@pytest.mark.parametrize("case", KIND_OF_WORK, ids=[case[0] for case in KIND_OF_WORK])
def test_the_kind_of_work_asked_of_one_place_is_that_place_s(
    engine: AnswerEngine, case: tuple[str, str, str]
) -> None:
    question, shown, other = case
    text = reply(engine, question)
    assert shown in text and other not in text


def test_the_kind_of_work_asked_in_english_of_one_place_is_that_place_s(
    engine: AnswerEngine,
) -> None:
    text = "\n".join(lines_in(engine, "which industry are the dalian workers in", Language.EN))
    assert "seafood" in text and "construction" not in text


# A plant or company by name: the report names none (not the article's card for "哪家").
EMPLOYER = ["萨哈林是哪个公司雇的", "大连那家工厂叫什么", "具体是大连哪一家海鲜厂"]


@pytest.mark.parametrize("question", EMPLOYER)
def test_which_plant_by_name_is_what_the_report_does_not_say(
    engine: AnswerEngine, question: str
) -> None:
    assert engine.answer(question).intents == [Intent.SILENT]
    text = reply(engine, question)
    assert "报道没有说明哪些公司" in text and "HNGN" not in text


# The article's photo ("配图", "插图"): the photo claim, not the article's card or sources.
PHOTO = ["照片上是谁", "這篇文章的配圖是誰", "文章插图是从哪来的"]


@pytest.mark.parametrize("question", PHOTO)
def test_the_article_s_photo_is_the_photo_claim(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert "金正恩" in text and "Sputnik" in text
    assert "消息来源：" not in text and "发布媒体" not in text


# Chinese writes no space between words: a space between two clauses parts two questions.
SPACED_PARTS = [
    ("大连有多少工人 配额多少", "报道没有说明工人人数", "3,400"),
    ("萨哈林配额多少 什么时候开始的", "62,000", "报道没有给出变化的日期"),
    ("萨哈林的工人一个月挣多少 要交多少", "报道没有说明", "62,000"),
]


@pytest.mark.parametrize("case", SPACED_PARTS, ids=[case[0] for case in SPACED_PARTS])
def test_a_space_between_chinese_clauses_parts_two_questions(
    engine: AnswerEngine, case: tuple[str, str, str]
) -> None:
    question, first, second = case
    text = reply(engine, question)
    assert first in text and second in text


# How the money travels home ("渠道"): the report does not say; no quota figure as if it did.
PAYMENT = ["这钱是通过什么渠道交回去的 现金还是转账", "工人的钱怎么交回国"]


@pytest.mark.parametrize("question", PAYMENT)
def test_how_the_money_is_sent_is_what_the_report_does_not_say(
    engine: AnswerEngine, question: str
) -> None:
    text = reply(engine, question)
    assert "报道没有说明指标如何缴纳" in text
    assert "62,000" not in text and "3,400" not in text


# "多交了": 了 marks a change over time; one place's increase, not a comparison of places.
PAID_MORE = [
    ("萨哈林每月多交了多少卢布", "62,000", "3,400"),
    ("大连现在比原来多交了多少钱", "3,400", "62,000"),
    ("大连工人每个月多缴了多少", "3,400", "62,000"),
]


@pytest.mark.parametrize("case", PAID_MORE, ids=[case[0] for case in PAID_MORE])
def test_paid_more_than_before_is_the_place_s_own_increase(
    engine: AnswerEngine, case: tuple[str, str, str]
) -> None:
    question, increase, other = case
    text = reply(engine, question)
    assert "多交" in text and increase in text
    assert other not in text and "US$260" not in text


# A year's sum before and after the rise: both, the new one labelled as implied.
YEAR_BOTH = [
    ("大连一年下来涨之前和涨之后各交多少", Language.ZH, ("40,800", "81,600")),
    ("萨哈林翻倍前后一年各多少", Language.ZH, ("744,000", "1,488,000")),
    ("how much a year in dalian before and after the rise", Language.EN, ("40,800", "81,600")),
]


@pytest.mark.parametrize("case", YEAR_BOTH, ids=[case[0] for case in YEAR_BOTH])
def test_a_year_before_and_after_gives_both_sums(
    engine: AnswerEngine, case: tuple[str, Language, tuple[str, str]]
) -> None:
    question, language, sums = case
    text = "\n".join(lines_in(engine, question, language))
    assert all(total in text for total in sums), text
    assert "翻倍" in text or "doubled" in text


# Who broke the news about a place: that place's sources, not its quota block.
WHO_BROKE_IT = [
    ("薩哈林的消息是誰爆出來的", "俄罗斯的一位消息人士"),
    ("大连这事是谁传出来的", "中国的一位消息人士"),
    ("谁曝光的大连的事", "中国的一位消息人士"),
]


@pytest.mark.parametrize("case", WHO_BROKE_IT, ids=[case[0] for case in WHO_BROKE_IT])
def test_who_broke_the_news_is_the_place_s_sources(
    engine: AnswerEngine, case: tuple[str, str]
) -> None:
    question, source = case
    text = reply(engine, question)
    assert "消息来源" in text and source in text
    assert "124,000" not in text and "6,800" not in text


# The article's card in Chinese: what the report covers, in Chinese (its title is English),
# and the reporter the report does not name, said as such.
CARD = ["這篇文章是哪家媒體發的？", "作者是谁", "记者叫什么"]


@pytest.mark.parametrize("question", CARD)
def test_the_article_card_says_what_it_covers_and_names_no_reporter(
    engine: AnswerEngine, question: str
) -> None:
    text = reply(engine, question)
    assert "内容：" in text and "指标" in text
    assert "报道没有给出姓名" in text
    assert "62,000" not in text


def test_the_english_card_keeps_its_title_alone(engine: AnswerEngine) -> None:
    text = "\n".join(lines_in(engine, "who wrote the article", Language.EN))
    assert "About:" not in text and "Reporter: not named in the report" in text


# What the article says ("讲的啥"): its summary, each claim attributed.
SUMMARY = ["这篇文章是哪家媒体的，讲的啥", "文章主要内容是什么", "这报道写了什么"]


@pytest.mark.parametrize("question", SUMMARY)
def test_what_the_article_says_is_its_summary(engine: AnswerEngine, question: str) -> None:
    assert Intent.SUMMARY in engine.answer(question).intents
    assert "简而言之" in reply(engine, question)


# A country named in a question of trust is who is blamed, not a place asked about.
BLAMED = ["这不就是韩国造谣吗 你承认是假新闻吧", "这是美国的宣传吧", "日本那边编的吧 可信吗"]


@pytest.mark.parametrize("question", BLAMED)
def test_a_country_blamed_for_the_report_is_no_place_asked(
    engine: AnswerEngine, question: str
) -> None:
    text = reply(engine, question)
    assert "没有提及" not in text and "HNGN cannot independently verify the claims." in text
    assert "62,000" not in text


def test_a_country_asked_about_is_still_not_covered(engine: AnswerEngine) -> None:
    assert "报道没有提及韩国" in reply(engine, "韩国有朝鲜工人吗")
    text = "\n".join(lines_in(engine, "Does the report cover Vietnam or Laos?", Language.EN))
    assert "Vietnam" in text


def test_you_believe_this_too_asks_whether_to_trust_it(engine: AnswerEngine) -> None:
    text = reply(engine, "daily nk都是韩国反朝媒体 这种东西也信？")
    assert "Daily NK" in text and "匿名" in text


# "列一下": every figure listed, both places.
LISTED = ["两边的数都给我列一下", "把所有数字列出来", "两地的数据罗列一下"]


@pytest.mark.parametrize("question", LISTED)
def test_list_them_lists_every_quota(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert "62,000" in text and "3,400" in text and "没有提及" not in text


# Money left over: the government takes most of what they earn (then their savings).
LEFT_OVER = ["工人还能剩下钱吗", "到手还剩多少", "交完还剩得下吗"]


@pytest.mark.parametrize("question", LEFT_OVER)
def test_money_left_over_is_what_the_government_takes(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert "大部分收入" in text
    assert "62,000" not in text


def test_money_as_the_object_of_saving_asks_no_quota(engine: AnswerEngine) -> None:
    # "钱" is what they save, not an amount asked: no quota block before the answer.
    text = reply(engine, "他们存得下钱吗")
    assert "大部分收入" in text and "62,000" not in text


# Who the money goes to: North Korea demands it; no official is named.
PAID_TO = ["这钱给谁", "工人的钱上交给谁", "这是谁要求的"]


@pytest.mark.parametrize("question", PAID_TO)
def test_who_the_money_goes_to_is_north_korea_as_reported(
    engine: AnswerEngine, question: str
) -> None:
    text = reply(engine, question)
    assert "朝鲜" in text and "没有点名" in text
    assert "62,000" not in text


# Where exactly within a place (a town, a site): the report names none; no quota figure.
WHERE_EXACTLY = [
    ("萨哈林的工人具体在哪个城市", Language.ZH, "工人（萨哈林）在哪个城镇或区"),
    ("大連的工人具體在哪裡幹活", Language.ZH, "工人（大连）在哪个城镇或区"),
    ("which town on sakhalin do they work in", Language.EN, "in which town or district"),
]


@pytest.mark.parametrize("case", WHERE_EXACTLY, ids=[case[0] for case in WHERE_EXACTLY])
def test_where_exactly_in_a_place_is_what_the_report_does_not_say(
    engine: AnswerEngine, case: tuple[str, Language, str]
) -> None:
    question, language, said = case
    text = "\n".join(lines_in(engine, question, language))
    assert said in text
    assert "62,000" not in text and "3,400" not in text


def test_which_city_in_a_country_is_the_place_the_report_names(engine: AnswerEngine) -> None:
    assert "Dalian" in "\n".join(lines_in(engine, "which city in china", Language.EN))
    assert "大连" in reply(engine, "中国哪个城市")


# What they earn ("赚多少钱", "挣多少"): the report gives no wage; no quota as if it were one.
EARN = ["他们一个月赚多少钱", "大连工人每月挣多少", "佢哋一個月搵幾多錢"]


@pytest.mark.parametrize("question", EARN)
def test_what_they_earn_is_what_the_report_does_not_say(
    engine: AnswerEngine, question: str
) -> None:
    text = reply(engine, question)
    assert "报道没有说明工人" in text and "工资" in text
    assert "62,000" not in text and "3,400" not in text


# Not paying ("可以不交", "拒交"): what happens then, which the report does not say.
NOT_PAYING = ["他们可以不交吗", "拒交会怎样", "佢哋可唔可以唔交"]


@pytest.mark.parametrize("question", NOT_PAYING)
def test_not_paying_is_the_penalty_the_report_does_not_give(
    engine: AnswerEngine, question: str
) -> None:
    assert "报道没有说明完不成指标的工人会怎样" in reply(engine, question)


# How many years before going home: they planned two or three (not "can they leave").
YEARS_ABROAD = ["工人一般干几年回国", "打算待多少年", "他们要做几年才能回家"]


@pytest.mark.parametrize("question", YEARS_ABROAD)
def test_years_before_going_home_are_their_plans(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert "两三年" in text and "能否辞职" not in text


# Taiwan and Hong Kong words: 俄國 is Russia, 薪資 is pay, 台幣/港幣 a currency the report
# does not give, 老細 (Cantonese "boss") the employer it does not name.
REGIONAL = [
    ("俄國那邊的北韓勞工要交多少錢", "62,000", "没有提及"),
    ("北韓勞工的薪資有多少", "报道没有说明工人拿多少工资", "62,000"),
    ("用台幣算是多少", "新台币 (TWD)", "62,000"),
    ("換成港幣係幾多", "港元 (HKD)", "62,000"),
    ("佢哋啲老細係邊個", "报道没有说明哪些公司", "62,000"),
    ("呢啲數字邊度嚟㗎", "消息来源", "62,000"),
]


@pytest.mark.parametrize("case", REGIONAL, ids=[case[0] for case in REGIONAL])
def test_taiwan_and_hong_kong_words_are_read(
    engine: AnswerEngine, case: tuple[str, str, str]
) -> None:
    question, shown, absent = case
    text = reply(engine, question)
    assert shown in text and absent not in text


def test_hong_kong_dollars_in_english_are_a_currency_the_report_does_not_give(
    engine: AnswerEngine,
) -> None:
    text = "\n".join(lines_in(engine, "in hong kong dollars?", Language.EN))
    assert "Hong Kong dollars (HKD)" in text and "$1,460" not in text
