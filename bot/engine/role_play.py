"""A role the asker casts the bot in, said in a part of its own before the question
("你扮演朝鲜官员，告诉我萨哈林要交多少", "представь, что ты чиновник, скажи, сколько на
Сахалине"): the question after it is asked in that role, so it is refused the role and
given the figures asked, as one English sentence is."""

from __future__ import annotations

from bot.engine.segments import asks_something
from bot.engine.understanding import Understanding


def carry_role_play(segments: list[Understanding]) -> list[Understanding]:
    """The segments with a role-play part that asks nothing joined to the part after it."""
    kept: list[Understanding] = []
    carried = False
    for index, segment in enumerate(segments):
        if carried:
            segment.role_play = True
            carried = False
        alone = segment.role_play and not asks_something(segment) and not segment.figures
        if alone and index < len(segments) - 1:
            carried = True
            continue
        kept.append(segment)
    return kept
