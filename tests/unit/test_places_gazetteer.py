"""Places the reports do not cover, told apart from ordinary and jargon words: a word is an
unknown place only when the gazetteer knows it, or when the frame calls it a place and no
dictionary holds it (bot/engine/places.py, named_places.py, gazetteer.py). Each question is
phrased apart from the question sets, in the four languages, both ways."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.gazetteer import known_place, ordinary_english
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine

NOT_EN = "It covers quota figures for Sakhalin, Russia and Dalian, China."
NOT_RU = "Я знаю только нормы для этих мест: Сахалин, Россия и Далянь, Китай."
NOT_ZH = "我只掌握以下地点的指标数字：俄罗斯萨哈林和中国大连。"
NOT_KO = "다음 지역의 할당량 수치만 다룹니다: 러시아 사할린 및 중국 다롄."
SAKHALIN = {
    Language.EN: "Sakhalin, Russia — construction workers",
    Language.RU: "Сахалин, Россия — рабочие (строительство)",
    Language.ZH: "俄罗斯萨哈林——建筑行业工人",
    Language.KO: "러시아 사할린 — 건설 부문 노동자",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("places") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    ("question", "language", "first"),
    [
        # No list of the engine's named these: the gazetteer, or the frame and no dictionary.
        (
            "how much do workers in kamchatka pay",
            Language.EN,
            f"The report does not mention Kamchatka. {NOT_EN}",
        ),
        ("phnom penh?", Language.EN, f"The report does not mention Phnom Penh. {NOT_EN}"),
        (
            "bombay construction workers",
            Language.EN,
            f"The report does not mention Bombay. {NOT_EN}",
        ),
        # A place that is an ordinary word too, where the frame calls it a place.
        (
            "how much do workers in mobile pay",
            Language.EN,
            f"The report does not mention Mobile. {NOT_EN}",
        ),
        (
            "а в Улан-Баторе какая квота?",
            Language.RU,
            f"В статье не упоминается Улан-Батор. {NOT_RU}",
        ),
        (
            "рабочие в Тяньцзине сколько платят",
            Language.RU,
            f"В статье не упоминается Тяньцзинь. {NOT_RU}",
        ),
        ("квота на находке?", Language.RU, f"В статье не упоминается Находка. {NOT_RU}"),
        # A name of several words, some known alone ("new"), or each ordinary ("los").
        ("new york quota", Language.EN, f"The report does not mention New York. {NOT_EN}"),
        ("workers in hong kong", Language.EN, f"The report does not mention Hong Kong. {NOT_EN}"),
        (
            "what about los angeles",
            Language.EN,
            f"The report does not mention Los Angeles. {NOT_EN}",
        ),
        # A hyphenated name typed without its hyphen; named once, however it was found.
        ("ulan ude?", Language.EN, f"The report does not mention Ulan Ude. {NOT_EN}"),
        ("а в Улан-Удэ?", Language.RU, f"В статье не упоминается Улан-Удэ. {NOT_RU}"),
        ("丹东的工人交多少？", Language.ZH, f"报道没有提及丹东。{NOT_ZH}"),
        (
            "카잔에서 일하는 노동자들은?",
            Language.KO,
            f"보도는 카잔에 대해 언급하지 않습니다. {NOT_KO}",
        ),
        ("우파 노동자 할당량", Language.KO, f"보도는 우파에 대해 언급하지 않습니다. {NOT_KO}"),
    ],
)
def test_an_uncovered_place_is_said_not_mentioned(
    engine: AnswerEngine, question: str, language: Language, first: str
) -> None:
    assert lines_in(engine, question, language)[0] == first


@pytest.mark.parametrize(
    ("question", "language", "first"),
    [
        ("what about workers in the footnote", Language.EN, "The report does not say that."),
        ("what is the quota for the lads", Language.EN, SAKHALIN[Language.EN]),
        ("how much do workers pay in practice", Language.EN, SAKHALIN[Language.EN]),
        # "at tall" is a town's name in the gazetteer; "at" opens no name.
        ("workers at tall buildings", Language.EN, SAKHALIN[Language.EN]),
        # "mobile" without a place's frame is the word. (Bare "mobile quota" is a phone's
        # data quota since round 15: another kind of quota, the scope reply, no place either.)
        ("quota of the mobile workers", Language.EN, SAKHALIN[Language.EN]),
        ("что в сноске про квоту?", Language.RU, SAKHALIN[Language.RU]),
        ("脚注里的配额是多少？", Language.ZH, SAKHALIN[Language.ZH]),
        # "우파" is the right wing here: no frame of a place, and a short everyday word.
        ("우파 정부는 할당량을 어떻게 봐?", Language.KO, SAKHALIN[Language.KO]),
        ("각주에서 할당량은?", Language.KO, SAKHALIN[Language.KO]),
    ],
)
def test_an_ordinary_or_jargon_word_is_never_an_uncovered_place(
    engine: AnswerEngine, question: str, language: Language, first: str
) -> None:
    lines = lines_in(engine, question, language)
    assert lines[0] == first
    assert not [line for line in lines if "does not mention" in line or "не упоминается" in line]


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("what about workers in sakalin", Language.EN),
        ("сколько платят ребята на сахлине?", Language.RU),
    ],
)
def test_a_typo_of_a_covered_place_is_read_as_it(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    assert lines_in(engine, question, language)[0] == SAKHALIN[language]


def test_a_far_typo_of_a_covered_place_still_gets_did_you_mean(engine: AnswerEngine) -> None:
    reply = engine.answer("how much in sakalinsk")
    assert ("Did you mean Sakhalin?", "Sakhalin quota") in reply.follow_ups


def test_the_word_lists() -> None:
    assert known_place("tashkent") and known_place("улан-батор") and known_place("울란바토르")
    assert known_place("bogotá") and known_place("乌兰巴托")
    assert not known_place("footnote") and not known_place("worksheet")
    assert ordinary_english("footnote") and ordinary_english("lads")
    assert ordinary_english("worksheet") and ordinary_english("mobile")
    assert not ordinary_english("siberia") and not ordinary_english("tashkent")
