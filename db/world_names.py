"""Country and currency names and codes: what an editor may type for a country or a currency,
from CLDR (Babel) and ISO (pycountry), shared by the editor commands, the import and the engine.

Split from db/validation.py, which re-exports these names (``from db.validation import
normalize_country`` keeps working)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import babel
import babel.numbers
import pycountry

from db.errors import N_, Text, ValidationError, either, preview
from db.textfold import drop_invisible

__all__ = [
    "NAME_MAX_LEN",
    "country_name",
    "country_names",
    "normalize_country",
    "normalize_currency",
]

# A name's limit, in code points: a place, sector, currency or country name (db/models.py).
NAME_MAX_LEN = 100

_NAME_LOCALES = ("en", "ru", "ko", "zh", "zh_Hant")

# ISO 4217 codes that are valid but never a currency anyone was paid in.
_NON_CURRENCIES = frozenset({"XXX", "XTS"})

# "UK" is exceptionally reserved for GB by the ISO 3166 maintenance agency, so it is not
# in pycountry, but editors will type it.
_EXCEPTIONAL_COUNTRY_CODES = {"UK": "GB"}


def _strip_invisible(text: str) -> str:
    """Drop invisible characters and surrounding whitespace from a code-like value."""
    return drop_invisible(text).strip()


def _name_key(name: str) -> str:
    """Fold a name for lookup: case, accents, apostrophe style, spacing, leading "the"."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.replace("’", "'").replace("&", " and ").replace(".", " ")
    folded = " ".join(folded.split())
    return folded.removeprefix("the ")


def _build_index(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map folded name -> code, leaving out names that point at more than one code."""
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for name, code in pairs:
        key = _name_key(name)
        if not key:
            continue
        if index.get(key, code) != code:
            ambiguous.add(key)
        index[key] = code
    for key in ambiguous:
        del index[key]
    return index


def _suggest(query: str, index: Mapping[str, str], describe: Mapping[str, str]) -> Text:
    """Codes whose names contain the query word, for a 'did you mean' hint.

    Only for a single word ("Korea", "yuan"): a phrase can sit inside the wrong country's
    name ("Republic of Korea" in "Democratic People's Republic of Korea").
    """
    key = _name_key(query)
    if len(key) < 3 or " " in key:
        return Text("")
    pattern = re.compile(rf"(?:^|\W){re.escape(key)}(?:\W|$)")
    codes = sorted({code for name, code in index.items() if pattern.search(name)})
    if len(codes) > 4:
        return Text(N_(" (several match, e.g. {codes}, …)"), codes=", ".join(codes[:4]))
    choices = [Text(N_("{code} ({name})"), code=c, name=describe[c]) for c in codes]
    return Text(N_(" (did you mean {choices}?)"), choices=either(choices)) if codes else Text("")


@dataclass(frozen=True)
class _Kind:
    """What differs between reading a currency and a country: the messages, and how a code
    is typed (``code_letters``, read upper-cased by the caller's ``by_code``)."""

    usage: str
    empty: str
    too_long: str
    unknown: str
    code_letters: str


def _normalized(
    text: str,
    kind: _Kind,
    by_code: Callable[[str], str | None],
    index: Mapping[str, str],
    describe: Mapping[str, str],
) -> str:
    """The code ``text`` names: a code as typed (``by_code`` of it upper-cased), else an exact
    name of ``index``; else a ValidationError with ``kind``'s messages and a hint."""
    value = _strip_invisible(text)
    usage = Text(kind.usage)
    if not value:
        raise ValidationError(kind.empty, usage=usage)
    if len(value) > NAME_MAX_LEN:
        raise ValidationError(kind.too_long, usage=usage)
    if re.fullmatch(kind.code_letters, value):
        code = by_code(value.upper())
        if code is not None:
            return code
    code = index.get(_name_key(value))
    if code is not None:
        return code
    hint = _suggest(value, index, describe)
    raise ValidationError(kind.unknown, value=preview(value), usage=usage, hint=hint)


# --------------------------------------------------------------------------- currencies


@lru_cache(maxsize=1)
def _currency_data() -> tuple[frozenset[str], dict[str, str], dict[str, str]]:
    """ISO 4217 codes (from pycountry), a name index and English names (from babel)."""
    codes = frozenset(c.alpha_3 for c in pycountry.currencies) - _NON_CURRENCIES
    pairs: list[tuple[str, str]] = []
    for locale_name in _NAME_LOCALES:
        locale = babel.Locale.parse(locale_name)
        for code in codes:
            if code in locale.currencies:
                pairs.append((str(locale.currencies[code]), code))
            for count in (1, 2, 5, 1.5):
                pairs.append((babel.numbers.get_currency_name(code, count, locale), code))
    english_names = babel.Locale.parse("en").currencies
    english = {code: str(english_names.get(code, code)) for code in codes}
    return codes, _build_index(pairs), english


_CURRENCY = _Kind(
    usage=N_("use a 3-letter ISO 4217 currency code such as RUB, CNY or USD"),
    empty=N_("the currency is empty: {usage}"),
    too_long=N_("the currency is too long: {usage}"),
    unknown=N_("unknown currency {value}: {usage}{hint}"),
    code_letters=r"[A-Za-z]{3}",
)


def normalize_currency(text: str) -> str:
    """Return the ISO 4217 alpha-3 code for ``RUB``/``rub`` or a full name like "Russian rubles".

    Bare words such as "yuan" or "rubles" are only suggested, never accepted: several
    currencies share them, and a wrong guess would silently corrupt a figure.
    """
    codes, index, english = _currency_data()
    return _normalized(
        text, _CURRENCY, lambda code: code if code in codes else None, index, english
    )


# --------------------------------------------------------------------------- countries


@lru_cache(maxsize=8)
def country_names(locale_name: str = "en") -> dict[str, str]:
    """Two-letter region code -> everyday name ("RU" -> "Russia"), from Babel's CLDR data:
    the one table of country names (the engine's too). It has every ISO 3166-1 code and
    a few other CLDR regions (EU, XK...); ``normalize_country`` accepts only ISO codes."""
    try:
        locale = babel.Locale.parse(locale_name.replace("-", "_"))
    except (ValueError, TypeError, babel.UnknownLocaleError):
        locale = babel.Locale.parse("en")
    return {
        code: str(name)
        for code, name in locale.territories.items()
        if len(code) == 2 and code.isalpha()
    }


# pycountry stays: ISO 3166's official names ("Russian Federation", "Viet Nam", "Republic
# of Korea"), which editors type, are not in CLDR, nor which CLDR regions are ISO codes.
@lru_cache(maxsize=1)
def _country_data() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Alpha-3 -> alpha-2 map, a name index, and English display names."""
    alpha3: dict[str, str] = {}
    pairs: list[tuple[str, str]] = []
    for country in pycountry.countries:
        alpha3[country.alpha_3] = country.alpha_2
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name:
                pairs.append((name, country.alpha_2))
                # ISO writes "Korea, Republic of"; people write "Republic of Korea".
                head, comma, tail = name.partition(", ")
                if comma and ", " not in tail:
                    pairs.append((f"{tail} {head}", country.alpha_2))
    for locale_name in _NAME_LOCALES:
        names = country_names(locale_name)
        pairs.extend((names[code], code) for code in alpha3.values() if code in names)
    english = {code: _display_name(code, "en") for code in alpha3.values()}
    return alpha3, _build_index(pairs), english


def _display_name(code: str, locale_name: str) -> str:
    """Babel's everyday name ("Russia"), falling back to pycountry's."""
    name = country_names(locale_name).get(code)
    if name:
        return name
    country = pycountry.countries.get(alpha_2=code)
    return str(getattr(country, "common_name", None) or getattr(country, "name", code))


_COUNTRY = _Kind(
    usage=N_("use a country name like Russia or China, or an ISO 3166 code like RU or CN"),
    empty=N_("the country is empty: {usage}"),
    too_long=N_("the country is too long: {usage}"),
    unknown=N_("unknown country {value}: {usage}{hint}"),
    code_letters=r"[A-Za-z]{2,3}",
)


def normalize_country(text: str) -> str:
    """Return the ISO 3166-1 alpha-2 code for ``RU``, ``RUS``, "Russia", "russia", "Россия"...

    Codes and exact (case- and accent-insensitive) names only: fuzzy matching would map a
    place name such as "Sakhalin" onto a country without anyone noticing.
    """
    alpha3, index, english = _country_data()

    def by_code(code: str) -> str | None:
        code = _EXCEPTIONAL_COUNTRY_CODES.get(code, code)
        return code if code in english else alpha3.get(code)

    return _normalized(text, _COUNTRY, by_code, index, english)


def country_name(code: str, locale: str = "en") -> str:
    """Display name of an ISO 3166-1 alpha-2 code in ``locale`` (e.g. "RU" -> "Russia").

    Unknown locales (e.g. an odd Telegram language code) fall back to English.
    """
    value = _strip_invisible(code).upper()
    _, _, english = _country_data()
    if value not in english:
        raise ValidationError(N_("unknown country code {value}"), value=preview(code))
    return _display_name(value, locale)
