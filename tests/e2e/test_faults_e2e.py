"""End to end: the real bot meeting faults — Bot API 429/5xx/403, a dropped or
restarted PostgreSQL, SIGTERM under load — and never leaking its token.

Each test prints one ``FAULTS:`` line with what it measured (run with ``-s``).

The full PostgreSQL restart disturbs every other user of the server, so it runs
only when asked: ``PG_RESTART_TEST=1 .venv/bin/pytest tests/e2e/test_faults_e2e.py -k restart -s``.
The default suite instead terminates the bot's own connections
(``pg_terminate_backend`` for its database), which other tests do not notice.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from db.session import create_engine
from testkit.fakes.bot_api_server import FakeBotApi
from testkit.fakes.updates import JSONDict, make_message_update
from tests.support.postgres import POSTGRES_URL
from tests.support.production_support import (
    SECRET,
    TOKEN,
    api_fixture,  # noqa: F401 - fixture "api"
    bot_env,
    bot_process,
    final_stderr,
    free_port,
    get_status,
    need_postgres_fixture,  # noqa: F401 - fixture "need_postgres"
    pg_url_fixture,  # noqa: F401 - fixture "pg_url"
    webhook_replica,
)

UNAVAILABLE = "temporarily unavailable"


def caveat_updates(api: FakeBotApi, count: int, first_user: int) -> list[JSONDict]:
    return [
        make_message_update(api.next_update_id(), "/caveat", user_id=first_user + n)
        for n in range(count)
    ]


def tally(api: FakeBotApi, users: list[int]) -> Counter[int]:
    chats = Counter(int(m["chat_id"]) for m in api.sent_messages())
    return Counter({user: chats[user] for user in users})


@pytest.mark.parametrize("max_rate", ["0", "30"], ids=["own-retry", "with-AIORateLimiter"])
async def test_429_and_5xx_lose_nothing_and_duplicate_nothing(
    api: FakeBotApi, sqlite_url: str, max_rate: str
) -> None:
    env = bot_env(api, sqlite_url, TELEGRAM_MAX_RATE=max_rate)
    async with bot_process(env) as process:
        await api.wait_for_call("getUpdates")
        api.fail_next("sendMessage", 429, retry_after=1)
        api.fail_next("sendMessage", 502, count=2)
        api.fail_next("sendMessage", 500)
        api.fail_next("sendMessage", 429, retry_after=1)
        users = list(range(9000, 9020))
        for user in users:
            api.push_text("/caveat", user_id=user)
        await api.wait_for_messages(len(users), timeout=60)
        # The next answer proves the bot is idle and nothing more is coming.
        api.push_text("/caveat", user_id=9999)
        await api.wait_for_messages(1, chat_id=9999)
        counts = tally(api, users)
        failed = [c for c in api.calls_of("sendMessage") if c.status != 200]
        assert sorted(counts.values()) == [1] * len(users)
        assert [c.status for c in failed] == [429, 502, 502, 500, 429]

        # 403: the user blocked the bot. Nothing more goes to them; others are served.
        api.fail_next("sendMessage", 403)
        calls = len(api.calls_of("sendMessage"))
        api.push_text("/caveat", user_id=9100)
        await api.wait_for_call("sendMessage", calls + 1)
        api.push_text("/caveat", user_id=9101)
        await api.wait_for_messages(1, chat_id=9101)
        assert api.sent_messages(9100) == []
        print(
            f"\nFAULTS: 429/5xx max_rate={max_rate}: {len(users)} updates, "
            f"{sum(counts.values())} answers, 0 lost, "
            f"{sum(c - 1 for c in counts.values() if c > 1)} duplicates, "
            f"{len(failed)} injected failures retried"
        )
    assert "Not sending to chat 9100" in final_stderr(process)
    assert "Traceback" not in final_stderr(process)


async def terminate_backends(database_url: str) -> int:
    """Kill every connection to this test's database (and only that one)."""
    name = make_url(database_url).database
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT", pool_pre_ping=False)
    try:
        async with admin.connect() as connection:
            killed = await connection.scalar(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
    finally:
        await admin.dispose()
    return int(killed or 0)


async def test_dropped_database_connections_cost_no_answer(
    api: FakeBotApi,
    pg_url: str,
) -> None:
    async with webhook_replica(api, pg_url) as replica:
        await replica.process.wait_for_log("Webhook registered")
        updates = caveat_updates(api, 30, first_user=11000)
        killed_total = 0
        for wave in range(3):
            chunk = updates[wave * 10 : (wave + 1) * 10]
            killed_total += await terminate_backends(pg_url)
            statuses = await asyncio.gather(
                *(api.deliver_via_webhook(u, replica.url, SECRET) for u in chunk)
            )
            assert statuses == [200] * len(chunk)
        users = [u["message"]["chat"]["id"] for u in updates]
        counts = tally(api, users)
        apologies = sum(UNAVAILABLE in t for t in api.sent_texts())
        assert sorted(counts.values()) == [1] * len(users)
        assert killed_total >= 3
        # pool_pre_ping replaces a dead pooled connection on checkout: no apology needed.
        assert apologies == 0
        print(
            f"\nFAULTS: pg_terminate_backend x3 ({killed_total} connections): "
            f"{len(updates)} updates, {sum(counts.values())} answers, {apologies} apologies, "
            f"0 duplicates"
        )


def pg_cluster_version() -> str:
    versions = sorted(os.listdir("/etc/postgresql"))
    return versions[-1]


def restart_postgres() -> None:
    subprocess.run(
        [
            "pg_ctlcluster",
            "--skip-systemctl-redirect",
            pg_cluster_version(),
            "main",
            "restart",
        ],
        check=True,
        timeout=120,
    )


@pytest.mark.skipif(
    os.environ.get("PG_RESTART_TEST") != "1" or not Path("/etc/postgresql").is_dir(),
    reason="restarts the shared PostgreSQL server: opt in with PG_RESTART_TEST=1",
)
async def test_postgresql_restart_under_load(
    api: FakeBotApi,
    pg_url: str,
) -> None:
    async with webhook_replica(api, pg_url) as replica:
        await replica.process.wait_for_log("Webhook registered")
        stop = asyncio.Event()
        delivered: list[JSONDict] = []
        latencies: list[tuple[float, float]] = []  # (sent at, seconds to the 200)
        next_user = iter(range(12000, 13000))

        async def load() -> None:
            while not stop.is_set():
                update = make_message_update(
                    api.next_update_id(), "/caveat", user_id=next(next_user)
                )
                delivered.append(update)
                began = time.monotonic()
                assert await api.deliver_via_webhook(update, replica.url, SECRET) == 200
                latencies.append((began, time.monotonic() - began))
                await asyncio.sleep(0.05)

        workers = [asyncio.create_task(load()) for _ in range(4)]
        await asyncio.sleep(1.0)
        restart_began = time.monotonic()
        await asyncio.to_thread(restart_postgres)
        restart_done = time.monotonic()
        await asyncio.sleep(3.0)  # the load goes on after the restart
        stop.set()
        await asyncio.gather(*workers)
        health = await get_status(replica.health_url)
        messages = api.sent_messages()
        users = [u["message"]["chat"]["id"] for u in delivered]
        counts = tally(api, users)
        assert sorted(counts.values()) == [1] * len(users)
        assert health == 200
        apologies = [m for m in messages if UNAVAILABLE in m["text"]]
        during = [s for began, s in latencies if restart_began - 1 <= began <= restart_done]
        last_apology = max(
            (i for i, m in enumerate(messages) if UNAVAILABLE in m["text"]), default=-1
        )
        real_after = len(messages) - last_apology - 1
        apology_times = [
            c.time - restart_began
            for c in api.calls_of("sendMessage")
            if UNAVAILABLE in str(c.params.get("text", ""))
        ]
        window = (
            f"apologies from {min(apology_times):.2f}s to {max(apology_times):.2f}s "
            f"after the restart began"
            if apology_times
            else "no apologies"
        )
        print(
            f"\nFAULTS: PostgreSQL restart ({restart_done - restart_began:.1f}s): "
            f"{len(delivered)} updates, {sum(counts.values())} answers, "
            f"{len(apologies)} 'temporarily unavailable', 0 duplicates; "
            f"slowest webhook call around the restart {max(during, default=0):.2f}s; "
            f"{window}; {real_after} real answers after the last apology; /healthz 200 again"
        )
    assert "Traceback" not in replica.stderr


async def test_sigterm_during_a_polling_burst(api: FakeBotApi, sqlite_url: str) -> None:
    users = list(range(13000, 13040))
    # 10 messages a second: the burst takes a few seconds, so SIGTERM lands inside it.
    env = bot_env(api, sqlite_url, TELEGRAM_MAX_RATE="10")
    async with bot_process(env) as process:
        await api.wait_for_call("getUpdates")
        api.fail_next("sendMessage", 502, count=2)
        for user in users:
            api.push_text("/caveat", user_id=user)
        await api.wait_for_messages(3)
        started = time.monotonic()
        process.proc.terminate()
        await asyncio.wait_for(process.proc.wait(), 30)
        stopped_after = time.monotonic() - started
    assert process.returncode == 0
    first_run = len(api.sent_messages())
    # Messages that arrive while the bot is down wait at Telegram.
    later = list(range(13100, 13110))
    for user in later:
        api.push_text("/caveat", user_id=user)
    users += later
    # The next start picks up where the first stopped: nothing answered twice.
    async with bot_process(env):
        await api.wait_for_messages(len(users), timeout=60)
        api.push_text("/caveat", user_id=13999)
        await api.wait_for_messages(1, chat_id=13999)
    counts = tally(api, users)
    assert sorted(counts.values()) == [1] * len(users)
    print(
        f"\nFAULTS: SIGTERM in a polling burst: {len(users) - len(later)} updates, "
        f"{first_run} answered before exit 0 ({stopped_after:.2f}s to stop); "
        f"{len(later)} more while down; {sum(counts.values())} answers in all after restart, "
        f"0 duplicates"
    )


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_token_never_logged_at_debug(api: FakeBotApi, sqlite_url: str, mode: str) -> None:
    extra = {"LOG_LEVEL": "DEBUG"}
    if mode == "polling":
        async with bot_process(bot_env(api, sqlite_url, **extra)) as process:
            await api.wait_for_call("getUpdates")
            api.fail_next("sendMessage", 502)
            api.push_text("/caveat", user_id=14000)
            await api.wait_for_messages(1, chat_id=14000)
        log = final_stderr(process)
    else:
        async with webhook_replica(api, sqlite_url, **extra) as replica:
            await replica.process.wait_for_log("Webhook registered")
            api.fail_next("sendMessage", 502)
            update = make_message_update(api.next_update_id(), "/caveat", user_id=14000)
            assert await api.deliver_via_webhook(update, replica.url, SECRET) == 200
        log = replica.stderr
    assert "sendMessage" in log  # real requests were logged at DEBUG...
    assert TOKEN not in log  # ...but never the token
    assert TOKEN.split(":")[1] not in log
    assert SECRET not in log
    assert "<token>" in log


async def test_start_waits_for_an_unreachable_bot_api(sqlite_url: str) -> None:
    # Nothing listens on the port yet: Telegram down, or the network not up.
    port = free_port()
    later = FakeBotApi(port=port)
    env = bot_env(later, sqlite_url)
    async with bot_process(env) as process:
        await process.wait_for_log("not reachable")
        await process.wait_for_log("retrying in 2s")  # a second try, with backoff
        process.check_alive()
        async with later:
            await process.wait_for_log("is reachable", timeout=60)
            later.push_text("/caveat", user_id=15000)
            [answer] = await later.wait_for_messages(1, chat_id=15000, timeout=60)
            assert "cannot independently verify" in answer["text"]
            # Stop the bot while its Bot API is still up.
            process.proc.terminate()
            await asyncio.wait_for(process.proc.wait(), 30)
    assert process.returncode == 0
    stderr = final_stderr(process)
    assert "Traceback" not in stderr
    assert TOKEN not in stderr
    assert f"Bot API at http://127.0.0.1:{port}/bot not reachable" in stderr


async def test_stop_while_waiting_for_the_bot_api_exits_0(sqlite_url: str) -> None:
    env = bot_env(FakeBotApi(port=free_port()), sqlite_url)
    async with bot_process(env) as process:
        await process.wait_for_log("not reachable")
    assert process.returncode == 0
    assert "Traceback" not in final_stderr(process)


async def test_a_token_telegram_refuses_stops_start_up_with_one_line(sqlite_url: str) -> None:
    async with FakeBotApi(token="111:the-only-valid-token") as api:
        async with bot_process(bot_env(api, sqlite_url), ok_returncodes=(2,)) as process:
            await asyncio.wait_for(process.proc.wait(), 60)
        assert not api.calls_of("getUpdates")
    stderr = final_stderr(process)
    assert process.returncode == 2
    assert "Configuration error: TELEGRAM_BOT_TOKEN was refused by the Bot API" in stderr
    assert "@BotFather" in stderr
    assert "Traceback" not in stderr
    assert TOKEN not in stderr
