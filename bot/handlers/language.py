"""/language: the user's language, stored (db/languages.py via the language service).

``/language ru`` (en, ru, zh, ko) stores the choice; ``/language`` alone says which
language applies and why, with a button per language; ``/language reset`` deletes the
stored choice. A button press (``lang:<code>``) stores the choice too.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.botdata import bot_data
from bot.engine import AnswerEngine, Reply
from bot.handlers.common import (
    DATABASE_DOWN,
    engine_or_apology,
    runtime_of,
    send_engine_reply,
    services_of,
)
from bot.handlers.languages import unstored_language
from bot.handlers.user import command_argument
from bot.i18n import Language, parse_language, translator
from bot.markup import Html, bold, fmt
from bot.sending.messages import build_popup
from bot.sending.send import answer_update

CALLBACK_PREFIX = "lang:"
RESET_WORDS = frozenset({"reset", "auto", "off"})


def language_keyboard(current: Language) -> InlineKeyboardMarkup:
    """One button per language, each in its own name; the current one is marked."""
    names = translator(current)
    buttons = [
        InlineKeyboardButton(
            ("✓ " if language == current else "") + names.language_name(language),
            callback_data=f"{CALLBACK_PREFIX}{language.value}",
        )
        for language in Language
    ]
    return InlineKeyboardMarkup([buttons[:2], buttons[2:]])


def chosen_lines(language: Language) -> list[Html]:
    _ = translator(language).gettext
    name = translator(language).language_name(language)
    return [
        fmt(_("I will answer you in {language}."), language=bold(name)),
        fmt("{}", _("/language shows the choices; /language reset forgets yours.")),
    ]


async def _say(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    engine: AnswerEngine,
    lines: list[Html],
    language: Language,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    reply = Reply(intents=["language"])
    reply.lines.extend(lines)
    if markup is None:
        await send_engine_reply(update, context, engine, reply, language)
    else:
        await answer_update(
            update, context, reply, engine.snapshot, markup=markup, language=language
        )


async def language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user = update.effective_user
    engine = await engine_or_apology(update, context)
    if engine is None or user is None:
        return
    service = services_of(context).languages
    argument = command_argument(context).casefold()
    message = update.effective_message
    if user.is_bot or (message is not None and message.sender_chat is not None):
        # Anonymous admins and channels share one placeholder account: nothing to store.
        now = unstored_language(update)
        anonymous = translator(now).gettext(
            "Anonymous admins and channels cannot choose a language: write from your own account."
        )
        await _say(update, context, engine, [fmt("{}", anonymous)], now)
        return
    if argument in RESET_WORDS:
        removed = await service.forget(user.id)
        await _menu_follows(context, user.id)
        now = unstored_language(update)
        _ = translator(now).gettext
        said = (
            _("Your language choice is deleted.")
            if removed
            else _("You had not chosen a language.")
        )
        await _say(update, context, engine, [fmt("{}", said), _automatic_line(now)], now)
        return
    if argument:
        chosen = parse_language(argument)
        if chosen is None:
            current = await service.preference(user.id) or unstored_language(update)
            _ = translator(current).gettext
            usage = _("Usage: /language en, ru, zh or ko (or /language reset).")
            await _say(update, context, engine, [fmt("{}", usage)], current)
            return
        await service.choose(user.id, chosen)
        await _menu_follows(context, user.id)
        await _say(update, context, engine, chosen_lines(chosen), chosen)
        return
    stored = await service.preference(user.id)
    current = stored or unstored_language(update)
    _ = translator(current).gettext
    name = bold(translator(current).language_name(current))
    lines = [
        fmt(_("I answer you in {language}, as you chose."), language=name)
        if stored is not None
        else _automatic_line(current),
        fmt("{}", _("Choose a language:")),
    ]
    await _say(update, context, engine, lines, current, markup=language_keyboard(current))


def _automatic_line(language: Language) -> Html:
    _ = translator(language).gettext
    name = bold(translator(language).language_name(language))
    return fmt(
        _(
            "I answer you in {language}: the language of your message, "
            "else your Telegram app's, else English."
        ),
        language=name,
    )


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A language button: stores the choice and says so in the chosen language."""
    query = update.callback_query
    if query is None:
        return
    chosen = parse_language((query.data or "").removeprefix(CALLBACK_PREFIX))
    if chosen is None:
        now = unstored_language(update)
        stale = translator(now).gettext("This button is out of date. Please ask me again in words.")
        await query.answer(build_popup(stale, now))
        return
    try:
        engine = await runtime_of(context).answer_engine()
        await services_of(context).languages.choose(query.from_user.id, chosen)
    except DATABASE_DOWN:
        _ = translator(chosen).gettext
        await query.answer(
            build_popup(_("The fact store is temporarily unavailable. Try again shortly."), chosen)
        )
        return
    await query.answer()
    await _menu_follows(context, query.from_user.id)
    await _say(update, context, engine, chosen_lines(chosen), chosen)


async def _menu_follows(context: ContextTypes.DEFAULT_TYPE, user_id: int) -> None:
    """An editor's command menu is described in the language they just chose."""
    menus = bot_data(context).menus
    if menus is not None:
        await menus.reinstall(user_id)
