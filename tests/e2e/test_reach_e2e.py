"""Reach end to end: the real ``python -m bot`` against the fake Bot API server."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from bot.runtime import Runtime
from db import notices
from db.models import NoticeDelivery, Subscription, utcnow
from db.session import write_transaction
from testkit.fakes.bot_api_server import FakeBotApi
from testkit.fakes.e2e import eventually, running_bot
from testkit.fakes.updates import make_callback_update, make_inline_update
from testkit.notice_support import (
    assert_nobody_missed,
    corrections_received,
    nothing_pending,
    queue_amount_correction,
    start_correction_fan_out,
)
from testkit.settings import make_settings

TOKEN = "123456:TEST-token-for-e2e"
CAVEAT = "HNGN cannot independently verify the claims."
HANG_GUARD = 30.0


async def test_reach_end_to_end(database_url: str) -> None:
    async with (
        FakeBotApi() as api,
        running_bot(
            {
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "TELEGRAM_API_BASE_URL": api.base_url,
                "DATABASE_URL": database_url,
                "ADMIN_USER_IDS": "1001",
                "TELEGRAM_MAX_RATE": "30",  # the limiter on, as in production
            }
        ) as bot,
    ):
        await api.wait_for_call("getUpdates")
        bot.check_alive()

        # Inline: every result carries the caveat.
        api.push_update(make_inline_update(api.next_update_id(), "dalian"))
        [inline] = await api.wait_for_call("answerInlineQuery")
        results = inline.params["results"]
        assert results and all(
            CAVEAT in r["input_message_content"]["message_text"] for r in results
        )

        # A button pressed: answered, with the caveat.
        api.push_update(make_callback_update(api.next_update_id(), "q1:who says so?", user_id=21))
        [pressed] = await api.wait_for_messages(1, chat_id=21)
        assert "Who says so" in pressed["text"] and CAVEAT in pressed["text"]
        # A forged one: a polite note, no message.
        api.push_update(make_callback_update(api.next_update_id(), "q1:\x00DROP", user_id=21))
        await api.wait_for_call("answerCallbackQuery", count=2)

        # Subscribers, a change with a 429 on the first try: each notified once.
        for chat in (11, 12):
            api.push_text("/subscribe", user_id=chat)
            await api.wait_for_messages(1, chat_id=chat)
        runtime = Runtime.create(make_settings(database_url))
        try:
            api.fail_next("sendMessage", 429, retry_after=1)
            assert await queue_amount_correction(runtime, 2, "Dalian", "3400", "3500") == 2

            async def all_sent() -> bool:
                async with runtime.sessionmaker() as session:
                    return await notices.pending_count(session) == 0

            await eventually(all_sent, "both notices sent")
            for chat in (11, 12):
                got = [t for t in api.sent_texts(chat) if "Correction: #2" in t]
                assert len(got) == 1, got
                assert "Was: 3400" in got[0] and CAVEAT in got[0]
            assert [c.status for c in api.calls_of("sendMessage")].count(429) == 1

            # A subscriber who blocked the bot is removed.
            api.fail_next("sendMessage", 403)
            async with runtime.sessionmaker() as session, write_transaction(session):
                await notices.enqueue_change_notices(
                    session,
                    claim_id=None,
                    place=None,
                    action="add",
                    field=None,
                    old_value=None,
                    new_value="A new fact",
                    article_id=1,
                    when=utcnow(),
                )

            async def blocked_removed() -> bool:
                async with runtime.sessionmaker() as session:
                    pending = await notices.pending_count(session)
                async with runtime.sessionmaker() as session:
                    left = await session.scalar(select(func.count()).select_from(Subscription))
                return left == 1 and pending == 0

            await eventually(blocked_removed, "the blocked chat unsubscribed")
            async with runtime.sessionmaker() as session:
                statuses = sorted(
                    (
                        await session.scalars(
                            select(NoticeDelivery.status).where(NoticeDelivery.notice_id == 2)
                        )
                    ).all()
                )
            # The chat that blocked the bot keeps no row; the other chat its sent notice.
            assert statuses == ["sent"]
        finally:
            await runtime.close()

        # /unanswered lists a question asked twice.
        for _ in range(2):
            api.push_text("what is the weather in Pyongyang?", user_id=31)
        await api.wait_for_messages(2, chat_id=31)
        api.push_text("/unanswered", user_id=1001)
        [listing] = await api.wait_for_messages(1, chat_id=1001)
        assert "2× " in listing["text"] and "weather in Pyongyang" in listing["text"]
        assert CAVEAT in listing["text"]


async def test_a_restart_in_the_middle_of_a_fan_out_loses_no_notice(database_url: str) -> None:
    """SIGTERM while notices go out: the stop is not held up, and the next start
    sends the rest; no subscriber misses the notice, at most the one in flight repeats."""
    subscribers = list(range(50_000, 50_040))
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "DATABASE_URL": database_url,
        "TELEGRAM_MAX_RATE": "10",  # 40 notices take about four seconds
    }

    async with FakeBotApi() as api:
        env["TELEGRAM_API_BASE_URL"] = api.base_url
        runtime = Runtime.create(make_settings(database_url))
        try:
            async with running_bot(env) as first:
                await api.wait_for_call("getUpdates")
                await start_correction_fan_out(runtime, api, subscribers)
                loop = asyncio.get_running_loop()
                asked_to_stop = loop.time()
                first.proc.terminate()
                await asyncio.wait_for(first.proc.wait(), HANG_GUARD)
                stopped_after = loop.time() - asked_to_stop
            assert first.returncode == 0
            before_restart = corrections_received(api, subscribers)
            assert 0 < sum(before_restart.values()) < len(subscribers)

            async with running_bot(env):
                await eventually(
                    lambda: nothing_pending(runtime), "the rest of the fan-out after the restart"
                )
        finally:
            await runtime.close()
    repeats = assert_nobody_missed(corrections_received(api, subscribers))
    print(
        f"\nREACH: restart mid-fan-out: {sum(before_restart.values())} of {len(subscribers)} "
        f"sent before SIGTERM (exit 0 after {stopped_after:.2f}s), the rest after the restart, "
        f"{repeats} repeated"
    )
