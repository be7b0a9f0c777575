"""Who says so, asked in any words: a part with an asking shape (a question mark, an
interrogative, a yes/no word) and a word of provenance — evidence or a basis ("what is this
based on", "пруфы?", "依据是什么", "근거"), a document or link behind it, a source named or
anonymous ("is it all anon", "有没有实名的消息来源"), whether the sources agree — asks where
the claims come from. What it asks besides ("named?", "any documents?", "do they agree?",
"was it on TV?") is kept as the kinds of the ask, so the answer says that too. Words per
language in ``vocabulary/sourcing_cues.json`` ("provenance"): English and Korean matched as
words and word starts, Russian by pymorphy3 lemmas, Chinese as jieba words (or longer words as
typed). source_aspects.py is the one place the reader asks.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from bot.engine.language import Language
from bot.engine.sourcing_cues import cue_section
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent

TERSE_WORDS = 4  # "пруфы, ссылки?", "evidence pls": a part this short asks
_TOKEN = re.compile(r"[^\W_][\w'’-]*|[?？]")


class Asked(StrEnum):
    """What a question about the sources asks besides who said it."""

    ORIGIN = "origin"  # where it comes from, on what it rests
    DOCUMENTS = "documents"  # a document, link or recording behind it
    NAMED = "named"  # whether a source is named
    AGREE = "agree"  # whether the sources agree with each other
    MEDIUM = "medium"  # whether television, radio or a paper carried it
    PLACE = "place"  # who said it of a place ("who says the windhoek stuff"): its sources


# What asks where the claims come from rather than what a source said ("what is the evidence").
ORIGIN_ASKED = frozenset({Asked.ORIGIN, Asked.DOCUMENTS, Asked.NAMED, Asked.AGREE})


def quoted_words(segment: Understanding) -> bool:
    """Whose words a quote is, asked with a word for a quote or for whose ("чья это цитата про
    'ни копейки не увидишь'", "чьи это слова, что хоть до смерти работай"): the statement the
    quote's words find, with its source, not only the list of sources; a provenance of where
    it comes from at most, and no outlet suggested."""
    whose = "whose" in segment.search_words or segment.source_words
    return whose and segment.provenance <= {Asked.ORIGIN} and not segment.suggested_outlets


@dataclass(frozen=True)
class _Words:
    asking: frozenset[str]
    kinds: dict[str, frozenset[str]]
    needs: dict[str, dict[str, frozenset[str]]]  # kind -> word -> words one of which it needs
    named_alone: frozenset[str]
    sources: frozenset[str]
    person: frozenset[str]
    asker: frozenset[str]  # the asker's own setting: "my essay", "论文"


_KINDS = ("origin", "documents", "named", "agree", "medium")


@lru_cache(maxsize=1)
def _words() -> dict[str, _Words]:
    # (NFKC, as questions are folded: "ㅊㅊ" is read as the initials "ᄎᄎ")
    raw = json.dumps(cue_section("provenance"), ensure_ascii=False)
    data = json.loads(unicodedata.normalize("NFKC", raw))
    out: dict[str, _Words] = {}
    for language, spec in data.items():
        if language.startswith("_"):
            continue
        needs = {
            "origin": {w: frozenset(n) for w, n in spec.get("origin_needs", {}).items()},
            "documents": {"*": frozenset(spec.get("documents_needs", ()))},
        }
        out[language] = _Words(
            frozenset(spec["asking"]),
            {kind: frozenset(spec[kind]) for kind in _KINDS},
            needs,
            frozenset(spec["named_alone"]),
            frozenset(spec["sources"]),
            frozenset(spec["person"]),
            frozenset(spec.get("asker", ())),
        )
    return out


@dataclass(frozen=True)
class Reading:
    """A part's words as the lists match them: single words (Russian lemmas, Chinese jieba
    words), and the text for phrases and longer words."""

    words: frozenset[str]
    text: str
    starts: tuple[str, ...]  # Korean: each word as typed, matched by its start

    def has(self, entry: str, language: Language) -> bool:
        if entry in self.words:
            return True
        if language is Language.KO:
            if " " in entry:
                return entry in self.text
            return any(word.startswith(entry) for word in self.starts)
        if language is Language.ZH:
            return len(entry) >= 2 and entry in self.text
        return " " in entry and f" {entry} " in f" {self.text} "

    def found(self, entries: frozenset[str], language: Language) -> set[str]:
        if language is Language.KO or language is Language.ZH:
            return {entry for entry in entries if self.has(entry, language)}
        # English and Russian: a word by a set intersection, only phrases looked for in
        # the text (the lists are long and a part short: most parts hold none of them).
        hits = set(entries & self.words)
        phrases = _phrases(entries)
        if phrases:
            padded = f" {self.text} "
            hits.update(p for p in phrases if f" {p} " in padded)
        return hits


@lru_cache(maxsize=256)
def _phrases(entries: frozenset[str]) -> tuple[str, ...]:
    """The entries of several words (a list's hash is kept by the frozenset)."""
    return tuple(entry for entry in entries if " " in entry)


@lru_cache(maxsize=4)
def _starts(language: str) -> frozenset[str]:
    """The first letters of every provenance word (Russian: three, as an inflected word
    and its lemma share them; English: the whole word; Chinese and Korean: the entry)."""
    words = _words()[language]
    entries = {e for kind in _KINDS for e in words.kinds[kind]}
    if language == "ru":
        return frozenset(w[:3] for e in entries for w in e.split())
    if language == "en":
        return frozenset(w for e in entries for w in e.split())
    return frozenset(entries)


def _may_ask(language: str, folded: str) -> bool:
    """A cheap first look: whether a part holds anything that could be a provenance word."""
    if language not in _words():
        return False
    starts = _starts(language)
    if language == "zh":
        from bot.engine.analysis import simplified

        folded = simplified(folded)  # "來源", "證據"
    if language in ("zh", "ko"):
        return any(entry in folded for entry in starts)
    tokens = _TOKEN.findall(folded)
    if language == "ru":
        return any(t[:3] in starts for t in tokens)
    return any(t in starts for t in tokens)


@lru_cache(maxsize=8192)
def _lemma(token: str) -> str:
    """A Russian word's pymorphy3 lemma (each word looked up once a process)."""
    from bot.engine.analysis import morph

    return str(morph().parse(token)[0].normal_form)


@lru_cache(maxsize=512)  # a part is read by several of the functions below
def read(language: Language, text: str) -> Reading:
    folded = unicodedata.normalize("NFKC", text).casefold()
    tokens = _TOKEN.findall(folded)
    if language is Language.RU:
        lemmas = {*tokens, *(_lemma(t) for t in tokens if t[0].isalpha())}
        return Reading(frozenset(lemmas), " ".join(tokens), ())
    if language is Language.ZH:
        from bot.engine.analysis import chinese_tokens, simplified

        marks = {t for t in tokens if t in "?？"}
        return Reading(frozenset(chinese_tokens(folded)) | marks, simplified(folded), ())
    if language is Language.KO:
        return Reading(frozenset(tokens), folded, tuple(folded.split()))
    return Reading(frozenset(tokens), " ".join(tokens), ())


def _kind_found(reading: Reading, words: _Words, kind: str, language: Language) -> bool:
    found = reading.found(words.kinds[kind], language)
    needs = words.needs.get(kind, {})
    if "*" in needs:  # "any docs?", "дата-поинты откуда": beside an asking word of its own
        return bool(found) and bool(reading.found(needs["*"], language))
    return any(w not in needs or reading.found(needs[w], language) for w in found)


def asked(language: Language, text: str) -> frozenset[Asked]:
    """What a part asks about where the claims come from (none when it asks nothing of it)."""
    words = _words().get(str(language))
    if words is None:
        return frozenset()
    if not _may_ask(str(language), unicodedata.normalize("NFKC", text).casefold()):
        return frozenset()  # (most parts: no word of provenance, not even a word's start)
    reading = read(language, text)
    # (A part's "?" is cut off by then, or left as ";"; a part of a few words is a request.)
    terse = len(text.split()) <= TERSE_WORDS or ";" in text
    if not (terse or reading.found(words.asking, language)):
        return frozenset()
    kinds = {Asked(k) for k in words.kinds if _kind_found(reading, words, k, language)}
    sources = bool(reading.found(words.sources, language))
    if Asked.NAMED in kinds and not (sources or reading.found(words.named_alone, language)):
        kinds.discard(Asked.NAMED)  # "what is it named": no source asked
    if Asked.AGREE in kinds and not sources:
        kinds.discard(Asked.AGREE)  # "do they agree to work": not the sources
    if not kinds & {Asked.ORIGIN, Asked.DOCUMENTS, Asked.NAMED, Asked.AGREE}:
        return frozenset()  # a medium alone ("was it on tv") is asked only beside the rest
    return frozenset(kinds)


def medium_asked(language: Language, text: str) -> bool:
    """ "по телевизору было?": a medium named, in a message that asks who says so."""
    words = _words().get(str(language))
    return words is not None and _kind_found(read(language, text), words, "medium", language)


def names_a_person(language: Language, text: str) -> bool:
    """ "chinese man?", "тоже человек из России?", "在俄罗斯那个人": a kind of person."""
    words = _words().get(str(language))
    return words is not None and bool(read(language, text).found(words.person, language))


def read_out(language: Language, text: str, kinds: Sequence[str] = ("documents", "medium")) -> str:
    """The part without its words for documents and media: read as what they ask of the
    sources, not as the workers' papers or another subject ("по телевизору")."""
    words = _words().get(str(language))
    if words is None:
        return text
    entries = sorted((e for k in kinds for e in words.kinds[k]), key=len, reverse=True)
    if language is Language.RU:
        kept = []
        for token in text.split():
            bare = token.casefold().strip("?!.,;:()«»\"'")
            lemma = _lemma(bare) if bare else bare
            if bare and (bare in entries or lemma in entries):
                kept.append(token[len(token.rstrip("?!.,;:")) :])  # its punctuation stays
            else:
                kept.append(token)
        return " ".join(t for t in kept if t) or text
    if language is not Language.EN:  # (Chinese and Korean words are read in longer cues)
        return text
    folded = text
    for entry in entries:
        folded = re.sub(rf"(?<![\w'’-]){re.escape(entry)}(?![\w'’-])", " ", folded, flags=re.I)
    return " ".join(folded.split()) if folded.split() else text


@lru_cache(maxsize=1)
def _credited_topics() -> frozenset[str]:
    return frozenset(cue_section("provenance").get("_credited_topics", ()))


def drop_if_credited(segment: Understanding) -> None:
    """A topic whose own claim says where it comes from (the photo's credit line): asked
    where that comes from, the claim answers, not the list of sources ("文章插图是从哪来的")."""
    if _credited_topics() & set(segment.topics):
        segment.provenance = frozenset()


def provenance_of(language: Language, piece: str) -> tuple[str, frozenset[str]]:
    """A part as the other readers read it (its words for documents and media read out when
    it asks who says so), and what it asks of the sources."""
    kinds = asked(language, piece)
    if not kinds:
        return piece, frozenset()
    return read_out(language, piece), frozenset(str(kind) for kind in kinds)


_PLAIN_ASKS = frozenset({Intent.QUOTA, Intent.USD, Intent.LIST})
# What a part asking where the claims come from does not ask besides, unless it names them.
_NOT_ASKED = frozenset({Intent.QUOTA, Intent.LIST, Intent.DATE})


def carry_sourcing(result: Understanding) -> Understanding:
    """ "who said it about dalian? a chinese man?", "источник 是谁？在俄罗斯那个人": a part
    naming only a kind of person (and a country) after a part asking who said it — or
    beside that ask in the same part — asks who said it too, of the earlier part's place
    when it named one, not that country's quota. A part asking where the claims come from
    asks no figure or date it does not name ("where did it originally come from")."""
    segments = result.segments
    for index, segment in enumerate(segments):
        before = segments[index - 1] if index else None
        sourcing = Intent.SOURCES in segment.intents
        follows = before is not None and Intent.SOURCES in before.intents
        person = (sourcing or follows) and names_a_person(segment.language, segment.text)
        if sourcing:
            # "who say? chinese man?", "who says the windhoek stuff": who said it of a place,
            # the place's sources (not a claim that happens to hold the place's name).
            only_place = set(segment.intents) <= {Intent.SOURCES} and not (
                segment.topics
                or segment.attributes
                or segment.report_words
                or segment.unmapped
                or segment.figures
                or segment.operations
            )
            placed = segment.places or segment.countries
            taken = segment.provenance or segment.quota_named
            if placed and (person or only_place) and not taken:
                segment.provenance = frozenset({str(Asked.PLACE)})
        elif before and Intent.SOURCES in before.intents and (also := _also_asked(segment)):
            # "any documents cited? like the text of the directive?", "по телевизору было?"
            segment.provenance = before.provenance | also | {str(Asked.ORIGIN)}
            segment.intents = [*(i for i in segment.intents if i not in _PLAIN_ASKS)]
            segment.intents = [Intent.SOURCES, *(i for i in segment.intents if i != Intent.DATE)]
            if not (segment.places or segment.countries):
                segment.places, segment.countries = list(before.places), list(before.countries)
        elif before is not None and Intent.SOURCES in before.intents and person:
            plain = set(segment.intents) <= _PLAIN_ASKS and not (
                segment.topics or segment.attributes or segment.figures or segment.operations
            )
            if not plain:
                continue
            segment.intents = [Intent.SOURCES]
            segment.provenance = before.provenance or frozenset({str(Asked.ORIGIN)})
            if before.places or before.countries:  # "про Далянь кто сказал? тоже из России?"
                segment.places, segment.countries = list(before.places), list(before.countries)
        if segment.provenance and not segment.quota_named:
            segment.intents = [i for i in segment.intents if i not in _NOT_ASKED]
        if segment.provenance:  # "телевизор", "xdm": asked of the sources, no other subject
            _without_other_subjects(segment)
    return result


def _also_asked(segment: Understanding) -> frozenset[str]:
    """The kinds a part after one asking where the claims come from names words of, asking
    word or none ("like the actual text of the directive?", "по телевизору было?")."""
    words = _words().get(str(segment.language))
    if words is None or segment.topics or segment.figures or segment.operations:
        return frozenset()
    reading = read(segment.language, segment.text)
    found = (k for k, entries in words.kinds.items() if reading.found(entries, segment.language))
    return frozenset(found)


def _without_other_subjects(segment: Understanding) -> None:
    """A part asking who says so holds no other subject in its provenance words, nor in a
    word no table reads (a chat word, "xdm"), once that is all it holds."""
    language = segment.language
    words = _words().get(str(language))
    if words is None:
        return
    entries = frozenset().union(*words.kinds.values(), words.sources, words.person, words.asker)

    def ours(word: str) -> bool:
        return bool(read(language, word).found(entries, language))

    segment.foreign = [w for w in segment.foreign if not ours(w)]
    segment.unmapped = [w for w in segment.unmapped if not ours(w)]
    segment.listed_foreign = [w for w in segment.listed_foreign if not ours(w)]
    segment.unknown_places = [w for w in segment.unknown_places if not ours(w)]
