"""Start-up to first answer: ``python -m bot`` spawned with a question already waiting.

    python -m bench.startup [--runs 5] [--languages en,ru,zh,ko]

Times from spawning the process to the answer arriving at the lean fake Bot API (and
the CPU seconds the process had used by then: the figure to read on a shared machine), on
SQLite, one question in each language (a fresh process for each), for a fresh store
(schema created, seed loaded, in a new folder) and for an existing one (the usual
restart). Russian, Chinese and Korean load their analysers on the first question in
them. Medians of ``--runs``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.common import median, process_cpu
from bench.fake_api import LeanBotApi
from bot.sending.messages import DEFAULT_CAVEAT
from testkit.fakes.e2e import running_bot

TOKEN = "1003:START"
QUESTIONS = {
    "en": "How much do workers in Sakhalin owe now?",
    "ru": "Сколько теперь платят рабочие на Сахалине?",
    "zh": "萨哈林现在每个月交多少？",
    "ko": "사할린 노동자들은 지금 얼마를 내나요?",
}


async def first_answer(
    api: LeanBotApi, database_url: str, user_id: int, question: str
) -> tuple[float, float]:
    """Seconds from spawning to the answer, and CPU seconds the process had used by then."""
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
    async with running_bot(env) as bot:
        await api.wait_sent(TOKEN, 1, timeout=60)
        cpu = process_cpu(bot.pid)
        elapsed = queue.sent[0].at - started
        # Every answer ends with the caveat; in another language, the outlet's own sentence.
        assert DEFAULT_CAVEAT in queue.sent[0].text, queue.sent[0].text
    return elapsed, cpu


async def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--languages", default=",".join(QUESTIONS), help="comma-separated: en, ru, zh, ko"
    )
    args = parser.parse_args(argv)
    languages = [code.strip() for code in args.languages.split(",") if code.strip()]
    workdir = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    api = LeanBotApi()
    await api.start()
    # (wall, CPU) seconds per language
    fresh: dict[str, list[tuple[float, float]]] = {code: [] for code in languages}
    existing: dict[str, list[tuple[float, float]]] = {code: [] for code in languages}
    user = 100
    for run in range(args.runs):
        for code in languages:
            folder = workdir / f"{code}-{run}"
            folder.mkdir()
            url = f"sqlite+aiosqlite:///{folder / 'store.sqlite3'}"
            user += 1
            fresh[code].append(await first_answer(api, url, user, QUESTIONS[code]))
            user += 1
            existing[code].append(await first_answer(api, url, user, QUESTIONS[code]))
            print(
                f"run {run + 1} {code}: fresh {fresh[code][-1][0]:.2f}s "
                f"(CPU {fresh[code][-1][1]:.2f}s), existing {existing[code][-1][0]:.2f}s "
                f"(CPU {existing[code][-1][1]:.2f}s)",
                file=sys.stderr,
            )
    await api.stop()
    print(
        f"Start-up to first answer, SQLite, median of {args.runs} (min-max), wall and the "
        f"bot's CPU; load average {os.getloadavg()[0]:.1f}:"
    )

    def summary(times: list[tuple[float, float]]) -> str:
        walls, cpus = [t[0] for t in times], [t[1] for t in times]
        return (
            f"{median(walls):.2f}s ({min(walls):.2f}-{max(walls):.2f}), "
            f"CPU {median(cpus):.2f}s ({min(cpus):.2f}-{max(cpus):.2f})"
        )

    for code in languages:
        print(f"  {code}: fresh store (schema + seed) {summary(fresh[code])}")
        print(f"  {code}: existing store (restart)    {summary(existing[code])}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
