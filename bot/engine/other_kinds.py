"""English words of another subject that borrow the report's words. A dated occasion of
another subject, "when is chinese new year next year", "when does daylight saving end this
year": its words are no covered country, no year asked, no savings; it is what is asked.
Another kind of quota, "what's the h-1b visa quota this year", "the import quota for
chinese steel", "the us-china trade deal quota on soybeans": a word of another subject
right before the quota word (or after it and "on" / "of") makes the quota that subject's,
so the quota word alone ties the part to nothing. Data: `vocabulary/other_kinds_en.json`."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from bot.engine.gazetteer import ordinary_english
from bot.engine.language import Language
from bot.engine.text import words
from bot.engine.their_people import names_their_people
from bot.engine.vocabulary import FOLDER, Attribute, Intent

if TYPE_CHECKING:
    from bot.engine.understanding import Understanding
    from bot.engine.vocabulary import Vocabulary

# What an occasion's own words reach ("year", "saving").
_OCCASION_ATTRIBUTES = frozenset({Attribute.YEAR})
_OCCASION_TOPICS = frozenset({"savings", "earnings"})
_AFTER = ("on", "of")  # "quota on soybeans", "quota of steel imports"
_FIGURE_INTENTS = frozenset({Intent.QUOTA, Intent.DATE})


class _Data(NamedTuple):
    occasions: re.Pattern[str]
    first_words: frozenset[str]  # each occasion's first word (a cheap test before the pattern)
    quota_words: frozenset[str]
    own: frozenset[str]  # the report's own quota's words, and verbs that ask for it
    country_words: frozenset[str]
    strong: frozenset[str]  # the report's own words besides the quota word ("workers")


@lru_cache(maxsize=1)
def _data() -> _Data:
    raw = json.loads((FOLDER / "other_kinds_en.json").read_text(encoding="utf-8"))
    en = json.loads((FOLDER / "en.json").read_text(encoding="utf-8"))
    quota = frozenset(raw["quota_words"])
    phrases = sorted(raw["occasions"], key=len, reverse=True)
    pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, phrases))})\b")
    return _Data(
        pattern,
        frozenset(words(phrase)[0] for phrase in phrases),
        quota,
        frozenset(raw["own_quota_words"]) | frozenset(raw["not_modifiers"]),
        frozenset(raw["country_words"]),
        frozenset(en["domain_words"]) - frozenset(en["weak_domain_words"]) - quota,
    )


def occasion(text: str) -> str | None:
    """The dated occasion of another subject a folded English text names, or None."""
    data = _data()
    if data.first_words.isdisjoint(words(text)):
        return None  # most parts: no occasion's first word, no pattern run
    found = data.occasions.search(text)
    return found.group(0) if found else None


def other_quota_word(tokens: list[str], vocabulary: Vocabulary, unknown: set[str]) -> str | None:
    """The word of another subject that makes the quota named another kind's ("visa" in
    "h-1b visa quota", "soybeans" in "quota on soybeans"), or None."""
    data = _data()

    def other(word: str) -> bool:
        if word in data.own:
            return False
        # (an unknown word only when it is a common English one: "topline" is no subject)
        return word in vocabulary.off_topic_words or (word in unknown and ordinary_english(word))

    for index, token in enumerate(tokens):
        if token not in data.quota_words:
            continue
        if index and other(tokens[index - 1]):
            return tokens[index - 1]
        after = tokens[index + 1 : index + 3]
        if len(after) == 2 and after[0] in _AFTER and other(after[1]):
            return after[1]
    return None


def _names_workers(u: Understanding, tokens: list[str]) -> bool:
    """Whether the part names the workers, a covered place or a kind of work, or holds a
    strong word of the report's besides the quota word ("workers", "regime", "loyalty")."""
    if u.people_pronoun or u.workers_named or u.places or u.sectors:
        return True
    return bool(_data().strong & set(tokens)) or names_their_people(u.text, u.language)


def settle_other_kinds(u: Understanding, vocabulary: Vocabulary) -> None:
    """An occasion or another kind of quota named in an English part: that subject is what
    is asked, and the words it borrows from the report tie the part to nothing."""
    if u.language is not Language.EN:
        return
    tokens = words(u.text)
    named = occasion(u.text)
    if named is not None:
        borrowed = set(words(named))
        outside = set(words(u.text.replace(named, " ")))
        if borrowed & _data().country_words and not outside & _data().country_words:
            u.countries = []  # "chinese new year": no covered country named
        u.attributes = [a for a in u.attributes if a not in _OCCASION_ATTRIBUTES]
        u.topics = [t for t in u.topics if t not in _OCCASION_TOPICS]
        u.loose_topics = [t for t in u.loose_topics if t not in _OCCASION_TOPICS]
        u.intents = [i for i in u.intents if i not in _FIGURE_INTENTS]
        u.ties = [t for t in u.ties if not set(t.split()) & borrowed]
        _mark_other(u, named)
        return
    kind = other_quota_word(tokens, vocabulary, set(u.foreign) | set(u.unmapped))
    if kind is None:
        return
    if _names_workers(u, tokens):
        return  # "the visa quota for nk workers": theirs
    if u.regions or u.unknown_places:
        # "the import quota for chinese steel in the eu": the place is what the report does
        # not cover; the country beside the other kind of quota names no covered place.
        u.countries = []
        return
    quota = set(_data().quota_words)
    u.strong_domain = u.domain = u.quota_named = False
    u.intents = [i for i in u.intents if i not in _FIGURE_INTENTS]
    u.topics = [t for t in u.topics if t != "quota"]
    u.attributes = [a for a in u.attributes if a is not Attribute.YEAR]  # that quota's year
    u.ties = [t for t in u.ties if t not in quota]
    _mark_other(u, kind)


def _mark_other(u: Understanding, word: str) -> None:
    if word not in u.foreign:
        u.foreign.append(word)
    u.other_subject = u.other_asked = True
