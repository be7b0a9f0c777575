"""One cheap search before many: a reader that tries several patterns in turn on every
part of a message first asks whether any of them can match at all (most parts match
none), with one pattern that is their alternation.

The alternation finds a match where, and only where, one of the patterns does: each
alternative is tried at every position, and none of them refers to a group of another
(a pattern that cannot be joined so, e.g. one with a global inline flag, gives no filter
and the reader tries every pattern, as before).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# "\1", "(?P=name)", "(?(1)…)": a reference to a group, whose number the alternation shifts.
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def any_of(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One pattern matching wherever one of ``patterns`` does; None when they cannot be
    joined (the caller then tries them all)."""
    listed = list(patterns)
    if not listed:
        return re.compile(r"(?!)")  # nothing to find: never matches
    if any(
        p.flags & ~re.UNICODE or p.groupindex or _BACKREFERENCE.search(p.pattern) for p in listed
    ):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in listed))
    except re.error:
        return None
