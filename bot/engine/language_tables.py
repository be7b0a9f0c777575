"""The Russian, Chinese and Korean tables of one understander (``LanguageTables``): a
language's analysed phrases added on the first question in it, and a part of a message
read as the analysed text the phrase lookup reads (the lexicons: lexicon.py)."""

from __future__ import annotations

import copy
import re
from typing import Any

from bot.engine.cyrillic_places import stored_place
from bot.engine.language import Language
from bot.engine.latin_cities import record as record_latin_cities
from bot.engine.lexicon import Lexicon, analysed_lexicon, load_lexicon, term_key
from bot.engine.local_names import regions_by_name
from bot.engine.named_places import named_places, ordinary_use, shown_name
from bot.engine.numerals import english_date, numeral_value, scaled_value
from bot.engine.other_script_words import has_cyrillic, russian_words_out
from bot.engine.plain_places import ordinary_reading, teller_places
from bot.engine.script_places import script_places, sounded_chinese
from bot.engine.vocabulary import Cue

# A figure glued to the Han or Hangul word before it.
_GLUED_FIGURE = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff\uac00-\ud7a3])(?=\d)")


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
