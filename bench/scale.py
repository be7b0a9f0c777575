"""How the answer engine's cost grows with the store: time per question and peak memory.

    python -m bench.scale [--claims 100,1000,10000,100000] [--backends sqlite,postgresql]
                          [--questions 2000] [--postgres postgresql+asyncpg://postgres@127.0.0.1:5432/postgres]

For each size a store is built in a child process (migrated, seeded, then filled
with synthetic places and figures: one quota in five, each for its own made-up
place, the rest facts on the report's topics about those places), and measured
in a fresh child process so that its peak memory is the bot's own: loading the
snapshot and building the engine, then answering a mix of questions. Questions
about one place, country or topic are timed separately from store-wide ones
("/quotas", "who says so?", a whole country, a place the report does not
cover), whose answers list every matching claim and so grow with the store by
design. PostgreSQL databases are created and dropped here.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, select, text
from sqlalchemy.engine import make_url

from bench.common import expected_messages, percentile

TOPICS = ("hours", "savings", "earnings", "reason", "protest", "locals", "women", "doubling")
COUNTRIES = ("RU", "CN", "MN", "VN", "LA", "KH", "AE", "QA", "KW", "NG", "DZ", "PL")
CURRENCIES = {"RU": "RUB", "CN": "CNY", "MN": "MNT", "VN": "VND", "AE": "AED", "QA": "QAR"}
SECTORS = ("construction", "seafood processing", "logging", "textiles", "IT", "restaurants")
SYLLABLES = ("ka", "ro", "vi", "nsk", "mar", "to", "le", "gor", "du", "zan", "pol", "shi", "yu")


def place_name(index: int) -> str:
    """A made-up, unique, pronounceable place name (index in base 13, as syllables)."""
    parts = []
    for _ in range(5):
        index, digit = divmod(index, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    return "".join(parts).capitalize()


def synthetic_claims(count: int, source_ids: list[int], article_id: int) -> list[dict[str, object]]:
    rng = random.Random(count)
    quotas = max(1, count // 5)
    places = [place_name(i * 7919 % 371_293) for i in range(quotas)]
    rows: list[dict[str, object]] = []
    for i, place in enumerate(places):
        country = COUNTRIES[i % len(COUNTRIES)]
        amount = Decimal(rng.randrange(500, 90_000))
        rows.append(
            {
                "kind": "quota",
                "topic": "quota",
                "statement": f"Workers in {place} owe {amount} a month.",
                "place": place,
                "country": country,
                "sector": SECTORS[i % len(SECTORS)],
                "amount": amount,
                "currency": CURRENCIES.get(country, "USD"),
                "usd_amount": (amount / 85).quantize(Decimal(1)),
                "usd_is_approx": True,
                "period": "month",
                "basis": "person",
                "change": rng.choice(("doubled", "increased", "none")),
                "change_date": rng.choice((None, "March 10", "April 2")),
                "source_id": rng.choice(source_ids),
                "article_id": article_id,
                "status": "active" if rng.random() > 0.05 else "retracted",
            }
        )
    while len(rows) < count:
        place = rng.choice(places)
        topic = rng.choice(TOPICS)
        rows.append(
            {
                "kind": "fact",
                "topic": topic,
                "statement": f"In {place}, a source says something about {topic}.",
                "quote": None if rng.random() < 0.5 else f"About {topic} in {place}.",
                "place": place,
                "source_id": rng.choice(source_ids),
                "article_id": article_id,
                "status": "active",
            }
        )
    return rows


async def build_store(url: str, claims: int) -> None:
    from bot.runtime import Runtime
    from db.models import Article, Claim, Source
    from db.revision import bump_revision
    from db.session import write_transaction
    from testkit.settings import make_settings

    runtime = Runtime.create(make_settings(url))
    await runtime.prepare_store()
    async with runtime.sessionmaker() as session:
        async with session.begin():
            seeded = len((await session.scalars(select(Claim.id))).all())
            source_ids = list((await session.scalars(select(Source.id))).all())
            article_id = (await session.scalars(select(Article.id))).first()
        assert article_id is not None
        rows = synthetic_claims(max(0, claims - seeded), source_ids, article_id)
        for start in range(0, len(rows), 5_000):
            async with write_transaction(session):
                await session.execute(insert(Claim), rows[start : start + 5_000])
        async with write_transaction(session):
            await bump_revision(session)
    await runtime.close()


def question_mix(places: list[str], count: int) -> tuple[list[str], list[str]]:
    """(questions about one subject, store-wide questions)."""
    rng = random.Random(7)
    subject = [
        "How much do workers in Sakhalin owe now?",
        "Is any of this confirmed?",
        "What's loyalty cash?",
        "how many workers are affected",
        "what's the weather like",
        "/quota Sakhalin",
        "/caveat",
        "/article",
        "/start",
        "/help",
    ]
    templates = (
        "How much do workers in {} owe now?",
        "{} quota in dollars",
        "when did the quota for {} change",
        "how many hours do they work in {}",
        "/quota {}",
    )
    one: list[str] = []
    for _ in range(count):
        if rng.random() < 0.3 or not places:
            one.append(rng.choice(subject))
            continue
        place = rng.choice(places)
        if rng.random() < 0.1 and len(place) > 6:  # a typo
            cut = rng.randrange(1, len(place) - 1)
            place = place[:cut] + place[cut + 1 :]
        one.append(rng.choice(templates).format(place))
    # Their answers list every matching claim: with synthetic data, thousands.
    wide = [
        "/quotas",
        "Who says so?",
        "Russia vs China",
        "what jobs do they do",
        "fish plant workers china quota",
        "quota in Narnia",
    ]
    return one, wide


# Questions in Russian, Chinese and Korean (bot/engine/language.py): the same kinds as
# the English mix, about the report's places and the synthetic ones.
LANGUAGE_TEMPLATES = {
    "ru": (
        "сколько сейчас отдают рабочие на сахалине?",
        "кто это сказал?",
        "сколько рабочих в {}?",
        "квота в {} в долларах",
        "с какого числа подняли квоту в {}",
    ),
    "zh": (
        "萨哈林的朝鲜工人现在每个月交多少？",
        "谁说的？",
        "{}有多少朝鲜工人",
        "{}的额度折合多少美元",
        "大连那个指示是几号下的",
    ),
    "ko": (
        "사할린에서 북한 노동자들 한 달에 얼마 내?",
        "출처 어디임",
        "{} 노동자 몇 명이야?",
        "{} 할당량 달러로 얼마",
        "다롄 지시 날짜 언제였지",
    ),
}


def language_mix(places: list[str], language: str, count: int) -> list[str]:
    rng = random.Random(11)
    templates = LANGUAGE_TEMPLATES[language]
    return [rng.choice(templates).format(rng.choice(places or ["Sakhalin"])) for _ in range(count)]


async def measure(url: str, questions: int, languages: tuple[str, ...] = ()) -> dict[str, object]:
    from bot.runtime import Runtime
    from testkit.settings import make_settings

    started = time.perf_counter()
    runtime = Runtime.create(make_settings(url))
    engine = await runtime.answer_engine()
    load_seconds = time.perf_counter() - started
    places = sorted({c.place for c in engine.snapshot.claims if c.place and c.is_quota})
    one, wide = question_mix(places, questions)
    # The bot's start-up warm-up (bot/app.py runs it after start-up): every language's
    # analysis loaded and the engine's first-use tables built, before timing; the peak
    # memory is with all of them.
    await runtime.warm_up()
    # What /start and /help end with: the bot has it imported before its first answer
    # (0.2 s here on the first /start otherwise, counted as the engine's).
    import bot.handlers.registry  # noqa: F401

    first_answer_s: dict[str, float] = {}
    for language in languages:
        t0 = time.perf_counter()
        expected_messages(engine, LANGUAGE_TEMPLATES[language][0])
        first_answer_s[language] = time.perf_counter() - t0
    timings: list[float] = []
    # CPU time of the answering thread: on a shared machine the wall clock's tail is
    # mostly waiting for a core.
    cpu: list[float] = []
    revision_reads: list[float] = []
    for question in one:
        t0 = time.perf_counter()
        engine = await runtime.answer_engine()
        t1 = time.perf_counter()
        c1 = time.thread_time()
        expected_messages(engine, question)
        t2 = time.perf_counter()
        cpu.append(time.thread_time() - c1)
        revision_reads.append(t1 - t0)
        timings.append(t2 - t1)
    wide_timings: dict[str, float] = {}
    for question in wide:
        t0 = time.perf_counter()
        messages = expected_messages(engine, question)
        wide_timings[question] = time.perf_counter() - t0
        wide_timings[f"{question} (messages)"] = len(messages)
    per_language: dict[str, dict[str, float]] = {}
    for language in languages:
        spent = []
        spent_cpu = []
        for question in language_mix(places, language, questions // 4):
            t0 = time.perf_counter()
            c0 = time.thread_time()
            expected_messages(engine, question)
            spent.append(time.perf_counter() - t0)
            spent_cpu.append(time.thread_time() - c0)
        per_language[language] = {
            "first_s": first_answer_s[language],
            "p50_ms": percentile(spent, 50) * 1000,
            "p99_ms": percentile(spent, 99) * 1000,
            "cpu_p99_ms": percentile(spent_cpu, 99) * 1000,
        }
    await runtime.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "claims": len(engine.snapshot.claims),
        "load_s": load_seconds,
        "p50_ms": percentile(timings, 50) * 1000,
        "p99_ms": percentile(timings, 99) * 1000,
        "max_ms": max(timings) * 1000,
        "cpu_p99_ms": percentile(cpu, 99) * 1000,
        "revision_p50_us": percentile(revision_reads, 50) * 1e6,
        "revision_p99_us": percentile(revision_reads, 99) * 1e6,
        "peak_mb": peak,
        "wide": wide_timings,
        "languages": per_language,
    }


def child(argv: list[str]) -> None:
    command, url, value, languages = argv
    if command == "build":
        asyncio.run(build_store(url, int(value)))
    else:
        wanted = tuple(name for name in languages.split(",") if name and name != "en")
        print(json.dumps(asyncio.run(measure(url, int(value), wanted))))


async def _admin(admin_url: str, sql: str) -> None:
    from db.session import create_engine

    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT", pool_pre_ping=False)
    try:
        async with engine.connect() as connection:
            await connection.execute(text(sql))
    finally:
        await engine.dispose()


def run(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "bench.scale", "--child", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-3000:])
    return result.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", default="100,1000,10000,100000")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument(
        "--postgres", default="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
    )
    parser.add_argument(
        "--languages",
        default="ru,zh,ko",
        help="besides English, time questions in these (loaded before timing; '' for none)",
    )
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0

    workdir = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    print(
        f"{'backend':10} {'claims':>7} {'load':>7} {'p50':>8} {'p99':>8} {'max':>8} "
        f"{'rev p50':>8} {'peak RSS':>9}  store-wide answers (time, messages)"
    )
    for backend in args.backends.split(","):
        for size in [int(s) for s in args.claims.split(",")]:
            if backend == "sqlite":
                url = f"sqlite+aiosqlite:///{workdir / f'store-{size}.sqlite3'}"
                database = None
            else:
                database = f"bench_scale_{uuid.uuid4().hex[:10]}"
                asyncio.run(_admin(args.postgres, f'CREATE DATABASE "{database}"'))
                url = make_url(args.postgres).set(database=database).render_as_string(False)
            try:
                run("build", url, str(size), "")
                result = json.loads(run("measure", url, str(args.questions), args.languages))
            finally:
                if database is not None:
                    asyncio.run(
                        _admin(args.postgres, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
                    )
            wide = result["wide"]
            wide_text = ", ".join(
                f"{q} {wide[q] * 1000:.0f}ms/{wide[q + ' (messages)']}"
                for q in wide
                if not q.endswith("(messages)")
            )
            print(
                f"{backend:10} {result['claims']:7} {result['load_s']:6.2f}s "
                f"{result['p50_ms']:6.2f}ms {result['p99_ms']:6.2f}ms {result['max_ms']:6.1f}ms "
                f"{result['revision_p50_us']:6.0f}us {result['peak_mb']:7.0f}MB  {wide_text}",
                flush=True,
            )
            print(f"{'':10} {'en':>7} cpu p99 {result['cpu_p99_ms']:.2f}ms", flush=True)
            for language, figures in result["languages"].items():
                print(
                    f"{'':10} {language:>7} first answer {figures['first_s']:.2f}s "
                    f"p50 {figures['p50_ms']:.2f}ms p99 {figures['p99_ms']:.2f}ms "
                    f"cpu p99 {figures['cpu_p99_ms']:.2f}ms",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
