"""Training labels for the intent model (bot/engine/intent_model.py), from today's engine.

    .venv/bin/python -m bench.intent_labels [--out bench/intent_data/labels.json]

Every question of the WORKED-FROM sets (never the held-out ones) is read and answered by
today's engine, in process, as ``bench.understanding`` does; a question's label is what the
engine's reading decided (``bot.engine.intent_model.label_of``) and it is kept only when the
strict scorer passes its reply, so every label is backed by a human-written check. Messages
of several parts are skipped (a label is one part's). Deterministic: the same engine and sets
give the same file.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.understanding import (
    REPOSITORY,
    Store,
    check,
    engine_for,
    reply_text,
    store_of,
    with_articles,
)

# The sets worked from: every committed set but report2_en (its checks predate the report
# documents' shape). A set written for a round's final measure joins only after that round's
# scoring (round 10's batches A and B joined in round 11).
WORKED_FROM = (
    *(
        f"fresh_{language}{suffix}.json"
        for language, last in (("en", 14), ("ru", 9), ("zh", 9), ("ko", 9))
        for suffix in ("", *(f"_{n}" for n in range(2, last + 1)))
    ),
    "report3.json",
    "report4.json",
    "report5.json",
    "report6.json",
)
QUESTIONS = REPOSITORY / "tests" / "questions"
DEFAULT_OUT = REPOSITORY / "bench" / "intent_data" / "labels.json"


async def labelled(questions: list[dict[str, Any]], store: Store) -> list[dict[str, Any]]:
    """Each question with the label of the rules' own reading and answer (no second opinion)
    and whether the strict scorer passes that answer."""
    from bot.engine.intent_model import label_of
    from bot.engine.second_opinion import using_model
    from bot.engine.wording import speaking
    from bot.i18n import DEFAULT_LANGUAGE, detect, translator

    rows = []
    async with engine_for(store) as engine:
        for q in questions:
            language = detect(q["question"]) or DEFAULT_LANGUAGE
            with using_model(None):
                with speaking(translator(language)):
                    u = engine.understand(q["question"])
                reply, text = reply_text(engine, q["question"])
            rows.append(
                {
                    "id": q["id"],
                    "class": q["class"],
                    "question": q["question"],
                    "label": label_of(u, reply),
                    "passed": not check(q, text, store),
                }
            )
    return rows


def label_sets(names: Sequence[str]) -> list[dict[str, Any]]:
    """Every question of the sets ``names`` (in tests/questions), labelled, with its set."""
    rows: list[dict[str, Any]] = []
    for name in names:
        path = QUESTIONS / name
        document = json.loads(path.read_text(encoding="utf-8"))
        store = with_articles(store_of(document, path))
        for row in asyncio.run(labelled(document["questions"], store)):
            rows.append({**row, "set": name})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.intent_labels", description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--all", action="store_true", help="keep failing and unlabelled rows")
    args = parser.parse_args(argv)
    rows = label_sets(WORKED_FROM)
    kept = rows if args.all else [r for r in rows if r["passed"] and r["label"]]
    for row in kept if not args.all else ():
        del row["passed"], row["set"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(kept, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(kept)} of {len(rows)} questions labelled -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
