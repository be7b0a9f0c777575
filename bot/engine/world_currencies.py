"""Every currency CLDR knows, as a currency and never as a place: its names in English and
their plural forms ("Singapore dollars", "Nigerian naira"), its ISO code where the code is
no English word ("SGD", "AUD"; not "ALL" or "TOP"), the last word of its name where that word
is no English word or is a plural only a currency has ("naira", "ringgit", "pesos"), and an
unknown word before a currency's unit ("aussie dollars"). In Russian, Chinese and Korean,
CLDR's names of the same currencies and, for the spaced languages, their unit words
("рупия", "엔화") are glossed to the English code or unit, which the English tables read.

The reports' own currencies (RUB, CNY, USD) are the store's aliases and are left out here: a
question in one of them is about the quota, not a currency the reports do not use.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import babel
from babel.numbers import get_currency_name, get_territory_currencies

from bot.engine.cldr_names import cldr_locale, currency_names
from bot.engine.gazetteer import known_place, ordinary_english
from bot.engine.vocabulary import Attribute, Cue, load
from db.textfold import fold

# The reports' own currencies: the store names them (lexicon.STORE_CURRENCIES).
REPORT_CURRENCIES = frozenset({"RUB", "CNY", "USD"})
# Unit words are the last word of a name; Chinese and Korean names written without spaces
# ("新加坡元") hold none that can be split off.
_SPACED = frozenset({"en", "ru", "ko"})
# The shortest unit word taken alone, per language: "лев" and "솜" are words too.
_SHORTEST_UNIT = {"en": 3, "ru": 4, "ko": 2}
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


@lru_cache(maxsize=1)
def _codes() -> list[str]:
    """The currencies some territory uses today, by CLDR (no "German mark", no gold)."""
    codes: set[str] = set()
    for territory in babel.Locale.parse("en").territories:
        try:
            codes.update(get_territory_currencies(str(territory), tender=True))
        except Exception:  # a grouping of territories ("001"): none of its own
            continue
    return sorted(codes)


def _current(name: str) -> bool:
    """ "Russian ruble (1991–1998)", "Chinese yuan (offshore)": not the currency a person means."""
    return "(" not in name


def _label(code: str) -> str:
    return f"{get_currency_name(code, count=2, locale=cldr_locale('en'))} ({code})"


@lru_cache(maxsize=1)
def report_unit_words() -> frozenset[str]:
    """The unit words of the reports' own currencies in every language ("dollars", "рубль",
    "달러"): a qualifier before one of them names no other currency by itself."""
    found: set[str] = set()
    for code in REPORT_CURRENCIES:
        for language in ("en", "ru", "zh", "ko"):
            for name in currency_names(code, language):
                found.add(fold(name).split()[-1])
    return frozenset(found)


@lru_cache(maxsize=1)
def _english() -> tuple[dict[str, str], frozenset[str]]:
    """English phrases of the currencies the reports do not use, each with its label, and
    every currency's unit words (the reports' own too: "dollars", "rubles")."""
    phrases: dict[str, str] = {}
    units: dict[str, set[str]] = {}
    for code in _codes():
        names = {fold(n) for n in currency_names(code, "en") if _current(n)}
        for name in names:
            units.setdefault(name.split()[-1], set()).add(code)
        if code in REPORT_CURRENCIES or not names:
            continue
        for name in sorted(names):
            phrases.setdefault(name, _label(code))
        if not ordinary_english(code.lower()):
            phrases.setdefault(code.lower(), _label(code))
    own = report_unit_words()
    plurals = {unit for unit in units if unit.endswith("s") and unit[:-1] in units}
    for unit, codes in sorted(units.items()):
        if unit in own or unit in phrases or known_place(unit):
            continue
        # "naira", "ringgit"; of English words only a currency's plural ("pesos", "francs").
        if ordinary_english(unit) and unit not in plurals:
            continue
        phrases[unit] = _label(next(iter(codes))) if len(codes) == 1 else unit
    return phrases, frozenset(units)


def english_currency_phrases() -> dict[str, str]:
    """Folded English phrase -> how the answer names the currency ("singapore dollars" ->
    "Singapore dollars (SGD)"; a unit word several currencies share, "pesos", as itself)."""
    return _english()[0]


def shown(phrase: str) -> str:
    """How the answer names a currency read by ``phrase`` ("sgd" -> "Singapore dollars
    (SGD)"); a phrase no table labels ("aussie dollars") as typed."""
    return english_currency_phrases().get(phrase, phrase)


def add_phrases(phrases: dict[str, list[tuple[str, str]]]) -> frozenset[str]:
    """The English reader's phrase table gets every currency the reports do not use, as
    the other-currency attribute, where no cue of its own has the phrase; the phrases added
    are returned, to be left out of the typo targets ("medical" is no "metical")."""
    other = (str(Cue.ATTRIBUTE), str(Attribute.OTHER_CURRENCY))
    added = frozenset(name for name in english_currency_phrases() if name not in phrases)
    for name in added:
        phrases[name] = [other]
    return added


def unit_words() -> frozenset[str]:
    """Every currency's unit words in English, singular and plural ("dollar", "naira")."""
    return _english()[1]


def qualified_currencies(text: str, is_known: frozenset[str] | set[str]) -> list[str]:
    """ "in aussie dollars", "bajan dollar": a word no table and no English dictionary knows
    right before a currency's unit word names a currency, as typed; a known or English word
    ("us dollars", "russian rubles", "million rubles", "the dollars") does not."""
    tokens = _WORD.findall(fold(text))
    units = unit_words()
    found: list[str] = []
    for before, unit in itertools.pairwise(tokens):
        # (No English word: "million rubles", "k rubles", "more dollars".)
        if unit not in units or before in is_known or before in units or len(before) < 3:
            continue
        if not ordinary_english(before):
            name = f"{before} {unit}"
            if name not in found:
                found.append(name)
    return found


@lru_cache(maxsize=4)
def glosses(language: str) -> dict[str, str]:
    """A language's CLDR names of the currencies the reports do not use, each glossed to the
    English phrase the English tables read it by: the code where the code is no English word
    ("sgd"), else the English name; in Russian and Korean also the unit word, where one
    currency has it ("найра", "엔화")."""
    english = english_currency_phrases()
    found: dict[str, str] = {}
    units: dict[str, set[str]] = {}
    own = report_unit_words()
    for code in _codes():
        if code in REPORT_CURRENCIES:
            continue
        gloss = code.lower() if code.lower() in english else fold(_label(code).rsplit(" (", 1)[0])
        if gloss not in english:
            continue
        for name in currency_names(code, language):
            if _current(name):
                found.setdefault(fold(name), gloss)
        # The unit word of the name in the singular, of two words ("индийская рупия"), where
        # English reads its unit alone too ("rupees"; not "gold", "rand": "золотой", "랜드"),
        # and no name of a place ("доллар Намибии").
        parts = str(cldr_locale(language).currencies.get(code, "")).split()
        if language not in _SPACED or len(parts) != 2 or parts[1][:1].isupper():
            continue
        if len(parts[1]) >= _SHORTEST_UNIT[language] and _reads_alone(_english_unit(gloss)):
            units.setdefault(fold(parts[1]), set()).add(gloss)
    for unit, meant in units.items():
        if unit in own or unit in found:
            continue
        if len(meant) == 1:
            found[unit] = next(iter(meant))
            continue
        # "рупия" (INR, IDR): the English unit most of them share ("rupees"), where one does.
        shared = Counter(_english_unit(gloss) for gloss in meant).most_common(1)[0][0]
        if _reads_alone(shared):
            found[unit] = shared
    return found


def _reads_alone(unit: str) -> bool:
    """Whether the English tables read a currency's unit word by itself ("rupees", "yen")."""
    return unit in english_currency_phrases() or unit in load("en").other_currencies


def _english_unit(gloss: str) -> str:
    """The plural unit word of an English gloss ("inr" -> "rupees", "argentine pesos" ->
    "pesos")."""
    label = english_currency_phrases().get(gloss, gloss)
    return fold(label.rsplit(" (", 1)[0]).split()[-1]


def store_currency_phrases(codes: frozenset[str]) -> dict[str, set[str]]:
    """Folded English phrases -> the codes of the currencies the store's own claims use
    beyond the reports' first ones ("qatari riyals", "qar", "riyals" -> QAR): a question in
    a report's own currency asks about its figures, not about a currency no report uses.
    A unit word the reports' first currencies have ("dollars" of NAD) is left out; the
    English unit another language's unit word is glossed to ("риал" -> "rials") is added."""
    found: dict[str, set[str]] = {}
    own = report_unit_words()
    for code in sorted(codes - REPORT_CURRENCIES):
        names = {fold(n) for n in currency_names(code, "en") if _current(n)}
        if not names:
            continue
        phrases = set(names)
        phrases.update(name.split()[-1] for name in names if name.split()[-1] not in own)
        if not ordinary_english(code.lower()):
            phrases.add(code.lower())
        for language in ("ru", "ko"):
            table = glosses(language)
            for name in currency_names(code, language):
                gloss = table.get(fold(name).split()[-1])
                if gloss and gloss not in own and " " not in gloss:
                    phrases.add(gloss)  # "rials", "francs": the unit alone
        for phrase in phrases:
            found.setdefault(phrase, set()).add(code)
    return found


def add_store_currencies(
    phrases: dict[str, list[tuple[str, str]]], claims: Iterable[Any]
) -> frozenset[str]:
    """The phrase table reads the store's own currencies (``store_currency_phrases``) as
    currencies of the reports; the currencies are returned (a new one rebuilds the reader)."""
    claims = tuple(claims)
    codes = frozenset(c.currency for c in claims if getattr(c, "currency", None))
    other = (str(Cue.ATTRIBUTE), str(Attribute.OTHER_CURRENCY))
    table = store_currency_phrases(codes)
    for phrase, code in country_unit_phrases(claims).items():
        table.setdefault(phrase, set()).add(code)
    for phrase, found in table.items():
        entries = [e for e in phrases.get(phrase, ()) if e != other]
        entries += [
            ("currency", code) for code in sorted(found) if ("currency", code) not in entries
        ]
        phrases[phrase] = entries
    return codes


def country_unit_phrases(claims: Iterable[Any]) -> dict[str, str]:
    """ "fiji dollars", "namibia dollars": the name of a country a stored figure is for
    before the unit of that figure's own currency (beyond the reports' first ones), which
    CLDR names by an adjective only ("Fijian dollars"); "dollars" alone stays US dollars."""
    names = babel.Locale.parse("en").territories
    found: dict[str, str] = {}
    pairs = {(c.country, c.currency) for c in claims if getattr(c, "currency", None)}
    for country, code in sorted(pairs, key=str):
        if not country or code in REPORT_CURRENCIES or country not in names:
            continue
        units = {fold(n).split()[-1] for n in currency_names(code, "en") if _current(n)}
        for unit in units:
            found.setdefault(f"{fold(names[country])} {unit}", code)
    return found
