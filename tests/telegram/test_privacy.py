"""/privacy says exactly what the code keeps: each of its claims checked against the store.

The test reads the text /privacy sends and checks every line it says against every
table, after subscribing, being notified, unsubscribing and blocking the bot.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Awaitable, Callable

from sqlalchemy import select, update

from bot.markup import plain_text
from bot.notify import NoticeSender
from bot.runtime import Runtime
from db import notices, questions
from db.models import Base, ChangeLogEntry, ChangeNotice, QuestionLogEntry, utcnow
from db.session import write_transaction
from tests.support.harness import CAVEAT, Harness
from tests.telegram.test_reach import queue_change

READER = 770_001_234  # a private chat: its id is the user's id
GROUP = -100_770_005_678
OTHER = 770_009_876
EDITOR = 1001


async def tables_holding(runtime: Runtime, value: int) -> set[str]:
    """Every table with a row that keeps ``value`` in any column (as a number or in text)."""
    found: set[str] = set()
    async with runtime.sessionmaker() as session:
        for table in Base.metadata.sorted_tables:
            for row in await session.execute(select(table)):
                if any(cell == value or str(value) in str(cell) for cell in row):
                    found.add(table.name)
    return found


async def _drain(sender: NoticeSender) -> None:
    """Sends what is queued now; the per-chat pace (a wait) is no matter here."""
    fresh = NoticeSender(sender.application, sender.runtime)
    for _ in range(5):  # a hang guard: each round sends what is due
        if await fresh.drain_once() is None:
            return


async def _age_notices(runtime: Runtime, days: int) -> None:
    async with runtime.sessionmaker() as session, write_transaction(session):
        await session.execute(
            update(ChangeNotice).values(created_at=utcnow() - dt.timedelta(days=days))
        )


# ----- one check per thing /privacy says ------------------------------------------------


async def questions_line(harness: Harness, line: str) -> None:
    [days] = map(int, re.findall(r"Deleted after (\d+) days", line))
    assert "without your user id or name" in line
    await harness.send("how much in dalian?", user_id=READER)
    await harness.app.bot_data.question_log.flush()
    assert await tables_holding(harness.runtime, READER) == set()
    async with harness.runtime.sessionmaker() as session:
        assert "dalian" in (await session.scalar(select(QuestionLogEntry.text)) or "")
    async with harness.runtime.sessionmaker() as session:
        kept = await questions.purge_questions(
            session, older_than=utcnow() - dt.timedelta(days=days)
        )
        assert kept == 0  # a question of today is kept...
    async with harness.runtime.sessionmaker() as session:
        await questions.purge_questions(session, older_than=utcnow() + dt.timedelta(seconds=1))
    async with harness.runtime.sessionmaker() as session:
        assert await session.scalar(select(QuestionLogEntry.id)) is None  # ...and then goes
    assert days == harness.runtime.settings.question_log_days


async def subscribe_line(harness: Harness, line: str) -> None:
    [days] = map(int, re.findall(r"each deleted (\d+) days after the change", line))
    rt = harness.runtime
    sender = await harness.manual_notice_sender()
    # What is kept while subscribed: the chat id, what it follows, its notices.
    await harness.send("/subscribe", user_id=READER)
    assert await queue_change(rt) == 1
    await _drain(sender)
    assert await tables_holding(rt, READER) == {"subscriptions", "notice_deliveries"}
    # A sent notice stays `days` days, then goes.
    await _age_notices(rt, days - 1)
    async with rt.sessionmaker() as session:
        await notices.purge_finished_notices(session)
    assert await tables_holding(rt, READER) == {"subscriptions", "notice_deliveries"}
    await _age_notices(rt, days)
    async with rt.sessionmaker() as session:
        await notices.purge_finished_notices(session)
    assert await tables_holding(rt, READER) == {"subscriptions"}

    # /unsubscribe: all of it at once, queued notices included, and nothing more is sent.
    assert "/unsubscribe deletes all of it at once, queued notices included" in line
    assert "nothing more is sent" in line
    assert await queue_change(rt) == 1
    await _drain(sender)  # one sent row
    assert await queue_change(rt) == 1  # and one queued
    async with rt.sessionmaker() as session:
        fetched = await notices.due_deliveries(session, now=utcnow())  # the sender has it
    harness.bot_api.clear()
    await harness.send("/unsubscribe", user_id=READER)
    assert await tables_holding(rt, READER) == set()
    engine = await rt.answer_engine()
    for delivery in fetched:
        await sender._deliver(delivery, engine)  # what the sender does with what it fetched
    await _drain(sender)
    assert [c for c in harness.bot_api.calls_of("sendMessage") if c["chat_id"] == READER] == [
        harness.bot_api.calls_of("sendMessage")[0]
    ]  # only the reply to /unsubscribe
    assert "Unsubscribed" in plain_text(str(harness.bot_api.calls_of("sendMessage")[0]["text"]))
    assert await tables_holding(rt, READER) == set()

    # Blocked or removed: the first refused notice deletes all of it too.
    assert (
        "so does the first notice Telegram refuses because the bot was blocked or removed" in line
    )
    for chat, status in ((READER, 403), (GROUP, 403)):
        async with rt.sessionmaker() as session:
            chat_type = "private" if chat > 0 else "supergroup"
            await notices.subscribe(session, chat_id=chat, chat_type=chat_type, kind="all")
        assert await queue_change(rt) == 1
        await _drain(sender)  # one sent
        assert await queue_change(rt) == 1
        harness.bot_api.fail_next("sendMessage", status)
        await _drain(sender)
        assert await tables_holding(rt, chat) == set(), chat


async def language_line(harness: Harness, line: str) -> None:
    rt = harness.runtime
    assert "your user id (a group's id, for a group) and that language" in line
    # Chosen with /language: the user's id and the language; /language reset deletes it.
    await harness.send("/language ru", user_id=READER)
    assert await tables_holding(rt, READER) == {"language_preferences"}
    assert "/language reset deletes yours" in line
    await harness.send("/language reset", user_id=READER)
    assert await tables_holding(rt, READER) == set()
    # A group subscribing in Russian keeps its language while it follows something.
    assert "a group's goes when it follows nothing more" in line
    harness.bot_api.responder.chat_member_status[(GROUP, OTHER)] = "administrator"
    await harness.send("/subscribe сахалин", user_id=OTHER, chat_id=GROUP, chat_type="supergroup")
    assert await tables_holding(rt, GROUP) == {"subscriptions", "language_preferences"}
    await harness.send("/unsubscribe", user_id=OTHER, chat_id=GROUP, chat_type="supergroup")
    assert await tables_holding(rt, GROUP) == set()
    assert await tables_holding(rt, OTHER) == set()
    # A private chat subscribing in Russian: the user's language, until it is refused.
    assert "either goes with the first notice Telegram refuses" in line
    await harness.send("/subscribe", user_id=READER, language_code="ru")
    assert await tables_holding(rt, READER) == {"subscriptions", "language_preferences"}
    sender = await harness.manual_notice_sender()
    assert await queue_change(rt) == 1
    harness.bot_api.fail_next("sendMessage", 403)
    await _drain(sender)
    assert await tables_holding(rt, READER) == set()


async def editors_line(harness: Harness, line: str) -> None:
    assert "with the editor's id" in line
    await harness.send('/edit 2 usd=47 reason="checked"', user_id=EDITOR)
    async with harness.runtime.sessionmaker() as session:
        editors = set(await session.scalars(select(ChangeLogEntry.editor_id).where(
            ChangeLogEntry.field == "usd_amount")))  # fmt: skip
    assert editors == {EDITOR}


async def nothing_else_line(harness: Harness, line: str) -> None:
    assert line.startswith("Nothing else")
    # A reader who asks, taps and uses inline mode leaves no row with their id.
    await harness.send("sakhalin", user_id=OTHER)
    await harness.inline_query("dalian", user_id=OTHER)
    await harness.app.bot_data.question_log.flush()
    assert await tables_holding(harness.runtime, OTHER) == set()


CHECKS: dict[str, Callable[[Harness, str], Awaitable[None]]] = {
    "• Questions you ask": questions_line,
    "• If you /subscribe": subscribe_line,
    "• A language": language_line,
    "• Editors' changes": editors_line,
    "Nothing else": nothing_else_line,
}


async def test_privacy_says_exactly_what_the_code_keeps(harness: Harness) -> None:
    [text] = await harness.send("/privacy", user_id=READER)
    lines = [line for line in plain_text(text).splitlines() if line.strip()]
    assert lines[0] == "What I store and why:"
    said = [line for line in lines[1:] if CAVEAT not in line]  # the caveat ends every reply
    # Every line is checked: a new claim in /privacy needs its check here.
    assert [next(k for k in CHECKS if line.startswith(k)) for line in said] == list(CHECKS)
    for line in said:
        check = next(c for prefix, c in CHECKS.items() if line.startswith(prefix))
        await check(harness, line)
