"""The Russian, Chinese and Korean cue words (vocabulary/ru.json, zh.json, ko.json), read
into the same phrase entries as the English file's: the same Intent, Attribute and
Operation values, plus subjects (places, countries, currencies, sectors, topics) that the
store's aliases do not yet hold, places the reports do not cover, and country names from
CLDR in that language (Babel), so "кувейт", "越南", "베트남" are countries like "kuwait".

Terms are written as people write them; each is put through the language's analysis
(bot/engine/analysis.py) once, when the language is first met, so "на сахалине" and
"сахалин" are one key.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from bot.engine.cldr_names import currency_names, exemplar_cities
from bot.engine.countries import SUBJECT_COUNTRY
from bot.engine.language import Language
from bot.engine.named_places import PlaceFrames
from bot.engine.numerals import (
    month_numbers,
    numeral_pattern,
    quarter_words,
    scaled_pattern,
)
from bot.engine.vocabulary import FOLDER, Attribute, Cue, Intent, Operation, format_asks
from bot.engine.world_currencies import glosses as world_glosses
from db.textfold import fold
from db.validation import country_names

SUBJECT_KINDS = ("place", "country", "currency", "sector", "topic")
# The report's subject is no country it reports figures for ("кндр", "북한", "朝鲜").


@dataclass(frozen=True)
class Lexicon:
    language: Language
    # (term, kind, value) as written; the caller analyses the term.
    entries: tuple[tuple[str, str, str], ...]
    # Korean particles and endings, longest first.
    suffixes: tuple[str, ...]
    # Where one message holds two questions ("сколько и с какой даты", "多少，几号").
    split: re.Pattern[str] | None
    # A span of time ("3 года", "三年", "3년"): count and unit; unit -> months.
    duration: re.Pattern[str] | None
    units: dict[str, int]
    numbers: dict[str, int]
    # "124 тыс", "6.2万", "9만": a figure and its scale word, read as one figure.
    scaled: re.Pattern[str] | None
    scales: dict[str, int]
    # Numerals with a scale ("三千四", "十二万四千"): their pattern and values.
    numeral: re.Pattern[str] | None
    numerals: dict[str, int]
    # A date written the language's way ("5 марта", "3月5日"), groups "month" and "day".
    date: re.Pattern[str] | None
    months: dict[str, int]
    # A number of workers ("10 рабочих", "10个工人", "10명"), group "count".
    headcount: re.Pattern[str] | None
    # Words read as an English cue of en.json ("евро" -> "eur", "원화" -> "krw"), so the
    # answer names the currency as the English vocabulary does; as written, not analysed.
    glosses: dict[str, str]
    # Words read as English search words over the claims' text ("копейка" -> "penny").
    search_terms: dict[str, str]
    # Rewrites of the analysed (lemma) text before the phrase lookup: a pattern over lemmas
    # and what it becomes ("сколько северокорейский рабочий" -> "сколько рабочий"), so a
    # cue holds with the words people put inside it, in any inflection.
    rules: tuple[tuple[re.Pattern[str], str], ...] = ()
    # Words around a figure as the English figure reader reads them ("я получаю" -> "i
    # make", "1000 долларов" -> "1000 dollars"): the asker's own pay, a figure's currency.
    figure_words: tuple[tuple[re.Pattern[str], str], ...] = ()
    # Constructions read over a whole part (Chinese word order: "工人自己怎么说", "哪家…厂"):
    # pattern, cue kind, value, and whether the words it matched are read no further.
    patterns: tuple[tuple[re.Pattern[str], str, str, bool], ...] = ()
    # Words around a gazetteer's name that call it a place ("в", "在", "에서"): named_places.py.
    place_frames: PlaceFrames = field(default_factory=PlaceFrames)


@lru_cache(maxsize=4)
def load_lexicon(language: Language) -> Lexicon:
    data: dict[str, Any] = json.loads((FOLDER / f"{language}.json").read_text(encoding="utf-8"))
    entries: list[tuple[str, str, str]] = []

    def add(term: str, kind: str, value: str) -> None:
        entries.append((fold(term), kind, value))

    for name, cues in data.get("intents", {}).items():
        intent = Intent(name)
        for term in cues.get("strong", ()):
            add(term, Cue.INTENT, intent)
        for term in cues.get("weak", ()):
            add(term, Cue.WEAK_INTENT, intent)
    for term in format_asks(str(language)):  # "в таблице", "表格", "요약": a list
        add(term, Cue.INTENT, Intent.LIST)
    for name, terms in data.get("attributes", {}).items():
        attribute = Attribute(name)
        for term in terms:
            add(term, Cue.ATTRIBUTE, attribute)
    for name, terms in data.get("operations", {}).items():
        operation = Operation(name)
        for term in terms:
            add(term, Cue.OPERATION, operation)
    plain: list[tuple[str, Cue]] = [
        ("domain_words", Cue.DOMAIN),
        ("question_words", Cue.QUESTION_WORD),
        ("change_verbs", Cue.CHANGE_ASKED),
        ("now_words", Cue.NOW),
        ("before_words", Cue.BEFORE),
        ("role_play_cues", Cue.ROLE_PLAY),
        ("ordinary_words", Cue.PLAIN),
        ("pair_words", Cue.PAIR),
    ]
    for key, cue in plain:
        for term in data.get(key, ()):
            add(term, cue, "")
    for topics, terms in data.get("topic_words", {}).items():
        for term in terms:
            add(term, Cue.TOPIC, topics)
    # Question words that point to a topic ("зачем", "为啥", "왜"): weak, as in English,
    # counted only when something else in the message is on topic.
    for term, topic in data.get("weak_topics", {}).items():
        add(term, "weak_topic", topic)
    for term in data.get("weak_domain_words", ()):
        add(term, Cue.WEAK_DOMAIN, "")
    for term in data.get("people_pronouns", ()):
        add(term, Cue.PEOPLE_PRONOUN, "")
    for term in data.get("off_topic_words", ()):
        add(term, Cue.OFF_TOPIC, "")
    for term, factor in data.get("change_words", {}).items():
        add(term, Cue.CHANGE_FACTOR, str(factor))
    for term, shown in data.get("elsewhere", {}).items():
        add(term, Cue.REGION, shown)
    for kind, terms in data.get("subjects", {}).items():
        if kind not in SUBJECT_KINDS:
            raise ValueError(f"{language}.json: unknown subject kind {kind!r}")
        for term, value in terms.items():
            add(term, kind, value)
    # Words that are place names to CLDR but ordinary words too ("건지": Guernsey, "whether").
    cities = data.get("cities", {})
    not_places = {fold(name) for name in cities.get("not_places", ())}
    for code, name in country_names(str(language)).items():
        if code != SUBJECT_COUNTRY and fold(name) not in not_places:
            add(name, "any_country", code)
    # Cities CLDR names time zones after, in this language ("哈巴罗夫斯克" is listed by hand,
    # "伊尔库茨克", "노보시비르스크", "Иркутск" come from here): places the report does not cover.
    not_cities = not_places | {fold(name) for name in country_names(str(language)).values()}
    covered = {*data.get("subjects", {}).get("place", {}).values(), *cities.get("subject", ())}
    shortest = cities.get("min_letters", 2)
    for name, shown in exemplar_cities(str(language)).items():
        if len(name) >= shortest and fold(name) not in not_cities and shown not in covered:
            add(name, Cue.REGION, shown)
    # Currency names from CLDR in this language, every plural form ("российских рублей").
    for code in STORE_CURRENCIES:
        for name in currency_names(code, str(language)):
            add(name, "currency", code)
    if data.get("spaceless_terms"):  # Korean written without spaces: "몇명", "한달", "세배"
        entries += [(t.replace(" ", ""), k, v) for t, k, v in entries if " " in t]
    glosses = {fold(k): v for k, v in data.get("glosses", {}).items()}
    for code in OTHER_CURRENCIES:
        for name in currency_names(code, str(language)):
            glosses.setdefault(fold(name), code.lower())
    for name, gloss in world_glosses(str(language)).items():  # "泰铢", "рупия", "엔화"
        glosses.setdefault(name, gloss)
    suffixes = sorted((fold(s) for s in data.get("suffixes", ())), key=len, reverse=True)
    spans = data.get("durations", {})
    return Lexicon(
        language,
        tuple(entries),
        tuple(suffixes),
        re.compile(data["split"]) if data.get("split") else None,
        re.compile(spans["pattern"]) if spans else None,
        {fold(k): int(v) for k, v in spans.get("units", {}).items()},
        {fold(k): int(v) for k, v in spans.get("numbers", {}).items()},
        scaled_pattern(data.get("scales", {})),
        {fold(k): int(v) for k, v in data.get("scales", {}).items()},
        numeral_pattern(data.get("numerals", {})),
        {k: int(v) for k, v in data.get("numerals", {}).items()},
        re.compile(data["date_pattern"]) if data.get("date_pattern") else None,
        month_numbers(str(language)),
        re.compile(data["headcount_pattern"]) if data.get("headcount_pattern") else None,
        glosses,
        {fold(k): fold(v) for k, v in data.get("search_terms", {}).items()},
        tuple((re.compile(r["lemmas"]), r["read_as"]) for r in data.get("lemma_rules", ())),
        tuple((re.compile(r["words"]), r["read_as"]) for r in data.get("figure_words", ()))
        + quarter_words(str(language), FOLDER),
        tuple(
            (re.compile(item["pattern"]), item["cue"], item["value"], item.get("consume", False))
            for item in data.get("patterns", ())
        ),
        PlaceFrames.of(data.get("place_frames", {})),
    )


# The quota currencies (the store's aliases name them by ISO code) and the others the
# English vocabulary knows by code (en.json other_currencies: "krw", "eur", ...).
STORE_CURRENCIES = ("RUB", "CNY", "USD")
OTHER_CURRENCIES = ("KRW", "KPW", "EUR", "JPY", "GBP", "TWD", "HKD", "AUD", "SGD", "CAD")


def analysed_entries(
    lexicon: Lexicon, analyse_term: Callable[[str], str]
) -> dict[str, list[tuple[str, str]]]:
    """The lexicon's entries keyed on the analysed form of each term."""
    phrases: dict[str, list[tuple[str, str]]] = {}
    for term, kind, value in lexicon.entries:
        key = analyse_term(term)
        if not key:
            continue
        found = phrases.setdefault(key, [])
        if (kind, value) not in found:
            found.append((kind, value))
    return phrases


def term_key(term: str, language: Language) -> str:
    """A cue word or alias as the phrase tables key it: its Russian lemmas, its simplified
    Chinese characters, a Korean term as written."""
    from bot.engine.analysis import analyse, simplified

    if language is Language.RU:
        return " ".join(analyse(term, language, ()).tokens)
    if language is Language.ZH:
        return simplified(term)
    return term


_analysing = {language: threading.Lock() for language in Language}
_analysed: dict[Language, tuple[dict[str, list[tuple[str, str]]], dict[str, str]]] = {}


def analysed_lexicon(
    language: Language,
) -> tuple[dict[str, list[tuple[str, str]]], dict[str, str]]:
    """A language's cue entries keyed on their analysed forms, and its glosses (analysed
    term -> English cue): the same for every engine, so worked out once a process (in the
    start-up warm-up's thread, else on the first question in the language; a question
    asking meanwhile waits for it). Callers copy before changing anything."""
    if language not in _analysed:
        with _analysing[language]:
            if language not in _analysed:
                lexicon = load_lexicon(language)
                cues = analysed_entries(lexicon, lambda term: term_key(term, language))
                glossed = {
                    term_key(term, language): gloss for term, gloss in lexicon.glosses.items()
                }
                _analysed[language] = (cues, glossed)
    return _analysed[language]
