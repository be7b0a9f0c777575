"""Throughput and latency: the real bot against the reference echo bot, same run, alternating.

    python -m bench.throughput [--updates 1000] [--runs 5] [--light 100]

Both bots run as their own processes against one lean fake Bot API
(bench/fake_api.py) on 127.0.0.1, with TELEGRAM_MAX_RATE=0. Each run pushes a
burst of N updates (N different users; a mix of questions and commands) and
times until every answer has arrived; the bots take turns. Every answer of the
real bot is compared with what the answer engine gives for the same text, and
must carry the caveat. Latency is measured from the moment the server hands an
update out in getUpdates to the moment its answer arrives: under the burst, and
at light load (one question at a time).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import (
    Machine,
    expected_messages,
    median,
    percentile,
    process_cpu,
    question_mix,
)
from bench.echo_bot import REPLY
from bench.fake_api import LeanBotApi
from bot.config import Settings
from bot.runtime import Runtime
from bot.sending.messages import DEFAULT_CAVEAT
from testkit.fakes.e2e import BotProcess, running_bot

ECHO = "1001:ECHO"
BOT = "1002:BOT"


@dataclass
class Contender:
    name: str
    token: str
    args: tuple[str, ...]
    env: dict[str, str]
    process: BotProcess | None = None
    expected: dict[str, list[str]] = field(default_factory=dict)  # text -> messages
    rates: list[float] = field(default_factory=list)
    cpu_shares: list[float] = field(default_factory=list)
    server_shares: list[float] = field(default_factory=list)
    burst_latencies: list[float] = field(default_factory=list)
    light_latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def expect(self, text: str) -> list[str]:
        return self.expected.get(text) or [REPLY]


async def burst(api: LeanBotApi, who: Contender, texts: list[str], base_user: int) -> float:
    queue = api.queue(who.token)
    queue.sent.clear()
    queue.handed_out.clear()
    messages = [(base_user + i, text) for i, text in enumerate(texts)]
    total = sum(len(who.expect(text)) for text in texts)
    assert who.process is not None
    bot_cpu = process_cpu(who.process.pid)
    own_cpu = time.process_time()
    start = time.perf_counter()
    api.push(who.token, messages)
    await api.wait_sent(who.token, total, timeout=300)
    elapsed = time.perf_counter() - start
    who.cpu_shares.append((process_cpu(who.process.pid) - bot_cpu) / elapsed)
    who.server_shares.append((time.process_time() - own_cpu) / elapsed)
    await asyncio.sleep(0.2)  # anything extra (a second, wrong answer) shows up here
    check(who, queue.sent, messages)
    last: dict[int, float] = {}
    for sent in queue.sent:
        last[sent.chat_id] = sent.at
    who.burst_latencies.extend(last[c] - queue.handed_out[c] for c in last if c in queue.handed_out)
    return len(texts) / elapsed


async def settled(pid: int, *, every: float = 0.5, quiet: float = 0.02, most: float = 30) -> None:
    """Wait until the process has used less than ``quiet`` CPU seconds in ``every``
    seconds (its start-up work done), for ``most`` seconds at the most."""
    deadline = time.monotonic() + most
    used = process_cpu(pid)
    while time.monotonic() < deadline:
        await asyncio.sleep(every)
        now = process_cpu(pid)
        if now - used < quiet:
            return
        used = now


def cpu_per_update(who: Contender) -> list[float]:
    """CPU seconds the bot spent per update, each run (its CPU share over its rate)."""
    return [share / rate for share, rate in zip(who.cpu_shares, who.rates, strict=True)]


def check(who: Contender, sent: list, messages: list[tuple[int, str]]) -> None:
    by_chat: dict[int, list[str]] = {}
    for item in sent:
        by_chat.setdefault(item.chat_id, []).append(item.text)
    for user_id, text in messages:
        got = by_chat.get(user_id, [])
        want = who.expect(text)
        if got != want:
            who.errors.append(f"{who.name}: {text!r} -> {got!r:.200}, expected {want!r:.200}")
        elif who.expected and not all("Unverified." in m or DEFAULT_CAVEAT in m for m in got[-1:]):
            who.errors.append(f"{who.name}: {text!r} answered without the caveat")


async def light_load(api: LeanBotApi, who: Contender, texts: list[str], base_user: int) -> None:
    queue = api.queue(who.token)
    for index, text in enumerate(texts):
        queue.sent.clear()
        queue.handed_out.clear()
        user = base_user + index
        api.push(who.token, [(user, text)])
        await api.wait_sent(who.token, len(who.expect(text)), timeout=30)
        who.light_latencies.append(queue.sent[-1].at - queue.handed_out[user])
        await asyncio.sleep(0.01)


async def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--updates", type=int, default=1000, help="updates per burst")
    parser.add_argument("--runs", type=int, default=5, help="bursts per bot (medians reported)")
    parser.add_argument("--light", type=int, default=100, help="questions at light load")
    parser.add_argument(
        "--bot-http", choices=("aiohttp", "httpx"), default="aiohttp", help="the real bot's client"
    )
    parser.add_argument("--echo-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--profile", type=Path, help="py-spy the real bot during the bursts (collapsed stacks)"
    )
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="bench-throughput-"))
    database_url = f"sqlite+aiosqlite:///{workdir / 'store.sqlite3'}"
    texts = question_mix(args.updates)

    # Expected answers, from the same seeded store the bot will use.
    runtime = Runtime.create(Settings(database_url=database_url))
    await runtime.prepare_store()
    engine = await runtime.answer_engine()
    await runtime.close()
    expected = {text: expected_messages(engine, text) for text in set(texts)}

    api = LeanBotApi()
    await api.start()
    common_env = {"TELEGRAM_API_BASE_URL": api.base_url, "LOG_LEVEL": "WARNING"}
    echo = Contender("echo (PTB default httpx)", ECHO, ("-m", "bench.echo_bot"), {})
    real = Contender(
        f"bot ({args.bot_http})",
        BOT,
        ("-m", "bot"),
        {
            "DATABASE_URL": database_url,
            "TELEGRAM_MAX_RATE": "0",
            "TELEGRAM_HTTP_CLIENT": args.bot_http,
        },
        expected=expected,
    )
    contenders = [echo] if args.echo_only else [echo, real]
    async with AsyncExitStack() as stack:
        for who in contenders:
            env = {**common_env, **who.env, "TELEGRAM_BOT_TOKEN": who.token}
            who.process = await stack.enter_async_context(
                running_bot(env, args=who.args, ok_returncodes=None)
            )
        for who in contenders:
            await api.wait_polling(who.token, timeout=60)
        # Warm-up: imports, first queries, connection pools; then the bot's own start-up
        # work in its thread (the languages' tables, 2 s after start: bench.startup's
        # subject) is let finish, so the bursts measure serving alone.
        for who in contenders:
            await burst(api, who, texts[:100], base_user=10_000_000)
        for who in contenders:
            assert who.process is not None
            await settled(who.process.pid)
            who.rates.clear()
            who.cpu_shares.clear()
            who.server_shares.clear()
            who.burst_latencies.clear()
        spy = None
        if args.profile is not None and real.process is not None:
            spy = await asyncio.create_subprocess_exec(
                str(Path(sys.executable).with_name("py-spy")), "record", "--pid",
                str(real.process.pid), "--format", "raw", "--output", str(args.profile),
                "--rate", "200", "--nonblocking",
                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
            )  # fmt: skip
            await asyncio.sleep(1)
        for run in range(args.runs):
            order = contenders if run % 2 == 0 else contenders[::-1]
            for who in order:
                rate = await burst(api, who, texts, base_user=1_000_000 + run * 100_000)
                who.rates.append(rate)
                print(f"run {run + 1}: {who.name}: {rate:.0f} updates/s", file=sys.stderr)
        if spy is not None:
            spy.send_signal(2)  # SIGINT: py-spy writes its file and exits
            await spy.wait()
        for who in contenders:
            await light_load(api, who, texts[: args.light], base_user=50_000_000)
    await api.stop()

    print(f"Machine: {Machine.here().describe()} (shared with other work: repeat and compare)")
    print(
        f"Burst: {args.updates} updates from {args.updates} users, {args.runs} runs each, medians"
    )
    header = (
        f"{'':28} {'updates/s':>10} {'bot CPU':>8} {'server CPU':>10} "
        f"{'burst p50':>10} {'burst p99':>10} {'light p50':>10} {'light p99':>10}"
    )
    print(header)
    for who in contenders:
        print(
            f"{who.name:28} {median(who.rates):10.0f} {median(who.cpu_shares):8.0%} "
            f"{median(who.server_shares):10.0%} "
            f"{percentile(who.burst_latencies, 50) * 1000:8.1f}ms "
            f"{percentile(who.burst_latencies, 99) * 1000:8.1f}ms "
            f"{percentile(who.light_latencies, 50) * 1000:8.1f}ms "
            f"{percentile(who.light_latencies, 99) * 1000:8.1f}ms"
        )
    if len(contenders) == 2:
        ratio = median(real.rates) / median(echo.rates)
        per_run = ", ".join(f"{b / e:.2f}" for b, e in zip(real.rates, echo.rates, strict=True))
        print(f"Ratio bot/echo: {ratio:.2f} (per run: {per_run})")
        # CPU per update: what a shared machine disturbs least (a wall clock waits for cores).
        echo_cpu, bot_cpu = cpu_per_update(echo), cpu_per_update(real)
        cpu_runs = ", ".join(f"{e / b:.2f}" for e, b in zip(echo_cpu, bot_cpu, strict=True))
        print(
            f"CPU per update (median of runs): echo {median(echo_cpu) * 1000:.2f} ms, "
            f"bot {median(bot_cpu) * 1000:.2f} ms; echo/bot "
            f"{median(echo_cpu) / median(bot_cpu):.2f} (per run: {cpu_runs})"
        )
    errors = [e for who in contenders for e in who.errors]
    if errors:
        print(f"{len(errors)} WRONG ANSWERS, e.g.:")
        for error in errors[:5]:
            print("  " + error)
        return 1
    print("Every answer checked: identical to the engine's, caveat present.")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
