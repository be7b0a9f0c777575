"""Relevance from a question's content (bot/engine/content_words.py, relevance.py): the
content words no table holds in Russian, Chinese and Korean, a part tied to the report only
by words another subject shares, and pay asked of someone else. Wordings of our own, apart
from tests/unit/scope_batch/, with negatives that must keep their answers."""

from __future__ import annotations

import asyncio

import pytest

from bench.understanding import check, reply_text
from bot.engine import AnswerEngine
from bot.engine.content_words import korean_noun, rules
from bot.engine.language import Language
from bot.engine.relevance import asks_others_pay, core_tie, market_rate, shared_words_only
from bot.engine.second_opinion import reads_off_topic, using_model
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Attribute, Intent
from testkit.engine import seeded_engine

QUOTA_FIGURES = ["62,000", "124,000", "3,400", "6,800"]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("content") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


# --- Korean nouns: a word before a noun's particle, or a bare word with no verb's ending.
KOREAN = [
    ("일식은", "일식"),
    ("보드카를", "보드카"),
    ("소련은", "소련"),
    ("손흥민", "손흥민"),
    ("떨어졌어", ""),
    ("끓여요", ""),
    ("비", ""),  # one syllable: too short to judge
]


@pytest.mark.parametrize(("word", "noun"), KOREAN)
def test_a_korean_noun_is_read_without_its_particle(word: str, noun: str) -> None:
    table = rules(Language.KO)
    assert table is not None
    assert korean_noun(word, table) == noun


# --- Words no table holds, as the engine reads a part.
UNREAD = [
    ("почему северная корея отправила солдат в россию", "солдат"),
    ("朝鲜为什么派兵去俄罗斯", "派兵"),
    ("다음 일식은 언제야", "일식"),
    ("소련은 언제 무너졌어?", "소련"),
]


@pytest.mark.parametrize(("question", "word"), UNREAD)
def test_a_content_word_no_table_holds_is_unread(
    engine: AnswerEngine, question: str, word: str
) -> None:
    assert word in engine.understand(question).segments[0].unread


KNOWN = [
    "сколько сейчас платят рабочие на сахалине",
    "萨哈林的工人现在每月交多少",
    "사할린 노동자들은 지금 얼마 내?",
    "кто это сообщил?",
    "大连的工人一个月要交多少钱",
]


@pytest.mark.parametrize("question", KNOWN)
def test_the_reports_own_words_are_no_unread_words(engine: AnswerEngine, question: str) -> None:
    assert engine.understand(question).segments[0].unread == []


def test_without_a_model_no_unread_word_is_another_subject(engine: AnswerEngine) -> None:
    with using_model(None):
        assert not reads_off_topic("朝鲜为什么派兵去俄罗斯")
        assert engine.understand("朝鲜为什么派兵去俄罗斯").segments[0].foreign == []


# --- The rules on a frame.
def test_a_change_word_beside_another_subjects_word_is_not_tied() -> None:
    part = Understanding(text="", foreign=["egg"], ties=["double"], topics=["doubling"])
    assert not core_tie(part)
    assert shared_words_only(part)
    assert not part.on_topic


def test_they_tie_a_part_to_the_report_beside_another_subjects_word() -> None:
    part = Understanding(text="", foreign=["medical"], ties=["they"], people_pronoun=True)
    assert core_tie(part)
    assert not shared_words_only(part)


def test_a_covered_place_ties_unless_another_subjects_noun_is_asked() -> None:
    plain = Understanding(text="", foreign=["pollock"], ties=["dalian"], places=["Dalian"])
    assert not shared_words_only(plain)
    priced = Understanding(
        text="", foreign=["сколько стоить"], ties=["сахалин"], places=["Sakhalin"]
    )
    priced.listed_foreign = ["сколько стоить"]
    assert not shared_words_only(priced)  # a listed noun beside the place, not asked
    priced.other_asked = True  # "сколько стоит": asked by its question word
    assert shared_words_only(priced)


def test_a_report_word_as_the_first_half_of_another_term_is_not_tied() -> None:
    part = Understanding(
        text="", foreign=["sampling"], ties=["quota"], strong_domain=True, compound_foreign=True
    )
    assert shared_words_only(part)
    part.ties.append("sakhalin")
    assert not shared_words_only(part)


def test_an_ask_of_the_report_ties_it_whatever_else_is_said() -> None:
    part = Understanding(text="", foreign=["yarn"], ties=["who"], intents=[Intent.SOURCES])
    assert not shared_words_only(part)


def test_pay_asked_of_a_whole_country_is_someone_elses() -> None:
    wages = [Attribute.WAGES]
    assert asks_others_pay(Understanding(text="", attributes=list(wages), countries=["CN"]))
    assert asks_others_pay(Understanding(text="", attributes=list(wages), own_pay=True))
    workers = Understanding(text="", attributes=list(wages), countries=["CN"], workers_named=True)
    assert not asks_others_pay(workers)
    placed = Understanding(text="", attributes=list(wages), places=["Dalian"], own_pay=True)
    assert not asks_others_pay(placed)
    assert not asks_others_pay(Understanding(text="", attributes=list(wages)))


def test_two_currencies_now_with_nothing_of_the_reports_is_the_market_rate() -> None:
    rate = Understanding(text="", currencies=["CNY", "USD"], now=True)
    assert market_rate(rate)
    assert not rate.on_topic
    assert not market_rate(Understanding(text="", currencies=["CNY", "USD"]))
    assert not market_rate(Understanding(text="", currencies=["CNY", "USD"], now=True, domain=True))
    placed = Understanding(text="", currencies=["CNY", "USD"], now=True, places=["Dalian"])
    assert not market_rate(placed)


def test_the_state_that_takes_its_cut_ties_a_part_to_the_report() -> None:
    part = Understanding(text="", foreign=["gross"], attributes=[Attribute.WAGES], state_named=True)
    assert core_tie(part)
    assert not shared_words_only(part)


# --- Our own wordings, end to end (the sets' scorer judges each reply).
def _scope(question: str, language: str) -> dict[str, object]:
    expect = {"scope": True, "none": QUOTA_FIGURES, "reply_language": language}
    return {"question": question, "expect": expect}


OFF_TOPIC = [
    _scope("why did gas prices double last winter", "en"),
    _scope("how high is the tallest tower in russia", "en"),
    _scope("what's the typical salary in russia now", "en"),
    _scope("почему северная корея запустила ракету", "ru"),
    _scope("почему в китае так дёшево делать одежду", "ru"),
    _scope("когда откроют новый мост в китай", "ru"),
    _scope("为什么猪肉价格翻倍了", "zh"),
    _scope("朝鲜为什么又发射导弹", "zh"),
    _scope("在北京当老师一个月工资多少", "zh"),
    _scope("다음 월식은 언제야", "ko"),
    _scope("고려는 언제 망했어?", "ko"),
    _scope("설탕 값이 왜 두 배가 됐어?", "ko"),
    _scope("what's the ruble to dollar rate right now", "en"),
    _scope("сколько рублей сейчас в одном юане", "ru"),
]


@pytest.mark.parametrize("question", OFF_TOPIC, ids=[str(q["question"]) for q in OFF_TOPIC])
def test_another_subject_gets_the_scope_reply(
    engine: AnswerEngine, question: dict[str, object]
) -> None:
    _reply, text = reply_text(engine, str(question["question"]))
    assert check(question, text) == [], text


ON_TOPIC = [
    ("why did the quota double", "en", ["Party Congress"]),
    ("what do the dalian plants process? pollock? crab?", "en", ["seafood"]),
    ("my brother works in sakhalin construction, how much must he pay now", "en", ["62,000"]),
    ("how much do they earn and how much do they pay in sakhalin", "en", ["62,000"]),
    ("почему квоту удвоили", "ru", ["съезд"]),
    ("сколько с них требуют на сахалине", "ru", ["62,000"]),
    ("这个消息是从哪里来的", "zh", ["Daily NK"]),
    ("为什么要把额度加倍", "zh", ["第八"]),
    ("출처가 어디야?", "ko", ["Daily NK"]),
    ("월급에서 국가가 얼마나 떼가요?", "ko", ["대부분"]),
    ("how much is the sakhalin quota in dollars now", "en", ["1,460"]),
    ("what's their gross pay before the state takes its cut", "en", ["does not say"]),
]


@pytest.mark.parametrize(("question", "language", "tokens"), ON_TOPIC)
def test_the_reports_questions_keep_their_answers(
    engine: AnswerEngine, question: str, language: str, tokens: list[str]
) -> None:
    _reply, text = reply_text(engine, question)
    expect = {"all": tokens, "reply_language": language}
    assert check({"question": question, "expect": expect}, text) == [], text
