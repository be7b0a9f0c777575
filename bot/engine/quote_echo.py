"""A stored statement or quote the question repeats in its own words: "what's the 'won't
see a penny' line about", "is it true they'll not see a penny even if they work themselves
to death". A run of words in a row, each cut to its stem, shared with one fact's text and
carrying words of its own (not function words nor names, one of them in few facts), is that fact
asked about: it is shown, with its source, beside whatever else answers the message.
Indexed once a snapshot; thresholds and function words in vocabulary/quote_echo.json."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.engine.indexes import claim_id_of
from bot.engine.reply import Reply
from bot.engine.wording import _
from bot.markup import Html, bold, fmt

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

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
    (at 100,000 claims a table of every run took some 80 MB).

    ``updated`` makes the next snapshot's index from this one after an edit, reading only
    the changed claims (and, for a stem no fact used before or one that becomes rare
    again, the live claims holding it): the same index a fresh ``build`` gives."""

    rare: dict[str, ClaimView | tuple[ClaimView, ...]]  # one fact, or several
    # Stems the facts write in lower case: no name ("Kim Jong Un"); stem -> how many
    # facts write it + how many quotas do, times ``_QUOTA`` (only stems a fact uses).
    plain: dict[str, int]
    # Stem -> how many live facts use it + how many live quotas do, times ``_QUOTA``
    # (a quota's words count only where a fact uses them too).
    used_by: dict[str, int]

    @classmethod
    def build(cls, claims: Iterable[ClaimView]) -> EchoIndex:
        most = _table().max_facts
        live = [c for c in claims if c.retracted_at is None]
        holding: dict[str, list[ClaimView]] = defaultdict(list)
        used_by: dict[str, int] = {}
        plain: dict[str, int] = {}
        # The facts first; a quota's words count only where a fact uses them too (an echo
        # is a fact's words): at 100,000 claims the quotas' own amounts would fill the tables.
        for claim in (c for c in live if not c.is_quota):
            text = _text(claim)
            for one in _lower(text):
                plain[one] = plain.get(one, 0) + 1
            for one in set(_stems(text)):
                used_by[one] = used_by.get(one, 0) + 1
                if len(holding[one]) <= most:  # (past ``most`` it is no rare stem anyway)
                    holding[one].append(claim)
        for claim in (c for c in live if c.is_quota):
            _count(claim, plain, used_by, +1, None)
        rare = {
            s: _holding(ids)
            for s, ids in holding.items()
            if used_by[s] % _QUOTA + used_by[s] // _QUOTA <= most
        }
        return cls(rare, plain, used_by)

    def updated(
        self, live: Sequence[ClaimView], removed: Iterable[ClaimView], added: Iterable[ClaimView]
    ) -> EchoIndex:
        """This index without ``removed`` and with ``added`` (the changed claims' old and
        new versions, retracted ones skipped), for the snapshot whose claims are ``live``;
        this one is not changed."""
        most = _table().max_facts
        used_by, plain, rare = dict(self.used_by), dict(self.plain), dict(self.rare)
        gone = [c for c in removed if c.retracted_at is None]
        new = [c for c in added if c.retracted_at is None]
        touched: set[str] = set()
        # The facts holding a touched stem, where this index knows them all (a rare stem's,
        # or one no fact used); None where it does not.
        holders: dict[str, set[ClaimView] | None] = {}
        # The facts first, as ``build`` counts them.
        for sign, claims in ((-1, gone), (+1, new)):
            for claim in (c for c in claims if not c.is_quota):
                text = _text(claim)
                for one in _lower(text):
                    _add(plain, one, sign)
                for one in set(_stems(text)):
                    if one not in holders:
                        known = one in self.rare or one not in self.used_by
                        holders[one] = set(_held(self.rare.get(one, ()))) if known else None
                    _add(used_by, one, sign)
                    touched.add(one)
                    held = holders[one]
                    if held is not None:
                        (held.discard if sign < 0 else held.add)(claim)
        for one in touched:
            count = used_by.get(one, 0)
            if count and not count % _QUOTA:
                del used_by[one]  # no fact uses it now: its quotas count no more
            if one not in used_by and plain.get(one, 0) >= _QUOTA:
                _add(plain, one, -(plain[one] // _QUOTA) * _QUOTA)
        fresh = {s for s in touched if s not in self.used_by and s in used_by}
        if fresh:
            # A stem no fact used: the live quotas holding it, counted as ``build`` does.
            for claim in live:
                if claim.is_quota and claim.retracted_at is None and _may_hold(claim, fresh):
                    _count(claim, plain, used_by, +1, fresh)
        for sign, claims in ((-1, gone), (+1, new)):
            for claim in (c for c in claims if c.is_quota):
                touched.update(_count(claim, plain, used_by, sign, None, skip=fresh))
        lacking: set[str] = set()
        for one in touched:
            count = used_by.get(one, 0)
            if not count or count % _QUOTA + count // _QUOTA > most:
                rare.pop(one, None)
            elif (held := holders.get(one)) is not None:
                rare[one] = _holding(sorted(held, key=claim_id_of))
            elif one in holders or one not in rare:
                lacking.add(one)  # rare again: its facts are read below
        if lacking:
            found: dict[str, list[ClaimView]] = {s: [] for s in lacking}
            for claim in live:
                if not claim.is_quota and claim.retracted_at is None and _may_hold(claim, lacking):
                    for one in lacking.intersection(_stems(_text(claim))):
                        found[one].append(claim)
            rare.update((s, _holding(ids)) for s, ids in found.items())
        return EchoIndex(rare, plain, used_by)

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


_QUOTA = 1 << 20  # a quota's weight in ``used_by`` and ``plain`` (counts stay below it)


def _holding(facts: Sequence[ClaimView]) -> ClaimView | tuple[ClaimView, ...]:
    return facts[0] if len(facts) == 1 else tuple(facts)


def _add(table: dict[str, int], key: str, by: int) -> None:
    value = table.get(key, 0) + by
    if value:
        table[key] = value
    else:
        del table[key]


def _lower(text: str) -> set[str]:
    """The stems of the words ``text`` writes in lower case."""
    return {stem(w) for w in _WORD.findall(text.replace("’", "'"))}


def _count(
    quota: ClaimView,
    plain: dict[str, int],
    used_by: dict[str, int],
    sign: int,
    only: set[str] | None,
    skip: set[str] = frozenset(),  # type: ignore[assignment]
) -> set[str]:
    """A quota's words counted (``sign`` +1) or no longer (-1) where a fact uses them
    (of ``only``, if given; not of ``skip``); the stems counted."""
    text = _text(quota)
    for one in _lower(text):
        if one in used_by and (only is None or one in only) and one not in skip:
            _add(plain, one, sign * _QUOTA)
    counted = {
        s
        for s in set(_stems(text))
        if s in used_by and (only is None or s in only) and s not in skip
    }
    for one in counted:
        _add(used_by, one, sign * _QUOTA)
    return counted


def _may_hold(claim: ClaimView, stems: set[str]) -> bool:
    """Whether ``claim``'s text may hold one of ``stems`` (a stem is a piece of its word)."""
    text = _text(claim).casefold().replace("’", "'").replace("‘", "'")
    return any(one in text for one in stems)


def _held(held: ClaimView | tuple[ClaimView, ...]) -> tuple[ClaimView, ...]:
    return held if isinstance(held, tuple) else (held,)


def _text(claim: ClaimView) -> str:
    return f"{claim.statement} {claim.quote or ''}"


def _stems(text: str) -> list[str]:
    return [stem(w) for w in tokens(text)]


_index: tuple[Snapshot, EchoIndex] | None = None


def echo_index(snapshot: Snapshot) -> EchoIndex:
    """The snapshot's index, built once (or made from the last one: ``follow_edit``)."""
    global _index
    if _index is None or _index[0] is not snapshot:
        _index = (snapshot, EchoIndex.build(snapshot.claims))
    return _index[1]


def follow_edit(
    old: Snapshot, new: Snapshot, changed: Sequence[tuple[ClaimView | None, ClaimView | None]]
) -> None:
    """After an incremental reload from ``old`` to ``new`` (``changed``: the claims' old
    and new versions): ``new``'s index made from ``old``'s, if that was built."""
    global _index
    if _index is not None and _index[0] is old:
        removed = [c for c, _ in changed if c is not None]
        added = [c for _, c in changed if c is not None]
        _index = (new, _index[1].updated(new.claims, removed, added))


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
