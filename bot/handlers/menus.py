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
from db.kinds import Role

log = logging.getLogger(__name__)


class CommandMenus:
    def __init__(self, application: Application) -> None:
        self._application = application

    async def install_public(self) -> None:
        """The public menu: English for everyone, and translated for the users whose
        Telegram app is in another language of the interface (``language_code``)."""
        bot = self._application.bot
        await bot.set_my_commands([BotCommand(n, d) for n, d in menu_for(None)])
        await asyncio.gather(
            *(
                bot.set_my_commands(
                    [BotCommand(n, d) for n, d in menu_for(None, language)],
                    language_code=language.value,
                )
                for language in Language
                if language != DEFAULT_LANGUAGE
            )
        )

    async def install(self, user_id: int, role: Role | None) -> None:
        """Editor commands appear in the menu of editors' and owners' private chats only."""
        bot = self._application.bot
        scope = BotCommandScopeChat(user_id)
        try:
            if role is None:
                await bot.delete_my_commands(scope=scope)
                return
            commands = [BotCommand(n, d) for n, d in menu_for(role)]
            await bot.set_my_commands(commands, scope=scope)
        except TelegramError as error:
            # Someone who never opened a chat with the bot has no chat to scope to yet.
            log.info("Could not set the command menu for %s: %s", user_id, error)

    async def install_all(self) -> None:
        data = bot_data(self._application)
        owners = data.need_runtime().settings.admin_user_ids
        editor_ids = await data.need_services().editing.editor_ids()
        for owner in sorted(owners):
            await self.install(owner, Role.OWNER)
        for user_id in editor_ids:
            if user_id not in owners:
                await self.install(user_id, Role.EDITOR)
