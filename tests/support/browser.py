"""Headless Chromium from Debian's packages (``apt-get install chromium``), for the
browser tests of the public pages. CI installs it (.ci/run); elsewhere the tests are
skipped, with the reason, when it is missing."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# .ci/run sets it: there a missing browser is a failure, not a skip.
REQUIRE_CHROMIUM = os.environ.get("REQUIRE_CHROMIUM") == "1"
WINDOW = (1200, 2000)
# Generous guard against a hung browser, not a timing.
BROWSER_TIMEOUT = 120.0


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing: apt-get install -y chromium chromium-driver"
    if REQUIRE_CHROMIUM:
        pytest.fail(reason)
    pytest.skip(reason)


async def _chromium(profile: Path, *args: str) -> bytes:
    process = await asyncio.create_subprocess_exec(
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        *args,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        async with asyncio.timeout(BROWSER_TIMEOUT):
            stdout, stderr = await process.communicate()
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    assert process.returncode == 0, stderr.decode(errors="replace")[-2000:]
    return stdout


async def dump_dom(url: str, profile: Path) -> str:
    """The DOM as the browser built it (after parsing; no script runs on these pages)."""
    return (await _chromium(profile, "--dump-dom", url)).decode()


async def screenshot(url: str, profile: Path, path: Path) -> bytes:
    """The page as a PNG of WINDOW's size, saved at ``path`` (look at it) and returned."""
    await _chromium(profile, f"--screenshot={path}", url)
    return await asyncio.to_thread(path.read_bytes)
