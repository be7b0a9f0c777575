"""Subscriptions to change notices: /subscribe, /unsubscribe, /subscriptions."""

from __future__ import annotations

from telegram import Chat, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.engine import AnswerEngine
from bot.handlers.common import engine_or_apology, say_lines, services_of
from bot.handlers.languages import language_of
from bot.handlers.user import command_argument
from bot.i18n import DEFAULT_LANGUAGE, Language, Translator, translator
from bot.markup import Html, bold, fmt
from db.kinds import SubscriptionKind
from db.notices import SubscriptionError, TooManySubscriptions, UnsupportedChat, place_key


async def _may_manage(
    update: Update, context: ContextTypes.DEFAULT_TYPE, language: Language = DEFAULT_LANGUAGE
) -> str | None:
    """None when the sender may (un)subscribe this chat, else why not."""
    _ = translator(language).gettext
    chat = update.effective_chat
    message = update.effective_message
    user = update.effective_user
    if chat is None or message is None:
        return _("No chat.")
    if chat.type == ChatType.PRIVATE:
        return None
    if chat.type == ChatType.CHANNEL:
        return _("Subscriptions work in private chats and groups.")
    if message.sender_chat is not None or user is None or user.is_bot:
        # Anonymous admins and channels post as a chat: who they are cannot be checked.
        return _(
            "I cannot check who you are when you post anonymously or as a channel. "
            "Ask a group admin to send the command under their own name."
        )
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError:
        return _("I could not check your admin rights here. Please try again later.")
    if member.status not in (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR):
        return _("Only the group's admins can change its subscriptions.")
    return None


def _resolve_target(
    engine: AnswerEngine, argument: str, tr: Translator | None = None
) -> tuple[SubscriptionKind, str, str] | str:
    """(kind, stored target, label), or a message saying what is wrong."""
    tr = tr or translator()
    _ = tr.gettext
    cleaned = argument.strip()
    if not cleaned or cleaned.casefold() in ("all", "everything"):
        return (SubscriptionKind.ALL, "", _("all changes"))
    number = cleaned.removeprefix("#")
    if number.isascii() and number.isdigit():
        if len(number) > 9 or engine.snapshot.claim(int(number)) is None:
            return _("There is no fact #{number}. /quotas lists the quota ids.").format(
                number=number[:12]
            )
        return (SubscriptionKind.CLAIM, str(int(number)), _("fact #{id}").format(id=int(number)))
    if len(cleaned) > 100:
        return _("That is too long for a place name.")
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
        return _("That matches several places; name one: {places}.").format(
            places=_some(places, tr)
        )
    followable = _some(engine.quota_places(), tr)
    if not followable:
        return _("I don't know that place or fact id. No places can be followed yet.")
    return _(
        "I don't know that place or fact id. {places} can be followed, or a fact id like #1."
    ).format(places=followable)


def _some(names: list[str], tr: Translator, limit: int = 10) -> str:
    """A short list: a large store has thousands of places."""
    separator = tr.gettext(", ")
    if len(names) <= limit:
        return separator.join(names)
    more = len(names) - limit
    return tr.ngettext("{names} and {count} more", "{names} and {count} more", more).format(
        names=separator.join(names[:limit]), count=tr.number(more)
    )


async def _managing(
    update: Update, context: ContextTypes.DEFAULT_TYPE
) -> tuple[AnswerEngine, Chat, Language] | None:
    """The engine, chat and reply language when this user may change the chat's
    subscriptions."""
    chat = update.effective_chat
    engine = await engine_or_apology(update, context)
    if engine is None or chat is None:
        return None
    language = await language_of(update, context)
    refusal = await _may_manage(update, context, language)
    if refusal is not None:
        await say_lines(update, context, engine, refusal, language=language)
        return None
    return engine, chat, language


def _refusal(error: SubscriptionError, tr: Translator) -> str:
    """A refused subscription's one line, in the reply's language."""
    if isinstance(error, TooManySubscriptions):
        return tr.gettext("This chat has too many subscriptions already.")
    if isinstance(error, UnsupportedChat):
        return tr.gettext("Subscriptions work in private chats and groups.")
    return error.message


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    managing = await _managing(update, context)
    if managing is None:
        return
    engine, chat, language = managing
    tr = translator(language)
    _ = tr.gettext
    target = _resolve_target(engine, command_argument(context), tr)
    if isinstance(target, str):
        usage = _("Usage: /subscribe [place or #id]")
        await say_lines(update, context, engine, target, usage, language=language)
        return
    kind, key, label = target
    services = services_of(context)
    try:
        added = await services.subscriptions.subscribe(chat.id, chat.type, kind, key)
    except SubscriptionError as error:
        await say_lines(update, context, engine, _refusal(error, tr), language=language)
        return
    if language != DEFAULT_LANGUAGE and await services.languages.preference(chat.id) is None:
        # The chat's notices come in the language it subscribed in (a private chat's is its
        # user's choice, and /language changes it).
        await services.languages.choose(chat.id, language)
    if added:
        await say_lines(
            update,
            context,
            engine,
            fmt(_("Subscribed to {label}."), label=bold(label)),
            _(
                "When an editor adds, corrects or retracts a fact, you get one short notice. "
                "Stop with /unsubscribe."
            ),
            language=language,
        )
    else:
        already = fmt(_("Already subscribed to {label}."), label=bold(label))
        await say_lines(update, context, engine, already, language=language)


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    managing = await _managing(update, context)
    if managing is None:
        return
    engine, chat, language = managing
    tr = translator(language)
    _ = tr.gettext
    argument = command_argument(context)
    services = services_of(context)
    service = services.subscriptions
    if not argument:
        removed = await service.unsubscribe(chat.id)
        label = _("everything")
        if chat.type != ChatType.PRIVATE:
            # A group's language was kept for its notices only.
            await services.languages.forget(chat.id)
    else:
        target = _resolve_target(engine, argument, tr)
        if isinstance(target, str):
            await say_lines(update, context, engine, target, language=language)
            return
        kind, key, label = target
        removed = await service.unsubscribe(chat.id, kind, key)
    if removed:
        done = _("Unsubscribed from {label}.").format(label=label)
        await say_lines(update, context, engine, done, language=language)
    else:
        none = _("There was no such subscription. /subscriptions")
        await say_lines(update, context, engine, none, language=language)


async def subscriptions(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat = update.effective_chat
    engine = await engine_or_apology(update, context)
    if engine is None or chat is None:
        return
    language = await language_of(update, context)
    _ = translator(language).gettext
    rows = await services_of(context).subscriptions.of_chat(chat.id)
    if not rows:
        none = _("No subscriptions. /subscribe follows every change.")
        await say_lines(update, context, engine, none, language=language)
        return
    lines: list[Html | str] = [bold(_("This chat follows:"))]
    for row in rows:
        if row.kind == SubscriptionKind.ALL:
            lines.append("• " + _("all changes"))
        elif row.kind == SubscriptionKind.CLAIM:
            lines.append(fmt("• {}", _("fact #{id}").format(id=row.target)))
        else:
            lines.append(fmt("• {}", row.target.title()))
    lines.append(_("Stop: /unsubscribe (all) or /unsubscribe <place or #id>."))
    await say_lines(update, context, engine, *lines, language=language)
