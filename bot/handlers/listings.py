"""Editors' listings: facts (paged), articles, sources, aliases, history, editors."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.args import ParsedArgs, parse_args
from bot.engine.wording import speaking
from bot.handlers.common import engine_or_apology, services_of
from bot.handlers.editor_text import TIMESTAMP_FIELDS, claim_line, short, when
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


def command_text(update: Update) -> str:
    message = update.effective_message
    return (message.text or message.caption or "") if message is not None else ""


def parsed(update: Update, max_positional: int) -> ParsedArgs:
    """key=value arguments of the command message (the /command itself dropped)."""
    return parse_args(command_text(update), max_positional=max_positional)


def single_id(positional: list[str]) -> int:
    if not positional:
        raise InvalidValue("the fact id is missing")
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
    title = "Active facts" if not show_all else "All facts"
    if word:
        title += f" matching “{word}”"
    lines = [f"{title} ({len(claims)}; page {page} of {pages}):"]
    lines += [claim_line(c) for c in chosen] or ["(none)"]
    markup = None
    if pages > 1:
        lines.append(f"More: /facts {word + ' ' if word else ''}page={min(page + 1, pages)}")
        buttons = []
        for target, label in ((page - 1, "◀ Previous"), (page + 1, "Next ▶")):
            if 1 <= target <= pages:
                data = f"{FACTS_PAGE_PREFIX}:{target}:{int(show_all)}:{word or ''}"
                if len(data.encode()) <= 64:
                    buttons.append(InlineKeyboardButton(label, callback_data=data))
        markup = InlineKeyboardMarkup([buttons]) if buttons else None
    await say(update, context, lines, markup=markup)


async def articles(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    rows = await services_of(context).editing.articles(actor)
    lines = ["Articles (cite one with article=<id>):"]
    for a in rows:
        date = partial_iso(a.published_on, a.published_precision) or "no date"
        default = " [default]" if a.is_default else ""
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
            reply.lines.append(bold("Source ids (for editors: source=#id):"))
            for s in rows:
                told = f", told {s.told_to}" if s.told_to else ""
                reply.lines.append(
                    fmt("#{} {} ({}{}; article #{})", s.id, s.name, s.kind, told, s.article_id)
                )
    await answer_update(update, context, reply, engine.snapshot, language=language)


async def aliases(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    rows = await services_of(context).editing.aliases(actor)
    lines = ["Words the bot has been taught:"]
    lines += [f"“{a.term}” → {a.kind} {a.value}" for a in rows] or ["(none yet)"]
    await say(update, context, lines)


async def history(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    args = parsed(update, 1)
    args.check_keys(())
    claim_id = single_id(args.positional)
    rows = await services_of(context).editing.history(actor, claim_id)
    lines = [f"History of #{claim_id}, oldest first:"]
    for row in rows:
        if row.field in TIMESTAMP_FIELDS:
            continue  # each row has its own time already
        who = f"user {row.editor_id}" if row.editor_id else "seed"
        undone = " [undone]" if row.undone else ""
        reason = f" — reason: {row.reason}" if row.reason else ""
        if row.field is None:
            what = f"{row.action}: {short(row.new_value)}"
        else:
            what = f"{row.action} {row.field}: {short(row.old_value)} → {short(row.new_value)}"
        lines.append(f"{when(row.created_at)} · {who} · {what}{reason}{undone}")
    await say(update, context, lines)


async def admins(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    rows = await services_of(context).editing.editors(actor)
    owners = sorted(actor.owners)
    lines = ["Owners (ADMIN_USER_IDS): " + (", ".join(map(str, owners)) or "none")]
    lines.append("Editors:")
    lines += [f"{e.user_id} (granted by {e.granted_by} on {when(e.granted_at)})" for e in rows] or [
        "(none)"
    ]
    await say(update, context, lines)
