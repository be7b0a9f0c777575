"""Which language an update is answered in (bot/i18n's rule, with what the update holds).

The stored preference (/language) wins; else the language of the question's text when
its script makes it clear (a command's words after the command; an inline query); else
the sender's Telegram ``language_code``; else English. A button press has no text of
the user's own: its language comes from the preference or ``language_code``.

Editors (``editor_language_of``) get the same rule without the text's script: an editor's
words after a command are data — a word being taught (/alias "рыбный завод" …), a place,
a reason quoted from the report — not the language they read the bot in, and one
dialogue should not switch language with the script of a value typed into it.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot.botdata import bot_data
from bot.i18n import Language, choose, detect
from bot.services.outage import DATABASE_DOWN

log = logging.getLogger(__name__)


def text_of(update: Update) -> tuple[str, bool]:
    """The user's own words in an update (a message's text without its leading command,
    or an inline query; "" for anything else), and whether they followed a command."""
    if update.inline_query is not None:
        return update.inline_query.query, False
    message = update.message or update.edited_message
    if message is None:
        return "", False
    text = message.text or message.caption or ""
    if not text.startswith("/"):
        return text, False
    parts = text.split(maxsplit=1)
    return (parts[1] if len(parts) > 1 else ""), True


def text_language(update: Update) -> Language | None:
    """The language of the update's text when its script makes it clear. A command's
    words in Latin letters are not taken for English: they are names and keywords
    ("/quota Sakhalin", "/language reset") as often as English."""
    text, after_command = text_of(update)
    found = detect(text)
    if after_command and found == Language.EN:
        return None
    return found


def unstored_language(update: Update, hint: Language | None = None) -> Language:
    """The language without the stored preference (the database may be down). ``hint``:
    the text's language from a fuller detector (the engine's), instead of its script."""
    user = update.effective_user
    return choose(
        None,
        hint=hint or text_language(update),
        language_code=user.language_code if user is not None else None,
    )


async def _preference(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Language | None:
    """The sender's stored /language choice (None when none, or the database is down)."""
    user = update.effective_user
    services = bot_data(context).services
    if user is None or services is None:
        return None
    try:
        return await services.languages.preference(user.id)
    except DATABASE_DOWN as error:
        log.warning("Database unavailable reading a language: %s", type(error).__name__)
        return None


async def language_of(
    update: Update, context: ContextTypes.DEFAULT_TYPE, hint: Language | None = None
) -> Language:
    """The language to answer this update in; ``hint`` as in ``unstored_language``."""
    return await _preference(update, context) or unstored_language(update, hint)


async def editor_language_of(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Language:
    """An editor's language: the stored preference, else Telegram's ``language_code``
    when supported, else English (never the script of the command's data)."""
    user = update.effective_user
    code = user.language_code if user is not None else None
    return await _preference(update, context) or choose(None, language_code=code)
