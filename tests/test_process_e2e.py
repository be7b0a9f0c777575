"""End to end, the process as an operator meets it: the token in no form in the logs
(even with a trailing newline in its setting), forwarded commands never run,
DATABASE_URL mistakes in one line, ``--help`` and ``ask`` in the terminal."""

from __future__ import annotations

from urllib.parse import quote

from bot.markup import plain_text
from tests.fakes.bot_api_server import FakeBotApi
from tests.fakes.updates import make_message_update, make_user, now
from tests.production_support import (
    TOKEN,
    api_fixture,  # noqa: F401 - fixture "api"
    bot_env,
    bot_process,
    final_stderr,
)

ALERT_CHAT = 5550001
OWNER = 1001


def token_forms(token: str) -> list[str]:
    key = token.split(":", 1)[1]
    return [token, quote(token, safe=""), f"bot{token}", key, quote(key, safe="")]


async def test_a_token_with_a_trailing_newline_is_redacted_everywhere_at_debug(
    api: FakeBotApi, sqlite_url: str
) -> None:
    env = bot_env(
        api,
        sqlite_url,
        TELEGRAM_BOT_TOKEN=f"  {TOKEN}\n",
        LOG_LEVEL="DEBUG",
        ERROR_CHAT_ID=str(ALERT_CHAT),
    )
    async with bot_process(env) as process:
        await api.wait_for_call("getUpdates")
        # An error whose text carries the token in every form: logged with its
        # traceback, and alerted to ERROR_CHAT_ID.
        description = "Bad Request: " + " ".join(token_forms(TOKEN))
        api.fail_next("sendMessage", 400, description=description)
        api.push_text("/caveat", user_id=14100)
        [alert] = await api.wait_for_messages(1, chat_id=ALERT_CHAT)
    stderr = final_stderr(process)
    assert "sendMessage" in stderr and "Traceback" in stderr  # DEBUG, and the error's trace
    assert "BadRequest: <token> <token> bot<token> <token> <token>" in stderr
    assert "Bot error: BadRequest: <token> <token> bot<token> <token> <token>" in plain_text(
        alert["text"]
    )
    for form in token_forms(TOKEN):
        # python-telegram-bot lower-cases error texts: no form in any case either.
        assert form.casefold() not in stderr.casefold(), form
        assert form.casefold() not in alert["text"].casefold(), form
    # The Bot API got the token without its whitespace.
    assert {call.token for call in api.calls_of("getUpdates")} == {TOKEN}


async def test_a_forwarded_command_is_answered_as_text_not_run(
    api: FakeBotApi, sqlite_url: str
) -> None:
    env = bot_env(api, sqlite_url, ADMIN_USER_IDS=str(OWNER))
    async with bot_process(env):
        await api.wait_for_call("getUpdates")
        update = make_message_update(api.next_update_id(), "/grant 3003", OWNER)
        update["message"]["forward_origin"] = {
            "type": "user",
            "date": now() - 60,
            "sender_user": make_user(777, "Orig"),
        }
        api.push_update(update)
        [answer] = await api.wait_for_messages(1, chat_id=OWNER)
        # The same command typed by the owner runs: the forward was the difference.
        api.push_text("/grant 3004", user_id=OWNER)
        answers = await api.wait_for_messages(2, chat_id=OWNER)
    assert "now an editor" not in answer["text"]
    assert "3004 is now an editor" in answers[1]["text"]
    # No editor menu for 3003: it was never granted.
    scopes = [str(c.params.get("scope")) for c in api.calls_of("setMyCommands")]
    assert any("3004" in scope for scope in scopes)
    assert not any("3003" in scope for scope in scopes)
