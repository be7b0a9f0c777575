"""Editors' view of what people ask: /unanswered and /stats (gated in the registry)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.botdata import bot_data
from bot.engine import AnswerEngine
from bot.engine.wording import _, ngettext
from bot.handlers.common import engine_or_apology, runtime_of, say_lines, services_of
from bot.handlers.user import command_argument
from bot.markup import Html, bold, fmt, italic
from db.editing import Actor

DEFAULT_DAYS = 30


def _days(context: ContextTypes.DEFAULT_TYPE, keep: int) -> int | None:
    argument = command_argument(context)
    if not argument:
        return min(DEFAULT_DAYS, keep)
    if not (argument.isascii() and argument.isdigit()) or len(argument) > 5:
        return None
    days = int(argument)
    return days if 1 <= days <= keep else None


async def _preamble(
    update: Update, context: ContextTypes.DEFAULT_TYPE, usage: str
) -> tuple[AnswerEngine, int] | None:
    """The engine and the days asked for (the log flushed first), or None once told why not."""
    engine = await engine_or_apology(update, context)
    if engine is None:
        return None
    keep = runtime_of(context).settings.question_log_days
    days = _days(context, keep)
    if days is None:
        line = _("Usage: {command} [days], days from 1 to {keep}.").format(command=usage, keep=keep)
        await say_lines(update, context, engine, line)
        return None
    logger = bot_data(context).question_log
    if logger is not None:
        await logger.flush()  # include what was asked a moment ago
    return engine, days


async def unanswered(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    ready = await _preamble(update, context, "/unanswered")
    if ready is None:
        return
    engine, days = ready
    groups = await services_of(context).questions.unanswered(days)
    if not groups:
        none = ngettext(
            "No unanswered questions in the last {days} days.",
            "No unanswered questions in the last {days} days.",
            days,
        )
        await say_lines(update, context, engine, none.format(days=days))
        return
    heading = ngettext(
        "Questions I could not answer, last {days} days (most asked first):",
        "Questions I could not answer, last {days} days (most asked first):",
        days,
    )
    lines: list[Html | str] = [bold(heading.format(days=days))]
    for group in groups:
        lines.append(fmt("• {}× {}", group.count, italic(group.example[:200])))
    lines.append(_("Add the missing facts, or aliases for the words people use."))
    await say_lines(update, context, engine, *lines)


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE, actor: Actor) -> None:
    ready = await _preamble(update, context, "/stats")
    if ready is None:
        return
    engine, days = ready
    found = await services_of(context).questions.stats(days)
    share = f"{100 * found.answered / found.total:.0f}%" if found.total else _("n/a")
    questions = _("Questions: {total} (answered: {share}); inline queries: {inline}")
    lines: list[Html | str] = [
        bold(ngettext("Last {days} days", "Last {days} days", days).format(days=days)),
        questions.format(total=found.total, share=share, inline=found.inline_queries),
        _("Subscribed chats: {count}").format(count=found.subscribers),
    ]
    if found.per_day:
        lines.append(bold(_("Per day (asked / answered):")))
        lines.extend(f"• {day}: {asked} / {ok}" for day, asked, ok in found.per_day[-14:])
    if found.top_topics:
        lines.append(bold(_("Top topics:")))
        lines.extend(f"• {topic}: {count}" for topic, count in found.top_topics)
    await say_lines(update, context, engine, *lines)
