"""The intent model (bot/engine/intent_model.py) and its second opinion (second_opinion.py):
the shipped weights match their training data, they predict it, a held-back fold too; the
engine asks them only where the rules are unsure, above the threshold, and a question of
another subject stays off-topic. Questions here are our own, in four languages."""

from __future__ import annotations

import ast
import asyncio
import gzip
import json
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from bot.engine.intent_model import MODEL_PATH, IntentModel, Prediction, features, shipped_model
from bot.engine.second_opinion import THRESHOLD, using_model
from bot.engine.vocabulary import Intent
from testkit.engine import seeded_engine

REPOSITORY = Path(__file__).resolve().parents[2]


def _train() -> object:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "train_intent", REPOSITORY / "scripts" / "train_intent.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def train() -> object:
    return _train()


@pytest.fixture(scope="module")
def model() -> IntentModel:
    found = shipped_model()
    assert found is not None, f"no model at {MODEL_PATH}: run scripts/train_intent.py"
    return found


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("intent") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def test_the_shipped_model_is_trained_on_todays_inputs(train: object, model: IntentModel) -> None:
    # Labels, variants or the training script changed: run scripts/train_intent.py.
    assert model.inputs_hash == train.inputs_hash()  # type: ignore[attr-defined]


def test_the_shipped_model_is_small_and_read_without_numpy() -> None:
    assert MODEL_PATH.stat().st_size < 2_000_000
    for name in ("intent_model.py", "second_opinion.py"):
        tree = ast.parse((REPOSITORY / "bot" / "engine" / name).read_text(encoding="utf-8"))
        imported = {
            alias.name.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in getattr(node, "names", [])
        }
        modules = {
            node.module.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module
        }
        assert not {"numpy", "sklearn", "scipy"} & (imported | modules), name
    with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as handle:
        assert set(json.load(handle)) >= {"labels", "weights", "features", "inputs_hash"}


def test_it_predicts_its_training_data(train: object, model: IntentModel) -> None:
    pairs = train.examples()  # type: ignore[attr-defined]
    right = sum(model.predict(question).label == label for question, label in pairs)
    assert right / len(pairs) > 0.95


def test_it_predicts_a_fold_it_was_not_trained_on(train: object) -> None:
    # One fold of five: 5-fold accuracy was 68 % over 34 labels, and 84 % of the
    # predictions at confidence >= 0.7 were right (scripts/train_intent.py --folds 5).
    pairs = train.examples()  # type: ignore[attr-defined]
    learnt = [p for i, p in enumerate(pairs) if i % 5]
    held = [p for i, p in enumerate(pairs) if not i % 5]
    fitted = IntentModel(train.fit([q for q, _ in learnt], [label for _, label in learnt]))  # type: ignore[attr-defined]
    guesses = [(fitted.predict(q), label) for q, label in held]
    assert sum(g.label == label for g, label in guesses) / len(held) > 0.6
    sure = [(g, label) for g, label in guesses if g.confidence >= THRESHOLD]
    assert sure and sum(g.label == label for g, label in sure) / len(sure) > 0.8


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("sakhalin annualised", "arithmetic:per_year"),
        ("далянь в годовом выражении", "arithmetic:per_year"),
        ("萨哈林按年算是多少", "arithmetic:per_year"),
        ("다롄 연간으로 치면 얼마", "arithmetic:per_year"),
        ("bottom line on dalian", "quota"),
        ("по даляню итог какой", "quota"),
        ("大连那边到底交多少 说个数", "quota"),
        ("다롄 쪽 상납금 얼마임", "quota"),
        ("what did the workers themselves say about sakhalin", "statements"),
        ("weather in sakhalin this week", "off_topic"),
        ("погода на сахалине на выходных", "off_topic"),
        ("萨哈林这周天气怎么样", "off_topic"),
        ("사할린 이번 주 날씨 어때", "off_topic"),
    ],
)
def test_labels_of_our_own_questions(model: IntentModel, question: str, label: str) -> None:
    assert model.predict(question).label == label


def test_features_see_word_boundaries_and_cjk_pieces() -> None:
    found = features("Sakhalin 大连")
    assert {"w:sakhalin", " sa", "in ", "大连", " 大"} <= set(found)


class _Fixed(IntentModel):
    """Always the same label at the same confidence."""

    def __init__(self, label: str, confidence: float) -> None:
        self._guess = Prediction(label, confidence)

    def predict(self, text: str) -> Prediction:
        return self._guess


def test_the_model_is_asked_only_above_the_threshold(engine: AnswerEngine) -> None:
    # Not "sakhalin annualised": the rules read "annualised" since (round 8).
    question = "sakhalin over twelve months"
    with using_model(None):
        assert engine.answer(question).intents == [Intent.QUOTA]
    with using_model(_Fixed("arithmetic:per_year", 0.6), threshold=0.7):
        assert engine.answer(question).intents == [Intent.QUOTA]
    with using_model(_Fixed("arithmetic:per_year", 0.8), threshold=0.7):
        reply = engine.answer(question)
    assert reply.intents == [Intent.ARITHMETIC, "model:arithmetic:per_year"]
    assert "744,000" in "\n".join(reply.lines)  # labelled arithmetic, from the composer


def test_the_model_is_not_asked_where_the_rules_read_an_ask(engine: AnswerEngine) -> None:
    # The rules read "sources": a confident model cannot turn it into a quota block.
    with using_model(_Fixed("quota", 0.99)):
        assert Intent.QUOTA not in engine.answer("who says so about dalian").intents


@pytest.mark.parametrize(
    "question",
    [
        "who won the world cup",
        "weather in sakhalin",
        "what's the weather like in dalian this week",
        "погода на сахалине",
        "大连天气怎么样",
        "사할린 날씨 어때",
        "best seafood restaurant in dalian",
    ],
)
@pytest.mark.parametrize("label", ["quota", "arithmetic:per_year", "silent", "statements"])
def test_off_topic_stays_off_topic_whatever_the_model_says(
    engine: AnswerEngine, question: str, label: str
) -> None:
    with using_model(None):
        before = engine.answer(question).intents
    with using_model(_Fixed(label, 0.99)):
        after = engine.answer(question).intents
    assert after == before
    assert Intent.QUOTA not in after


def test_a_confident_model_turns_unsure_off_topic_into_an_answer(engine: AnswerEngine) -> None:
    # Not "bottom line on dalian": the rules answer a place's gist since (round 8).
    question = "how far apart are the russia and china amounts"
    with using_model(None):
        assert engine.answer(question).intents == [Intent.OFF_TOPIC]
    reply = engine.answer(question)  # the shipped model
    assert reply.intents == [Intent.ARITHMETIC, "model:arithmetic:difference"]
    assert "260" in "\n".join(reply.lines)
