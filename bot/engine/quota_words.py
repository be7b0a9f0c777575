"""Figures found by the words a report uses for them ("is the spouse charged too", "and the
spouse amount?"): no cue or alias names them, but the figure's own statement or basis does.
An index of every current quota's stemmed statement and basis words, built once per
snapshot (the answerer is rebuilt with each one).

Who a figure is for, in the report's own words ("each road crew member", "each bricklayer
and plasterer", "each married couple working in the same restaurant") and the name of its
sector ("road building"), is indexed apart, by root in any number (sector_words.py's
``root``): a question asking a figure of "the road crews", "the plasterers" or "the
married ones", with no place named, is asked of those figures, not of every place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from bot.engine.basis_work import WORD, whom_words
from bot.engine.reports import value
from bot.engine.retrieval import terms
from bot.engine.sector_words import root
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent
from db.views import ClaimView

# At most this many figures are shown for words a question shares with them.
MAX_FIGURES = 5


class QuotaWords:
    def __init__(self, quotas: Iterable[ClaimView], generic: Iterable[str] = ()) -> None:
        # The statements' index is built on the first ``naming`` (a rare fallback): most
        # questions need only the small index of who pays.
        self._quotas = tuple(quotas)
        self._built: dict[str, list[ClaimView]] | None = None
        self._whom: dict[str, list[ClaimView]] = {}
        self._count = len(self._quotas)
        skip = {root(word) for word in generic}
        for claim in self._quotas:
            words = whom_words(value(claim, "basis_text"), claim.sector)
            for word_root in {root(w) for w in words} - skip:
                self._whom.setdefault(word_root, []).append(claim)

    @property
    def _index(self) -> dict[str, list[ClaimView]]:
        if self._built is None:
            self._built = {}
            for claim in self._quotas:
                text = f"{claim.statement} {value(claim, 'basis_text') or ''}"
                for term in set(terms(text)):
                    self._built.setdefault(term, []).append(claim)
        return self._built

    def naming(self, words: Iterable[str]) -> list[ClaimView]:
        """The figures whose words include the most of ``words`` (none: an empty list)."""
        hits: Counter[int] = Counter()
        claims: dict[int, ClaimView] = {}
        for term in set(terms(" ".join(words))):
            for claim in self._index.get(term, ()):
                hits[claim.id] += 1
                claims[claim.id] = claim
        if not hits:
            return []
        best = max(hits.values())
        return [claims[i] for i, n in hits.items() if n == best][:MAX_FIGURES]

    def for_whom(self, text: str) -> list[ClaimView]:
        """The figures whose words for who pays ("road crew", "plasterers", "married") the
        text uses most; none when the text names none of them, or names every figure."""
        hits: Counter[int] = Counter()
        claims: dict[int, ClaimView] = {}
        for word_root in {root(w) for w in WORD.findall(text.casefold()) if w != ","}:
            for claim in self._whom.get(word_root, ()):
                hits[claim.id] += 1
                claims[claim.id] = claim
        if not hits or len(hits) >= self._count:
            return []
        best = max(hits.values())
        return [claims[i] for i, n in hits.items() if n == best]


def places_for_whom(s: Understanding, words: QuotaWords) -> list[str]:
    """The places of the figures a part asks of people by the report's words for them
    ("road crew dues?", "and the plasterers, how much"), when it names no place, country,
    currency or kind of work, nothing outside the reports, and asks a figure."""
    if s.has_subject or s.unknown_places or s.foreign or s.regions:
        return []
    if not (Intent.QUOTA in s.intents or s.quota_named or s.amount_hinted or s.operations):
        return []
    text = " ".join([s.text, *s.search_words])  # Russian, Chinese, Korean: their English
    return list(dict.fromkeys(c.place for c in words.for_whom(text) if c.place))
