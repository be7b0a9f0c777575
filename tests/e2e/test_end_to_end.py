"""The real ``python -m bot`` process against a fake Bot API server on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from testkit.fakes.bot_api_server import FakeBotApi
from testkit.fakes.e2e import running_bot
from tests.support.html_check import assert_telegram_html

TOKEN = "123456:E2E-token-that-must-never-be-logged"
CAVEAT = "HNGN cannot independently verify the claims."
REPO = Path(__file__).resolve().parents[2]


def bot_env(api: FakeBotApi, tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "TELEGRAM_API_BASE_FILE_URL": api.base_file_url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/bot.sqlite3",
        "TELEGRAM_MAX_RATE": "0",
        "LOG_LEVEL": "DEBUG",
        # The bot runs from a temp dir (its SQLite file lands there): import this checkout.
        "PYTHONPATH": str(REPO),
        **extra,
    }


async def test_a_user_asks_and_gets_the_figure_with_the_caveat(tmp_path: Path) -> None:
    async with FakeBotApi() as api:
        async with running_bot(bot_env(api, tmp_path), cwd=str(tmp_path), keep_logs=True) as bot:
            await api.wait_for_call("getUpdates", timeout=60)
            api.push_text("How much do the workers in Sakhalin owe now?", user_id=501)
            api.push_text("/start", user_id=502)
            api.push_text("is any of this confirmed", user_id=503)
            messages = await api.wait_for_messages(3, timeout=60)
            by_chat = {m["chat_id"]: str(m["text"]) for m in messages}
            assert "124,000 rubles" in by_chat[501]
            assert "implied by “doubled”" in by_chat[501]
            assert "I answer questions" in by_chat[502]
            assert "none of this is independently verified" in by_chat[503]
            for text in by_chat.values():
                assert CAVEAT in text
                assert_telegram_html(text)
            assert api.calls_of("setMyCommands")
        logs = bot.stderr() + bot.stdout()
    # The token is redacted everywhere, even at DEBUG where PTB and httpx log URLs.
    assert TOKEN not in logs
    assert TOKEN.split(":")[1] not in logs
    assert "Loaded the seed facts" in logs


async def test_restart_keeps_the_store_and_does_not_reseed(tmp_path: Path) -> None:
    async with FakeBotApi() as api:
        env = bot_env(api, tmp_path)
        for _ in range(2):
            async with running_bot(env, cwd=str(tmp_path), keep_logs=True) as bot:
                await api.wait_for_call("getUpdates", timeout=60)
                api.clear()
                api.push_text("dalian quota", user_id=601)
                messages = await api.wait_for_messages(1, timeout=60)
                assert "3,400 yuan" in str(messages[0]["text"])
        assert "Loaded the seed facts" not in bot.stderr()


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    full_env.update(env)
    full_env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def test_ask_works_in_the_terminal_without_a_token(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/cli.sqlite3"}
    result = run_cli("ask", "What was the quota in Russia?", env=env)
    assert result.returncode == 0, result.stderr
    assert "62,000 rubles" in result.stdout
    assert "<b>" not in result.stdout  # plain text for the terminal
    assert CAVEAT in result.stdout
    assert result.stderr == ""  # the answer alone; LOG_LEVEL brings the records back


def test_export_then_import_round_trips(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/cli.sqlite3"}
    exported = run_cli("export", env=env)
    assert exported.returncode == 0, exported.stderr
    document = tmp_path / "facts.json"
    document.write_text(exported.stdout, encoding="utf-8")
    other = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/other.sqlite3"}
    imported = run_cli("import", str(document), "--replace", env=other)
    assert imported.returncode == 0, imported.stderr
    again = run_cli("export", env=other)
    assert again.stdout.count('"statement"') == exported.stdout.count('"statement"')


def test_cli_import_lists_problems_and_applies_editors_only_when_asked(tmp_path: Path) -> None:
    import json

    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/cli.sqlite3"}
    document = json.loads(run_cli("export", env=env).stdout)
    document["editors"] = [{"user_id": 2002, "granted_by": 1001, "granted_at": None}]
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(document), encoding="utf-8")

    imported = run_cli("import", str(path), env=env)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines()[1] == (
        "1 editor grant in the file was not applied (use --with-editors to apply them): 2002"
    )
    imported = run_cli("import", str(path), "--with-editors", env=env)
    assert imported.stdout.splitlines()[1] == "Editor granted: 2002"

    document["claims"][0]["amount"] = "1e30"
    document["claims"][2]["topic"] = {"a": 1}
    path.write_text(json.dumps(document), encoding="utf-8")
    refused = run_cli("import", str(path), env=env)
    assert refused.returncode == 1
    assert f"Cannot import {path}, nothing changed:" in refused.stderr
    assert "\n  claims[2].topic: must be text\n" in refused.stderr
    assert "Traceback" not in refused.stderr


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_BOT_TOKEN": "1:x", "ADMIN_USER_IDS": "12,abc"}, "ADMIN_USER_IDS"),
        (
            {"TELEGRAM_BOT_TOKEN": "1:x", "TELEGRAM_API_BASE_URL": "ftp://x"},
            "TELEGRAM_API_BASE_URL",
        ),
        ({"TELEGRAM_BOT_TOKEN": "1:x", "LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"TELEGRAM_BOT_TOKEN": "1:x", "TELEGRAM_MAX_RATE": "fast"}, "TELEGRAM_MAX_RATE"),
    ],
)
def test_bad_settings_stop_start_up_with_one_clear_line(
    tmp_path: Path, env: dict[str, str], named: str
) -> None:
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/x.sqlite3", **env}
    result = run_cli(env=env)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert named in lines[0]
    assert "Traceback" not in result.stderr
