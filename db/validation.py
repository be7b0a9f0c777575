"""Validation and normalisation of editor-supplied values.

This module lives in ``db`` (and knows nothing about Telegram) so that the service layer
validates every write itself, whichever front end the value came from. Every function
either returns a clean, canonical value or raises :class:`ValidationError` with a
one-line, plain-text message meant to be shown to the editor.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

from db.errors import N_, Text, ValidationError, preview
from db.kinds import AmountBound, AmountSide, Basis, FigureChange, Language, Period
from db.textfold import drop_invisible, fold
from db.world_names import (
    NAME_MAX_LEN,
    country_name,
    country_names,
    normalize_country,
    normalize_currency,
)

__all__ = [
    "ALIAS_KINDS",
    "AMOUNT_MAX_DECIMALS",
    "AMOUNT_MAX_INTEGER_DIGITS",
    "BASES",
    "BASIS_MAX_LEN",
    "BASIS_TEXT_MAX_LEN",
    "CHANGES",
    "ID_MAX",
    "NAME_MAX_LEN",
    "PERIODS",
    "QUOTA_REQUIRED",
    "QUOTE_MAX_LEN",
    "REASON_MAX_LEN",
    "SOURCE_KINDS",
    "SOURCE_MAX_LEN",
    "STATEMENT_MAX_LEN",
    "TITLE_MAX_LEN",
    "TOPIC_MAX_LEN",
    "URL_MAX_LEN",
    "USER_ID_MAX",
    "ValidationError",
    "clean_text",
    "country_name",
    "country_names",
    "drop_invisible",
    "normalize_alias_term",
    "normalize_alias_value",
    "normalize_country",
    "normalize_currency",
    "parse_amount",
    "parse_choice",
    "parse_id",
    "parse_iso_date",
    "parse_translation_language",
    "parse_url",
    "parse_yes_no",
]

# Length limits for text fields, in code points (Telegram itself caps a message at 4,096).
# The editor commands and the import both read these: one limit per field, and each fits
# its column (db/models.py).
SOURCE_MAX_LEN = 200
STATEMENT_MAX_LEN = 2000
QUOTE_MAX_LEN = 2000
# An editor's translation of a statement or quote (db/editing/translations.py).
TRANSLATION_MAX_LEN = 2000
TOPIC_MAX_LEN = 60
TITLE_MAX_LEN = 300
REASON_MAX_LEN = 500
URL_MAX_LEN = 500
BASIS_MAX_LEN = 20
# The report's wording of a basis ("for each spouse"), a share's whole ("their pay"), a
# deadline ("by the end of the month").
BASIS_TEXT_MAX_LEN = 100

# The closed choices of claim, source and alias fields (db/kinds.py holds the enums).
CHANGES = tuple(FigureChange)
PERIODS = tuple(Period)
AMOUNT_SIDES = tuple(AmountSide)
AMOUNT_BOUNDS = tuple(AmountBound)
# The languages an editor may store a translation in (db/editing/translations.py).
TRANSLATION_LANGUAGES = tuple(language for language in Language if language != Language.EN)
BASES = tuple(Basis)
SOURCE_KINDS = ("anonymous", "named", "narration")
ALIAS_KINDS = ("place", "sector", "topic", "country", "currency")
# Fields a quota figure always has (besides the ones every claim has); it also has an
# amount with its currency, or a share (db.figures.figure_problems).
QUOTA_REQUIRED = ("place", "country")

# 15 integer digits is a quadrillion, far beyond any real quota, and with 4 decimals
# (enough for exchange-rate style figures) it fits a NUMERIC(19, 4) column exactly.
AMOUNT_MAX_INTEGER_DIGITS = 15
AMOUNT_MAX_DECIMALS = 4

# Ids are stored in signed 32-bit integer columns.
ID_MAX = 2**31 - 1
# Telegram user ids fit in 52 bits (stored in 64-bit columns).
USER_ID_MAX = 2**53 - 1

# Country and currency names are also accepted in these locales (ambiguous names dropped).
# --------------------------------------------------------------------------- helpers


def _strip_invisible(text: str) -> str:
    """Drop invisible characters and surrounding whitespace from a code-like value."""
    return drop_invisible(text).strip()


# --------------------------------------------------------------------------- numbers

_SEPARATORS = ", \u2009\u202f\u00a0'’"
_AMOUNT_RE = re.compile(
    r"""
    (?P<int>
        0 | [1-9][0-9]*                          # plain: 62000
      | [1-9][0-9]{0,2} (?P<sep>[,\ \u2009\u202f\u00a0'’]) [0-9]{3}
        (?: (?P=sep) [0-9]{3} )*                 # grouped by one separator: 62,000
    )
    (?: \. (?P<frac>[0-9]+) )?
    """,
    re.VERBOSE | re.ASCII,
)


def parse_amount(text: str, field: str = "amount") -> Decimal:
    """Parse a positive decimal such as ``62000``, ``62,000`` or ``62000.5`` exactly.

    Only ASCII digits and one ``.`` decimal point; thousands may be separated by a comma,
    space (thin, no-break or plain) or apostrophe, always in groups of three (so ``62.000.000`` and
    ``6,20,000`` are refused rather than guessed at). No signs, exponents, NaN or infinity.
    """
    value = _strip_invisible(text)
    usage = Text(N_("a number greater than 0, like 62000, 62,000 or 3400.5"))
    if not value:
        raise ValidationError(N_('"{field}" is empty: give {usage}'), field=field, usage=usage)
    if len(value) > 64:
        raise ValidationError(N_('"{field}" is too long: give {usage}'), field=field, usage=usage)
    match = _AMOUNT_RE.fullmatch(value)
    if match is None:
        odd = value.count(".") > 1 or re.fullmatch(r"[0-9]+,[0-9]{1,2}", value)
        hint = Text(N_(' (use "," for thousands and "." for decimals)') if odd else "")
        must_be = N_('"{field}" must be {usage}, not {value}{hint}')
        raise ValidationError(must_be, field=field, usage=usage, value=preview(value), hint=hint)
    digits = match["int"]
    for sep in _SEPARATORS:
        digits = digits.replace(sep, "")
    frac = match["frac"] or ""
    if len(digits.lstrip("0")) > AMOUNT_MAX_INTEGER_DIGITS:
        too_large = N_('"{field}" is too large: at most {digits} digits before the point')
        raise ValidationError(too_large, field=field, digits=AMOUNT_MAX_INTEGER_DIGITS)
    if len(frac) > AMOUNT_MAX_DECIMALS:
        too_many = N_('"{field}" has too many decimals: at most {decimals} after the point')
        raise ValidationError(too_many, field=field, decimals=AMOUNT_MAX_DECIMALS)
    amount = Decimal(f"{digits}.{frac}" if frac else digits)
    if amount <= 0:
        raise ValidationError(N_('"{field}" must be greater than 0'), field=field)
    return amount


def parse_id(text: str) -> int:
    """Parse a record id as shown to editors: ``12`` or ``#12``, from 1 to 2**31-1."""
    value = _strip_invisible(text).removeprefix("#")
    if not re.fullmatch(r"[0-9]{1,10}", value, re.ASCII):
        not_an_id = N_("an id must be a whole number like 12 or #12, not {value}")
        raise ValidationError(not_an_id, value=preview(text))
    number = int(value)
    if not 1 <= number <= ID_MAX:
        no_such = N_("there is no id {number}: ids run from 1 to {largest}")
        raise ValidationError(no_such, number=number, largest=ID_MAX)
    return number


# --------------------------------------------------------------------------- text

_EMOJI_ZWJ_NEIGHBOURS = ("So", "Sk")


def _keep_zwj(text: str, i: int) -> bool:
    """Keep a zero-width joiner only inside an emoji sequence such as a family or flag."""
    if i == 0 or i == len(text) - 1:
        return False
    before, after = text[i - 1], text[i + 1]
    before_ok = before == "\ufe0f" or unicodedata.category(before) in _EMOJI_ZWJ_NEIGHBOURS
    return before_ok and unicodedata.category(after) in _EMOJI_ZWJ_NEIGHBOURS


def clean_text(value: str, field: str, max_len: int, *, multiline: bool = True) -> str:
    """Make free text safe to store while keeping what the editor wrote.

    Removes control characters (newlines are kept when ``multiline``, tabs become spaces),
    lone surrogates, and invisible format characters (zero-width and bidi controls, which
    can make a stored fact read differently from what is displayed), then NFC-normalises
    and strips. HTML and the like are kept verbatim: escaping is the output's job.
    """
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n"))
    out: list[str] = []
    for i, ch in enumerate(text):
        category = unicodedata.category(ch)
        if ch in "\n\r\x85\u2028\u2029":
            out.append("\n" if multiline else " ")
        elif ch == "\t":
            out.append(" ")
        elif category in ("Cc", "Cs"):
            continue
        elif category == "Cf":
            if ch == "\u200d" and _keep_zwj(text, i):
                out.append(ch)
        else:
            out.append(ch)
    cleaned = "".join(out).strip()
    if not cleaned:
        raise ValidationError(N_('"{field}" is empty'), field=field)
    if len(cleaned) > max_len:
        too_long = N_('"{field}" is too long: {length} characters, the limit is {limit}')
        raise ValidationError(
            too_long, field=field, length=f"{len(cleaned):,}", limit=f"{max_len:,}"
        )
    return cleaned


def parse_url(value: str) -> str:
    """An http(s) address without spaces."""
    url = clean_text(value, "url", URL_MAX_LEN, multiline=False)
    if not url.startswith(("http://", "https://")) or any(ch.isspace() for ch in url):
        not_web = N_('"{field}" must start with http:// or https:// and have no spaces')
        raise ValidationError(not_web, field="url")
    return url


def normalize_alias_term(term: str) -> str:
    """Aliases are stored as the engine reads questions (db/textfold.py's one fold)."""
    return fold(clean_text(term, "term", NAME_MAX_LEN, multiline=False))


def normalize_alias_value(kind: str, value: str) -> str:
    """What an alias of ``kind`` points at: a country or currency code, or a short name."""
    if kind == "country":
        return normalize_country(value)
    if kind == "currency":
        return normalize_currency(value)
    return clean_text(value, kind, NAME_MAX_LEN, multiline=False)


# --------------------------------------------------------------------------- small choices

_YES = frozenset({"yes", "y", "true", "1", "on"})
_NO = frozenset({"no", "n", "false", "0", "off"})


def parse_yes_no(text: str) -> bool:
    """Parse yes/no (also y/n, true/false, 1/0, on/off), in any letter case."""
    value = _strip_invisible(text).casefold()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise ValidationError(N_("expected yes or no, not {value}"), value=preview(text))


def parse_choice(text: str, field: str, choices: Iterable[str]) -> str:
    """Return the member of ``choices`` matching ``text`` case-insensitively."""
    options = list(choices)
    value = _strip_invisible(text).casefold()
    for choice in options:
        if choice.casefold() == value:
            return choice
    one_of = N_('"{field}" must be one of {choices}, not {value}')
    raise ValidationError(one_of, field=field, choices=", ".join(options), value=preview(text))


def parse_iso_date(text: str) -> datetime.date:
    """Parse a real calendar date written as YYYY-MM-DD."""
    value = _strip_invisible(text)
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value, re.ASCII):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            no_date = N_("there is no such date as {value}")
            raise ValidationError(no_date, value=preview(value)) from None
    raise ValidationError(
        N_("a date must be written YYYY-MM-DD, like 2024-03-10, not {value}"), value=preview(text)
    )


def parse_translation_language(text: str) -> Language:
    """ "ru", "zh" or "ko": a language a claim may be translated into (never English, the
    language the claims are stored in)."""
    code = text.strip().casefold()
    languages = ", ".join(TRANSLATION_LANGUAGES)
    if code == Language.EN:
        stored = N_(
            "the claims are stored in English as the report gave them: translate into {languages}"
        )
        raise ValidationError(stored, languages=languages)
    if code not in TRANSLATION_LANGUAGES:
        one_of = N_('the language must be one of {languages}, not "{code}"')
        raise ValidationError(one_of, languages=languages, code=code[:20])
    return Language(code)
