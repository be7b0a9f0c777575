"""The answer to an ask about a covered subject that the engine cannot map to anything the
report holds (asks.py finds it): "the report does not say that about <place>", then the
statements closest to the question's words, never a quota figure dressed up as the answer.
"""

from __future__ import annotations

from bot.engine.compose import Composer
from bot.engine.honest import Honest
from bot.engine.reply import Reply
from bot.engine.text import words
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent
from bot.engine.wording import _
from bot.markup import bold, fmt


def not_mapped(s: Understanding, c: Composer, honest: Honest, reply: Reply) -> bool:
    named = s.places or [c.country(code) for code in s.countries] or s.sectors
    subject = " and ".join(dict.fromkeys(named))
    if c.several:
        c.cite_all(reply)
        line = (
            _("None of the reports says that about {subject}.")
            if subject
            else _("None of the reports says that.")
        )
    else:
        line = (
            _("The report does not say that about {subject}.")
            if subject
            else _("The report does not say that.")
        )
    reply.lines.append(fmt(line, subject=subject))
    # Searched on what the question is about, not on how it asks ("called", "name").
    text = " ".join(w for w in words(s.search_text) if w not in honest.vocabulary.ask_words)
    found = [h for h in honest.hits(text) if not h.claim.is_quota]
    if found:
        closest = (
            _("What they do say that comes closest:")
            if c.several
            else _("What it does say that comes closest:")
        )
        reply.lines.append(bold(closest))
        for hit in found:
            reply.use(hit.claim.id, hit.claim.article_id)
            reply.lines.append(fmt("• {}", c.claim_line(hit.claim)))
    reply.intents.append(Intent.SILENT)
    return True
