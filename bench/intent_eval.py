"""The intent model's second opinion measured on the worked-from sets, honestly: k folds, each
fold's questions answered with a model trained without them, against the rules alone.

    .venv/bin/python -m bench.intent_eval [--folds 5] [--verbose]

Prints per set the questions passed without and with the second opinion, and (``--verbose``)
each question whose verdict changed, with the model's label. Never reads the held-out sets.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any

from bench.intent_labels import QUESTIONS, WORKED_FROM
from bench.understanding import check, store_of, with_articles

THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
# Where a false answer is worst: a question outside the report answered from it.
OFF_TOPIC_CLASSES = frozenset({"question_word", "uncovered_place", "ordinary_word"})


def fold_of(question: str, folds: int) -> int:
    return zlib.crc32(question.encode("utf-8")) % folds


async def run(folds: int, verbose: bool) -> None:
    from bot.config import Settings
    from bot.engine.intent_model import IntentModel
    from bot.engine.second_opinion import using_model
    from bot.engine.wording import speaking
    from bot.i18n import DEFAULT_LANGUAGE, detect, translator
    from bot.markup import plain_text
    from bot.runtime import Runtime
    from bot.sending.messages import build_messages
    from scripts.train_intent import examples, fit

    pairs = examples()
    models = []
    for fold in range(folds):
        train = [(q, label) for q, label in pairs if fold_of(q, folds) != fold]
        models.append(IntentModel(fit([q for q, _ in train], [label for _, label in train])))
    totals = [0, 0, 0]
    passes = [0] * len(THRESHOLDS)
    changed = [0] * len(THRESHOLDS)
    false_answers = [0] * len(THRESHOLDS)
    with tempfile.TemporaryDirectory(prefix="intent-eval-") as directory:
        url = f"sqlite+aiosqlite:///{Path(directory) / 'store.sqlite3'}"
        runtime = Runtime.create(Settings(database_url=url, _env_file=None))
        try:
            await runtime.prepare_store()
            engine = await runtime.answer_engine()
            for name in WORKED_FROM:
                path = QUESTIONS / name
                document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
                store = with_articles(store_of(document, path))
                counts = [0, 0]
                for q in document["questions"]:
                    language = detect(q["question"]) or DEFAULT_LANGUAGE
                    verdicts = []
                    model = models[fold_of(q["question"], folds)]
                    for used in (None, model):
                        with using_model(used, 0.0), speaking(translator(language)):
                            reply = engine.answer(q["question"])
                        parts = build_messages(
                            reply.lines, reply.caveats(engine.snapshot), language=language
                        )
                        text = "\n".join(plain_text(part) for part in parts)
                        verdicts.append((not check(q, text, store), reply.intents, text))
                    confidence = model.predict(q["question"]).confidence
                    acted = verdicts[0][1] != verdicts[1][1]
                    for index, threshold in enumerate(THRESHOLDS):
                        chosen = verdicts[1] if acted and confidence >= threshold else verdicts[0]
                        passes[index] += chosen[0]
                        changed[index] += acted and confidence >= threshold
                        if q["class"] in OFF_TOPIC_CLASSES and chosen[0] < verdicts[0][0]:
                            false_answers[index] += 1
                    counts[0] += verdicts[0][0]
                    counts[1] += verdicts[1][0]
                    if verbose and acted:
                        mark = {(True, False): "WORSE", (False, True): "BETTER"}.get(
                            (verdicts[0][0], verdicts[1][0]), "same"
                        )
                        print(f"[{mark}] {q['id']} ({q['class']}) {confidence:.2f} {q['question']}")
                        print(f"    rules {verdicts[0][1]} -> model {verdicts[1][1]}")
                total = len(document["questions"])
                print(f"{name}: rules {counts[0]}/{total}, with model {counts[1]}/{total}")
                totals[0] += counts[0]
                totals[1] += counts[1]
                totals[2] += total
        finally:
            await runtime.close()
    print(f"all: rules {totals[0]}/{totals[2]}, model at any confidence {totals[1]}/{totals[2]}")
    for index, threshold in enumerate(THRESHOLDS):
        print(
            f"  threshold {threshold}: {passes[index]}/{totals[2]} passed, "
            f"{changed[index]} answers changed, {false_answers[index]} broken in off-topic classes"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.intent_eval", description=__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    asyncio.run(run(args.folds, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
