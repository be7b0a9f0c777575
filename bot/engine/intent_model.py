"""A learned second opinion on what a question asks: a linear model over a question's
character n-grams and words, trained (scripts/train_intent.py, with numpy) on the labelled
questions the rules answer right (bench/intent_labels.py) and shipped as plain weights.

Plain Python at run time (no numpy): a question has a few hundred features, each a short row
of integer weights, so a prediction is a few thousand additions. Loaded on first use. The
model only chooses WHICH composer answers (a label, below); it never makes a figure.

A label is one of: an ``Intent`` the claims answer ("quota", "sources", ...), "silent" (an ask
the report does not answer), "topic:<topic>", "arithmetic:<operation>", or the readings the
model may not act on ("off_topic", "not_covered", "correction").
"""

from __future__ import annotations

import base64
import gzip
import json
import math
import re
from array import array
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent

MODEL_PATH = Path(__file__).with_name("vocabulary") / "intent_model.json.gz"

OFF_TOPIC = str(Intent.OFF_TOPIC)
SILENT = str(Intent.SILENT)
TOPIC = "topic:"
SILENT_ABOUT = "silent:"  # the report does not say this attribute ("silent:work_time")
ARITHMETIC = "arithmetic:"
# Readings the model names but never acts on: it only adds an answer the rules missed.
PASSIVE = frozenset({OFF_TOPIC, str(Intent.NOT_COVERED), str(Intent.CORRECTION)})
# What an engine reply's first intent says, when it is one a label can name.
_INTENT_LABELS = frozenset(
    {
        Intent.QUOTA, Intent.USD, Intent.DATE, Intent.SOURCES, Intent.VERIFIED,
        Intent.TRUST_OUTLET, Intent.ARTICLE, Intent.LIST, Intent.SECTORS, Intent.BASIS,
        Intent.SUMMARY, Intent.COMPARE, Intent.SILENT, Intent.OFF_TOPIC, Intent.NOT_COVERED,
        Intent.CORRECTION, Intent.STATEMENTS,
    }
)  # fmt: skip

_TOKEN = re.compile(r"[^\W_]+|\$|\?", re.UNICODE)
_NGRAMS = (2, 3, 4)


def label_of(u: Understanding, reply: Reply) -> str:
    """The label of a one-part message from the engine's own reading and answer; "" when it
    has several parts or no label fits (bench/intent_labels.py keeps only passed ones)."""
    if len(u.segments) != 1 or not reply.intents:
        return ""
    first = reply.intents[0]
    segment = u.segments[0]
    if first == Intent.ARITHMETIC:
        return f"{ARITHMETIC}{segment.operations[0]}" if segment.operations else ""
    if first.startswith(TOPIC):
        return first
    if first == Intent.SILENT and segment.attributes:
        return f"{SILENT_ABOUT}{segment.attributes[0]}"
    return first if first in _INTENT_LABELS else ""


def features(text: str) -> Counter[str]:
    """Words, word pairs and each word's character n-grams with its boundaries (" sak"):
    a Chinese or Korean run of characters is one word here, its n-grams its pieces."""
    tokens = _TOKEN.findall(text.lower())
    found: Counter[str] = Counter()
    for token in tokens:
        found[f"w:{token}"] += 1
        padded = f" {token} "
        for n in _NGRAMS:
            for start in range(len(padded) - n + 1):
                found[padded[start : start + n]] += 1
    for first, second in pairwise(tokens):
        found[f"b:{first} {second}"] += 1
    return found


@dataclass(frozen=True)
class Prediction:
    label: str
    confidence: float
    runner_up: float = 0.0  # the next likeliest label's probability

    @property
    def lead(self) -> float:
        """How far the likeliest label stands above the next: the confidence margin."""
        return self.confidence - self.runner_up


class IntentModel:
    """Softmax over ``labels``: each known feature's tf-idf weight times its row."""

    def __init__(self, data: dict[str, object]) -> None:
        self.labels: list[str] = list(data["labels"])  # type: ignore[call-overload]
        self.scale = float(data["scale"])  # type: ignore[arg-type]
        self.bias = [float(b) for b in data["bias"]]  # type: ignore[attr-defined]
        self.inputs_hash = str(data["inputs_hash"])
        names: list[str] = data["features"]  # type: ignore[assignment]
        idf: list[float] = data["idf"]  # type: ignore[assignment]
        # One signed byte per (feature, label), row after row: a few hundred kB in memory.
        self._weights = array("b", base64.b64decode(str(data["weights"])))
        # A feature's row, and its idf in a flat array: no tuple and float object per
        # feature (about 1.5 MB less for 20,000 features).
        self._index = {name: row for row, name in enumerate(names)}
        self._idf = array("f", idf)

    def scores(self, text: str) -> list[float]:
        index, idf = self._index, self._idf
        found = [(index[f], count) for f, count in features(text).items() if f in index]
        weights = [(row, (1.0 + math.log(count)) * idf[row]) for row, count in found]
        norm = math.sqrt(sum(w * w for _, w in weights)) or 1.0
        totals = list(self.bias)
        width = len(totals)
        for row, weight in weights:
            share = weight / norm * self.scale
            start = row * width
            for column, value in enumerate(self._weights[start : start + width]):
                totals[column] += share * value
        return totals

    def predict(self, text: str) -> Prediction:
        totals = self.scores(text)
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        best = max(range(len(exps)), key=exps.__getitem__)
        total = sum(exps)
        second = max((e for i, e in enumerate(exps) if i != best), default=0.0)
        return Prediction(self.labels[best], exps[best] / total, second / total)


@cache
def shipped_model() -> IntentModel | None:
    """The model in package data, read once; None when it is not there."""
    if not MODEL_PATH.is_file():
        return None
    with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as handle:
        return IntentModel(json.load(handle))
