"""Kinds of work offered as a choice ask which one it is: "which crowd are the sakhalin lads
working in, building or fish", "стройка или рыба?": two or more of the store's sectors named
with the language's word of choice (joiners.json), in a part that asks, are the options of a
question about the kind of work, not a filter: the sectors of the places asked answer it."""

from __future__ import annotations

from bot.engine.segments import offers_choice
from bot.engine.understanding import Understanding, add_once
from bot.engine.vocabulary import Intent


def sector_choice(segment: Understanding, asked: bool) -> None:
    """``segment`` asks the kind of work when it offers two of its sectors as a choice
    (``asked``: it has a question word or mark)."""
    if len(segment.sectors) < 2 or not asked or not offers_choice(segment.text, segment.language):
        return
    quota = Intent.QUOTA in segment.intents or segment.amount_hinted or segment.quota_named
    if quota or segment.attributes or segment.operations or segment.figures:
        return  # "quota for construction or seafood workers?", "which pays more": not the work
    segment.sectors = []
    add_once(segment.intents, Intent.SECTORS)
