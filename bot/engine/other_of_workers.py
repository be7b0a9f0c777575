"""Another subject's thing asked of the report's own people or frame, that nothing else
answered: "how much does a plane ticket home cost them", "how is the money collected - cash
to a minder, crypto?", "how much btc does pyongyang make from all this a year". The words
of another subject (``Understanding.foreign``) keep such a part off-topic, yet it asks about
the workers, the quota's collection or the state that demands it: the report's silence on
what is asked ("does not say how the quota is paid", "does not say anything about plane
ticket") and what the reports cover, never the off-topic reply."""

from __future__ import annotations

from bot.engine.compose import Composer
from bot.engine.honest import Honest
from bot.engine.language import Language
from bot.engine.relevance import REPORT_ASKS, core_tie, named_foreign
from bot.engine.reply import Reply
from bot.engine.their_people import names_their_people
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent
from bot.engine.wording import _
from bot.markup import fmt


def _of_workers(s: Understanding) -> bool:
    """Another subject's word asked of the workers ("them", "the NK guys"), the state that
    demands the quota, or an attribute of the report's frame, by a part that asks."""
    if not s.foreign or s.role_play or s.unknown_places or s.own_figures:
        return False
    if s.language is not Language.EN:
        return False  # built and measured on English; "다롄 시장이 누구예요" stays off-topic
    if set(s.intents) & REPORT_ASKS:
        return False  # "who is the source, rfa?": an ask of the report, not of the workers
    asks = bool(s.question_words or s.amount_hinted)
    # "what about the guys in the band, are they touring": beside a listed noun of another
    # subject, "they" are that subject's people and an attribute ("the night shift") may be
    # anyone's: the workers must be named, or the other subject's words be what the asked
    # attribute is read from ("collected … by crypto": a way to pay).
    named = s.workers_named or names_their_people(s.text, s.language) or s.state_named
    if s.other_subject and not (named or (s.attributes and set(s.foreign) <= set(s.ties))):
        return False
    # (an attribute anyone's question has, a year or a wage, is no tie: "who won the
    # worlds this year")
    tie = core_tie(s) or (s.domain and bool(s.operations))  # "what does pyongyang make a year"
    return asks and bool(tie)


def silent_on_other(u: Understanding, c: Composer, honest: Honest, reply: Reply) -> bool:
    """Say what the report does not say for the first such part, with what it covers."""
    for s in u.segments:
        if not _of_workers(s):
            continue
        if s.attributes and honest.silent(s, reply, set()):
            reply.intents.append(Intent.SILENT)
            return True
        nothing = fmt(
            _("The report does not say anything about {subject}."), subject=named_foreign(s)
        )
        reply.lines.append(fmt("{} {}", nothing, c.covered()))
        reply.intents.append(Intent.SILENT)
        return True
    return False
