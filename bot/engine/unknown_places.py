"""A place no stored figure is for, asked about: where a source is there, who (and what
they said); else that the reports do not mention it, and which places they cover."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from bot.engine import wording
from bot.engine.local_names import or_list, region_name, source_name
from bot.engine.reply import Reply
from bot.engine.silence import BLOCK_LIMIT, two_sentences
from bot.engine.vocabulary import Intent
from bot.engine.wording import _
from bot.markup import fmt

if TYPE_CHECKING:
    from bot.engine.claims import ComposerBase


def answer_unknown(c: ComposerBase, names: Iterable[str], reply: Reply) -> None:
    names = list(names)
    # A place no figure is for may still be where a source is ("an official … in
    # Dandong"): then the reports do mention it, and say who is there.
    for name in [n for n in names if c.sources_in(n)]:
        names.remove(name)
        for source in c.sources_in(name):
            article = c.snapshot.articles.get(source.article_id)
            reply.cite(source.article_id)
            reply.lines.append(
                fmt(
                    _(
                        "{outlet} gives no figure for {place}; it names {place} only as "
                        "where its source is: {source}."
                    ),
                    outlet=article.outlet if article else _("The report"),
                    place=c.place(name),
                    source=source_name(source.name),
                )
            )
            # (After "the report does not say which company": who is there, not all
            # they said, figures included.)
            said = [] if Intent.SILENT in reply.intents else c.said_by(source.id)
            shown_claims, hidden = c.capped(said, BLOCK_LIMIT)
            for claim in shown_claims:
                reply.use(claim.id, claim.article_id)
                reply.lines.append(fmt("• {}", c.claim_line(claim)))
            c.more_line(hidden, "claims from this source", reply)
    if not names:
        return
    if wording.is_english():
        shown = ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else "".join(names)
    else:
        # CLDR's city names too ("Магадан"), where the vocabulary lists none.
        shown = or_list([region_name(c.place(name)) for name in names])
    if c.several:
        c.cite_all(reply)
    reply.lines.append(two_sentences(c.no_report_line("mention", shown), c.covered()))
