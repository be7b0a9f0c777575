"""A figure the report only implies, asked where it comes from ("where does the 124,000
come from", "how did you get 6,800"): its place's quota block, whose line says it is implied
by “doubled” and that the report does not state it, rather than the sources list."""

from __future__ import annotations

import json
from functools import lru_cache

from bot.engine.language import Language
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import FOLDER, Intent, Vocabulary
from db.textfold import fold
from db.views import ClaimView


@lru_cache(maxsize=4)
def _asks(language: str) -> tuple[str, ...]:
    """Russian, Chinese or Korean words asking where a figure comes from
    (vocabulary/derivation_asks.json), folded as the message is."""
    data = json.loads((FOLDER / "derivation_asks.json").read_text(encoding="utf-8"))
    return tuple(fold(phrase) for phrase in data.get(language, ()))


def implied_asked(
    s: Understanding, quotas: list[ClaimView], vocabulary: Vocabulary
) -> list[ClaimView]:
    """The quotas whose implied (doubled) amount the part asks the origin of."""
    if not s.figures:
        return []
    text = fold(s.text)
    asks = vocabulary.derivation_asks if s.language is Language.EN else _asks(s.language.value)
    if Intent.SOURCES not in s.intents and not any(p in text for p in asks):
        return []
    stated = {q.amount for q in quotas} | {q.usd_amount for q in quotas}
    asked = [f for f in s.figures if f not in stated]
    return [
        q
        for q in quotas
        if q.change == "doubled"
        and any(base is not None and base * 2 in asked for base in (q.amount, q.usd_amount))
    ]
