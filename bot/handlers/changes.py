"""Editors' changes by command: add, correct, retract, restore, undo, teach a word.

Without arguments in a private chat, /addquota, /edit and /retract start a guided
dialogue (bot/handlers/dialogues.py) instead.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.args import split_command_text
from bot.engine.wording import _
from bot.handlers.common import in_private_chat, services_of
from bot.handlers.dialogues import start_dialogue
from bot.handlers.editor_text import (
    FIELD_HELP,
    action_name,
    announce,
    change_lines,
    edit_heading,
    entity_label,
    show_claim,
)
from bot.handlers.gate import say
from bot.handlers.listings import command_text, parsed, single_id
from bot.handlers.translations import stale_note
from bot.services.dialogue_flow import DialogueKind
from db.editing import Actor, InvalidValue, normalize_term
from db.errors import N_, Text
from db.kinds import EntityType
from db.validation import parse_id

# /editarticle and /editsource: each kind's own sentences.
MISSING_ID = {
    EntityType.ARTICLE: N_("the article id is missing"),
    EntityType.SOURCE: N_("the source id is missing"),
}
CORRECTED = {
    EntityType.ARTICLE: N_("Corrected article #{entity_id}:"),
    EntityType.SOURCE: N_("Corrected source #{entity_id}:"),
}


def tokens_of(update: Update) -> list[str]:
    """The command's arguments split shell-style, for commands that take free words."""
    return split_command_text(command_text(update))[1]


async def addquota(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    if not tokens_of(update) and in_private_chat(update):
        await start_dialogue(update, context, actor, DialogueKind.ADDQUOTA)
        return
    change = await services_of(context).editing.add_quota(actor, parsed(update, 0).options)
    heading = "✅ " + _("Added quota #{claim_id}.").format(claim_id=change.entity_id)
    await show_claim(update, context, change.entity_id, heading, change)


async def addfact(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    change = await services_of(context).editing.add_fact(actor, parsed(update, 0).options)
    heading = "✅ " + _("Added fact #{claim_id}.").format(claim_id=change.entity_id)
    await show_claim(update, context, change.entity_id, heading, change)
    await _figures_in_fact(update, context, actor, change.entity_id)


async def _figures_in_fact(
    update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor, claim_id: int
) -> None:
    """A fact whose text holds a money amount: say that "how much" questions will not read
    it, and give the /addquota that stores it as a figure."""
    lines, article_id = await services_of(context).editing.figure_hint(actor, claim_id)
    if lines:
        await say(update, context, lines, article_ids=[article_id])


async def supersede(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    tokens = tokens_of(update)
    if len(tokens) < 2:
        raise InvalidValue(
            N_("give the earlier claim's id, then the later one's: /supersede 12 15")
        )
    old_id, new_id = parse_id(tokens[0]), parse_id(tokens[1])
    reason = " ".join(tokens[2:]).removeprefix("reason=") or None
    change = await services_of(context).editing.supersede(actor, old_id, new_id, reason)
    heading = "✅ " + _(
        "#{old_id} is now superseded by #{new_id}: answers give #{new_id} and say "
        "#{old_id} was reported earlier. Take it back with /undo or /edit {old_id} "
        "superseded_by=-."
    ).format(old_id=old_id, new_id=new_id)
    await show_claim(update, context, old_id, heading, change)


async def addarticle(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    change = await services_of(context).editing.add_article(actor, parsed(update, 0).options)
    await say(
        update,
        context,
        [
            "✅ "
            + _("Added article #{article_id}. Cite it with article={article_id}.").format(
                article_id=change.entity_id
            )
        ],
        article_ids=[change.entity_id],
    )


async def edit(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    if not tokens_of(update) and in_private_chat(update):
        await start_dialogue(update, context, actor, DialogueKind.EDIT)
        return
    args = parsed(update, 1)
    claim_id = single_id(args.positional)
    reason = args.options.pop("reason", None)
    if not args.options:
        raise InvalidValue(N_("say what to change: field=value. {fields}"), fields=Text(FIELD_HELP))
    change = await services_of(context).editing.edit_claim(
        actor, claim_id, args.options, reason=reason
    )
    heading = edit_heading(claim_id, change)
    await show_claim(update, context, claim_id, heading, change)
    if "text" in args.options:
        await _figures_in_fact(update, context, actor, claim_id)
    if {"text", "quote"} & set(args.options):
        await stale_note(update, context, claim_id)


async def retract(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    tokens = tokens_of(update)
    if not tokens and in_private_chat(update):
        await start_dialogue(update, context, actor, DialogueKind.RETRACT)
        return
    claim_id = single_id(tokens)
    words = tokens[1:]
    if words and words[0].casefold().startswith("reason="):
        words[0] = words[0][len("reason=") :]
    reason = " ".join(words)
    if not reason.strip():
        raise InvalidValue(N_("a reason is required after the id"))
    change = await services_of(context).editing.retract(actor, claim_id, reason)
    heading = "✅ " + _("Retracted #{claim_id}. It stays in the store.").format(claim_id=claim_id)
    await show_claim(update, context, claim_id, heading, change)


async def restore(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    tokens = tokens_of(update)
    claim_id = single_id(tokens)
    reason = " ".join(tokens[1:]) or None
    change = await services_of(context).editing.restore(actor, claim_id, reason)
    heading = "✅ " + _("Restored #{claim_id}.").format(claim_id=claim_id)
    await show_claim(update, context, claim_id, heading, change)


async def _edit_other(
    update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor, kind: EntityType
) -> None:
    args = parsed(update, 1)
    if not args.positional:
        raise InvalidValue(MISSING_ID[kind])
    entity_id = parse_id(args.positional[0])
    reason = args.options.pop("reason", None)
    service = services_of(context).editing
    edit_entity = service.edit_article if kind == EntityType.ARTICLE else service.edit_source
    change = await edit_entity(actor, entity_id, args.options, reason)
    heading = "✅ " + _(CORRECTED[kind]).format(entity_id=entity_id) + announce(context, change)
    await say(update, context, [heading, *change_lines(change)])


async def editarticle(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    await _edit_other(update, context, actor, EntityType.ARTICLE)


async def editsource(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    await _edit_other(update, context, actor, EntityType.SOURCE)


async def undo(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    change = await services_of(context).editing.undo(actor)
    undone = _("Undone your last change ({action} of {entity} #{entity_id}):").format(
        action=action_name(str(change.note)),
        entity=entity_label(change.entity_type),
        entity_id=change.entity_id,
    )
    lines = ["↩️ " + undone + announce(context, change)]
    lines += change_lines(change)
    await say(update, context, lines)


async def alias(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    tokens = tokens_of(update)
    if len(tokens) < 2 or "=" not in tokens[1]:
        raise InvalidValue(N_("give the word in quotes, then kind=name"))
    term = tokens[0]
    kind, _sep, first = tokens[1].partition("=")
    # The name may run on unquoted: sector=seafood processing.
    value = " ".join([first, *tokens[2:]]).strip()
    if not value:
        raise InvalidValue(N_('"{key}=" has no value'), key=kind)
    change = await services_of(context).editing.add_alias(actor, term, kind.strip().lower(), value)
    taught = _("“{term}” now means {kind} {value}.").format(
        term=normalize_term(term), kind=kind.lower(), value=change.fields[0][2]
    )
    lines = ["✅ " + taught]
    if change.note:
        note = change.note.render(_) if isinstance(change.note, Text) else change.note
        lines.append(_("Note: {note}").format(note=note))
    await say(update, context, lines)
