"""The public pages of the real ``python -m bot`` process (PUBLIC_PORT), read by headless
Chromium: what a reader sees, a screenshot, and another writer's edit on the next load."""

from __future__ import annotations

import io
from pathlib import Path

import aiohttp
import pytest
from PIL import Image

from bot.runtime import Runtime
from db import editing
from db.editing import Actor
from testkit.fakes.bot_api_server import FakeBotApi
from testkit.settings import make_settings
from tests.support.browser import WINDOW, dump_dom, require_chromium, screenshot
from tests.support.production_support import (
    api_fixture,  # noqa: F401 - fixture "api"
    bot_env,
    bot_process,
    free_port,
)

CAVEAT = "HNGN cannot independently verify the claims."
OWNER = Actor(1001, frozenset({1001}))
HOSTILE = "<script>document.title='owned'</script>Shifts run 16 hours."


@pytest.fixture(autouse=True)
def _chromium() -> None:
    require_chromium()


async def test_a_reader_sees_the_record_in_a_browser(
    api: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = bot_env(api, sqlite_url, PUBLIC_PORT=str(port), PUBLIC_BASE_URL=base)
    async with bot_process(env) as process:
        await process.wait_for_log(f"Public pages on 127.0.0.1:{port}")
        async with aiohttp.ClientSession() as http, http.get(f"{base}/") as response:
            assert response.status == 200
            assert CAVEAT in await response.text()

        index = await dump_dom(f"{base}/", tmp_path / "profile")
        assert "<title>The record</title>" in index
        assert f"⚠️ Unverified. {CAVEAT}" in index
        assert "<h3>Dalian</h3>" in index and "<h3>Sakhalin</h3>" in index
        assert "Said by a source in China, reported by Daily NK, carried by HNGN." in index

        # Another writer (an editor on another replica) changes the store.
        runtime = Runtime.create(make_settings(sqlite_url))
        try:
            async with runtime.sessionmaker() as session:
                fact = await editing.add_fact(
                    session, OWNER, {"topic": "hours", "text": HOSTILE, "place": "Dalian"}
                )
                await editing.retract(session, OWNER, 1, "the source withdrew it")
        finally:
            await runtime.close()

        claim = await dump_dom(f"{base}/claims/{fact.entity_id}", tmp_path / "profile")
        # The stored <script> is text on the page: the title is untouched, no element made.
        assert "<title>Claim #" in claim and "owned</title>" not in claim
        assert "&lt;script&gt;document.title='owned'&lt;/script&gt;Shifts run 16 hours." in claim
        assert f"⚠️ Unverified. {CAVEAT}" in claim
        retracted = await dump_dom(f"{base}/claims/1", tmp_path / "profile")
        assert "Retracted on" in retracted and "the source withdrew it" in retracted
        missing = await dump_dom(f"{base}/claims/999999", tmp_path / "profile")
        assert "<h1>Not found</h1>" in missing and f"⚠️ Unverified. {CAVEAT}" in missing

        shot = tmp_path / "claim-2.png"
        image = Image.open(
            io.BytesIO(await screenshot(f"{base}/claims/2", tmp_path / "profile", shot))
        )
        assert image.format == "PNG" and image.size == WINDOW
        # Not a blank page: the caveat box, text and links give many colours.
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 10
