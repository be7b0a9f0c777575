"""A report's own facts that bear on what a question asks, where no topic files them: "do the
welders get a day off" against a report that says they work Sundays, "do they keep their
passports" against one that says managers keep them. Several reports: such facts are the
answer (silences.py shows them as what the reports say), not "none of the reports says".

A fact bears on the question when the question's search (BM25 over the claims' words, with
the vocabulary's synonyms) finds it and it uses the words the question asks with: the cue
words of the attribute asked ("day off", "passports") when the question uses some, else its
words besides those that name its subject (the places, kinds of work and the words of their
figures' own statements: "the loggers near Tynda"). A place's other facts are no answer to
it: with places (or a kind of work) asked, only facts about those places count.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.engine.compose import Composer
from bot.engine.language import Language
from bot.engine.retrieval import ClaimSearch, terms
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Attribute, Cue, Vocabulary
from db.textfold import fold
from db.views import ClaimView

# A word used by at most this many facts (or this share of them) asks something in
# particular; "work" or "workers", in most of them, asks nothing.
RARE_CLAIMS = 3
RARE_SHARE = 0.02
# Question words asking for a name, which a fact that uses the question's words need not give;
# "who" alone asks who does a thing, which a fact saying it is done by someone names.
NAMING_WORDS = frozenset({"which", "who", "whose", "whom"})
AGENT_WORD = "who"
# How many search hits are read, and how good the best must be with no place asked.
HITS_READ = 8
MIN_SCORE_ANYWHERE = 4.0

_CUES: dict[tuple[int, Attribute], tuple[str, ...]] = {}


def _cues(vocabulary: Vocabulary, attribute: Attribute) -> tuple[str, ...]:
    """The attribute's cue phrases, folded (built once per vocabulary and attribute)."""
    key = (id(vocabulary), attribute)
    if key not in _CUES:
        wanted = (Cue.ATTRIBUTE, attribute.value)
        _CUES[key] = tuple(
            fold(phrase) for phrase, entries in vocabulary.phrases.items() if wanted in entries
        )
    return _CUES[key]


def facts_bearing(
    u: Understanding,
    attribute: Attribute,
    c: Composer,
    search: ClaimSearch,
    vocabulary: Vocabulary,
) -> list[ClaimView]:
    """Active facts (not figures) that bear on the question, best first (at most three). A
    question that asks which one ("which company do they work for") gets none: a fact using
    its word does not name one. One that asks who does a thing gets only facts that use both
    the attribute's word and the question's own rare word for what is done ("who keeps the
    passports": "the embassy keeps the doctors' passports")."""
    asks_name = set(u.question_words) & NAMING_WORDS
    if asks_name - {AGENT_WORD}:
        return []  # "which trading company": a fact using "trading company" names none
    naming = bool(asks_name)
    places = list(u.places)
    figures = c.quotas(u) if u.has_subject else []
    if u.sectors:  # "the loggers": the places of that kind of work
        places += [q.place for q in figures if q.place and q.place not in places]
    padded = f" {fold(u.text)} "
    said = [cue for cue in _cues(vocabulary, attribute) if f" {cue} " in padded]
    subject = " ".join([*places, *u.sectors, *(f"{q.statement} {q.basis_text or ''}"
                                               for q in figures)])  # fmt: skip
    own = set(terms(u.search_text)) - set(terms(subject))
    if not said and places and u.language != Language.EN and attribute in CONDITIONS:
        # "сколько часов работают швеи в Газипуре": the claims' words are English, the
        # question's are not; the attribute's own English cue words, at the places asked.
        return _said_at(places, attribute, search, vocabulary, c)
    asked = {t for cue in said for t in terms(cue)} if said else own
    rare = max(RARE_CLAIMS, int(search.size * RARE_SHARE))
    asked = {t for t in search.expand(sorted(asked)) if 0 < search.claims_using(t) <= rare}
    if not asked and said and places and attribute in CONDITIONS and not naming:
        # "do they have normal housing in tuzla": no fact uses "housing", but one at the
        # place uses another of its cue words ("the welders sleep in containers").
        return _said_at(places, attribute, search, vocabulary, c)
    if not asked:
        return []
    # "who keeps the passports": a fact names who only where it uses the question's own
    # word for what is done ("keeps") besides the thing asked about; "which company do they
    # work for" has no such word that is rare, and a fact using "company" names none.
    doing: set[str] = set()
    if naming:
        doing = {
            t for t in search.expand(sorted(own - asked)) if 0 < search.claims_using(t) <= rare
        }
        if not said or not doing:
            return []
    found: list[ClaimView] = []
    for hit in search.search(u.search_text, limit=HITS_READ):
        claim = hit.claim
        if claim.is_quota or not claim.active:
            continue
        if places and claim.place not in places:
            continue
        if not places and hit.score < MIN_SCORE_ANYWHERE:
            continue
        used = set(terms(f"{claim.statement} {claim.quote or ''}"))
        if asked & used and (not naming or doing & used):
            found.append(claim)
    return found[:3]


# What the workers' days are like, which a fact at the place describes without naming anyone;
# not a name asked ("what is the factory called", "who is the boss"): a fact that uses the
# word "factory" names no factory.
CONDITIONS = frozenset(
    {
        Attribute.WORK_TIME,
        Attribute.HOUSING,
        Attribute.TIME_OFF,
        Attribute.FOOD,
        Attribute.FREEDOMS,
        Attribute.PENALTY,
        Attribute.FAMILIES,
    }
)
# A cue word used by more than this share of all claims ("work") asks nothing in particular.
COMMON_SHARE = 4
_AT: list[tuple[object, dict[str, tuple[ClaimView, ...]]]] = []


def facts_at(c: Composer) -> dict[str, tuple[ClaimView, ...]]:
    """Active facts (not figures) by the place they are about, built once per snapshot
    (tuples: read only, and smaller than lists for the one or two facts of most places)."""
    snapshot = c.snapshot
    if not _AT or _AT[0][0] is not snapshot:
        table: dict[str, list[ClaimView]] = {}
        for claim in snapshot.active_claims:
            if not claim.is_quota and claim.place:
                table.setdefault(claim.place, []).append(claim)
        _AT[:] = [(snapshot, {place: tuple(facts) for place, facts in table.items()})]
    return _AT[0][1]


def _said_at(
    places: Sequence[str],
    attribute: Attribute,
    search: ClaimSearch,
    vocabulary: Vocabulary,
    c: Composer,
) -> list[ClaimView]:
    """Facts about the places asked that use a word of the attribute's English cues
    ("hours", "dormitory") that most claims do not use; at most three, in store order."""
    common = max(RARE_CLAIMS, search.size // COMMON_SHARE)
    cue_terms = {t for cue in _cues(vocabulary, attribute) for t in terms(cue)}
    wanted = {t for t in cue_terms if 0 < search.claims_using(t) <= common}
    if not wanted:
        return []
    table = facts_at(c)
    found = [
        claim
        for place in dict.fromkeys(places)
        for claim in table.get(place, ())
        if wanted & set(terms(f"{claim.statement} {claim.quote or ''}"))
    ]
    return found[:3]


def other_places(facts: Sequence[ClaimView], u: Understanding) -> bool:
    """Facts about places other than those asked (none are shown for them)."""
    return any(f.place and u.places and f.place not in u.places for f in facts)


# How many of the question's own rare words a fact at the place must use to answer it.
OWN_WORDS_MET = 2


def facts_by_own_words(u: Understanding, c: Composer, search: ClaimSearch) -> list[ClaimView]:
    """A place named with words no cue maps ("what happens to dubai workers who fall behind
    on payment", "what did the dubai guy say about sending money home"): the place's facts
    that use two or more of the question's own words that few claims use (besides the
    words that name the place and its figures), not its quota block; at most three."""
    if not u.places or u.language != Language.EN:
        return []
    figures = c.quotas(u)
    subject = " ".join([*u.places, *(f"{q.statement} {q.basis_text or ''}" for q in figures)])
    rare = max(RARE_CLAIMS, int(search.size * RARE_SHARE))
    own = set(terms(u.search_text)) - set(terms(subject))
    asked = {t for t in own if 0 < search.claims_using(t) <= rare}
    if len(asked) < OWN_WORDS_MET:
        return []
    table = facts_at(c)
    found = [
        claim
        for place in dict.fromkeys(u.places)
        for claim in table.get(place, ())
        if len(asked & set(terms(f"{claim.statement} {claim.quote or ''}"))) >= OWN_WORDS_MET
    ]
    return found[:3]
