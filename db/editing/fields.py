"""What editors may type for each field of a claim, an article or a source."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from db.editing.errors import InvalidValue
from db.errors import N_
from db.figures import parse_basis, parse_change_percent, parse_partial_date, parse_share
from db.validation import (
    AMOUNT_BOUNDS,
    AMOUNT_SIDES,
    BASIS_TEXT_MAX_LEN,
    CHANGES,
    NAME_MAX_LEN,
    PERIODS,
    QUOTE_MAX_LEN,
    REASON_MAX_LEN,
    SOURCE_KINDS,
    SOURCE_MAX_LEN,
    STATEMENT_MAX_LEN,
    TITLE_MAX_LEN,
    TOPIC_MAX_LEN,
    ValidationError,
    clean_text,
    normalize_country,
    normalize_currency,
    parse_amount,
    parse_choice,
    parse_id,
    parse_url,
    parse_yes_no,
)

# Written in place of a value to clear an optional field: /edit 5 quote=-
CLEAR = "-"


def _text(max_len: int) -> Callable[[str, str], str]:
    def parse(value: str, name: str) -> str:
        return clean_text(value, name, max_len)

    return parse


def _line(max_len: int) -> Callable[[str, str], str]:
    def parse(value: str, name: str) -> str:
        return clean_text(value, name, max_len, multiline=False)

    return parse


@dataclass(frozen=True)
class FieldSpec:
    attr: str
    parse: Callable[[str, str], Any]
    optional: bool = True
    quota_only: bool = False
    help: str = ""
    # Attributes set together from one typed value (parse returns a tuple of them):
    # "share=70-90" sets share_low and share_high, "date_on=2020-10" a date and its
    # precision. Clearing the field clears them all.
    also: tuple[str, ...] = ()

    @property
    def attrs(self) -> tuple[str, ...]:
        return (self.attr, *self.also)


def to_attrs(specs: dict[str, FieldSpec], parsed: dict[str, Any]) -> dict[str, Any]:
    """Editor keys with parsed values -> model attributes with their values."""
    values: dict[str, Any] = {}
    for key, value in parsed.items():
        spec = specs[key]
        if not spec.also:
            values[spec.attr] = value
        elif value is None:
            values.update(dict.fromkeys(spec.attrs))
        else:
            values.update(zip(spec.attrs, value, strict=True))
    return values


def _words_joined(value: str) -> str:
    """ "at least" or "at-least" as the stored "at_least"."""
    return "_".join(value.replace("-", " ").split())


def _superseding(value: str, name: str) -> int:
    return parse_id(value)


CLAIM_FIELDS: dict[str, FieldSpec] = {
    "topic": FieldSpec("topic", _line(TOPIC_MAX_LEN), optional=False, help="a short topic word"),
    "text": FieldSpec("statement", _text(STATEMENT_MAX_LEN), optional=False, help="the statement"),
    "quote": FieldSpec("quote", _text(QUOTE_MAX_LEN), help="the verbatim quote"),
    "place": FieldSpec("place", _line(NAME_MAX_LEN), help="a place name"),
    "source": FieldSpec("source_id", lambda v, n: v, optional=False, help="a source id or name"),
    "article": FieldSpec("article_id", lambda v, n: parse_id(v), optional=False, help="an id"),
    "country": FieldSpec("country", lambda v, n: normalize_country(v), quota_only=True),
    "sector": FieldSpec("sector", _line(NAME_MAX_LEN), quota_only=True),
    "amount": FieldSpec("amount", lambda v, n: parse_amount(v, n), optional=False, quota_only=True),
    "currency": FieldSpec(
        "currency", lambda v, n: normalize_currency(v), optional=False, quota_only=True
    ),
    "usd": FieldSpec("usd_amount", lambda v, n: parse_amount(v, n), quota_only=True),
    "approx": FieldSpec(
        "usd_is_approx", lambda v, n: parse_yes_no(v), optional=False, quota_only=True
    ),
    "amount_high": FieldSpec(
        "amount_high", lambda v, n: parse_amount(v, n), quota_only=True, help="a range's top"
    ),
    "usd_high": FieldSpec(
        "usd_high", lambda v, n: parse_amount(v, n), quota_only=True, help="its dollar top"
    ),
    "share": FieldSpec(
        "share_low",
        lambda v, n: parse_share(v, n),
        quota_only=True,
        help="a percentage, or a range like 70-90",
        also=("share_high",),
    ),
    "share_of": FieldSpec("share_of", _line(BASIS_TEXT_MAX_LEN), quota_only=True),
    "period": FieldSpec("period", lambda v, n: parse_choice(v, n, PERIODS), quota_only=True),
    "deadline": FieldSpec(
        "deadline", _line(BASIS_TEXT_MAX_LEN), quota_only=True, help="as reported"
    ),
    "deadline_on": FieldSpec(
        "deadline_on",
        lambda v, n: parse_partial_date(v),
        quota_only=True,
        help="YYYY-MM-DD, YYYY-MM or YYYY",
        also=("deadline_precision",),
    ),
    "basis": FieldSpec("basis", lambda v, n: parse_basis(v), quota_only=True),
    "basis_text": FieldSpec(
        "basis_text", _line(BASIS_TEXT_MAX_LEN), quota_only=True, help="the report's words"
    ),
    "change": FieldSpec("change", lambda v, n: parse_choice(v, n, CHANGES), quota_only=True),
    "amount_to": FieldSpec("amount_to", lambda v, n: parse_amount(v, n), quota_only=True),
    "usd_to": FieldSpec("usd_to", lambda v, n: parse_amount(v, n), quota_only=True),
    "change_percent": FieldSpec(
        "change_percent",
        lambda v, n: parse_change_percent(v, n),
        quota_only=True,
        help="the reported percentage, like 25",
    ),
    "amount_is": FieldSpec(
        "amount_is",
        lambda v, n: parse_choice(v, n, AMOUNT_SIDES),
        quota_only=True,
        help="before or after the change",
    ),
    "bound": FieldSpec(
        "amount_bound",
        lambda v, n: parse_choice(_words_joined(v), n, AMOUNT_BOUNDS),
        quota_only=True,
        help="at_least or at_most",
    ),
    "date": FieldSpec("change_date", _line(NAME_MAX_LEN), quota_only=True),
    "date_on": FieldSpec(
        "change_on",
        lambda v, n: parse_partial_date(v),
        quota_only=True,
        help="YYYY-MM-DD, YYYY-MM or YYYY",
        also=("change_on_precision",),
    ),
    "superseded_by": FieldSpec("superseded_by", _superseding, help="a later claim's id"),
}

ARTICLE_FIELDS: dict[str, FieldSpec] = {
    "outlet": FieldSpec("outlet", _line(NAME_MAX_LEN), optional=False),
    "title": FieldSpec("title", _line(TITLE_MAX_LEN), optional=False),
    "caveat": FieldSpec("caveat", _text(REASON_MAX_LEN), optional=False),
    "url": FieldSpec("url", lambda v, n: parse_url(v)),
    "reporter": FieldSpec("reporter", _line(NAME_MAX_LEN)),
    "relies_on": FieldSpec("relies_on", _line(NAME_MAX_LEN)),
    "date": FieldSpec(
        "published_on",
        lambda v, n: parse_partial_date(v),
        help="YYYY-MM-DD, YYYY-MM or YYYY",
        also=("published_precision",),
    ),
}

SOURCE_FIELDS: dict[str, FieldSpec] = {
    "name": FieldSpec("name", _line(SOURCE_MAX_LEN), optional=False),
    "kind": FieldSpec("kind", lambda v, n: parse_choice(v, n, SOURCE_KINDS), optional=False),
    "told_to": FieldSpec("told_to", _line(NAME_MAX_LEN)),
    "country": FieldSpec("country", lambda v, n: normalize_country(v)),
    "notes": FieldSpec("notes", _text(REASON_MAX_LEN)),
    "article": FieldSpec("article_id", lambda v, n: parse_id(v), optional=False),
}


def parse_fields(
    specs: dict[str, FieldSpec], values: dict[str, str], *, allow_clear: bool
) -> dict[str, Any]:
    """Editor key -> parsed value (None for a cleared optional field)."""
    parsed: dict[str, Any] = {}
    for key, raw in values.items():
        spec = specs.get(key)
        if spec is None:
            raise InvalidValue(
                N_('unknown field "{key}"; the fields are: {fields}'),
                key=key,
                fields=", ".join(specs),
            )
        if allow_clear and raw.strip() == CLEAR:
            if not spec.optional:
                raise InvalidValue(N_('"{key}" cannot be cleared'), key=key)
            parsed[key] = None
            continue
        try:
            parsed[key] = spec.parse(raw, key)
        except ValidationError as error:
            raise InvalidValue(error.text) from None
    return parsed


def clean_reason(reason: str | None, *, required: bool) -> str | None:
    if reason is None or not reason.strip():
        if required:
            raise InvalidValue(N_("a reason is required"))
        return None
    try:
        return clean_text(reason, "reason", REASON_MAX_LEN, multiline=False)
    except ValidationError as error:
        raise InvalidValue(error.text) from None
