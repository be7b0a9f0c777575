"""Quota answers in Russian, Chinese and Korean (bot/engine/quota_blocks.py, claims.py,
reports.py): whole lines through the engine, with the seed and with a second report
(testkit/reports/rfa_2020.json); places and sectors in the reader's script, countries from
CLDR, plural forms by count; the English display words and their catalog texts agree."""

from __future__ import annotations

import asyncio
import json
from importlib import resources
from pathlib import Path

import pytest

from bot.engine import AnswerEngine, Reply
from bot.engine import figure_text as words
from bot.engine.wording import speaking
from bot.i18n import Language, translator
from bot.markup import plain_text
from testkit.engine import RFA_2020, engine_with, seeded_engine
from testkit.engine import lines_in as lines

NBSP, NNBSP = "\xa0", "\u202f"
DOUBLED_QUOTE = (
    "“Now that authorities have doubled the loyalty cash quota for the 'final year of the "
    "Party Congress,' workers complain they won't see a penny even if they work themselves "
    "to death.”"
)
# The seed's editors' translations of that quote (db/seed/facts.json, claim 3).
DOUBLED_RU = (
    "«Теперь, когда власти удвоили норму „денег верности“ на „последний год съезда партии“, "
    "рабочие жалуются, что не увидят ни копейки, даже если будут работать до смерти.»"
)
DOUBLED_KO = (
    "“당국이 ‘당대회 마지막 해’를 위해 충성자금 할당량을 두 배로 올린 지금, 노동자들은 "
    "죽도록 일해도 한 푼도 손에 쥐지 못할 것이라고 불평한다.”"
)


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path: Path = tmp_path_factory.mktemp("wording") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path: Path = tmp_path_factory.mktemp("wording") / "two.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", RFA_2020))


def test_a_russian_quota_block(seed: AnswerEngine) -> None:
    assert lines(seed, "sakhalin quota", Language.RU) == [
        "Сахалин, Россия — рабочие (строительство)",
        f"Раньше: 62{NBSP}000 российских рублей (RUB), почти 730{NBSP}$, с человека в месяц.",
        f"Сейчас: удвоена, то есть 124{NBSP}000 российских рублей (RUB), около 1{NBSP}460{NBSP}$,"
        " с человека в месяц — следует из слова «удвоили»; новую сумму статья не указывает.",
        "Когда: дата изменения в статье не указана.",
        "Источник: HNGN от своего имени (без ссылки на источник) — не проверено [#1]",
        f"Также: {DOUBLED_RU} (перевод редакции) — {DOUBLED_QUOTE} (оригинал, английский) "
        "Источник: источник в России, "
        "рассказавший Daily NK; "
        "опубликовал HNGN — не проверено [#3]",
    ]


def test_a_chinese_quota_block(seed: AnswerEngine) -> None:
    assert lines(seed, "dalian quota", Language.ZH) == [
        "中国大连——海产品加工行业工人",
        "此前：3,400 人民币 (CNY)，近US$470，每人每月。",
        "现在：翻倍，即6,800 人民币 (CNY)，约US$940，每人每月——据“翻倍”推算；报道未说明新的金额。",
        # The stored "March 10" as a Chinese date, still without a year.
        "时间：在一份日期为3月10日的指令之后（报道未给出年份）。",
        "来源：中国的一位消息人士（报道未说明向谁透露）；由HNGN刊发——未经证实 [#2]",
    ]


def test_a_korean_quota_block(seed: AnswerEngine) -> None:
    assert lines(seed, "sakhalin quota", Language.KO) == [
        "러시아 사할린 — 건설 부문 노동자",
        "이전: 62,000 러시아 루블 (RUB), 거의 US$730, 1인당 매월.",
        "현재: 두 배로 올라 124,000 러시아 루블 (RUB), 약 US$1,460, 1인당 매월 — “두 배”라는 "
        "표현에서 추산한 금액이며, 보도에 새 금액은 나와 있지 않음.",
        "시기: 보도에 변경 날짜는 나와 있지 않습니다.",
        "출처: HNGN 자체 서술(소식통 명시 없음) — 검증되지 않음 [#1]",
        f"참고: {DOUBLED_KO} (편집부 번역) — {DOUBLED_QUOTE} (원문, 영어) "
        "출처: 러시아 소식통, Daily NK에 전함; "
        "HNGN 게재 — 검증되지 않음 [#3]",
    ]


def test_two_reports_in_russian_name_each_report(two: AnswerEngine) -> None:
    assert lines(two, "china quota", Language.RU)[:4] == [
        "Цифры для Китая приводят несколько статей (2) — показаны все, сначала датированные, "
        "от новых к старым (у HNGN нет даты, поэтому неизвестно, какая новее); ни одна не "
        "выбрана как верная.",
        # RFA gives the country as the place: it reads once, in Russian.
        f"Китай — рабочие (торговля) — по данным: Radio Free Asia, октябрь 2020{NNBSP}г.",
        f"Разовый платёж: 12{NBSP}000 китайских юаней (CNY), 1{NBSP}788{NBSP}$, однократно с "
        f"человека (разовый платёж), до конца месяца (октябрь 2020{NNBSP}г.).",
        # The report's own words, no editor translated: marked as the original.
        "С кого взимается, словами статьи: “each trade worker stationed in China” "
        "(оригинал, английский).",
    ]


def test_what_no_report_mentions_in_chinese(two: AnswerEngine) -> None:
    with speaking(translator(Language.ZH)):
        silent = plain_text(two.composer.no_report_line("mention", "Vladivostok"))
        covered = plain_text(two.composer.covered())
    assert silent == "2篇报道（Radio Free Asia，2020年10月；HNGN，无日期）均未提及Vladivostok。"
    assert covered == (
        "这2篇报道给出了以下地点的数字："
        "俄罗斯萨哈林（HNGN）；中国大连（HNGN）；中国（Radio Free Asia）。"
    )
    # The English sentence is what it always was.
    assert plain_text(two.composer.no_report_line("mention", "Vladivostok")) == (
        "None of the 2 reports (Radio Free Asia, October 2020; HNGN, undated) mentions Vladivostok."
    )


@pytest.mark.parametrize(
    ("hidden", "text"),
    [
        (1, "…и ещё 1 норма в базе, здесь не показана."),
        (3, "…и ещё 3 нормы в базе, здесь не показаны."),
        (5, "…и ещё 5 норм в базе, здесь не показаны."),
        (21, "…и ещё 21 норма в базе, здесь не показана."),
    ],
)
def test_russian_plural_forms(seed: AnswerEngine, hidden: int, text: str) -> None:
    reply = Reply()
    with speaking(translator(Language.RU)):
        seed.composer.more_line(hidden, "quota figures", reply)
    assert plain_text(reply.lines[0]) == f"{text} Спросите об одном месте, чтобы сузить поиск."


def test_places_and_sectors_read_in_the_readers_script(two: AnswerEngine) -> None:
    composer = two.composer
    names = {}
    for language in (Language.RU, Language.ZH, Language.KO):
        with speaking(translator(language)):
            names[language] = (
                composer.place("Sakhalin"),
                composer.place("Dalian"),
                composer.sector("construction"),
                composer.sector(
                    "trade"
                ),  # no alias: the display names file (vocabulary/display_names.json)
                composer.country("CN"),
            )
    assert names == {
        Language.RU: ("Сахалин", "Далянь", "строительство", "торговля", "Китай"),
        Language.ZH: ("萨哈林", "大连", "建筑", "贸易", "中国"),
        Language.KO: ("사할린", "다롄", "건설", "무역", "중국"),
    }
    assert (composer.place("Sakhalin"), composer.country("CN")) == ("Sakhalin", "China")


def test_the_english_figure_words_have_their_catalog_texts() -> None:
    """figures_en.json words the answers show are the texts the catalogs translate."""
    raw = resources.files("bot.engine").joinpath("vocabulary/figures_en.json").read_text("utf-8")
    data = json.loads(raw)
    assert data["periods"] == words.PERIOD_TEXTS
    assert {
        basis: (f"a {noun}", f"{data['per']} {noun}") for basis, noun in data["bases"].items()
    } == (words.BASIS_TEXTS)
    shown = [data[key] for key in ("undated", "range", "share", "share_range", "share_of")]
    assert shown == list(words.FIGURE_TEXTS)
