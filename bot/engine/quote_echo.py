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
from functools import cache, lru_cache
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


@lru_cache(maxsize=65536)
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
    """Each run of ``min_run`` stems of a fact's text: the facts holding it; and how many
    facts use each stem."""

    runs: dict[tuple[str, ...], frozenset[int]]
    facts: dict[int, ClaimView]
    used_by: Counter[str]
    plain: frozenset[str]  # stems the facts write in lower case: no name ("Kim Jong Un")

    @classmethod
    def build(cls, claims: Iterable[ClaimView]) -> EchoIndex:
        size = _table().min_run
        runs: dict[tuple[str, ...], set[int]] = defaultdict(set)
        used_by: Counter[str] = Counter()
        facts: dict[int, ClaimView] = {}
        plain: set[str] = set()
        for claim in claims:
            if claim.retracted_at is not None:
                continue
            text = f"{claim.statement} {claim.quote or ''}"
            plain.update(stem(w) for w in _WORD.findall(text.replace("’", "'")))
            stems = [stem(w) for w in tokens(text)]
            used_by.update(set(stems))
            if claim.is_quota:
                continue
            facts[claim.id] = claim
            for start in range(len(stems) - size + 1):
                runs[tuple(stems[start : start + size])].add(claim.id)
        runs_found = {k: frozenset(v) for k, v in runs.items()}
        return cls(runs_found, facts, used_by, frozenset(plain))

    def echoed(self, text: str) -> list[ClaimView]:
        """The facts whose words ``text`` repeats, best first."""
        table = _table()
        words = tokens(text)
        stems = [stem(w) for w in words]
        size = table.min_run
        matched: dict[int, set[int]] = defaultdict(set)  # fact -> positions in the text
        for start in range(len(stems) - size + 1):
            for fact in self.runs.get(tuple(stems[start : start + size]), ()):
                matched[fact].update(range(start, start + size))
        found: list[tuple[int, ClaimView]] = []
        for fact, positions in matched.items():
            content = {
                stems[i]
                for i in positions
                if words[i] not in table.function_words and stems[i] in self.plain
            }
            rare = any(self.used_by[s] <= table.max_facts for s in content)
            if len(content) >= table.min_content and rare:
                found.append((len(positions), self.facts[fact]))
        found.sort(key=lambda pair: (-pair[0], pair[1].id))
        return [claim for _, claim in found]


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
