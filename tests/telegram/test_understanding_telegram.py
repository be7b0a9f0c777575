"""Understanding through the Telegram layer: the real Application, the fake Bot API."""

from __future__ import annotations

from tests.support.harness import Harness


async def test_an_attribute_the_report_lacks_is_said_so_over_telegram(
    sqlite_harness: Harness,
) -> None:
    texts = await sqlite_harness.send("How big is the Sakhalin workforce?")
    assert texts[0].startswith("The report does not say how many workers there are in Sakhalin.")
    assert "62,000" not in texts[0] and "124,000" not in texts[0]


async def test_an_off_topic_who_question_gets_the_scope_message(sqlite_harness: Harness) -> None:
    texts = await sqlite_harness.send("who won the football match yesterday")
    assert texts[0].startswith("I can only answer questions about the reported North Korean")
    assert "Who says so" not in texts[0] and "March 10" not in texts[0]


async def test_quota_command_in_dollars_gives_no_false_sentence(sqlite_harness: Harness) -> None:
    texts = await sqlite_harness.send("/quota USD")
    assert "does not give a quota for USD" not in texts[0]
    assert "62,000 rubles (RUB) is nearly $730 as the report converts it" in texts[0]


async def test_how_the_quota_is_paid_is_said_to_be_unreported_over_telegram(
    sqlite_harness: Harness,
) -> None:
    texts = await sqlite_harness.send("hey, do they pay it in cash or by bank transfer?")
    assert texts[0].startswith(
        "The report does not say how the quota is paid or collected (cash, transfer or otherwise)."
    )
    assert "62,000" not in texts[0] and "I answer questions about" not in texts[0]
