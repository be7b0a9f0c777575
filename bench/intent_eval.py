"""The intent model's second opinion measured honestly: each question is answered by a model
trained without it, under each policy (where the model may act, at what confidence), against
the rules alone, with the strict scorer (``bench.understanding``'s checks).

    .venv/bin/python -m bench.intent_eval [--batches | --folds 5] [--silences] [--verbose]

``--batches`` (the default): leave one batch out. The sets are grouped by when they were
written; for each batch, a model trained on the labels of every other worked-from set (and
the variants) answers that batch's questions, which it never saw, as a stranger's next
questions would be. ``--folds k``: k folds of the worked-from sets' questions instead (each
fold's questions answered by a model trained without them; a set's other questions in).

For each situation the model may act in (``second_opinion.Situation``) and each threshold it
prints the passes per batch, and (``--verbose``) each question whose verdict changed.
Situations are exclusive (one per message, from the rules' reading and answer), so a policy
of several is the sum of their changes. ``--silences``: "silent:<attribute>" labels.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.intent_labels import QUESTIONS, WORKED_FROM, label_sets
from bench.understanding import check, engine_for, reply_text, store_of, with_articles

if TYPE_CHECKING:
    from bot.engine.intent_model import IntentModel

THRESHOLDS = (0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
# The sets by when they were written (the last first): a batch is held out at once.
BATCHES: dict[str, tuple[str, ...]] = {
    "round 10 B": (
        "fresh_en_14.json",
        "fresh_ru_9.json",
        "fresh_zh_9.json",
        "fresh_ko_9.json",
        "report6.json",
    ),
    "round 10 A": (
        "fresh_en_13.json",
        "fresh_ru_8.json",
        "fresh_zh_8.json",
        "fresh_ko_8.json",
        "report5.json",
    ),
    "round 9": (
        "fresh_en_12.json",
        "fresh_ru_7.json",
        "fresh_zh_7.json",
        "fresh_ko_7.json",
        "report3.json",
        "report4.json",
    ),
    "round 8 final": ("fresh_en_11.json", "fresh_ru_6.json", "fresh_zh_6.json", "fresh_ko_6.json"),
    "round 8 batch 1": (
        "fresh_en_10.json",
        "fresh_ru_5.json",
        "fresh_zh_5.json",
        "fresh_ko_5.json",
    ),
    "round 7": (
        "fresh_en_8.json",
        "fresh_en_9.json",
        "fresh_ru_4.json",
        "fresh_zh_4.json",
        "fresh_ko_4.json",
    ),
}
BATCHES["earlier"] = tuple(
    name for name in WORKED_FROM if not any(name in sets for sets in BATCHES.values())
)


@dataclass
class Change:
    """A question the model answered otherwise, where and how confident, and the verdicts."""

    set: str
    id: str
    cls: str
    question: str
    situation: str
    label: str
    rules: bool
    passed: dict[float, bool]  # per threshold (the rules' verdict where it did not act)


def train(rows: Sequence[dict[str, Any]], silences: bool) -> IntentModel:
    from bot.engine.intent_model import IntentModel
    from scripts.train_intent import examples, fit

    kept = [r for r in rows if r["passed"] and r["label"]]
    pairs = examples(kept, silences)
    return IntentModel(fit([q for q, _ in pairs], [label for _, label in pairs]))


async def changes(name: str, model_of: Callable[[str], IntentModel]) -> list[Change]:
    """The questions of set ``name`` that some situation's policy answers otherwise."""
    from bot.engine.second_opinion import Situation, using_model

    path = QUESTIONS / name
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    store = with_articles(store_of(document, path))
    found = []
    async with engine_for(store) as engine:
        for q in document["questions"]:
            model = model_of(q["question"])
            with using_model(None):
                before, text = reply_text(engine, q["question"])
            rules = not check(q, text, store)
            with using_model(model, policy=dict.fromkeys(Situation, 0.0)):
                after, _ = reply_text(engine, q["question"])
            if after.intents == before.intents and after.lines == before.lines:
                continue
            for situation in Situation:
                passed: dict[float, bool] = {}
                label = ""
                for threshold in THRESHOLDS:
                    with using_model(model, policy={situation: threshold}):
                        reply, text = reply_text(engine, q["question"])
                    if reply.lines == before.lines and reply.intents == before.intents:
                        passed[threshold] = rules
                        continue
                    passed[threshold] = not check(q, text, store)
                    # (a reply of a report narrowed to may carry its model label inside)
                    label = label or next(
                        (i for i in reply.intents if i.startswith("model:")), "model:?"
                    )
                if label:
                    change = Change(
                        name,
                        q["id"],
                        q["class"],
                        q["question"],
                        situation,
                        label[6:],
                        rules,
                        passed,
                    )
                    found.append(change)
                    break
    return found


def totals(
    document_sizes: dict[str, int],
    rules: dict[str, int],
    found: Sequence[Change],
    policy: dict[str, float],
) -> dict[str, int]:
    """Passes per set under ``policy`` (a threshold per situation)."""
    passes = dict(rules)
    for change in found:
        threshold = policy.get(change.situation)
        if threshold is not None:
            passes[change.set] += change.passed[threshold] - change.rules
    return passes


def _always(model: IntentModel) -> Callable[[str], IntentModel]:
    return lambda _question: model


def fold_of(question: str, folds: int) -> int:
    return zlib.crc32(question.encode("utf-8")) % folds


def labelled_rows(every: Sequence[str], cache: Path | None) -> list[dict[str, Any]]:
    """Every question of the sets ``every``, labelled by the rules (read from ``cache`` when
    it holds them: the labels depend only on the engine, so keep one cache per engine)."""
    if cache is not None and cache.is_file():
        rows: list[dict[str, Any]] = json.loads(cache.read_text(encoding="utf-8"))
        if {r["set"] for r in rows} >= set(every):
            return rows
    rows = label_sets(every)
    if cache is not None:
        cache.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return rows


def run(
    folds: int,
    silences: bool,
    verbose: bool,
    held_out: Sequence[str] = (),
    cache: Path | None = None,
) -> None:
    """``held_out``: only these batches are answered (each by a model trained on every other
    worked-from set); all of them when empty."""
    batches: dict[str, tuple[str, ...]] = (
        {b: sets for b, sets in BATCHES.items() if not held_out or b in held_out}
        if not folds
        else {"worked-from": tuple(WORKED_FROM)}
    )
    every = [name for names in batches.values() for name in names]
    rows = labelled_rows(WORKED_FROM, cache)
    sizes = {name: sum(r["set"] == name for r in rows) for name in every}
    rules = {name: sum(r["passed"] for r in rows if r["set"] == name) for name in every}
    found: list[Change] = []
    if folds:
        models = [
            train([r for r in rows if fold_of(r["question"], folds) != k], silences)
            for k in range(folds)
        ]
        for name in every:
            found.extend(asyncio.run(changes(name, lambda q: models[fold_of(q, folds)])))
    for names in batches.values() if not folds else ():
        model = train([r for r in rows if r["set"] not in names], silences)
        for name in names:
            found.extend(asyncio.run(changes(name, _always(model))))
    report(batches, sizes, rules, found, verbose)


def report(
    batches: dict[str, tuple[str, ...]],
    sizes: dict[str, int],
    rules: dict[str, int],
    found: Sequence[Change],
    verbose: bool,
) -> None:
    from bot.engine.second_opinion import Situation

    if verbose:
        for c in found:
            marks = "".join(
                "+" if c.passed[t] > c.rules else "-" if c.passed[t] < c.rules else "="
                for t in THRESHOLDS
            )
            print(f"[{marks}] {c.set} {c.id} ({c.cls}) {c.situation} {c.label}: {c.question}")
    names = list(batches)
    print("| situation | threshold | " + " | ".join(names) + " | all | sets lower |")
    print("| --- | ---: | " + " | ".join("---:" for _ in names) + " | ---: | --- |")

    def row(title: str, threshold: str, passes: dict[str, int]) -> None:
        cells = []
        for batch in names:
            got = sum(passes[n] for n in batches[batch])
            base = sum(rules[n] for n in batches[batch])
            cells.append(
                f"{got} ({got - base:+d})"
                if title != "rules"
                else f"{got}/{sum(sizes[n] for n in batches[batch])}"
            )
        got, base = sum(passes.values()), sum(rules.values())
        lower = [
            n.removeprefix("fresh_").removesuffix(".json") for n in passes if passes[n] < rules[n]
        ]
        total = f"{got} ({got - base:+d})" if title != "rules" else f"{got}/{sum(sizes.values())}"
        print(
            f"| {title} | {threshold} | " + " | ".join(cells) + f" | {total} | {', '.join(lower)} |"
        )

    row("rules", "", rules)
    from bot.engine.second_opinion import POLICY

    shipped = {str(k): v for k, v in POLICY.items()}
    row(
        "shipped",
        " ".join(f"{k} {v}" for k, v in shipped.items()),
        totals(sizes, rules, found, shipped),
    )
    for situation in Situation:
        for threshold in THRESHOLDS:
            row(situation, f"{threshold}", totals(sizes, rules, found, {situation: threshold}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.intent_eval", description=__doc__)
    parser.add_argument("--folds", type=int, default=0, help="k folds instead of the batches")
    parser.add_argument("--silences", action="store_true", help='"silent:<attribute>" labels')
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(
        "--batch", action="append", default=[], choices=list(BATCHES), help="hold out only these"
    )
    parser.add_argument("--cache", type=Path, help="the labelled rows, kept between runs")
    args = parser.parse_args(argv)
    run(args.folds, args.silences, args.verbose, args.batch, args.cache)
    return 0


if __name__ == "__main__":
    sys.exit(main())
