"""Normalizing what people type: case, width, invisible characters, typos."""

from __future__ import annotations

import bisect
import copy
import difflib
import heapq
import re
import unicodedata  # noqa: F401  (tests count NFKC calls through text.unicodedata)
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache
from itertools import chain

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine.gazetteer import ordinary_english
from db.textfold import MAX_COMBINING_MARKS as MAX_COMBINING_MARKS
from db.textfold import fold

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\$", re.UNICODE)
# A word that may be shorthand: not part of "u.s." or "r&d" or "it's".
_SHORTHAND = re.compile(r"(?<![\w&'’])(?<!\w\.)[a-z0-9]{1,6}(?![\w&'’]|\.\w)")
_POSSESSIVE = re.compile(r"(?<=\w)'s\b")
_CONTRACTED_IS = re.compile(
    r"\b(who|what|where|when|how|it|that|there|here|he|she|this)'s\b", re.UNICODE
)
# An age ("14-year-olds") or a school year ("my year 10 class") asks no year of the report.
_NOT_A_YEAR = re.compile(
    r"\b\d{1,2}[- ]?years?[- ]olds\b|\byear \d{1,2} (?=class|students|pupils|kids|group|lesson)"
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

# The engine reads at most this much of a question (longer ones are cut, and told so).
MAX_QUESTION_CHARS = 2_000
# Typo correction: longer words are not corrected (nobody mistypes a word that long
# into a known one), and at most MAX_CORRECTED_WORDS unknown words a question are.
MAX_CORRECTABLE_CHARS = 32
MAX_CORRECTED_WORDS = 8
MAX_TYPO_EDITS = 2  # typo_budget's largest


def normalize(text: str) -> str:
    return normalize_question(text)[0]


def normalize_question(text: str) -> tuple[str, bool]:
    """The normalized text, at most ``MAX_QUESTION_CHARS`` long, and whether it was cut.

    Only the first ``2 * MAX_QUESTION_CHARS`` characters are read at all, so the work
    is bounded whatever comes in (the terminal's ``ask`` takes any length). NFKC can
    make one character eighteen: a short prefix is read first, and when it alone
    fills the limit (with room for a character joined across its end), no more.
    """
    for size in (MAX_QUESTION_CHARS // 4, MAX_QUESTION_CHARS * 2):
        joined = _normalized(text[:size])
        if len(joined) > MAX_QUESTION_CHARS + 16 or len(text) <= size:
            break
    unread = text[size:]
    cut = len(joined) > MAX_QUESTION_CHARS or (bool(unread) and not unread.isspace())
    return joined[:MAX_QUESTION_CHARS], cut


def _normalized(text: str) -> str:
    return fold(text)


def words(normalized: str) -> list[str]:
    """The words of a folded text (a new list: callers may change it)."""
    return list(_words(normalized))


# A question's parts are split into words by a dozen readers in turn: cached, like fold.
@lru_cache(maxsize=256)
def _words(normalized: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(normalized))


def spelled_out(text: str, shorthand: dict[str, str]) -> str:
    """ "how do u know" -> "how do you know": shorthand words (a vocabulary's ``text_speak``)
    replaced whole ("u.s." and "r&d" stay as typed); "who's" is "who is", any other "'s" a
    possessive ("sakhalin's quota" -> "sakhalin quota")."""
    # One findall in C first: a callback for every short word only when one is shorthand.
    if shorthand and not shorthand.keys().isdisjoint(_SHORTHAND.findall(text)):
        text = _SHORTHAND.sub(lambda m: shorthand.get(m.group(0), m.group(0)), text)
    text = _NOT_A_YEAR.sub(lambda m: "kids" if m.group(0).endswith("olds") else "", text)
    text = _DROPPED_G.sub(_with_g, text) if "in" in text else text
    return _POSSESSIVE.sub("", _CONTRACTED_IS.sub(r"\1 is", text))


# "sayin", "workin'", "payin": an "-ing" said without its g.
_DROPPED_G = re.compile(r"\b([a-z]{3,}in)['’]?(?![\w'’])")


def _with_g(match: re.Match[str]) -> str:
    """ "sayin" -> "saying" when the dictionary holds "saying" and not "sayin" ("margin",
    "berlin" and "cousin" stay)."""
    word = match.group(1)
    if ordinary_english(word) or not ordinary_english(word + "g"):
        return match.group(0)
    return word + "g"


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def edit_distance_within(a: str, b: str, limit: int) -> bool:
    """Damerau-Levenshtein (optimal string alignment) distance <= limit, with an early exit.

    The plain reference that ``Vocabulary``'s rapidfuzz scan is tested against.
    """
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
    """Known words, and the nearest known word for a typo (cached: typos repeat).

    The nearest word is, of the known words within the typo budget
    (``edit_distance_within`` is the reference), the first in alphabetical order that
    keeps the typed word's first letter, else the first of all; rapidfuzz compares a
    typed word with every known word of a near length in C. Words too long to be
    near any known word, or longer than ``MAX_CORRECTABLE_CHARS``, are not looked up.
    """

    def __init__(self, known: set[str]) -> None:
        self._known = frozenset(known)
        self._by_length: dict[int, list[str]] = {}
        # Sorted: the first match must not depend on the hash seed of this process.
        for word in sorted(known):
            if " " not in word and not has_cjk(word):
                self._by_length.setdefault(len(word), []).append(word)
        # Two-edit typos keep their first letter: (length, first letter) -> words, same order.
        self._by_length_and_first: dict[tuple[int, str], list[str]] = {}
        for length, words_of_length in self._by_length.items():
            for word in words_of_length:
                self._by_length_and_first.setdefault((length, word[0]), []).append(word)
        # A word more edits longer than any known word than its budget allows has no match.
        longest = max(self._by_length, default=0)
        self._max_correctable = min(MAX_CORRECTABLE_CHARS, longest + MAX_TYPO_EDITS)
        self.correct = lru_cache(maxsize=4096)(self._correct)

    def changed(self, added: set[str], removed: set[str]) -> Vocabulary:
        """A new vocabulary with ``added`` and without ``removed`` words, as one built from
        scratch would be (the per-length lists stay sorted); this one is not changed."""
        new = copy.copy(self)
        new._known = (self._known - removed) | added
        new._by_length = dict(self._by_length)
        new._by_length_and_first = dict(self._by_length_and_first)
        for word in (*removed, *added):
            if " " in word or has_cjk(word) or not word:
                continue
            key = (len(word), word[0])
            words = new._by_length[len(word)] = list(new._by_length.get(len(word), ()))
            firsts = new._by_length_and_first[key] = list(new._by_length_and_first.get(key, ()))
            for pool in (words, firsts):
                at = bisect.bisect_left(pool, word)
                present = at < len(pool) and pool[at] == word
                if word in added and not present:
                    pool.insert(at, word)
                elif word in removed and word not in added and present:
                    del pool[at]
            if not words:
                del new._by_length[len(word)]
            if not firsts:
                del new._by_length_and_first[key]
        longest = max(new._by_length, default=0)
        new._max_correctable = min(MAX_CORRECTABLE_CHARS, longest + MAX_TYPO_EDITS)
        new.correct = lru_cache(maxsize=4096)(new._correct)
        return new

    def __contains__(self, word: str) -> bool:
        return word in self._known

    def correctable(self, word: str) -> bool:
        """Whether ``word`` is unknown and could be a typo of a known word (cheap)."""
        return (
            word not in self._known
            and len(word) <= self._max_correctable
            and typo_budget(word) > 0
            and word.isalpha()
        )

    def _correct(self, word: str) -> str | None:
        if word in self._known:
            return word
        if not self.correctable(word):
            return None
        base = self.inflected(word)
        if base is not None:
            return base
        for distance in range(1, typo_budget(word) + 1):
            # People seldom mistype a word's first letter: words that keep it come first
            # ("meels" is "meals", not "feels"); one-edit typos may change it after all.
            same_first = [(length, word[0]) for length in _lengths(word, distance)]
            pools = [self._by_length_and_first.get(key, ()) for key in same_first]
            if distance == 1:
                pools += [self._by_length.get(length, ()) for length in _lengths(word, 1)]
            for pool in pools:
                found = self._scan(word, pool, distance) if pool else None
                if found is not None:
                    return found
        return None

    def inflected(self, word: str) -> str | None:
        """ "verifying" -> "verify", "praised" -> "praise", "stopped" -> "stop": a known word
        an English ending was added to (before any typo is guessed)."""
        for ending, restore in _ENDINGS:
            if not word.endswith(ending) or len(word) - len(ending) < 3:
                continue
            stem = word[: -len(ending)]
            for base in (stem + restore, stem, stem[:-1] if stem[-1:] == stem[-2:-1] else ""):
                if base and " " not in base and base in self._known:
                    return base
        return None

    def _scan(self, word: str, pool: Sequence[str], distance: int) -> str | None:
        """The first word of ``pool`` within ``distance`` edits (optimal string alignment,
        as ``edit_distance_within`` counts them) of ``word``."""
        hits = process.extract(word, pool, scorer=OSA.distance, score_cutoff=distance, limit=None)
        if not hits:
            return None
        # Typos seldom change the first letter: "meels" is "meals", not "feels".
        return min((pool[index] for _, _, index in hits), key=lambda k: (k[0] != word[0], k))


# English endings and what a stem may need back: "verifying" -> "verify", "praised" ->
# "praise", "worries" -> "worry".
_ENDINGS = (("ying", "y"), ("ies", "y"), ("ied", "y"), ("ing", "e"), ("ed", "e"), ("es", ""),
            ("s", ""), ("ly", ""))  # fmt: skip


def _lengths(word: str, distance: int) -> range:
    return range(len(word) - distance, len(word) + distance + 1)


class BoundedCorrector:
    """Typo correction for one question: at most ``limit`` unknown words are looked up.

    Ordinary questions have a few unknown words; a message of hundreds of made-up
    words then costs no more than one of ``limit`` (later words stay uncorrected).
    """

    def __init__(self, vocabulary: Vocabulary, limit: int = MAX_CORRECTED_WORDS) -> None:
        self._vocabulary = vocabulary
        self._left = limit
        self._found: dict[str, str | None] = {}
        self._skipped: set[str] = set()

    def correct(self, word: str) -> str | None:
        if word in self._vocabulary:
            return word
        if word in self._found:
            return self._found[word]
        if not self._vocabulary.correctable(word):
            return None
        if self._left <= 0:
            self._skipped.add(word)
            return None
        self._left -= 1
        found = self._found[word] = self._vocabulary.correct(word)
        return found

    def base(self, word: str) -> str | None:
        """A known form of the same word ("paying" -> "pay", "misses" -> "missed", "fishy"
        -> "fish"), with no typo guessed: for words a dictionary holds, which are no typos."""
        if word in self._vocabulary:
            return word
        found = self._vocabulary.inflected(word)
        if found is not None:
            return found
        for ending, _ in (*_ENDINGS, ("y", "")):
            stem = word[: -len(ending)]
            if word.endswith(ending) and len(stem) >= 3:
                for form in (stem, *(stem + other for other, _ in _ENDINGS)):
                    if form != word and form in self._vocabulary:
                        return form
        # A letter more or less ("chose" -> "choose"), never one changed: "feeding" is not
        # "feeling", "giving" not "living".
        found = self.correct(word)
        return found if found is not None and _one_letter_apart(word, found) else None

    def skipped(self, word: str) -> bool:
        """Whether ``word`` could be a typo but was not looked up (over the limit)."""
        return word in self._skipped


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether the longer word is the shorter with one letter added."""
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1:
        return False
    return any(long[:at] + long[at + 1 :] == short for at in range(len(long)))


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
        self._longest = max(map(len, self._keys), default=0)
        self._postings: dict[tuple[str, int], list[int]] = {}
        for position, key in enumerate(self._keys):
            for gram in _bigrams(key):
                self._postings.setdefault((gram, len(key)), []).append(position)

    def close_to(
        self, word: str, n: int = 3, cutoff: float = 0.72, exclude: Collection[str] = ()
    ) -> list[str]:
        typed = normalize(word)
        if len(typed) > self._longest + self.SLIPS:
            return []  # no name is within SLIPS edits of it
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


def with_corrections(text: str, corrections: dict[str, str]) -> str:
    """The part with its typos read as the words they were taken for."""
    if not corrections:
        return text
    return " ".join(corrections.get(token, token) for token in words(text))


_FLAG = re.compile("([\U0001f1e6-\U0001f1ff])([\U0001f1e6-\U0001f1ff])")


def flag_countries(text: str) -> list[str]:
    """The ISO codes of the flags in a message ("🇷🇺" -> "RU")."""
    return [
        "".join(chr(ord(letter) - 0x1F1E6 + ord("A")) for letter in match.groups())
        for match in _FLAG.finditer(text[:MAX_QUESTION_CHARS])
    ]


def beside(tokens: list[str], index: int, size: int) -> set[str]:
    """The words right before and after a phrase of ``size`` words at ``index``."""
    after = tokens[index + size] if index + size < len(tokens) else ""
    return {tokens[index - 1] if index else "", after}
