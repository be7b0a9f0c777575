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

from bot.runtime import Runtime
from testkit.fakes.bot_api_server import FakeBotApi
from testkit.fakes.e2e import running_bot
from testkit.notice_support import queue_amount_correction, subscribe_to_everything
from testkit.settings import make_settings


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
            await subscribe_to_everything(runtime, range(10_000, 10_000 + count))
            queued = await queue_amount_correction(runtime, 1, "Sakhalin", "62000", "63000")
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
