"""A new report in Russian, Chinese and Korean answers (issue 12), over the seed and a made-up
report of its own (testkit/reports/test_lantern_2023.json: Klaipeda fish canneries and Kaunas
furniture workshops per week in euros, Almaty construction per month; no editor translated
anything, no alias or CLDR city name spells Klaipeda or Kaunas in those scripts).

- its places asked in Cyrillic, Hangul or Han letters, inflected, are its places
  (bot/engine/script_places.py); a place that only looks alike is not;
- its source descriptions, basis words, unglossed sectors and topics stay in English, marked
  as the original as a statement no editor translated is (bot/engine/report_words.py); its
  outlets' names are names and stay unmarked; a glossed sector and CLDR's city names are in
  the reply's language; English answers are unchanged.

Each question is our own wording; none is from a question set.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.engine import AnswerEngine, wording
from bot.engine.report_words import as_original, described, is_description
from bot.engine.script_places import ScriptPlaces, romanised, sound_key
from bot.i18n import Language, translator
from testkit.engine import TEST_LANTERN, engine_with, lines_in

SEED_FIGURES = ("62", "124", "3,400", "3 400", "6,800", "6 800")
MARK = {
    Language.RU: "(оригинал, английский)",
    Language.ZH: "（原文，英语）",
    Language.KO: "(원문, 영어)",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path: Path = tmp_path_factory.mktemp("report-languages") / "two.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", TEST_LANTERN))


def text_of(engine: AnswerEngine, question: str, language: Language) -> str:
    """The answer's lines, CLDR's no-break spaces as plain ones ("2 000")."""
    text = "\n".join(lines_in(engine, question, language))
    return text.replace("\xa0", " ").replace("\u202f", " ")


# --- places written in the question's script ---------------------------------------------


@pytest.mark.parametrize(
    ("question", "language", "figure", "other"),
    [
        ("сколько платят в Клайпеде", Language.RU, "70", "55"),
        ("а в клайпеде сколько сдают рабочие", Language.RU, "70", "55"),
        ("а из Каунаса рабочие сколько сдают?", Language.RU, "55", "640"),
        ("克莱佩达的工人每周交多少", Language.ZH, "70", "55"),
        ("在克莱佩达打工的朝鲜人交多少钱", Language.ZH, "70", "55"),
        ("在考纳斯的工人交多少钱", Language.ZH, "55", "640"),  # no gazetteer name
        ("클라이페다 노동자들은 일주일에 얼마 내요?", Language.KO, "70", "55"),
        ("카우나스 노동자들은 얼마 내요?", Language.KO, "55", "640"),
    ],
)
def test_a_new_reports_place_in_the_questions_script(
    engine: AnswerEngine, question: str, language: Language, figure: str, other: str
) -> None:
    text = text_of(engine, question, language)
    assert figure in text, text
    assert other not in text, text
    assert not any(f in text for f in SEED_FIGURES), text


@pytest.mark.parametrize(
    ("question", "language", "named"),
    [
        ("в Норильске сколько платят?", Language.RU, "Норильск"),
        ("а в Клину сколько платят?", Language.RU, "Клин"),
    ],
)
def test_a_place_that_only_looks_alike_is_still_not_in_the_reports(
    engine: AnswerEngine, question: str, language: Language, named: str
) -> None:
    text = text_of(engine, question, language)
    assert "70" not in text and "55 " not in text, text
    assert f"не упоминается {named}" in text, text


def test_a_chinese_name_of_transliteration_characters_that_sounds_like_no_stored_place(
    engine: AnswerEngine,
) -> None:
    text = text_of(engine, "在安卡拉的工人交多少钱", Language.ZH)
    assert not any(f in text for f in ("70 欧元", "55 欧元", "640 美元")), text


def test_sound_keys_meet_across_scripts() -> None:
    assert romanised("Тында") == "tynda"
    assert romanised("하노이") == "hanoi"
    assert romanised("格但斯克") == "gedansike"
    assert romanised("格但斯克了") == ""  # a character no transliteration uses: no name
    keys = {sound_key(n) for n in ("Gdańsk", "Гданьск", "그단스크")}
    assert keys == {"ktansk"}
    places = ScriptPlaces(["Klaipeda", "Kaunas", "Hanoi", "Tynda", "Gdańsk"])
    assert places.find("Клайпеде") == "Klaipeda"
    assert places.find("Тында") == "Tynda"
    assert places.find("滕达") == "Tynda"
    assert places.find("하노이") == "Hanoi"
    for elsewhere in ("호치민", "Хошимин", "Эрдэнэт", "Дания", "胡志明", "金边", "Kaunas"):
        assert places.find(elsewhere) is None, elsewhere


# --- the report's own words, marked --------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("кто источник по Клайпеде?", Language.RU),
        ("克莱佩达的消息是谁说的", Language.ZH),
        ("클라이페다 얘기는 누가 한 말이에요", Language.KO),
    ],
)
def test_a_source_description_is_the_reports_words_marked(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    text = text_of(engine, question, language)
    assert f"“a made-up ship's cook in Klaipeda”{' ' if language != Language.ZH else ''}" in text
    assert f"“a made-up ship's cook in Klaipeda” {MARK[language]}".replace(" （", "（") in text
    # The outlet is a name: never marked, never quoted.
    assert "“Test Lantern”" not in text, text


@pytest.mark.parametrize(
    ("question", "language", "sector"),
    [
        ("сколько платят в Клайпеде", Language.RU, "“fish canneries” (оригинал, английский)"),
        ("克莱佩达的工人要交多少", Language.ZH, "“fish canneries”（原文，英语）"),
        ("클라이페다 노동자들 할당량", Language.KO, "“fish canneries” (원문, 영어)"),
    ],
)
def test_an_unglossed_sector_and_the_basis_words_are_marked(
    engine: AnswerEngine, question: str, language: Language, sector: str
) -> None:
    text = text_of(engine, question, language)
    assert sector in text, text
    assert "“each cannery hand”" in text, text
    assert "each cannery hand" not in text.replace("“each cannery hand”", ""), text


@pytest.mark.parametrize(
    ("question", "language", "city", "sector"),
    [
        ("сколько платят строители в Алматы", Language.RU, "Алматы", "строительство"),
        ("阿拉木图的建筑工人每月交多少", Language.ZH, "阿拉木图", "建筑"),
        ("알마티 건설 노동자 얼마 내요", Language.KO, "알마티", "건설"),
    ],
)
def test_cldr_city_names_and_a_glossed_sector_in_the_replys_language(
    engine: AnswerEngine, question: str, language: Language, city: str, sector: str
) -> None:
    text = text_of(engine, question, language)
    assert "640" in text, text
    assert city in text and "Almaty," not in text, text
    assert sector in text and "“construction”" not in text, text
    assert "“Aigul Test, a made-up broker in Almaty”" in text, text


def test_an_untitled_topic_is_marked_and_a_kind_of_quota_is_the_engines_word(
    engine: AnswerEngine,
) -> None:
    text = text_of(engine, "кто источник по Клайпеде?", Language.RU)
    assert "“housing” (оригинал, английский)" in text, text
    assert "Квота" in text and "weekly quota" not in text, text


def test_english_answers_keep_the_reports_words_unmarked(engine: AnswerEngine) -> None:
    text = text_of(engine, "how much in klaipeda", Language.EN)
    assert "workers in fish canneries" in text, text
    assert "Basis, in the report's words: each cannery hand." in text, text
    assert "a made-up ship's cook in Klaipeda, who told Test Lantern" in text, text
    assert "“" not in text and "original" not in text, text


def test_what_counts_as_the_reports_own_words() -> None:
    assert is_description("a made-up ship's cook in Klaipeda")
    assert is_description("Aigul Test, a made-up broker in Almaty")
    assert not is_description("Test Lantern")
    assert not is_description("Daily NK")
    with wording.speaking(translator(Language.RU)):
        assert as_original("each carpenter") == "“each carpenter” (оригинал, английский)"
        assert as_original("IT") == "IT"  # an abbreviation reads in every language
        assert as_original("Сахалин") == "Сахалин"  # already in the reply's script
        assert described("Test Beacon", "Test Beacon") == "Test Beacon"
        assert described("a source in Russia", "источник в России") == "источник в России"
    with wording.speaking(translator(Language.ZH)):
        assert as_original("each carpenter") == "“each carpenter”（原文，英语）"
    assert as_original("each carpenter") == "each carpenter"  # English: as it is


# --- a report's sector asked by its word in the question's language -----------------------


@pytest.fixture(scope="module")
def almanac(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    from testkit.engine import EXAMPLE_ALMANAC

    path: Path = tmp_path_factory.mktemp("report-languages-almanac") / "two.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", EXAMPLE_ALMANAC))


@pytest.mark.parametrize(
    ("question", "language", "figure", "other"),
    [
        ("сколько платят врачи каждый месяц", Language.RU, "2 000", "450"),
        ("а на верфи сколько сдают?", Language.RU, "450", "2 000"),
        ("医生每个月交多少", Language.ZH, "2,000", "450"),
        ("造船厂的工人交多少", Language.ZH, "450", "2,000"),
        ("의사들은 한 달에 얼마 내요?", Language.KO, "2,000", "450"),
        ("조선소 노동자들은 얼마 내요?", Language.KO, "450", "2,000"),
    ],
)
def test_a_kind_of_work_in_the_questions_language_is_the_reports_sector(
    almanac: AnswerEngine, question: str, language: Language, figure: str, other: str
) -> None:
    text = text_of(almanac, question, language)
    assert figure in text, text
    assert other not in text, text
    assert not any(f in text for f in SEED_FIGURES), text


@pytest.mark.parametrize(
    ("question", "language", "title"),
    [
        (
            "какая статья об этом написала?",
            Language.RU,
            "Заголовок: “Test only: Klaipeda cannery workers and Kaunas carpenters pay by the "
            "week” (оригинал, английский)",
        ),
        (
            "克莱佩达那件事是哪家媒体报的",
            Language.ZH,
            "标题： “Test only: Klaipeda cannery workers and Kaunas carpenters pay by the "
            "week”（原文，英语）",
        ),
        (
            "Test Lantern 기사 제목이 뭐예요?",
            Language.KO,
            "제목: “Test only: Klaipeda cannery workers and Kaunas carpenters pay by the "
            "week” (원문, 영어)",
        ),
        (
            "what's the article's title",
            Language.EN,
            "Title: “Test only: Klaipeda cannery workers and Kaunas carpenters pay by the week”",
        ),
    ],
)
def test_the_reports_title_is_its_own_words_marked(
    engine: AnswerEngine, question: str, language: Language, title: str
) -> None:
    text = text_of(engine, question, language)
    assert title in text.splitlines(), text


def test_a_deadline_no_data_names_is_the_reports_words_marked() -> None:
    from bot.engine.local_names import local_name

    with wording.speaking(translator(Language.RU)):
        assert local_name("deadline", "by the end of the month") == "до конца месяца"
        assert (
            local_name("deadline", "before the harvest")
            == "“before the harvest” (оригинал, английский)"
        )
        assert local_name("place", "Almaty") == "Алматы"  # CLDR's name
        assert local_name("place", "Klaipeda") == "Klaipeda"  # none: as stored, unmarked
    with wording.speaking(translator(Language.KO)):
        assert local_name("deadline", "before the harvest") == "“before the harvest” (원문, 영어)"
    assert local_name("deadline", "before the harvest") == "before the harvest"
