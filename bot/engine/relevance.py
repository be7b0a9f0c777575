"""Whether a part of a message is about the report at all, from its content rather than its
question word: "who is the president of russia" names a covered country, "what time is it
in sakhalin" a covered place, yet neither asks about the report.

A part is about something else when it holds a word of another subject (a noun from the
vocabulary's ``off_topic_words``, or one of at most three words the engine does not know at
all that are no chat word and no typo of a known one) and nothing stronger than a place, a
question word or a pronoun ties it to the report (``Understanding.anchored``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from bot.engine.gazetteer import manner_adverb
from bot.engine.sourcing_cues import points_at
from bot.engine.text import words
from bot.engine.their_people import names_their_people
from bot.engine.vocabulary import FOLDER, Attribute, Cue, Intent, Vocabulary

if TYPE_CHECKING:
    from bot.engine.understanding import Understanding

# Endings stripped to find a known word under an inflected one ("visited" is not "visit",
# but "talking" is "talk").
_ENDINGS = ("ing", "ed", "es", "s", "ly", "er", "ers")
MIN_LETTERS = 3
MAX_UNKNOWN = 3
# At most this many words name the other subject ("medical care").
NAMED_WORDS = 4


def foreign_words(
    tokens: Iterable[str],
    known: Collection[str],
    vocabulary: Vocabulary,
    skip: Collection[str] = (),
) -> list[str]:
    """The words of ``tokens`` that belong to another subject than the report's."""
    found: list[str] = []
    unknown: list[str] = []
    tokens = list(tokens)
    english = vocabulary.language == "en"  # only English forms are judged by their shape
    predicates = predicate_participles(tokens) if english else set()
    for word in tokens:
        if word in vocabulary.off_topic_words:
            found.append(word)
            continue
        # Only words of the vocabulary's own script are judged: a Russian or Korean word is
        # not another subject for an English word list.
        if len(word) < MIN_LETTERS or not word.isalpha() or not word.isascii() or word in skip:
            continue
        if word in known or word in vocabulary.chat_words:
            continue
        if word in vocabulary.weak_domain_words:  # "pyongyang": no other subject
            continue
        if word in vocabulary.government_words:  # "russia's position": its government's
            continue
        if word in predicates:  # "which sectors are affected": what happens, no subject
            continue
        if english and manner_adverb(word):  # "precisely": how, no subject
            continue
        if any(
            word.endswith(end)
            and (word[: -len(end)] in known or word[: -len(end)] in vocabulary.chat_words)
            for end in _ENDINGS
        ):
            continue
        unknown.append(word)
    # A message mostly of words the bot cannot read is noise around what it can read (a
    # typo'd place after random letters), not a question about something else.
    return found + (unknown if len(unknown) <= MAX_UNKNOWN else [])


@lru_cache(maxsize=1)
def _predicates() -> tuple[frozenset[str], frozenset[str]]:
    data = json.loads((FOLDER / "predicates_en.json").read_text(encoding="utf-8"))
    return frozenset(data["copulas"]), frozenset(data["irregular_participles"])


def predicate_participles(tokens: list[str]) -> set[str]:
    """The past participles said of a subject right after a copula ("are affected", "were
    hit", "got involved"): what happens to what is asked about, no subject of their own."""
    copulas, irregular = _predicates()
    if copulas.isdisjoint(tokens):
        return set()
    return {
        word
        for before, word in pairwise(tokens)
        if before in copulas and (word.endswith("ed") or word in irregular)
    }


def listed_off_topic(words: Iterable[str], vocabulary: Vocabulary) -> bool:
    """Whether any of ``words`` is a listed noun of another subject ("christmas")."""
    return any(word in vocabulary.off_topic_words for word in words)


_PINYIN_ENDINGS = ("jing", "qing")


def ordinary_form(word: str, ordinary: frozenset[str]) -> bool:
    """An inflected ordinary word ("workers'", "going", "regulars") is no place name."""
    for suffix in ("s", "es", "ing", "ed", "ly", "ers", "er"):
        if word.endswith(suffix) and word[: -len(suffix)] in ordinary:
            return True
    if word.endswith(_PINYIN_ENDINGS):
        return False  # Beijing, Chongqing: names, not English -ing forms
    return word.endswith(("ing", "ly", "ness", "ment", "tion", "able", "ful", "less", "ous"))


# What asks only whether to trust the report and who is behind it.
_TRUST = frozenset({Intent.VERIFIED, Intent.TRUST_OUTLET, Intent.SOURCES})


def blamed(u: Understanding) -> bool:
    """ "isn't this south korean propaganda", "daily nk is a korean anti-north outlet": a
    country named in a part that asks only whether to trust the report is who is blamed,
    not a place whose figures are asked ("the report does not mention South Korea")."""
    asks = set(u.intents)
    return (
        bool(asks)
        and asks <= _TRUST
        and not (u.places or u.attributes or set(u.topics) - set(u.settled_topics))
    )


def tied_to_report(u: Understanding) -> bool:
    """Tied to the report's subject matter by more than a cue word another subject shares
    ("year", "passport", "who wrote"): a subject, a topic asked outright, a strong domain
    word, "they" (the workers), a place named, or "it" (the report) beside an intent."""
    return bool(
        u.strong_domain
        or u.places
        or u.countries
        # "where is the best seafood to eat": a kind of work beside another subject's noun.
        or (u.sectors and not u.other_subject)
        # "why is the ruble losing value": a currency beside a noun of another subject
        # (an exchange rate, depreciation) is that subject's, not the report's.
        or (u.currencies and not u.other_subject)
        # A topic of a cue of several ("love", "happy") ties nothing alone: "do you love pizza".
        or [t for t in u.topics if t not in u.settled_topics and t not in u.loose_topics]
        or u.people_pronoun
        # "which countries does the piece cover": the places the report is about.
        or u.places_asked
        or u.unknown_places
        or u.regions
        # "is it per person or per team"; not "when is chuseok this year".
        or (u.domain and set(u.intents) - {Intent.GREETING, Intent.HELP})
        or points_at_report(u)
        # "이거 KBS가 낸 거 아닌가": an outlet suggested as the source (source_aspects.py).
        or bool(u.suggested_outlets)
    )


def points_at_report(u: Understanding) -> bool:
    """ "what is this based on, leaked docs?": an ask of the report itself (who says so, is
    it verified) pointed at it ("this", "it", "the article") asks the report, beside a word no
    list gives another subject ("docs"); "who wrote the zorblax manifesto" points at nothing."""
    asks = (set(u.intents) - set(u.settled_intents)) & REPORT_ASKS
    return bool(asks and not u.other_subject and points_at(u.language, words(u.text)))


# Kinds of entry whose word ties a part to the report (no question word, no weak cue).
_TIE_KINDS = frozenset(
    {
        Cue.INTENT, Cue.ATTRIBUTE, Cue.OPERATION, Cue.DOMAIN, Cue.TOPIC, Cue.REGION,
        Cue.CHANGE_ASKED, Cue.PEOPLE_PRONOUN, Cue.CHANGE_FACTOR, Cue.PAIR,
        "place", "country", "any_country", "currency", "sector", "topic",
    }
)  # fmt: skip


def note_tie(u: Understanding, kind: str, phrase: str, vocabulary: Vocabulary) -> None:
    """A word read as a cue or a subject is one that ties the part (``Understanding.ties``);
    "they" inside a cue ("how much do they earn") names the workers."""
    if phrase and kind in _TIE_KINDS and phrase not in vocabulary.weak_domain_words:
        if phrase not in u.ties:
            u.ties.append(phrase)
        if vocabulary.people_pronouns & set(phrase.split()):
            u.workers_named = True


# What asks of the report itself, whatever else the message holds: who says so, whether to
# trust it, the article, the bot, the kinds of work, all of it.
REPORT_ASKS = frozenset(
    {
        Intent.SOURCES, Intent.VERIFIED, Intent.TRUST_OUTLET, Intent.ARTICLE, Intent.ABOUT_BOT,
        Intent.SUMMARY, Intent.SECTORS, Intent.LIST,
    }
)  # fmt: skip
# Topics a word another subject shares reaches: "double", "salary", "quota" ("why" alone
# only settles "reason": a reason named outright, "причина", "이유", is the report's).
SHARED_TOPICS = frozenset({"doubling", "earnings", "quota"})
# What the report's own frame asks, not anyone's: penalties, who ordered it, the share of
# pay it takes (a wage, an age, a year, food or housing are anyone's).
_REPORT_ATTRIBUTES = frozenset(
    {
        Attribute.PENALTY, Attribute.SANCTIONS, Attribute.QUOTA_HISTORY, Attribute.PAY_SHARE,
        Attribute.DEADLINE, Attribute.ORDERER, Attribute.CONFIRMED_BY, Attribute.SUPERVISORS,
        Attribute.STATE_REVENUE, Attribute.SOURCE_IDENTITY, Attribute.HOST_GAIN,
        Attribute.OUTLET_PROFILE, Attribute.PUBLICATION_DATE, Attribute.DOCUMENTS,
        Attribute.SIGNATORY, Attribute.WAGE_CURRENCY,
    }
)  # fmt: skip


def core_tie(u: Understanding) -> bool:
    """A tie no other subject shares: the workers ("they", "workers", the quota), a place
    the report covers (unless another subject's listed noun is what is asked: "the price
    of fish on sakhalin"), what only the report's frame asks (penalties), a topic of the
    report's own ("savings", "locals", a reason named outright), the state that demands
    it, or an ask of the report (who says so, which places)."""
    return bool(
        u.people_pronoun
        or u.workers_named
        or names_their_people(u.text, u.language)  # "the NK guys", "朝鲜小丫头"
        or u.strong_domain
        or (u.places and not u.other_asked)
        or set(u.attributes) & _REPORT_ATTRIBUTES
        or u.places_asked
        or u.governments
        or u.state_named
        or set(u.intents) & REPORT_ASKS
        or [t for t in u.topics if t not in u.settled_topics and t not in SHARED_TOPICS]
    )


def untied_attribute(u: Understanding) -> bool:
    """A part asking only an everyday attribute anyone has (food, housing, days off), tied
    to the report by nothing: "뭐먹지..", "what should i eat" beside another subject's part
    ("점심메뉴 추천 좀") is the asker's own, not the workers'."""
    everyday = {Attribute.FOOD, Attribute.HOUSING, Attribute.TIME_OFF}
    return (
        bool(u.attributes)
        and set(u.attributes) <= everyday
        and not (core_tie(u) or u.places or u.countries or u.sectors or u.intents or u.topics)
    )


def pay_only_named(
    u: Understanding, statements_on: Callable[[str], Iterable[str]], pay_words: Collection[str]
) -> bool:
    """Pay named as what a topic of the report's is about, not asked as an amount: "can they
    protest the exploitation of their wages", "임금 착취에 대해 항의할 수단이 있나요". A topic
    asked whose own facts (``statements_on``) speak of pay (a word of ``pay_words``, the pay
    attribute's cue words) is the answer; "the report does not say how much they are paid"
    answers nothing asked."""
    if u.amount_hinted or u.operations or u.figures:
        return False
    asked = [t for t in u.topics if t not in u.settled_topics and t not in SHARED_TOPICS]
    return any(
        set(words(statement.casefold())) & set(pay_words)
        for topic in asked
        for statement in statements_on(topic)
    )


def shared_words_only(u: Understanding) -> bool:
    """A word of another subject, beside only words that subject shares with the report:
    "why did egg prices double" (a change), "how tall is the tallest building in china" (a
    country and a kind of work), "почему северная корея отправила солдат в россию";
    or one word of the report's as the first half of another subject's term ("quota
    sampling", "配额抽样"). A question about the report ties to it by something of its own
    ("they", "workers", "who says so", Sakhalin)."""
    if not u.foreign or u.unknown_places:
        return False
    if u.people_pronoun or u.workers_named:
        return False
    return not core_tie(u) or (u.compound_foreign and len(set(u.ties)) <= 1)


def asks_others_pay(u: Understanding) -> bool:
    """ "what's the average salary in china", "why did my salary go down", "在上海当程序员
    一个月工资多少": pay asked with nothing of the report's own (no workers, no covered place,
    no kind of work, no place named), beside a whole country, the asker's own pay or a word
    of another subject: someone else's pay."""
    return bool(
        # ("my salary": the reader takes the pay named for the asker's, not asked of the
        # workers, and keeps only its topic)
        # (pay alone: "how is the pay sent home" asks the report's payment route)
        # (a kind of work the report does not cover is someone else's: "程序员的工资")
        (
            set(u.attributes) - {Attribute.OTHER_SECTOR} == {Attribute.WAGES}
            or (u.own_pay and "earnings" in u.topics)
        )
        and not core_tie(u)
        and not (u.places or u.sectors or u.unknown_places or u.figures)
        # (a city the report does not cover, only beside another subject's word)
        and (u.unread or u.other_sectors or ((u.countries or u.own_pay) and not u.regions))
    )


def market_rate(u: Understanding) -> bool:
    """ "what's the yuan to dollar exchange rate today", "сколько юаней сейчас в одном
    долларе": two currencies and "now", with no amount, no place and nothing of the
    report's own: the market's rate today, not the report's conversion."""
    return bool(
        len(u.currencies) + len(u.other_currencies) >= 2
        and u.now
        and not (core_tie(u) or u.places or u.figures or u.domain or u.unknown_places)
    )


def about_elsewhere(u: Understanding) -> bool:
    """An attribute asked of a place the report does not cover, with nothing else that ties
    it to the workers ("what to see in moscow at the weekend", "что посмотреть в москве на
    выходных"): a question about that place, not the workers' days off. Or of another
    subject's noun alone ("the federal overtime threshold"): that subject's, not theirs."""
    return _of_another_subject(u) or bool(
        u.attributes
        and (u.regions or u.unknown_places)
        and not (u.domain or u.people_pronoun or u.has_subject or u.topics or u.operations)
        # "в шэньяне на швейках сколько": a kind of work or an amount is the workers'.
        and not (u.other_sectors or u.amount_hinted or u.weak_intents)
        and not set(u.intents) - {Intent.GREETING, Intent.HELP}
    )


def _of_another_subject(u: Understanding) -> bool:
    # "what's the weather in sakhalin this weekend": a place named ties nothing when what is
    # asked outright is a listed noun of another subject (frames.py, other_asked).
    subject = u.has_subject and not u.other_asked
    return bool(
        (u.attributes or u.topics)
        and u.other_subject
        and not (u.strong_domain or u.people_pronoun or subject or u.regions)
        and not u.unknown_places
        and not (set(u.intents) - {Intent.GREETING, Intent.HELP} or u.operations)
        and not (u.amount_hinted or u.weak_intents)
    )


def named_foreign(s: Understanding) -> str:
    """The words of another subject as typed ("medical care"), else as stored."""
    tokens = words(s.text)
    # A foreign word may be stored as its lemma ("телевизор" for "по телевизору").
    at = [i for i, token in enumerate(tokens) if token in s.foreign] or [
        i for i, token in enumerate(tokens) if any(token.startswith(f) for f in s.foreign)
    ]
    if not at:
        return " ".join(dict.fromkeys(s.foreign[:NAMED_WORDS]))
    first, last = at[0], min(at[-1], at[0] + NAMED_WORDS - 1)
    if first and tokens[first - 1] in s.corrected_words:
        first -= 1  # "medical care": "medical" was taken for a typo of "media"
    return " ".join(tokens[first : last + 1])
