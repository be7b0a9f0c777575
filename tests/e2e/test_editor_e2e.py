"""End to end: the real ``python -m bot`` process against the fake Bot API server.

A stranger's edit is refused; an owner grants an editor; the editor adds a quota
for a new city and a user gets it; a correction shows in /history and answers; bad
input changes nothing; a restart keeps everything; a retracted fact is not stated.
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.markup import plain_text
from testkit.fakes.bot_api_server import FakeBotApi
from testkit.fakes.e2e import running_bot

OWNER, EDITOR, STRANGER, READER = 1001, 2002, 3003, 4004
TOKEN = "123456:E2E-editor-token"
TIMEOUT = 60.0


async def _say(api: FakeBotApi, text: str, user: int) -> str:
    """Send a message from ``user`` and wait for the bot's next reply in that chat."""
    before = len(api.sent_messages(user))
    api.push_text(text, user_id=user)
    messages = await api.wait_for_messages(before + 1, chat_id=user, timeout=TIMEOUT)
    return plain_text(str(messages[-1]["text"]))


def _env(api: FakeBotApi, db: Path) -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "TELEGRAM_API_BASE_FILE_URL": api.base_file_url,
        "TELEGRAM_MAX_RATE": "0",
        "DATABASE_URL": f"sqlite+aiosqlite:///{db}",
        "ADMIN_USER_IDS": str(OWNER),
        "LOG_LEVEL": "INFO",
    }


async def test_editors_keep_the_facts_current_end_to_end(tmp_path: Path) -> None:
    db = tmp_path / "e2e.sqlite3"
    async with FakeBotApi() as api:
        async with running_bot(_env(api, db)):
            await api.wait_for_call("getUpdates", timeout=TIMEOUT)
            # The owner's private chat got the editor menu at start-up.
            scoped = [c for c in api.calls_of("setMyCommands") if "scope" in c.params]
            assert any(dict(c.params["scope"]).get("chat_id") == OWNER for c in scoped)

            out = await _say(api, "/edit 1 amount=1", STRANGER)
            assert "Only editors can" in out

            assert "is now an editor" in await _say(api, f"/grant {EDITOR}", OWNER)
            out = await _say(
                api,
                "/addquota country=Russia place=Vladivostok sector=construction "
                "amount=50,000 currency=RUB usd=590 approx=yes period=month basis=person "
                "change=doubled",
                EDITOR,
            )
            new_id = int(re.search(r"Added quota #(\d+)", out).group(1))  # type: ignore[union-attr]
            out = await _say(api, "How much do workers in Vladivostok owe?", READER)
            assert "50,000 rubles" in out and "100,000 rubles" in out

            out = await _say(api, f"/edit {new_id} amount=52,000", EDITOR)
            assert "Corrected" in out
            out = await _say(api, f"/history {new_id}", EDITOR)
            assert "50000 → 52000" in out

            out = await _say(api, f"/edit {new_id} amount=1e999", EDITOR)
            assert "amount" in out and "Usage:" in out

        # A restart keeps everything.
        async with running_bot(_env(api, db)):
            out = await _say(api, "Vladivostok quota", READER)
            assert "52,000" in out and "104,000" in out and "corrected on" in out
            out = await _say(api, f"/history {new_id}", EDITOR)
            assert "50000 → 52000" in out

            out = await _say(api, "/retract 2 the source withdrew the Dalian figure", EDITOR)
            assert "Retracted #2" in out
            out = await _say(api, "Dalian quota", READER)
            assert "retracted on" in out and "3,400" not in out
            out = await _say(api, "/quotas", READER)
            assert "Dalian" not in out and "Vladivostok" in out
