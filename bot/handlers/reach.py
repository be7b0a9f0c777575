"""Reach: inline mode, follow-up buttons, subscriptions, the question log, flood protection."""

from __future__ import annotations

import datetime as dt
import logging
from typing import cast

from telegram import (
    Chat,
    InlineKeyboardMarkup,
    InlineQuery,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.engine import AnswerEngine, Reply
from bot.flood import FloodGuard
from bot.handlers.common import (
    DATABASE_DOWN,
    engine_or_apology,
    in_private_chat,
    private_only,
    runtime_of,
    send_engine_reply,
    unavailable_reply,
)
from bot.handlers.editor import actor_of
from bot.handlers.user import command_argument
from bot.keyboards import decode, follow_up_markup
from bot.markup import Html, bold, fmt, italic, plain_text
from bot.outgoing import build_popup
from bot.questionlog import QuestionLogger, record_question
from bot.replying import answer_update, edit_inline_message, render_one
from db import editing, notices, questions
from db.models import utcnow
from db.session import read_transaction
from db.snapshot import Snapshot

log = logging.getLogger(__name__)

MAX_INLINE_RESULTS = 10
MAX_INLINE_QUERY = 256
DEFAULT_DAYS = 30


def _markup_for(reply: Reply) -> InlineKeyboardMarkup | None:
    return follow_up_markup(reply.follow_ups)


# ----- flood protection (an early TypeHandler group) ---------------------------------


async def flood_check(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.inline_query is not None:
        await _inline_flood_check(update, context)
        return
    guard = context.bot_data.get("flood_guard")
    user = update.effective_user
    if not isinstance(guard, FloodGuard) or user is None:
        return
    if update.message is None and update.callback_query is None:
        return
    sender_chat = update.message.sender_chat if update.message is not None else None
    verdict = guard.check(flood_key(update, user.id))
    # Anonymous admins and channels cannot be told apart from strangers: never staff.
    if verdict == "ok" or (sender_chat is None and await _is_staff(user.id, context)):
        return
    if verdict == "warn":
        if update.callback_query is not None:
            await update.callback_query.answer(
                build_popup("Too many requests: please wait a minute.")
            )
        elif update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE:
            reply = Reply(intents=["flood"], answered=False)
            reply.lines.append(
                Html(
                    "You are sending messages faster than I can answer them well. "
                    "I will read your messages again in a minute."
                )
            )
            await answer_update(update, context, reply, None)
    raise ApplicationHandlerStop


def flood_key(update: Update, user_id: int) -> int:
    """Whose flood bucket a message counts against.

    Anonymous group admins all appear as one placeholder user (GroupAnonymousBot)
    in every group, and posts sent as a channel as another: they are counted per
    sender chat (the group, or the channel), whose ids never collide with users'.
    """
    message = update.message
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id
    return user_id


async def _inline_flood_check(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Inline queries come one a keystroke: a separate, larger allowance per user.

    Over it, the first query gets one "slow down" result; later ones get no answer
    at all (each answer would spend the bot's overall Bot API rate), no engine work
    and no question-log row, until the window has room.
    """
    guard = context.bot_data.get("inline_flood_guard")
    query = update.inline_query
    if not isinstance(guard, FloodGuard) or query is None:
        return
    verdict = guard.check(query.from_user.id)
    if verdict == "ok" or await _is_staff(query.from_user.id, context):
        return
    if verdict == "warn":
        reply = Reply(intents=["flood"], answered=False)
        reply.lines.append(
            Html("You are sending inline queries faster than I can answer them. Wait a minute.")
        )
        # Personal and uncached: other people typing the same words get real answers.
        await _answer_inline(
            query, [("Too many queries: please wait a minute", reply)], None, 0, personal=True
        )
    raise ApplicationHandlerStop


async def _is_staff(user_id: int, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Owners and editors are not flood-limited: fixing facts takes many commands
    and button taps. Asked only of users over the limit, so it costs nobody else."""
    runtime = runtime_of(context)
    if user_id in runtime.settings.admin_user_ids:
        return True
    try:
        return user_id in (await runtime.answer_engine()).snapshot.editor_ids
    except DATABASE_DOWN:
        return False


# ----- inline mode --------------------------------------------------------------------


def _first_plain_line(reply: Reply) -> str:
    for line in reply.lines:
        plain = plain_text(line).strip()
        if plain:
            return plain[:100]
    return ""


def _inline_replies(engine: AnswerEngine, query: str) -> list[tuple[str, Reply]]:
    """Ranked (title, reply) pairs: the answer first, then its natural follow-ups."""
    if not query:
        return [
            ("All reported quotas", engine.quotas()),
            ("Who says so?", engine.sources()),
            ("How far can this be trusted?", engine.caveat()),
        ]
    main = engine.answer(query)
    if not main.answered:
        covers = Reply(intents=["not_covered"], answered=False)
        covers.lines.extend(main.lines)
        covers.lines.append(engine.composer.covered())
        covers.follow_ups = [("All quotas", "all quotas")]
        return [("What I can answer", covers)]
    found = [(_first_plain_line(main) or query, main)]
    for label, question in main.follow_ups:
        if len(found) >= MAX_INLINE_RESULTS:
            break
        extra = engine.answer(question)
        if extra.answered and all(r.lines != extra.lines for _, r in found):
            found.append((label, extra))
    return found


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.inline_query
    if query is None:
        return
    text = " ".join(query.query.split())[:MAX_INLINE_QUERY]
    settings = runtime_of(context).settings
    try:
        engine: AnswerEngine | None = await runtime_of(context).answer_engine()
    except DATABASE_DOWN:
        engine = None
    if engine is None:
        pairs = [("Temporarily unavailable", unavailable_reply())]
        snapshot = None
    else:
        pairs = _inline_replies(engine, text)
        snapshot = engine.snapshot
        if text:
            record_question(context, text, pairs[0][1], via="inline")
    await _answer_inline(query, pairs, snapshot, settings.inline_cache_seconds, personal=False)


async def _answer_inline(
    query: InlineQuery,
    pairs: list[tuple[str, Reply]],
    snapshot: Snapshot | None,
    cache_seconds: int,
    *,
    personal: bool,
) -> None:
    """Answers an inline query with (title, reply) pairs, each rendered with its caveat."""
    revision = snapshot.revision if snapshot is not None else 0
    results = [
        InlineQueryResultArticle(
            id=f"{revision}-{index}",
            title=title[:100],
            description=_first_plain_line(reply) if title != _first_plain_line(reply) else None,
            input_message_content=InputTextMessageContent(
                render_one(reply, snapshot),
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            ),
            reply_markup=_markup_for(reply),
        )
        for index, (title, reply) in enumerate(pairs[:MAX_INLINE_RESULTS])
    ]
    await query.answer(results, cache_time=cache_seconds, is_personal=personal)


# ----- follow-up buttons -----------------------------------------------------------------


async def follow_up(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is None:
        return
    question = decode(query.data)
    if question is None:
        await query.answer(build_popup("This button is out of date. Please ask me again in words."))
        return
    try:
        engine = await runtime_of(context).answer_engine()
    except DATABASE_DOWN:
        await query.answer(
            build_popup("The fact store is temporarily unavailable. Try again shortly.")
        )
        return
    await query.answer()
    reply = engine.answer(question)
    record_question(context, question, reply, via="button")
    markup = _markup_for(reply)
    if query.inline_message_id is not None:
        await edit_inline_message(
            context, query.inline_message_id, render_one(reply, engine.snapshot), markup=markup
        )
        return
    await answer_update(update, context, reply, engine.snapshot, markup=markup)


# ----- subscriptions -------------------------------------------------------------------


async def _may_manage(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str | None:
    """None when the sender may (un)subscribe this chat, else why not."""
    chat = update.effective_chat
    message = update.effective_message
    user = update.effective_user
    if chat is None or message is None:
        return "No chat."
    if chat.type == ChatType.PRIVATE:
        return None
    if chat.type == ChatType.CHANNEL:
        return "Subscriptions work in private chats and groups."
    if message.sender_chat is not None or user is None or user.is_bot:
        # Anonymous admins and channels post as a chat: who they are cannot be checked.
        return (
            "I cannot check who you are when you post anonymously or as a channel. "
            "Ask a group admin to send the command under their own name."
        )
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError:
        return "I could not check your admin rights here. Please try again later."
    if member.status not in (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR):
        return "Only the group's admins can change its subscriptions."
    return None


def _resolve_target(engine: AnswerEngine, argument: str) -> tuple[str, str, str] | str:
    """(kind, stored target, label), or a message saying what is wrong."""
    cleaned = argument.strip()
    if not cleaned or cleaned.casefold() in ("all", "everything"):
        return ("all", "", "all changes")
    number = cleaned.removeprefix("#")
    if number.isascii() and number.isdigit():
        if len(number) > 9 or engine.snapshot.claim(int(number)) is None:
            return f"There is no fact #{number[:12]}. /quotas lists the quota ids."
        return ("claim", str(int(number)), f"fact #{int(number)}")
    if len(cleaned) > 100:
        return "That is too long for a place name."
    understood = engine.understand(cleaned)
    in_countries = (
        claim.place
        for claim in engine.composer.quotas()
        if claim.country in understood.countries and claim.place
    )
    places = [p for p in dict.fromkeys([*understood.places, *in_countries]) if p]
    if len(places) == 1:
        return ("place", notices.place_key(places[0]), places[0])
    if len(places) > 1:
        return f"That matches several places; name one: {_some(places)}."
    followable = _some(engine.quota_places()) or "No places"
    return (
        f"I don't know that place or fact id. {followable} can be followed, or a fact id like #1."
    )


def _some(names: list[str], limit: int = 10) -> str:
    """A short list: a large store has thousands of places."""
    if len(names) <= limit:
        return ", ".join(names)
    return f"{', '.join(names[:limit])} and {len(names) - limit:,} more"


async def _say(
    update: Update, context: ContextTypes.DEFAULT_TYPE, engine: AnswerEngine, *lines: Html | str
) -> None:
    reply = Reply(intents=["subscriptions"])
    reply.lines.extend(Html(line) if isinstance(line, Html) else fmt("{}", line) for line in lines)
    await send_engine_reply(update, context, engine, reply)


async def _managing(
    update: Update, context: ContextTypes.DEFAULT_TYPE
) -> tuple[AnswerEngine, Chat] | None:
    """The engine and chat when this user may change the chat's subscriptions."""
    chat = update.effective_chat
    engine = await engine_or_apology(update, context)
    if engine is None or chat is None:
        return None
    refusal = await _may_manage(update, context)
    if refusal is not None:
        await _say(update, context, engine, refusal)
        return None
    return engine, chat


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    managing = await _managing(update, context)
    if managing is None:
        return
    engine, chat = managing
    target = _resolve_target(engine, command_argument(context))
    if isinstance(target, str):
        await _say(update, context, engine, target, Html("Usage: /subscribe [place or #id]"))
        return
    kind, key, label = target
    try:
        async with runtime_of(context).sessionmaker() as session:
            added = await notices.subscribe(
                session, chat_id=chat.id, chat_type=chat.type, kind=kind, target=key
            )
    except ValueError:
        await _say(update, context, engine, "This chat has too many subscriptions already.")
        return
    if added:
        await _say(
            update,
            context,
            engine,
            fmt("Subscribed to {}.", bold(label)),
            "When an editor adds, corrects or retracts a fact, you get one short notice. "
            "Stop with /unsubscribe.",
        )
    else:
        await _say(update, context, engine, fmt("Already subscribed to {}.", bold(label)))


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    managing = await _managing(update, context)
    if managing is None:
        return
    engine, chat = managing
    argument = command_argument(context)
    async with runtime_of(context).sessionmaker() as session:
        if not argument:
            removed = await notices.unsubscribe(session, chat_id=chat.id)
            label = "everything"
        else:
            target = _resolve_target(engine, argument)
            if isinstance(target, str):
                await _say(update, context, engine, target)
                return
            kind, key, label = target
            removed = await notices.unsubscribe(session, chat_id=chat.id, kind=kind, target=key)
    if removed:
        await _say(update, context, engine, f"Unsubscribed from {label}.")
    else:
        await _say(update, context, engine, "There was no such subscription. /subscriptions")


async def subscriptions(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat = update.effective_chat
    engine = await engine_or_apology(update, context)
    if engine is None or chat is None:
        return
    async with runtime_of(context).sessionmaker() as session:
        rows = await notices.subscriptions_of(session, chat.id)
    if not rows:
        await _say(update, context, engine, "No subscriptions. /subscribe follows every change.")
        return
    lines: list[Html | str] = [bold("This chat follows:")]
    for row in rows:
        if row.kind == "all":
            lines.append("• all changes")
        elif row.kind == "claim":
            lines.append(fmt("• fact #{}", row.target))
        else:
            lines.append(fmt("• {}", row.target.title()))
    lines.append("Stop: /unsubscribe (all) or /unsubscribe <place or #id>.")
    await _say(update, context, engine, *lines)


# ----- editors: what people ask --------------------------------------------------------


async def is_editor(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Owners and editors, by numeric id, as the editing services decide it."""
    actor = actor_of(update, context)  # None for anonymous admins and channel posts
    if actor is None:
        return False
    async with runtime_of(context).sessionmaker() as session, read_transaction(session):
        return await editing.role_of(session, actor) is not None


def _days(context: ContextTypes.DEFAULT_TYPE, keep: int) -> int | None:
    argument = command_argument(context)
    if not argument:
        return min(DEFAULT_DAYS, keep)
    if not (argument.isascii() and argument.isdigit()) or len(argument) > 5:
        return None
    days = int(argument)
    return days if 1 <= days <= keep else None


async def _editor_preamble(
    update: Update, context: ContextTypes.DEFAULT_TYPE, usage: str
) -> tuple[AnswerEngine, int] | None:
    engine = await engine_or_apology(update, context)
    user = update.effective_user
    if engine is None:
        return None
    if user is None or not await is_editor(update, context):
        await _say(update, context, engine, "This command is for editors.")
        return None
    if not in_private_chat(update):
        # What people asked is theirs: not for a group's eyes.
        await _say(update, context, engine, private_only(usage, "what people asked"))
        return None
    keep = runtime_of(context).settings.question_log_days
    days = _days(context, keep)
    if days is None:
        await _say(update, context, engine, f"Usage: {usage} [days], days from 1 to {keep}.")
        return None
    logger = context.bot_data.get("question_log")
    if isinstance(logger, QuestionLogger):
        await logger.flush()  # include what was asked a moment ago
    return engine, days


async def unanswered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    ready = await _editor_preamble(update, context, "/unanswered")
    if ready is None:
        return
    engine, days = ready
    async with runtime_of(context).sessionmaker() as session:
        groups = await questions.unanswered(session, since=utcnow() - dt.timedelta(days=days))
    if not groups:
        await _say(update, context, engine, f"No unanswered questions in the last {days} days.")
        return
    lines: list[Html | str] = [
        bold(f"Questions I could not answer, last {days} days (most asked first):")
    ]
    for group in groups:
        lines.append(fmt("• {}× {}", group.count, italic(group.example[:200])))
    lines.append("Add the missing facts, or aliases for the words people use.")
    await _say(update, context, engine, *lines)


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    ready = await _editor_preamble(update, context, "/stats")
    if ready is None:
        return
    engine, days = ready
    async with runtime_of(context).sessionmaker() as session:
        found = await questions.stats(session, since=utcnow() - dt.timedelta(days=days), days=days)
    share = f"{100 * found.answered / found.total:.0f}%" if found.total else "n/a"
    lines: list[Html | str] = [
        bold(f"Last {days} days"),
        f"Questions: {found.total} (answered: {share}); inline queries: {found.inline_queries}",
        f"Subscribed chats: {found.subscribers}",
    ]
    if found.per_day:
        lines.append(bold("Per day (asked / answered):"))
        lines.extend(f"• {day}: {asked} / {ok}" for day, asked, ok in found.per_day[-14:])
    if found.top_topics:
        lines.append(bold("Top topics:"))
        lines.extend(f"• {topic}: {count}" for topic, count in found.top_topics)
    await _say(update, context, engine, *lines)


# ----- privacy ---------------------------------------------------------------------------


PRIVACY = (
    "What I store and why:",
    "• Questions you ask (the text, what I understood, whether I could answer, when) — "
    "without your user id or name — so editors see what is missing. Deleted after {days} days.",
    "• If you /subscribe: this chat's id, what it follows, and the change notices for it "
    "(each deleted {notice_days} days after the change, once sent or given up). "
    "/unsubscribe deletes all of it at once, queued notices included, and nothing more is "
    "sent; so does the first notice Telegram refuses because the bot was blocked or removed.",
    "• Editors' changes to facts, with the editor's id, for accountability.",
    "Nothing else: no profiles, no message history, nothing shared.",
)


def privacy_line(line: str, question_days: int) -> Html | str:
    if "{" not in line:
        return line
    return fmt(line, days=question_days, notice_days=notices.FINISHED_NOTICES_KEEP.days)


async def privacy(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    engine = await engine_or_apology(update, context)
    if engine is None:
        return
    days = runtime_of(context).settings.question_log_days
    lines = [privacy_line(line, days) for line in PRIVACY]
    await _say(update, context, engine, *cast(list[Html | str], lines))
