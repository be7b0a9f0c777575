"""What one part of a message asks: the frame ``Understander.understand`` fills in
(bot/engine/understand.py) and the composers answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from bot.engine.figures import OwnFigure
from bot.engine.language import Language
from bot.engine.relevance import (
    about_elsewhere,
    asks_others_pay,
    market_rate,
    shared_words_only,
    tied_to_report,
)
from bot.engine.vocabulary import Attribute, Intent, Operation


@dataclass
class Understanding:
    text: str
    # The question's language (bot/engine/language.py), for answering in it.
    language: Language = Language.EN
    intents: list[Intent] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    currencies: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    unknown_places: list[str] = field(default_factory=list)
    corrected_words: dict[str, str] = field(default_factory=dict)
    # The question was longer than the engine reads (text.MAX_QUESTION_CHARS).
    truncated: bool = False
    # The frame beyond the subjects.
    attributes: list[Attribute] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)
    weak_intents: list[Intent] = field(default_factory=list)
    weak_topics: list[str] = field(default_factory=list)
    weak_attributes: list[Attribute] = field(default_factory=list)
    other_currencies: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    question_words: list[str] = field(default_factory=list)
    domain: bool = False
    now: bool = False
    before: bool = False
    role_play: bool = False
    # "did it go up", "how much did it rise": asked about the change, before -> after.
    change_asked: bool = False
    # Kinds of work the question names that no quota is about ("fishermen").
    other_sectors: list[str] = field(default_factory=list)
    figures: list[Decimal] = field(default_factory=list)
    # "over 60,000", "under 200k": which of the figures are typed as bounds.
    at_least: list[Decimal] = field(default_factory=list)
    at_most: list[Decimal] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    months: int | None = None
    # "between the two quotas": one place against the other.
    pair_asked: bool = False
    # A weak quota cue that asks an amount ("how much"), not only a time ("after").
    amount_hinted: bool = False
    # "russian gov": countries whose government the message names.
    governments: list[str] = field(default_factory=list)
    # "10 workers": how many workers a sum is for.
    headcount: int | None = None
    change_factor: float | None = None
    # "per shift": 1, "a six-shift week": 6 — of a figure's own unit (basis_units.py)
    unit_count: int | None = None
    segments: list[Understanding] = field(default_factory=list)
    # Topics reached only through a question word ("why" -> the reasons).
    settled_topics: list[str] = field(default_factory=list)
    settled_intents: list[Intent] = field(default_factory=list)
    # Relevance (relevance.py): a word tying it to the report more than a pronoun or the
    # country's name does, and words of another subject.
    strong_domain: bool = False
    foreign: list[str] = field(default_factory=list)
    other_subject: bool = False  # one of them a listed noun of another subject
    other_asked: bool = False  # and it is what is asked outright ("what's the weather")
    listed_foreign: list[str] = field(default_factory=list)  # "погода" (lexicon.py)
    search_words: list[str] = field(default_factory=list)  # "копейка" -> "penny" (lexicon.py)
    people_pronoun: bool = False  # "they", "their": the workers
    # Content words no phrase took ("happens"): an ask the engine cannot map (asks.py).
    unmapped: list[str] = field(default_factory=list)
    places_asked: bool = False  # "which countries does the report cover"
    credit_asked: bool = False  # "who took the photo"
    report_words: list[str] = field(default_factory=list)  # no cue's, but the claims' ("spouse")
    own_figures: list[OwnFigure] = field(default_factory=list)  # "i make 900 dollars"
    days_in_month: int | None = None  # "assume 30 days"
    days: int | None = None  # "365 days": a count of days to work a daily figure over
    loose_topics: list[str] = field(default_factory=list)  # of a cue of several topics
    quota_named: bool = False  # a quota cue besides a verb ("demand", "pay")
    asks_by_word: bool = False  # one of them an ask word ("called", "name", "happens")
    framed_topics: list[str] = field(default_factory=list)  # of two cues together (topic_frames)
    source_words: bool = False  # what a source said, in its words ("quote", "原话", "дословно")
    # The words that tie it to the report (a cue, a subject; no question word): relevance.py.
    ties: list[str] = field(default_factory=list)
    # A word of another subject right after such a word: "quota sampling", "할당 표본추출".
    compound_foreign: bool = False
    workers_named: bool = False  # "they" inside a cue ("how much do they earn")
    own_pay: bool = False  # "my salary": the asker's own pay named
    state_named: bool = False  # "before the state takes its cut": the one that demands it
    unread: list[str] = field(default_factory=list)  # content words no table knows (ru, zh, ko)
    # Who says so, and what besides: named? documents? agree? (provenance.py's ``Asked``)
    provenance: frozenset[str] = frozenset()
    # A link, firsthand, an outlet suggested (source_aspects.py's ``SourceAspect``), and the
    # outlets suggested ("is this from Yonhap?": keys of sourcing_cues.json's "outlets").
    source_aspects: frozenset[str] = frozenset()
    suggested_outlets: tuple[str, ...] = ()
    # "я сейчас в омске": a place the asker says they are at was set aside (plain_places.py);
    # ``keep_told``: read again with it kept, the message naming no other place.
    told_place: bool = False
    keep_told: bool = False
    # "а сами рабочие что говорят", "工人自己怎么说": what the workers say (topic_frames.py).
    workers_say: bool = False

    @property
    def search_text(self) -> str:  # what the search over the claims' English text reads
        if not self.search_words:
            return self.text
        if self.language is not Language.EN:
            # Its English words first: the search reads a question's first few terms only,
            # and a long Russian, Chinese or Korean text would leave them out.
            return " ".join([*self.search_words, self.text])
        return " ".join([self.text, *self.search_words])

    @property
    def has_subject(self) -> bool:
        return bool(self.places or self.countries or self.currencies or self.sectors)

    @property
    def anchored(self) -> bool:
        """Tied to the report by more than a place, a question word or "it"; "they" (the
        workers) too, and a covered country's government ("russia's position"), unless a
        listed noun of another subject is in the message."""
        tie = self.people_pronoun or bool(self.governments and self.countries)
        return self.asks_report or (tie and not self.other_subject)

    @property
    def tied(self) -> bool:
        return tied_to_report(self)

    @property
    def asks_report(self) -> bool:
        """Something asked of the report: a cue, a topic, an attribute, an operation."""
        loose = {Intent.GREETING, Intent.HELP, Intent.ARTICLE, Intent.DATE}
        return bool(
            self.strong_domain
            or set(self.intents) - loose - set(self.settled_intents)
            or [t for t in self.topics if t not in self.settled_topics]
            # "when is christmas this year": "year" asks about the report only beside a place
            or ((self.attributes or self.asks_by_word) and (self.places or self.countries))
            or (self.attributes and not self.other_subject)
            or self.operations
            or self.currencies
            or self.sectors
            or self.other_currencies
        )

    @property
    def on_topic(self) -> bool:
        """Something besides question words and weak cues ties it to the report."""
        if (self.foreign and not (self.anchored and self.tied)) or about_elsewhere(self):
            return False  # "who is the president of russia"; "what to see in moscow"
        if shared_words_only(self) or asks_others_pay(self) or market_rate(self):
            return False  # "why did egg prices double", "什么是配额抽样", "梅西一年赚多少钱"
        return bool(
            self.has_subject
            or set(self.intents) - {Intent.GREETING, Intent.HELP}
            or self.topics
            or self.attributes
            or self.unknown_places
            or self.regions
            or self.domain
            or self.other_currencies
            # "how much more now": arithmetic on the change is about the report.
            or bool(self.operations and (self.now or self.before or self.change_asked))
        )

    def settle_weak(self, on_topic: bool) -> None:
        """Weak cues become intents and topics only in an on-topic message."""
        if on_topic:
            for intent in self.weak_intents:
                if intent not in self.intents:
                    self.intents.append(intent)
                    self.settled_intents.append(intent)
            for topic in self.weak_topics:
                if topic not in self.topics:
                    self.topics.append(topic)
                    self.settled_topics.append(topic)
            for attribute in self.weak_attributes:
                add_once(self.attributes, attribute)
        self.weak_attributes = []
        self.weak_intents = []
        self.weak_topics = []


def add_once(target: list[Any], value: object) -> None:
    if value not in target:
        target.append(value)
