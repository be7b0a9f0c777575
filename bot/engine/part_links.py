"""How a message's parts lean on each other, once each is read (segments.py splits and
reads them): weak cues settled part by part, a later part with no subject of its own
about the one before it ("what's the quota there now"), one pointing ahead ("1) is it
monthly … 3) what currency in russia") about the first later part naming one, a part
asking on about the sources, and the whole message adding its parts up."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.engine.language import Language
from bot.engine.operand_joins import whole_ask
from bot.engine.segments import (
    ANAPHORS,
    FRAGMENT_WORDS,
    GENERAL_WORDS,
    asks_something,
    joiner_tables,
    merge_part,
    names_subject,
    share_subject,
)
from bot.engine.text import words
from bot.engine.vocabulary import Intent, Operation

if TYPE_CHECKING:
    from bot.engine.understanding import Understanding


def settle_parts(
    result: Understanding, chat: frozenset[str], stopwords: frozenset[str], terse_words: int
) -> None:
    """Weak cues settled part by part ("numbers please", "both pls", "when?": in a part this
    short, a weak cue is the question itself); a later part with no subject of its own is
    about the one before it; the whole message adds its parts up."""
    _point_ahead(result.segments)
    previous: Understanding | None = None
    for index, segment in enumerate(result.segments):
        # A weak cue after an on-topic part of the same message, with no word of another
        # subject ("…还有为啥要涨啊"), is asked of the report as the parts before it are.
        after_topic = previous is not None and previous.on_topic and not segment.foreign
        # "萨哈林冬天冷不冷 一般多少度": a terse question word after a part about another
        # subject asks on about that subject.
        after_other = previous is not None and _off_topic(previous)
        terse = is_terse(segment, chat, stopwords, terse_words) and not after_other
        segment.settle_weak(segment.on_topic or terse or after_topic)
        own_subject = names_subject(segment)
        if previous is not None and (previous.has_subject or _elsewhere(previous)):
            inherit_subject(previous, segment)
        asked = {p for earlier in result.segments[:index] for p in earlier.places}
        if not own_subject and Operation.COMBINED in segment.operations and len(asked) > 1:
            # "1. sakhalin 2. dalian 3. together in usd": the sum of every place asked before.
            for place in [p for earlier in result.segments[:index] for p in earlier.places]:
                if place not in segment.places:
                    segment.places.append(place)
        if previous is not None:
            _follow_source(previous, segment)
        previous = segment
        merge_part(result, segment)


def _follow_source(previous: Understanding, segment: Understanding) -> None:
    """ "Источник в России — кто это? Он хоть как-то назван?", "who's the source? is he
    named?": a part that asks nothing of its own and points to a person, after one about the
    sources, asks on about them, not for the figures of the place it inherits."""
    if asks_something(segment) or whole_ask(segment) or segment.unknown_places:
        return
    table = joiner_tables().get(segment.language.value)
    if table is None or not table[4].search(segment.text):
        return  # "source? for the sakhalin number i mean. what is it even": the number
    if Intent.SOURCES in previous.intents:
        segment.intents.append(Intent.SOURCES)


def _point_ahead(segments: list[Understanding]) -> None:
    """ "1) is it monthly 2) is it per person 3) what currency in russia": before any part
    names a subject, one that points to it ("it", "там", "那里", "거기") is about the first
    later part that names one."""
    for index, segment in enumerate(segments):
        if names_subject(segment) or segment.has_subject:
            return
        table = joiner_tables().get(segment.language.value)
        if table is None or not table[3].search(segment.text):
            continue
        later = [part for part in segments[index + 1 :] if names_subject(part)]
        if later:
            share_subject(later[0], segment)


def inherit_subject(previous: Understanding, segment: Understanding) -> None:
    """A later part that points back ("what's the quota there now") is about the subject
    of the part before it; after a place the report does not cover ("в Якутии …? Какие у
    них нормы?", "沈阳那些餐厅的服务员，她们也要交吗"), that place, even with a kind of work."""
    if _off_topic(previous) and not _asks_anything(segment):
        # "明天大连天气咋样 风大不大": a part asking nothing after one about another subject
        # (the weather there) is about that subject too, not the place's quota.
        segment.foreign = list(dict.fromkeys([*segment.foreign, *previous.foreign]))
        segment.other_subject = True
        return
    if _elsewhere(previous) and not (_covered(segment) or segment.unknown_places):
        segment.unknown_places = list(previous.unknown_places)
        segment.regions = list(dict.fromkeys([*segment.regions, *previous.regions]))
        return
    if segment.places or segment.countries or segment.sectors or segment.pair_asked:
        return  # ("两边加起来": both places, not the one before)
    if segment.unknown_places or segment.regions:
        return
    asked = previous.topics or previous.attributes
    if not _asks_anything(segment) and asked and Intent.QUOTA not in previous.intents:
        # "萨哈林有没有女工啊 还是都是老爷们": a remark after a topic's question asks no
        # figure of its place; nor "want to check their supply chain" after one the report
        # does not answer ("name of the seafood company in dalian?").
        return
    tokens = words(segment.text)
    # "2) in dollars": a short part with no place is the one before's (ru/zh/ko leave it out).
    english = segment.language is Language.EN
    if english and not ANAPHORS & set(tokens) and len(tokens) > FRAGMENT_WORDS + 1:
        # "how many workers are in sakhalin and what's the quota": a figure asked with no
        # subject of its own, after a part with one, is that subject's (not "overall").
        # ("…due in malabo? i need the date": the same ask again is of the same subject.)
        figure = bool({Intent.QUOTA, *previous.intents} & {*segment.intents} or segment.attributes)
        if not figure or GENERAL_WORDS & set(tokens):
            return
    segment.places = list(previous.places)
    segment.countries = list(previous.countries)
    segment.sectors = list(previous.sectors)
    segment.currencies = list(dict.fromkeys([*segment.currencies, *previous.currencies]))
    if not (segment.intents or segment.topics or segment.attributes):
        # "russia's government knows? any statement?": still its government asked about.
        segment.governments = list(dict.fromkeys([*segment.governments, *previous.governments]))


def _off_topic(part: Understanding) -> bool:
    """A part about another subject only ("大连天气咋样"): a noun of it and no ask."""
    return part.other_subject and not _asks_anything(part)


def _asks_anything(part: Understanding) -> bool:
    return bool(part.intents or part.topics or part.attributes or part.operations or part.figures)


def _covered(part: Understanding) -> bool:
    return bool(part.places or part.countries or part.regions)


def _elsewhere(part: Understanding) -> bool:
    """Only places the report does not cover named ("во владике", "沈阳")."""
    return bool(part.unknown_places or part.regions) and not (part.places or part.countries)


def is_terse(
    segment: Understanding, chat: frozenset[str], stopwords: frozenset[str], most: int
) -> bool:
    """ "numbers please", "both pls", "when?": in a message this short, a weak cue is the
    question itself. Stopwords are not counted ("tell me about the extra money") unless a
    word was guessed from a typo ("any good meels nearby" asks nothing of the report); nor a
    bare "when" beside a content word no table knows, with no place ("何时是中秋节": the
    festival's day; "노르마 얼마" still asks the quota in a word of its own)."""
    if segment.foreign:
        return False
    bare_when = set(segment.weak_intents) == {Intent.DATE}
    if segment.unread and bare_when and not names_subject(segment):
        return False
    counted = [w for w in words(segment.text) if w not in chat]
    if not segment.corrected_words:
        counted = [w for w in counted if w not in stopwords]
    if segment.language is Language.ZH:
        # Chinese writes no spaces: a run of Han characters is about one word per two
        # ("为什么刷不出来" is no terse "为啥?").
        return sum(-(-len(_HAN.findall(w)) // 2) or 1 for w in counted) <= most
    return len(counted) <= most


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
