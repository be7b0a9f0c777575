"""The rules' own use of the intent model measured held out: ``reads_off_topic``
(second_opinion.py), asked whether a part's unread words are another subject, at each
confidence margin (how far that reading leads the next), under the shipped policy, batch by
batch (each batch answered by a model trained on every other worked-from set, as
``bench.intent_eval`` does), with the strict scorer; ``--shipped``: every set in
tests/questions with the shipped model instead.

    .venv/bin/python -m bench.intent_foreign [--batch NAME ...] [--cache FILE] [--shipped]

A question is answered again at each margin only where the model read a part as another
subject below the highest margin (elsewhere no margin changes it). Prints each question whose
verdict differs between margins, then the passes per batch at each margin.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.intent_eval import BATCHES, labelled_rows, train
from bench.intent_labels import QUESTIONS, WORKED_FROM
from bench.understanding import check, engine_for, reply_text, store_of, with_articles

if TYPE_CHECKING:
    from bot.engine.intent_model import IntentModel, Prediction

MARGINS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)


class _Seen:
    """The model, and every prediction it made since ``clear``."""

    def __init__(self, model: IntentModel) -> None:
        self.model = model
        self.predictions: list[Prediction] = []

    def predict(self, text: str) -> Prediction:
        guess = self.model.predict(text)
        self.predictions.append(guess)
        return guess


async def verdicts(name: str, model: IntentModel) -> list[list[bool]]:
    """Per question of set ``name``: passed at each of ``MARGINS``."""
    from bot.engine.intent_model import OFF_TOPIC
    from bot.engine.second_opinion import POLICY, using_model

    path = QUESTIONS / name
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    store = with_articles(store_of(document, path))
    seen = _Seen(model)
    found = []
    async with engine_for(store) as engine:
        for q in document["questions"]:
            seen.predictions.clear()
            with using_model(seen, policy=POLICY, foreign=MARGINS[0]):  # type: ignore[arg-type]
                _, text = reply_text(engine, q["question"])
            passed = [not check(q, text, store)]
            if not any(p.label == OFF_TOPIC and p.lead < MARGINS[-1] for p in seen.predictions):
                found.append(passed * len(MARGINS))
                continue
            for margin in MARGINS[1:]:
                with using_model(model, policy=POLICY, foreign=margin):
                    _, text = reply_text(engine, q["question"])
                passed.append(not check(q, text, store))
            if len(set(passed)) > 1:
                marks = "".join("+" if p else "-" for p in passed)
                print(f"[{marks}] {name} {q['id']}: {q['question']}", flush=True)
            found.append(passed)
    return found


def _a_set(name: str) -> bool:
    return "questions" in json.loads((QUESTIONS / name).read_text(encoding="utf-8"))


def run(held_out: Sequence[str], cache: Path | None, shipped: bool) -> None:
    print("| batch | " + " | ".join(f"{m}" for m in MARGINS) + " |")
    if shipped:
        from bot.engine.intent_model import shipped_model

        found_model = shipped_model()
        assert found_model is not None
        model: IntentModel = found_model
        groups = {"shipped": tuple(sorted(p.name for p in QUESTIONS.glob("*.json")))}
        groups = {"shipped": tuple(n for n in groups["shipped"] if _a_set(n))}
    else:
        groups = {b: sets for b, sets in BATCHES.items() if not held_out or b in held_out}
        rows = labelled_rows(WORKED_FROM, cache)
    for batch, names in groups.items():
        if not shipped:
            model = train([r for r in rows if r["set"] not in names], silences=False)
        found = [v for name in names for v in asyncio.run(verdicts(name, model))]
        passes = [sum(v[i] for v in found) for i in range(len(MARGINS))]
        print(f"| {batch} | " + " | ".join(str(p) for p in passes) + " |", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.intent_foreign", description=__doc__)
    parser.add_argument(
        "--batch", action="append", default=[], choices=list(BATCHES), help="hold out only these"
    )
    parser.add_argument("--cache", type=Path, help="the labelled rows, kept between runs")
    parser.add_argument("--shipped", action="store_true", help="every set, the shipped model")
    args = parser.parse_args(argv)
    run(args.batch, args.cache, args.shipped)
    return 0


if __name__ == "__main__":
    sys.exit(main())
