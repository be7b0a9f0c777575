"""What a question about the sources asks besides who said it (provenance.py's ``Asked``),
answered from the sources it was shown: whether any is named ("is it all anon", "有没有实名
的消息来源"), whether a document, link or recording is given ("пруфы? ссылки на документы
где?"), whether they agree (what each says, with its figures), whether television or a paper
carried it (the reports say only who published them)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.engine.claims import ComposerBase, SourceGroup
from bot.engine.local_names import source_name
from bot.engine.phrases import separately
from bot.engine.provenance import Asked
from bot.engine.reply import Reply
from bot.engine.wording import _
from bot.markup import Html, bold, fmt
from db.kinds import SourceKind

# "do the doha sources agree": at most this many claims of each source.
CLAIMS_PER_SOURCE = 3


def provenance_lines(
    c: ComposerBase, asked: frozenset[str], groups: Sequence[SourceGroup], reply: Reply
) -> None:
    """The lines answering what else ``asked`` holds, of the sources in ``groups``."""
    sources = [s for g in groups if (s := c.snapshot.sources.get(g[0])) is not None]
    if not sources:
        return
    several = len({s.article_id for s in sources}) > 1
    if Asked.NAMED in asked:
        named = [source_name(s.name) for s in sources if s.kind == SourceKind.NAMED]
        if named:
            reply.lines.append(fmt(_("The reports name: {names}."), names=separately(named)))
        elif several:
            reply.lines.append(Html(_("The reports name none of these sources.")))
        else:
            reply.lines.append(Html(_("The report names none of these sources.")))
    if Asked.DOCUMENTS in asked:
        reply.lines.append(
            Html(
                _(
                    "The reports give no document, link or recording behind it: only what "
                    "these sources said."
                )
                if several
                else _(
                    "The report gives no document, link or recording behind it: only what "
                    "these sources said."
                )
            )
        )
    if Asked.MEDIUM in asked:
        reply.lines.append(
            Html(
                _(
                    "The reports do not say it was on television, on the radio or in a "
                    "newspaper: only the outlets above carried it."
                )
            )
        )
    if Asked.AGREE in asked and len(groups) > 1:
        reply.lines.append(bold(_("What each of them says:")))
        for _source_id, said, _topics in groups:
            for claim in said[:CLAIMS_PER_SOURCE]:
                reply.use(claim.id, claim.article_id)
                reply.lines.append(fmt("• {}", c.claim_line(claim)))
