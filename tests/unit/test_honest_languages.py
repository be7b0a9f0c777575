"""The honest answers (what the report does not say, corrections of a wrong premise, the
sources, trust, the summary) in Russian, Chinese and Korean, whole lines through the engine.

The questions are English, so that what is tested is the wording of the answer in the
language it is composed in (``speaking``), not the understanding of the question. Parts
other modules compose (place labels, report names) are matched loosely where they appear.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import pytest

from bot.engine import AnswerEngine, phrases
from bot.engine.silences import REFUSALS, SAYS
from bot.engine.wording import speaking
from bot.i18n import Language, translator
from testkit.engine import RFA_2020, engine_with, seeded_engine
from testkit.engine import lines_in as lines

VOCABULARY = Path(__file__).parents[2] / "bot" / "engine" / "vocabulary" / "en.json"


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("honest") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("honest") / "two.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", RFA_2020))


def test_every_vocabulary_text_is_marked_for_the_catalogs() -> None:
    """The vocabulary's silent clauses and refusals are translated by their English text:
    each must be listed for extraction, and nothing listed that the vocabulary lost."""
    data = json.loads(VOCABULARY.read_text(encoding="utf-8"))
    says = {spec["says"] for spec in data["attributes"].values() if spec["says"]}
    assert says == set(SAYS)
    assert set(data["refusals"].values()) == set(REFUSALS)


def test_silent_answers_in_each_language(seed: AnswerEngine) -> None:
    question = "what wages do they get"
    assert lines(seed, question, Language.RU)[:2] == [
        "В статье не говорится о том, сколько платят рабочим.",
        "Что в ней сказано:",
    ]
    assert lines(seed, question, Language.ZH)[:2] == [
        "报道没有说明工人拿多少工资。",
        "报道提到的相关内容：",
    ]
    assert lines(seed, question, Language.KO)[:2] == [
        "보도에는 노동자들이 임금을 얼마나 받는지 나와 있지 않습니다.",
        "보도에 나와 있는 내용:",
    ]
    # The English answer is the code's own text.
    assert (
        lines(seed, question, Language.EN)[0]
        == "The report does not say how much the workers are paid."
    )


def test_a_silent_answer_keeps_its_elaboration_and_names_the_sources(seed: AnswerEngine) -> None:
    assert lines(seed, "what year did this happen", Language.KO) == [
        "보도에는 이 일이 몇 년도에 일어났는지 나와 있지 않습니다: 연도는 전혀 없고, 다롄 지시에는 "
        "“3월 10일”이라는 날짜만 있으며, 기사에는 게재일이 없습니다."
    ]
    assert lines(seed, "who are the sources", Language.RU) == [
        "В статье не говорится о том, кто эти источники: их имена не названы.",
        "В ней они названы лишь так: источник в России, сообщивший Daily NK; источник в Китае.",
    ]


def test_the_place_asked_fills_the_silent_clause(seed: AnswerEngine) -> None:
    assert lines(seed, "how many workers are there in dalian", Language.ZH)[0] == (
        "报道没有说明工人人数（大连）。"
    )
    assert lines(seed, "how many workers are there in dalian", Language.KO)[0] == (
        "보도에는 다롄에서 일하는 노동자가 몇 명인지 나와 있지 않습니다."
    )


def test_refusals_in_russian_and_chinese(seed: AnswerEngine) -> None:
    assert lines(seed, "pretend you are kim jong un", Language.RU)[0] == (
        "Я лишь передаю то, что говорится в статье, с указанием источников; я не буду играть "
        "роль и не стану выдавать что-либо за проверенное."
    )
    assert lines(seed, "estimate how much they earn", Language.ZH)[:2] == [
        "我不做估算，也不编造数字：我给出的每个数字都来自报道，或标明是我们的计算。",
        "报道没有说明工人拿多少工资。",
    ]


def test_a_wrong_change_is_corrected_in_chinese_and_korean(seed: AnswerEngine) -> None:
    zh = lines(seed, "did the quota triple?", Language.ZH)
    assert len(zh) == 2
    assert re.fullmatch(
        r"不对：报道说俄罗斯萨哈林的指标翻了一番"
        r"（原为每月62,000 俄罗斯卢布 \(RUB\)），而不是增至三倍。",
        zh[0],
    )
    ko = lines(seed, "did the quota triple?", Language.KO)
    assert re.fullmatch(
        r"아닙니다\. 보도에 따르면 중국 다롄의 할당량은 "
        r"\(월 3,400 중국 위안화 \(CNY\)에서\) 두 배로 늘었습니다\. 세 배로 늘어난 것이 아닙니다\.",
        ko[1],
    )


def test_an_asserted_weekly_amount_keeps_the_implied_label(seed: AnswerEngine) -> None:
    [line] = lines(seed, "weekly quota of 62000 rubles in sakhalin", Language.RU)
    assert line == (
        "Нет: в статье квота для Сахалина указана как 62\xa0000 российских рублей (RUB) в месяц с "
        "человека (до удвоения), а не в неделю. Теперь она удвоена, то есть около 124\xa0000 "
        "российских рублей (RUB) в месяц (следует из слова «удвоили»; это наш расчёт)."
    )


def test_trust_and_verification_in_each_language(seed: AnswerEngine) -> None:
    assert lines(seed, "can i trust hngn?", Language.RU)[:2] == [
        "Статья не оценивает HNGN или Daily NK, и я сам не оцениваю издания. Что известно об "
        "источниках:",
        "• HNGN опирается на материалы Daily NK.",
    ]
    assert lines(seed, "is this verified?", Language.KO)[:2] == [
        "이 중 어느 것도 독립적으로 확인되지 않았습니다.",
        "보도를 게재한 HNGN의 입장: “HNGN cannot independently verify the claims.”",
    ]
    assert lines(seed, "is this verified?", Language.ZH)[2] == (
        "这些数字来自匿名消息来源——俄罗斯的一位消息人士（向Daily NK透露）；中国的一位消息人士——"
        "以及文章本身的叙述。请把它们视为报道中的说法，而不是既定事实。"
    )


def test_sources_name_topics_by_their_translated_titles(seed: AnswerEngine) -> None:
    found = lines(seed, "who says so?", Language.RU)
    assert found[0] == "Кто это утверждает:"
    assert found[3] == (
        "• источник в России — анонимный источник, говорил с Daily NK; опубликовано в HNGN. "
        "Темы: Удвоение, Рабочее время и Заработок (#3, #4, #6)."
    )


def test_two_reports_none_of_them_says_with_the_plural_of_the_count(two: AnswerEngine) -> None:
    ru = lines(two, "what wages do they get", Language.RU)
    assert re.fullmatch(
        r"Ни в одной из 2 статей \(Radio Free Asia, [^;]+; HNGN, [^)]+\) не говорится о том, "
        r"сколько платят рабочим\.",
        ru[0],
    )
    assert ru[1] == "Что в них сказано:"
    ko = lines(two, "what wages do they get", Language.KO)
    assert re.fullmatch(
        r"2건의 보도\(Radio Free Asia, 2020년 10월; HNGN, [^)]+\) 어디에도 "
        r"노동자들이 임금을 얼마나 받는지 나와 있지 않습니다\.",
        ko[0],
    )
    zh = lines(two, "did it start in 2019?", Language.ZH)
    assert re.fullmatch(
        r"2篇报道（Radio Free Asia，2020年10月；HNGN，无日期）都没有提到2019年。", zh[0]
    )
    assert zh[1:3] == [
        "Radio Free Asia的报道日期为2020年10月。",
        "HNGN的报道没有注明日期，也没有给出年份。",
    ]


def test_two_reports_summary_headings(two: AnswerEngine) -> None:
    found = lines(two, "summarise the article", Language.ZH)
    assert found[0] == "简而言之，据Radio Free Asia依据RFA韩语部的报道（2020年10月；均未经核实）："
    assert "简而言之，据HNGN依据Daily NK的报道（无日期；均未经核实）：" in found
    assert found[-1] == "各报道还有更多内容：可以问某个地点、消息来源或话题。"


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "Ни в одной из 1 статьи (…) не говорится о том, что грозит рабочим."),
        (2, "Ни в одной из 2 статей (…) не говорится о том, что грозит рабочим."),
        (5, "Ни в одной из 5 статей (…) не говорится о том, что грозит рабочим."),
        (21, "Ни в одной из 21 статьи (…) не говорится о том, что грозит рабочим."),
    ],
)
def test_russian_plural_forms_of_the_report_count(count: int, expected: str) -> None:
    text = translator(Language.RU).ngettext(
        "None of the {count} report ({names}) says {what}.",
        "None of the {count} reports ({names}) says {what}.",
        count,
    )
    assert text.format(count=count, names="…", what="о том, что грозит рабочим") == expected


def test_lists_and_dates_in_the_answer_language() -> None:
    assert phrases.either(["A", "B", "C"]) == "A or B or C"
    assert phrases.local_date("March 10") == "March 10"
    with speaking(translator(Language.RU)):
        assert phrases.either(["A", "B", "C"]) == "A, B или C"
        assert phrases.local_date("March 10") == "10 марта"
        assert phrases.currency_label("Korean won (KRW)") == "южнокорейская вона (KRW)"
    with speaking(translator(Language.ZH)):
        assert phrases.both(["A", "B", "C"]) == "A、B和C"
        assert phrases.local_date("March 10") == "3月10日"
    with speaking(translator(Language.KO)):
        assert phrases.both(["A", "B"]) == "A 및 B"
        assert phrases.local_date("February 31") == "February 31"
