"""The one place that builds outgoing text: caveat always, escaping, Telegram's limits."""

from __future__ import annotations

import logging

import pytest

from bot.logs import RedactingFilter
from bot.markup import Html, bold, fmt
from bot.sending.messages import DEFAULT_CAVEAT, build_messages, telegram_length
from tests.support.html_check import assert_telegram_html

CAVEATS = [("HNGN", "HNGN cannot independently verify the claims.")]


def test_caveat_is_always_there_even_with_no_body_or_articles() -> None:
    assert DEFAULT_CAVEAT in build_messages([], [])[0]
    assert DEFAULT_CAVEAT in build_messages("hello", [])[0]


def test_each_cited_article_brings_its_caveat_once() -> None:
    messages = build_messages("x", [*CAVEATS, ("Other", "Other cannot confirm."), *CAVEATS])
    assert messages[0].count("HNGN cannot") == 1
    assert "Other cannot confirm." in messages[0]


def test_plain_text_is_escaped_and_html_is_kept() -> None:
    text = build_messages(["<script>&", bold("<b>"), fmt("{} ok", "<i>")], CAVEATS)[0]
    assert "&lt;script&gt;&amp;" in text
    assert "<b>&lt;b&gt;</b>" in text
    assert "&lt;i&gt; ok" in text
    assert_telegram_html(text)


def test_telegram_length_counts_utf16_after_parsing() -> None:
    assert telegram_length("<b>a&amp;b</b>") == 3
    assert telegram_length("😀") == 2


@pytest.mark.parametrize(
    "body",
    [
        [f"line {n} " + "word " * 30 for n in range(400)],
        [bold("x" * 9000)],
        [Html("<b>" + "😀" * 5000 + "</b>")],
        ["&" * 6000],
        [fmt("<i>{}</i>", "long words " * 900)],
    ],
)
def test_long_bodies_split_within_the_limit_and_stay_valid(body: list[str]) -> None:
    messages = build_messages(body, CAVEATS)
    assert len(messages) > 1
    for message in messages:
        assert telegram_length(message) <= 4096
        assert_telegram_html(message)
    # Each part is a message of its own: each carries the caveat, once.
    assert all(m.count(DEFAULT_CAVEAT) == 1 for m in messages)


def test_the_token_is_redacted_from_logs_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    token = "123456:SECRET-token"
    record = logging.LogRecord(
        "httpx", logging.DEBUG, __file__, 1, "GET https://api/bot%s/getMe", (token,), None
    )
    RedactingFilter([token]).filter(record)
    assert token not in record.getMessage()


ONE_MESSAGE_BODIES = [
    ["short answer"],
    ["line", "", "  ", "after blanks", "", ""],
    [bold("Sakhalin") + " — 62,000 rubles", fmt("{} & {}", "<x>", "ü")],
    ["x" * 3_900],  # fits with the caveat
    ["x" * 4_000],  # does not
    ["&amp;" * 790],  # over the limit as written, under it as Telegram counts it
    ["&amp;" * 900],
    ["😀" * 1_950],  # two UTF-16 units each
    ["😀" * 2_100],
    ["a" * 1_000, "b" * 1_000, "c" * 1_000, "d" * 900],
    [],
]


@pytest.mark.parametrize("body", ONE_MESSAGE_BODIES)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_one_message_shortcut_gives_what_the_line_by_line_count_gives(
    body: list[str], language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.i18n import Language
    from bot.sending import messages

    fast = build_messages(body, CAVEATS, language=Language(language))
    monkeypatch.setattr(messages, "_one_message", lambda lines, tail, room: None)
    slow = build_messages(body, CAVEATS, language=Language(language))
    assert fast == slow
    for message in fast:
        assert telegram_length(message) <= 4096
