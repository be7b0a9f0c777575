"""/translate: the editors' translation of a claim's statement (or quote) into ru, zh or ko.

``/translate 12 ru <text>`` stores or replaces it, ``/translate 12 ru`` removes it,
``/translate 12`` lists the stored ones. The claim stays as the report gave it; answers in
that language show the translation marked as the editors', then the original.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.args import leading_words
from bot.engine import Reply
from bot.engine.wording import N_, _, speaking
from bot.handlers.common import runtime_of, services_of
from bot.handlers.editor_text import announce, short
from bot.handlers.gate import current_language, say
from bot.handlers.listings import command_text
from bot.i18n import translator
from bot.markup import escape, fmt
from bot.sending.send import answer_update
from db.editing import Actor, Change, InvalidValue
from db.kinds import Language
from db.validation import TRANSLATION_LANGUAGES, parse_id

LANGUAGES = "|".join(TRANSLATION_LANGUAGES)
USAGE = (
    f"/translate 12 <{LANGUAGES}> <the translation> (stores or replaces it) · "
    f"/translate 12 <{LANGUAGES}> (removes it) · /translate 12 (lists them)"
)


async def translate(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    _command, words, text = leading_words(command_text(update), 2)
    if not words:
        raise InvalidValue(N_("the fact id is missing"))
    claim_id = parse_id(words[0])
    service = services_of(context).editing
    if len(words) == 1:
        claim, rows = await service.translations(actor, claim_id)
        original = claim.quote or claim.statement
        given = _("#{claim_id}, as the report gives it: “{text}”")
        lines = [given.format(claim_id=claim_id, text=short(original))]
        none_yet = _(
            "No translation yet. Store one with /translate {claim_id} <{languages}> <text>."
        )
        lines += [f"{row.language}: {row.text}" for row in rows] or [
            none_yet.format(claim_id=claim_id, languages=LANGUAGES)
        ]
        await say(update, context, lines, article_ids=[claim.article_id])
        return
    language = words[1].casefold()
    change: Change
    if text:
        change = await service.set_translation(actor, claim_id, language, text)
        _field, old, _new = change.fields[0]
        done = (
            _("Replaced the {language} translation of #{claim_id}.")
            if old is not None
            else _("Stored the {language} translation of #{claim_id}.")
        )
    else:
        change = await service.remove_translation(actor, claim_id, language)
        done = _("Removed the {language} translation of #{claim_id}.")
    lines = ["✅ " + done.format(language=language, claim_id=claim_id) + announce(context, change)]
    lines += [f"{language}: {short(old)} → {short(new)}" for _field, old, new in change.fields]
    lines.append(_("Take it back with /undo."))
    await _show(update, context, claim_id, Language(language), lines)


async def _show(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    claim_id: int,
    language: Language,
    lines: list[str],
) -> None:
    """The confirmation, and the claim's words as readers asking in ``language`` now see
    them (the engine's own line, composed in that language)."""
    engine = await runtime_of(context).answer_engine()
    reply = Reply(lines=[escape(line) for line in lines], intents=["editor"])
    claim = engine.snapshot.claim(claim_id)
    if claim is not None:
        reply.use(claim.id, claim.article_id)
        with speaking(translator(language)):
            shown = engine.claim_line(claim)
        will_see = _("Readers asking in {language} will see: {line}")
        reply.lines.append(fmt(escape(will_see), language=language.value, line=shown))
    await answer_update(update, context, reply, engine.snapshot, language=current_language())


async def stale_note(update: Update, context: ContextTypes.DEFAULT_TYPE, claim_id: int) -> None:
    """After an edit of a claim's words: its stored translations were of the earlier words."""
    engine = await runtime_of(context).answer_engine()
    claim = engine.snapshot.claim(claim_id)
    if claim is None or not claim.translations:
        return
    languages = ", ".join(claim.translations)
    await say(
        update,
        context,
        [
            "ℹ️ "
            + _(
                "#{claim_id} has translations ({languages}) made of its earlier words: "
                "check them with /translate {claim_id}."
            ).format(claim_id=claim_id, languages=languages)
        ],
    )
