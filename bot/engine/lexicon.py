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

import copy
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from bot.engine.cldr_names import currency_names, exemplar_cities
from bot.engine.countries import SUBJECT_COUNTRY
from bot.engine.cyrillic_places import stored_place
from bot.engine.language import Language
from bot.engine.latin_cities import record as record_latin_cities
from bot.engine.local_names import regions_by_name
from bot.engine.named_places import PlaceFrames, named_places, ordinary_use, shown_name
from bot.engine.numerals import (
    english_date,
    month_numbers,
    numeral_pattern,
    numeral_value,
    quarter_words,
    scaled_pattern,
    scaled_value,
)
from bot.engine.other_script_words import has_cyrillic, russian_words_out
from bot.engine.plain_places import ordinary_reading, teller_places
from bot.engine.script_places import script_places, sounded_chinese
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


# A figure glued to the Han or Hangul word before it.
_GLUED_FIGURE = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff\uac00-\ud7a3])(?=\d)")

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


class LanguageTables:
    """The hook of an Understander (built per snapshot) for Russian, Chinese and Korean.

    ``prepare`` adds a language's phrases to the understander's tables on the first question
    in it (the store's aliases in that script too, analysed the same way); ``read`` gives a
    part of a message as the analysed text the phrase lookup reads, and records the places
    the analysis found that no table knows. English passes through untouched.
    """

    def __init__(self, understander: Any) -> None:
        self._understander = understander
        self._ready: dict[Language, Lexicon] = {}
        # (analysed term, English cue) per language, longest first.
        self._glossed: dict[Language, list[tuple[str, str]]] = {}
        # (analysed term, English search words) per language.
        self._searched: dict[Language, list[tuple[str, str]]] = {}
        # Every word of the phrases the tables know, per language.
        self._words: dict[Language, frozenset[str]] = {}

    def bound_to(self, understander: Any) -> LanguageTables:
        """These tables for a refreshed copy of the understander: what a later language
        adds (its phrases, and dropping the cached ``known_words``) goes to the copy."""
        tables = copy.copy(self)
        tables._understander = understander
        tables._ready, tables._glossed = dict(self._ready), dict(self._glossed)
        tables._searched, tables._words = dict(self._searched), dict(self._words)
        return tables

    def prepare(self, language: Language) -> None:
        if language is Language.EN or language in self._ready:
            return
        from bot.engine.analysis import teach_chinese

        lexicon = load_lexicon(language)
        understander = self._understander
        phrases: dict[str, list[tuple[str, str]]] = understander._phrases
        cues, glossed = analysed_lexicon(language)
        added = {term: list(entries) for term, entries in cues.items()}
        # The store's aliases in this language's script ("рублей" -> "рубль").
        for term, entries in list(phrases.items()):
            if not term.isascii() and detect_script(term) is language:
                analysed = term_key(term, language)
                if analysed != term:
                    added.setdefault(analysed, []).extend(entries)
        for term, entries in added.items():
            found = phrases.setdefault(term, [])
            for entry in entries:
                if entry not in found:
                    found.append(entry)
            first, *rest = term.split(" ")
            longest = understander._longest_from
            longest[first] = max(longest.get(first, 1), 1 + len(rest))
        if language is Language.ZH:
            teach_chinese([term for term in phrases if detect_script(term) is Language.ZH])
        understander.__dict__.pop("known_words", None)
        # The typo corrector keeps the store's words (its Cyrillic aliases: "сахолину" ->
        # "сахалин"); rebuilding it with the cue words too cost 0.3 s at 100,000 claims
        # and changed no answer of fresh_ru.json.
        for term in glossed:  # known words, so a Korean word is read as one ("식당에서")
            phrases.setdefault(term, [(Cue.PLAIN, "")])
        self._glossed[language] = sorted(glossed.items(), key=lambda item: -len(item[0]))
        searched = {
            term_key(term, language): english for term, english in lexicon.search_terms.items()
        }
        for term in searched:  # known words, so a Korean word is read as one ("죽도록")
            phrases.setdefault(term, [(Cue.PLAIN, "")])
        self._searched[language] = [(term, english) for term, english in searched.items() if term]
        if language is Language.ZH:
            teach_chinese([*glossed, *searched])
        self._words[language] = frozenset(w for term in phrases for w in term.split(" "))
        self._ready[language] = lexicon

    def split(self, pieces: list[str], language: Language) -> list[str]:
        """The parts of a message, cut further where this language joins two questions;
        a fragment of a word or two (a greeting, a filler) stays with the next part."""
        lexicon = self._ready.get(language)
        if lexicon is None or lexicon.split is None:
            return pieces
        result: list[str] = []
        carried = glue = ""
        for piece in pieces:
            # A short part is glued back with the word that cut it ("얼마야 그리고 월급은"), so
            # read_parts (segments.py) may cut there again when it asks something.
            cuts = [m for m in lexicon.split.finditer(piece) if m.end() > m.start()]
            starts, ends = [0, *(m.end() for m in cuts)], [*(m.start() for m in cuts), len(piece)]
            joins = ["", *(m.group() for m in cuts)]
            for start, end, join in zip(starts, ends, joins, strict=True):
                part = piece[start:end]
                if not carried:
                    glue = join if result else ""
                part = f"{carried}{join}{part}".strip() if carried else part
                if len(part.strip()) < 4 or (len(part.split()) == 1 and language is Language.RU):
                    carried = part
                    continue
                carried = ""
                result.append(part)
        if carried:
            if result:
                result[-1] = f"{result[-1]}{glue or ' ; '}{carried}"
            else:
                result.append(carried)
        return result or pieces

    def figures(self, piece: str, language: Language) -> str:
        """The part of a message with dates and scaled figures written as the English
        figure reader reads them ("5 марта" -> "march 5", "124 тыс" -> "124000", "6万2" ->
        "62000", "三千四" -> "3400"): bot/engine/numerals.py."""
        lexicon = self._ready.get(language)
        if lexicon is None:
            return piece
        if lexicon.date is not None:
            months = lexicon.months
            piece = lexicon.date.sub(lambda m: english_date(m, months), piece)
        if lexicon.numeral is not None:
            numerals = lexicon.numerals
            piece = lexicon.numeral.sub(lambda m: f" {numeral_value(m.group(), numerals)} ", piece)
        if lexicon.scaled is not None:
            scales = lexicon.scales
            piece = lexicon.scaled.sub(
                lambda m: f" {scaled_value(m, scales).normalize():f} ", piece
            )
        for pattern, replacement in lexicon.figure_words:
            piece = pattern.sub(replacement, piece)
        if lexicon.headcount is not None:  # "10명" -> "10 workers", as English is read
            piece = lexicon.headcount.sub(lambda m: f" {m.group('count')} workers ", piece)
        # "大连是5000元吗": Chinese and Korean put no space between a word and a figure.
        return _GLUED_FIGURE.sub(" ", piece)

    def read(self, piece: str, segment: Any) -> str:
        language = segment.language
        if language is Language.EN:
            return piece
        from bot.engine.analysis import analyse

        lexicon = self._ready[language]
        understander = self._understander
        typed = piece  # before the patterns read phrases out of it
        known = understander.known_words if language is Language.KO else understander._phrases
        if language is Language.RU:
            # A word of a known phrase is read as the phrase's key has it ("чем заниматься",
            # not "что заниматься"; "как долго действует", not "как долгий").
            known = _Either(known, self._words[language])
        for pattern, kind, value, consume in lexicon.patterns:
            if found := pattern.search(piece):
                if kind == "search":  # English words to search the claims' text for
                    segment.search_words.extend(value.split())
                else:
                    understander._record(segment, kind, value, found.group())
                if consume:  # its words are read as the pattern, not one by one
                    piece = f"{piece[: found.start()]} {piece[found.end() :]}"
        russian: list[str] = []
        if language is not Language.RU and has_cyrillic(piece):  # "大连那个 норма 是啥时候"
            self.prepare(Language.RU)
            piece, russian = russian_words_out(piece, lambda w: term_key(w, Language.RU))
        analysis = analyse(piece, language, known, lexicon.suffixes)
        # "находка есть?": a find; "我在义乌": the asker's place; "建筑队": builders
        analysis = ordinary_reading(analysis, language, lexicon.place_frames, understander, segment)
        if lexicon.duration is not None:
            for match in lexicon.duration.finditer(piece):
                count_word, unit = match.group(1), match.group(2)
                count = (
                    int(count_word) if count_word.isdigit() else lexicon.numbers.get(count_word, 1)
                )
                if count > 1 and unit in lexicon.units:
                    segment.months = count * lexicon.units[unit]
        frames, suffixes = lexicon.place_frames, lexicon.suffixes
        named = named_places(piece, analysis.tokens, language, known, frames, suffixes)
        keep = segment.keep_told  # "а у нас в Хабаровске тоже столько?": their place, asked
        tellers = frozenset() if keep else teller_places(analysis.tokens, frames)  # "我在义乌"
        for place in [p for p in [*analysis.places, *named] if p.casefold() not in tellers]:
            if inside_phrase(place.casefold(), analysis.tokens, understander):
                continue  # "ким чен ын": a word of a known name, not a place ("Чен")
            if ordinary_use(place, language, typed, analysis.places, frames, known):
                continue  # "《荒漠甘泉》", "朝阳群众", "没开封的": a title's or a plain word
            shown = shown_name(place) if language is Language.RU else place
            english = regions_by_name(str(language)).get(shown)
            if english is None and language is Language.RU:  # "в Тынде": the stored "Tynda"
                english = stored_place(shown, understander._seen["place"])
            if english is not None and understander.stored_places(english):
                understander._record(segment, Cue.REGION, english, place)  # "в Куала-Лумпуре"
                continue
            # A stored place no alias or CLDR name spells in this script: "под Тындой".
            sounded = script_places(frozenset(understander._seen["place"])).find(shown)
            if sounded is not None:
                understander._record(segment, Cue.REGION, sounded, place)
                continue
            if shown not in segment.unknown_places:
                segment.unknown_places.append(shown)
        if language is Language.ZH:  # "考纳斯": a name no gazetteer holds, by its sound
            stored = frozenset(understander._seen["place"])
            for word, place in sounded_chinese(analysis.tokens, understander._phrases, stored):
                understander._record(segment, Cue.REGION, place, word)
        analysed = " ".join([*analysis.tokens, *russian])
        for pattern, replacement in lexicon.rules:
            analysed = " ".join(pattern.sub(replacement, analysed).split())
        record_latin_cities(analysed, str(language), understander, segment)  # "london 할당량"
        spaced = f" {analysed} "
        for term, english in self._searched[language]:
            # Chinese: a term may sit inside a longer segment ("每日nk是什么").
            inside = language is Language.ZH and len(term) > 1 and term in analysed
            if inside or f" {term} " in spaced:
                segment.search_words.extend(english.split())
        for term, gloss in self._glossed[language]:
            if term in analysed:
                analysed = f" {analysed} ".replace(f" {term} ", f" {gloss} ").strip()
        return analysed


class _Either:
    """Membership in either of two collections, without copying them."""

    def __init__(self, first: Any, second: Any) -> None:
        self._first, self._second = first, second

    def __contains__(self, item: object) -> bool:
        return item in self._first or item in self._second


def inside_phrase(word: str, tokens: list[str], understander: Any) -> bool:
    """Whether ``word`` is read within a phrase of several words the tables know."""
    phrases, longest = understander._phrases, understander._longest_from
    for start, token in enumerate(tokens):
        size = longest.get(token, 1)
        for end in range(start + 2, min(start + size, len(tokens)) + 1):
            if word in tokens[start:end] and " ".join(tokens[start:end]) in phrases:
                return True
    return False


def detect_script(term: str) -> Language:
    from bot.engine.language import detect

    return detect(term)
