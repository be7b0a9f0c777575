"""A "summarise the article" answer: a short summary made only of stored claims, each
with its attribution: the quota figures first, then one claim for each other topic."""

from __future__ import annotations

from bot.engine.compose import Composer
from bot.engine.reply import Reply
from bot.markup import bold, fmt, italic

# Claims in a summary: enough for the gist, few enough for a chat message.
SUMMARY_CLAIMS = 6


def answer_summary(composer: Composer, reply: Reply) -> None:
    quotas = composer.quotas()
    quota_ids = {c.id for c in quotas}
    others = [c for c in composer.snapshot.active_claims if c.id not in quota_ids]
    # One claim per topic: the gist of each theme rather than the first few in a row.
    by_topic = {c.topic: c for c in reversed(others)}
    firsts = sorted(by_topic.values(), key=lambda c: c.id)
    chosen = [*quotas, *firsts][:SUMMARY_CLAIMS]
    article = composer.snapshot.default_article
    if article is not None:
        reply.cite(article.id)
        relying = f", relying on reporting by {article.relies_on}" if article.relies_on else ""
        reply.lines.append(
            bold(f"In short, as {article.outlet} reports it{relying} (none of it verified):")
        )
    else:
        reply.lines.append(bold("In short, as the report tells it (none of it verified):"))
    for claim in chosen:
        reply.use(claim.id, claim.article_id)
        reply.lines.append(fmt("• {}", composer.claim_line(claim)))
    if len(quotas) + len(others) > len(chosen):
        # No count: a number here would read as one of the report's figures.
        reply.lines.append(italic("The report says more: ask about a place, a source or a topic."))
