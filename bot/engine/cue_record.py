"""What one matched cue adds to a part's frame: an intent, an attribute, an operation, a
place, a topic… (the reader, understand.py, finds the cues; this records them)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from bot.engine import world_currencies
from bot.engine.language_cues import LANGUAGE_CUES, record_language_cue
from bot.engine.relevance import note_tie
from bot.engine.understanding import Understanding, add_once
from bot.engine.vocabulary import Attribute, Cue, Intent, Operation, Vocabulary


def record_cue(
    result: Understanding,
    kind: str,
    value: str,
    phrase: str,
    data: Vocabulary,
    phrases: Mapping[str, Sequence[tuple[str, str]]],
    strong_domain: frozenset[str],
    stored_places: Callable[[str], list[str]],
    known_topic: Callable[[str], bool],
) -> None:
    note_tie(result, kind, phrase, data)  # relevance.py, word by word
    if kind == Cue.INTENT:
        add_once(result.intents, Intent(value))
        if value == Intent.QUOTA and phrase not in data.quota_verbs:
            result.quota_named = True  # "quota", "the amount", not only "pay"
    elif kind == Cue.WEAK_INTENT:
        add_once(result.weak_intents, Intent(value))
        if (
            value == Intent.QUOTA
            and phrase not in data.not_amount_words
            and not any(k in (Cue.NOW, Cue.BEFORE) for k, _ in phrases.get(phrase, ()))
        ):
            result.amount_hinted = True  # "how much", not just "after"
    elif kind == Cue.ATTRIBUTE:
        add_once(result.attributes, Attribute(value))
        if strong_domain & set(phrase.split()):  # "how many workers": of them
            result.domain = result.strong_domain = True
        if value == Attribute.OTHER_CURRENCY:
            shown = data.other_currencies.get(phrase)
            name = shown or world_currencies.shown(phrase)
            add_once(result.other_currencies, name)
        elif value == Attribute.OTHER_SECTOR and phrase:
            add_once(result.other_sectors, phrase)
    elif kind == Cue.OPERATION:
        add_once(result.operations, Operation(value))
        if phrase in data.cue_periods:  # "extra per year"
            add_once(result.operations, data.cue_periods[phrase])
    elif kind == Cue.DOMAIN:
        result.domain = True
        if phrase not in data.weak_domain_words:
            result.strong_domain = True
        result.people_pronoun |= phrase in data.people_pronouns
    elif kind == Cue.QUESTION_WORD:
        add_once(result.question_words, phrase)
    elif kind == Cue.REGION:
        # "vladivostok": a region of the seed's, a place of a report imported since;
        # "улан-батор", "乌兰巴托" (a city by its name in CLDR or the vocabulary, shown
        # as "Ulaanbaatar"): the stored place, once a report gives figures for it.
        stored = stored_places(value)
        for place in stored:
            add_once(result.places, place)
        if not stored and not any(k == "place" for k, _ in phrases.get(phrase, ())):
            add_once(result.regions, value)
    elif kind == Cue.NOW:
        result.now = True
    elif kind == Cue.BEFORE:
        result.before = True
    elif kind == Cue.ROLE_PLAY:
        result.role_play = True
    elif kind == Cue.CHANGE_ASKED:
        result.change_asked = True
    elif kind == Cue.TOPIC:
        # "feel" (savings|doubling) yields to a topic named outright ("locals").
        target = result.loose_topics if "|" in value else result.topics
        for topic in value.split("|"):
            if known_topic(topic):
                add_once(target, topic)
    elif kind == "place":
        add_once(result.places, value)
    elif kind in ("country", "any_country"):
        add_once(result.countries, value)
    elif kind == "currency":
        add_once(result.currencies, value)
    elif kind == "sector":
        add_once(result.sectors, value)
    elif kind == "topic":
        add_once(result.topics, value)
    elif kind == "weak_topic":
        add_once(result.weak_topics, value)
    elif kind in LANGUAGE_CUES:
        record_language_cue(result, kind, value, phrase)  # "они", "погода", "втрое"
    if phrase in data.change_words:
        result.change_factor = data.change_words[phrase]
