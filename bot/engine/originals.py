"""A claim's own words in an answer: as the report gave them, and in the other languages
marked as the original, after the editors' translation where one is stored.

Issue 12: stored statements and quotes stay as the report gave them; a translation is
shown only where an editor stored one (``/translate``), marked as the editors', and never
a machine translation presented as the source's words. English answers are unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

from bot.engine import wording
from bot.engine.language import detect
from bot.engine.wording import N_, _
from bot.markup import Html, escape, fmt
from db.views import ClaimView

# The editors' text, marked as theirs ("… (перевод редакции)").
TRANSLATION = N_("{text} (editors' translation)")
# The report's words, with the language they are in ("“…” (оригинал, английский)").
ORIGINAL = N_("{text} (original, {language})")
# A quote "says" its statement when this share of its longer words are the statement's too.
QUOTE_COVERS = 0.4
_WORD = re.compile(r"[a-z]{4,}")


def _stems(text: str) -> set[str]:
    return {word[:5] for word in _WORD.findall(text.lower())}


def quote_covers(claim: ClaimView) -> bool:
    """The quote says what the statement says (the seed's: the same sentence, verbatim);
    not a supporting remark beside it (RFA: "the trade workers are barely making money"
    beside "the company must pay instead"), which would hide the claim itself."""
    if not claim.quote:
        return False
    return _covers(claim.quote, claim.statement)


# The same few claims are quoted in answer after answer: their texts' verdict is kept.
@lru_cache(maxsize=1024)
def _covers(quote: str, statement: str) -> bool:
    quoted = _stems(quote)
    return not quoted or len(quoted & _stems(statement)) >= QUOTE_COVERS * len(quoted)


@lru_cache(maxsize=64)
def language_name(code: str, locale: str) -> str:
    """CLDR's name of a language in the answer's locale ("английский", "英语")."""
    names = Locale.parse(locale).languages
    return str(names.get(code, code))


def original_words(claim: ClaimView, full: bool = False, both: bool = False) -> Html:
    """The quote (it says it best), else the statement: exactly as stored. ``full``: the
    statement, which may carry what the quote leaves out (a photo's credit); ``both``: the
    statement and then the quote."""
    if claim.quote and both:
        return fmt("{} “{}”", claim.statement, claim.quote)
    if claim.quote and not full:
        if quote_covers(claim):
            return fmt("“{}”", claim.quote)
        return fmt("{} “{}”", claim.statement, claim.quote)  # the claim, then its remark
    return escape(claim.statement)


def claim_words(claim: ClaimView, full: bool = False, both: bool = False) -> Html:
    """What an answer shows of a claim's words in the current answer's language."""
    original = original_words(claim, full, both)
    language = wording.language()
    if language == "en":
        return original
    said_in = detect(claim.quote or claim.statement).value
    marked = fmt(_(ORIGINAL), text=original, language=language_name(said_in, wording.locale()))
    # The editors' translation is of the quote: not of the fuller statement.
    translated = (
        None
        if claim.quote and (full or both or not quote_covers(claim))
        else claim.translations.get(language)
    )
    if translated is None:
        return marked
    return fmt("{} — {}", fmt(_(TRANSLATION), text=translated), marked)
