"""The reader's vocabulary: cue patterns (cues.json), country and month names (CLDR via
Babel), and how a report's text falls into paragraphs and sentences."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale

DATA = Path(__file__).with_name("cues.json")
# Short forms a sentence boundary must not split ("U.S.", "Mr.").
ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|St|No|Jr|Sr|Gen|Col)\.)$")
# A sentence ends at . ! ? (and any closing quote) before a capital, a digit or a letter
# of another script.
BOUNDARY = re.compile(r"(?<=[.!?])[\"”’')]*\s+(?=[\"“‘'(]?(?:[A-Z0-9]|[^\x00-\x7f]))")


@dataclass(frozen=True)
class Lexicon:
    caveat: re.Pattern[str]
    anonymous: re.Pattern[str]
    periods: tuple[tuple[str, re.Pattern[str]], ...]
    bases: tuple[tuple[str, re.Pattern[str]], ...]
    also_family: re.Pattern[str]
    changes: tuple[tuple[str, re.Pattern[str]], ...]
    deadline: re.Pattern[str]
    sectors: re.Pattern[str]
    source: re.Pattern[str]
    back_reference: re.Pattern[str]
    month_day: re.Pattern[str]
    full_date: re.Pattern[str]
    months: dict[str, int]
    countries: dict[str, str]  # CLDR English name -> alpha-2 (and demonyms from cues)
    country_names: re.Pattern[str]
    demonyms: dict[str, str]
    home_countries: frozenset[str]
    not_places: frozenset[str]


def _rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _pairs(rows: list[list[str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, _rx(pattern)) for name, pattern in rows)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    english = Locale.parse("en")
    months = {str(name): number for number, name in english.months["format"]["wide"].items()}
    month_names = "|".join(months)
    countries = {
        str(name): code
        for code, name in english.territories.items()
        if len(code) == 2 and code.isalpha()
    }
    heads = "|".join(data["source_heads"])
    verbs = "|".join(data["attribution_verbs"])
    # "A source in Russia told Daily NK", "an official of a trading company in Dandong,
    # China, told RFA's Korean Service": an indefinite source and who it spoke to.
    source = re.compile(
        rf"\b(?P<name>(?:[Aa]n?|[Oo]ne|[Tt]wo|[Ss]everal) (?:[\w-]+ ){{0,3}}?(?:{heads})"
        rf"(?: (?:of|in|at|from|with|close to|for) [^,.;\"“”]+?)*?)"
        rf"(?:, (?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+)?),)? (?:{verbs})\b"
        rf"(?: (?P<to>[A-Z][\w'’.&-]*(?: (?:[A-Z][\w'’.&-]*))*))?"
    )
    back_reference = re.compile(
        rf"\b[Tt]he (?:(?P<adjective>[A-Z][a-z]+) )?(?P<head>{heads})"
        rf"(?: in (?P<where>[A-Z][a-z]+))?(?=[ ,.])"
    )
    deadline = data["deadline"].replace("MONTHS", month_names)
    return Lexicon(
        caveat=_rx(data["caveat"]),
        anonymous=_rx(data["anonymous"]),
        periods=_pairs(data["periods"]),
        bases=_pairs(data["bases"]),
        also_family=_rx(data["also_family"]),
        changes=_pairs(data["changes"]),
        deadline=re.compile(deadline),
        sectors=re.compile(
            r"\b(" + "|".join(re.escape(s) for s in data["sectors"]) + r")\b(?= (?:workers?|plants?"
            r"|factor(?:y|ies)|compan(?:y|ies)|sites?|firms?|laborers?|labourers?))"
        ),
        source=source,
        back_reference=back_reference,
        month_day=re.compile(rf"\b(?P<month>{month_names}) (?P<day>\d{{1,2}})\b(?!,? \d{{4}})"),
        full_date=re.compile(
            rf"\b(?:(?P<month>{month_names}) (?P<day>\d{{1,2}}),? (?P<year>\d{{4}})"
            rf"|(?P<day2>\d{{1,2}}) (?P<month2>{month_names}),? (?P<year2>\d{{4}})"
            rf"|(?P<iso>\d{{4}}-\d{{2}}(?:-\d{{2}})?)"
            rf"|(?P<month3>{month_names}),? (?P<year3>\d{{4}}))\b"
        ),
        months=months,
        countries=countries,
        country_names=re.compile(
            r"\b("
            + "|".join(re.escape(n) for n in sorted(countries, key=len, reverse=True))
            + r")\b"
        ),
        demonyms=dict(data["demonyms"]),
        home_countries=frozenset(data["home_countries"]),
        not_places=frozenset(data["not_places"]),
    )


def paragraphs(text: str) -> list[str]:
    """Blocks separated by blank lines, each joined into one line."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [" ".join(line.strip() for line in b.splitlines() if line.strip()) for b in blocks]


def sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph (a quote's closing mark stays with its sentence)."""
    found: list[str] = []
    start = 0
    for boundary in BOUNDARY.finditer(paragraph):
        piece = paragraph[start : boundary.start()].rstrip("\"”’') ")
        if ABBREVIATION.search(piece):
            continue
        found.append(paragraph[start : boundary.start()].strip())
        start = boundary.end()
    last = paragraph[start:].strip()
    if last:
        found.append(last)
    return found
