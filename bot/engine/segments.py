"""A message's parts: split at question marks, full stops, "and what …" (or "+ how …",
"plus who …"), numbered items ("1) … 2) …"); a fragment ("name?", "dorms? sakhalin") is read
with the part before it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.engine.language import Language
from bot.engine.negated import without_negated
from bot.engine.operand_joins import attribute_and_sum, whole_ask
from bot.engine.text import words
from bot.engine.vocabulary import Intent

if TYPE_CHECKING:
    from bot.engine.understanding import Understanding

_QUESTION_START = (
    r"(?:what|whats|what's|how|hows|who|whos|when|where|why|which|can|could|do|does|did|"
    r"is|are|was|were|will|would)\b"
)
_WH_WORDS = frozenset("what whats how hows who whos when where why which".split())
# "… and um do they …", "… an when did it start", "… and sure who's sayin it": "and" as
# said or typed, with the fillers a speaker puts before the next question.
_AND = r",?\s+(?:and|an|n)\s+(?:(?:um|uh|er|erm|so|sure|then|like|ok|okay|well|yeah|oh)\s+)*"
_SEGMENT_SPLIT = re.compile(
    r"[?!;\n]+|\.\s+|\band also\b|\balso\b|" + _AND + "(?=" + _QUESTION_START + ")"
)
# "1) … 2) … 3) …", "(a) …", "1. … 2. …", "1、…2、…", "① … ②": numbered parts, each a
# part however short; the number is no figure of the question ("1. 大连多少钱").
# After a colon or a question mark too ("两个问题哈：1）…？2）…": NFKC makes "）" ")");
# "1.萨哈林", "2.up主": a dot straight before a letter is no decimal point; "第一，… 第二，…",
# "첫째, … 둘째, …": parts numbered in words.
_CJK = "\u3000-\u9fff\uac00-\ud7af"
_NUMBERED = re.compile(
    rf"(?:^|\s|(?<=[{_CJK}:;,?!.]))\(?(?:\d{{1,2}}|[a-e])\)\s*"
    rf"|(?:^|(?<=[\n?!.。？！:;,{_CJK}]))\s*\d{{1,2}}(?:\.\s+|、\s*)"
    rf"|(?:^|(?<=[\s?!.。？！:;,{_CJK}]))\d{{1,2}}\.(?=[^\W\d_])"
    r"|(?:^|(?<=[\s?!.。？！:;,]))第[一二三四五六七八九十]{1,2}(?:个问题|点)?[,:、]\s*"
    r"|(?:^|(?<=[\s?!.:;,]))(?:첫째|둘째|셋째|넷째)(?:로)?\s*[,:]\s*"
    r"|[\u2460-\u2473\u2776-\u277f]\s*"
)
_DOTTED_START = re.compile(r"\s*1\.\s")
_DOTTED = re.compile(r"(?:^|\s)\d{1,2}\.\s+")
# "sakhalin quota? also how many workers": what comes before "also" is a question of its own.
_ALSO = re.compile(r"[?!.]\s*(?:and\s+)?also\b")
# "sakhalin quota + how many hours": "+", "&" or "plus" before a question joins two questions.
_JOINED = re.compile(r",?\s+(?:plus|&|\+)\s+(?=" + _QUESTION_START + ")")
# A piece this short ("name?", "dorms?", "sakhalin") finishes the part before it.
FRAGMENT_WORDS = 2
# "work themselves to death?? who said that": who said the part before, read with it.
_WHO_SAID_IT = re.compile(
    r"\s*(?:(?:so|and|but|ok|okay)\s+)?(?:(?:who|whos|who's|whose)\s+(?:said|says|say|claims|"
    r"claimed|told|wrote|reported|quoted|is saying|was saying)|says\s+who|source)"
    r"(?:\s+(?:that|this|it|so|those|these|those words|exactly|then))*\s*",
    re.IGNORECASE,
)
# Words that point back to an earlier part of the message ("what's the quota there").
ANAPHORS = frozenset("there it its they them their that those these this".split())
# A later part asked of every place, not of the one before it.
GENERAL_WORDS = frozenset(
    "overall general both all each every other others total altogether everywhere elsewhere "
    "combined two places countries".split()
)


_CIRCLED = re.compile(r"[\u2460-\u2473]")


def number_marks(question: str) -> str:
    """ "① … ②": numbered parts written as "1) … 2)" before the text is normalised (which
    would read "①" as the figure 1)."""
    return _CIRCLED.sub(lambda m: f" {ord(m.group()) - 0x245F}) ", question)


# "for our sanctions screening file", "asking for our local's bulletin": what the asker
# needs it for, not what is asked (its words are no cues: "sanctions", "local's").
_ASIDE = re.compile(
    r"\(?\b(?:(?:i'?m |i am |we'?re |we are |just )?asking )?for (?:our|my|a|his|her|their) "
    r"(?:[\w'-]+ ){0,4}?(?:file|files|bulletin|newsletter|records|assignment|homework|class|"
    r"course|lab|paper|essay|thesis|screening|audit|blog|podcast|seminar|presentation|notes|"
    r"dossier|memo|briefing|slides|project)\)?(?=\s*(?:[).,;:!?]|$))"
)


def without_asides(text: str) -> str:
    """The message without a trailing "for our …" aside about what the answer is for, nor
    what it names only to set aside ("not the quota, the wage": negated.py)."""
    return _ASIDE.sub(" ", without_negated(text))


def split_parts(text: str) -> list[str]:
    """The parts of a message; a fragment ("where do they live, dorms? sakhalin") is
    read with the part before it (or, first, after it)."""
    # "1. how much in sakhalin 2. how many workers there": a list begun at "1." goes on
    # at "2." wherever it stands.
    marks = _DOTTED if _DOTTED_START.match(text) else _NUMBERED
    numbered = [part for part in marks.split(text) if part.strip()]
    if numbered and numbered != [text]:
        return [piece for part in numbered for piece in split_parts(part)]
    asked = [part for part in _ALSO.split(text) if part.strip()]
    if len(asked) == 1:
        asked = [part for part in _JOINED.split(text) if part.strip()]
    if len(asked) > 1:
        return [piece for part in asked for piece in split_parts(part)]
    pieces: list[str] = []
    fragment = ""
    for piece in _SEGMENT_SPLIT.split(text):
        if not piece or not piece.strip():
            continue
        tokens = words(piece)
        # "… and why?": a question word keeps a short part a question of its own.
        asks = not _WH_WORDS.isdisjoint(tokens)
        if pieces and _WHO_SAID_IT.fullmatch(piece):
            pieces[-1] = f"{pieces[-1]} {piece.strip()}"
            continue
        if len(tokens) <= FRAGMENT_WORDS and not asks:
            # Glued at a ";", where read_parts may cut again if it asks something of its
            # own ("what's the dalian quota? wage?").
            if pieces:
                pieces[-1] = f"{pieces[-1]} ; {piece.strip()}"
            else:
                fragment = f"{fragment} ; {piece.strip()}" if fragment else piece.strip()
            continue
        pieces.append(f"{fragment} ; {piece}".strip() if fragment else piece)
        fragment = ""
    if fragment:
        pieces.append(fragment)
    return pieces or [text]


# The lists a message's parts add up to for the whole message.
_MERGED_LISTS = (
    "intents places countries currencies sectors topics unknown_places attributes operations "
    "other_currencies other_sectors regions question_words figures dates governments"
).split()


def merge_part(into: Understanding, part: Understanding) -> None:
    """Adds one part's reading to the whole message's."""
    for name in _MERGED_LISTS:
        target = getattr(into, name)
        for value in getattr(part, name):
            _add(target, value)
    into.corrected_words.update(part.corrected_words)
    into.domain = into.domain or part.domain
    into.now = into.now or part.now
    into.before = into.before or part.before
    into.role_play = into.role_play or part.role_play
    into.pair_asked = into.pair_asked or part.pair_asked
    into.change_asked = into.change_asked or part.change_asked
    into.credit_asked = into.credit_asked or part.credit_asked
    into.months = into.months if into.months is not None else part.months
    into.headcount = into.headcount if into.headcount is not None else part.headcount
    if into.days_in_month is None:
        into.days_in_month = part.days_in_month
    if part.change_factor is not None:
        into.change_factor = part.change_factor


def _add(target: list[Any], value: object) -> None:
    if value not in target:
        target.append(value)


@cache
def joiner_tables() -> dict[str, tuple[re.Pattern[str], ...]]:
    data = json.loads((Path(__file__).parent / "vocabulary" / "joiners.json").read_text("utf-8"))
    return {
        code: tuple(
            re.compile(table[key]) for key in ("join", "list", "or", "points", "person", "echo")
        )
        for code, table in data.items()
        if code != "about"
    }


def soft_parts(piece: str, language: Language) -> list[str]:
    """Where a language joins two asks in one clause ("the dalian wage and the dalian
    quota", "노동자 수랑 할당량"; a comma only in a list closed by "and": "the figure, the
    source and the date"): the pieces, kept only if each asks (read_parts)."""
    table = joiner_tables().get(language.value)
    if table is None:
        return [piece]
    joiner, listed, choice, *_rest = table
    parts = [part.strip() for part in joiner.split(piece) if part and part.strip()]
    if len(parts) > 1:
        parts = [item.strip() for part in parts for item in listed.split(part) if item.strip()]
    if any(choice.search(part) for part in parts[1:]):
        return [piece]  # "how do they pay it, cash or transfer": the choice spells it out
    return parts


def offers_choice(text: str, language: Language) -> bool:
    """ "или", "还是", "아니면": the language's word offering a choice (joiners.json)."""
    return (table := joiner_tables().get(language.value)) is not None and bool(
        table[2].search(text)
    )


def asks_something(part: Understanding) -> bool:
    """A cue, an attribute, a topic or another subject: more than a place; the quota by a
    verb alone ("how do they pay it, cash or transfer") is no ask of its own."""
    quota = Intent.QUOTA in part.intents and (part.quota_named or part.amount_hinted)
    return bool(
        quota
        or set(part.intents) - {Intent.QUOTA}
        or (Intent.QUOTA in part.weak_intents and part.amount_hinted)
        or set(part.weak_intents) - {Intent.QUOTA}
        or part.attributes
        or part.weak_attributes
        or part.topics
        or part.weak_topics
        or part.loose_topics
        or part.listed_foreign
        or part.places_asked
    )


def names_subject(part: Understanding) -> bool:
    return bool(part.places or part.countries or part.sectors or part.unknown_places)


def read_parts(
    piece: str,
    language: Language,
    read: Callable[[str, bool], Understanding],
    instructed: bool,
) -> list[Understanding]:
    """A part of a message, read whole, or as the asks it joins when every one of them asks
    something ("the dalian wage and the dalian quota": each answered once, with its own
    attribute); one with no place of its own is about its neighbour's ("квота и зарплата в
    Даляне")."""
    whole = read(piece, instructed)
    pieces = soft_parts(piece, language)
    if len(pieces) > 1 and (not whole_ask(whole) or whole.attributes):
        parts = [read(part, instructed) for part in pieces]
        if whole_ask(whole) and not attribute_and_sum(parts):
            return [whole]
        # "what happens to one who misses the quota? punishment?": an ask by a word no cue
        # maps ("happens") is spelt out by the part after it, not a second question.
        open_ask = any(part.asks_by_word for part in parts[:-1])
        echoing = [
            echoes(part, said) for part, said in zip(parts, _with_joins(piece, pieces), strict=True)
        ]
        asking = [asks_something(part) for part in parts]
        if all(a or e for a, e in zip(asking, echoing, strict=True)) and any(asking):
            if open_ask:
                return [whole]
            for index, part in enumerate(parts):
                if echoing[index]:
                    ask_as_before(
                        [p for p, a in zip(parts[:index], asking, strict=False) if a], part
                    )
                nearest = [*reversed(parts[:index]), *parts[index + 1 :]]
                named = [p for p in nearest if names_subject(p)]
                if named and not names_subject(part):
                    share_subject(named[0], part)
            return parts
    return [whole]


_NOT_ECHOED = frozenset("greeting help about_bot not_covered off_topic start usage".split())


def _with_joins(piece: str, pieces: list[str]) -> list[str]:
    """Each piece as said, with the joining word before it ("…, а для Даляня")."""
    said: list[str] = []
    start = 0
    for part in pieces:
        end = piece.find(part, start)
        if end < 0:
            return pieces
        said.append(piece[start : end + len(part)] if said else part)
        start = end + len(part)
    return said


def echoes(part: Understanding, said: str) -> bool:
    """ "the one for dalian", "а для Даляня", "那大连呢": a subject, no ask, a pointing word."""
    table = joiner_tables().get(part.language.value)
    return (
        table is not None
        and names_subject(part)
        and not asks_something(part)
        and not whole_ask(part)
        and table[5].search(said) is not None
    )


def ask_as_before(earlier: list[Understanding], part: Understanding) -> None:
    """The ask before it, of its own subject ("the same for dalian"); first, its figures."""
    if not earlier:
        return
    source = earlier[-1]  # its asks of the report, not "are you a bot" ("…机器人…大连也一样吗")
    part.intents = [i for i in source.intents if i.value not in _NOT_ECHOED]
    part.attributes = list(source.attributes)
    part.topics = list(source.topics)


def share_subject(source: Understanding, part: Understanding) -> None:
    part.places = list(source.places)
    part.countries = list(source.countries)
    part.sectors = list(source.sectors)
    part.unknown_places = list(source.unknown_places)


# "and the quota", "plus the amount": the quota asked beside another ask.
_AND_QUOTA = re.compile(
    r"\b(?:and|plus|also|as well as)\b(?:\s+\w+){0,3}?\s+(?:quota|quotas)"
    r"(?:\s+(?:too|as well|please|pls|there|now|amount|figure))?\W*$"
)


def quota_also_asked(segment: Understanding) -> bool:
    """ "whats the dalian wage and the dalian quota": the quota asked too, after "and"."""
    return segment.quota_named and _AND_QUOTA.search(segment.text) is not None


def asks_nothing_new(segment: Understanding) -> bool:
    """A later part that asks nothing of its own ("is there a number or not", "in the 90s
    there were many"): no cue but weak ones, no attribute, operation or topic asked, no
    other place, no question word ("how much" asks); it goes with the question before it.
    In the other languages a weak cue asks more ("얼마 내는지"): there a part asks nothing
    new only with no cue at all ("有个准数没", "挣得多不多啊", "想去看看")."""
    if "how" in words(segment.text):
        return False
    if segment.language is not Language.EN and (segment.intents or segment.topics):
        return False
    return not (
        segment.question_words
        or set(segment.intents) - set(segment.settled_intents)
        or segment.attributes
        or segment.operations
        or set(segment.topics) - set(segment.settled_topics)
        or segment.unknown_places
        or segment.regions
        or segment.foreign
        or segment.own_figures
    )
