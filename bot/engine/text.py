"""Normalizing what people type: case, width, invisible characters, typos."""

from __future__ import annotations

import difflib
import heapq
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from functools import lru_cache
from itertools import chain

# Zero-width and bidirectional controls change nothing a reader sees.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\$", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

MAX_QUESTION_CHARS = 2_000


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text[: MAX_QUESTION_CHARS * 2])
    text = _INVISIBLE.sub("", text).casefold()
    text = text.replace("’", "'").replace("‘", "'")
    return " ".join(text.split())[:MAX_QUESTION_CHARS]


def words(normalized: str) -> list[str]:
    return _WORD.findall(normalized)


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def edit_distance_within(a: str, b: str, limit: int) -> bool:
    """Damerau-Levenshtein distance <= limit, with an early exit (the words are short)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b and previous_previous:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > limit:
            return False
        previous_previous, previous = previous, current
    return previous[-1] <= limit


def typo_budget(word: str) -> int:
    # Short words have too many neighbours ("they" is one edit from "hey").
    if len(word) >= 9:
        return 2
    if len(word) >= 5:
        return 1
    return 0


class Vocabulary:
    """Known words, and the nearest known word for a typo (cached: typos repeat)."""

    def __init__(self, known: set[str]) -> None:
        self._known = frozenset(known)
        self._by_length: dict[int, list[str]] = {}
        for word in known:
            if " " not in word and not has_cjk(word):
                self._by_length.setdefault(len(word), []).append(word)
        # Bigram postings, so a typo is compared only with words that could be near it.
        self._position: dict[str, int] = {}
        # (bigram, length, first letter) -> words: two-edit typos keep their first letter.
        self._postings: dict[tuple[str, int, str], list[str]] = {}
        for length, words_of_length in self._by_length.items():
            for position, word in enumerate(words_of_length):
                self._position[word] = position
                for gram in _bigrams(word):
                    self._postings.setdefault((gram, length, word[0]), []).append(word)
        self._alphabet = sorted({char for word in self._position for char in word})
        self.correct = lru_cache(maxsize=4096)(self._correct)

    def __contains__(self, word: str) -> bool:
        return word in self._known

    def _correct(self, word: str) -> str | None:
        if word in self._known:
            return word
        budget = typo_budget(word)
        if budget == 0 or not word.isalpha():
            return None
        for distance in range(1, budget + 1):
            near = self._within_one(word) if distance == 1 else self._near(word, distance)
            for length in range(len(word) - distance, len(word) + distance + 1):
                # The same order as a scan of every word of this length would take.
                candidates = sorted(
                    (c for c in near if len(c) == length), key=self._position.__getitem__
                )
                for candidate in candidates:
                    if candidate[0] != word[0] and distance > 1:
                        continue
                    if edit_distance_within(word, candidate, distance):
                        return candidate
        return None

    def _within_one(self, word: str) -> set[str]:
        """Every known word one edit away: the edits are generated, then looked up."""
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        edits = {a + b[1:] for a, b in splits if b}
        edits.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
        for char in self._alphabet:
            edits.update(a + char + b[1:] for a, b in splits if b)
            edits.update(a + char + b for a, b in splits)
        return {edit for edit in edits if edit in self._position}

    def _near(self, word: str, distance: int) -> set[str]:
        """Every known word within ``distance`` edits of ``word`` that starts alike, and more.

        One edit (a transposition at worst) removes at most three of a word's
        distinct bigrams, so a word within ``distance`` edits keeps all but
        3 * distance of them.
        """
        grams = _bigrams(word)
        need = len(grams) - 3 * distance
        lengths = range(len(word) - distance, len(word) + distance + 1)
        if need <= 0:
            return {w for length in lengths for w in self._by_length.get(length, ())}
        # Counter counts in C: the postings of a common bigram can be long.
        counts = Counter(
            chain.from_iterable(
                self._postings.get((gram, length, word[0]), ())
                for gram in grams
                for length in lengths
            )
        )
        return {candidate for candidate, shared in counts.items() if shared >= need}


class CloseNames:
    """Names that look like a typed word, for "Did you mean ...?".

    A name qualifies when its length is within ``SLIPS`` of the word's, it keeps
    enough of the word's bigrams to be within ``SLIPS`` edits (one edit removes at
    most three), and ``difflib`` rates it at least ``cutoff``; the best rated come
    first. Postings keyed by (bigram, length) mean a word is compared with a few
    names, not all of them (a scan cost 15 ms a word at 2,000 places).
    """

    SLIPS = 2
    SHORTLIST = 20

    def __init__(self, names: Iterable[str]) -> None:
        self._display: dict[str, str] = {}
        for name in names:
            self._display.setdefault(normalize(name), name)
        self._keys = list(self._display)
        self._postings: dict[tuple[str, int], list[int]] = {}
        for position, key in enumerate(self._keys):
            for gram in _bigrams(key):
                self._postings.setdefault((gram, len(key)), []).append(position)

    def close_to(
        self, word: str, n: int = 3, cutoff: float = 0.72, exclude: Collection[str] = ()
    ) -> list[str]:
        typed = normalize(word)
        grams = _bigrams(typed)
        lengths = range(len(typed) - self.SLIPS, len(typed) + self.SLIPS + 1)
        counts = Counter(
            chain.from_iterable(
                self._postings.get((gram, length), ()) for gram in grams for length in lengths
            )
        )
        need = max(1, len(grams) - 3 * self.SLIPS)
        near = {p: shared for p, shared in counts.items() if shared >= need}
        shortlist = heapq.nlargest(self.SHORTLIST, near, key=near.__getitem__)
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(typed)
        rated: list[tuple[float, str]] = []
        for position in shortlist:
            key = self._keys[position]
            matcher.set_seq1(key)
            if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
                score = matcher.ratio()
                if score >= cutoff and self._display[key] not in exclude:
                    rated.append((score, key))
        rated.sort(key=lambda pair: (-pair[0], pair[1]))
        return [self._display[key] for _, key in rated[:n]]


def _bigrams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}
