"""Load times of the public record pages at a given store size.

    python -m bench.pages [--claims 10000] [--backend sqlite|postgresql]
                          [--postgres postgresql+asyncpg://postgres@127.0.0.1:5432/postgres]

Fills a store as bench.scale does (the seed, then synthetic places and figures), serves
it with bot.web's PublicSite over real HTTP on this machine, and times: the index and
/claims.json the first time a revision is asked for (rendered) and again (kept for that
revision), a 304 revalidation, claim pages (one history query each) and the chart.
Prints figures; never fails on a time.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable
from typing import Any

from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import text

from bench.scale import build_store


async def _timed(call: Awaitable[Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = await call
    return (time.perf_counter() - start) * 1000, result


async def measure(url: str) -> None:
    from bot.runtime import Runtime
    from bot.web.server import PublicSite
    from testkit.settings import make_settings

    runtime = Runtime.create(make_settings(url))
    site = PublicSite(runtime, "https://record.example.org")
    try:
        async with TestClient(TestServer(site.web_app())) as client:

            async def get(path: str, **headers: str) -> tuple[int, int, str]:
                response = await client.get(path, headers=headers)
                body = await response.read()
                return response.status, len(body), response.headers.get("ETag", "")

            for path in ("/", "/claims.json", "/chart.png"):
                cold, (status, size, etag) = await _timed(get(path))
                warm, _ = await _timed(get(path))
                revalidated, (status304, _, _) = await _timed(get(path, **{"If-None-Match": etag}))
                print(
                    f"{path:12} {status} {size / 1024:8.0f} KiB  first {cold:8.1f} ms  "
                    f"again {warm:7.1f} ms  {status304} {revalidated:6.1f} ms"
                )
            claim_times = []
            for claim_id in range(1, 201):
                elapsed, (status, _, _) = await _timed(get(f"/claims/{claim_id}"))
                assert status == 200
                claim_times.append(elapsed)
            claim_times.sort()
            print(
                f"/claims/<id>  median {statistics.median(claim_times):.1f} ms  "
                f"p95 {claim_times[int(len(claim_times) * 0.95)]:.1f} ms (200 pages)"
            )
    finally:
        await runtime.close()


async def _admin(admin_url: str, sql: str) -> None:
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(sql))
    finally:
        await engine.dispose()


async def main_async(claims: int, backend: str, admin_url: str) -> None:
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tempfile.mkdtemp()}/pages.sqlite3"
        await build_store(url, claims)
        print(f"{claims} claims on SQLite")
        await measure(url)
        return
    name = f"bench_pages_{uuid.uuid4().hex[:8]}"
    await _admin(admin_url, f"CREATE DATABASE {name}")
    url = admin_url.rsplit("/", 1)[0] + f"/{name}"
    try:
        await build_store(url, claims)
        print(f"{claims} claims on PostgreSQL")
        await measure(url)
    finally:
        await _admin(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument(
        "--postgres", default="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
    )
    args = parser.parse_args(argv)
    asyncio.run(main_async(args.claims, args.backend, args.postgres))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
