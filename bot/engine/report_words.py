"""A report's own words inside an answer in another language: kept as the report gave them
and marked as the original, the way ``originals.py`` marks a statement no editor translated.

Issue 12: a new report arrives with no editors' translations. Its source descriptions ("a
restaurant worker in Dubai"), the words it uses for whom a figure is per ("each painter"),
its sector words and its topic names are the report's, not the engine's: in a Russian,
Chinese or Korean answer they stay in English, quoted and marked "(original, English)",
never machine-translated. A name (an outlet, "Test Bulletin") is no description and is
shown as it is; a word already in the answer's script is shown as it is too. English
answers are unchanged.
"""

from __future__ import annotations

import re

from bot.engine import wording
from bot.engine.language import script_of
from bot.engine.originals import ORIGINAL, language_name
from bot.engine.wording import _

# A word written in lower case ("a", "made-up", "recruiter"): a description, not a name.
_LOWER_WORD = re.compile(r"(?:^|[\s(])[a-z][a-z'’\-]*\b")
# An abbreviation in capitals, shown as it is.
_ABBREVIATION = re.compile(r"[A-Z]{2,5}")


def is_description(text: str) -> bool:
    """ "a made-up restaurant worker in Dubai", "Batbayar Test, a recruiter": words that
    describe; "Test Bulletin", "Daily NK", "RFA": a name, shown as it is."""
    return bool(_LOWER_WORD.search(text))


def in_answer_script(text: str, language: str) -> bool:
    """Every letter of ``text`` is of the answer language's script (a stored alias or an
    editor's word: "Сахалин", "萨哈林"); digits and marks aside."""
    scripts = [script_of(char) for char in text if char.isalpha()]
    return bool(scripts) and all(s is not None and s.value == language for s in scripts)


def as_original(text: str) -> str:
    """``text`` as the report gave it, quoted and marked as the original in an answer in
    another language ("“each painter” (оригинал, английский)"); as it is in English, or
    when it is written in the answer's own script already."""
    language = wording.language()
    if language == "en" or not text.strip() or in_answer_script(text, language):
        return text
    if _ABBREVIATION.fullmatch(text):
        return text  # "IT", "RFA": an abbreviation reads in every language
    said_in = "en"
    for char in text:
        script = script_of(char)
        if script is not None:
            said_in = script.value
            break
    return _(ORIGINAL).format(text=f"“{text}”", language=language_name(said_in, wording.locale()))


def described(name: str, shown: str) -> str:
    """A source's name as an answer shows it: ``shown`` (an editor's or the data's name in
    the answer's language) when there is one, else a description marked as the report's
    words, else the name as stored."""
    if shown != name or not is_description(name):
        return shown
    return as_original(name)
