"""Subscriptions to change notices: /subscribe, /unsubscribe, /subscriptions."""

from __future__ import annotations

from telegram import Chat, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.engine import AnswerEngine
from bot.handlers.common import engine_or_apology, say_lines, services_of
from bot.handlers.user import command_argument
from bot.markup import Html, bold, fmt
from db.kinds import SubscriptionKind
from db.notices import SubscriptionError, place_key


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


def _resolve_target(engine: AnswerEngine, argument: str) -> tuple[SubscriptionKind, str, str] | str:
    """(kind, stored target, label), or a message saying what is wrong."""
    cleaned = argument.strip()
    if not cleaned or cleaned.casefold() in ("all", "everything"):
        return (SubscriptionKind.ALL, "", "all changes")
    number = cleaned.removeprefix("#")
    if number.isascii() and number.isdigit():
        if len(number) > 9 or engine.snapshot.claim(int(number)) is None:
            return f"There is no fact #{number[:12]}. /quotas lists the quota ids."
        return (SubscriptionKind.CLAIM, str(int(number)), f"fact #{int(number)}")
    if len(cleaned) > 100:
        return "That is too long for a place name."
    understood = engine.understand(cleaned)
    in_countries = (
        claim.place
        for claim in engine.quota_claims()
        if claim.country in understood.countries and claim.place
    )
    places = [p for p in dict.fromkeys([*understood.places, *in_countries]) if p]
    if len(places) == 1:
        return (SubscriptionKind.PLACE, place_key(places[0]), places[0])
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
        await say_lines(update, context, engine, refusal)
        return None
    return engine, chat


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    managing = await _managing(update, context)
    if managing is None:
        return
    engine, chat = managing
    target = _resolve_target(engine, command_argument(context))
    if isinstance(target, str):
        await say_lines(update, context, engine, target, Html("Usage: /subscribe [place or #id]"))
        return
    kind, key, label = target
    try:
        added = await services_of(context).subscriptions.subscribe(chat.id, chat.type, kind, key)
    except SubscriptionError as error:
        await say_lines(update, context, engine, error.message)
        return
    if added:
        await say_lines(
            update,
            context,
            engine,
            fmt("Subscribed to {}.", bold(label)),
            "When an editor adds, corrects or retracts a fact, you get one short notice. "
            "Stop with /unsubscribe.",
        )
    else:
        await say_lines(update, context, engine, fmt("Already subscribed to {}.", bold(label)))


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    managing = await _managing(update, context)
    if managing is None:
        return
    engine, chat = managing
    argument = command_argument(context)
    service = services_of(context).subscriptions
    if not argument:
        removed = await service.unsubscribe(chat.id)
        label = "everything"
    else:
        target = _resolve_target(engine, argument)
        if isinstance(target, str):
            await say_lines(update, context, engine, target)
            return
        kind, key, label = target
        removed = await service.unsubscribe(chat.id, kind, key)
    if removed:
        await say_lines(update, context, engine, f"Unsubscribed from {label}.")
    else:
        await say_lines(update, context, engine, "There was no such subscription. /subscriptions")


async def subscriptions(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat = update.effective_chat
    engine = await engine_or_apology(update, context)
    if engine is None or chat is None:
        return
    rows = await services_of(context).subscriptions.of_chat(chat.id)
    if not rows:
        await say_lines(
            update, context, engine, "No subscriptions. /subscribe follows every change."
        )
        return
    lines: list[Html | str] = [bold("This chat follows:")]
    for row in rows:
        if row.kind == SubscriptionKind.ALL:
            lines.append("• all changes")
        elif row.kind == SubscriptionKind.CLAIM:
            lines.append(fmt("• fact #{}", row.target))
        else:
            lines.append(fmt("• {}", row.target.title()))
    lines.append("Stop: /unsubscribe (all) or /unsubscribe <place or #id>.")
    await say_lines(update, context, engine, *lines)
