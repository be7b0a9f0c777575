"""Who denied or confirmed what a report says: "did the kyrgyz govt admit any of it", "the
embassy denied it so it's fake", "did the police there confirm the restaurants exist", "кто
это опроверг", "官方有没有否认". The answer is the claims whose own stored words record a
denial or a confirmation (any report's, by the English verbs it is stored with), each with
its attribution; of the places or countries the message names when it names some (the claim's
place, or its source's country). The question's cues are data (vocabulary/stances.json): a
"weak" cue ("confirm") asks a stance only with someone who could take one ("the ministry").
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from bot.engine.claims import ComposerBase
from bot.engine.local_names import source_name
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import FOLDER, Intent
from bot.engine.wording import _
from bot.markup import Html, bold, fmt
from db.views import ClaimView, Snapshot

MAX_CLAIMS = 3
_STANCES: dict[int, tuple[Snapshot, tuple[ClaimView, ...]]] = {}


@lru_cache(maxsize=1)
def _data() -> dict[str, object]:
    data: dict[str, object] = json.loads((FOLDER / "stances.json").read_text(encoding="utf-8"))
    return data


def _cues(kind: str, language: str) -> tuple[str, ...]:
    table = _data()[kind]
    assert isinstance(table, dict)
    return tuple(table.get(language, ()))


def asks_stance(text: str, language: str) -> bool:
    """The message asks whether someone denied, confirmed or admitted it."""
    folded = f" {text.casefold()} "
    if any(cue in folded for cue in _cues("strong", language)):
        return True
    return any(cue in folded for cue in _cues("weak", language)) and any(
        holder in folded for holder in _cues("holders", language)
    )


def stance_claims(snapshot: Snapshot) -> tuple[ClaimView, ...]:
    """The active claims that record a denial or a confirmation (built once a snapshot)."""
    cached = _STANCES.get(id(snapshot))
    if cached is not None and cached[0] is snapshot:
        return cached[1]
    stored = re.compile(str(_data()["stored"]), re.IGNORECASE)
    found = tuple(
        c
        for c in snapshot.active_claims
        if not c.is_quota and stored.search(f"{c.topic} {c.statement}")
    )
    _STANCES.clear()
    _STANCES[id(snapshot)] = (snapshot, found)
    return found


def _of_subject(claim: ClaimView, u: Understanding, snapshot: Snapshot) -> bool:
    source = snapshot.sources.get(claim.source_id)
    country = source.country if source is not None else None
    return claim.place in u.places or (country is not None and country in u.countries)


def stances_asked(u: Understanding, c: ComposerBase) -> list[ClaimView]:
    """The stored denials and confirmations the message asks about: of the places or
    countries it names when it names some; none when it asks no stance."""
    if not asks_stance(u.text, str(u.language.value)):
        return []
    claims = list(stance_claims(c.snapshot))
    if u.places or u.countries:
        claims = [x for x in claims if _of_subject(x, u, c.snapshot)]
    return claims[:MAX_CLAIMS]


def show_stances(claims: list[ClaimView], c: ComposerBase, reply: Reply) -> bool:
    """Each source's denial or confirmation, in its report's words, with its attribution
    (the statement, which names the stance; the quote may not)."""
    if not claims:
        return False
    if reply.lines and reply.lines[-1]:
        reply.lines.append(Html(""))
    shown: set[int] = set()
    for claim in claims:
        source = c.snapshot.sources.get(claim.source_id)
        if source is not None and source.id not in shown:
            shown.add(source.id)
            said = _("What {source} said:").format(source=source_name(source.name))
            reply.lines.append(bold(said))
        reply.use(claim.id, claim.article_id)
        reply.lines.append(fmt("• {}", c.claim_line(claim, full=True)))
    reply.intents.append(Intent.STATEMENTS)
    return True
