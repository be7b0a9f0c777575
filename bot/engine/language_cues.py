"""The cues only the Russian, Chinese and Korean vocabularies have, recorded into a part's
reading."""

from __future__ import annotations

from typing import Any

from bot.engine.vocabulary import Cue

# Cues only the Russian, Chinese and Korean vocabularies have.
LANGUAGE_CUES = frozenset(
    {Cue.WEAK_DOMAIN, Cue.PEOPLE_PRONOUN, Cue.OFF_TOPIC, Cue.CHANGE_FACTOR, Cue.PAIR}
)


def record_language_cue(result: Any, kind: str, value: str, phrase: str) -> None:
    """One of LANGUAGE_CUES into an Understanding: a word that ties a part to the report
    as "it" and "they" do ("это", "他们", "이거"), a noun of another subject ("погода"),
    a change asserted with its factor ("втрое", "三倍", "세 배")."""
    if kind in (Cue.WEAK_DOMAIN, Cue.PEOPLE_PRONOUN):
        result.domain = True
        result.people_pronoun |= kind == Cue.PEOPLE_PRONOUN
    elif kind == Cue.OFF_TOPIC:
        if phrase not in result.listed_foreign:
            result.listed_foreign.append(phrase)
    elif kind == Cue.PAIR:
        result.pair_asked = True
    elif kind == Cue.CHANGE_FACTOR:  # "网上说翻了三倍": about the quota, with no "it"
        result.change_factor = float(value)
        result.domain = True
