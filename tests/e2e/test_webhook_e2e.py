"""End to end: the real ``python -m bot`` in webhook mode against the fake Bot API.

Two replicas on one PostgreSQL, the secret check, redelivered updates, SIGTERM.
"""

from __future__ import annotations

import asyncio
import os
from contextlib import AsyncExitStack

import aiohttp
import pytest
from sqlalchemy import func, select, text

from db.models import Article, Claim, ProcessedUpdate
from db.revision import bump_revision
from db.session import create_engine, create_sessionmaker, write_transaction
from testkit.fakes.bot_api_server import FakeBotApi
from testkit.fakes.e2e import eventually
from testkit.fakes.updates import JSONDict, make_message_update
from tests.support.postgres import create_postgres_database, drop_postgres_database
from tests.support.production_support import (
    HOOK_PATH,
    SECRET,
    Replica,
    api_fixture,  # noqa: F401 - fixture "api"
    bot_env,
    bot_process,
    final_stderr,
    free_port,
    get_status,
    need_postgres_fixture,  # noqa: F401 - fixture "need_postgres"
    pg_url_fixture,  # noqa: F401 - fixture "pg_url"
    post_raw,
    webhook_env,
    webhook_replica,
)


async def test_secret_body_health_and_redelivery(api: FakeBotApi, sqlite_url: str) -> None:
    async with webhook_replica(api, sqlite_url) as replica:
        await replica.process.wait_for_log("Webhook registered")
        assert api.webhook_url == replica.url
        assert api.webhook_secret == SECRET
        assert await get_status(replica.health_url) == 200

        update = make_message_update(api.next_update_id(), "/caveat", user_id=501)
        # Missing, wrong, almost right, and non-ASCII secrets: 403, nothing processed.
        assert await api.deliver_via_webhook(update, replica.url, secret="") == 403
        for wrong in ("wrong", SECRET + "x", SECRET[:-1], "é" * 10, SECRET.upper()):
            assert await api.deliver_via_webhook(update, replica.url, secret=wrong) == 403
        json_headers = {"Content-Type": "application/json"}
        assert await post_raw(replica.url, b'{"update_id": 1}', json_headers) == 403

        # Right secret, but not a JSON update: 400.
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, **json_headers}
        for body in (b"not json", b"[1, 2]", b'{"no": "update_id"}', b"\xff\xfe", b""):
            assert await post_raw(replica.url, body, headers) == 400
        assert api.sent_messages() == []

        # Right secret: processed before the 200, so the answer is already there.
        assert await api.deliver_via_webhook(update, replica.url) == 200
        assert len(api.sent_messages(501)) == 1
        # Telegram redelivers (e.g. its call timed out): acknowledged, not answered again.
        for _ in range(3):
            assert await api.deliver_via_webhook(update, replica.url) == 200
        assert len(api.sent_messages(501)) == 1
        assert "Unverified" in api.sent_texts(501)[0]
    assert "redelivery skipped" in replica.stderr
    assert "Traceback" not in replica.stderr


async def test_webhook_mode_requires_a_valid_secret(api: FakeBotApi, sqlite_url: str) -> None:
    env = bot_env(api, sqlite_url, WEBHOOK_URL="https://bot.example.org/hook")
    async with bot_process(env, ok_returncodes=(2,)) as process:
        await process.proc.wait()
    assert "WEBHOOK_SECRET is not set" in final_stderr(process)
    env["WEBHOOK_SECRET"] = "has spaces and ; semicolons"
    async with bot_process(env, ok_returncodes=(2,)) as process:
        await process.proc.wait()
    assert "WEBHOOK_SECRET" in final_stderr(process)
    assert "has spaces" not in final_stderr(process)  # the rejected value is not echoed
    assert "Traceback" not in final_stderr(process)


async def change_sakhalin_amount(database_url: str, amount: int) -> None:
    """An editor's change without the editor commands: row + revision, one transaction."""
    engine = create_engine(database_url)
    try:
        async with create_sessionmaker(engine)() as session, write_transaction(session):
            await session.execute(
                text(
                    "UPDATE claims SET amount = :amount, version = version + 1 "
                    "WHERE place LIKE '%Sakhalin%' AND amount IS NOT NULL"
                ),
                {"amount": amount},
            )
            await bump_revision(session)
    finally:
        await engine.dispose()


async def test_two_replicas_on_one_postgresql(api: FakeBotApi, pg_url: str) -> None:
    async with AsyncExitStack() as stack:
        # Both start at once on an empty database: migrations and seed must not race.
        first, second = await asyncio.gather(
            stack.enter_async_context(webhook_replica(api, pg_url)),
            stack.enter_async_context(webhook_replica(api, pg_url)),
        )
        await asyncio.gather(
            first.process.wait_for_log("Webhook registered"),
            second.process.wait_for_log("Webhook registered"),
        )
        engine = create_engine(pg_url)
        try:
            async with engine.connect() as connection:
                articles = await connection.scalar(select(func.count()).select_from(Article))
                claims = await connection.scalar(select(func.count()).select_from(Claim))
        finally:
            await engine.dispose()
        assert (articles, claims) == (1, 16)  # seeded exactly once

        async def ask(replica: Replica, user_id: int) -> str:
            update = make_message_update(api.next_update_id(), "/quota Sakhalin", user_id=user_id)
            assert await api.deliver_via_webhook(update, replica.url, SECRET) == 200
            return "\n".join(api.sent_texts(user_id))

        assert "62,000" in await ask(first, 601)
        assert "62,000" in await ask(second, 602)
        await change_sakhalin_amount(pg_url, 65_000)
        # The very next answer of every replica has it: no restart, no waiting.
        assert "65,000" in await ask(second, 603)
        assert "65,000" in await ask(first, 604)

        # A redelivery to the other replica is not answered again either.
        update = make_message_update(api.next_update_id(), "/caveat", user_id=605)
        assert await api.deliver_via_webhook(update, first.url, SECRET) == 200
        assert await api.deliver_via_webhook(update, second.url, SECRET) == 200
        assert len(api.sent_messages(605)) == 1

        # Both deliver concurrently the same fresh update: exactly one answers.
        update = make_message_update(api.next_update_id(), "/caveat", user_id=606)
        statuses = await asyncio.gather(
            *(api.deliver_via_webhook(update, r.url, SECRET) for r in (first, second, first))
        )
        # The winner answers 200; a delivery that arrives while it works gets 503
        # (Telegram retries later, and then hears "done").
        assert statuses.count(200) >= 1 and set(statuses) <= {200, 503}
        assert len(api.sent_messages(606)) == 1
        assert await api.deliver_via_webhook(update, second.url, SECRET) == 200
        assert len(api.sent_messages(606)) == 1
        engine = create_engine(pg_url)
        try:
            async with engine.connect() as connection:
                claimed = await connection.scalar(select(func.count()).select_from(ProcessedUpdate))
        finally:
            await engine.dispose()
        assert claimed == 6  # one row per distinct update, whichever replica took it
    for replica in (first, second):
        assert "Traceback" not in replica.stderr


def burst(api: FakeBotApi, count: int, first_user: int) -> list[JSONDict]:
    return [
        make_message_update(api.next_update_id(), "/caveat", user_id=first_user + n)
        for n in range(count)
    ]


def answered_chats(api: FakeBotApi) -> list[int]:
    return [int(m["chat_id"]) for m in api.sent_messages()]


async def test_sigterm_during_a_burst_drains_and_restart_answers_the_rest(
    api: FakeBotApi, pg_url: str
) -> None:
    updates = burst(api, 40, first_user=7000)
    port = free_port()
    env = webhook_env(api, pg_url, port)
    url = f"http://127.0.0.1:{port}{HOOK_PATH}"
    statuses: dict[int, int] = {}

    async def deliver(update: JSONDict) -> None:
        try:
            statuses[update["update_id"]] = await api.deliver_via_webhook(update, url, SECRET)
        except aiohttp.ClientError:
            statuses[update["update_id"]] = 0  # refused while stopping: Telegram redelivers

    async with bot_process(env) as process:
        await process.wait_for_log("Webhook registered")
        # Slow answers, so that the SIGTERM lands while many are in flight.
        api.fail_next("sendMessage", 502, count=6)
        tasks = [asyncio.create_task(deliver(u)) for u in updates]
        await api.wait_for_messages(3)
        process.proc.terminate()
        await asyncio.wait_for(process.proc.wait(), 30)
        await asyncio.gather(*tasks)
    assert process.returncode == 0
    acknowledged = [uid for uid, status in statuses.items() if status == 200]
    # Every acknowledged update was answered before the process exited.
    answered = answered_chats(api)
    by_update = {u["update_id"]: u["message"]["chat"]["id"] for u in updates}
    assert {by_update[uid] for uid in acknowledged} <= set(answered)

    # Telegram redelivers everything it did not get a 200 for; we redeliver all.
    async with webhook_replica(api, pg_url) as replica:
        await replica.process.wait_for_log("Webhook registered")
        await asyncio.gather(*(api.deliver_via_webhook(u, replica.url, SECRET) for u in updates))
    answered = answered_chats(api)
    assert sorted(answered) == sorted(by_update.values())  # each exactly once
    refused = sum(status != 200 for status in statuses.values())
    print(
        f"\nFAULTS: SIGTERM in a webhook burst: {len(updates)} updates, "
        f"{len(acknowledged)} acknowledged and answered before exit 0, {refused} refused "
        f"while stopping; all {len(updates)} redelivered to a new replica: "
        f"{len(answered)} answers in all, 0 duplicates"
    )


@pytest.mark.skipif(
    os.environ.get("SKIP_SLOW_E2E") == "1", reason="SKIP_SLOW_E2E=1 skips the slow e2e tests"
)
async def test_start_waits_for_an_unreachable_database(
    api: FakeBotApi, need_postgres: None
) -> None:
    url = await create_postgres_database()
    await drop_postgres_database(url)  # a name that does not exist yet
    port = free_port()
    try:
        async with bot_process(webhook_env(api, url, port)) as process:
            await process.wait_for_log("not reachable")
            await asyncio.sleep(1.5)  # let it retry at least once more
            process.check_alive()
            await create_again(url)
            await process.wait_for_log("Webhook registered", timeout=60)
            assert await get_status(f"http://127.0.0.1:{port}/healthz") == 200
        stderr = final_stderr(process)
        assert "Traceback" not in stderr
        assert "is reachable" in stderr
    finally:
        await drop_postgres_database(url)


async def create_again(url: str) -> None:
    from sqlalchemy.engine import make_url

    from tests.support.postgres import POSTGRES_URL

    name = make_url(url).database
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT", pool_pre_ping=False)
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
    finally:
        await admin.dispose()


async def test_sigterm_while_waiting_for_the_database_exits_0(api: FakeBotApi) -> None:
    env = bot_env(api, "postgresql+asyncpg://postgres@127.0.0.1:1/nowhere")
    async with bot_process(env) as process:
        await process.wait_for_log("not reachable")
    assert process.returncode == 0
    assert "Traceback" not in final_stderr(process)


async def test_two_replicas_send_each_notice_once_and_hand_over(
    api: FakeBotApi, pg_url: str
) -> None:
    """One replica sends the change notices (it holds the advisory lock); when it
    stops mid-fan-out the other takes over: every subscriber told once."""
    from bot.runtime import Runtime
    from testkit.notice_support import (
        assert_nobody_missed,
        corrections_received,
        nothing_pending,
        start_correction_fan_out,
    )
    from testkit.settings import make_settings

    subscribers = list(range(70_000, 70_040))
    sending = "This replica sends change notices"

    runtime = Runtime.create(make_settings(pg_url))
    try:
        async with AsyncExitStack() as stack:
            replicas = await asyncio.gather(
                *(
                    stack.enter_async_context(webhook_replica(api, pg_url, TELEGRAM_MAX_RATE="10"))
                    for _ in range(2)
                )
            )

            async def leader_elected() -> bool:
                return any(sending in r.process.stderr() for r in replicas)

            await eventually(leader_elected, "a replica sending notices")
            [leader] = [r for r in replicas if sending in r.process.stderr()]
            [other] = [r for r in replicas if r is not leader]

            await start_correction_fan_out(runtime, api, subscribers)
            # While both run, only the leader sends: nobody is told twice.
            assert max(corrections_received(api, subscribers).values()) == 1
            leader.process.proc.terminate()
            await asyncio.wait_for(leader.process.proc.wait(), 30)
            told_by_leader = sum(corrections_received(api, subscribers).values())

            await eventually(
                lambda: nothing_pending(runtime),
                "the other replica finishing the fan-out",
                within=60,
            )
            assert sending in other.process.stderr()
    finally:
        await runtime.close()
    repeats = assert_nobody_missed(corrections_received(api, subscribers))
    print(
        f"\nREPLICAS: notices: {told_by_leader} of {len(subscribers)} sent by the lock holder "
        f"before SIGTERM, the rest by the other replica; {repeats} repeated"
    )
