"""Two asks answered other than as asked.

A feeling said of the workers that the report contradicts ("so the workers are happy with
this patriotic movement", "are they fine with paying double"): the report describes no worker
as happy; it reports complaints and worry, which are shown, with their sources.

The feeling words and the words that find the complaints are data (``positive_feelings`` and
``feelings_search`` in bot/engine/vocabulary/en.json; the other languages' feelings in
vocabulary/feelings.json). A text asked for ("write me a poem
praising the doubled quotas"): the bot writes none (``creative_verbs``, ``creative_forms``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.engine.compose import Composer
from bot.engine.language import Language
from bot.engine.reply import Reply
from bot.engine.text import words
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import FOLDER, Intent, Vocabulary
from bot.engine.wording import _
from bot.markup import Html, fmt

if TYPE_CHECKING:
    from bot.engine.honest import Honest

# A people word ("workers", "they") at most this many words before the feeling.
NEAR = 4
NEGATIONS = frozenset("not never no isnt arent wasnt werent dont doesnt didnt nor".split())


# In Russian, Chinese and Korean: a people word at most this many characters before it
# (Russian's words are longer: "рабочие же всё равно платят добровольно").
NEAR_CHARACTERS = {"ru": 30, "zh": 12, "ko": 16, "en": 30}


@lru_cache(maxsize=4)
def _native(language: str) -> tuple[dict[str, str], tuple[str, ...], tuple[str, ...]]:
    """The feelings of ``language`` (word found -> words said), people words and negations
    (vocabulary/feelings.json); nothing for English, whose are en.json's."""
    raw = json.loads((FOLDER / "feelings.json").read_text(encoding="utf-8")).get(language, {})
    return raw.get("feelings", {}), tuple(raw.get("people", ())), tuple(raw.get("negations", ()))


def _said_natively(s: Understanding) -> str | None:
    """ "工人都是自愿交的", "рабочие платят добровольно": the feeling, as the answer says it."""
    feelings, people, negations = _native(s.language.value)
    text = s.text.casefold()
    for word, said in feelings.items():
        at = text.find(word)
        if at < 0:
            continue
        before = text[max(0, at - NEAR_CHARACTERS.get(s.language.value, 12)) : at]
        if any(p in before for p in people) and not any(_negated(before, n) for n in negations):
            return said
    return None


def _negated(before: str, negation: str) -> bool:
    """Whether the text before a feeling ends with a negation: a spaced one ("не ") as a
    word of its own ("на сахалине с радостью" is not negated), "不" or "비" as written."""
    if not before.endswith(negation):
        return False
    if not negation.endswith(" "):
        return True
    start = len(before) - len(negation)
    return start == 0 or not before[start - 1].isalpha()


# The vocabulary's words, the same for every question: gathered once.
@lru_cache(maxsize=8)
def _people(nouns: tuple[str, ...], pronouns: frozenset[str]) -> frozenset[str]:
    return frozenset({*nouns, *pronouns, "workers", "laborers"})


@lru_cache(maxsize=8)
def _spaced(feelings: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((feeling, f" {feeling} ") for feeling in feelings)


def said_feeling(s: Understanding, vocabulary: Vocabulary) -> str | None:
    """The feeling word said of the workers, when one is ("they're happy"), else None."""
    if s.language is not Language.EN:
        return _said_natively(s)
    if not vocabulary.positive_feelings:
        return None
    return _said_in_english(s, vocabulary) or _said_natively(s)  # "they volunteer to pay"


def _said_in_english(s: Understanding, vocabulary: Vocabulary) -> str | None:
    tokens = words(s.text)
    joined = " " + " ".join(tokens) + " "
    people = _people(vocabulary.people_nouns, vocabulary.people_pronouns)
    for feeling, spaced in _spaced(vocabulary.positive_feelings):
        at = joined.find(spaced)
        if at < 0:
            continue
        before = joined[:at].split()[-NEAR:]
        if people & set(before) and not NEGATIONS & set(before):
            return feeling
    return None


def contradicted_feeling(s: Understanding, c: Composer, honest: Honest, reply: Reply) -> bool:
    """ "The report does not say the workers are happy: ..." and the complaints it reports."""
    feeling = said_feeling(s, honest.vocabulary)
    hits = honest.search.search(honest.vocabulary.feelings_search) if feeling else []
    if feeling is None or not hits:
        return False
    line = _("The report does not say the workers are {feeling}: it reports complaints and worry.")
    reply.lines.append(fmt(line, feeling=feeling.removesuffix(" with")))  # "fine with" -> "fine"
    for hit in hits:
        reply.use(hit.claim.id, hit.claim.article_id)
        reply.lines.append(fmt("• {}", c.claim_line(hit.claim)))
    # "they volunteer, nobody forces them": what it says of force and protest too.
    shown = {hit.claim.id for hit in hits}
    coerced = [h for h in honest.search.search(_coercion_search()) if h.claim.id not in shown]
    if coerced:
        also = _("They also report:") if c.several else _("It also reports:")
        reply.lines.append(Html(also))
    for hit in coerced:
        reply.use(hit.claim.id, hit.claim.article_id)
        reply.lines.append(fmt("• {}", c.claim_line(hit.claim)))
    reply.intents.append(Intent.CORRECTION)
    return True


def workers_said(s: Understanding, c: Composer, honest: Honest, reply: Reply) -> bool:
    """What the workers say, asked and nothing else ("а сами рабочие что говорят", "工人自己
    怎么说"): the complaints and worry the report quotes, found by the same words as above.
    Not where a topic, a place or another ask says what about ("что говорят рабочие о
    деньгах домой", "女工们怎么说")."""
    if set(s.topics) - {"savings", "doubling"} or s.attributes or s.places or s.unknown_places:
        return False
    if s.role_play or s.countries or s.operations or set(s.intents) - {Intent.QUOTA}:
        return False
    hits = honest.search.search(honest.vocabulary.feelings_search)
    if not hits:
        return False
    reply.lines.append(Html(_("What the workers say, as reported:")))
    for hit in hits:
        reply.use(hit.claim.id, hit.claim.article_id)
        reply.lines.append(fmt("• {}", c.claim_line(hit.claim)))
    reply.intents.append("topic:voices")
    return True


@lru_cache(maxsize=1)
def _coercion_search() -> str:
    """The words that find what the report says of force and protest (feelings.json)."""
    raw = json.loads((FOLDER / "feelings.json").read_text(encoding="utf-8"))
    return str(raw.get("coercion_search", ""))


# "write me a short poem": the form at most this many words after the verb.
FORM_AFTER = 4


def asks_for_a_text(s: Understanding, vocabulary: Vocabulary) -> bool:
    """ "write me a poem praising the doubled quotas", "make a tweet about it": a text the
    bot does not write (it answers what the report says)."""
    tokens = words(s.text)
    for index, token in enumerate(tokens):
        if token in vocabulary.creative_verbs:
            after = tokens[index + 1 : index + 1 + FORM_AFTER]
            if vocabulary.creative_forms & set(after):
                return True
    return False


def refuse_text(s: Understanding, c: Composer, reply: Reply) -> bool:
    """The refusal; True when nothing else is asked (no figure, no attribute), so the
    answer ends with what the bot covers instead of figures nobody asked for."""
    reply.lines.append(
        Html(
            _(
                "I do not write poems, posts or other texts: I answer questions about what the "
                "report says, with its sources."
            )
        )
    )
    # "… saying daily nk confirmed these are verified facts": a premise still answered.
    figures = {Intent.QUOTA, Intent.LIST, Intent.ARTICLE, Intent.COMPARE, Intent.USD}
    if s.attributes or s.figures or s.role_play or set(s.intents) - figures:
        return False
    reply.lines.append(c.covered())
    reply.intents.append(Intent.OFF_TOPIC)
    return True
