"""Figures found by the words a report uses for them ("is the spouse charged too", "and the
spouse amount?"): no cue or alias names them, but the figure's own statement or basis does.
An index of every current quota's stemmed statement and basis words, built once per
snapshot (the answerer is rebuilt with each one).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from bot.engine.reports import value
from bot.engine.retrieval import terms
from db.views import ClaimView

# At most this many figures are shown for words a question shares with them.
MAX_FIGURES = 5


class QuotaWords:
    def __init__(self, quotas: Iterable[ClaimView]) -> None:
        self._index: dict[str, list[ClaimView]] = {}
        for claim in quotas:
            text = f"{claim.statement} {value(claim, 'basis_text') or ''}"
            for term in set(terms(text)):
                self._index.setdefault(term, []).append(claim)

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
