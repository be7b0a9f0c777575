"""In chat: an answer citing claims ends with their record's link when PUBLIC_BASE_URL is set."""

from __future__ import annotations

from bot.runtime import Runtime
from tests.support.harness import CAVEAT, telegram_harness

BASE = "https://record.example.org"


async def test_an_answer_links_the_record_of_the_claims_it_cites(runtime: Runtime) -> None:
    async with telegram_harness(runtime, public_base_url=BASE) as harness:
        [answer] = await harness.send("What is the quota in Dalian?")
    lines = answer.split("\n")
    assert lines[-3] == f'🔗 <a href="{BASE}/claims/2">The full record, with its history</a>'
    assert lines[-2:] == ["", f"⚠️ <i>Unverified. {CAVEAT}</i>"]


async def test_without_a_base_url_answers_carry_no_link(runtime: Runtime) -> None:
    async with telegram_harness(runtime) as harness:
        [answer] = await harness.send("What is the quota in Dalian?")
    assert "<a href=" not in answer and "record" not in answer
