"""Two additions an answer may carry: the blocks that say where an implied figure typed in
the question comes from, and the claim closest to the question's own words."""

from __future__ import annotations

from bot.engine.compose import Composer
from bot.engine.derivation import implied_asked
from bot.engine.honest import Honest
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent
from bot.markup import Html, fmt

# A claim matching the question's words this well (BM25) is shown beside a topic's facts.
CLOSE_MATCH = 6.0


def implied_origin(composer: Composer, honest: Honest, s: Understanding, reply: Reply) -> bool:
    """ "where does the 124,000 come from": the blocks that say it is implied."""
    if not s.figures:
        return False  # no walk over the quotas for a message with no figure
    claims = implied_asked(s, composer.quotas(), honest.vocabulary)
    for index, claim in enumerate(claims):
        reply.lines.extend([Html("")] * bool(index or reply.lines))
        reply.lines.extend(composer.quota_block(claim, reply))
        reply.intents.append(Intent.QUOTA)
    return bool(claims)


def closest_words(composer: Composer, honest: Honest, s: Understanding, reply: Reply) -> None:
    """After a topic's facts, the claim that matches the question's own words best, when
    it matches them closely and was not shown ("what are they complaining about": the
    quote where workers complain, filed under the doubling)."""
    found = [
        h for h in honest.hits(s.search_text, CLOSE_MATCH) if h.claim.id not in reply.claim_ids
    ]
    for hit in found[:1]:
        reply.use(hit.claim.id, hit.claim.article_id)
        reply.lines.append(fmt("• {}", composer.claim_line(hit.claim)))
