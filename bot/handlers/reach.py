"""Reach: inline mode, follow-up buttons, flood protection, /privacy.

Subscriptions are in subscriptions.py, /unanswered and /stats in asked.py."""

from __future__ import annotations

import logging
from typing import cast

from telegram import (
    InlineKeyboardMarkup,
    InlineQuery,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.botdata import bot_data
from bot.engine import AnswerEngine, Reply
from bot.engine.wording import speaking
from bot.flood import FloodGuard
from bot.handlers.common import (
    DATABASE_DOWN,
    engine_or_apology,
    runtime_of,
    say_lines,
    services_of,
    unavailable_reply,
)
from bot.handlers.languages import language_of
from bot.i18n import DEFAULT_LANGUAGE, N_, Language, translator
from bot.keyboards import decode, follow_up_markup, label_in
from bot.markup import Html, fmt, plain_text
from bot.questionlog import record_question
from bot.sending.messages import build_popup
from bot.sending.send import answer_update, edit_inline_message, render_one
from db import notices
from db.snapshot import Snapshot

log = logging.getLogger(__name__)

MAX_INLINE_RESULTS = 10
MAX_INLINE_QUERY = 256
DEFAULT_DAYS = 30


def _markup_for(reply: Reply, language: Language) -> InlineKeyboardMarkup | None:
    return follow_up_markup(reply.follow_ups, language)


# ----- flood protection (an early TypeHandler group) ---------------------------------


async def flood_check(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.inline_query is not None:
        await _inline_flood_check(update, context)
        return
    guard = bot_data(context).flood_guard
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
        language = await language_of(update, context)
        _ = translator(language).gettext
        if update.callback_query is not None:
            await update.callback_query.answer(
                build_popup(_("Too many requests: please wait a minute."), language)
            )
        elif update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE:
            reply = Reply(intents=["flood"], answered=False)
            reply.lines.append(
                fmt(
                    "{}",
                    _(
                        "You are sending messages faster than I can answer them well. "
                        "I will read your messages again in a minute."
                    ),
                )
            )
            await answer_update(update, context, reply, None, language=language)
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
    guard = bot_data(context).inline_flood_guard
    query = update.inline_query
    if not isinstance(guard, FloodGuard) or query is None:
        return
    verdict = guard.check(query.from_user.id)
    if verdict == "ok" or await _is_staff(query.from_user.id, context):
        return
    if verdict == "warn":
        language = await language_of(update, context)
        _ = translator(language).gettext
        reply = Reply(intents=["flood"], answered=False)
        reply.lines.append(
            fmt(
                "{}",
                _("You are sending inline queries faster than I can answer them. Wait a minute."),
            )
        )
        # Personal and uncached: other people typing the same words get real answers.
        title = _("Too many queries: please wait a minute")
        await _answer_inline(query, [(title, reply)], None, 0, personal=True, language=language)
    raise ApplicationHandlerStop


async def _is_staff(user_id: int, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Owners and editors are not flood-limited: fixing facts takes many commands
    and button taps. Asked only of users over the limit, so it costs nobody else."""
    try:
        return await services_of(context).access.is_staff(user_id)
    except DATABASE_DOWN:
        return False  # owners were answered without the database


# ----- inline mode --------------------------------------------------------------------


def _first_plain_line(reply: Reply) -> str:
    for line in reply.lines:
        plain = plain_text(line).strip()
        if plain:
            return plain[:100]
    return ""


def _inline_replies(
    engine: AnswerEngine, query: str, language: Language = DEFAULT_LANGUAGE
) -> list[tuple[str, Reply]]:
    """Ranked (title, reply) pairs: the answer first, then its natural follow-ups, composed
    in ``language``."""
    with speaking(translator(language)):
        return _inline_replies_in(engine, query, language)


def _inline_replies_in(
    engine: AnswerEngine, query: str, language: Language
) -> list[tuple[str, Reply]]:
    _ = translator(language).gettext
    if not query:
        return [
            (_("All reported quotas"), engine.quotas()),
            (_("Who says so?"), engine.sources()),
            (_("How far can this be trusted?"), engine.caveat()),
        ]
    main = engine.answer(query)
    if not main.answered:
        covers = Reply(intents=["not_covered"], answered=False)
        covers.lines.extend(main.lines)
        covers.lines.append(engine.covered())
        # The caveats of what it cites, and of the reports the last sentence names.
        covers.article_ids = list(main.article_ids)
        engine.cite_covered(covers)
        covers.follow_ups = [(N_("All quotas"), "all quotas")]
        return [(_("What I can answer"), covers)]
    found = [(_first_plain_line(main) or query, main)]
    for label, question in main.follow_ups:
        if len(found) >= MAX_INLINE_RESULTS:
            break
        extra = engine.answer(question)
        if extra.answered and all(r.lines != extra.lines for _title, r in found):
            found.append((label_in(label, language), extra))
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
    language = await language_of(update, context)
    if engine is None:
        title = translator(language).gettext("Temporarily unavailable")
        pairs = [(title, unavailable_reply(language))]
        snapshot = None
    else:
        pairs = _inline_replies(engine, text, language)
        snapshot = engine.snapshot
        if text:
            record_question(context, text, pairs[0][1], via="inline")
    # In the querier's language: Telegram must not serve them to someone else typing the
    # same words (personal); English answers are everyone's, as before.
    personal = language != DEFAULT_LANGUAGE
    await _answer_inline(
        query, pairs, snapshot, settings.inline_cache_seconds, personal=personal, language=language
    )


async def _answer_inline(
    query: InlineQuery,
    pairs: list[tuple[str, Reply]],
    snapshot: Snapshot | None,
    cache_seconds: int,
    *,
    personal: bool,
    language: Language = DEFAULT_LANGUAGE,
) -> None:
    """Answers an inline query with (title, reply) pairs, each rendered with its caveat."""
    revision = snapshot.revision if snapshot is not None else 0
    results = [
        InlineQueryResultArticle(
            id=f"{revision}-{index}",
            title=title[:100],
            description=_first_plain_line(reply) if title != _first_plain_line(reply) else None,
            input_message_content=InputTextMessageContent(
                render_one(reply, snapshot, language),
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            ),
            reply_markup=_markup_for(reply, language),
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
    language = await language_of(update, context)
    _ = translator(language).gettext
    if question is None:
        stale = _("This button is out of date. Please ask me again in words.")
        await query.answer(build_popup(stale, language))
        return
    try:
        engine = await runtime_of(context).answer_engine()
    except DATABASE_DOWN:
        down = _("The fact store is temporarily unavailable. Try again shortly.")
        await query.answer(build_popup(down, language))
        return
    await query.answer()
    with speaking(translator(language)):
        reply = engine.answer(question)
    record_question(context, question, reply, via="button")
    markup = _markup_for(reply, language)
    if query.inline_message_id is not None:
        text = render_one(reply, engine.snapshot, language)
        await edit_inline_message(context, query.inline_message_id, text, markup=markup)
        return
    await answer_update(update, context, reply, engine.snapshot, markup=markup, language=language)


# ----- privacy ---------------------------------------------------------------------------


PRIVACY = (
    N_("What I store and why:"),
    N_(
        "• Questions you ask (the text, what I understood, whether I could answer, when) — "
        "without your user id or name — so editors see what is missing. "
        "Deleted after {days} days."
    ),
    N_(
        "• If you /subscribe: this chat's id, what it follows, and the change notices for it "
        "(each deleted {notice_days} days after the change, once sent or given up). "
        "/unsubscribe deletes all of it at once, queued notices included, and nothing more is "
        "sent; so does the first notice Telegram refuses because the bot was blocked or removed."
    ),
    N_(
        "• A language, if you choose one with /language or /subscribe in a language other "
        "than English: your user id (a group's id, for a group) and that language, so that "
        "answers and notices come in it. /language reset deletes yours; a group's goes when "
        "it follows nothing more; either goes with the first notice Telegram refuses."
    ),
    N_("• Editors' changes to facts, with the editor's id, for accountability."),
    N_("Nothing else: no profiles, no message history, nothing shared."),
)


def privacy_line(
    line: str, question_days: int, language: Language = DEFAULT_LANGUAGE
) -> Html | str:
    translated = translator(language).gettext(line)
    if "{" not in line:
        return translated
    number = translator(language).number
    return fmt(
        translated,
        days=number(question_days),
        notice_days=number(notices.FINISHED_NOTICES_KEEP.days),
    )


async def privacy(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    engine = await engine_or_apology(update, context)
    if engine is None:
        return
    language = await language_of(update, context)
    days = runtime_of(context).settings.question_log_days
    lines = [privacy_line(line, days, language) for line in PRIVACY]
    await say_lines(update, context, engine, *cast(list[Html | str], lines), language=language)
