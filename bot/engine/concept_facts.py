"""What a report's statements and quotes say about the thing a question asks, in any of the
four languages: "паспорта у лесорубов забирают?", "格但斯克的工人周日休息吗", "빈트후크 사람들은
어디서 자요", "can the fishermen even go ashore". The question's words are read into shared
concepts (passports, food, housing, hours, days off, penalties, officials, a correction, what
the money is for ...) by the cue words of its language (vocabulary/concepts.json); the same
concepts are found in the English words the claims are stored with (the search index's
stems, and the claim's topic). Of the places, countries or kinds of work asked (their facts,
and the facts of the same report that name no place), the claims that carry the most of the
asked concepts are shown, led by what was asked in the asker's language ("Про паспорта:");
the claims' own words follow as given, marked as the original where the reply is not
English. A question none of whose concepts a claim carries gets nothing here: the other
readers (and "the report does not say") answer it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bot.engine.asks import about_the_place
from bot.engine.bearing import facts_at
from bot.engine.compose import Composer
from bot.engine.date_asks import when_word
from bot.engine.language import Language
from bot.engine.reply import Reply
from bot.engine.retrieval import ClaimSearch, terms
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import FOLDER, Intent
from bot.engine.wording import _
from bot.markup import Html, bold, fmt
from db.views import ClaimView

MAX_SHOWN = 3
NAMING = (["who"], ["which"], ["whose"], ["whom"])
# What a question may ask besides the concept and still be answered by its facts: "is it
# true they take the passports" (verified), a quota word it uses ("who fall behind on
# payment"), a list read into "he named another figure first". Not the kinds of work
# ("what jobs do they do": the sectors, not a fact that uses "job").
ANSWERED_BESIDE = frozenset({Intent.QUOTA, Intent.VERIFIED, Intent.LIST})
_WORD = re.compile(r"\w+", re.UNICODE)
_HAN = re.compile(r"[\u3400-\u9fff]")
SHORT = 4  # a Russian or Korean word before a phrase's last one, shorter than this: whole
EXACT = "="  # a Russian or Korean cue that must be the whole word, not its start


@dataclass(frozen=True)
class Concept:
    name: str
    secondary: bool
    stems: tuple[tuple[str, ...], ...]  # each English cue's stems, as the index holds them
    topic: frozenset[str]
    label: dict[str, str]
    needs_figure: bool = False


def _english_forms(word: str) -> frozenset[str]:
    """A word with the English endings a question may give it."""
    forms = {word, f"{word}s", f"{word}es", f"{word}ed", f"{word}d", f"{word}ing"}
    if word.endswith("e"):
        forms.add(f"{word[:-1]}ing")
    if word.endswith("y"):
        forms |= {f"{word[:-1]}ies", f"{word[:-1]}ied"}
    return frozenset(forms)


# A cue word: (the word, how it matches: "forms" English endings, "start" a word's start,
# "whole" the word itself).
_Word = tuple[str, str]


class _Cues:
    """The cues of several names in every language, read off a text's words in one pass:
    English words by their forms, Russian and Korean by their start, Chinese as substrings."""

    def __init__(self, table: dict[str, dict[str, list[str]]]) -> None:
        self._forms: dict[str, list[tuple[str, tuple[_Word, ...]]]] = {}
        self._starts: dict[str, list[tuple[str, tuple[_Word, ...]]]] = {}
        self._han: list[tuple[str, str]] = []
        for name, cues in table.items():
            for cue in cues.get("en", ()):
                words = tuple((w, "forms") for w in cue.casefold().split())
                for form in _english_forms(words[0][0]):
                    self._forms.setdefault(form, []).append((name, words))
            for language in ("ru", "ko"):
                for cue in cues.get(language, ()):
                    split = cue.casefold().split()
                    words = tuple(
                        (w.removesuffix(EXACT), "whole")
                        if w.endswith(EXACT) or (i < len(split) - 1 and len(w) < SHORT)
                        else (w, "start")
                        for i, w in enumerate(split)
                    )
                    self._starts.setdefault(words[0][0][0], []).append((name, words))
            self._han += [(name, cue) for cue in cues.get("zh", ())]

    @staticmethod
    def _fits(word: _Word, token: str) -> bool:
        text, how = word
        if how == "forms":
            return token in _english_forms(text)
        return token.startswith(text) if how == "start" else token == text

    def _rest(self, words: tuple[_Word, ...], tokens: list[str], at: int) -> bool:
        if at + len(words) > len(tokens):
            return False
        return all(self._fits(w, tokens[at + i]) for i, w in enumerate(words) if i)

    def names(self, folded: str) -> set[str]:
        found: set[str] = set()
        tokens = _WORD.findall(folded)
        for at, token in enumerate(tokens):
            for name, words in self._forms.get(token, ()):
                if name not in found and self._rest(words, tokens, at):
                    found.add(name)
            for name, words in self._starts.get(token[0], ()):
                fits = name not in found and self._fits(words[0], token)
                if fits and self._rest(words, tokens, at):
                    found.add(name)
        if _HAN.search(folded):
            found.update(name for name, cue in self._han if cue in folded)
        return found


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FOLDER / "concepts.json").read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def concepts() -> tuple[Concept, ...]:
    found = []
    for name, entry in _data()["concepts"].items():
        stems = []
        for cue in [*entry.get("en", ()), *entry.get("claim", ())]:
            cue_stems = tuple(dict.fromkeys(terms(cue)))
            # A phrase of one meaningful word ("money is for") says too little of a claim.
            if cue_stems and (len(cue.split()) == 1 or len(cue_stems) > 1):
                stems.append(cue_stems)
        found.append(
            Concept(
                name=name,
                secondary=bool(entry.get("secondary")),
                stems=tuple(stems),
                topic=frozenset(entry.get("topic", ())),
                label=dict(entry["label"]),
                needs_figure=bool(entry.get("needs_figure")),
            )
        )
    return tuple(found)


@lru_cache(maxsize=1)
def _asked() -> _Cues:
    table = {}
    for name, entry in _data()["concepts"].items():
        table[name] = {**entry, "en": [*entry.get("en", ()), *entry.get("asked_only", ())]}
    return _Cues(table)


def warm_up() -> None:
    """The concepts and their cue tables, read before the first question needs them."""
    concepts()
    _asked()
    _amount()


def _folded(text: str) -> str:
    return text.casefold().replace("ё", "е").replace("’", "'")


def asked_concepts(text: str) -> list[Concept]:
    """The concepts a question's words carry, in any of the four languages."""
    names = _asked().names(_folded(text))
    return [concept for concept in concepts() if concept.name in names]


@lru_cache(maxsize=1)
def _amount() -> _Cues:
    return _Cues({"amount": _data()["amount_asked"]})


def asks_amount(text: str) -> bool:
    """The question asks how many or how much ("how many hours", "сколько часов", "几个小时",
    "몇 시간"): a figure, which the figures' readers and the silences answer."""
    return bool(_amount().names(_folded(text)))


_FIGURE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|eighteen|twenty|dawn|dusk|midnight)\b",
    re.IGNORECASE,
)


def _uses(concept: Concept, search: ClaimSearch, among: set[int] | None) -> dict[int, int]:
    """Claim id -> how many of the concept's English cues the claim's words use (of
    ``among`` when given), from the search index's postings."""
    uses: dict[int, int] = {}
    for cue in concept.stems:
        ids = search.claim_ids(cue[0])
        if among is not None:
            ids &= among
        for stem in cue[1:]:
            if not ids:
                break
            ids &= search.claim_ids(stem)
        for claim_id in ids:
            uses[claim_id] = uses.get(claim_id, 0) + 1
    return uses


def concept_claims(
    u: Understanding, c: Composer, search: ClaimSearch
) -> tuple[list[ClaimView], Concept | None]:
    """The active facts that carry the most of the concepts the question asks (of the
    subject it names), best first, and the concept to lead with; none when no fact carries
    one of them."""
    asked = asked_concepts(u.text)
    primary = [concept for concept in asked if not concept.secondary]
    if not primary:
        return [], None
    places: set[str] = set(u.places)
    countries: set[str] = set(u.countries)
    articles: set[int] = set()
    if u.has_subject:
        for quota in c.quotas(u):
            if quota.place:
                places.add(quota.place)
            if quota.country:
                countries.add(quota.country)
            articles.add(quota.article_id)
    at_places = {
        claim.id: claim
        for place in sorted(places)
        for claim in (facts_at(c).get(place, ()) if u.has_subject else ())
    }

    def in_scope(claim: ClaimView) -> bool:
        if not claim.active or claim.is_quota:
            return False
        if not u.has_subject:
            return True
        if claim.place:
            return claim.place in places
        return claim.article_id in articles

    uses = {concept.name: _uses(concept, search, None) for concept in primary}
    for concept in primary:
        if concept.topic:  # "what do they do there": a fact at the place filed under work
            for claim in at_places.values():
                if concept.topic & set(_WORD.findall(claim.topic.casefold())):
                    found = uses[concept.name]
                    found[claim.id] = found.get(claim.id, 0) + 1
    found_ids = {claim_id for table in uses.values() for claim_id in table}
    claims = {}
    for claim_id in found_ids:
        stored = at_places.get(claim_id) or search.claim(claim_id)
        if stored is not None and in_scope(stored):
            claims[claim_id] = stored
    for concept in primary:
        if concept.needs_figure:  # "longer hours" does not say how many
            table = uses[concept.name]
            for claim_id in [i for i in table if i in claims]:
                claim = claims[claim_id]
                if not _FIGURE.search(f"{claim.statement} {claim.quote or ''}"):
                    del table[claim_id]
    secondary = [concept for concept in asked if concept.secondary]
    extra = {concept.name: _uses(concept, search, set(claims)) for concept in secondary}
    ranked: list[tuple[tuple[int, int, int, int], ClaimView, list[Concept]]] = []
    for claim_id, claim in claims.items():
        main = [concept for concept in primary if uses[concept.name].get(claim_id)]
        if not main:
            continue
        also = sum(bool(extra[concept.name].get(claim_id)) for concept in secondary)
        words = sum(uses[concept.name].get(claim_id, 0) for concept in primary)
        at_place = bool(claim.place and claim.place in places)
        # The most asked concepts, then the most of their words ("the money goes to a
        # construction fund" over "the fund does not wait"), then the place asked.
        ranked.append(((len(main), also, words, at_place), claim, main))
    if not ranked:
        return [], None
    best = max(key for key, _claim, _main in ranked)
    chosen = [(claim, main) for key, claim, main in ranked if key == best]
    chosen.sort(key=lambda pair: pair[0].id)
    return [claim for claim, _main in chosen[:MAX_SHOWN]], chosen[0][1][0]


def answer_concepts(u: Understanding, c: Composer, search: ClaimSearch, reply: Reply) -> bool:
    """The facts that carry what the question asks, led by the asked thing in the asker's
    language; False (nothing added) when none does."""
    asked = set(u.intents) - set(u.settled_intents) - ANSWERED_BESIDE
    # "when did the doha cut kick in" asks a date; "can they go ashore when in port" not.
    # "who signs the passports" asks a name a fact using "passports" need not give.
    first = _WORD.findall(_folded(u.text))[:1]
    when = first == ["when"] or when_word(u.text, u.language)
    if asked or when or first in NAMING or u.figures or u.operations or asks_amount(u.text):
        return False  # "when did the doha cut kick in", "сколько часов": asked otherwise
    if u.unit_count:
        return False  # "maputo per shift?": the figure due per shift (basis_units.py)
    if about_the_place(u, c.snapshot.articles.values()):
        return False  # "why is dalian called dalian": the place's own story
    found, concept = concept_claims(u, c, search)
    if not found or concept is None:
        return False
    if all(claim.topic in u.topics and not claim.place for claim in found):
        return False  # "how does pyongyang sell it": the topic asked answers with its title
    language = u.language.value if isinstance(u.language, Language) else str(u.language)
    thing = concept.label.get(language) or concept.label["en"]
    reply.lines.append(lead_line(thing))
    for claim in found:
        reply.use(claim.id, claim.article_id)
        # All the report's words on it, the statement and the quote ("sell vegetables on
        # Sundays", "cabbages and peppers"); where editors translated the quote into the
        # asker's language, the quote (translated, then the original) or the statement,
        # whichever carries what is asked.
        translated = language in claim.translations
        quoted = set(terms(claim.quote or ""))
        in_quote = any(set(cue) <= quoted for cue in concept.stems)
        both = bool(claim.quote) and not translated
        line = c.claim_line(claim, full=not (both or in_quote), both=both)
        reply.lines.append(fmt("• {}", line))
    reply.intents.append(Intent.STATEMENTS)
    return True


def lead_line(thing: str) -> Html:
    """The line a concept's facts are led with (for tests and other composers)."""
    return bold(fmt(_("On {thing}:"), thing=thing))
