"""What a question asks when no phrase of the vocabulary says it: its content words that
no cue, subject or ordinary word took ("what are the dalian plants *called*", "what
*happens* to a worker who can't pay"). The quota block answers an amount, a change, a date
or who says so; a question about a covered place that asks something else, in words the
engine cannot map, gets "the report does not say that" and the closest statements instead
(answering.py), never a figure dressed up as the answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from bot.engine.relevance import ordinary_form
from bot.engine.reports import outlet_names
from bot.engine.text import words
from bot.engine.vocabulary import Attribute, Intent, Vocabulary
from db.views import ArticleView

if TYPE_CHECKING:
    from bot.engine.understanding import Understanding

# Shorter words ("up", "ok") carry no ask of their own.
MIN_CONTENT = 3
# A question answered yes or no: an auxiliary opening the part or a clause of it, before
# who or what it asks about ("do the guys get any compensation", "so i'm wondering, can
# they see a doctor"). English only: the other languages' parts are read by their cues.
_YES_NO = re.compile(
    r"(?:^|[,;:]\s*|\b(?:so|and|but|ok|okay|also)\s+)(?:do|does|did|can|could|will|would|are|"
    r"is|was|were|have|has)\s+(?:the|they|these|those|any|all|workers|people|north|nk|he|she)\b"
)
# Question words that never ask an amount ("how" alone, not "how much").
NOT_AMOUNT_QUESTIONS = frozenset({"how", "who", "whom", "whose", "why"})


def keep_unmapped(
    word: str,
    result: Understanding,
    data: Vocabulary,
    outlets: tuple[str, ...],
    stopwords: frozenset[str],
    claim_words: frozenset[str] = frozenset(),
) -> None:
    """Keep a word no phrase took when it could carry what is asked: not a stop, chat,
    question or ordinary word, no word the claims use ("burden": what the report says is
    what is asked), no people noun, number, outlet name or typo of a known word."""
    if len(word) < MIN_CONTENT or not word.isalpha():
        return
    if word in data.ask_words:
        _add(result.unmapped, word)
        result.asks_by_word = True
        return
    if word in stopwords or word in data.chat_words or word in data.question_words:
        return
    if word in data.ordinary_words or word in data.people_nouns or word in data.number_words:
        return
    if word in result.corrected_words or ordinary_form(word, data.ordinary_words):
        return
    if word in outlet_words(outlets):
        return  # "what does rfa say": the report it names, no ask of its own
    # A word the claims use ("burden", "spouse") is about what the report says.
    _add(result.report_words if word in claim_words else result.unmapped, word)


@lru_cache(maxsize=4)
def outlet_words(outlets: tuple[str, ...]) -> frozenset[str]:
    """The words of the reports' outlet names, and the initials of the longer ones
    ("radio free asia", "rfa")."""
    found: set[str] = set()
    for name in outlets:
        parts = name.split()
        found.update(parts)
        if len(parts) >= 2:
            found.add("".join(part[0] for part in parts))
    return frozenset(found)


def unmapped_ask(s: Understanding, wanted: set[Intent], attribution_verbs: frozenset[str]) -> bool:
    """Words the engine cannot map are what is asked: nothing is asked outright (no intent,
    attribute, operation, figure or date of the report's; at most a weak quota cue that
    asks no amount), and it is asked, not only named: a question word or an ask word."""
    if not s.unmapped or wanted - {Intent.QUOTA} or s.amount_hinted:
        return False
    # "and the hard-working crews?" names; "what are the plants called" and "do they get
    # any compensation if they get hurt" ask ("is the spouse charged too": a word the
    # claims use, "spouse", is what the report says, asked yes or no).
    yes_no = not s.report_words and _YES_NO.search(s.text) is not None
    if not (s.question_words or s.asks_by_word or yes_no):
        return False
    asked = set(s.intents) - set(s.settled_intents)
    # "what name do they give the cash they hand over" (an ask word beside a quota verb);
    # "how is the quota enforced" (the quota named as what is asked about, not an amount).
    how_or_who = bool(s.question_words) and set(s.question_words) <= NOT_AMOUNT_QUESTIONS
    if (s.asks_by_word and not s.quota_named) or how_or_who:
        asked.discard(Intent.QUOTA)
    if asked:
        return False
    if attribution_verbs & set(words(s.text)):
        return False  # "what does rfa say about sakhalin": what it says is the ask
    return not (
        s.attributes
        or s.operations
        or s.figures
        or s.dates
        or s.unknown_places
        or s.change_asked
        or s.role_play
        or s.other_subject
    )


def _add(target: list[Any], value: object) -> None:
    if value not in target:
        target.append(value)


def about_the_place(s: Understanding, articles: Iterable[ArticleView]) -> bool:
    """ "When was sakhalin founded", "who owns dalian port": an outlet's profile cue ("founded",
    "who owns") beside a covered place and no outlet named asks about the place itself, which
    is not the report's subject; beside a kind of work ("who runs the dalian plant") it asks
    the employer."""
    if Attribute.OUTLET_PROFILE not in s.attributes or not (s.places or s.countries):
        return False
    text = f" {' '.join(words(s.text))} "
    if any(f" {name} " in text for article in articles for name in outlet_names(article)):
        return False
    s.attributes.remove(Attribute.OUTLET_PROFILE)
    if s.sectors:
        _add(s.attributes, Attribute.EMPLOYER)
        return False
    return True
