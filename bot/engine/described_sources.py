"""A source asked about by the words a report describes it with: "what did the embassy guy
say", "the recruiter's words", "what did the pipeline engineer tell them". Any stored
report's sources, by the words of their stored names that few sources share (a role, a
workplace, a person's name), never by a place's name (a place asks its figures). The answer
is what that source said: its claims, facts first, each with its attribution.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from bot.engine.compose import Composer
from bot.engine.local_names import source_name
from bot.engine.reply import Reply
from bot.engine.retrieval import STOP, stem
from bot.engine.vocabulary import Intent
from bot.engine.wording import _
from bot.markup import bold, fmt
from db.kinds import SourceKind
from db.views import Snapshot, SourceView

# A word in more sources' names than this describes none in particular ("made-up", "source").
MAX_SOURCES_A_WORD = 2
MAX_SOURCES = 2
MAX_CLAIMS = 3
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Words of a stored name that say what kind of name it is, not whose.
_GENERIC = frozenset({"made", "source", "sources", "anonymous", "own", "narration"})

_INDEX: dict[int, tuple[Snapshot, dict[str, list[SourceView]]]] = {}


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.casefold()) if w not in STOP and w not in _GENERIC]


def _index(snapshot: Snapshot) -> dict[str, list[SourceView]]:
    """Stem -> the sources whose names use it (built once per snapshot)."""
    cached = _INDEX.get(id(snapshot))
    if cached is not None and cached[0] is snapshot:
        return cached[1]
    places = {stem(w) for c in snapshot.active_claims for w in _words(c.place or "")}
    by_stem: dict[str, list[SourceView]] = {}
    for source in snapshot.sources.values():
        if source.kind == SourceKind.NARRATION:
            continue
        for word in dict.fromkeys(stem(w) for w in _words(source.name)):
            if word not in places:
                by_stem.setdefault(word, []).append(source)
    index = {w: s for w, s in by_stem.items() if len(s) <= MAX_SOURCES_A_WORD}
    _INDEX.clear()
    _INDEX[id(snapshot)] = (snapshot, index)
    return index


def source_words(snapshot: Snapshot) -> frozenset[str]:
    """Every word of the sources' stored names (folded): a question using one ("the
    subcontractor") speaks of the reports, not of another subject."""
    return frozenset(w for s in snapshot.sources.values() for w in _WORD.findall(s.name.casefold()))


def described(snapshot: Snapshot, words: Iterable[str]) -> list[SourceView]:
    """The sources the words describe, those named by most of the words first."""
    index = _index(snapshot)
    hits: Counter[int] = Counter()
    sources: dict[int, SourceView] = {}
    for word in dict.fromkeys(stem(w) for text in words for w in _words(text)):
        for source in index.get(word, ()):
            hits[source.id] += 1
            sources[source.id] = source
    return [sources[i] for i, _n in hits.most_common(MAX_SOURCES)]


def said_by_described(words: Iterable[str], c: Composer, reply: Reply) -> bool:
    """What the sources the words describe said, each claim with its attribution."""
    sources = described(c.snapshot, words)
    if not sources:
        return False
    for source in sources:
        claims = [x for x in c.snapshot.active_claims if x.source_id == source.id]
        if not claims:
            continue
        claims.sort(key=lambda x: x.is_quota)  # what it said first, its figures after
        reply.lines.append(bold(_("What {source} said:").format(source=source_name(source.name))))
        for claim in claims[:MAX_CLAIMS]:
            reply.use(claim.id, claim.article_id)
            reply.lines.append(fmt("• {}", c.claim_line(claim)))
    if not reply.lines:
        return False
    reply.intents.append(Intent.STATEMENTS)
    return True
