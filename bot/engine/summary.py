"""A "summarise the article" answer: a short summary made only of stored claims, each
with its attribution: the quota figures first, then one claim for each other topic."""

from __future__ import annotations

from bot.engine.compose import Composer
from bot.engine.local_names import source_name
from bot.engine.reply import Reply
from bot.engine.reports import article_date
from bot.engine.wording import _
from bot.markup import Html, bold, fmt, italic
from db.views import ClaimView

# Claims in a summary: enough for the gist, few enough for a chat message.
SUMMARY_CLAIMS = 6


def answer_summary(composer: Composer, reply: Reply) -> None:
    if composer.several:
        _per_report(composer, reply)
        return
    quotas = composer.quotas()
    chosen, more = _gist(composer, quotas, list(composer.snapshot.active_claims), SUMMARY_CLAIMS)
    article = composer.snapshot.default_article
    if article is not None:
        reply.cite(article.id)
        reply.lines.append(
            bold(
                _(
                    "In short, as {outlet} reports it, relying on reporting by {relied} (none of "
                    "it verified):"
                ).format(outlet=article.outlet, relied=source_name(article.relies_on))
                if article.relies_on
                else _("In short, as {outlet} reports it (none of it verified):").format(
                    outlet=article.outlet
                )
            )
        )
    else:
        reply.lines.append(bold(_("In short, as the report tells it (none of it verified):")))
    places = {c.id for c in quotas}
    for claim in chosen:
        reply.use(claim.id, claim.article_id)
        if claim.id in places:  # a figure says where it is for ("3,400 yuan": in Dalian)
            reply.lines.append(
                fmt("• {}: {}", composer.place_label(claim), composer.claim_line(claim))
            )
        else:
            reply.lines.append(fmt("• {}", composer.claim_line(claim)))
    if more:
        # No count: a number here would read as one of the report's figures.
        reply.lines.append(
            italic(_("The report says more: ask about a place, a source or a topic."))
        )


def _gist(
    composer: Composer, quotas: list[ClaimView], claims: list[ClaimView], limit: int
) -> tuple[list[ClaimView], bool]:
    """The quota figures first, then one claim per other topic; and whether more was left."""
    quota_ids = {c.id for c in quotas}
    others = [c for c in claims if c.id not in quota_ids]
    # One claim per topic: the gist of each theme rather than the first few in a row.
    by_topic = {c.topic: c for c in reversed(others)}
    firsts = sorted(by_topic.values(), key=lambda c: c.id)
    chosen = [*quotas, *firsts][:limit]
    return chosen, len(quotas) + len(others) > len(chosen)


def _per_report(composer: Composer, reply: Reply) -> None:
    """Several reports: each one's gist under its own name, newest report first."""
    reports = composer.reports.articles[: composer.LIST_REPORTS]
    each = max(2, SUMMARY_CLAIMS // len(reports))
    all_quotas = composer.quotas()
    for index, article in enumerate(reports):
        mine = [c for c in composer.snapshot.active_claims if c.article_id == article.id]
        quotas = [c for c in all_quotas if c.article_id == article.id]
        chosen, _more = _gist(composer, quotas, mine, each)
        if index:
            reply.lines.append(Html(""))
        reply.cite(article.id)
        when = article_date(article)
        relied = source_name(article.relies_on) if article.relies_on else None
        reply.lines.append(bold(_heading(article.outlet, relied, when)))
        for claim in chosen:
            reply.use(claim.id, claim.article_id)
            reply.lines.append(fmt("• {}", composer.claim_line(claim)))
    reply.lines.append(
        italic(
            _("The reports say more: ask about a place, a source or a topic.")
            if len(reports) > 1
            else _("The report says more: ask about a place, a source or a topic.")
        )
    )


def _heading(outlet: str, relied: str | None, when: str | None) -> str:
    """ "In short, as RFA reports it (October 2020; none of it verified):" """
    if relied and when:
        text = _(
            "In short, as {outlet} reports it, relying on reporting by {relied} ({date}; none "
            "of it verified):"
        )
    elif relied:
        text = _(
            "In short, as {outlet} reports it, relying on reporting by {relied} (undated; none "
            "of it verified):"
        )
    elif when:
        text = _("In short, as {outlet} reports it ({date}; none of it verified):")
    else:
        text = _("In short, as {outlet} reports it (undated; none of it verified):")
    return text.format(outlet=outlet, relied=relied, date=when)
