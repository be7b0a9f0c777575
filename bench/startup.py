"""Start-up to first answer: ``python -m bot`` spawned with a question already waiting.

    python -m bench.startup [--runs 5] [--question "萨哈林现在每个月交多少？"]

Times from spawning the process to the answer arriving at the lean fake Bot API,
on SQLite, for a fresh store (schema created, seed loaded) and for an existing
one (the usual restart). Medians of ``--runs``.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

from bench.common import median
from bench.fake_api import LeanBotApi
from testkit.fakes.e2e import running_bot

TOKEN = "1003:START"
QUESTION = "How much do workers in Sakhalin owe now?"


async def first_answer(
    api: LeanBotApi, database_url: str, user_id: int, question: str = QUESTION
) -> float:
    queue = api.queue(TOKEN)
    queue.sent.clear()
    api.push(TOKEN, [(user_id, question)])
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "DATABASE_URL": database_url,
        "TELEGRAM_MAX_RATE": "0",
        "LOG_LEVEL": "WARNING",
    }
    started = time.perf_counter()
    async with running_bot(env):
        await api.wait_sent(TOKEN, 1, timeout=60)
        elapsed = queue.sent[0].at - started
        assert "Unverified." in queue.sent[0].text
    return elapsed


async def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--question",
        default=QUESTION,
        help="the first question (in Russian, Chinese or Korean it loads that analysis)",
    )
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    api = LeanBotApi()
    await api.start()
    fresh: list[float] = []
    existing: list[float] = []
    for run in range(args.runs):
        url = f"sqlite+aiosqlite:///{workdir / f'store-{run}.sqlite3'}"
        fresh.append(await first_answer(api, url, 100 + run, args.question))
        existing.append(await first_answer(api, url, 200 + run, args.question))
        print(
            f"run {run + 1}: fresh {fresh[-1]:.2f}s, existing {existing[-1]:.2f}s", file=sys.stderr
        )
    await api.stop()
    print(f"Start-up to first answer, SQLite, median of {args.runs}:")
    print(f"  fresh store (schema + seed): {median(fresh):.2f}s (min {min(fresh):.2f}s)")
    print(f"  existing store (restart):    {median(existing):.2f}s (min {min(existing):.2f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
