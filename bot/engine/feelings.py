"""A feeling said of the workers that the report contradicts ("so the workers are happy with
this patriotic movement", "are they fine with paying double"): the report describes no worker
as happy; it reports complaints and worry, which are shown, with their sources.

The feeling words and the words that find the complaints are data (``positive_feelings`` and
``feelings_search`` in bot/engine/vocabulary/en.json).
"""

from __future__ import annotations

from bot.engine.compose import Composer
from bot.engine.reply import Reply
from bot.engine.retrieval import Hit
from bot.engine.text import words
from bot.engine.understand import Understanding
from bot.engine.vocabulary import Intent, Vocabulary
from bot.engine.wording import _
from bot.markup import fmt

# A people word ("workers", "they") at most this many words before the feeling.
NEAR = 4
NEGATIONS = frozenset("not never no isnt arent wasnt werent dont doesnt didnt nor".split())


def said_feeling(s: Understanding, vocabulary: Vocabulary) -> str | None:
    """The feeling word said of the workers, when one is ("they're happy"), else None."""
    if not vocabulary.positive_feelings:
        return None
    tokens = words(s.text)
    joined = " " + " ".join(tokens) + " "
    people = {*vocabulary.people_nouns, *vocabulary.people_pronouns, "workers", "laborers"}
    for feeling in vocabulary.positive_feelings:
        at = joined.find(f" {feeling} ")
        if at < 0:
            continue
        before = joined[:at].split()[-NEAR:]
        if people & set(before) and not NEGATIONS & set(before):
            return feeling
    return None


def contradicted_feeling(
    s: Understanding,
    c: Composer,
    vocabulary: Vocabulary,
    hits: list[Hit],
    reply: Reply,
) -> bool:
    """ "The report does not say the workers are happy: ..." and the complaints it reports."""
    feeling = said_feeling(s, vocabulary)
    if feeling is None or not hits:
        return False
    line = _("The report does not say the workers are {feeling}: it reports complaints and worry.")
    reply.lines.append(fmt(line, feeling=feeling.removesuffix(" with")))  # "fine with" -> "fine"
    for hit in hits:
        reply.use(hit.claim.id, hit.claim.article_id)
        reply.lines.append(fmt("• {}", c.claim_line(hit.claim)))
    reply.intents.append(Intent.CORRECTION)
    return True
