"""End to end, the process as an operator meets it: the token in no form in the logs
(even with a trailing newline in its setting), forwarded commands never run,
DATABASE_URL mistakes in one line, ``--help`` and ``ask`` in the terminal."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from bot.__main__ import COMMANDS
from bot.markup import plain_text
from testkit.fakes.bot_api_server import FakeBotApi
from testkit.fakes.e2e import REPO_ROOT, build_env
from testkit.fakes.updates import make_message_update, make_user, now
from tests.support.postgres import POSTGRES_URL
from tests.support.production_support import (
    TOKEN,
    api_fixture,  # noqa: F401 - fixture "api"
    bot_env,
    bot_process,
    final_stderr,
    free_port,
    need_postgres_fixture,  # noqa: F401 - fixture "need_postgres"
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


# ----- DATABASE_URL mistakes: one line, the expected form, an exit code ------------------

SQLITE_FORM = "sqlite+aiosqlite:///path/to/file.sqlite3"
POSTGRES_FORM = "postgresql+asyncpg://user:password@host:5432/dbname"


def run_cli(cwd: Path, *args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m bot *args`` as someone types it, in ``cwd`` (no .env there)."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=build_env(env),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("url", "line"),
    [
        (
            "not a url",
            f"Configuration error: DATABASE_URL: is not a database URL; expected {SQLITE_FORM} "
            f"or {POSTGRES_FORM}",
        ),
        (
            "sqlite:///facts.sqlite3",
            f"Configuration error: DATABASE_URL: sqlite:// has no async driver; the bot needs "
            f"{SQLITE_FORM}",
        ),
        (
            "postgres://bot@db.example/facts",
            f"Configuration error: DATABASE_URL: postgres:// has no async driver; the bot needs "
            f"{POSTGRES_FORM}",
        ),
        (
            "postgresql://bot@db.example/facts",
            f"Configuration error: DATABASE_URL: postgresql:// has no async driver; the bot "
            f"needs {POSTGRES_FORM}",
        ),
        (
            "postgresql+psycopg2://bot@db.example/facts",
            f"Configuration error: DATABASE_URL: postgresql+psycopg2:// has driver 'psycopg2'; "
            f"the bot needs {POSTGRES_FORM}",
        ),
        (
            "sqlite+aiosqlite:///no/such/folder/facts.sqlite3",
            "Configuration error: DATABASE_URL: the folder no/such/folder for the SQLite file "
            "does not exist",
        ),
        (
            "sqlite+aiosqlite:////proc/facts.sqlite3",
            "Configuration error: DATABASE_URL: the folder /proc is not writable: no SQLite "
            "file can be made there",
        ),
    ],
    ids=[
        "unparsable",
        "sqlite-sync",
        "postgres",
        "postgresql-sync",
        "psycopg2",
        "no-folder",
        "unwritable",
    ],
)
def test_a_bad_database_url_is_one_line(tmp_path: Path, url: str, line: str) -> None:
    result = run_cli(tmp_path, "ask", "sakhalin", DATABASE_URL=url)
    assert (result.returncode, result.stderr, result.stdout) == (2, line + "\n", "")
    assert not any(tmp_path.iterdir())  # nothing was created


@pytest.mark.parametrize("command", [("ask", "sakhalin"), ("migrate",), ("export",)])
def test_an_unreachable_database_server_is_one_line_for_one_off_commands(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    port = free_port()  # nothing listens there
    url = f"postgresql+asyncpg://bot:hunter2@127.0.0.1:{port}/facts"
    result = run_cli(tmp_path, *command, DATABASE_URL=url)
    assert result.returncode == 1
    assert result.stderr == (
        f"Database error: postgresql+asyncpg://bot:***@127.0.0.1:{port}/facts: "
        f"ConnectionRefusedError: [Errno 111] Connect call failed ('127.0.0.1', {port})\n"
    )
    assert result.stdout == ""


# ----- a newcomer's first run: --help, ask in the terminal, .gitignore ------------------


def test_help_is_plain_text_with_each_command_described(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "--help")
    assert (result.returncode, result.stderr) == (0, "")
    assert "``" not in result.stdout and "python -m bot [-h] COMMAND" in result.stdout
    described = {
        line.split()[0]: " ".join(line.split()[1:])
        for line in result.stdout.splitlines()
        if line.startswith("    ") and line.split()[0] in COMMANDS
    }
    assert described == {
        "run": "run the bot: long polling, or a webhook server when WEBHOOK_URL",
        "ask": "answer one question in the terminal, no token needed",
        "migrate": "upgrade the database schema",
        "export": "print the whole store as JSON",
        "import": "merge (or replace) the store from a JSON file",
    }
    ask = run_cli(tmp_path, "ask", "--help")
    assert "answer one question in the terminal, no token needed." in ask.stdout
    assert 'the question, or "-" to read it from stdin' in ask.stdout


def test_ask_prints_the_did_you_mean_suggestions(tmp_path: Path) -> None:
    result = run_cli(
        tmp_path,
        "ask",
        "quota",
        "in",
        "shakalin",
        DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/s.db",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # The suggestion the chat shows as a button, as a plain line before the caveat.
    assert "Did you mean Sakhalin?" in lines
    assert lines.index("Did you mean Sakhalin?") < len(lines) - 1
    assert lines[-1] == "⚠️ Unverified. HNGN cannot independently verify the claims."


def test_ask_dash_reads_the_question_from_stdin(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/s.db"
    from_stdin = run_cli(tmp_path, "ask", "-", stdin="How much do workers\nin Dalian owe?\n",
                         DATABASE_URL=url)  # fmt: skip
    typed = run_cli(tmp_path, "ask", "How much do workers in Dalian owe?", DATABASE_URL=url)
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert "Dalian" in from_stdin.stdout and "3,400 yuan" in from_stdin.stdout
    assert from_stdin.stdout == typed.stdout


@pytest.mark.parametrize(
    "name", ["quota_facts.sqlite3-wal", "quota_facts.sqlite3-shm", "quota_facts.sqlite3-journal"]
)
def test_sqlite_side_files_are_ignored_by_git(name: str) -> None:
    if shutil.which("git") is None or not (REPO_ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", "-q", name], cwd=REPO_ROOT, check=False
    )
    assert result.returncode == 0, f"{name} is not ignored"


def test_ask_on_a_new_store_prints_only_the_answer(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/new.db"
    quiet = run_cli(tmp_path, "ask", "how much in dalian", DATABASE_URL=url)
    assert (quiet.returncode, quiet.stderr) == (0, "")
    assert "3,400 yuan" in quiet.stdout
    # LOG_LEVEL still asks for the records, as for every other command.
    url2 = f"sqlite+aiosqlite:///{tmp_path}/new2.db"
    loud = run_cli(tmp_path, "ask", "dalian", DATABASE_URL=url2, LOG_LEVEL="INFO")
    assert "Running upgrade  -> 0001" in loud.stderr


def test_run_stops_at_once_when_the_server_refuses_the_credentials(
    tmp_path: Path, need_postgres: None
) -> None:
    # A running server that refuses the URL's role or password: waiting cannot help
    # (unlike a server still starting, or a database an init job creates later: those
    # are waited for, tests/e2e/test_webhook_e2e.py), so one line and exit code 2.
    from sqlalchemy.engine import make_url

    url = make_url(POSTGRES_URL).set(username="no_such_role_here")
    result = run_cli(
        tmp_path, DATABASE_URL=url.render_as_string(hide_password=False), TELEGRAM_BOT_TOKEN=TOKEN
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"Configuration error: DATABASE_URL {url.render_as_string(hide_password=True)} was "
        'refused by the server (Error: role "no_such_role_here" does not exist)\n'
    )


def test_ask_into_a_closed_pipe_is_no_database_error(tmp_path: Path) -> None:
    """`ask … | head -1`: the reader leaves early; nothing is blamed on the database."""
    url = f"sqlite+aiosqlite:///{tmp_path}/pipe.db"
    assert run_cli(tmp_path, "ask", "dalian", DATABASE_URL=url).returncode == 0  # seeded
    # `true` exits without reading: by the time the answer is written, the pipe is closed.
    shell = subprocess.run(
        f'"{sys.executable}" -m bot ask "who says so?" | true',
        shell=True,
        cwd=tmp_path,
        env=build_env({"DATABASE_URL": url}),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (shell.stdout, shell.stderr) == ("", "")
