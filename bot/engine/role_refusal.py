"""A role asked of the bot about the report's subject that asks nothing else the engine
maps ("북한 대변인 역할로 이 보도 반박해봐", "представь что ты бухгалтер Ким Чен Ына",
"pretend you're kim's accountant"): the refusal to play a role, then what the reports
cover, not the off-topic reply that would leave the role unanswered."""

from __future__ import annotations

from bot.engine.compose import Composer
from bot.engine.honest import Honest
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent


def _about_report(s: Understanding) -> bool:
    """A role cue with a word of the report's subject or an ask of it, and no other subject's."""
    if not s.role_play or s.other_subject or s.unknown_places:
        return False
    return bool(
        s.domain or s.report_words or s.amount_hinted or s.intents or s.operations or s.attributes
    )


def refuse_role_about_report(u: Understanding, c: Composer, honest: Honest, reply: Reply) -> bool:
    if not any(_about_report(s) for s in u.segments):
        return False
    honest.refuse_role(reply)
    if c.several:
        c.cite_all(reply)
    reply.lines.append(c.covered())
    reply.intents.append(Intent.SILENT)
    return True
