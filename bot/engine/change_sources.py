"""What a report's sources say about a change of a place's quota, beside the figure: "a
restaurant supplier says it was raised in October", "a second source: it has not changed
this year", "a lorry driver: there was no cut at all". The facts are found by the English
words they are stored with (vocabulary/change_premises.json's "stored"), once a snapshot,
so any report's are heard; a change asserted or asked of the place is answered with all of
them, never with "the report gives no change" when a source gives one.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from bot.engine.vocabulary import FOLDER
from db.views import ClaimView, Snapshot

MAX_FACTS = 4
_FOUND: dict[int, tuple[Snapshot, dict[str, tuple[ClaimView, ...]]]] = {}


@lru_cache(maxsize=1)
def _stored() -> re.Pattern[str]:
    data = json.loads((FOLDER / "change_premises.json").read_text(encoding="utf-8"))
    return re.compile(data["stored"]["pattern"], re.IGNORECASE)


def _by_place(snapshot: Snapshot) -> dict[str, tuple[ClaimView, ...]]:
    cached = _FOUND.get(id(snapshot))
    if cached is not None and cached[0] is snapshot:
        return cached[1]
    stored = _stored()
    found: dict[str, list[ClaimView]] = {}
    for claim in snapshot.active_claims:
        if not claim.is_quota and claim.place and stored.search(claim.statement):
            found.setdefault(claim.place, []).append(claim)
    table = {place: tuple(claims) for place, claims in found.items()}
    _FOUND.clear()
    _FOUND[id(snapshot)] = (snapshot, table)
    return table


def change_facts(snapshot: Snapshot, figure: ClaimView) -> list[ClaimView]:
    """The facts of ``figure``'s report and place that say it changed or did not."""
    if not figure.place:
        return []
    facts = _by_place(snapshot).get(figure.place, ())
    return [f for f in facts if f.article_id == figure.article_id][:MAX_FACTS]
