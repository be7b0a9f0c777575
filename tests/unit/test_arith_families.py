"""Arithmetic families strangers ask in every language, by wordings written apart from the
sets: how many times they raised it (the doubling, never one place against the other), a
day's share of a month (÷ thirty, said so), the rate "62000 к 730" implies, the two places'
sum in dollars when their money names them, a total over a span qualified after the question
("…총 얼마? 새 기준으로 달러로"), and an attribute asked beside a change ("how many people
and how much did it rise")."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("arith_families") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def _text(engine: AnswerEngine, question: str, language: Language) -> str:
    text = "\n".join(lines_in(engine, question, language))
    return text.replace("\xa0", " ").replace("\u202f", " ")  # Russian groups digits so


@pytest.mark.parametrize(
    ("question", "language", "twice"),
    [
        ("몇 배로 올리래?", Language.KO, "2배"),
        ("위에서 몇 배 올리라는 거야", Language.KO, "2배"),
        ("할당량 몇배로 키웠음?", Language.KO, "2배"),
        ("몇 배나 늘린 거예요?", Language.KO, "2배"),
        ("할당량 몇 배로 뛰었냐", Language.KO, "2배"),
        ("во сколько раз задрали норму", Language.RU, "в 2 раза"),
        ("насколько раз взвинтили, во сколько раз?", Language.RU, "в 2 раза"),
        ("上调了几倍", Language.ZH, "2倍"),
        ("额度调高了多少倍", Language.ZH, "2倍"),
        ("what multiple did they hike it by", Language.EN, "2 times"),
        ("how many fold increase was it", Language.EN, "2 times"),
    ],
)
def test_how_many_times_raised_is_the_doubling(
    engine: AnswerEngine, question: str, language: Language, twice: str
) -> None:
    text = _text(engine, question, language)
    assert twice in text, text
    assert "1.55" not in text and "1,55" not in text, text


@pytest.mark.parametrize(
    ("question", "language", "day", "said"),
    [
        ("скока в сутки выходит на сахалине по новой", Language.RU, "4 133", "тридцать"),
        ("how much is dalian a day now", Language.EN, "227", "÷ thirty"),
        ("萨哈林现在每天合多少卢布", Language.ZH, "4,133", "三十"),
        ("사할린 새 기준 하루에 얼마꼴", Language.KO, "4,133", "삼십"),
    ],
)
def test_a_day_is_the_month_over_thirty_and_says_so(
    engine: AnswerEngine, question: str, language: Language, day: str, said: str
) -> None:
    text = _text(engine, question, language)
    assert day in text and said in text, text


@pytest.mark.parametrize(
    "question",
    [
        "по какому курсу пересчитали? 62000 к 730 — сколько рублей за доллар",
        "62000 к 730 это какой курс получается",
    ],
)
def test_a_preposition_after_a_figure_is_no_thousand(engine: AnswerEngine, question: str) -> None:
    text = _text(engine, question, Language.RU)
    assert "84,93" in text, text
    assert "62 000 000" not in text, text


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("рубли и юани в долларах сколько вместе будет?", Language.RU),
        ("루블이랑 위안 달러로 합하면?", Language.KO),
        ("rubles plus yuan, combined in dollars?", Language.EN),
    ],
)
def test_two_places_named_by_their_money_are_summed_before_and_after(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    text = _text(engine, question, language)
    for total in ("1 200", "2 400") if language is Language.RU else ("1,200", "2,400"):
        assert total in text, text


@pytest.mark.parametrize(
    ("question", "language", "total"),
    [
        ("사할린 2년이면 총 얼마? 새 기준으로 달러로", Language.KO, "35,040"),
        ("если два года в даляне по новой ставке, сколько в итоге отдаст?", Language.RU, "163 200"),
    ],
)
def test_a_total_over_a_span_takes_its_qualifiers(
    engine: AnswerEngine, question: str, language: Language, total: str
) -> None:
    assert total in _text(engine, question, language)


@pytest.mark.parametrize(
    ("question", "silent", "doubled"),
    [
        ("сколько рабочих затронуло и насколько выросла норма", "не говорится", "удвоен"),
        ("몇 명이나 해당되고 얼마나 오른 거야", "나와 있지 않", "두 배"),
    ],
)
def test_an_attribute_beside_a_change_gets_both_answers(
    engine: AnswerEngine, question: str, silent: str, doubled: str
) -> None:
    language = Language.RU if question[0] in "сп" else Language.KO
    text = _text(engine, question, language)
    assert silent in text and doubled in text, text


@pytest.mark.parametrize(
    ("question", "language", "rise", "not_gap"),
    [
        ("사할린 인상액은 얼마임", Language.KO, "62,000", "US$260"),
        ("다롄 증가분만 얼마야", Language.KO, "3,400", "US$260"),
    ],
)
def test_the_raise_itself_is_the_place_own_rise_not_the_gap_to_the_other(
    engine: AnswerEngine, question: str, language: Language, rise: str, not_gap: str
) -> None:
    text = _text(engine, question, language)
    assert rise in text and "증가" in text and not_gap not in text, text


@pytest.mark.parametrize("question", ["按报道的数，1美元合多少卢布", "每美元合多少卢布？"])
def test_a_dollar_in_rubles_is_the_rate_the_report_implies(
    engine: AnswerEngine, question: str
) -> None:
    assert "84.93" in _text(engine, question, Language.ZH)


@pytest.mark.parametrize(
    "question",
    [
        "how many people are affected and how much did it rise",
        "how many people does this affect and by how much did it go up",
    ],
)
def test_people_affected_asks_the_headcount_not_another_subject(
    engine: AnswerEngine, question: str
) -> None:
    text = _text(engine, question, Language.EN)
    assert "does not say how many" in text and "62,000 rubles (RUB) more a month" in text, text
    assert "not about affect" not in text, text


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("1. 萨哈林多少卢布 2. 大连多少人民币 3. 加起来多少美元", Language.ZH),
        ("① 사할린 얼마 ② 다롄 얼마 ③ 합치면 달러로 얼마", Language.KO),
        ("1) sakhalin in rubles 2) dalian in yuan 3) both together in usd", Language.EN),
    ],
)
def test_a_numbered_sum_adds_every_place_asked_before_it(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    text = _text(engine, question, language)
    assert "62,000" in text and "3,400" in text and "1,200" in text, text
