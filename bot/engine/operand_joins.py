"""Whether an "and" inside one part joins the operands of one sum ("one sakhalin worker and
one dalian worker") or two asks ("сколько человек затронуло и насколько выросла норма"):
read by ``segments.read_parts``."""

from __future__ import annotations

from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Attribute, Intent


def whole_ask(part: Understanding) -> bool:
    """Arithmetic, a comparison, the asker's or a told figure: its "and" joins operands
    ("one sakhalin worker and one dalian worker"), not questions."""
    # "하루 몇 시간 일하고": a day named beside hours worked asks the hours, no sum a day.
    timed = Attribute.WORK_TIME in part.attributes
    return bool(
        [o for o in part.operations if not (timed and o.startswith("per_"))]
        or part.figures
        or part.own_figures
        or part.role_play
        or part.pair_asked
        or part.change_asked
        or part.headcount is not None
        or part.months is not None
        or Intent.COMPARE in part.intents
        # "how long did they mean to work and come home": one planned stay, not two asks.
        or bool(part.framed_topics)
    )


def attribute_and_sum(parts: list[Understanding]) -> bool:
    """ "сколько человек затронуло и насколько выросла норма": one side asks an attribute
    and nothing to compute, another a change or a sum and no attribute: two asks, not the
    operands of one sum."""
    if any(p.figures or p.own_figures or p.headcount is not None or p.months for p in parts):
        return False  # "если норма 62 тыщи в месяц": the asker's figures are operands
    asks_attribute = any(p.attributes and not whole_ask(p) for p in parts)
    # (The change side asks too, "и насколько выросла": "if they fail and the quota goes up
    # again" is a condition, not a second ask.)
    return asks_attribute and any(
        (p.change_asked or p.operations)
        and not p.attributes
        and (p.question_words or p.amount_hinted)
        for p in parts
    )
