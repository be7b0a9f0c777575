"""Understanding a question: which intents, and which places, sectors, currencies, topics.

Intent words live here in code (they describe what the bot can do); the words
people use for places, sectors, currencies and topics are aliases in the store,
so editors can teach new ones (any language) without a release.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from bot.engine.text import (
    BoundedCorrector,
    Vocabulary,
    has_cjk,
    normalize,
    normalize_question,
    words,
)
from db.views import Snapshot

# Order matters only for the order answers come in.
INTENT_TERMS: dict[str, tuple[str, ...]] = {
    "greeting": ("hi", "hello", "hey", "thanks", "thank you", "good morning", "привет", "안녕"),
    "help": ("help", "what can you do", "how do i", "commands", "what do you know"),
    "verified": (
        "verified",
        "verify",
        "verification",
        "confirmed",
        "confirm",
        "confirmation",
        "true",
        "trust",
        "trustworthy",
        "reliable",
        "reliability",
        "credible",
        "credibility",
        "accurate",
        "proof",
        "evidence",
        "fact check",
        "fact-check",
        "real",
        "legit",
        "unverified",
        "believe",
        "is it so",
        "really",
        "checked",
        "independently",
    ),
    "sources": (
        "who says",
        "who said",
        "who say",
        "says who",
        "who claims",
        "who told",
        "source",
        "sources",
        "according",
        "informant",
        "anonymous",
        "who is saying",
        "where from",
        "where does this come from",
        "who",
        "attribution",
        "quoted",
        "quote",
        "where does this",
        "where does that",
        "where is this from",
        "come from",
        "comes from",
        "info from",
    ),
    "article": (
        "article",
        "report",
        "reported",
        "reporting",
        "outlet",
        "publisher",
        "published",
        "publish",
        "hngn",
        "daily nk",
        "dailynk",
        "title",
        "headline",
        "news",
        "journalist",
        "media",
        "newspaper",
        "author",
        "written",
        "wrote",
    ),
    "date": (
        "when",
        "date",
        "dated",
        "directive",
        "order",
        "ordered",
        "march",
        "since when",
        "day",
        "timing",
        "start",
        "started",
        "effective",
    ),
    "usd": ("usd", "dollar", "dollars", "$", "us dollars", "in dollars", "convert", "exchange"),
    "list": (
        "all quotas",
        "list",
        "every quota",
        "overview",
        "all the quotas",
        "summary",
        "all figures",
        "all places",
        "everything",
        "quotas",
        "where",
        "which places",
        "places",
        "cities",
        "countries",
        "what happened",
        "tell me everything",
        "whats new",
    ),
    "sectors": (
        "sector",
        "sectors",
        "industry",
        "industries",
        "jobs",
        "job",
        "kind of work",
        "what work",
        "what do they do",
        "type of work",
        "occupation",
    ),
    "basis": (
        "per person",
        "per month",
        "monthly",
        "each worker",
        "per worker",
        "a month",
        "a person",
        "per head",
        "individual",
        "each month",
        "every month",
        "how often",
    ),
    "compare": (
        "vs",
        "versus",
        "compare",
        "compared",
        "comparison",
        "difference",
        "differ",
        "higher",
        "lower",
        "more than",
        "less than",
        "bigger",
        "larger",
        "smaller",
        "between",
        "pays more",
        "pay more",
        "which pays",
        "which country",
        "which place",
        "who pays",
    ),
    "quota": (
        "quota",
        "quotas",
        "owe",
        "pay",
        "paid",
        "payment",
        "payments",
        "amount",
        "how much",
        "much",
        "demand",
        "demanded",
        "required",
        "target",
        "sum",
        "cost",
        "money",
        "figure",
        "figures",
        "now",
        "new",
        "before",
        "after",
        "previous",
        "old",
        "rubles",
        "yuan",
        "increase",
        "increased",
        "raise",
        "raised",
        "rise",
        "doubled",
        "currency",
        "currencies",
    ),
}

# Questions about things the report never states.
MISSING_TERMS: dict[str, tuple[str, ...]] = {
    "workers_count": (
        "how many workers",
        "how many people",
        "number of workers",
        "how many north koreans",
        "how many laborers",
        "how many labourers",
        "workforce size",
        "headcount",
    ),
    "year": ("year", "which year", "what year", "yr"),
    "total": ("total", "in total", "altogether", "how much money in total", "revenue"),
    "annual": ("a year", "per year", "annual", "annually", "yearly", "each year", "every year"),
}

# Words that say nothing about the subject; used to spot an unknown place after "in".
STOPWORDS = frozenset(
    "a an the in at for from of on to and or is are was were be been do does did what whats "
    "what's how much many who whom which where when why this that these those it its they "
    "them their there here now then so about with by as me my i you your we our us any some "
    "than more less per each every can could would should will shall may might not no yes "
    "please tell know say said says just also quota quotas workers worker north korea korean "
    "koreans overseas abroad foreign labor labour laborers money".split()
)

# Unknown places named in one answer ("The report does not mention ..."): a long
# message of "in xyz" should not be echoed back whole.
MAX_UNKNOWN_PLACES = 5

_PLACE_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|at|for|from|about|of)\s+(?:the\s+)?([^\W\d_][\w-]{2,})", re.UNICODE
)
_SEGMENT_SPLIT = re.compile(r"[?!;\n]+|\.\s+|\band also\b|\balso\b")


@dataclass
class Understanding:
    text: str
    intents: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    currencies: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unknown_places: list[str] = field(default_factory=list)
    corrected_words: dict[str, str] = field(default_factory=dict)
    # The question was longer than the engine reads (text.MAX_QUESTION_CHARS).
    truncated: bool = False

    @property
    def has_subject(self) -> bool:
        return bool(self.places or self.countries or self.currencies or self.sectors)


def _add(target: list[str], value: str) -> None:
    if value not in target:
        target.append(value)


class Understander:
    """Built once per snapshot (at start-up and when the store changes), used per question."""

    def __init__(self, snapshot: Snapshot, country_names: dict[str, str] | None = None) -> None:
        self._phrases: dict[str, list[tuple[str, str]]] = {}
        for intent, terms in INTENT_TERMS.items():
            for term in terms:
                self._phrases.setdefault(term, []).append(("intent", intent))
        for missing, terms in MISSING_TERMS.items():
            for term in terms:
                self._phrases.setdefault(term, []).append(("missing", missing))
        for alias in snapshot.aliases:
            self._phrases.setdefault(normalize(alias.term), []).append((alias.kind, alias.value))
        # Places, sectors and topics are their own names too.
        # Many claims share a place, sector or topic: each value is read once (same
        # phrases, same order as reading every claim).
        seen: dict[str, set[str]] = {"place": set(), "sector": set(), "topic": set()}
        for claim in snapshot.claims:
            value: str | None
            for kind, value in (
                ("place", claim.place),
                ("sector", claim.sector),
                ("topic", claim.topic),
            ):
                if value is None or value in seen[kind] or (kind != "topic" and not value):
                    continue
                seen[kind].add(value)
                entries = self._phrases.setdefault(normalize(value), [])
                if (kind, value) not in entries:
                    entries.append((kind, value))
        # Every country name the bot knows of, to say honestly "the report does not cover it".
        self._country_names = country_names or {}
        for name, code in self._country_names.items():
            self._phrases.setdefault(name, []).append(("any_country", code))
        # Longest phrase (in words) starting with each word: most words start none, so
        # reading a long message tries one lookup a word, not one a phrase length.
        self._longest_from: dict[str, int] = {}
        for phrase in self._phrases:
            first, *rest = phrase.split(" ")
            self._longest_from[first] = max(self._longest_from.get(first, 1), 1 + len(rest))
        self._cjk_terms = [p for p in self._phrases if has_cjk(p)]
        self.vocabulary = Vocabulary({p for p in self._phrases if " " not in p})

    @cached_property
    def known_words(self) -> frozenset[str]:
        return frozenset(w for p in self._phrases for w in p.split())

    def understand(self, question: str) -> Understanding:
        text, truncated = normalize_question(question)
        result = Understanding(text=text, truncated=truncated)
        corrector = BoundedCorrector(self.vocabulary)
        segments = [s for s in _SEGMENT_SPLIT.split(text) if s and s.strip()] or [text]
        for segment in segments:
            self._read_segment(segment, result, corrector)
        for term in self._cjk_terms:
            if term in text:
                for kind, value in self._phrases[term]:
                    self._record(result, kind, value)
        self._spot_unknown_places(text, result, corrector)
        # "how many hours" is about hours, not a count the report lacks.
        if "workers_count" in result.missing and "hours" in result.topics:
            result.missing.remove("workers_count")
        return result

    def _read_segment(
        self, segment: str, result: Understanding, corrector: BoundedCorrector
    ) -> None:
        tokens = words(segment)
        index = 0
        while index < len(tokens):
            matched = False
            longest = self._longest_from.get(tokens[index], 1)
            for size in range(min(longest, len(tokens) - index), 0, -1):
                phrase = " ".join(tokens[index : index + size])
                entries = self._phrases.get(phrase)
                if entries is None and size == 1:
                    corrected = corrector.correct(phrase)
                    if corrected is not None and corrected != phrase:
                        result.corrected_words[phrase] = corrected
                        entries = self._phrases.get(corrected)
                if entries:
                    for kind, value in entries:
                        self._record(result, kind, value)
                    index += size
                    matched = True
                    break
            if not matched:
                index += 1

    def _record(self, result: Understanding, kind: str, value: str) -> None:
        if kind == "intent":
            _add(result.intents, value)
        elif kind == "missing":
            _add(result.missing, value)
        elif kind == "place":
            _add(result.places, value)
        elif kind == "country":
            _add(result.countries, value)
        elif kind == "currency":
            _add(result.currencies, value)
        elif kind == "sector":
            _add(result.sectors, value)
        elif kind == "topic":
            _add(result.topics, value)
        elif kind == "any_country":
            _add(result.countries, value)

    def _spot_unknown_places(
        self, text: str, result: Understanding, corrector: BoundedCorrector
    ) -> None:
        for match in _PLACE_AFTER_PREPOSITION.finditer(text):
            if len(result.unknown_places) >= MAX_UNKNOWN_PLACES:
                break
            word = match.group(1)
            if word in STOPWORDS or word in self.known_words:
                continue
            if corrector.correct(word) is not None or corrector.skipped(word):
                continue  # a typo of a known word, or perhaps one
            _add(result.unknown_places, word)
