"""The asker's own people are not a kind of work asked about: "my dad was a sailor, what's
the sakhalin quota", "im a nurse, whats the dalian number" ask the quota, not about sailors
or nurses (a kind of work the report does not cover)."""

from __future__ import annotations

import re

from bot.engine.language import Language
from bot.engine.text import words
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Attribute

# Words that make a kind of work named just after them the asker's own or their people's.
_OWN = frozenset("my i i'm im i've ive me myself mine".split())
# How many words before the kind of work are looked at ("my dad was a sailor": four).
_BEFORE = 4
_CLAUSE = re.compile(r"[,;.?!:()]")


def _own(first: str, clauses: list[list[str]]) -> bool:
    """Every mention of the kind of work has "my", "i'm" … just before it in its clause."""
    found = False
    for tokens in clauses:
        for at, token in enumerate(tokens):
            if token.startswith(first[:-1] if first.endswith("s") else first):
                found = True
                if not _OWN & set(tokens[max(0, at - _BEFORE) : at]):
                    return False
    return found


def settle_own_people(s: Understanding) -> None:
    """Drops the kinds of work that are the asker's own or their people's (English)."""
    if s.language is not Language.EN or Attribute.OTHER_SECTOR not in s.attributes:
        return
    clauses = [words(clause) for clause in _CLAUSE.split(s.text)]
    # A typo'd one ("nurse" read as "nurses") is recorded with no phrase: its typed word.
    named = s.other_sectors or list(s.corrected_words)
    if not all(_own(phrase.split()[0], clauses) for phrase in named):
        return
    s.other_sectors = []
    s.attributes = [a for a in s.attributes if a != Attribute.OTHER_SECTOR]
