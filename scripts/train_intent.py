"""Train the intent model (bot/engine/intent_model.py) from its labelled questions.

    .venv/bin/python scripts/train_intent.py [--check] [--folds 5]

Inputs: bench/intent_data/labels.json (the worked-from sets' questions the engine answers
right, labelled by bench/intent_labels.py) and bench/intent_data/variants.json (our own
questions, four languages, for labels with few examples). Output: the shipped weights,
bot/engine/vocabulary/intent_model.json.gz, with a hash of the inputs (and this script), so a
unit test sees a stale model. Deterministic: zero start, full-batch steps, sorted features.
numpy is used here only; the engine reads the weights in plain Python.

``--folds`` prints the k-fold cross-validated accuracy and, per confidence threshold, the share
of predictions kept and their accuracy (the threshold the engine uses is chosen from these).
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import json
import math
import os
import sys
from pathlib import Path
from typing import Any

# One BLAS thread: sums in a fixed order, so the same inputs give the same weights.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import numpy as np  # noqa: E402

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from bot.engine.intent_model import (  # noqa: E402
    MODEL_PATH,
    SILENT,
    SILENT_ABOUT,
    IntentModel,
    features,
)

DATA = REPOSITORY / "bench" / "intent_data"
INPUTS = (DATA / "labels.json", DATA / "variants.json", Path(__file__).resolve())
MIN_DF = 2  # a feature seen in one question only is noise
MIN_EXAMPLES = 4  # fewer and a label is left out
L2 = 1e-5
STEPS = 300
RATE = 0.1
# "silent:<attribute>" labels (the missing attribute named) or one "silent" label.
SILENCES = False
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def inputs_hash() -> str:
    digest = hashlib.sha256()
    for path in INPUTS:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def examples(
    rows: list[dict[str, Any]] | None = None, silences: bool = SILENCES
) -> list[tuple[str, str]]:
    """(question, label) of ``rows`` (else the labels file's) and the variants; with
    ``silences`` false, every "silent:<attribute>" is one "silent"."""
    if rows is None:
        rows = json.loads(INPUTS[0].read_text(encoding="utf-8"))
    rows = [*rows, *json.loads(INPUTS[1].read_text(encoding="utf-8"))]
    pairs = [(r["question"], r["label"]) for r in rows]
    if not silences:
        pairs = [(q, SILENT if label.startswith(SILENT_ABOUT) else label) for q, label in pairs]
    counts: dict[str, int] = {}
    for _, label in pairs:
        counts[label] = counts.get(label, 0) + 1
    return [(q, label) for q, label in pairs if counts[label] >= MIN_EXAMPLES]


def vectorise(texts: list[str], vocabulary: dict[str, int], idf: np.ndarray) -> np.ndarray:
    matrix = np.zeros((len(texts), len(vocabulary)), dtype=np.float32)
    for row, text in enumerate(texts):
        for feature, count in features(text).items():
            column = vocabulary.get(feature)
            if column is not None:
                matrix[row, column] = (1.0 + math.log(count)) * idf[column]
        norm = np.linalg.norm(matrix[row])
        if norm:
            matrix[row] /= norm
    return matrix


def fit(texts: list[str], labels: list[str]) -> dict[str, Any]:
    """Softmax regression by full-batch Adam steps from zero; plain weights out."""
    classes = sorted(set(labels))
    documents = [set(features(t)) for t in texts]
    counts: dict[str, int] = {}
    for document in documents:
        for feature in document:
            counts[feature] = counts.get(feature, 0) + 1
    kept = sorted(f for f, n in counts.items() if n >= MIN_DF)
    vocabulary = {f: i for i, f in enumerate(kept)}
    total = len(texts)
    idf = np.array([math.log((1 + total) / (1 + counts[f])) + 1 for f in kept], dtype=np.float32)
    x = vectorise(texts, vocabulary, idf)
    y = np.zeros((total, len(classes)), dtype=np.float32)
    for row, label in enumerate(labels):
        y[row, classes.index(label)] = 1
    weights = np.zeros((len(kept), len(classes)), dtype=np.float32)
    bias = np.zeros(len(classes), dtype=np.float32)
    moments = [
        np.zeros_like(weights),
        np.zeros_like(weights),
        np.zeros_like(bias),
        np.zeros_like(bias),
    ]
    for step in range(1, STEPS + 1):
        logits = x @ weights + bias
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        error = (probs - y) / total
        grads = (x.T @ error + L2 * weights, error.sum(axis=0))
        for index, (param, grad) in enumerate(zip((weights, bias), grads, strict=True)):
            first, second = moments[2 * index], moments[2 * index + 1]
            first[:] = 0.9 * first + 0.1 * grad
            second[:] = 0.999 * second + 0.001 * grad * grad
            corrected = first / (1 - 0.9**step)
            param -= RATE * corrected / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
    scale = float(np.abs(weights).max()) / 127 or 1.0
    quantised = np.rint(weights / scale).astype(np.int8)
    used = [i for i in range(len(kept)) if quantised[i].any()]
    return {
        "labels": classes,
        "scale": scale,
        "bias": [round(float(b), 5) for b in bias],
        "features": [kept[i] for i in used],
        "idf": [round(float(idf[i]), 4) for i in used],
        "weights": base64.b64encode(quantised[used].tobytes()).decode("ascii"),
        "inputs_hash": "",
    }


def cross_validate(pairs: list[tuple[str, str]], folds: int) -> None:
    predictions: list[tuple[str, str, float]] = []
    for fold in range(folds):
        train = [p for i, p in enumerate(pairs) if i % folds != fold]
        test = [p for i, p in enumerate(pairs) if i % folds == fold]
        model = IntentModel(fit([q for q, _ in train], [label for _, label in train]))
        for question, label in test:
            guess = model.predict(question)
            predictions.append((label, guess.label, guess.confidence))
    right = sum(label == guess for label, guess, _ in predictions)
    print(f"{folds}-fold accuracy: {right}/{len(predictions)} ({right / len(predictions):.1%})")
    for threshold in THRESHOLDS:
        kept = [(label, guess) for label, guess, c in predictions if c >= threshold]
        good = sum(label == guess for label, guess in kept)
        share = len(kept) / len(predictions)
        accuracy = good / len(kept) if kept else 0
        print(f"  confidence >= {threshold}: keeps {share:.0%}, right {accuracy:.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=0, help="cross-validate first")
    parser.add_argument("--check", action="store_true", help="only say if the model is stale")
    args = parser.parse_args(argv)
    digest = inputs_hash()
    if args.check:
        with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as handle:
            stale = json.load(handle)["inputs_hash"] != digest
        print("stale" if stale else "up to date")
        return int(stale)
    pairs = examples()
    if args.folds:
        cross_validate(pairs, args.folds)
    model = fit([q for q, _ in pairs], [label for _, label in pairs])
    model["inputs_hash"] = digest
    payload = json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # mtime=0: the same inputs give the same bytes.
    with MODEL_PATH.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(payload.encode("utf-8"))
    print(
        f"{len(pairs)} questions, {len(model['labels'])} labels, {len(model['features'])} features"
    )
    print(f"-> {MODEL_PATH} ({MODEL_PATH.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
