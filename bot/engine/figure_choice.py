"""Figures offered as a choice, "62k or 124k?", "give me a straight answer: 3400 or 6800",
"pick one: 62,000 or 124,000": two or more amounts joined by the language's word of choice
("or", "или", "还是", "아니면": `vocabulary/joiners.json`), at least one of them a stored
quota's or the double "doubled" implies, in a part nothing else ties to the report, ask
which of them is that quota: its figures, each labelled, not the off-topic reply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.engine.place_currency import picked_places
from bot.engine.segments import offers_choice
from bot.engine.vocabulary import Intent

if TYPE_CHECKING:
    from collections.abc import Callable

    from bot.engine.understanding import Understanding
    from db.views import ClaimView

_MIN_FIGURES = 2


def settle_figure_choice(s: Understanding, quotas: Callable[[], list[ClaimView]]) -> None:
    """A part offering figures as a choice asks the quota they name (``quotas`` is called
    only for a part with two figures and a word of choice)."""
    if len(set(s.figures)) < _MIN_FIGURES or s.foreign:
        return  # most parts: checked before the costlier reading below
    if not offers_choice(s.text, s.language) or s.on_topic:
        return
    places = picked_places(s, quotas())
    if places:
        s.places = places
        s.intents.append(Intent.QUOTA)
