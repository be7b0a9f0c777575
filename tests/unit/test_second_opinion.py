"""Where the intent model's second opinion acts (bot/engine/second_opinion.py ``POLICY``),
beyond the one-part messages naming a covered subject: a message the rules call off-topic that
names no covered subject and no other subject's noun (an ordinary word for the workers), and
a part of several messages that asks nothing the rules read. Our own questions, written
before the shipped model saw them; a question of another subject stays off-topic."""

from __future__ import annotations

import asyncio
import math

import pytest

from bot.engine import AnswerEngine
from bot.engine.intent_model import IntentModel, Prediction, shipped_model
from bot.engine.second_opinion import FOREIGN, POLICY, Situation, using_model
from bot.engine.vocabulary import Intent
from testkit.engine import seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("second-opinion") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


class _Fixed(IntentModel):
    """Always the same label at the same confidence."""

    def __init__(self, label: str, confidence: float, runner_up: float = 0.0) -> None:
        self._guess = Prediction(label, confidence, runner_up)

    def predict(self, text: str) -> Prediction:
        return self._guess


def test_the_policy_acts_where_it_was_measured() -> None:
    assert set(POLICY) == {
        Situation.DEFAULT,
        Situation.OFF_TOPIC,
        Situation.OFF_SUBJECT,
        Situation.PART,
        Situation.UNKNOWN_PLACE,
    }
    assert min(POLICY.values()) >= 0.7
    assert POLICY[Situation.OFF_SUBJECT] >= 0.8


def test_an_ordinary_word_for_the_workers_gets_the_quota(engine: AnswerEngine) -> None:
    # The rules now read "how much do the grafters pay up" and "whats the damage for the
    # grafters" themselves (people_back.py); here they do not, and the shipped model is sure.
    question = "whats the damage for the toilers"
    with using_model(None):
        assert engine.answer(question).intents == [Intent.OFF_TOPIC]
    reply = engine.answer(question)
    assert reply.intents == [Intent.QUOTA, "model:quota"]
    assert "62,000" in "\n".join(reply.lines)


@pytest.mark.parametrize(
    "question",
    [
        "who painted the mona lisa",
        "when did the berlin wall fall",
        "what is the difference between a lease and a mortgage",
        "how do i reset my router",
        "кто написал войну и мир",
        "谁发明了电话",
        "비트코인 지금 얼마야",
    ],
)
def test_another_subject_stays_off_topic(engine: AnswerEngine, question: str) -> None:
    with using_model(None):
        before = engine.answer(question).intents
    after = engine.answer(question).intents
    assert after == before
    assert Intent.QUOTA not in after


def test_off_subject_acts_only_above_its_threshold_and_with_the_quota(
    engine: AnswerEngine,
) -> None:
    question = "how much the brickies hand in"
    policy = {Situation.OFF_SUBJECT: 0.8}
    with using_model(None):
        assert engine.answer(question).intents == [Intent.OFF_TOPIC]
    with using_model(_Fixed("quota", 0.7), policy=policy):
        assert engine.answer(question).intents == [Intent.OFF_TOPIC]
    with using_model(_Fixed("quota", 0.9), policy=policy):
        intents = engine.answer(question).intents
    assert intents == [Intent.QUOTA, "model:quota"]
    with using_model(_Fixed("quota", 0.99), policy={Situation.DEFAULT: 0.7}):
        assert engine.answer(question).intents == [Intent.OFF_TOPIC]
    for label in ("arithmetic:difference", "article", "date", "sources"):
        with using_model(_Fixed(label, 0.99), policy=policy):
            assert engine.answer(question).intents == [Intent.OFF_TOPIC]


def test_a_part_that_asks_nothing_gets_the_confident_label(engine: AnswerEngine) -> None:
    question = "who reported this? and sakhalin over twelve months"
    with using_model(None):
        before = engine.answer(question).intents
    assert Intent.ARITHMETIC not in before
    with using_model(_Fixed("arithmetic:per_year", 0.9), policy={Situation.PART: 0.8}):
        reply = engine.answer(question)
    assert Intent.ARITHMETIC in reply.intents
    assert reply.intents[-1] == "model:arithmetic:per_year"
    assert "744,000" in "\n".join(reply.lines)
    with using_model(_Fixed("arithmetic:per_year", 0.7), policy={Situation.PART: 0.8}):
        assert engine.answer(question).intents == before


def test_a_part_with_another_subject_is_left_to_the_rules(engine: AnswerEngine) -> None:
    question = "what's the weather in dalian? and the quota in sakhalin"
    with using_model(None):
        before = engine.answer(question).intents
    with using_model(_Fixed("usd", 0.99), policy={Situation.PART: 0.0}):
        assert engine.answer(question).intents == before


def test_beside_a_word_read_as_an_uncovered_place_only_the_reports_own_labels_act(
    engine: AnswerEngine,
) -> None:
    # "bar" is a town the gazetteer knows (Bar, Montenegro): read as a place not covered.
    question = "who's the fella feeding you this, some chap at the bar?"
    with using_model(None):
        assert engine.answer(question).intents == [Intent.OFF_TOPIC]
    policy = {Situation.UNKNOWN_PLACE: 0.7}
    with using_model(_Fixed("sources", 0.75), policy=policy):
        reply = engine.answer(question)
    assert reply.intents == [Intent.SOURCES, "model:sources"]
    assert "Who says so" in "\n".join(reply.lines)
    with using_model(_Fixed("sources", 0.65), policy=policy):
        assert engine.answer(question).intents == [Intent.OFF_TOPIC]
    # Never a figure for a place the store may not cover, however sure.
    figure = "how much do the lads at the bar hand over a month"
    for label in ("quota", "usd", "arithmetic:per_year", "topic:reason", "date"):
        with using_model(_Fixed(label, 0.99), policy=policy):
            assert engine.answer(figure).intents == [Intent.NOT_COVERED], label


def test_beside_an_uncovered_place_the_answer_is_the_labels_or_the_rules(
    engine: AnswerEngine,
) -> None:
    # Without "bar", "spreading" reads as a spread (a difference): not what the model said.
    question = "who's spreading this tale, some chap at the bar?"
    with using_model(_Fixed("sources", 0.99), policy={Situation.UNKNOWN_PLACE: 0.7}):
        assert engine.answer(question).intents == [Intent.NOT_COVERED]


@pytest.mark.parametrize(
    ("question", "rules"),
    [
        # (what else they must pay beside the wages, with words no table holds: the quota block,
        # not another subject; the round-14 wording now has no unread word left to weigh)
        ("除了工资 咱们的蓝领兄弟额外还要交啥钱不", [Intent.QUOTA]),
        ("왜 갑자기 두 배로 올린 거야?", ["topic:reason"]),
        ("почему северная корея отправила солдат", ["topic:reason"]),
    ],
)
def test_unread_words_are_another_subject_only_when_the_model_is_sure(
    engine: AnswerEngine, question: str, rules: list[str]
) -> None:
    # ``reads_off_topic`` (content_words.py): a retrained model flips readings it is unsure of,
    # so where "another subject" leads the next reading by less than ``FOREIGN`` the rules'
    # reading stands. (No situation of the policy acts here: only the rules' own use.)
    assert 0.1 <= FOREIGN <= 0.5
    for confidence, runner_up in ((0.32, 0.17), (0.5, 0.5 - FOREIGN + 0.01), (0.1, 0.0)):
        with using_model(_Fixed("off_topic", confidence, runner_up), policy={}):
            assert engine.answer(question).intents == rules
    for confidence, runner_up in ((0.36, 0.08), (0.5, 0.5 - FOREIGN), (0.95, 0.01)):
        with using_model(_Fixed("off_topic", confidence, runner_up), policy={}):
            assert engine.answer(question).intents == [Intent.OFF_TOPIC]
    with using_model(_Fixed("off_topic", 0.95, 0.01), policy={}, foreign=0.95):
        assert engine.answer(question).intents == rules
    with using_model(_Fixed("topic:reason", 0.99), policy={}):
        assert engine.answer(question).intents == rules


def test_the_confidence_margin_is_the_lead_over_the_next_reading() -> None:
    guess = Prediction("off_topic", 0.5, 0.25)
    assert guess.lead == 0.25
    model = shipped_model()
    assert model is not None
    found = model.predict("为什么天空是蓝色的")
    assert found.label == "off_topic"
    assert 0.0 < found.runner_up < found.confidence
    assert abs(sum(_probabilities(model, "为什么天空是蓝色的")) - 1.0) < 1e-9
    assert sorted(_probabilities(model, "为什么天空是蓝色的"))[-2] == pytest.approx(found.runner_up)


def _probabilities(model: IntentModel, text: str) -> list[float]:
    scores = model.scores(text)
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    return [e / sum(exps) for e in exps]


def test_beside_a_country_named_any_lead_reads_another_subject(engine: AnswerEngine) -> None:
    # "the rainy season in Cambodia": the rules' answer is about the country anyway ("does not
    # cover"); the model's reading, however narrow, makes it another subject.
    question = "캄보디아 우기는 언제예요?"
    with using_model(None):
        assert engine.answer(question).intents == [Intent.NOT_COVERED]
    with using_model(_Fixed("off_topic", 0.38, 0.3), policy={}):
        assert engine.answer(question).intents == [Intent.OFF_TOPIC]
    with using_model(_Fixed("quota", 0.38, 0.3), policy={}):
        assert engine.answer(question).intents == [Intent.NOT_COVERED]
