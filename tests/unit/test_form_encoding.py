"""bot.http.form_encoded: urllib's form encoding, byte for byte, without its per-byte loop."""

from __future__ import annotations

import random
from urllib.parse import parse_qsl, urlencode

import pytest

from bot.http import form_encoded

SAMPLES = [
    "",
    " ",
    "plain_ascii-text.~",
    "<b>Sakhalin</b> &amp; 62,000 rubles + 3,400 yuan = 100% ?#/:;@!$'()*",
    "Сахалин: 62 000 рублей с человека в месяц",
    "大连：每人每月3,400元，未经证实。",
    "사할린 1인당 월 62,000루블",
    "emoji 😀👍🏽 zero\u200bwidth \u202eRTL\u202c tab\tnew\nline\r\x00nul\x7f",
    '{"inline_keyboard": [[{"text": "Who says so?", "callback_data": "q1:who says so?"}]]}',
]


def test_the_same_bytes_as_urlencode() -> None:
    for text in SAMPLES:
        parameters = {"chat_id": "-100123", "text": text, "parse_mode": "HTML", text[:3]: text}
        assert form_encoded(parameters) == urlencode(parameters).encode()
    assert form_encoded({}) == b""


def test_random_text_of_every_plane_encodes_as_urlencode_does() -> None:
    rng = random.Random(20261130)
    alphabet = [chr(c) for c in [*range(0, 0x800), *range(0x3000, 0x3100), *range(0xAC00, 0xAD00)]]
    alphabet += [chr(c) for c in range(0x1F300, 0x1F400)]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60)))
        parameters = {"text": text, "k" + text[:2]: text[::-1]}
        encoded = form_encoded(parameters)
        assert encoded == urlencode(parameters).encode()
        assert dict(parse_qsl(encoded.decode(), keep_blank_values=True)) == parameters


def test_what_urlencode_refuses_is_refused() -> None:
    with pytest.raises(UnicodeEncodeError):
        urlencode({"text": "lone \ud800 surrogate"})
    with pytest.raises(UnicodeEncodeError):
        form_encoded({"text": "lone \ud800 surrogate"})


def test_other_values_go_to_urlencode() -> None:
    assert form_encoded({"chat_id": 42, "text": "a b"}) == b"chat_id=42&text=a+b"
