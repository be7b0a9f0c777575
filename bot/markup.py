"""Telegram-HTML fragments that cannot be built from unescaped text by accident.

``Html`` marks text that is already safe. Everything else (stored facts, user
text, editor text) passes through ``escape`` on its way into an ``Html``.
"""

from __future__ import annotations

import html as _html
import re
import string
from collections.abc import Callable
from enum import StrEnum


class Html(str):
    """A fragment of Telegram HTML that is already escaped and balanced."""

    __slots__ = ()

    def __add__(self, other: str) -> Html:
        return Html(str.__add__(self, escape(other)))

    def __radd__(self, other: str) -> Html:
        return Html(str.__add__(escape(other), self))


def escape(value: object) -> Html:
    """Escapes anything not already ``Html`` (Telegram needs only <, > and &)."""
    if isinstance(value, Html):
        return value
    return Html(_html.escape(str(value), quote=False))


class Case(StrEnum):
    """A grammatical case a translation may ask of a name ("для {place:gen}")."""

    GENITIVE = "gen"
    LOCATIVE = "in"  # with the name's own preposition: "на Сахалине", "в Даляне"


# The function that inflects is set by the engine (bot/engine/place_cases.py): markup only
# formats. Until it is set, a name stays as it is.
_CASES = frozenset(case.value for case in Case)
_CASED = re.compile(r"\{\w+:(?:gen|in)\}")
_inflect: Callable[[str, Case], str] = lambda name, case: name  # noqa: E731


def set_inflection(inflect: Callable[[str, Case], str]) -> None:
    global _inflect
    _inflect = inflect


class _CasedFormatter(string.Formatter):
    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec in _CASES:
            return _inflect(str(value), Case(format_spec))
        return super().format_field(value, format_spec)


def plain_format(template: str, **kwargs: object) -> str:
    """``str.format`` of plain text (nothing escaped: escaped where it becomes ``Html``),
    reading the cases a translation asks as ``fmt`` does."""
    if ":" in template and _CASED.search(template):
        return _CasedFormatter().vformat(template, (), kwargs)
    return template.format(**kwargs)


def fmt(template: str, *args: object, **kwargs: object) -> Html:
    """``str.format`` where every argument is escaped unless it is ``Html``."""
    escaped = [escape(a) for a in args]
    named = {k: escape(v) for k, v in kwargs.items()}
    if ":" in template and _CASED.search(template):
        return Html(_CasedFormatter().vformat(template, escaped, named))
    return Html(template.format(*escaped, **named))


def join(parts: list[Html] | tuple[Html, ...], separator: str = "") -> Html:
    return Html(escape(separator).join(escape(part) for part in parts))


def bold(value: object) -> Html:
    return Html(f"<b>{escape(value)}</b>")


def italic(value: object) -> Html:
    return Html(f"<i>{escape(value)}</i>")


def code(value: object) -> Html:
    return Html(f"<code>{escape(value)}</code>")


def link(label: object, url: str) -> Html:
    return Html(f'<a href="{_html.escape(url, quote=True)}">{escape(label)}</a>')


_TAG = re.compile(r"<[^>]+>")


def plain_text(message: str) -> str:
    """Telegram HTML to what a reader sees: tags dropped, entities decoded."""
    return _html.unescape(_TAG.sub("", message))
