"""Composing answers from the facts the question selects: one class made of the parts in
claims.py (indexes, labels, selections), quota_blocks.py (quota figures) and sourcing.py
(sources, the article, trust, topics).

Every figure printed here is a stored claim's, or a derivation labelled as one
("implied by “doubled”"). Where the report is silent, the answer says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Self

from bot.engine.claims import (
    BLOCK_LIMIT,
    IDS_PER_SOURCE,
    IMPLIED,
    LIST_LIMIT,
    PLACES_IN_SENTENCE,
    ClaimIndex,
    ComposerBase,
)
from bot.engine.quota_blocks import QuotaAnswers
from bot.engine.sourcing import TOPIC_TITLES, SourceAnswers
from db.views import ClaimView, Snapshot

__all__ = [
    "BLOCK_LIMIT",
    "IDS_PER_SOURCE",
    "IMPLIED",
    "LIST_LIMIT",
    "PLACES_IN_SENTENCE",
    "TOPIC_TITLES",
    "ClaimIndex",
    "Composer",
    "ComposerBase",
]


class Composer(QuotaAnswers, SourceAnswers):
    """Every answer the engine composes from claims."""

    def quotas_at(self, place: str) -> list[ClaimView]:
        """``quotas()``'s figures for one stored place, in its order: with one report (its
        figures by id, as ``arrange`` leaves them) read from the place index, not by a walk
        over every figure of the store."""
        if not self.several and not self.reports.earlier:
            return self._active_quotas.having("place", place)
        return [claim for claim in self.quotas() if claim.place == place]

    def updated(
        self,
        snapshot: Snapshot,
        removed: Sequence[ClaimView],
        added: Sequence[ClaimView],
        *,
        articles_changed: bool = False,
    ) -> Self:
        """``ComposerBase.updated``, with what a snapshot's answers found and the change
        leaves as it was carried over (``SourceAnswers.carry_naming``)."""
        new = super().updated(snapshot, removed, added, articles_changed=articles_changed)
        new.carry_naming(self, [*removed, *added])
        return new
