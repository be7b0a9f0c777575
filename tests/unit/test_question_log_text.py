"""The question log keeps a question's text with control and format characters as spaces;
a text without any (str.isprintable) is kept as it is, without a look at each character."""

from __future__ import annotations

import unicodedata

import pytest

from bot.questionlog import _printable


def _each(text: str) -> str:
    return "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)


@pytest.mark.parametrize(
    "text",
    [
        "how much in dalian?",
        "квота на Сахалине",
        "大连的配额",
        "사할린 할당량",
        "two\nlines",
        "tab\there",
        "zero\u200bwidth",
        "rtl\u202emark",
        "nbsp\u00a0space",
        "line\u2028separator",
        "emoji 😀 ok",
        "",
    ],
)
def test_printable_is_the_per_character_rule(text: str) -> None:
    assert _printable(text) == _each(text)


def test_control_and_format_characters_become_spaces() -> None:
    assert _printable("a\nb\u200bc") == "a b c"
    assert _printable("plain text") == "plain text"
