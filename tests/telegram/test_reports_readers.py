"""Readers in Telegram with two reports in the store (the seed and RFA, October 2020, merged
from testkit/reports/rfa_2020.json): about the second report, about the seed, and across
both. Every sent message names the report each block comes from and ends with the caveat
of every report it cites, and only theirs."""

from __future__ import annotations

import json

from bot.markup import plain_text
from db.transfer import import_document, read_document
from testkit.engine import RFA_2020
from tests.support.harness import Harness

HNGN_CAVEAT = "⚠️ Unverified. HNGN cannot independently verify the claims."
RFA_CAVEAT = (
    "⚠️ Unverified. " + json.loads(RFA_2020.read_text(encoding="utf-8"))["articles"][0]["caveat"]
)
RFA = "Radio Free Asia, October 2020"


async def with_rfa(harness: Harness) -> None:
    async with harness.runtime.sessionmaker() as session:
        await import_document(session, read_document(RFA_2020.read_bytes()))


def caveats(message: str) -> list[str]:
    return [line for line in message.splitlines() if line.startswith("⚠️")]


async def test_a_reader_asks_about_the_second_report(harness: Harness) -> None:
    await with_rfa(harness)
    [message] = [plain_text(t) for t in await harness.send("trade workers quota")]
    assert message.count(f"China — trade workers — as reported by {RFA}") == 3
    assert "once per person (one-off), by the end of the month (October 2020)" in message
    assert "a month." not in message
    assert caveats(message) == [RFA_CAVEAT]


async def test_a_reader_asks_about_the_seed_report(harness: Harness) -> None:
    await with_rfa(harness)
    [message] = [plain_text(t) for t in await harness.send("sakhalin quota")]
    assert "Sakhalin, Russia — construction workers — as reported by HNGN, undated" in message
    assert "Radio Free Asia" not in message
    assert caveats(message) == [HNGN_CAVEAT]


async def test_a_reader_asks_across_both(harness: Harness) -> None:
    await with_rfa(harness)
    [message] = [plain_text(t) for t in await harness.send("/quotas")]
    assert message.startswith(f"All reported figures, from 2 reports ({RFA}; HNGN, undated):")
    assert sorted(caveats(message)) == sorted([HNGN_CAVEAT, RFA_CAVEAT])
    [china] = [plain_text(t) for t in await harness.send("china quota")]
    assert china.startswith("2 reports give figures for China: all are shown, newest report")
    assert china.index(f"as reported by {RFA}") < china.index("as reported by HNGN, undated")
    assert sorted(caveats(china)) == sorted([HNGN_CAVEAT, RFA_CAVEAT])
    [silent] = [plain_text(t) for t in await harness.send("how many workers are there?")]
    assert silent.startswith(
        f"None of the 2 reports ({RFA}; HNGN, undated) says how many workers there are."
    )
    assert sorted(caveats(silent)) == sorted([HNGN_CAVEAT, RFA_CAVEAT])
