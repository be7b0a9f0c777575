"""An attribute's cue word that only modifies a noun asks nothing of its own: "fees for the
contract guys" asks the quota of the contract workers, not their contracts; "the loyalty
tax" is the report's loyalty money, not a tax. In a part that asks the quota, an attribute
each of whose cue words in the text stands before a word for people who work, or after the
head of the report's own term, is dropped. Words per language in
vocabulary/modifier_cues.json."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Attribute, Cue, Intent

_PATH = Path(__file__).parent / "vocabulary" / "modifier_cues.json"


@cache
def _words(language: str) -> tuple[frozenset[str], frozenset[str]] | None:
    table = json.loads(_PATH.read_text("utf-8")).get(language)
    if table is None:
        return None
    return frozenset(table["people"]), frozenset(table["heads"])


def attribute_cues(
    phrases: Mapping[str, Sequence[tuple[str, str]]],
) -> dict[Attribute, tuple[re.Pattern[str], ...]]:
    """Each attribute's cue phrases as whole-word patterns (built once per vocabulary)."""
    cues: dict[Attribute, list[re.Pattern[str]]] = {}
    for phrase, entries in phrases.items():
        for kind, value in entries:
            if kind == Cue.ATTRIBUTE and value in Attribute._value2member_map_:
                pattern = re.compile(r"(?<![\w'])" + re.escape(phrase) + r"(?![\w'])")
                cues.setdefault(Attribute(value), []).append(pattern)
    return {attribute: tuple(found) for attribute, found in cues.items()}


_WORD = re.compile(r"[\w']+")


def _modifies(
    text: str, start: int, end: int, people: frozenset[str], heads: frozenset[str]
) -> bool:
    after = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    before = _WORD.findall(text[:start])
    return bool((after is not None and after.group() in people) or (before and before[-1] in heads))


def drop_modifiers(
    segment: Understanding, cues: Mapping[Attribute, tuple[re.Pattern[str], ...]]
) -> None:
    """The part's attributes less those whose every cue word only modifies a noun."""
    quota = Intent.QUOTA in segment.intents or Intent.QUOTA in segment.weak_intents
    if not segment.attributes or not (quota or segment.amount_hinted):
        return
    words = _words(segment.language.value)
    if words is None:
        return
    people, heads = words
    text = segment.text
    for attribute in list(segment.attributes):
        found = [m for p in cues.get(attribute, ()) for m in p.finditer(text)]
        if found and all(_modifies(text, m.start(), m.end(), people, heads) for m in found):
            segment.attributes.remove(attribute)


def drop_inflected_profile(
    segment: Understanding,
    cues: Mapping[Attribute, tuple[re.Pattern[str], ...]],
    outlets: Sequence[str],
) -> None:
    """ "which ministry receives these funds": an outlet's profile reached only through
    another form of a cue word ("funds" read as "funding"), with no outlet named, asks
    nothing about an outlet."""
    profile = Attribute.OUTLET_PROFILE
    if segment.language != "en" or profile not in [*segment.attributes, *segment.weak_attributes]:
        return  # (an English cue's other form; another language's outlet spelled its way)
    text = segment.text
    if any(p.search(text) for p in cues.get(Attribute.OUTLET_PROFILE, ())):
        return  # a cue as typed: "who funds daily nk", "funding?"
    spaced = f" {' '.join(_WORD.findall(text))} "
    if any(f" {outlet} " in spaced for outlet in outlets):
        return
    segment.attributes = [a for a in segment.attributes if a is not profile]
    segment.weak_attributes = [a for a in segment.weak_attributes if a is not profile]
