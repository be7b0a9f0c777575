"""Composing answers from the facts the question selects: one class made of the parts in
claims.py (indexes, labels, selections), quota_blocks.py (quota figures) and sourcing.py
(sources, the article, trust, topics).

Every figure printed here is a stored claim's, or a derivation labelled as one
("implied by “doubled”"). Where the report is silent, the answer says so.
"""

from __future__ import annotations

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
