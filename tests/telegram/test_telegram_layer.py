"""The Telegram layer offline: real handlers and store, a fake Bot API that records calls."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from testkit.fakes.recording_request import RecordingRequest
from testkit.fakes.updates import (
    BOT_USERNAME,
    make_channel_post_update,
    make_message_update,
    make_sticker_update,
)
from tests.support.harness import CAVEAT, Harness, telegram_harness


async def test_commands_are_registered_with_telegram(sqlite_harness: Harness) -> None:
    commands = sqlite_harness.bot_api.calls_of("setMyCommands")
    assert commands, "setMyCommands was not called"
    names = {c["command"] for c in commands[-1]["commands"]}
    assert {"start", "help", "quotas", "quota", "sources", "caveat", "article", "ask"} <= names


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/start", "I answer questions about a news report"),
        ("/help", "Ask in your own words"),
        ("/quotas", "62,000 rubles"),
        ("/quota Sakhalin", "124,000 rubles"),
        ("/quota china", "3,400 yuan"),
        ("/quota", "Usage: /quota"),
        ("/quota atlantis", "does not"),
        ("/sources", "a source in Russia"),
        ("/caveat", "none of this is independently verified"),
        ("/article", "North Korea Doubles Foreign Currency Quotas"),
        ("/ask who says so?", "Daily NK"),
        ("/ask", "Usage: /ask"),
        (f"/quotas@{BOT_USERNAME}", "3,400 yuan"),
        ("/nonsense", "I don't know the command /nonsense"),
    ],
)
async def test_public_commands(sqlite_harness: Harness, command: str, expected: str) -> None:
    texts = await sqlite_harness.send(command)
    assert len(texts) == 1
    assert expected in texts[0]


async def test_commands_work_on_both_databases(harness: Harness) -> None:
    texts = await harness.send("how much do the workers in sakhalin owe now?")
    assert "124,000 rubles" in texts[0]
    assert "implied by “doubled”" in texts[0]


async def test_free_text_in_private_is_a_question(sqlite_harness: Harness) -> None:
    texts = await sqlite_harness.send("fish plant workers china quota")
    assert "3,400 yuan" in texts[0] and "March 10" in texts[0]


async def test_groups_answer_only_when_addressed(sqlite_harness: Harness) -> None:
    assert await sqlite_harness.send("sakhalin quota", chat_type="supergroup") == []
    texts = await sqlite_harness.send(f"@{BOT_USERNAME} sakhalin quota", chat_type="supergroup")
    assert "62,000 rubles" in texts[0]
    texts = await sqlite_harness.send("/ask dalian", chat_type="supergroup")
    assert "3,400 yuan" in texts[0]
    # Other bots' commands in a group are not ours to answer.
    assert await sqlite_harness.send("/weather", chat_type="supergroup") == []


async def test_reply_to_the_bot_in_a_group_is_a_question(sqlite_harness: Harness) -> None:
    bot_message = {
        "message_id": 77,
        "date": 0,
        "chat": {"id": -100123, "type": "supergroup", "title": "g"},
        "from": {"id": sqlite_harness.app.bot.id, "is_bot": True, "first_name": "QuotaBot"},
        "text": "earlier answer",
    }
    update = make_message_update(
        sqlite_harness.next_update_id(), "and in dalian?", chat_id=-100123, chat_type="supergroup",
        reply_to_message=bot_message,
    )  # fmt: skip
    texts = await sqlite_harness.process(update)
    assert "3,400 yuan" in texts[0]


async def test_edited_messages_are_not_run_again(sqlite_harness: Harness) -> None:
    update = make_message_update(sqlite_harness.next_update_id(), "/quotas", edited=True)
    assert await sqlite_harness.process(update) == []
    update = make_message_update(sqlite_harness.next_update_id(), "sakhalin", edited=True)
    assert await sqlite_harness.process(update) == []


async def test_stickers_get_a_hint_and_channel_posts_are_ignored(sqlite_harness: Harness) -> None:
    texts = await sqlite_harness.process(make_sticker_update(sqlite_harness.next_update_id()))
    assert "only read text" in texts[0]
    assert (
        await sqlite_harness.process(
            make_channel_post_update(sqlite_harness.next_update_id(), "/quotas")
        )
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "😀",
        "x" * 10_000,
        "\u202e\u200bsakhalin\u200d",
        "<b>bold</b> & <script>alert(1)</script>",
        "'; DROP TABLE claims; --",
        "/quota <i>dalian</i>",
        "/ask " + "why " * 1000,
        "مرحبا كم الحصة",
        "\x00\x01\x02",
    ],
)
async def test_bad_input_gets_a_clear_answer_and_writes_nothing(
    sqlite_harness: Harness, text: str
) -> None:
    revision_before = (await sqlite_harness.runtime.facts.current()).revision
    texts = await sqlite_harness.send(text)
    assert len(texts) >= 1
    assert (await sqlite_harness.runtime.facts.current()).revision == revision_before
    assert "<script>" not in "".join(texts)


async def test_database_down_still_answers_with_the_caveat(sqlite_harness: Harness) -> None:
    await sqlite_harness.runtime.engine.dispose()
    broken = Runtime.create(
        sqlite_harness.runtime.settings.model_copy(
            update={"database_url": "sqlite+aiosqlite:////nonexistent/dir/x.db"}
        )
    )
    sqlite_harness.app.bot_data.runtime = broken
    try:
        texts = await sqlite_harness.send("sakhalin")
    finally:
        sqlite_harness.app.bot_data.runtime = sqlite_harness.runtime
        await broken.close()
    assert "temporarily unavailable" in texts[0]
    assert CAVEAT in texts[0]


async def test_long_answers_are_split_within_telegram_limits(sqlite_harness: Harness) -> None:
    texts = await sqlite_harness.send(
        "/ask " + " ".join(["sakhalin quota? who says so? why?"] * 30)
    )
    for text in texts:
        assert len(text) <= 4096 * 2
    assert CAVEAT in texts[-1]


async def test_an_unexpected_error_gets_an_apology_with_the_caveat(
    sqlite_harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = await sqlite_harness.runtime.answer_engine()

    def explode(question: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(engine, "answer", explode)
    texts = await sqlite_harness.send("sakhalin")
    assert "Sorry, something went wrong" in texts[0]
    assert CAVEAT in texts[0]
    # The collecting error handler saw it too; clear it, this one was on purpose.
    assert [type(e) for e in sqlite_harness.errors] == [RuntimeError]
    sqlite_harness.errors.clear()


async def test_start_up_survives_telegram_refusing_the_command_menu(
    sqlite_runtime: Runtime, caplog: pytest.LogCaptureFixture
) -> None:
    bot_api = RecordingRequest()
    bot_api.fail_next("setMyCommands", 502, count=3)
    async with telegram_harness(sqlite_runtime, bot_api=bot_api):
        pass  # start-up must not raise: the menu is a convenience
    assert "Could not set the command menus" in caplog.text
