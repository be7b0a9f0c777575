"""The words questions are read with: a JSON file per language (vocabulary/<lang>.json).

Intent cues say what the bot can answer from claims; attribute cues include things no
claim holds, so the engine knows when it was asked something the reports do not say.
Data, not code: a Russian, Chinese or Korean file can be added beside the English one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from db.textfold import fold

FOLDER = Path(__file__).with_name("vocabulary")


class Intent(StrEnum):
    """What the bot can answer from claims (also logged as the reply's intents)."""

    GREETING = "greeting"
    HELP = "help"
    VERIFIED = "verified"
    SOURCES = "sources"
    ARTICLE = "article"
    DATE = "date"
    USD = "usd"
    LIST = "list"
    SECTORS = "sectors"
    BASIS = "basis"
    COMPARE = "compare"
    QUOTA = "quota"
    TRUST_OUTLET = "trust_outlet"
    SUMMARY = "summary"  # "summarise the article": a few claims, each attributed
    ABOUT_BOT = "about_bot"  # "are you a bot for the government?": what the bot is and does
    # Outcomes rather than cues.
    NOT_COVERED = "not_covered"
    OFF_TOPIC = "off_topic"
    SILENT = "silent"
    STATEMENTS = "statements"
    ARITHMETIC = "arithmetic"
    CORRECTION = "correction"
    START = "start"
    USAGE = "usage"


class Attribute(StrEnum):
    """Things people ask about that no claim holds: the answer says the report is silent."""

    WORKFORCE = "workforce"
    WAGES = "wages"
    PENALTY = "penalty"
    WAGE_CURRENCY = "wage_currency"
    SANCTIONS = "sanctions"
    EMPLOYER = "employer"
    AGE = "age"
    TIME_OFF = "time_off"
    HOUSING = "housing"
    FOOD = "food"
    YEAR = "year"
    PUBLICATION_DATE = "publication_date"
    OUTLET_PROFILE = "outlet_profile"
    SOURCE_IDENTITY = "source_identity"
    OTHER_CURRENCY = "other_currency"
    WORK_TIME = "work_time"
    ESTIMATE = "estimate"
    PAYMENT_METHOD = "payment_method"
    SPENDING = "spending"
    TENURE = "tenure"
    STATE_REVENUE = "state_revenue"
    OTHER_SECTOR = "other_sector"
    FREEDOMS = "freedoms"
    TAX = "tax"
    PRODUCT = "product"
    SIGNATORY = "signatory"
    QUOTA_HISTORY = "quota_history"  # how long the quota system has existed
    CONTRACT = "contract"  # the length or terms of the workers' contracts
    END = "end"  # when the doubled quota ends or how long it lasts (the report gives no end)
    PAY_SHARE = "pay_share"  # what share of their pay the quota takes
    DOCUMENTS = "documents"  # documents behind the figures (the report cites none)
    DEADLINE = "deadline"  # by when a quota must be paid (some reports give one)
    ORDERER = "orderer"  # who ordered it: the report says North Korea demands it
    CONFIRMED_BY = "confirmed_by"  # "the government confirmed it": the report says no one did
    SUPERVISORS = "supervisors"  # who the supervisors are (the report only says obey them)
    FAMILIES = "families"  # the workers' families (the report says nothing of them)
    TOWN = "town"  # which town or district within a place the report names (it names none)
    HOST_GAIN = "host_gain"  # whether Russia, China or anyone besides North Korea gains


class Operation(StrEnum):
    """Arithmetic a question asks for; bot/engine/arithmetic.py computes them all."""

    RATIO = "ratio"
    SHARE = "share"  # "dalian as a % of sakhalin": the first named as a share of the second
    PERCENTAGE = "percentage"
    DIFFERENCE = "difference"
    TOTAL = "total"  # over a span ("in two years"), or of the places named
    COMBINED = "combined"  # "combined", "together": of the places named, else of every quota
    PER_YEAR = "per_year"
    PER_WEEK = "per_week"
    PER_DAY = "per_day"
    DOUBLE = "double"
    DOUBLE_AGAIN = "double_again"  # "what if it doubled again": a supposition, computed
    RATE = "rate"  # the exchange rate a quota and its dollar conversion imply
    MONTHS_TO_REACH = "months_to_reach"  # how many months of a quota make a sum


class Cue(StrEnum):
    """Kinds of phrase entries besides the store's aliases."""

    INTENT = "intent"
    WEAK_INTENT = "weak_intent"
    ATTRIBUTE = "attribute"
    OPERATION = "operation"
    DOMAIN = "domain"
    QUESTION_WORD = "question_word"
    REGION = "region"
    NOW = "now"
    BEFORE = "before"
    ROLE_PLAY = "role_play"
    CHANGE = "change"  # "tripled": a change the question asserts
    PLAIN = "plain"  # an ordinary word: known (never "corrected" into another), means nothing
    CHANGE_ASKED = "change_asked"  # "did it go up": the question is about before -> after
    TOPIC = "topic_word"  # a common word for one or more of the claims' topics ("justify")
    # Russian, Chinese, Korean (vocabulary/<lang>.json): a noun of another subject
    # ("погода", "天气", "날씨"), and a change the question asserts, with its factor ("втрое").
    OFF_TOPIC = "off_topic_word"
    # A word that ties a message to the report as "it" or "they" do in English: weakly.
    WEAK_DOMAIN = "weak_domain"
    PEOPLE_PRONOUN = "people_pronoun"
    CHANGE_FACTOR = "change_factor"
    PAIR = "pair"  # "两个地方", "두 지역", "оба места": both places, as "both places" is


@dataclass(frozen=True)
class AttributeInfo:
    says: str
    related: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    language: str
    phrases: dict[str, tuple[tuple[Cue, str], ...]]
    question_words: frozenset[str]
    attributes: dict[Attribute, AttributeInfo]
    other_currencies: dict[str, str]
    change_words: dict[str, float]
    number_words: dict[str, int]
    ordinary_words: frozenset[str]
    synonyms: dict[str, list[str]]
    # Phrases that mean a word the claims use: "how long" -> "years".
    phrase_synonyms: dict[str, str]
    refusals: dict[str, str]
    # "who said ...": the question asks who said a claim, not for the sources list.
    attribution_verbs: frozenset[str]
    # "how many <people>": a workforce question, however the people are called.
    people_nouns: tuple[str, ...]
    # "the name of the <thing>": the attribute that names it (the source, the plant, ...).
    named_things: dict[str, Attribute]
    # Verbs of change ("went up", "rose"): the question is about before -> after.
    change_verbs: tuple[str, ...]
    # Said of a named outlet ("daily nk is propaganda"): a question about what it is.
    outlet_slurs: tuple[str, ...]
    outlet_profile_before: tuple[str, ...]  # "fund rfa": what the outlet is
    outlet_profile_after: tuple[str, ...]  # "rfa founded"
    happened_words: tuple[str, ...]  # "has anyone actually been sent home"
    modal_words: tuple[str, ...]  # "threatened", "must": a fact that it did not happen yet
    # Relevance: words that tie a message to the report only beside a stronger one; chat
    # words that say nothing; nouns of other subjects ("president", "sushi"). These five
    # lists are optional in a language's file (empty when absent).
    weak_domain_words: frozenset[str]
    chat_words: frozenset[str]
    off_topic_words: frozenset[str]
    # "russian gov": after a country, its government.
    government_words: frozenset[str]
    # "do they get medical care": the workers, asked about something the report lacks.
    people_pronouns: frozenset[str]
    # Country names that are also given names or words ("chad here", "jordan says"): a
    # country only after a preposition ("in chad", "from jordan").
    name_like_places: frozenset[str] = frozenset()
    # An attribute that, when asked, means another cue was no question of its own.
    # "china ordered it": a country said to demand the money (premises.wrong_demander).
    demand_verbs: frozenset[str] = frozenset()
    attribute_overrides: dict[Attribute, frozenset[Attribute]] = field(default_factory=dict)
    # Words that carry what is asked though no attribute holds them ("called", "happens"):
    # never dropped as chat when the engine looks for an ask it cannot map.
    ask_words: frozenset[str] = frozenset()
    # Weak quota cues that name the money but ask no amount ("money": "will they get home
    # with money" asks about savings, not the quota).
    not_amount_words: frozenset[str] = frozenset()
    # Strong quota cues that are verbs ("demand", "pay"): beside a topic asked outright, with
    # no place or amount, they ask about the topic ("what do the supervisors demand").
    quota_verbs: frozenset[str] = frozenset()
    # Shorthand spelled out before any cue is read ("u" -> "you", "b4" -> "before").
    text_speak: dict[str, str] = field(default_factory=dict)
    # "the 411", "24/7", "quota 101": numbers that are idioms, rewritten before reading.
    figure_idioms: tuple[tuple[re.Pattern[str], str], ...] = ()
    # "how many hour in day": a learner's forms read as the plain ones ("how many hours a day").
    learner_forms: tuple[tuple[re.Pattern[str], str], ...] = ()
    # "over 60,000", "under 200k": words that make a figure a lower or an upper bound.
    at_least_words: tuple[str, ...] = ()
    at_most_words: tuple[str, ...] = ()
    # "extra per year", "more a week": an operation's cue that names a period too.
    cue_periods: dict[str, Operation] = field(default_factory=dict)
    # "quote from the china source": that source's words asked, not who it is.
    quote_phrases: tuple[str, ...] = ()
    # "my cousin in korsakov says": verbs after which the place is the teller's.
    teller_verbs: tuple[str, ...] = ()
    # "why do they need the extra money ... this year": the reason asked, no sum, no year.
    reason_question_words: frozenset[str] = frozenset()
    reason_when_said: tuple[str, ...] = ()
    # "if 10 workers", "my crew of 10": a head count supposed for a sum, not asserted.
    headcount_supposing: frozenset[str] = frozenset()
    # "delta on sakhalin": difference nouns, and the words that bring in another place.
    difference_nouns: frozenset[str] = frozenset()
    # "where does the 124,000 come from": asking how a figure was reached.
    derivation_asks: tuple[str, ...] = ()
    # "per team", "a crew of 10": groups of workers, no other subject in such a frame.
    group_words: frozenset[str] = frozenset()
    other_place_words: frozenset[str] = frozenset()
    # "post-doubling, the usd gap": a gap between the places, dated.
    pair_nouns: frozenset[str] = frozenset()
    # "which city on sakhalin": after "which"/"what" beside a named place, where inside it.
    within_place_words: frozenset[str] = frozenset()
    # "the workers are happy with it": a feeling the report contradicts, and the words that
    # find what it does report of how they feel.
    positive_feelings: tuple[str, ...] = ()
    # "which country pays more": a comparison; "which country's workers": the places.
    comparative_words: frozenset[str] = frozenset()
    # "write me a poem about it": a text the bot does not write.
    creative_forms: frozenset[str] = frozenset()
    creative_verbs: frozenset[str] = frozenset()
    feelings_search: str = ""
    # "the Russian Far East": the covered places inside a region the report does not name.
    region_places: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def not_place_words(self) -> frozenset[str]:
        """Words that never name a place: ordinary words, people ("lads", "girls") and the
        things a question can ask the name of ("guy", "factory")."""
        named = (word for word in self.named_things if " " not in word)
        people = (word for word in self.people_nouns if " " not in word)
        known = frozenset(self.synonyms)  # "watches": a word the search knows, no place
        return (
            self.ordinary_words | self.question_words | frozenset(named) | frozenset(people) | known
        )

    @cached_property
    def pay_words(self) -> frozenset[str]:
        """The single words that ask what the workers are paid ("wages", "salary", "earn")."""
        return frozenset(
            phrase
            for phrase, cues in self.phrases.items()
            if " " not in phrase and (Cue.ATTRIBUTE, Attribute.WAGES.value) in cues
        )

    def without_overridden(self, attributes: list[Attribute]) -> list[Attribute]:
        """The attributes asked, less those another one asked overrides ("what percentage of
        their pay goes to it": the share, not what the money is spent on)."""
        for wins, loses in self.attribute_overrides.items():
            if wins in attributes:
                attributes = [a for a in attributes if a not in loses]
        return attributes


def _entries(data: dict[str, Any]) -> dict[str, list[tuple[Cue, str]]]:
    phrases: dict[str, list[tuple[Cue, str]]] = {}

    def add(term: str, cue: Cue, value: str) -> None:
        entry = (cue, value)
        found = phrases.setdefault(fold(term), [])
        if entry not in found:
            found.append(entry)

    for name, cues in data["intents"].items():
        intent = Intent(name)
        for term in cues.get("strong", ()):
            add(term, Cue.INTENT, intent)
        for term in cues.get("weak", ()):
            add(term, Cue.WEAK_INTENT, intent)
    for name, spec in data["attributes"].items():
        attribute = Attribute(name)
        for term in spec["cues"]:
            add(term, Cue.ATTRIBUTE, attribute)
    for name, cues in data["operations"].items():
        operation = Operation(name)
        for term in cues:
            add(term, Cue.OPERATION, operation)
    for term in data["domain_words"]:
        add(term, Cue.DOMAIN, "")
    for term in data["question_words"]:
        add(term, Cue.QUESTION_WORD, "")
    for term, shown in data["regions"].items():
        add(term, Cue.REGION, shown)
    for term in data["change_verbs"]:
        add(term, Cue.CHANGE_ASKED, "")
    for topics, terms in data["topic_words"].items():
        for term in terms:
            add(term, Cue.TOPIC, topics)
    for term in data["now_words"]:
        add(term, Cue.NOW, "")
    for term in data["before_words"]:
        add(term, Cue.BEFORE, "")
    for term in data["role_play_cues"]:
        add(term, Cue.ROLE_PLAY, "")
    for term in data["change_words"]:
        add(term, Cue.CHANGE, term)
    for term in data["ordinary_words"]:
        add(term, Cue.PLAIN, "")
    for term in format_asks(data["language"]):  # "table format", "the plain facts"
        add(term, Cue.INTENT, Intent.LIST)
    return phrases


def format_asks(language: str) -> tuple[str, ...]:
    """Words asking for a form of answer ("in a table", "кратко", "表格", "요약"): the
    ordinary question in that form, read as a list (vocabulary/format_asks.json)."""
    data = json.loads((FOLDER / "format_asks.json").read_text(encoding="utf-8"))
    return tuple(data.get(language, ()))


_PERIODS = (Operation.PER_YEAR, Operation.PER_WEEK, Operation.PER_DAY)


def _cue_periods(operations: dict[str, list[str]]) -> dict[str, Operation]:
    """ "extra per year": a cue of another operation holding a period's cue ("per year")
    names that period too, though the longer phrase is the one read."""
    periods = [(f" {fold(c)} ", p) for p in _PERIODS for c in operations.get(p.value, ())]
    found: dict[str, Operation] = {}
    for name, cues in operations.items():
        if Operation(name) in _PERIODS:
            continue
        for cue in cues:
            spaced = f" {fold(cue)} "
            for period_cue, period in periods:
                if period_cue in spaced:
                    found[fold(cue)] = period
    return found


def _dialect(language: str) -> dict[str, str]:
    """Dialect spellings of everyday words ("hoo mony", "wetin"): vocabulary/dialect_<lang>.json,
    where there is one, read as shorthand is."""
    path = FOLDER / f"dialect_{language}.json"
    if not path.exists():
        return {}
    groups = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for group in groups.values() if isinstance(group, dict) for k, v in group.items()}


@lru_cache(maxsize=8)
def load(language: str = "en") -> Vocabulary:
    data = json.loads((FOLDER / f"{language}.json").read_text(encoding="utf-8"))
    return Vocabulary(
        language=data["language"],
        phrases={term: tuple(entries) for term, entries in _entries(data).items()},
        question_words=frozenset(fold(w) for w in data["question_words"]),
        attributes={
            Attribute(name): AttributeInfo(spec["says"], tuple(spec["related"]))
            for name, spec in data["attributes"].items()
        },
        other_currencies={fold(k): v for k, v in data["other_currencies"].items()},
        change_words={fold(k): float(v) for k, v in data["change_words"].items()},
        number_words={fold(k): int(v) for k, v in data["number_words"].items()},
        ordinary_words=frozenset(fold(w) for w in data["ordinary_words"]),
        synonyms={fold(k): [fold(v) for v in vs] for k, vs in data["synonyms"].items()},
        phrase_synonyms={fold(k): fold(v) for k, v in data["phrase_synonyms"].items()},
        refusals=dict(data["refusals"]),
        attribution_verbs=frozenset(fold(w) for w in data["attribution_verbs"]),
        people_nouns=tuple(fold(w) for w in data["people_nouns"]),
        change_verbs=tuple(fold(w) for w in data["change_verbs"]),
        outlet_slurs=tuple(fold(w) for w in data["outlet_slurs"]),
        outlet_profile_before=tuple(fold(w) for w in data.get("outlet_profile_before", ())),
        outlet_profile_after=tuple(fold(w) for w in data.get("outlet_profile_after", ())),
        happened_words=tuple(fold(w) for w in data.get("happened_words", ())),
        modal_words=tuple(fold(w) for w in data.get("modal_words", ())),
        weak_domain_words=frozenset(fold(w) for w in data.get("weak_domain_words", ())),
        chat_words=frozenset(fold(w) for w in data.get("chat_words", ())),
        off_topic_words=frozenset(fold(w) for w in data.get("off_topic_words", ())),
        government_words=frozenset(fold(w) for w in data.get("government_words", ())),
        people_pronouns=frozenset(fold(w) for w in data.get("people_pronouns", ())),
        name_like_places=frozenset(fold(w) for w in data.get("name_like_places", ())),
        demand_verbs=frozenset(fold(w) for w in data.get("demand_verbs", ())),
        ask_words=frozenset(fold(w) for w in data.get("ask_words", ())),
        not_amount_words=frozenset(fold(w) for w in data.get("not_amount_words", ())),
        quota_verbs=frozenset(fold(w) for w in data.get("quota_verbs", ())),
        text_speak={
            fold(k): fold(v)
            for k, v in {**_dialect(language), **data.get("text_speak", {})}.items()
        },
        at_least_words=tuple(fold(w) for w in data.get("figure_bounds", {}).get("at_least", ())),
        at_most_words=tuple(fold(w) for w in data.get("figure_bounds", {}).get("at_most", ())),
        cue_periods=_cue_periods(data["operations"]),
        quote_phrases=tuple(fold(w) for w in data.get("quote_asks", {}).get("phrases", ())),
        teller_verbs=tuple(fold(w) for w in data.get("teller_places", {}).get("verbs", ())),
        reason_question_words=frozenset(
            fold(w) for w in data.get("reason_asks", {}).get("question_words", ())
        ),
        reason_when_said=tuple(fold(w) for w in data.get("reason_asks", {}).get("when_said", ())),
        headcount_supposing=frozenset(
            fold(w) for w in data.get("headcount_asserted", {}).get("supposing", ())
        ),
        group_words=frozenset(fold(w) for w in data.get("group_words", {}).get("words", ())),
        derivation_asks=tuple(fold(w) for w in data.get("derivation_asks", {}).get("phrases", ())),
        difference_nouns=frozenset(
            fold(w) for w in data.get("one_place_difference", {}).get("nouns", ())
        ),
        pair_nouns=frozenset(
            fold(w) for w in data.get("one_place_difference", {}).get("pair_nouns", ())
        ),
        other_place_words=frozenset(
            fold(w) for w in data.get("one_place_difference", {}).get("other_words", ())
        ),
        learner_forms=tuple(
            (re.compile(k), v) for k, v in data.get("learner_forms", {}).items() if k != "_why"
        ),
        figure_idioms=tuple(
            (re.compile(k), v) for k, v in data.get("figure_idioms", {}).items() if k != "_why"
        ),
        within_place_words=frozenset(fold(w) for w in data.get("within_place_words", ())),
        positive_feelings=tuple(fold(w) for w in data.get("positive_feelings", ())),
        comparative_words=frozenset(fold(w) for w in data.get("comparative_words", ())),
        creative_forms=frozenset(fold(w) for w in data.get("creative_forms", ())),
        creative_verbs=frozenset(fold(w) for w in data.get("creative_verbs", ())),
        feelings_search=data.get("feelings_search", ""),
        region_places={k: tuple(v) for k, v in data.get("region_places", {}).items()},
        attribute_overrides={
            Attribute(wins): frozenset(Attribute(a) for a in loses)
            for wins, loses in data.get("attribute_overrides", {}).items()
        },
        named_things={
            fold(thing): Attribute(name)
            for name, things in data["named_things"].items()
            for thing in things
        },
    )
