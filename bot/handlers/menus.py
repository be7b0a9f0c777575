"""The per-chat command menus: public commands for everyone; editors' and owners'
commands only in their own private chats (from the registry)."""

from __future__ import annotations

import asyncio
import logging

from telegram import BotCommand, BotCommandScopeChat
from telegram.error import TelegramError
from telegram.ext import Application

from bot.botdata import bot_data
from bot.handlers.registry import menu_for
from bot.i18n import DEFAULT_LANGUAGE, Language
from bot.services.outage import DATABASE_DOWN
from db.kinds import Role

log = logging.getLogger(__name__)


class CommandMenus:
    def __init__(self, application: Application) -> None:
        self._application = application

    async def install_public(self) -> None:
        """The public menu: English for everyone, and translated for the users whose
        Telegram app is in another language of the interface (``language_code``)."""
        bot = self._application.bot
        await bot.set_my_commands(_commands(None, DEFAULT_LANGUAGE))
        await asyncio.gather(
            *(
                bot.set_my_commands(_commands(None, language), language_code=language.value)
                for language in Language
                if language != DEFAULT_LANGUAGE
            )
        )

    async def install(self, user_id: int, role: Role | None) -> None:
        """Editor commands appear in the menu of editors' and owners' private chats only,
        described in the editor's stored /language, else in their Telegram app's language
        (one menu per ``language_code``), else English."""
        bot = self._application.bot
        scope = BotCommandScopeChat(user_id)
        others = [language for language in Language if language != DEFAULT_LANGUAGE]
        try:
            if role is None:
                await asyncio.gather(
                    bot.delete_my_commands(scope=scope),
                    *(bot.delete_my_commands(scope=scope, language_code=o.value) for o in others),
                )
                return
            chosen = await self._preference(user_id)
            await asyncio.gather(
                bot.set_my_commands(_commands(role, chosen or DEFAULT_LANGUAGE), scope=scope),
                *(
                    bot.set_my_commands(
                        _commands(role, chosen or other), scope=scope, language_code=other.value
                    )
                    for other in others
                ),
            )
        except TelegramError as error:
            # Someone who never opened a chat with the bot has no chat to scope to yet.
            log.info("Could not set the command menu for %s: %s", user_id, error)

    async def reinstall(self, user_id: int) -> None:
        """After a /language choice: an editor's or owner's menu in the new language."""
        services = bot_data(self._application).services
        if services is None:
            return
        try:
            role = await services.access.role(services.access.actor(user_id))
        except DATABASE_DOWN as error:
            log.warning("Database unavailable reading a role: %s", type(error).__name__)
            return
        if role is not None:
            await self.install(user_id, role)

    async def _preference(self, user_id: int) -> Language | None:
        services = bot_data(self._application).services
        if services is None:
            return None
        try:
            return await services.languages.preference(user_id)
        except DATABASE_DOWN as error:
            log.warning("Database unavailable reading a language: %s", type(error).__name__)
            return None

    async def install_all(self) -> None:
        data = bot_data(self._application)
        owners = data.need_runtime().settings.admin_user_ids
        editor_ids = await data.need_services().editing.editor_ids()
        for owner in sorted(owners):
            await self.install(owner, Role.OWNER)
        for user_id in editor_ids:
            if user_id not in owners:
                await self.install(user_id, Role.EDITOR)


def _commands(role: Role | None, language: Language) -> list[BotCommand]:
    return [BotCommand(name, description) for name, description in menu_for(role, language)]
