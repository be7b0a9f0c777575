"""Answer-engine time on adversarial questions: long words, many words, every script.

    python -m bench.adversarial [--runs 5] [--claims 0]

Builds a seeded SQLite store in a temporary folder (``--claims N`` adds synthetic
places and facts, as ``bench.scale`` does), then times ``AnswerEngine.answer`` on
each case ``--runs`` times, with fresh random words each run (so the typo cache
never helps), and prints the median and the slowest run of each case next to the
ordinary question mix. Each case should cost under 20 ms; nothing fails on a time.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import QUESTIONS, percentile
from bot.config import Settings
from bot.engine import AnswerEngine
from bot.runtime import Runtime

TARGET_MS = 20.0
LENGTH = 4096  # Telegram's longest text; inline queries and `ask` may be longer (cut)

LATIN = "abcdefghijklmnopqrstuvwxyz"
CYRILLIC = "абвгдежзийклмнопрстуфхцчшщыэюя"
HANGUL = "".join(chr(c) for c in range(0xAC00, 0xAC00 + 2000))
HAN = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 2000))
ARABIC = "".join(chr(c) for c in range(0x0627, 0x064A))


def _word(rng: random.Random, alphabet: str, length: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(length))


def _words(rng: random.Random, alphabets: str | tuple[str, ...], lengths: tuple[int, int]) -> str:
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < LENGTH:
        alphabet = rng.choice(alphabets) if isinstance(alphabets, tuple) else alphabets
        parts.append(_word(rng, alphabet, rng.randint(*lengths)))
    return " ".join(parts)[:LENGTH]


CASES: dict[str, Callable[[random.Random], str]] = {
    "one Latin word, 4,096 letters": lambda r: _word(r, LATIN, LENGTH),
    "one Cyrillic word, 4,096 letters": lambda r: _word(r, CYRILLIC, LENGTH),
    "one Hangul word, 4,096 syllables": lambda r: _word(r, HANGUL, LENGTH),
    "one Han word, 4,096 characters": lambda r: _word(r, HAN, LENGTH),
    "one Latin word, 32 letters (longest corrected)": lambda r: _word(r, LATIN, 32),
    "one Latin word, 20,000 letters (ask, inline)": lambda r: _word(r, LATIN, 20_000),
    "5-letter Latin words": lambda r: _words(r, LATIN, (5, 5)),
    "9-14-letter Cyrillic words": lambda r: _words(r, CYRILLIC, (9, 14)),
    "mixed-script words": lambda r: _words(
        r, (LATIN, CYRILLIC, LATIN + CYRILLIC, LATIN + HANGUL, HAN, ARABIC), (3, 16)
    ),
    "words that mix scripts": lambda r: _words(r, LATIN + CYRILLIC + HANGUL + HAN, (5, 14)),
    "'in <unknown place>' repeated": lambda r: " ".join(
        f"in {_word(r, LATIN, 8)}" for _ in range(LENGTH // 12)
    ),
    "4,000 one-letter words": lambda r: " ".join(r.choice(LATIN) for _ in range(2048)),
    "4,096 digits": lambda r: _word(r, "0123456789", LENGTH),
    "digits and spaces": lambda r: " ".join(_word(r, "0123456789", 3) for _ in range(1024)),
    "punctuation run": lambda r: _word(r, "!?.,;:-'\"()[]{}$%&*", LENGTH),
    "combining marks": lambda r: "a" + "\u0301\u0308\u0323" * (LENGTH // 3),
    "zero-width characters": lambda r: "quota\u200b\u200c\u200d\ufeff" * (LENGTH // 9),
    "RTL marks": lambda r: "\u200f\u202e" * (LENGTH // 2 - 3) + "quota",
    "emoji": lambda r: "🙂" * LENGTH,
    "ligatures (NFKC grows them)": lambda r: "\ufdfa" * LENGTH,
}


async def build_engine(folder: Path, claims: int) -> AnswerEngine:
    settings = Settings(database_url=f"sqlite+aiosqlite:///{folder / 'store.sqlite3'}")
    runtime = Runtime.create(settings)
    try:
        await runtime.prepare_store()
        if claims:
            await _add_synthetic(runtime, claims)
        return await runtime.answer_engine()
    finally:
        await runtime.close()


async def _add_synthetic(runtime: Runtime, claims: int) -> None:
    from sqlalchemy import insert, select

    from bench.scale import synthetic_claims
    from db.models import Article, Claim, Source
    from db.revision import bump_revision
    from db.session import write_transaction

    async with runtime.sessionmaker() as session:
        async with session.begin():
            source_ids = list((await session.scalars(select(Source.id))).all())
            article_id = (await session.scalars(select(Article.id))).first()
        assert article_id is not None
        rows = synthetic_claims(claims, source_ids, article_id)
        for start in range(0, len(rows), 5_000):
            async with write_transaction(session):
                await session.execute(insert(Claim), rows[start : start + 5_000])
        async with write_transaction(session):
            await bump_revision(session)


def _time(engine: AnswerEngine, question: str) -> float:
    started = time.perf_counter()
    engine.answer(question)
    return (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--claims", type=int, default=0, help="synthetic claims to add")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-adversarial-") as folder:
        engine = asyncio.run(build_engine(Path(folder), args.claims))
    print(f"store: {len(engine.snapshot.claims):,} claims; {args.runs} runs a case")
    for question in QUESTIONS:  # warm up: Babel, caches built on first use
        engine.answer(question)
    ordinary = [_time(engine, q) for _ in range(args.runs) for q in QUESTIONS]
    print(
        f"{'ordinary questions (bench.common)':48} p50 {percentile(ordinary, 50):7.2f} ms  "
        f"p99 {percentile(ordinary, 99):7.2f} ms"
    )
    worst = 0.0
    for name, make in CASES.items():
        rng = random.Random(name)
        timings = [_time(engine, make(rng)) for _ in range(args.runs)]
        worst = max(worst, *timings)
        flag = "" if max(timings) < TARGET_MS else f"  over {TARGET_MS:.0f} ms"
        print(
            f"{name:48} med {statistics.median(timings):7.2f} ms  max {max(timings):7.2f} ms{flag}"
        )
    print(f"slowest adversarial answer: {worst:.2f} ms (target < {TARGET_MS:.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
