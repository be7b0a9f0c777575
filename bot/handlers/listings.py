"""Editors' listings: facts (paged), articles, sources, aliases, history, editors."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.args import ParsedArgs, parse_args
from bot.engine.wording import N_, _, speaking
from bot.handlers.common import engine_or_apology, services_of
from bot.handlers.editor_text import TIMESTAMP_FIELDS, action_name, claim_line, short, when
from bot.handlers.gate import actor_of, say
from bot.handlers.languages import language_of
from bot.i18n import translator
from bot.markup import Html, bold, fmt
from bot.sending.send import answer_update
from db.editing import Actor, InvalidValue, may
from db.kinds import Role
from db.validation import parse_id
from db.views import partial_iso

PAGE_SIZE = 20
# The /facts page buttons: fx:<page>:<all 0/1>:<word>
FACTS_PAGE_PREFIX = "fx"
# /facts' title: active or all, with or without the word looked for.
FACTS_TITLES = {
    (False, False): N_("Active facts ({count}; page {page} of {pages}):"),
    (False, True): N_("Active facts matching “{word}” ({count}; page {page} of {pages}):"),
    (True, False): N_("All facts ({count}; page {page} of {pages}):"),
    (True, True): N_("All facts matching “{word}” ({count}; page {page} of {pages}):"),
}


def command_text(update: Update) -> str:
    message = update.effective_message
    return (message.text or message.caption or "") if message is not None else ""


def parsed(update: Update, max_positional: int) -> ParsedArgs:
    """key=value arguments of the command message (the /command itself dropped)."""
    return parse_args(command_text(update), max_positional=max_positional)


def single_id(positional: list[str]) -> int:
    if not positional:
        raise InvalidValue(N_("the fact id is missing"))
    return parse_id(positional[0])


async def facts(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    args = parsed(update, 3)
    args.check_keys(("page", "all"))
    page = parse_id(args.options.get("page", "1"))
    show_all = "all" in args.options and args.options["all"].casefold() in ("yes", "y", "1")
    word = " ".join(args.positional) or None
    await send_facts(update, context, actor, word, page, show_all)


async def send_facts(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    actor: Actor,
    word: str | None,
    page: int,
    show_all: bool,
) -> None:
    claims = await services_of(context).editing.claims(actor, word, active_only=not show_all)
    pages = max(1, -(-len(claims) // PAGE_SIZE))
    page = min(page, pages)
    chosen = claims[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    title = _(FACTS_TITLES[show_all, bool(word)])
    lines = [title.format(word=word, count=len(claims), page=page, pages=pages)]
    lines += [claim_line(c) for c in chosen] or [_("(none)")]
    markup = None
    if pages > 1:
        more = f"/facts {word + ' ' if word else ''}page={min(page + 1, pages)}"
        lines.append(_("More: {command}").format(command=more))
        buttons = []
        for target, label in ((page - 1, "◀ " + _("Previous")), (page + 1, _("Next") + " ▶")):
            if 1 <= target <= pages:
                data = f"{FACTS_PAGE_PREFIX}:{target}:{int(show_all)}:{word or ''}"
                if len(data.encode()) <= 64:
                    buttons.append(InlineKeyboardButton(label, callback_data=data))
        markup = InlineKeyboardMarkup([buttons]) if buttons else None
    await say(update, context, lines, markup=markup)


async def articles(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    rows = await services_of(context).editing.articles(actor)
    lines = [_("Articles (cite one with article=<id>):")]
    for a in rows:
        date = partial_iso(a.published_on, a.published_precision) or _("no date")
        default = " " + _("[default]") if a.is_default else ""
        lines.append(f"#{a.id} {a.outlet} — {a.title} ({date}){default}")
        lines.append(f"    caveat: {a.caveat}")
    await say(update, context, lines)


async def sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Public "who says so"; editors also get the source ids in the same message."""
    engine = await engine_or_apology(update, context)
    if engine is None:
        return
    # Public: the answer and its caveat in the reader's language (bot/handlers/languages.py).
    language = await language_of(update, context)
    with speaking(translator(language)):
        reply = engine.sources()
    actor = actor_of(update, context)
    services = services_of(context)
    if actor is not None and may(await services.access.role(actor), Role.EDITOR):
        rows = await services.editing.sources(actor)
        if rows:
            reply.lines.append(Html(""))
            gettext = translator(language).gettext
            reply.lines.append(bold(gettext("Source ids (for editors: source=#id):")))
            for s in rows:
                told = ", " + gettext("told {whom}").format(whom=s.told_to) if s.told_to else ""
                reply.lines.append(
                    fmt("#{} {} ({}{}; article #{})", s.id, s.name, s.kind, told, s.article_id)
                )
    await answer_update(update, context, reply, engine.snapshot, language=language)


async def aliases(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    rows = await services_of(context).editing.aliases(actor)
    lines = [_("Words the bot has been taught:")]
    lines += [f"“{a.term}” → {a.kind} {a.value}" for a in rows] or [_("(none yet)")]
    await say(update, context, lines)


async def history(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    args = parsed(update, 1)
    args.check_keys(())
    claim_id = single_id(args.positional)
    rows = await services_of(context).editing.history(actor, claim_id)
    lines = [_("History of #{claim_id}, oldest first:").format(claim_id=claim_id)]
    for row in rows:
        if row.field in TIMESTAMP_FIELDS:
            continue  # each row has its own time already
        who = _("user {user_id}").format(user_id=row.editor_id) if row.editor_id else _("seed")
        undone = " " + _("[undone]") if row.undone else ""
        reason = " — " + _("reason: {reason}").format(reason=row.reason) if row.reason else ""
        action = action_name(row.action)
        if row.field is None:
            what = f"{action}: {short(row.new_value)}"
        else:
            what = f"{action} {row.field}: {short(row.old_value)} → {short(row.new_value)}"
        lines.append(f"{when(row.created_at)} · {who} · {what}{reason}{undone}")
    await say(update, context, lines)


async def admins(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    rows = await services_of(context).editing.editors(actor)
    owners = sorted(actor.owners)
    listed = ", ".join(map(str, owners)) or _("none")
    lines = [_("Owners (ADMIN_USER_IDS): {owners}").format(owners=listed)]
    lines.append(_("Editors:"))
    granted = _("{user_id} (granted by {owner} on {when})")
    lines += [
        granted.format(user_id=e.user_id, owner=e.granted_by, when=when(e.granted_at)) for e in rows
    ] or [_("(none)")]
    await say(update, context, lines)
