"""One walk through pymorphy3's word graph: the cheapest Russian dictionary word a
spelling may stand for, letter group by letter group.

Two readers use it: ``translit.py`` (Latin letters, "skolko") and ``neighbour_words.py``
(Belarusian and Ukrainian spellings, "здаваць"). Each gives its table of spellings
(spelled -> (Russian letters, cost), the usual reading first), the letters after which a
dropped soft sign may be restored at cost 1, and the highest cost allowed. The graph's
node is carried along, so a step costs one lookup of a letter or two, and a path that
leaves every Russian word is dropped at once. Among the whole words found, the one of
the lowest cost wins, the usual reading first among equals.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# At most this many steps through the word graph for one word (a long word of many
# ambiguous letters stays well under it: the graph prunes almost every path at once).
MAX_STEPS = 4000


@dataclass(frozen=True)
class Spellings:
    letters: Mapping[str, tuple[tuple[str, int], ...]]
    longest: int
    soft_after: frozenset[str]
    max_cost: int
    # A single letter no spelling lists: kept as it is at cost 0 ("'" read as "ъ"),
    # or, when False, the path ends there.
    keep_unlisted: bool = False


def cheapest(word: str, spellings: Spellings, max_steps: int = MAX_STEPS) -> str | None:
    """The cheapest word of pymorphy3's graph that ``word`` may stand for, or None."""
    from bot.engine.analysis import russian_words

    graph, separator = russian_words()
    best: tuple[int, str] | None = None
    steps = 0
    # (position in the word, graph node, Russian so far, cost so far)
    stack: list[tuple[int, int, str, int]] = [(0, graph.ROOT, "", 0)]
    while stack and steps < max_steps:
        position, node, written, cost = stack.pop()
        steps += 1
        if best is not None and cost >= best[0]:
            continue
        if position == len(word) and graph.follow_bytes(separator, node):
            best = (cost, written)
            continue
        moves: list[tuple[int, str, int]] = []
        if written and written[-1] in spellings.soft_after and cost < spellings.max_cost:
            moves.append((position, "ь", cost + 1))  # a dropped soft sign ("zhizn", "цяпер")
        for size in range(min(spellings.longest, len(word) - position), 0, -1):
            spelled = word[position : position + size]
            options = spellings.letters.get(spelled)
            if options is None and size == 1 and spellings.keep_unlisted:
                options = (("ъ", 0),) if spelled == "'" else ((spelled, 0),)
            for letters, extra in options or ():
                if cost + extra <= spellings.max_cost:
                    moves.append((position + size, letters, cost + extra))
        # The stack takes the last first: the usual reading last, so it is tried first.
        for next_position, letters, next_cost in reversed(moves):
            found = graph.follow_bytes(letters.encode("utf-8"), node)
            if found:
                stack.append((next_position, found, written + letters, next_cost))
    return None if best is None else best[1]
