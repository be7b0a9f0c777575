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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

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
# What a question may ask besides the concept and still be answered by its facts: "is it
# true they take the passports" (verified), a quota word it uses ("who fall behind on
# payment"), a kind of work named ("if the road job doesnt pay enough").
ANSWERED_BESIDE = frozenset({Intent.QUOTA, Intent.VERIFIED, Intent.SECTORS, Intent.LIST})
_WORD = re.compile(r"\w+(?:[-']\w+)*", re.UNICODE)
SHORT = 4  # a word of a phrase shorter than this is matched whole
EXACT = "="  # a Russian or Korean cue that must be the whole word, not its start


@dataclass(frozen=True)
class Concept:
    name: str
    secondary: bool
    # Per language: each cue a tuple of words (zh: one substring).
    cues: dict[str, tuple[tuple[str, ...], ...]]
    stems: tuple[frozenset[str], ...]  # each English cue's stems, as the index holds them
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


@lru_cache(maxsize=1)
def concepts() -> tuple[Concept, ...]:
    data = json.loads((FOLDER / "concepts.json").read_text(encoding="utf-8"))
    found = []
    for name, entry in data["concepts"].items():
        cues = {
            language: tuple(tuple(cue.casefold().split()) for cue in entry.get(language, ()))
            for language in ("ru", "ko")
        }
        asked_en = [*entry.get("en", ()), *entry.get("asked_only", ())]
        cues["en"] = tuple(tuple(cue.casefold().split()) for cue in asked_en)
        cues["zh"] = tuple((cue,) for cue in entry.get("zh", ()))
        stems = []
        for cue in [*entry.get("en", ()), *entry.get("claim", ())]:
            cue_stems = frozenset(terms(cue))
            # A phrase of one meaningful word ("money is for") says too little of a claim.
            if cue_stems and (len(cue.split()) == 1 or len(cue_stems) > 1):
                stems.append(cue_stems)
        found.append(
            Concept(
                name=name,
                secondary=bool(entry.get("secondary")),
                cues=cues,
                stems=tuple(stems),
                topic=frozenset(entry.get("topic", ())),
                label=dict(entry["label"]),
                needs_figure=bool(entry.get("needs_figure")),
            )
        )
    return tuple(found)


def _word_matches(cue: str, token: str, language: str, last: bool) -> bool:
    if language == "en":
        return token in _english_forms(cue)
    if cue.endswith(EXACT):
        return token == cue[:-1]
    # Russian and Korean: the cue is the start of the word (a short word before the last
    # one whole: "на что", "못 채").
    return token.startswith(cue) if last or len(cue) >= SHORT else token == cue


def _has_cue(cue: tuple[str, ...], tokens: Sequence[str], language: str) -> bool:
    size = len(cue)
    for start in range(len(tokens) - size + 1):
        if all(
            _word_matches(word, tokens[start + i], language, i == size - 1)
            for i, word in enumerate(cue)
        ):
            return True
    return False


def _folded(text: str) -> tuple[str, list[str]]:
    folded = text.casefold().replace("ё", "е").replace("’", "'")
    return folded, _WORD.findall(folded)


def _says(cues: dict[str, tuple[tuple[str, ...], ...]], folded: str, tokens: list[str]) -> bool:
    return any(cue[0] in folded for cue in cues["zh"]) or any(
        _has_cue(cue, tokens, language) for language in ("en", "ru", "ko") for cue in cues[language]
    )


def asked_concepts(text: str) -> list[Concept]:
    """The concepts a question's words carry, in any of the four languages."""
    folded, tokens = _folded(text)
    return [concept for concept in concepts() if _says(concept.cues, folded, tokens)]


@lru_cache(maxsize=1)
def _amount_cues() -> dict[str, tuple[tuple[str, ...], ...]]:
    data = json.loads((FOLDER / "concepts.json").read_text(encoding="utf-8"))
    table = data["amount_asked"]
    cues = {lang: tuple(tuple(c.casefold().split()) for c in table[lang]) for lang in table}
    cues["zh"] = tuple((c,) for c in table["zh"])
    return cues


def asks_amount(text: str) -> bool:
    """The question asks how many or how much ("how many hours", "сколько часов", "几个小时",
    "몇 시간"): a figure, which the figures' readers and the silences answer."""
    folded, tokens = _folded(text)
    return _says(_amount_cues(), folded, tokens)


_FIGURE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|eighteen|twenty|dawn|dusk|midnight)\b",
    re.IGNORECASE,
)


def _carried(claim: ClaimView, concept: Concept, stems: frozenset[str]) -> int:
    """How many of the concept's cues the claim's words (or its topic) use."""
    if concept.needs_figure and not _FIGURE.search(f"{claim.statement} {claim.quote or ''}"):
        return 0
    used = sum(cue <= stems for cue in concept.stems)
    return used + bool(concept.topic & set(_WORD.findall(claim.topic.casefold())))


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
    candidates: dict[int, ClaimView] = {}
    for concept in primary:
        for cue in concept.stems:
            for claim in search.claims_with(next(iter(cue))):
                candidates.setdefault(claim.id, claim)
        if concept.topic and u.has_subject:
            table = facts_at(c)
            for place in sorted(places):
                for claim in table.get(place, ()):
                    candidates.setdefault(claim.id, claim)

    def in_scope(claim: ClaimView) -> bool:
        if not claim.active or claim.is_quota:
            return False
        if not u.has_subject:
            return True
        if claim.place:
            return claim.place in places or (not u.places and claim.country in countries)
        return claim.article_id in articles or bool(claim.country and claim.country in countries)

    ranked: list[tuple[tuple[int, int, int, int], ClaimView, list[Concept]]] = []
    for claim in candidates.values():
        if not in_scope(claim):
            continue
        stems = frozenset(terms(f"{claim.statement} {claim.quote or ''}"))
        uses = {concept.name: _carried(claim, concept, stems) for concept in asked}
        carried = [concept for concept in asked if uses[concept.name]]
        main = [concept for concept in carried if not concept.secondary]
        if not main:
            continue
        at_place = bool(claim.place and claim.place in places)
        # The most asked concepts, then the most of their words ("the money goes to a
        # construction fund" over "the fund does not wait"), then the place asked.
        key = (len(main), len(carried) - len(main), sum(uses.values()), at_place)
        ranked.append((key, claim, main))
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
    when = _folded(u.text)[1][:1] == ["when"] or when_word(u.text, u.language)
    if asked or when or u.figures or u.operations or asks_amount(u.text):
        return False  # "when did the doha cut kick in", "сколько часов": asked otherwise
    if about_the_place(u, c.snapshot.articles.values()):
        return False  # "when did the doha cut kick in", "сколько часов": asked otherwise
    found, concept = concept_claims(u, c, search)
    if not found or concept is None:
        return False
    language = u.language.value if isinstance(u.language, Language) else str(u.language)
    thing = concept.label.get(language) or concept.label["en"]
    reply.lines.append(lead_line(thing))
    for claim in found:
        reply.use(claim.id, claim.article_id)
        reply.lines.append(fmt("• {}", c.claim_line(claim, full=True)))
    reply.intents.append(Intent.STATEMENTS)
    return True


def lead_line(thing: str) -> Html:
    """The line a concept's facts are led with (for tests and other composers)."""
    return bold(fmt(_("On {thing}:"), thing=thing))
