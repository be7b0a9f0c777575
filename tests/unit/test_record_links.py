"""Answers that cite claims end with a link to their public record (PUBLIC_BASE_URL)."""

from __future__ import annotations

from bot.markup import Html
from bot.sending.messages import TELEGRAM_MAX_LENGTH, build_messages, record_link, telegram_length

BASE = "https://record.example.org"
CAVEAT_LINE = "⚠️ <i>Unverified. HNGN cannot independently verify the claims.</i>"
CAVEATS = [("HNGN", "HNGN cannot independently verify the claims.")]
LINK = '🔗 <a href="{}">The full record, with its history</a>'


def test_the_link_names_one_claim_one_report_or_the_whole_record() -> None:
    assert record_link(BASE, [2], [1]) == LINK.format(f"{BASE}/claims/2")
    assert record_link(BASE, [1, 2], [1]) == LINK.format(f"{BASE}/reports/1")
    assert record_link(BASE, [1, 9], [1, 2]) == LINK.format(f"{BASE}/")
    assert record_link(None, [2], [1]) is None
    assert record_link(BASE, [], [1]) is None


def test_the_link_ends_the_body_above_the_caveat() -> None:
    record = record_link(BASE, [2], [1])
    [message] = build_messages(["In Dalian: 3,400 yuan."], CAVEATS, record=record)
    assert message == "\n".join(
        ["In Dalian: 3,400 yuan.", LINK.format(f"{BASE}/claims/2"), "", CAVEAT_LINE]
    )


def test_a_split_answer_has_the_link_once_in_its_last_part_within_the_limit() -> None:
    record = record_link(BASE, [1, 2], [1])
    body = [Html("x" * 1000)] * 9
    parts = build_messages(body, CAVEATS, record=record)
    assert len(parts) == 3
    assert [LINK.format(f"{BASE}/reports/1") in part for part in parts] == [False, False, True]
    assert all(part.endswith(CAVEAT_LINE) for part in parts)
    assert all(telegram_length(part) <= TELEGRAM_MAX_LENGTH for part in parts)
