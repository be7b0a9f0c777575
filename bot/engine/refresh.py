"""The understander of the next snapshot, made from the last one after an incremental reload.

Building an ``Understander`` reads every claim (its place, sector and topic are names a
question may use) and builds the typo vocabulary: about a second at 100,000 claims.
After an edit only the names the change touched are looked at again: the phrase entries
of an alias's term, or the name a new claim brings. The result is what a fresh build
gives (tests/unit/test_incremental_reload.py compares their answers); where that would
take more than a few lines (a name that may have gone, a CJK term, whose order counts),
``None`` says "build it anew".
"""

from __future__ import annotations

import copy

from bot.engine.basis_units import BasisUnits
from bot.engine.sector_words import uses_a_cue
from bot.engine.text import has_cjk, normalize
from bot.engine.understand import Understander
from bot.engine.work_words import WorkWords
from db.views import AliasView, ClaimView, Snapshot

Changed = list[tuple[ClaimView | None, ClaimView | None]]
NAME_KINDS = ("place", "sector", "topic")


def _names(claim: ClaimView) -> tuple[str | None, str | None, str | None]:
    return claim.place, claim.sector, claim.topic


def _alias_entries(
    u: Understander, aliases: tuple[AliasView, ...]
) -> dict[str, list[tuple[str, str]]]:
    question_words = u.vocabulary_data.question_words
    entries: dict[str, list[tuple[str, str]]] = {}
    for alias in aliases:
        term = normalize(alias.term)
        kind = f"weak_{alias.kind}" if term in question_words else alias.kind
        entries.setdefault(term, []).append((kind, alias.value))
    return entries


def updated_understander(
    u: Understander,
    snapshot: Snapshot,
    changed: Changed,
    claim_words: frozenset[str] | None,
    *,
    aliases_changed: bool,
    articles_changed: bool,
) -> Understander | None:
    """``u`` for ``snapshot`` (``changed``: the claims' (old, new) versions), or None."""
    fresh = copy.copy(u)
    fresh._languages = u._languages.bound_to(fresh)
    fresh._last_claim_id = snapshot.claims[-1].id if snapshot.claims else 0
    touched: set[str] = set()
    edited = [claim for pair in changed for claim in pair if claim is not None]
    if uses_a_cue(edited, *u.sector_cues) or not WorkWords.unchanged(changed):
        return None  # "painters" may now name a sector, or no longer
    fresh._work = u._work.updated(changed)
    fresh._units = BasisUnits(snapshot.claims)
    if any(c.currency and c.currency not in u._currencies for c in edited):
        return None  # a currency the store did not use: its names are the report's now
    for old, new in changed:
        if new is None or (old is not None and _names(old) != _names(new)):
            return None  # a name may have gone
        for kind, value in zip(NAME_KINDS, _names(new), strict=True):
            if value is None or (kind != "topic" and not value) or value in fresh._seen[kind]:
                continue
            if old is not None or new.id <= u._last_claim_id:
                return None  # a name's first claim is not the last one: order differs
            if fresh._seen is u._seen:
                fresh._seen = {k: set(v) for k, v in u._seen.items()}
                fresh._claim_names = dict(u._claim_names)
            fresh._seen[kind].add(value)
            for name in u._name_phrases(kind, value):
                fresh._claim_names[name] = [*fresh._claim_names.get(name, ()), (kind, value)]
                touched.add(name)
    if fresh._seen["place"] is not u._seen["place"] and fresh._seen["place"] != u._seen["place"]:
        # A new place: the stored places' other spellings ("gdansk", "KL") made again.
        fresh._spellings = fresh._place_spellings(fresh._seen["place"])
        for variant, name in fresh._spellings.variants.items():
            fresh._claim_names[variant] = list(fresh._claim_names.get(name, ()))
            touched.add(variant)
    fresh._topics = frozenset(fresh._seen["topic"])
    aliases: dict[str, list[tuple[str, str]]] | None = None
    if aliases_changed:
        fresh._aliases = snapshot.aliases
        aliases = _alias_entries(u, snapshot.aliases)
        before = _alias_entries(u, u._aliases)
        touched.update(t for t in {*before, *aliases} if before.get(t) != aliases.get(t))
    if touched:
        if aliases is None:
            aliases = _alias_entries(u, snapshot.aliases)
        if not _rebuild_terms(u, fresh, touched, aliases):
            return None
    if articles_changed:
        fresh._outlets = tuple(
            dict.fromkeys(
                normalize(name)
                for article in snapshot.articles.values()
                for name in (article.outlet, article.relies_on)
                if name
            )
        )
    if claim_words is not None:
        data = u.vocabulary_data
        fresh._not_places = data.not_place_words | claim_words
    return fresh


def _rebuild_terms(
    u: Understander,
    fresh: Understander,
    touched: set[str],
    aliases: dict[str, list[tuple[str, str]]],
) -> bool:
    """The phrase entries of ``touched`` terms as ``Understander.__init__`` makes them."""
    phrases = dict(u._phrases)
    cues = u.vocabulary_data.phrases
    for term in touched:
        entries = [(str(c), v) for c, v in cues.get(term, ())]
        entries.extend(aliases.get(term, ()))
        for entry in fresh._claim_names.get(term, ()):
            if entry not in entries:
                entries.append(entry)
        if term in u._country_names:
            entries.append(("any_country", u._country_names[term]))
        if entries or term in cues:
            phrases[term] = entries
        else:
            phrases.pop(term, None)
    added = {t for t in touched if t in phrases and t not in u._phrases}
    removed = {t for t in touched if t not in phrases and t in u._phrases}
    if any(has_cjk(t) for t in added | removed):
        return False  # their order in the phrase table counts
    fresh._phrases = phrases
    if not (added or removed):
        return True
    if removed:
        longest: dict[str, int] = {}
        for phrase in phrases:
            first, *rest = phrase.split(" ")
            longest[first] = max(longest.get(first, 1), 1 + len(rest))
        fresh.__dict__.pop("known_words", None)  # computed again when asked
    else:
        longest = dict(u._longest_from)
        for phrase in added:
            first, *rest = phrase.split(" ")
            longest[first] = max(longest.get(first, 1), 1 + len(rest))
        if "known_words" in u.__dict__:
            fresh.__dict__["known_words"] = u.known_words | {
                w for phrase in added for w in phrase.split()
            }
    fresh._longest_from = longest
    fresh.vocabulary = u.vocabulary.changed(
        {t for t in added if " " not in t}, {t for t in removed if " " not in t}
    )
    return True
