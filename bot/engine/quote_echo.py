"""A stored statement or quote the question repeats in its own words: "what's the 'won't
see a penny' line about", "is it true they'll not see a penny even if they work themselves
to death". A run of words in a row, each cut to its stem, shared with one fact's text and
carrying words of its own (not function words nor names, one of them in few facts), is that fact
asked about: it is shown, with its source, beside whatever else answers the message.
Indexed once a snapshot; thresholds and function words in vocabulary/quote_echo.json."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.engine.reply import Reply
from bot.engine.wording import _
from bot.markup import Html, bold, fmt

if TYPE_CHECKING:
    from collections.abc import Iterable

    from bot.engine.compose import Composer
    from bot.engine.understanding import Understanding
    from db.views import ClaimView, Snapshot

_PATH = Path(__file__).parent / "vocabulary" / "quote_echo.json"
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SUFFIXES = ("ing", "ed", "es", "s")


@dataclass(frozen=True, slots=True)
class _Table:
    min_run: int
    min_content: int
    max_facts: int
    function_words: frozenset[str]


@cache
def _table() -> _Table:
    data = json.loads(_PATH.read_text("utf-8"))
    return _Table(
        int(data["min_run"]),
        int(data["min_content"]),
        int(data["max_facts"]),
        frozenset(data["function_words"]),
    )


def stem(word: str) -> str:
    """A word without a plural or verb ending ("working", "worked", "works": "work")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    """The words of a text, lower-cased, curly apostrophes straightened."""
    return _WORD.findall(text.casefold().replace("’", "'").replace("‘", "'"))


@dataclass(frozen=True, slots=True)
class EchoIndex:
    """The facts holding each rare stem (used by at most ``max_facts`` facts). An echo
    needs a rare stem among its words, so only the facts holding
    one of the question's rare stems are read for runs, when asked: the index holds no run
    (at 100,000 claims a table of every run took some 80 MB)."""

    rare: dict[str, ClaimView | tuple[ClaimView, ...]]  # one fact, or several
    plain: frozenset[str]  # stems the facts write in lower case: no name ("Kim Jong Un")

    @classmethod
    def build(cls, claims: Iterable[ClaimView]) -> EchoIndex:
        most = _table().max_facts
        live = [c for c in claims if c.retracted_at is None]
        holding: dict[str, list[ClaimView]] = defaultdict(list)
        used_by: Counter[str] = Counter()
        plain: set[str] = set()
        # The facts first; a quota's words count only where a fact uses them too (an echo
        # is a fact's words): at 100,000 claims the quotas' own amounts would fill the tables.
        for claim in (c for c in live if not c.is_quota):
            text = _text(claim)
            plain.update(stem(w) for w in _WORD.findall(text.replace("’", "'")))
            stems = set(_stems(text))
            used_by.update(stems)
            for one in stems:
                if len(holding[one]) <= most:  # (past ``most`` it is no rare stem anyway)
                    holding[one].append(claim)
        for claim in (c for c in live if c.is_quota):
            text = _text(claim)
            plain.update(
                s for w in _WORD.findall(text.replace("’", "'")) if (s := stem(w)) in used_by
            )
            used_by.update(s for s in set(_stems(text)) if s in used_by)
        rare = {
            s: ids[0] if len(ids) == 1 else tuple(ids)
            for s, ids in holding.items()
            if used_by[s] <= most
        }
        return cls(rare, frozenset(plain))

    def echoed(self, text: str) -> list[ClaimView]:
        """The facts whose words ``text`` repeats, best first."""
        table = _table()
        words = tokens(text)
        stems = [stem(w) for w in words]
        size = table.min_run
        candidates = {fact.id: fact for s in set(stems) for fact in _held(self.rare.get(s, ()))}
        found: list[tuple[int, ClaimView]] = []
        for _id, claim in sorted(candidates.items()):
            own = _stems(_text(claim))
            runs = {tuple(own[k : k + size]) for k in range(len(own) - size + 1)}
            positions = {
                i
                for start in range(len(stems) - size + 1)
                if tuple(stems[start : start + size]) in runs
                for i in range(start, start + size)
            }
            content = {
                stems[i]
                for i in positions
                if words[i] not in table.function_words and stems[i] in self.plain
            }
            rare = not self.rare.keys().isdisjoint(content)  # (a fact's stem: in ``rare`` if rare)
            if len(content) >= table.min_content and rare:
                found.append((len(positions), claim))
        found.sort(key=lambda pair: (-pair[0], pair[1].id))
        return [claim for _, claim in found]


def _held(held: ClaimView | tuple[ClaimView, ...]) -> tuple[ClaimView, ...]:
    return held if isinstance(held, tuple) else (held,)


def _text(claim: ClaimView) -> str:
    return f"{claim.statement} {claim.quote or ''}"


def _stems(text: str) -> list[str]:
    return [stem(w) for w in tokens(text)]


_index: tuple[Snapshot, EchoIndex] | None = None


def echo_index(snapshot: Snapshot) -> EchoIndex:
    """The snapshot's index, built once."""
    global _index
    if _index is None or _index[0] is not snapshot:
        _index = (snapshot, EchoIndex.build(snapshot.claims))
    return _index[1]


def add_echoes(u: Understanding, composer: Composer, reply: Reply) -> None:
    """The facts the message repeats that the reply does not cite yet, after it."""
    shown = set(reply.claim_ids)
    echoed = [c for c in echo_index(composer.snapshot).echoed(u.text) if c.id not in shown]
    if not echoed:
        return
    if reply.lines:
        reply.lines.append(Html(""))
    several = composer.several
    reply.lines.append(bold(_("What the reports say:") if several else _("What the report says:")))
    for claim in echoed:
        reply.use(claim.id, claim.article_id)
        reply.lines.append(fmt("• {}", composer.claim_line(claim)))
