"""Helpers that used to exist twice and drifted, now one each: the country-name table
(the engine's answers and the editors' validation) and the quoting of a person's text
in a one-line error (command arguments and field values)."""

from __future__ import annotations

import pytest

from bot import engine
from bot.args import ArgumentError, split_command_text
from db import validation
from db.validation import ValidationError, country_name, normalize_country


def test_the_engine_names_countries_from_the_validation_table() -> None:
    assert engine.country_names is validation.country_names
    names = engine.country_names()
    # Every ISO code an editor can store is named the same way in answers.
    for code in ("RU", "CN", "KP", "KR", "VN", "AE", "MN", "LA"):
        assert names[code] == country_name(code) == country_name(normalize_country(code))


def test_args_and_validation_quote_the_same_way() -> None:
    text = "Sakhalin \u2003 region  quota value far too long to quote"
    with pytest.raises(ValidationError) as refused:
        normalize_country(text)
    with pytest.raises(ArgumentError) as unparsable:
        split_command_text(text)
    quoted = '"Sakhalin region quota value far too lon…"'  # 39 characters and …
    assert str(refused.value).startswith(f"unknown country {quoted}: ")
    assert str(unparsable.value) == f"not a command: {quoted}"
