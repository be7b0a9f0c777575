"""Who says so, asked in any words (bot/engine/provenance.py, provenance_lines.py): an asking
shape beside a word of evidence, documents, naming or agreement asks where the claims come
from, in English, Russian (by lemma), Chinese and Korean; the answer also says what else was
asked (no document, none named or who is, what each source says), scoped to the place or
report asked about; a part naming only a kind of person after it asks the same."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from bot.engine.language import Language as EngineLanguage
from bot.engine.provenance import Asked, asked
from bot.engine.vocabulary import Intent
from bot.i18n import Language
from testkit.engine import engine_with, lines_in

REPORTS = Path(__file__).parents[2] / "testkit" / "reports"
EN, RU, ZH, KO = (EngineLanguage(x) for x in ("en", "ru", "zh", "ko"))


def _engine(tmp: pytest.TempPathFactory, name: str, *documents: Path) -> AnswerEngine:
    path = tmp.mktemp(name) / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", *documents))


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    return _engine(tmp_path_factory, "seed")


@pytest.fixture(scope="module")
def beacon(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    return _engine(tmp_path_factory, "beacon", REPORTS / "test_beacon_2026.json")


ORIGIN, DOCUMENTS, NAMED, AGREE = Asked.ORIGIN, Asked.DOCUMENTS, Asked.NAMED, Asked.AGREE

# (language, a wording of our own, what it asks): none of them in a question set.
ASKED = [
    (EN, "any proof at all", {ORIGIN}),
    (EN, "what is that story based on", {ORIGIN}),
    (EN, "how does hngn know any of this", {ORIGIN}),
    (EN, "were any documents leaked or is it word of mouth", {DOCUMENTS, ORIGIN}),
    (EN, "is the source named or anonymous?", {NAMED}),
    (EN, "do the two sources contradict each other", {AGREE}),
    (RU, "а на чём основаны эти цифры?", {ORIGIN}),
    (RU, "какие доказательства?", {ORIGIN}),
    (RU, "откуда им это известно", {ORIGIN}),
    (RU, "источник анонимный или назван?", {NAMED}),
    (RU, "где ссылка на документ?", {DOCUMENTS, ORIGIN}),
    (ZH, "这些数字有什么依据？", {ORIGIN}),
    (ZH, "凭什么这么说", {ORIGIN}),
    (ZH, "消息人士是实名的吗", {NAMED}),
    (ZH, "有没有文件截图", {DOCUMENTS}),
    (KO, "이거 근거가 뭐예요?", {ORIGIN}),
    (KO, "증거 있음?", {ORIGIN}),
    (KO, "소식통이 익명인가요?", {NAMED}),
    (KO, "문서 있어?", {DOCUMENTS}),
]


@pytest.mark.parametrize(("language", "question", "kinds"), ASKED)
def test_provenance_asked_in_other_words(
    language: EngineLanguage, question: str, kinds: set[Asked]
) -> None:
    assert asked(language, question) >= kinds


NOT_ASKED = [
    (EN, "how much is the quota in dalian?"),
    (EN, "can the workers keep their documents?"),
    (EN, "is the quota based on their salary?"),
    (EN, "what is the directive called"),
    (EN, "do the workers agree to pay"),
    (RU, "сколько платят на сахалине?"),
    (RU, "есть данные по рабочим в Пномпене?"),
    (ZH, "大连每月交多少钱？"),
    (KO, "사할린 할당량 얼마야?"),
]


@pytest.mark.parametrize(("language", "question"), NOT_ASKED)
def test_other_questions_ask_no_provenance(language: EngineLanguage, question: str) -> None:
    assert asked(language, question) == frozenset()


def test_documents_asked_get_that_none_is_given(seed: AnswerEngine) -> None:
    text = "\n".join(
        lines_in(seed, "were any documents leaked or is it word of mouth", Language.EN)
    )
    assert "a source in Russia — anonymous, spoke to Daily NK" in text
    assert (
        "The report gives no document, link or recording behind it: only what these sources said."
    ) in text
    assert "keep their papers" not in text
    russian = "\n".join(lines_in(seed, "а документы где? пруфы есть?", Language.RU))
    assert "Никаких документов, ссылок или записей статья не приводит" in russian


def test_named_asked_of_the_seed_says_none_is(seed: AnswerEngine) -> None:
    text = "\n".join(lines_in(seed, "is anybody named or is it all anon", Language.EN))
    assert "The report names none of these sources." in text
    assert "Daily NK" in text
    korean = "\n".join(lines_in(seed, "소식통이 익명인가요?", Language.KO))
    assert "Daily NK" in korean


def test_named_asked_of_a_report_named_beside_chinese_letters(beacon: AnswerEngine) -> None:
    question = "Test Beacon里有实名的消息人士吗"
    assert Intent.SOURCES in beacon.understand(question).intents
    text = "\n".join(lines_in(beacon, question, Language.ZH))
    assert "Haufiku" in text
    assert "HNGN" not in text  # that report's sources alone


def test_agreement_asked_shows_what_each_source_of_the_place_says(beacon: AnswerEngine) -> None:
    text = "\n".join(lines_in(beacon, "do the doha accounts contradict each other?", Language.EN))
    assert "What each of them says:" in text
    assert "a made-up labour recruiter in Doha" in text
    assert "2,200" in text
    assert "Windhoek" not in text


def test_who_says_a_places_stuff_lists_that_places_sources(beacon: AnswerEngine) -> None:
    text = "\n".join(lines_in(beacon, "who's saying the windhoek things", Language.EN))
    assert "a made-up foreman at the Windhoek monument site" in text
    assert "Tomas Haufiku" in text
    assert "Doha" not in text


@pytest.mark.parametrize(
    ("question", "language", "source"),
    [
        ("who said that about dalian? some russian guy?", Language.EN, "a source in China"),
        ("кто рассказал про Далянь? мужик из России?", Language.RU, "источник в Китае"),
        ("消息来源是谁？俄罗斯那个人？", Language.ZH, "俄罗斯的一位消息人士"),
    ],
)
def test_a_kind_of_person_after_who_said_it_asks_the_same(
    seed: AnswerEngine, question: str, language: Language, source: str
) -> None:
    text = "\n".join(lines_in(seed, question, language))
    assert source in text
    assert "62,000" not in text and "62 000" not in text  # no quota block for the country


@pytest.fixture(scope="module")
def gazette(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    return _engine(tmp_path_factory, "gazette", REPORTS / "test_gazette_2024.json")


def test_whose_claim_a_places_figure_is_comes_from_that_place(gazette: AnswerEngine) -> None:
    # Another report's claim using the word "figure" (Kolwezi's "weekly figure") is no
    # answer about Sakhalin's.
    text = "\n".join(lines_in(gazette, "the sakhalin figure - whose claim is it?", Language.EN))
    assert "a source in Russia — anonymous, spoke to Daily NK" in text
    assert "Kolwezi" not in text
