"""/start and /help in the interface's other languages (English ones are the engine's own).

The texts are the engine's English ones (bot/engine: ``start``, ``help``), marked here for
the catalogs; the example questions are written anew in each language, not translated
word for word (``EXAMPLES``' translators' notes say so).
"""

from __future__ import annotations

from bot.engine import Reply
from bot.engine.intro import EXAMPLES
from bot.i18n import N_, Language, translator
from bot.markup import Html, bold, fmt

ABOUT = N_("I answer questions about a news report on North Korea's overseas workers.")
REPORT = N_(
    "The report says North Korea doubled the monthly foreign-currency “loyalty money” "
    "quotas of its workers abroad. I tell you what it claims, who claims it, and how "
    "far each claim can be trusted. Nothing here is verified."
)
ASK_LIKE = N_("Ask in your own words, for example:")


def help_reply(language: Language, commands_line: Html) -> Reply:
    _ = translator(language).gettext
    reply = Reply(intents=["help"])
    reply.lines.append(fmt("{}", _(ASK_LIKE)))
    reply.lines.extend(fmt("• {}", _(example)) for example in EXAMPLES)
    reply.lines.append(Html(""))
    reply.lines.append(commands_line)
    return reply


def start_reply(language: Language, commands_line: Html) -> Reply:
    _ = translator(language).gettext
    reply = Reply(intents=["start"])
    reply.lines.append(bold(_(ABOUT)))
    reply.lines.append(fmt("{}", _(REPORT)))
    reply.lines.append(Html(""))
    reply.lines.extend(help_reply(language, commands_line).lines)
    return reply
