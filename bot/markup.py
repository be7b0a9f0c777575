"""Telegram-HTML fragments that cannot be built from unescaped text by accident.

``Html`` marks text that is already safe. Everything else (stored facts, user
text, editor text) passes through ``escape`` on its way into an ``Html``.
"""

from __future__ import annotations

import html as _html
import re


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


def fmt(template: str, *args: object, **kwargs: object) -> Html:
    """``str.format`` where every argument is escaped unless it is ``Html``."""
    return Html(
        template.format(*(escape(a) for a in args), **{k: escape(v) for k, v in kwargs.items()})
    )


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
