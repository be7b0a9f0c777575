"""A vague ask of the report's figures: the overview, not the off-topic reply.

"а для бригады сколько план", "现在的标准是多少？以前呢？", "사할린 말고 다른데도 올랐음?": a
message no reader answered that asks an amount ("сколько", "多少", "얼마": the weak quota cues
of its language's vocabulary), names a quota, a change or the report's figures, and holds
nothing of another subject (no foreign word, no uncovered place, currency or kind of work)
asks for the figures in words no table maps. It gets every reported quota, not "I can only
answer …". Language-neutral: the cues are each language's vocabulary data.
"""

from __future__ import annotations

from bot.engine.relevance import about_elsewhere, asks_others_pay, market_rate, shared_words_only
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent

_ASKING = frozenset({Intent.QUOTA, Intent.COMPARE, Intent.LIST, Intent.USD})


def _elsewhere(s: Understanding) -> bool:
    """Something of another subject, or of a place, currency or work the report lacks."""
    return bool(
        s.foreign
        or s.other_subject
        or s.other_asked
        or s.listed_foreign
        or s.compound_foreign
        or s.role_play
        or s.unknown_places
        or s.regions
        or s.other_currencies
        or s.other_sectors
        or s.own_pay
        or s.own_figures
        # "what's the typical salary in russia", "the ruble to dollar rate right now"
        or asks_others_pay(s)
        or market_rate(s)
        or shared_words_only(s)
        or about_elsewhere(s)
    )


def _asks_figures(s: Understanding) -> bool:
    if not (s.ties or s.domain):
        return False  # "一斤带鱼多少钱", "집 한 채 짓는 데 돈 얼마나 들어": another thing's price
    return bool(s.amount_hinted or s.quota_named or s.change_asked or _ASKING & set(s.intents))


def vague_figures_ask(u: Understanding) -> bool:
    """Whether the message asks the report's figures vaguely and nothing else."""
    parts = u.segments or [u]
    if any(_elsewhere(s) for s in parts):
        return False
    return any(_asks_figures(s) for s in parts)
