"""Chinese questions by class of cause (round 10), traditional, Cantonese and Mandarin: each
case is a wording of its own, written apart from the question sets, with what its reply must
and must not hold."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.vocabulary import Intent
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine

QUOTA_FIGURES = ("62,000", "124,000", "3,400", "6,800")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("zh10") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def reply(engine: AnswerEngine, question: str, language: Language = Language.ZH) -> str:
    return "\n".join(lines_in(engine, question, language))


# When the higher quota ends or how long it lasts: the report gives no end, in every language.
ENDS = [
    ("翻倍的指标要持续多久", Language.ZH, "结束"),
    ("這個規定會維持到甚麼時候？", Language.ZH, "结束"),
    ("加倍嘅額度幾時結束㗎", Language.ZH, "结束"),
    ("大连的新标准会不会取消", Language.ZH, "结束"),
    ("how long will the doubled quota last?", Language.EN, "ends"),
    ("до каких пор будет действовать эта норма", Language.RU, "закончится"),
    ("할당량 두 배는 언제까지 유지돼?", Language.KO, "끝나는지"),
]


@pytest.mark.parametrize(("question", "language", "word"), ENDS)
def test_when_the_quota_ends_is_what_the_report_does_not_say(
    engine: AnswerEngine, question: str, language: Language, word: str
) -> None:
    assert engine.answer(question).intents == [Intent.SILENT]
    text = reply(engine, question, language)
    assert word in text, text
    assert not any(figure in text for figure in QUOTA_FIGURES), text


# Cantonese "做咩" before a kind of work, or after "係", is "do what", not "why".
CANTONESE_WHAT_WORK = [
    "大連啲工人係做咩嘅？",
    "佢哋喺庫頁島做咩行業㗎",
    "嗰班北韓工人做咩工",
]


@pytest.mark.parametrize("question", CANTONESE_WHAT_WORK)
def test_cantonese_do_what_asks_the_sector(engine: AnswerEngine, question: str) -> None:
    assert Intent.SECTORS in engine.answer(question).intents
    text = reply(engine, question)
    assert "海产品加工" in text or "建筑" in text, text


# How the money gets home (Cantonese "匯返", "交返"; Mandarin "经谁手"): the report is silent.
PAYMENT_ROUTE = [
    "佢哋啲錢點樣寄返去北韓？",
    "工資係點樣交返上去㗎",
    "这笔钱经谁的手交给朝鲜",
    "钱如何上交到平壤",
]


@pytest.mark.parametrize("question", PAYMENT_ROUTE)
def test_how_the_money_is_sent_is_the_silence_on_payment(
    engine: AnswerEngine, question: str
) -> None:
    assert Intent.SILENT in engine.answer(question).intents
    text = reply(engine, question)
    assert "如何缴纳或收取" in text, text
    assert not any(figure in text for figure in QUOTA_FIGURES), text


# The date of the exchange rate, asked in formal, traditional or plain words: not given, and
# no rate is worked out when only its date is asked.
RATE_DATE = [
    "文章中的匯率是何日的？",
    "报道里用的汇率是哪一天的",
    "那个汇率啥时候的",
    "文內換算用嘅係幾月幾號嘅匯率",
]


@pytest.mark.parametrize("question", RATE_DATE)
def test_the_date_of_the_rate_is_not_given(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert "报道没有说明换算所用的汇率或日期" in text, text
    assert "84.93" not in text and "7.23" not in text, text


# "啥时候", "何时", "几时" ask the date as "什么时候" does, in a part of its own.
WHEN = ["消息谁放出来的？何时的事？", "谁爆的料 几时的事", "谁讲的？啥时候发生的？"]


@pytest.mark.parametrize("question", WHEN)
def test_casual_and_formal_when_ask_the_date(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert "3月10日" in text, text


# Working longer, in colloquial verbs (干活, 上班, 打工): the report's longer hours.
LONGER = ["上班的时间是不是拉长了", "打工的现在得干得更久吧", "劳动时间延长了没有"]


@pytest.mark.parametrize("question", LONGER)
def test_working_longer_is_the_reported_longer_hours(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert "更长时间" in text, text
    assert Intent.OFF_TOPIC not in engine.answer(question).intents


# Which country is behind it: the report says North Korea demands it.
WHICH_COUNTRY = ["说到底是哪国在收这笔钱", "这事是哪个国家定的规矩", "到底哪个国家在要钱啊"]


@pytest.mark.parametrize("question", WHICH_COUNTRY)
def test_which_country_is_behind_it_is_north_korea(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert "由朝鲜下达" in text, text
    assert not any(figure in text for figure in QUOTA_FIGURES), text


# What the money is called: "loyalty money", not the quota's figures.
CALLED = ["这种钱官方叫做什么", "那笔款项叫啥名字", "朝鲜把这钱称为什么"]


@pytest.mark.parametrize("question", CALLED)
def test_what_the_money_is_called_is_loyalty_money(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert "忠诚资金" in text, text
    assert not any(figure in text for figure in QUOTA_FIGURES), text


# Paying willingly, said of the workers in Chinese, Russian or Korean: the report reports
# complaints and worry instead; a negated feeling is no such premise.
WILLING = [
    ("打工的都是心甘情愿交的嘛", Language.ZH, "报道没有说工人"),
    ("人家工人乐意交，你管得着吗", Language.ZH, "报道没有说工人"),
    ("работники отдают деньги добровольно, разве нет?", Language.RU, "В статье не говорится"),
    ("그 노동자들은 기꺼이 바치는 거잖아", Language.KO, "보도는 노동자들이"),
]


@pytest.mark.parametrize(("question", "language", "said"), WILLING)
def test_paying_willingly_is_a_premise_the_report_contradicts(
    engine: AnswerEngine, question: str, language: Language, said: str
) -> None:
    assert Intent.CORRECTION in engine.answer(question).intents
    assert said in reply(engine, question, language)


@pytest.mark.parametrize("question", ["工人并非自愿交的", "노동자들은 비자발적으로 내는 거지"])
def test_a_negated_willingness_is_no_premise(engine: AnswerEngine, question: str) -> None:
    assert Intent.CORRECTION not in engine.answer(question).intents


# A figure written with a thousands comma ("3,400") is one figure, not two parts cut at the
# comma, in Chinese and in Korean; "原本" says the amount before the doubling.
@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("按原本的3,400元算，干两年一共交多少", Language.ZH),
        ("大连每月3,400块的话一年多少", Language.ZH),
        ("다롄 월 3,400위안이면 2년에 얼마", Language.KO),
    ],
)
def test_a_figure_with_a_thousands_comma_is_read_whole(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    text = reply(engine, question, language)
    assert "而不是400" not in text and "400 아님" not in text, text
    assert all(3400 in s.figures for s in engine.understand(question).segments[:1]) or (
        3400 in engine.understand(question).figures
    )


@pytest.mark.parametrize("question", ["萨哈林原本交多少", "大连起初是多少钱", "最初的额度是多少"])
def test_originally_asks_the_amount_before(engine: AnswerEngine, question: str) -> None:
    understood = engine.understand(question)
    parts = understood.segments or [understood]
    assert any(part.before for part in parts)


# A part asking nothing after one about another subject of a covered place (its weather) is
# about that subject too: no quota of the place.
@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("萨哈林这几天天气如何 冷不冷 要不要带羽绒服", Language.ZH),
        ("大连下周下雨吗 海边风大吗", Language.ZH),
        ("погода на сахалине какая? холодно там?", Language.RU),
    ],
)
def test_a_part_after_another_subject_shows_no_quota(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    text = reply(engine, question, language)
    assert not any(figure in text for figure in QUOTA_FIGURES), text
    text = text.replace("\u00a0", ",").replace(" ", ",")
    assert not any(figure in text for figure in QUOTA_FIGURES), text


# What one source said, asked with the language's own "what" ("怎么说", "说了啥", "что"):
# that source's claims, not the list of sources.
@pytest.mark.parametrize(
    ("question", "language", "said"),
    [
        ("驻俄的那个消息来源具体怎么讲的", Language.ZH, "更长时间"),
        ("在华消息人士都说了些什么", Language.ZH, "同情"),
        ("а что именно говорил источник в России?", Language.RU, "дольше"),
        ("중국 소식통이 한 말이 뭐야", Language.KO, "안타깝"),
    ],
)
def test_what_one_source_said_is_its_claims(
    engine: AnswerEngine, question: str, language: Language, said: str
) -> None:
    assert Intent.STATEMENTS in engine.answer(question).intents
    assert said in reply(engine, question, language)


# "Why did it rise" run on after other asks ("…还有为啥要涨啊"): the reason given.
@pytest.mark.parametrize(
    "question", ["萨哈林交多少还有凭什么翻倍啊", "为何突然提高这么多", "大连多少钱 咋就加钱了"]
)
def test_why_it_rose_is_the_reason(engine: AnswerEngine, question: str) -> None:
    assert "第八次党代会" in reply(engine, question)


# The rate asked after the report's own figures ("那汇率大概多少"): the rate they imply.
@pytest.mark.parametrize(
    "question", ["3400元差不多470美元 汇率是几", "那这个汇率咋算的", "汇率是多少啊"]
)
def test_the_rate_asked_is_the_implied_rate(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert "7.23" in text or "84.93" in text, text


# A remark after a topic's question ("还是都是老爷们") asks no figure of the place.
@pytest.mark.parametrize(
    "question",
    [
        "大连有女工吗 还是全是男的",
        "萨哈林的工人能抗议吗？还是只能忍着",
        "库页岛有没有当地人同情他们，还是无所谓",
    ],
)
def test_a_remark_after_a_topic_shows_no_quota(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question)
    assert not any(figure in text for figure in QUOTA_FIGURES), text
