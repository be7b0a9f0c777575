"""Questions asked while editors edit, at 100,000 claims: latency, reload time, staleness.

    python -m bench.reload [--claims 100000] [--backends sqlite,postgresql] [--seconds 60]
                           [--every 0.1] [--postgres postgresql+asyncpg://postgres@127.0.0.1:5432/postgres]

For each backend a store is built (bench.scale's synthetic store, in a child process).
Then two processes run against it, as two replicas would:
- the editor (a child process) makes one change every ``--every`` seconds through the
  editors' own functions (db/editing): a quota's amount, a fact's text, a new fact, a
  retraction, a restoration, a new alias; after each one returns ("confirmed") it
  prints what changed, the revision, and the time;
- the asker asks questions without pause (bench.scale's one-subject mix), each
  timed from the revision check to the built messages, as the bot answers them.

The asker checks that no answer is stale: every question that started after an
edit was confirmed must come from a snapshot at or past that edit's revision, and
after each confirmation the asker looks for the edit itself (the new amount in the
place's /quota answer, the new words found by the search, the retracted fact gone
from it, the alias understood). It prints question latency (p50/p99/max), the time
a question spent reloading after an edit (snapshot + engine update), the process's
peak memory and the staleness counts. Nothing fails on a time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import make_url

from bench.common import expected_messages, percentile
from bench.scale import _admin, question_mix
from bench.scale import run as run_scale

OWNER_ID = 1001
LETTERS = "bcdfghjklmnpqrstvwxz"


def token(n: int) -> str:
    """A made-up word for edit ``n`` (letters only: the search indexes no digits)."""
    word = "zq"
    while True:
        n, digit = divmod(n, len(LETTERS))
        word += LETTERS[digit]
        if not n:
            return word


KINDS = ("amount", "text", "add", "retract", "restore", "alias")


# ----- the editor ----------------------------------------------------------------------


async def edit_stream(url: str, seconds: float, every: float) -> None:
    """One change every ``every`` seconds; a JSON line on stdout per confirmed change."""
    from bot.runtime import Runtime
    from db import editing
    from db.editing import Actor
    from db.models import Claim
    from db.revision import current_revision
    from testkit.settings import make_settings

    owner = Actor(OWNER_ID, frozenset({OWNER_ID}))
    runtime = Runtime.create(make_settings(url))
    rng = random.Random(11)
    async with runtime.sessionmaker() as session:
        quotas: list[tuple[int, str]] = [
            (claim_id, place or "")
            for claim_id, place in await session.execute(
                select(Claim.id, Claim.place)
                .where(Claim.kind == "quota", Claim.status == "active", Claim.id > 100)
                .limit(2_000)
            )
        ]
        facts = list(
            await session.scalars(
                select(Claim.id).where(Claim.kind == "fact", Claim.id > 100).limit(2_000)
            )
        )
    added: list[int] = []  # facts this stream added (active), by their token
    retracted: list[int] = []
    tokens: dict[int, str] = {}
    started = time.monotonic()
    n = 0
    while time.monotonic() - started < seconds:
        due = started + n * every
        await asyncio.sleep(max(0.0, due - time.monotonic()))
        n += 1
        kind = KINDS[n % len(KINDS)]
        if kind == "retract" and not added:
            kind = "add"
        if kind == "restore" and not retracted:
            kind = "text"
        check: dict[str, Any] = {}
        async with runtime.sessionmaker() as session:
            if kind == "amount":
                claim_id, place = rng.choice(quotas)
                amount = rng.randrange(1_000, 99_999)
                await editing.edit_claim(session, owner, claim_id, {"amount": str(amount)})
                check = {"claim": claim_id, "place": place, "amount": amount}
            elif kind == "text":
                claim_id = rng.choice(facts)
                word = token(n)
                text = f"A source says {word} about the hours."
                await editing.edit_claim(session, owner, claim_id, {"text": text})
                check = {"claim": claim_id, "token": word, "found": True}
            elif kind == "add":
                word = token(n)
                place = rng.choice(quotas)[1]
                change = await editing.add_fact(
                    session,
                    owner,
                    {"topic": "hours", "text": f"Workers note {word} here.", "place": place},
                )
                added.append(change.entity_id)
                tokens[change.entity_id] = word
                check = {"claim": change.entity_id, "token": word, "found": True}
            elif kind == "retract":
                claim_id = added.pop(rng.randrange(len(added)))
                await editing.retract(session, owner, claim_id, "bench retraction")
                retracted.append(claim_id)
                check = {"claim": claim_id, "token": tokens[claim_id], "found": False}
            elif kind == "restore":
                claim_id = retracted.pop(rng.randrange(len(retracted)))
                await editing.restore(session, owner, claim_id, "bench restoration")
                added.append(claim_id)
                check = {"claim": claim_id, "token": tokens[claim_id], "found": True}
            else:
                term = f"alias{token(n)}"
                place = rng.choice(quotas)[1]
                await editing.add_alias(session, owner, term, "place", place)
                check = {"term": term, "place": place}
            confirmed = time.monotonic()
            revision = await current_revision(session)
        line = {"t": confirmed, "revision": revision, "kind": kind, "check": check}
        print(json.dumps(line), flush=True)
    await runtime.close()


# ----- the asker ------------------------------------------------------------------------


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)
    reloads: list[float] = field(default_factory=list)  # questions that reloaded first
    reload_cpu: list[float] = field(default_factory=list)
    full_reloads: int = 0
    slowest: tuple[float, str, bool] = (0.0, "", False)  # latency, question, reloaded
    asked: list[tuple[float, int]] = field(default_factory=list)  # (started, revision)
    confirmations: list[dict[str, Any]] = field(default_factory=list)
    # (the edit, the revision of the engine checked, what was wrong)
    problems: list[tuple[dict[str, Any], int, str]] = field(default_factory=list)

    def failed_checks(self) -> list[str]:
        """The problems not explained by a later edit of the same claim, which the engine
        checked may already show (the editor does not wait for the asker)."""
        failed = []
        for line, seen, problem in self.problems:
            claim = line["check"].get("claim")
            later = any(
                line["revision"] < other["revision"] <= seen
                and other["check"].get("claim") == claim
                for other in self.confirmations
            )
            if claim is None or not later:
                failed.append(problem)
        return failed


def check_edit(engine: Any, line: dict[str, Any]) -> str | None:
    """What is wrong with ``engine`` given the confirmed edit ``line`` (None: all right)."""
    check, kind = line["check"], line["kind"]
    if engine.revision < line["revision"]:
        return f"{kind}: engine at revision {engine.revision} < {line['revision']}"
    if kind == "amount":
        text = "\n".join(expected_messages(engine, f"/quota {check['place']}"))
        if f"{check['amount']:,}" not in text:
            return f"amount: {check['amount']:,} not in /quota {check['place']}"
    elif kind == "alias":
        if check["place"] not in engine.understand(f"{check['term']} quota").places:
            return f"alias: {check['term']} not understood as {check['place']}"
    else:
        hits = [hit.claim.id for hit in engine.search.search(check["token"], limit=5)]
        if (check["claim"] in hits) != check["found"]:
            return f"{kind}: claim {check['claim']} found={not check['found']} for {check['token']}"
        claim = engine.snapshot.claim(check["claim"])
        if claim is None or claim.active != check["found"]:
            return f"{kind}: claim {check['claim']} in the snapshot is not as edited"
    return None


async def ask_during_edits(url: str, seconds: float, every: float) -> dict[str, Any]:
    from bot.runtime import Runtime
    from testkit.settings import make_settings

    runtime = Runtime.create(make_settings(url))
    started = time.perf_counter()
    engine = await runtime.answer_engine()
    load_seconds = time.perf_counter() - started
    places = sorted({c.place for c in engine.snapshot.claims if c.place and c.is_quota})
    questions, _ = question_mix(places, 100_000)
    for question in dict.fromkeys(questions[:200]):  # first-use imports (/start's registry)
        expected_messages(engine, question)
    results = Results()
    editor = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bench.reload", "--child", "edit", url, f"{seconds}:{every}",
        stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    pending: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    async def read_confirmations() -> None:
        assert editor.stdout is not None
        async for raw in editor.stdout:
            line = json.loads(raw)
            results.confirmations.append(line)
            pending.put_nowait(line)

    reader = asyncio.create_task(read_confirmations())
    n = 0
    while not reader.done() or not pending.empty():
        while not pending.empty():
            line = pending.get_nowait()
            t0 = time.monotonic()
            engine = await runtime.answer_engine()
            results.asked.append((t0, engine.revision))
            problem = check_edit(engine, line)
            if problem:
                results.problems.append((line, engine.revision, problem))
        question = questions[n % len(questions)]
        n += 1
        t0, c0 = time.monotonic(), time.process_time()
        before = runtime._answer_engine
        engine = await runtime.answer_engine()
        reloaded = engine is not before
        t1, c1 = time.monotonic(), time.process_time()
        expected_messages(engine, question)
        t2 = time.monotonic()
        results.asked.append((t0, engine.revision))
        results.latencies.append(t2 - t0)
        results.slowest = max(results.slowest, (t2 - t0, question, reloaded))
        if reloaded:
            results.full_reloads += engine.snapshot.diff is None
            results.reloads.append(t1 - t0)
            results.reload_cpu.append(c1 - c0)
        await asyncio.sleep(0)  # let the confirmations in
    await editor.wait()
    await runtime.close()
    # No answer older than an edit confirmed before its question started.
    stale = 0
    confirmed = sorted((line["t"], line["revision"]) for line in results.confirmations)
    for asked_at, revision in results.asked:
        newest = max((r for t, r in confirmed if t < asked_at), default=-1)
        stale += revision < newest
    return {
        "claims": len(engine.snapshot.claims),
        "load_s": load_seconds,
        "questions": len(results.latencies),
        "edits": len(results.confirmations),
        "p50_ms": percentile(results.latencies, 50) * 1000,
        "p99_ms": percentile(results.latencies, 99) * 1000,
        "max_ms": max(results.latencies) * 1000,
        "slowest": f"{results.slowest[1]!r}" + (" (reloaded first)" if results.slowest[2] else ""),
        "slow_share": sum(t > 0.05 for t in results.latencies) / len(results.latencies),
        "reloads": len(results.reloads),
        "full_reloads": results.full_reloads,
        "reload_p50_ms": percentile(results.reloads, 50) * 1000,
        "reload_p99_ms": percentile(results.reloads, 99) * 1000,
        "reload_max_ms": max(results.reloads, default=0) * 1000,
        "reload_cpu_p50_ms": percentile(results.reload_cpu, 50) * 1000,
        "stale": stale,
        "checked": len(results.confirmations),
        "failed_checks": results.failed_checks()[:5],
        "failed": len(results.failed_checks()),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def child(argv: list[str]) -> None:
    command, url, value = argv
    seconds, every = (float(v) for v in value.split(":"))
    if command == "edit":
        asyncio.run(edit_stream(url, seconds, every))
    else:
        print(json.dumps(asyncio.run(ask_during_edits(url, seconds, every))))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--every", type=float, default=0.1)
    parser.add_argument(
        "--postgres", default="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    import subprocess

    workdir = Path(tempfile.mkdtemp(prefix="bench-reload-"))
    for backend in args.backends.split(","):
        database = None
        if backend == "sqlite":
            url = f"sqlite+aiosqlite:///{workdir / 'store.sqlite3'}"
        else:
            database = f"bench_reload_{uuid.uuid4().hex[:10]}"
            asyncio.run(_admin(args.postgres, f'CREATE DATABASE "{database}"'))
            url = make_url(args.postgres).set(database=database).render_as_string(False)
        try:
            run_scale("build", url, str(args.claims), "")
            done = subprocess.run(
                [sys.executable, "-m", "bench.reload", "--child", "ask", url,
                 f"{args.seconds}:{args.every}"],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            if done.returncode != 0:
                raise RuntimeError(done.stderr[-3000:])
            r = json.loads(done.stdout.strip().splitlines()[-1])
        finally:
            if database is not None:
                asyncio.run(
                    _admin(args.postgres, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
                )
        print(
            f"{backend}: {r['claims']:,} claims, first load {r['load_s']:.1f}s; "
            f"{r['edits']} edits in {args.seconds:.0f}s (one every {args.every * 1000:.0f} ms), "
            f"{r['questions']:,} questions\n"
            f"  question latency p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, "
            f"max {r['max_ms']:.0f} ms ({r['slowest']}); over 50 ms: "
            f"{r['slow_share'] * 100:.1f} %\n"
            f"  reload per edit ({r['reloads']} questions reloaded first, "
            f"{r['full_reloads']} of them everything): "
            f"p50 {r['reload_p50_ms']:.1f} ms, p99 {r['reload_p99_ms']:.1f} ms, "
            f"max {r['reload_max_ms']:.0f} ms (CPU p50 {r['reload_cpu_p50_ms']:.1f} ms)\n"
            f"  stale answers after a confirmed edit: {r['stale']}; edits checked: "
            f"{r['checked']}, not seen: {r['failed']} {r['failed_checks']}\n"
            f"  peak RSS {r['peak_mb']:.0f} MB; load average at the end "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
