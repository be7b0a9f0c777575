"""Words a gazetteer or jieba's place tag knows, used as ordinary words: a Chinese word after
a negation (不太平, 没开封的), a word jieba tags a place that the gazetteer does not know and
no frame calls a place (朝阳大妈), a name inside a work's title (《甘泉》), a Russian case
form of an ordinary noun that a foreign name spells (в порту: Porto; на мосту: Most), a
Korean pronoun before a place's frame noun (저희 공장, vocabulary/ko.json). None
is "a place the reports do not mention"; the same names in a place's frame still are
(bot/engine/named_places.py, lexicon.py). Each question is written apart from the sets."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine

NOT_MENTIONED = ("没有提及", "не упоминается", "언급하지 않습니다")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("place_words") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def _mentions(engine: AnswerEngine, question: str, language: Language) -> list[str]:
    return [
        line
        for line in lines_in(engine, question, language)
        if any(phrase in line for phrase in NOT_MENTIONED)
    ]


@pytest.mark.parametrize(
    ("question", "language"),
    [
        # After a negation: a verb or an adjective (太平 and 安宁 are towns, 开封 a city).
        ("这年头不太平啊，朝鲜工人的配额是多少", Language.ZH),
        ("最近不太平，海外劳工每月上交多少", Language.ZH),
        ("心里不安宁，朝鲜工人现在每月交多少钱", Language.ZH),
        ("還沒開封的罐頭先放著，朝鮮工人每月交多少？", Language.ZH),
        # Tagged a place by jieba, unknown to the gazetteer, in no place's frame.
        ("朝阳大妈都在传配额翻倍了 现在多少钱", Language.ZH),
        ("朝阳群众早就举报了，朝鲜劳工每月交多少", Language.ZH),
        # Inside a work's title.
        ("听说《甘泉宫》要翻拍了，朝鲜工人配额多少", Language.ZH),
        ("《甘泉》这部剧谁演的", Language.ZH),
        # A case form of an ordinary noun: the port, the bridge, the sea.
        ("а в порту сколько платят корейцы?", Language.RU),
        ("мужики в порту говорят норму подняли, сколько теперь?", Language.RU),
        ("мы на мосту стояли и спорили — какая у корейцев норма?", Language.RU),
        ("я сейчас на море, какая норма у корейцев?", Language.RU),
        # A Korean pronoun before a place's frame noun ("저희 공장": our factory).
        ("저희들 공장 노동자는 할당량 얼마예요", Language.KO),
        ("쟤네 공장 일꾼들 얼마씩 내요", Language.KO),
        ("우리들 공장 노동자도 두 배예요?", Language.KO),
        ("그쪽 공장 노동자들 할당량은?", Language.KO),
        ("당신네 공장 노동자들은 얼마 내요", Language.KO),
        ("너희 공장 노동자들은 얼마 내?", Language.KO),
    ],
)
def test_an_ordinary_use_of_a_place_word_is_no_uncovered_place(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    assert _mentions(engine, question, language) == []


@pytest.mark.parametrize(
    ("question", "language", "name"),
    [
        # The same names where a frame calls them a place, or the gazetteer knows them.
        ("朝阳的工人配额多少", Language.ZH, "朝阳"),
        ("在朝阳干活的朝鲜工人交多少", Language.ZH, "朝阳"),
        ("朝阳区的工人配额多少", Language.ZH, "朝阳区"),
        ("开封的朝鲜工人交多少", Language.ZH, "开封"),
        ("太平的工人配额是多少", Language.ZH, "太平"),
        ("德州那边的工人呢", Language.ZH, "德州"),
        # A country jieba tags, unknown to the gazetteer, before no ordinary word.
        ("蒙古國之北韓勞工，每月交多少？", Language.ZH, "蒙古国"),
        ("蒙古国朝鲜工人每月交多少", Language.ZH, "蒙古国"),
        # Declined as the place (Nakhodka), or no ordinary word at all.
        ("а в Находке какая норма?", Language.RU, "Находка"),
        ("а в Уфе сколько?", Language.RU, "Уфа"),
        ("а в Порту-Алегри корейцы есть?", Language.RU, "Порту-Алегри"),
        ("칭다오 공장 노동자들은 얼마 내?", Language.KO, "칭다오"),
        (
            "저희 공장 있는 웨이하이에도 북한 노동자 있는데 거기도 두 배예요?",
            Language.KO,
            "웨이하이",
        ),
    ],
)
def test_the_same_names_as_places_are_still_not_mentioned(
    engine: AnswerEngine, question: str, language: Language, name: str
) -> None:
    mentions = _mentions(engine, question, language)
    assert len(mentions) == 1
    assert name in mentions[0]
