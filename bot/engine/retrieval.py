"""Ranked retrieval over what the claims say: BM25 over stemmed statement and quote words.

Built once per snapshot. A small BM25 of our own rather than a library: the index is a
dict of postings (a few MB at 100,000 claims), builds in one pass, and a question of a
few words touches only the postings of its words — no dependency, no start-up cost.
"""

from __future__ import annotations

import copy
import math
import re
from array import array
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from itertools import islice, repeat

from db.views import ClaimView, Snapshot

_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
# Suffixes stripped, longest first: "planned" and "planning" meet "plan", "calls" "call".
_SUFFIXES = (
    "ingly",
    "ations",
    "ation",
    "ings",
    "ing",
    "edly",
    "ies",
    "ied",
    "ers",
    "ed",
    "es",
    "er",
    "ly",
    "s",
)
# Words that carry no meaning for ranking (question words, pronouns, auxiliaries).
STOP = frozenset(
    "a an the and or but of in on at to for from by with about as is are was were be been being "
    "do does did done have has had i you he she it we they them their there this that these those "
    "what whats which who whom whose when where why how can could would should will shall may "
    "might "
    "must not no yes so if then than too very just also any some all each every my your our me us "
    "its his her hers into over under up down out off again more most much many such only own same "
    "s t don dont isn aren wasn weren won t ve ll re d m say said says tell told think north korea "
    "korean koreans nk report article even ever really actually lol lmao please pls bet cant "
    "can't".split()
)

# A question names a claim's quote by at least this many of its words.
MIN_QUOTED_TERMS = 2
# Quotes read at most for it (the engine's time budget at 10,000 claims).
MAX_QUOTED_SCAN = 2_000
K1 = 1.2
B = 0.75


def stem(word: str) -> str:
    word = word.casefold().replace("'", "")
    if len(word) <= 4:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    # "plann" (planned) and "plan" meet; "stay" keeps its y.
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
        word = word[:-1]
    return word


def terms(text: str) -> list[str]:
    return [stem(w) for w in _TOKEN.findall(text.casefold()) if w not in STOP and len(w) > 1]


@dataclass(frozen=True)
class Hit:
    claim: ClaimView
    score: float


def _counts(claim: ClaimView) -> Counter[str]:
    return Counter(terms(f"{claim.statement} {claim.quote or ''}"))


class _Layer:
    """Claims, their lengths and their terms' postings (term -> claim id -> count)."""

    __slots__ = ("claims", "lengths", "postings")

    def __init__(self) -> None:
        self.claims: dict[int, ClaimView] = {}
        self.lengths: dict[int, int] = {}
        self.postings: dict[str, dict[int, int]] = {}

    def add(self, claim: ClaimView, counts: Counter[str]) -> int:
        self.claims[claim.id] = claim
        length = self.lengths[claim.id] = sum(counts.values())
        for term, count in counts.items():
            self.postings.setdefault(term, {})[claim.id] = count
        return length

    def remove(self, claim_id: int) -> int:
        claim = self.claims.pop(claim_id)
        for term in _counts(claim):
            entries = self.postings[term]
            del entries[claim_id]
            if not entries:
                del self.postings[term]
        return self.lengths.pop(claim_id)

    def copy(self) -> _Layer:
        layer = _Layer()
        layer.claims, layer.lengths = dict(self.claims), dict(self.lengths)
        layer.postings = {term: dict(entries) for term, entries in self.postings.items()}
        return layer


# A term's postings in the base: the claims' ids, in store order, and how often each
# uses the term (None: once each, as most do). Arrays, not a dict per term: at 100,000
# claims the dicts of the common terms ("source", a topic's word) took some 20 MB.
_Postings = tuple[array, array | None]


class _Base:
    """The index built at load (never changed): the claims by id (the snapshot's own
    mapping when given, not a copy of its 100,000 entries), their lengths by id (an array
    of length + 1; 0: not indexed) and the postings as arrays."""

    __slots__ = ("claims", "count", "lengths", "postings")

    def __init__(
        self, claims: Mapping[int, ClaimView], ids: Collection[int], postings: dict[str, _Postings]
    ) -> None:
        self.claims = claims
        self.count = len(ids)
        top = max(ids, default=0)
        # By id: an array while the ids are dense (a store's are), else a dict.
        dense = top <= 4 * len(ids) + 1_024
        self.lengths: array | dict[int, int] = (
            array("I", bytes(4 * (top + 1))) if dense else dict.fromkeys(ids, 0)
        )
        self.postings = postings

    @classmethod
    def build(
        cls, claims: Iterable[ClaimView], lookup: Mapping[int, ClaimView] | None
    ) -> tuple[_Base, int]:
        """The base of ``claims`` (``lookup``: every claim by id, if at hand), and their
        total length."""
        by_id: dict[int, ClaimView] = {}
        ids: dict[str, list[int]] = {}
        counted: dict[str, dict[int, int]] = {}  # the terms some claim uses more than once
        lengths: dict[int, int] = {}
        for claim in claims:
            if lookup is None:
                by_id[claim.id] = claim
            counts = _counts(claim)
            lengths[claim.id] = sum(counts.values())
            for term, count in counts.items():
                ids.setdefault(term, []).append(claim.id)
                if count != 1:
                    counted.setdefault(term, {})[claim.id] = count
        postings = {term: _arrays(found, counted.get(term)) for term, found in ids.items()}
        base = cls(by_id if lookup is None else lookup, lengths.keys(), postings)
        for claim_id, length in lengths.items():
            base.lengths[claim_id] = length + 1
        return base, sum(lengths.values())

    def has(self, claim_id: int) -> bool:
        """Whether the claim is indexed here."""
        try:
            return self.lengths[claim_id] > 0
        except (IndexError, KeyError):
            return False

    def ids(self) -> list[int]:
        if isinstance(self.lengths, dict):
            return [i for i, n in self.lengths.items() if n]
        return [i for i, n in enumerate(self.lengths) if n]

    def length(self, claim_id: int) -> int:
        return self.lengths[claim_id] - 1


def _arrays(ids: list[int], counts: dict[int, int] | None) -> _Postings:
    return array("I", ids), None if counts is None else array("I", (counts.get(i, 1) for i in ids))


def _entries(postings: _Postings) -> Iterable[tuple[int, int]]:
    ids, counts = postings
    return zip(ids, counts, strict=True) if counts is not None else zip(ids, repeat(1))


class ClaimSearch:
    """BM25 over every active claim's statement and quote.

    Built once per store load; after an incremental reload ``updated`` makes the next
    snapshot's index from this one without copying it: the index built at load (the
    base, never changed) is shared, the claims changed since are a small overlay, and
    the base claims they replaced or removed are skipped. Document frequencies come
    from the postings' lengths per question. Past ``COMPACT_AT`` changed claims, the
    overlay is merged into a new base (one copy, every few thousand edits).
    """

    COMPACT_AT = 2_000

    def __init__(
        self,
        claims: Iterable[ClaimView],
        synonyms: dict[str, list[str]] | None = None,
        phrase_synonyms: dict[str, str] | None = None,
        lookup: Mapping[int, ClaimView] | None = None,
    ) -> None:
        """``lookup``: every claim by id (the snapshot's), if at hand, else one is made."""
        self._base, self._total_length = _Base.build(claims, lookup)
        self._count = self._base.count
        self._extra = _Layer()
        self._gone: frozenset[int] = frozenset()  # base claims no longer in the index
        self._gone_terms: dict[str, int] = {}  # term -> how many of them use it
        self._synonyms = {stem(k): [stem(v) for v in vs] for k, vs in (synonyms or {}).items()}
        self._phrases = [
            (re.compile(rf"\b{re.escape(k)}\b"), v) for k, v in (phrase_synonyms or {}).items()
        ]

    def updated(self, removed: Iterable[ClaimView], added: Iterable[ClaimView]) -> ClaimSearch:
        """A new index without ``removed`` and with ``added`` (claims by id); this one
        is not changed."""
        new = copy.copy(self)
        extra = new._extra = self._extra.copy()
        gone = set(self._gone)
        gone_terms = dict(self._gone_terms)
        for claim in removed:
            if claim.id in extra.claims:
                new._total_length -= extra.remove(claim.id)
            elif self._base.has(claim.id) and claim.id not in gone:
                gone.add(claim.id)
                for term in _counts(self._base.claims[claim.id]):
                    gone_terms[term] = gone_terms.get(term, 0) + 1
                new._total_length -= self._base.length(claim.id)
            else:
                continue
            new._count -= 1
        for claim in added:
            if claim.id in extra.claims:
                new._total_length -= extra.remove(claim.id)
                new._count -= 1
            new._total_length += extra.add(claim, _counts(claim))
            new._count += 1
        new._gone, new._gone_terms = frozenset(gone), gone_terms
        if len(gone) + len(extra.claims) > self.COMPACT_AT:
            new._compact()
        return new

    def _compact(self) -> None:
        gone = self._gone
        claims = {i: self._base.claims[i] for i in self._base.ids() if i not in gone}
        claims.update(self._extra.claims)
        postings: dict[str, _Postings] = {}
        for term, entries in self._base.postings.items():
            if self._gone_terms.get(term) or term in self._extra.postings:
                kept = [(i, n) for i, n in _entries(entries) if i not in gone]
                kept += self._extra.postings.get(term, {}).items()
                if kept:
                    counts = {i: n for i, n in kept if n != 1}
                    postings[term] = _arrays([i for i, _ in kept], counts or None)
            else:
                postings[term] = entries  # untouched postings are shared
        for term, added in self._extra.postings.items():
            if term not in postings and term not in self._base.postings:
                counts = {i: n for i, n in added.items() if n != 1}
                postings[term] = _arrays(list(added), counts or None)
        base = _Base(claims, claims.keys(), postings)
        for claim_id in claims:
            extra = self._extra.lengths.get(claim_id)
            base.lengths[claim_id] = (self._base.length(claim_id) if extra is None else extra) + 1
        self._base, self._extra = base, _Layer()
        self._gone, self._gone_terms = frozenset(), {}

    def _found(self, term: str) -> int:
        """How many indexed claims use ``term``."""
        return (
            len(self._base.postings.get(term, ((),))[0])
            - self._gone_terms.get(term, 0)
            + len(self._extra.postings.get(term, ()))
        )

    def expand(self, words: list[str]) -> list[str]:
        expanded = list(words)
        for word in words:
            expanded.extend(self._synonyms.get(word, ()))
        return list(dict.fromkeys(expanded))

    def search(self, question: str, limit: int = 3, max_terms: int = 12) -> list[Hit]:
        """The best claims for the question's words, best first (at most ``limit``)."""
        for pattern, meaning in self._phrases:
            question = pattern.sub(f" {meaning} ", question)
        asked = self.expand(terms(question)[:max_terms])
        total = self._count
        average = (self._total_length / total) if total else 1.0
        gone = self._gone
        scores: dict[int, float] = {}
        for term in asked:
            found = self._found(term)
            if found <= 0:
                continue
            idf = math.log(1 + (total - found + 0.5) / (found + 0.5))
            based = self._base.postings.get(term)
            if based is not None:
                lengths = self._base.lengths
                for claim_id, count in _entries(based):
                    if gone and claim_id in gone:
                        continue
                    norm = K1 * (1 - B + B * (lengths[claim_id] - 1) / average)
                    scores[claim_id] = scores.get(claim_id, 0.0) + idf * count * (K1 + 1) / (
                        count + norm
                    )
            extra = self._extra.postings.get(term)
            if extra:
                lengths_of = self._extra.lengths
                for claim_id, count in extra.items():
                    norm = K1 * (1 - B + B * lengths_of[claim_id] / average)
                    scores[claim_id] = scores.get(claim_id, 0.0) + idf * count * (K1 + 1) / (
                        count + norm
                    )
        best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [Hit(self._claim(claim_id), score) for claim_id, score in best]

    def _claim(self, claim_id: int) -> ClaimView:
        return self._extra.claims.get(claim_id) or self._base.claims[claim_id]

    def known(self, word: str) -> bool:
        return self._found(stem(word)) > 0

    def claims_using(self, term: str) -> int:
        """How many indexed claims use ``term`` (a stem)."""
        return self._found(term)

    def claim_ids(self, term: str) -> set[int]:
        """The ids of the indexed claims that use ``term`` (a stem), from its postings."""
        found = set(self._base.postings.get(term, ((),))[0]) - self._gone
        found.update(self._extra.postings.get(term, ()))
        return found

    def claim(self, claim_id: int) -> ClaimView | None:
        """An indexed claim by its id."""
        claim = self._extra.claims.get(claim_id)
        if claim is None and claim_id not in self._gone and self._base.has(claim_id):
            claim = self._base.claims[claim_id]
        return claim

    @property
    def size(self) -> int:
        """How many claims are indexed."""
        return self._count


def quoted(claims: Iterable[ClaimView], question: str) -> ClaimView | None:
    """The first claim whose quote holds every meaningful word of the question (two at
    least): "who said heavier burden" finds the quote "an even heavier burden"."""
    asked = set(terms(question))
    if len(asked) < MIN_QUOTED_TERMS:
        return None
    quotes = islice((c for c in claims if c.quote), MAX_QUOTED_SCAN)
    # A stem is a prefix of its word: the cheap substring test first.
    for claim in quotes:
        text = str(claim.quote).casefold()
        if all(t in text for t in asked) and asked <= set(terms(text)):
            return claim
    return None


def claim_words(snapshot: Snapshot) -> frozenset[str]:
    """Every word the active claims use (folded): such words are not place names."""
    return frozenset(claim_word_counts(snapshot.active_claims))


def words_of(claim: ClaimView) -> set[str]:
    return set(_TOKEN.findall(f"{claim.statement} {claim.quote or ''}".casefold()))


def claim_word_counts(claims: Iterable[ClaimView]) -> Counter[str]:
    """How many of ``claims`` use each word (folded); updated claim by claim."""
    counts: Counter[str] = Counter()
    for claim in claims:
        counts.update(words_of(claim))
    return counts
