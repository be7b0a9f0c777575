"""The user interface's languages: gettext catalogs (Babel), and which language a user gets.

The catalogs are ``bot/locale/<lang>/LC_MESSAGES/bot.po`` (extracted with Babel from the
code: ``pyproject.toml``'s ``[tool.babel]`` notes the commands). Only the ``.po`` files are
committed: each is compiled to a ``.mo`` when first needed in a process, in memory, by Babel
(``bot.i18n.catalogs``), so a fresh clone and ``pip install .`` work alike and a stale ``.mo``
can never be served. English is the source language: its texts are the code's own.

Which language a user gets (``choose``): a stored preference (/language) wins; else the
language of the question's text when it is clear (``detect``: the script, a cheap first
signal; a fuller detector can be passed in as the hint); else Telegram's ``language_code``
when supported; else English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_datetime
from babel.numbers import format_decimal

# One enum for the code and the stored preference (db/kinds.py).
from bot.engine.language import script_of
from bot.engine.translit import mostly_russian
from bot.i18n.asked import asked_language
from bot.i18n.mixed import closes_in_english, mixed_language
from db.kinds import Language

DEFAULT_LANGUAGE = Language.EN
# How each language names itself (for /language and its buttons): CLDR's names, from Babel.
# Chinese is simplified Chinese: the catalog is written in simplified characters.
_CLDR_LOCALE = {
    Language.EN: "en",
    Language.RU: "ru",
    Language.ZH: "zh_Hans",
    Language.KO: "ko",
}


def N_(message: str) -> str:
    """Marks a text for extraction where it is defined; translated where it is used."""
    return message


def parse_language(value: str | None) -> Language | None:
    """``en``/``ru``/``zh``/``ko`` (any case, spaces ignored), else None."""
    if value is None:
        return None
    try:
        return Language(value.strip().casefold())
    except ValueError:
        return None


def from_language_code(code: str | None) -> Language | None:
    """Telegram's ``language_code`` (an IETF tag: ``ru``, ``zh-hans``, ``zh-hant``, ``ko-KR``)."""
    if not code:
        return None
    primary = code.replace("_", "-").split("-", 1)[0]
    return parse_language(primary)


# A message's first characters are enough to tell its script.
_DETECT_CHARS = 400
_PUNCTUATION = "?!.,;:'\"()«»“”‘’-"


def detect(text: str | None) -> Language | None:
    """The language of a text by its script, when clear; else None.

    A reply's language asked for in words wins ("answer in Korean", "用中文回答":
    ``bot.i18n.asked``). Hangul means Korean (Korean text may hold Han characters too),
    unless Han letters outnumber it; else Cyrillic or Han,
    whichever has more letters; with Latin letters too, English only when its grammar
    words outnumber the other language's words and the message does not close in the
    other script (``bot.i18n.mixed``); Latin letters alone
    mean English only when they make two words or more (a lone name, "Sakhalin", or "ok"
    is unclear).
    """
    if not text:
        return None
    head = text[:_DETECT_CHARS]
    asked = asked_language(head)  # "what's this based on? 한국말로 설명좀": asked in words
    if asked is not None:
        return asked
    # Most messages are ASCII: no Hangul, Cyrillic or Han to count (every message asks).
    if not head.isascii():
        counts = {language: 0 for language in Language}
        for char in head:
            found = script_of(char)
            if found is not None:
                counts[found] += 1
        # Hangul means Korean, unless Han letters outnumber it: a Chinese message naming a
        # place or quoting a phrase in Hangul ("사할린 쪽 노동자들 合同一般签几年？").
        if counts[Language.KO] and counts[Language.KO] >= counts[Language.ZH]:
            native = Language.KO
        else:
            native = max((Language.RU, Language.ZH), key=lambda language: counts[language])
        if counts[native]:
            # Latin letters too: the grammar tells whose message it is, not the names.
            return mixed_language(head, native) if counts[Language.EN] else native
    words = [w.strip(_PUNCTUATION) for w in head.split()]
    latin_words = [w for w in words if len(w) >= 2 and w.isascii() and w.isalpha()]
    if len(latin_words) >= 2:
        # "sahalin kvota skolko": Russian in Latin letters is answered in Russian.
        # ("... na sakhaline? in month": closing in English, it is answered in English)
        russian = mostly_russian(head) and not closes_in_english(head)
        return Language.RU if russian else Language.EN
    if latin_words and mostly_russian(head):
        return Language.RU  # "a v harbine?": one word, framed by a Russian preposition
    return None


def choose(
    preference: Language | None,
    *,
    hint: Language | None = None,
    language_code: str | None = None,
) -> Language:
    """The language of one reply: the stored preference, else the text's language (``hint``,
    e.g. ``detect(text)``), else Telegram's language code when supported, else English."""
    return preference or hint or from_language_code(language_code) or DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Translator:
    """One language's texts (gettext, with the catalog's plural rules) and its CLDR formats."""

    language: Language
    gettext: Callable[[str], str]
    ngettext: Callable[[str, str, int], str]
    locale: Locale

    def number(self, value: int | Decimal | float) -> str:
        return str(format_decimal(value, locale=self.locale))

    def datetime(self, value: dt.datetime) -> str:
        """A UTC moment, short, in the locale's own order (e.g. ``30.11.2026, 01:22``)."""
        return str(format_datetime(value, format="short", tzinfo=dt.UTC, locale=self.locale))

    def language_name(self, language: Language) -> str:
        """A language's own name for itself ("Русский"), capitalised as a button label."""
        name = str(Locale.parse(_CLDR_LOCALE[language]).display_name)
        return name[:1].upper() + name[1:]


@lru_cache(maxsize=len(Language))
def translator(language: Language | str = DEFAULT_LANGUAGE) -> Translator:
    """The cached translator of a language (unknown ones get English)."""
    from bot.i18n.catalogs import translations

    chosen = parse_language(str(language)) or DEFAULT_LANGUAGE
    compiled = translations(chosen)
    return Translator(
        language=chosen,
        gettext=compiled.gettext,
        ngettext=compiled.ngettext,
        locale=Locale.parse(_CLDR_LOCALE[chosen]),
    )


__all__ = [
    "DEFAULT_LANGUAGE",
    "N_",
    "Language",
    "Translator",
    "choose",
    "detect",
    "from_language_code",
    "parse_language",
    "translator",
]
