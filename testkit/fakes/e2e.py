"""Run the real bot as a subprocess for end-to-end tests.

Usage::

    async with FakeBotApi() as api, running_bot(
        {"TELEGRAM_BOT_TOKEN": "123:ABC", "TELEGRAM_API_BASE_URL": api.base_url}
    ) as bot:
        await api.wait_for_call("getUpdates")  # bot is polling
        ...

stdout/stderr go to files in a temp dir; when the body or the shutdown fails the
captured logs are attached to the exception (``exc.add_note``), so a failing
test shows what the bot printed.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


class BotProcessError(AssertionError):
    """The bot process died early or did not shut down cleanly."""


@dataclass
class BotProcess:
    proc: asyncio.subprocess.Process
    log_dir: Path
    stdout_path: Path
    stderr_path: Path
    killed: bool = False  # had to SIGKILL after the SIGTERM grace period

    @property
    def pid(self) -> int:
        return self.proc.pid

    @property
    def returncode(self) -> int | None:
        return self.proc.returncode

    def stdout(self) -> str:
        return self.stdout_path.read_text(errors="replace")

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    def logs(self, tail: int | None = 200) -> str:
        """Both streams, last ``tail`` lines each (None: everything)."""

        def cut(text: str) -> str:
            lines = text.splitlines()
            return "\n".join(lines[-tail:] if tail else lines)

        return (
            f"--- bot stdout ({self.stdout_path}) ---\n{cut(self.stdout())}\n"
            f"--- bot stderr ({self.stderr_path}) ---\n{cut(self.stderr())}"
        )

    def check_alive(self) -> None:
        """Raise with the logs if the bot already exited (e.g. crashed on startup)."""
        if self.proc.returncode is not None:
            raise BotProcessError(
                f"bot exited early with code {self.proc.returncode}\n{self.logs()}"
            )

    async def wait_for_log(self, text: str, timeout: float = 30.0) -> None:  # noqa: ASYNC109
        """Wait until ``text`` appears in stdout or stderr; fails fast if the bot dies."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while text not in self.stdout() and text not in self.stderr():
            self.check_alive()
            if loop.time() > deadline:
                raise BotProcessError(f"{text!r} not logged within {timeout}s\n{self.logs()}")
            # Polling a file; there is no cheaper portable notification for it.
            await asyncio.sleep(0.05)


def build_env(env: Mapping[str, str]) -> dict[str, str]:
    """``os.environ`` without TELEGRAM_* (never leak a developer's real token or
    API URL into a test), plus ``env`` on top."""
    merged = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    merged["PYTHONUNBUFFERED"] = "1"  # so logs reach the files before a kill
    merged.update(env)
    return merged


async def _stop(bot: BotProcess, stop_timeout: float) -> None:
    if bot.proc.returncode is not None:
        return
    bot.proc.send_signal(signal.SIGTERM)
    try:
        await asyncio.wait_for(bot.proc.wait(), stop_timeout)
    except TimeoutError:
        bot.killed = True
        bot.proc.kill()
        await bot.proc.wait()


@asynccontextmanager
async def running_bot(
    env: Mapping[str, str],
    args: Sequence[str] = ("-m", "bot"),
    cwd: str | os.PathLike[str] | None = None,
    *,
    stop_timeout: float = 30.0,
    ok_returncodes: Collection[int] | None = (0,),
    keep_logs: bool = False,
) -> AsyncIterator[BotProcess]:
    """Start ``sys.executable *args`` (default ``python -m bot``) in ``cwd``
    (default: repo root); on exit SIGTERM it, wait ``stop_timeout`` s, then kill.

    After a successful body, raises ``BotProcessError`` if the bot had to be killed
    or exited with a code not in ``ok_returncodes`` (None disables the check).
    The temp log dir is removed on success unless ``keep_logs``."""
    log_dir = Path(tempfile.mkdtemp(prefix="bot-e2e-"))
    stdout_path, stderr_path = log_dir / "stdout.log", log_dir / "stderr.log"
    with stdout_path.open("wb") as out, stderr_path.open("wb") as err:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            *args,
            cwd=str(cwd or REPO_ROOT),
            env=build_env(env),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=out,
            stderr=err,
        )
    bot = BotProcess(proc, log_dir, stdout_path, stderr_path)
    failed = True
    try:
        try:
            yield bot
        finally:
            await _stop(bot, stop_timeout)
        if bot.killed:
            raise BotProcessError(
                f"bot ignored SIGTERM for {stop_timeout}s and was killed\n{bot.logs()}"
            )
        if ok_returncodes is not None and bot.returncode not in ok_returncodes:
            raise BotProcessError(f"bot exited with code {bot.returncode}\n{bot.logs()}")
        failed = False
    except BaseException as exc:
        if not isinstance(exc, BotProcessError):
            exc.add_note(bot.logs())
        raise
    finally:
        if not failed and not keep_logs:
            shutil.rmtree(log_dir, ignore_errors=True)


async def eventually(check: Callable[[], Awaitable[bool]], what: str, within: float = 30.0) -> None:
    """Waits until ``check()`` is true; a generous guard against a hang, not a timing."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await check():
        if loop.time() > deadline:
            raise AssertionError(f"not within {within}s: {what}")
        await asyncio.sleep(0.1)
