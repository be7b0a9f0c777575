"""Reach (issue 4), offline: inline mode, buttons, subscriptions, notices, question log, flood."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.flood import FloodGuard
from bot.keyboards import decode, encode
from bot.markup import plain_text
from bot.questionlog import MAX_ROWS, QuestionLogger
from bot.runtime import Runtime
from db import notices
from db.models import ChangeNotice, NoticeDelivery, QuestionLogEntry, Subscription, utcnow
from db.session import write_transaction
from testkit.fakes.updates import BOT_ID
from tests.support.harness import CAVEAT, Harness, telegram_harness

EDITOR = 1001  # in make_settings' ADMIN_USER_IDS
# PTB 22's RetryAfter warns about int vs timedelta; not our concern.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


# ----- inline mode ----------------------------------------------------------------------


async def test_inline_query_every_result_has_the_caveat(harness: Harness) -> None:
    call = await harness.inline_query("sakhalin")
    results = json.loads(call["results"]) if isinstance(call["results"], str) else call["results"]
    assert 1 <= len(results) <= 10
    assert int(call["cache_time"]) == 5
    for result in results:
        text = result["input_message_content"]["message_text"]
        assert CAVEAT in text
        assert len(text) <= 4096
    assert "62,000" in plain_text(results[0]["input_message_content"]["message_text"])
    assert "inline_keyboard" in results[0]["reply_markup"]


async def test_inline_empty_query_is_the_overview_and_no_match_says_what_is_covered(
    harness: Harness,
) -> None:
    empty = await harness.inline_query("")
    nomatch = await harness.inline_query("weather in <b>Paris</b> & stuff")
    overview = empty["results"][0]["input_message_content"]["message_text"]
    assert "All reported quotas" in overview and CAVEAT in overview
    [only] = nomatch["results"]
    text = only["input_message_content"]["message_text"]
    assert "Sakhalin" in text and CAVEAT in text
    assert "<b>Paris" not in text  # user text is never HTML


# ----- follow-up buttons ----------------------------------------------------------------


async def test_answer_has_buttons_and_pressing_one_answers(harness: Harness) -> None:
    await harness.send("how much do workers in sakhalin owe?")
    [sent] = harness.bot_api.calls_of("sendMessage")
    keyboard = sent["reply_markup"]["inline_keyboard"]
    datas = [button["callback_data"] for row in keyboard for button in row]
    assert all(len(d.encode()) <= 64 for d in datas)
    sources = next(d for d in datas if decode(d) == "who says so?")
    harness.bot_api.clear()
    await harness.tap(sources)
    assert harness.bot_api.calls_of("answerCallbackQuery")
    [answer] = harness.sent_texts()
    assert "Who says so" in plain_text(answer) and CAVEAT in answer


async def test_button_under_inline_message_edits_it_in_place(harness: Harness) -> None:
    data = encode("is it verified?")
    assert data is not None
    await harness.tap(data, inline_message_id="AAA-inline")
    [edit] = harness.bot_api.calls_of("editMessageText")
    assert edit["inline_message_id"] == "AAA-inline"
    assert CAVEAT in edit["text"]


@pytest.mark.parametrize(
    "data", ["q9:sakhalin", "garbage", "q1:", "q1:\x00\x07", "x" * 64, "q1:" + "é" * 40]
)
async def test_forged_or_stale_callback_gets_a_polite_answer(harness: Harness, data: str) -> None:
    await harness.tap(data)
    [answer] = harness.bot_api.calls_of("answerCallbackQuery")
    assert "out of date" in answer.get("text", "")
    assert harness.sent_texts() == []


def test_callback_codec_limits() -> None:
    assert encode("a" * 61) is not None
    assert encode("a" * 62) is None
    assert decode(encode("Dalian quota")) == "Dalian quota"


def test_a_keyboard_is_built_once_and_the_same_for_the_same_buttons() -> None:
    from bot.i18n import Language
    from bot.keyboards import follow_up_markup

    ups = [("In US dollars", "in dollars"), ("All quotas", "all quotas"), ("x", "a" * 62)]
    first = follow_up_markup(ups)
    assert first is not None and first is follow_up_markup(list(ups))
    assert [[b.text for b in row] for row in first.inline_keyboard] == [
        ["In US dollars", "All quotas"]  # the third question is too long for callback_data
    ]
    assert [[decode(str(b.callback_data)) for b in row] for row in first.inline_keyboard] == [
        ["in dollars", "all quotas"]
    ]
    russian = follow_up_markup(ups, Language.RU)
    assert russian is not None and russian is not first
    assert russian.inline_keyboard[0][0].text != "In US dollars"
    with pytest.raises(AttributeError):  # frozen: one object is safely shared
        first.inline_keyboard = ()
    assert follow_up_markup([]) is None


# ----- subscriptions and notices --------------------------------------------------------


async def queue_change(runtime: Runtime, **overrides: Any) -> int:
    values: dict[str, Any] = {
        "claim_id": 1,
        "place": "Sakhalin",
        "action": "correct",
        "field": "amount",
        "old_value": "62000",
        "new_value": "70000",
        "article_id": 1,
        "when": utcnow(),
    }
    values.update(overrides)
    async with runtime.sessionmaker() as session, write_transaction(session):
        return await notices.enqueue_change_notices(session, **values)


async def test_subscribe_commands_and_one_notice_per_chat(harness: Harness) -> None:
    sender = await harness.manual_notice_sender()
    await harness.send("/subscribe", user_id=501)
    await harness.send("/subscribe sakhalin", user_id=501)  # matches too: still one notice
    await harness.send("/subscribe #2", user_id=502)  # another claim: not notified
    await harness.send("/subscribe #999", user_id=503)
    await harness.send("/subscribe <script>", user_id=503)
    await harness.send("/subscriptions", user_id=501)
    texts = [plain_text(t) for t in harness.sent_texts()]
    assert "Subscribed to all changes" in texts[0]
    assert "Subscribed to Sakhalin" in texts[1]
    assert "no fact #999" in texts[3]
    assert "don't know that place" in texts[4]
    assert "all changes" in texts[5] and "Sakhalin" in texts[5]
    assert all(CAVEAT in t for t in harness.sent_texts())
    assert await queue_change(harness.runtime) == 1

    harness.bot_api.clear()
    assert await sender.drain_once() is not None
    [notice] = harness.bot_api.calls_of("sendMessage")
    assert notice["chat_id"] == 501
    body = plain_text(notice["text"])
    assert "Correction: #1 (Sakhalin)" in body and "Was: 62000" in body and "Now: 70000" in body
    assert "Source:" in body and CAVEAT in notice["text"]
    assert await sender.drain_once() is None  # nothing repeated


async def test_notice_429_is_retried_once_and_403_unsubscribes(harness: Harness) -> None:
    sender = await harness.manual_notice_sender()
    async with harness.runtime.sessionmaker() as session:
        for chat in (601, 602):
            await notices.subscribe(session, chat_id=chat, chat_type="private", kind="all")
    assert await queue_change(harness.runtime, action="retract", new_value="retracted") == 2
    harness.bot_api.fail_next("sendMessage", 429, retry_after=1)
    await sender.drain_once()  # first try: 429, the notice waits
    harness.bot_api.fail_next("sendMessage", 403)
    for _ in range(20):  # a hang guard; each round sends what is due
        async with harness.runtime.sessionmaker() as session:
            if await notices.pending_count(session) == 0:
                break
        waited = await sender.drain_once()
        if waited:
            await asyncio.sleep(waited)
    delivered = harness.sent_texts()
    assert len(delivered) == 1  # one of the two chats blocked the bot
    assert harness.bot_api.statuses.count(429) == 1 and harness.bot_api.statuses.count(403) == 1
    async with harness.runtime.sessionmaker() as session:
        statuses = dict(
            (await session.execute(select(NoticeDelivery.chat_id, NoticeDelivery.status))).all()
        )
        remaining = await session.scalar(select(func.count()).select_from(Subscription))
    # The chat that blocked the bot keeps no row at all; the other its sent notice.
    assert list(statuses.values()) == ["sent"]
    assert remaining == 1


async def test_enqueue_rolls_back_with_the_change(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        await notices.subscribe(session, chat_id=700, chat_type="private", kind="all")
    with pytest.raises(RuntimeError):
        async with runtime.sessionmaker() as session, write_transaction(session):
            assert (
                await notices.enqueue_change_notices(
                    session,
                    claim_id=None,
                    place=None,
                    action="add",
                    field=None,
                    old_value=None,
                    new_value="x",
                    article_id=1,
                    when=utcnow(),
                )
                == 1
            )
            raise RuntimeError("the edit failed")
    async with runtime.sessionmaker() as session:
        assert await notices.pending_count(session) == 0


async def test_group_subscribe_needs_a_named_admin(harness: Harness) -> None:
    group = -100555
    harness.bot_api.responder.chat_member_status[(group, 801)] = "member"
    harness.bot_api.responder.chat_member_status[(group, 802)] = "administrator"
    await harness.send("/subscribe", user_id=801, chat_id=group, chat_type="supergroup")
    await harness.send(
        "/subscribe",
        user_id=803,
        chat_id=group,
        chat_type="supergroup",
        sender_chat={"id": group, "type": "supergroup", "title": "G"},
    )
    await harness.send("/subscribe", user_id=802, chat_id=group, chat_type="supergroup")
    member, anonymous, admin = (plain_text(t) for t in harness.sent_texts())
    assert "Only the group's admins" in member
    assert "anonymously" in anonymous
    assert "Subscribed" in admin


# ----- the question log -----------------------------------------------------------------


async def test_unanswered_lists_a_question_asked_twice(harness: Harness) -> None:
    for text in ("What is the weather in Pyongyang?", "what is the  WEATHER in pyongyang?"):
        await harness.send(text, user_id=901)
    await harness.send("sakhalin quota", user_id=901)
    harness.bot_api.clear()
    await harness.send("/unanswered", user_id=902)  # not an editor
    await harness.send("/unanswered abc", user_id=EDITOR)
    await harness.send("/unanswered 7", user_id=EDITOR)
    await harness.send("/stats", user_id=EDITOR)
    refused, usage, listing, stats = (plain_text(t) for t in harness.sent_texts())
    # The one gate, with the same wording as every editor command.
    assert refused.splitlines()[0] == "Only editors can see what people asked. Nothing was changed."
    assert "Usage" in usage
    assert "2× What is the weather in Pyongyang?" in listing  # as first asked
    assert "sakhalin" not in listing.casefold()
    assert "Questions: 3" in stats
    async with harness.runtime.sessionmaker() as session:
        columns = set(QuestionLogEntry.__table__.columns.keys())
        assert not {"user_id", "chat_id", "username"} & columns
        assert await session.scalar(select(func.count()).select_from(QuestionLogEntry)) == 3


async def test_question_log_purges_old_rows(runtime: Runtime) -> None:
    logger = QuestionLogger(runtime.sessionmaker, keep_days=90)
    from bot.engine import Reply

    logger.record("old question", Reply(answered=False), "message")
    logger._buffer[0] = logger._buffer[0].__class__(
        **{**logger._buffer[0].__dict__, "asked_at": utcnow() - dt.timedelta(days=91)}
    )
    logger.record("new question", Reply(answered=False), "message")
    assert await logger.flush() == 2
    assert await logger.purge() == 1


# ----- flood protection -----------------------------------------------------------------


def test_flood_guard_window() -> None:
    now = [0.0]
    guard = FloodGuard(3, 60, clock=lambda: now[0])
    assert [guard.check(1) for _ in range(5)] == ["ok", "ok", "ok", "warn", "drop"]
    assert guard.check(2) == "ok"  # others are not slowed down
    now[0] = 61
    assert guard.check(1) == "ok"


async def test_flood_gets_one_note_then_silence(runtime: Runtime) -> None:
    async with telegram_harness(runtime, flood_max_messages=3) as harness:
        for _ in range(6):
            await harness.send("dalian", user_id=4242)
        await harness.send("dalian", user_id=4343)
        texts = [plain_text(t) for t in harness.sent_texts()]
    assert len(texts) == 5  # 3 answers, 1 note, then the other user's answer
    assert "faster than I can answer" in texts[3]
    assert "3,400" in texts[4]
    assert BOT_ID  # the fakes' bot is the one answering


async def test_an_editors_correction_notifies_subscribers_once(harness: Harness) -> None:
    sender = await harness.manual_notice_sender()
    await harness.send("/subscribe sakhalin", user_id=801)
    await harness.send("/subscribe", user_id=802)
    await harness.send("/subscribe dalian", user_id=803)  # another place: not told
    harness.bot_api.clear()
    await harness.send('/edit 1 amount=63,000 reason="typo in the first entry"', user_id=EDITOR)
    [confirmation] = harness.sent_texts()
    assert "2 subscribed chats will be notified" in plain_text(confirmation)
    harness.bot_api.clear()
    for _ in range(5):  # a hang guard: each round sends what is due
        if await sender.drain_once() is None:
            break
    notices = harness.bot_api.calls_of("sendMessage")
    assert sorted(n["chat_id"] for n in notices) == [801, 802]
    for notice in notices:
        body = plain_text(notice["text"])
        assert "62000" in body and "63000" in body
        assert CAVEAT in notice["text"]


async def test_finished_notices_are_purged_after_a_week(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        await notices.subscribe(session, chat_id=901, chat_type="private", kind="all")
    assert await queue_change(runtime) == 1
    async with runtime.sessionmaker() as session, write_transaction(session):
        # Not sent yet: a pending notice is never purged, however old.
        old = utcnow() - dt.timedelta(days=8)
        await session.execute(update(ChangeNotice).values(created_at=old))
    async with runtime.sessionmaker() as session:
        assert await notices.purge_finished_notices(session) == 0
    async with runtime.sessionmaker() as session, write_transaction(session):
        await session.execute(update(NoticeDelivery).values(status="sent", sent_at=old))
    async with runtime.sessionmaker() as session:
        assert await notices.purge_finished_notices(session) == 1
        assert await session.scalar(select(func.count()).select_from(NoticeDelivery)) == 0


async def test_owners_and_editors_are_not_flood_limited(runtime: Runtime) -> None:
    async with telegram_harness(runtime, flood_max_messages=3) as harness:
        await harness.send("/grant 5151", user_id=EDITOR)  # EDITOR is an owner
        for user in (EDITOR, 5151):
            harness.bot_api.clear()
            for _ in range(6):
                await harness.send("dalian", user_id=user)
            texts = [plain_text(t) for t in harness.sent_texts()]
            assert len(texts) == 6, user
            assert all("3,400" in text for text in texts)


async def test_unsubscribing_from_one_thing_cancels_only_what_is_no_longer_followed(
    runtime: Runtime,
) -> None:
    async with runtime.sessionmaker() as session:
        await notices.subscribe(session, chat_id=950, chat_type="private", kind="claim", target="1")
        await notices.subscribe(
            session, chat_id=950, chat_type="private", kind="place", target="dalian"
        )
    assert await queue_change(runtime) == 1  # fact #1, Sakhalin
    assert await queue_change(runtime, claim_id=2, place="Dalian") == 1
    async with runtime.sessionmaker() as session:
        assert await notices.unsubscribe(session, chat_id=950, kind="claim", target="1") == 1
    async with runtime.sessionmaker() as session:
        left = (
            await session.execute(
                select(ChangeNotice.claim_id, NoticeDelivery.status).join(
                    NoticeDelivery, NoticeDelivery.notice_id == ChangeNotice.id
                )
            )
        ).all()
    assert left == [(2, "pending")]


def test_question_log_waits_for_a_thousand_rows_or_a_second() -> None:
    from bot.engine import Reply

    logger = QuestionLogger(async_sessionmaker(), keep_days=90)
    assert (MAX_ROWS, logger._flush_seconds) == (1_000, 1.0)
    for index in range(MAX_ROWS - 1):
        logger.record(f"question {index}", Reply(answered=True), "message")
    assert not logger._full.is_set()  # the task writes them when its second is up
    logger.record("one more", Reply(answered=True), "message")
    assert logger._full.is_set()  # written now, in one transaction
