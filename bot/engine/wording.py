"""The language of the answer being composed: its sentences (gettext) and its CLDR locale.

The engine composes one answer at a time, synchronously; the caller says in which language
with ``speaking(...)`` around the call (the handlers pass ``bot.i18n.translator(language)``),
and every sentence the engine writes goes through ``_`` / ``ngettext`` here, every figure
and date through bot/engine/numbers.py, which reads the same locale. Outside ``speaking``
the engine speaks English, its source language, so English answers are the code's own texts.

A context variable rather than a parameter threaded through every composer method: the
composers are built once per snapshot and shared by every update, and asyncio gives each
update's task its own context, so concurrent answers in different languages never mix.

Texts are marked for Babel's extraction (babel.cfg) by the names ``_``, ``ngettext`` and
``N_`` (a text defined at import time, translated where it is used with ``_(TEXT)``).
Placeholders are named (``{place}``), so a translation may put them in its own order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Protocol


class Speaker(Protocol):
    """What the engine needs of a language (``bot.i18n.Translator`` is one)."""

    @property
    def language(self) -> str: ...

    @property
    def gettext(self) -> Callable[[str], str]: ...

    @property
    def ngettext(self) -> Callable[[str, str, int], str]: ...

    @property
    def locale(self) -> object: ...


def _english_plural(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


@dataclass(frozen=True)
class _English:
    language: str = "en"
    gettext: Callable[[str], str] = str
    ngettext: Callable[[str, str, int], str] = _english_plural
    locale: object = "en"


ENGLISH: Speaker = _English()

_current: ContextVar[Speaker] = ContextVar("engine_wording", default=ENGLISH)


@contextmanager
def speaking(speaker: Speaker | None) -> Iterator[Speaker]:
    """Compose in ``speaker``'s language inside the block (English when None)."""
    chosen = speaker or ENGLISH
    token = _current.set(chosen)
    try:
        yield chosen
    finally:
        _current.reset(token)


def _(message: str) -> str:
    """A sentence of the engine in the current answer's language."""
    return _current.get().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """A sentence that depends on a count, with the language's plural rules."""
    return _current.get().ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks a text defined at import time for extraction; translate it with ``_`` on use."""
    return message


def language() -> str:
    """The current answer's language code ("en", "ru", "zh", "ko")."""
    return str(_current.get().language)


def locale() -> str:
    """The current answer's CLDR locale identifier ("en", "ru", "zh_Hans", "ko")."""
    return str(_current.get().locale)


def is_english() -> bool:
    return language() == "en"


__all__ = [
    "ENGLISH",
    "N_",
    "Speaker",
    "_",
    "is_english",
    "language",
    "locale",
    "ngettext",
    "speaking",
]
