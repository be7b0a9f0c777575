"""A strict check that a text is valid Telegram HTML: kept in testkit/html_check.py, which
bench/fuzz.py shares (bench/ never imports tests/)."""

from testkit.html_check import (
    ALLOWED_ENTITIES,
    ALLOWED_TAGS,
    assert_telegram_html,
    telegram_html_problems,
)

__all__ = ["ALLOWED_ENTITIES", "ALLOWED_TAGS", "assert_telegram_html", "telegram_html_problems"]
