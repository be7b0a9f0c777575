"""Russian, Chinese and Korean questions (issue 12, the input side): the language of a
message, each language's analysis, and the frames read from them, which must be the
frames the English question gives."""

from __future__ import annotations

import asyncio
import json

import pytest

from bot.engine import AnswerEngine
from bot.engine.analysis import analyse, simplified
from bot.engine.language import Language, detect
from bot.engine.lexicon import load_lexicon
from bot.engine.vocabulary import FOLDER, Attribute, Intent, Operation
from bot.engine.world_currencies import english_currency_phrases
from testkit.engine import seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("languages") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("how much in sakhalin", Language.EN),
        ("café au lait", Language.EN),
        ("", Language.EN),
        ("123 ?!", Language.EN),
        ("сколько на сахалине", Language.RU),
        ("в Dalian сколько сейчас", Language.RU),  # mixed: the non-Latin letters win
        ("萨哈林多少", Language.ZH),
        ("朝鮮工人在大連", Language.ZH),  # traditional
        ("loyalty money是啥意思", Language.ZH),
        ("사할린 얼마", Language.KO),
        ("124,000루블은 계산한 거야?", Language.KO),
        ("sahalin kvota skolko", Language.EN),  # transliterated: no script says Russian
    ],
)
def test_language_by_script(text: str, language: Language) -> None:
    assert detect(text) is language


def test_russian_words_become_lemmas_known_forms_first() -> None:
    known = {"сахалин", "далянь", "рабочий"}
    result = analyse("рабочие на сахалине и в даляне", Language.RU, known)
    assert result.tokens == ["рабочий", "на", "сахалин", "и", "в", "далянь"]
    assert result.places == []


def test_russian_unknown_place_names_are_found() -> None:
    result = analyse("а в хабаровске", Language.RU, {"сахалин"})
    assert result.places == ["хабаровск"]


def test_chinese_is_simplified_then_segmented() -> None:
    assert simplified("朝鮮工人在大連") == "朝鲜工人在大连"
    result = analyse("丹东的朝鲜工人", Language.ZH, {"朝鲜", "工人"})
    assert "丹东" in result.tokens and "的" in result.tokens
    assert result.places == ["丹东"]


def test_korean_words_lose_particles() -> None:
    known = {"사할린", "노동자", "명"}
    result = analyse(
        "사할린에서 노동자들은 몇 명이나", Language.KO, known, ("이나", "에서", "들은")
    )
    assert result.tokens == ["사할린", "노동자", "몇", "명"]


def test_english_passes_through_untouched() -> None:
    assert analyse("how much in sakhalin", Language.EN, set()).tokens == [
        "how",
        "much",
        "in",
        "sakhalin",
    ]


@pytest.mark.parametrize("language", [Language.RU, Language.ZH, Language.KO])
def test_vocabulary_files_name_only_known_enums(language: Language) -> None:
    lexicon = load_lexicon(language)  # raises on an unknown intent, attribute or operation
    assert lexicon.language is language
    data = json.loads((FOLDER / f"{language}.json").read_text(encoding="utf-8"))
    assert data["language"] == language
    assert set(data["intents"]) <= {i.value for i in Intent}
    assert set(data["attributes"]) <= {a.value for a in Attribute}
    assert set(data["operations"]) <= {o.value for o in Operation}


@pytest.mark.parametrize(
    "question",
    [
        "how many workers are there in sakhalin",
        "сколько рабочих на сахалине?",
        "萨哈林一共有多少朝鲜工人？",
        "사할린에 북한 노동자 몇 명이나 있어?",
    ],
)
def test_the_same_frame_in_every_language(engine: AnswerEngine, question: str) -> None:
    understood = engine.understander.understand(question)
    assert understood.places == ["Sakhalin"]
    assert Attribute.WORKFORCE in understood.attributes


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("сколько в год выходит на сахалине по новой норме", Language.RU),
        ("萨哈林翻倍以后一年交多少", Language.ZH),
        ("사할린 1년이면 몇 루블이야", Language.KO),
    ],
)
def test_the_frame_records_the_language(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    understood = engine.understander.understand(question)
    assert understood.language is language
    assert all(segment.language is language for segment in understood.segments)
    assert understood.places == ["Sakhalin"]
    assert Operation.PER_YEAR in understood.operations


def test_english_frames_say_english(engine: AnswerEngine) -> None:
    assert engine.understander.understand("sakhalin quota").language is Language.EN


@pytest.mark.parametrize(
    "question",
    [
        "если 3 года пахать на сахалине, сколько всего",
        "在大连干三年总共交多少",
        "다롄 3년 일하면 총 얼마",
    ],
)
def test_spans_of_years_are_read(engine: AnswerEngine, question: str) -> None:
    understood = engine.understander.understand(question)
    assert understood.months == 36
    assert Operation.TOTAL in understood.operations


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("а в хабаровске сколько?", "Khabarovsk"),
        ("丹东的朝鲜工人交多少", "Dandong"),
        ("단둥은 얼마 내?", "Dandong"),
        ("越南有没有朝鲜工人额度", "VN"),
    ],
)
def test_places_the_report_does_not_cover(engine: AnswerEngine, question: str, shown: str) -> None:
    understood = engine.understander.understand(question)
    assert not understood.places
    assert shown in understood.regions + understood.countries + understood.unknown_places


def test_a_mixed_message_reads_both_languages(engine: AnswerEngine) -> None:
    understood = engine.understander.understand("что за loyalty money и сколько в Dalian?")
    assert understood.language is Language.RU
    assert understood.places == ["Dalian"]
    assert "loyalty money" in understood.topics


def test_two_questions_in_one_message_are_two_parts(engine: AnswerEngine) -> None:
    understood = engine.understander.understand("大连交多少，几号开始的")
    assert len(understood.segments) == 2
    assert Intent.QUOTA in understood.segments[0].intents
    assert Intent.DATE in understood.segments[1].intents
    # The second part leaves its subject out, as Chinese does: it is Dalian's date.
    assert understood.segments[1].places == ["Dalian"]


def test_typos_and_traditional_characters(engine: AnswerEngine) -> None:
    assert engine.understander.understand("плиз цифры по сахолину").places == ["Sakhalin"]
    assert engine.understander.understand("朝鮮工人在大連做什麼工作").places == ["Dalian"]


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("сколько это в евро на сахалине", "euros (EUR)"),
        ("大连的额度折合多少韩元", "Korean won (KRW)"),
        ("62,000 rubles면 원화로 얼마야?", "Korean won (KRW)"),
        ("сколько в южнокорейских вонах", "Korean won (KRW)"),  # CLDR's plural name
    ],
)
def test_other_currencies_are_named_as_in_english(
    engine: AnswerEngine, question: str, shown: str
) -> None:
    understood = engine.understander.understand(question)
    assert Attribute.OTHER_CURRENCY in understood.attributes
    assert understood.other_currencies == [shown]


@pytest.mark.parametrize(
    ("question", "code"),
    [("сколько российских рублей", "RUB"), ("多少人民币", "CNY"), ("미국 달러로 얼마", "USD")],
)
def test_quota_currencies_by_their_cldr_names(
    engine: AnswerEngine, question: str, code: str
) -> None:
    assert code in engine.understander.understand(question).currencies


@pytest.mark.parametrize("language", [Language.RU, Language.ZH, Language.KO])
def test_glosses_are_english_cues(language: Language) -> None:
    english = json.loads((FOLDER / "en.json").read_text(encoding="utf-8"))
    cues = set(english["other_currencies"]) | set(english["attributes"]["other_sector"]["cues"])
    cues |= set(english["government_words"])  # "правительство", "政府", "정부"
    cues |= set(english["role_play_cues"])  # "개발자 모드" -> "developer mode", not programmers
    cues |= set(english_currency_phrases())  # every CLDR currency: "泰铢" -> "thb"
    for gloss in load_lexicon(language).glosses.values():
        assert gloss in cues, gloss


@pytest.mark.parametrize(
    ("question", "sector"),
    [
        ("а рыбаки в сахалине сколько сдают?", "fishermen"),
        ("饭店服务员也要交吗", "waitresses"),
        ("식당에서 일하는 사람들도 내?", "restaurant"),
    ],
)
def test_kinds_of_work_the_report_does_not_cover_are_named_in_english(
    engine: AnswerEngine, question: str, sector: str
) -> None:
    understood = engine.understander.understand(question)
    assert Attribute.OTHER_SECTOR in understood.attributes
    assert sector in understood.other_sectors


@pytest.mark.parametrize(
    "question",
    [
        "кувейт, катар — там есть данные?",  # "есть" is "быть", as is "суть"
        "сколько они платят на сахалине?",  # not "how many are they"
        "все квоты покажи",  # "все" is "весь", which is no total
    ],
)
def test_russian_lemmas_that_collide_are_no_cues(engine: AnswerEngine, question: str) -> None:
    understood = engine.understander.understand(question)
    assert Intent.SUMMARY not in understood.intents
    assert Attribute.WORKFORCE not in understood.attributes
    assert Operation.TOTAL not in understood.operations


PARALLEL = [
    (
        "where do the workers live in dalian",
        "где живут рабочие в даляне",
        "大连的工人住在哪里",
        "다롄 노동자들은 어디서 살아?",
    ),
    (
        "are the workers in sakhalin punished",
        "рабочих на сахалине наказывают?",
        "萨哈林的工人会受到惩罚吗",
        "사할린 노동자들은 처벌 받아?",
    ),
    (
        "how much per year in dalian",
        "сколько в год в даляне",
        "大连每年交多少",
        "다롄은 1년에 얼마",
    ),
    (
        "what percentage did the quota rise",
        "на сколько процентов выросла квота",
        "额度涨了百分之多少",
        "할당량 몇 퍼센트 올랐어",
    ),
    (
        "who said it about sakhalin",
        "кто это сказал про сахалин",
        "萨哈林的事谁说的",
        "사할린 얘기 누가 한 말이야",
    ),
    (
        "sakhalin quota in dollars",
        "квота на сахалине в долларах",
        "萨哈林的额度是多少美元",
        "사할린 할당량 달러로",
    ),
    ("what is loyalty money", "что такое деньги лояльности", "忠诚资金是什么", "충성자금이 뭐야"),
    (
        "how many workers in dalian",
        "сколько рабочих в даляне",
        "大连有多少工人",
        "다롄 노동자 몇 명",
    ),
    ("quota in vladivostok", "квота во владивостоке", "海参崴的额度", "블라디보스토크 할당량"),
    ("what do the workers eat", "чем кормят рабочих", "工人吃什么", "노동자들 밥은?"),
]


@pytest.mark.parametrize("row", PARALLEL, ids=[row[0] for row in PARALLEL])
def test_the_same_question_in_four_languages_is_one_frame(
    engine: AnswerEngine, row: tuple[str, str, str, str]
) -> None:
    """Written apart from the question sets: what the question is about and what it asks
    (places, countries, attributes, operations, places not covered) match English's."""

    def frame(question: str) -> dict[str, list[str]]:
        understood = engine.understander.understand(question)
        keys = ("places", "countries", "attributes", "operations", "regions", "unknown_places")
        return {key: sorted(map(str, getattr(understood, key))) for key in keys}

    english, *others = row
    for question in others:
        assert frame(question) == frame(english), question
