"""A message no reader answered, read by its own words: the claim, source or figure whose
stored words the question uses, before the off-topic reply."""

from __future__ import annotations

from collections.abc import Callable

from bot.engine.compose import Composer
from bot.engine.concept_facts import answer_concepts
from bot.engine.described_sources import said_by_described
from bot.engine.honest import Honest
from bot.engine.people_back import figures_named_back
from bot.engine.quota_words import QuotaWords
from bot.engine.reply import Reply
from bot.engine.share_pay import share_of_pay, supposed_pay
from bot.engine.stances import show_stances, stances_asked
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent
from bot.markup import Html

STRONG_MATCH = 6.0  # the match a message of no known cue is answered from the claims at


def answer_by_own_words(
    u: Understanding,
    composer: Composer,
    honest: Honest,
    quota_words: Callable[[], QuotaWords],
    reply: Reply,
) -> None:
    # "did anyone say they're working themselves to death": no cue the engine knows,
    # but a claim says it in the question's own words (and no other subject's).
    for segment in u.segments:
        # "if a seamstress makes 12,500 a month": a share figure its basis words name.
        if supposed_pay(segment) and share_of_pay(segment, [], composer.quotas(), reply):
            break
        # "can the fishermen even go ashore": the fact that carries what is asked.
        own = not segment.foreign or segment.has_subject
        if (own and answer_concepts(segment, composer, honest.search, reply)) or (
            not segment.foreign and honest.statements(segment.text, reply, STRONG_MATCH)
        ):
            break
        if not segment.foreign and show_stances(stances_asked(segment, composer), composer, reply):
            break  # "정부가 부인했어?": who denied it, though no cue reads it on topic
        # "what did the embassy guy say": the source a report describes so.
        if not segment.foreign and said_by_described(
            segment.report_words + segment.unmapped, composer, reply
        ):
            break
        # "and the spouse amount?": the figures whose own words it uses.
        figures = (
            [] if segment.foreign else quota_words().naming(segment.unmapped + segment.report_words)
        )
        figures = figures or figures_named_back(segment, composer)  # "the hands"
        for index, claim in enumerate(figures):
            blank = [Html("")] * bool(index)
            reply.lines.extend(blank + composer.quota_block(claim, reply))
            reply.intents.append(Intent.QUOTA)
        if figures:
            break
