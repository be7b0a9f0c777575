"""A figure the report only implies, asked where it comes from ("where does the 124,000
come from", "how did you get 6,800"): its place's quota block, whose line says it is implied
by “doubled” and that the report does not state it, rather than the sources list."""

from __future__ import annotations

from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent, Vocabulary
from db.textfold import fold
from db.views import ClaimView


def implied_asked(
    s: Understanding, quotas: list[ClaimView], vocabulary: Vocabulary
) -> list[ClaimView]:
    """The quotas whose implied (doubled) amount the part asks the origin of."""
    if not s.figures:
        return []
    text = fold(s.text)
    if Intent.SOURCES not in s.intents and not any(p in text for p in vocabulary.derivation_asks):
        return []
    stated = {q.amount for q in quotas} | {q.usd_amount for q in quotas}
    asked = [f for f in s.figures if f not in stated]
    return [
        q
        for q in quotas
        if q.change == "doubled"
        and any(base is not None and base * 2 in asked for base in (q.amount, q.usd_amount))
    ]
