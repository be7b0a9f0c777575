"""Ranked retrieval over what the claims say: BM25 over stemmed statement and quote words.

Built once per snapshot. A small BM25 of our own rather than a library: the index is a
dict of postings (a few MB at 100,000 claims), builds in one pass, and a question of a
few words touches only the postings of its words — no dependency, no start-up cost.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

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
    "korean koreans nk report article".split()
)

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


class ClaimSearch:
    """BM25 over every active claim's statement and quote.

    Postings are keyed by claim id, and the inverse document frequencies computed per
    question from their lengths, so that ``updated`` can make the index of the next
    snapshot from this one by touching only the changed claims' terms.
    """

    def __init__(
        self,
        claims: Iterable[ClaimView],
        synonyms: dict[str, list[str]] | None = None,
        phrase_synonyms: dict[str, str] | None = None,
    ) -> None:
        self._claims: dict[int, ClaimView] = {}
        self._lengths: dict[int, int] = {}
        self._postings: dict[str, dict[int, int]] = {}
        self._total_length = 0
        for claim in claims:
            self._add(claim, _counts(claim), self._postings)
        self._synonyms = {stem(k): [stem(v) for v in vs] for k, vs in (synonyms or {}).items()}
        self._phrases = [
            (re.compile(rf"\b{re.escape(k)}\b"), v) for k, v in (phrase_synonyms or {}).items()
        ]

    def _add(
        self, claim: ClaimView, counts: Counter[str], postings: dict[str, dict[int, int]]
    ) -> None:
        self._claims[claim.id] = claim
        length = sum(counts.values())
        self._lengths[claim.id] = length
        self._total_length += length
        for term, count in counts.items():
            postings.setdefault(term, {})[claim.id] = count

    def updated(self, removed: Iterable[ClaimView], added: Iterable[ClaimView]) -> ClaimSearch:
        """A new index without ``removed`` (as indexed here) and with ``added``; this
        one is not changed (copy on write: only the touched terms' postings are copied)."""
        new = object.__new__(ClaimSearch)
        new._synonyms, new._phrases = self._synonyms, self._phrases
        new._claims, new._lengths = dict(self._claims), dict(self._lengths)
        new._total_length = self._total_length
        postings = dict(self._postings)
        copied: set[str] = set()

        def own(term: str) -> dict[int, int]:
            if term not in copied:
                copied.add(term)
                postings[term] = dict(postings.get(term, {}))
            return postings[term]

        for claim in removed:
            if new._claims.pop(claim.id, None) is None:
                continue
            new._total_length -= new._lengths.pop(claim.id)
            for term in _counts(claim):
                entries = own(term)
                entries.pop(claim.id, None)
                if not entries:
                    del postings[term]
                    copied.discard(term)
        for claim in added:
            counts = _counts(claim)
            for term in counts:
                own(term)
            new._add(claim, counts, postings)
        new._postings = postings
        return new

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
        total = len(self._claims)
        average = (self._total_length / total) if total else 1.0
        scores: dict[int, float] = {}
        for term in asked:
            entries = self._postings.get(term)
            if not entries:
                continue
            found = len(entries)
            idf = math.log(1 + (total - found + 0.5) / (found + 0.5))
            for claim_id, count in entries.items():
                norm = K1 * (1 - B + B * self._lengths[claim_id] / average)
                scores[claim_id] = scores.get(claim_id, 0.0) + idf * count * (K1 + 1) / (
                    count + norm
                )
        best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [Hit(self._claims[claim_id], score) for claim_id, score in best]

    def known(self, word: str) -> bool:
        return stem(word) in self._postings


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
