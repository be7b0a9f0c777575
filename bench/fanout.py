"""Measures the change-notice fan-out against the fake Bot API with the limiter on.

    python -m bench.fanout [subscribers] [database_url]

Starts the real bot (TELEGRAM_MAX_RATE=30), subscribes N distinct private chats,
queues one change through ``enqueue_change_notices`` and times the sendMessage
calls the fake server receives.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile

from sqlalchemy import insert

from bot.runtime import Runtime
from db import notices
from db.models import Subscription, utcnow
from db.session import write_transaction
from tests.conftest import make_settings
from tests.fakes.bot_api_server import FakeBotApi
from tests.fakes.e2e import running_bot


async def bench(count: int, database_url: str) -> None:
    async with (
        FakeBotApi() as api,
        running_bot(
            {
                "TELEGRAM_BOT_TOKEN": "123456:bench",
                "TELEGRAM_API_BASE_URL": api.base_url,
                "DATABASE_URL": database_url,
                "TELEGRAM_MAX_RATE": "30",
                "LOG_LEVEL": "WARNING",
            }
        ),
    ):
        await api.wait_for_call("getUpdates")
        runtime = Runtime.create(make_settings(database_url))
        try:
            async with runtime.sessionmaker() as session, write_transaction(session):
                await session.execute(
                    insert(Subscription),
                    [
                        {"chat_id": 10_000 + i, "chat_type": "private", "kind": "all", "target": ""}
                        for i in range(count)
                    ],
                )
            async with runtime.sessionmaker() as session, write_transaction(session):
                queued = await notices.enqueue_change_notices(
                    session,
                    claim_id=1,
                    place="Sakhalin",
                    action="correct",
                    field="amount",
                    old_value="62000",
                    new_value="63000",
                    article_id=1,
                    when=utcnow(),
                )
            started = asyncio.get_running_loop().time()
            await api.wait_for_messages(count, timeout=count / 10 + 60)
            elapsed = asyncio.get_running_loop().time() - started
        finally:
            await runtime.close()
        calls = api.calls_of("sendMessage")
        times = [c.time for c in calls]
        span = times[-1] - times[0]
        refused = sum(1 for c in calls if c.status == 429)
        chats = {c.params.get("chat_id") for c in calls}
        # Busiest one-second window, as Telegram would see it.
        peak = max(sum(1 for t in times if s <= t < s + 1) for s in times)
        print(
            f"queued={queued} sent={len(calls)} distinct_chats={len(chats)} 429s={refused}\n"
            f"from enqueue to last: {elapsed:.1f} s; first to last send: {span:.1f} s; "
            f"rate {(len(calls) - 1) / span:.1f}/s; busiest second: {peak}"
        )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    url = sys.argv[2] if len(sys.argv) > 2 else None
    if url is None:
        url = f"sqlite+aiosqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    asyncio.run(bench(count, url))


if __name__ == "__main__":
    main()
