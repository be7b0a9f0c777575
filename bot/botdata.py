"""What one Application keeps for its handlers: a typed ``bot_data``, not string keys.

The Application is built with ``CONTEXT_TYPES``, so ``context.bot_data`` is a
``BotData``; handlers read it through ``bot_data(context)``.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from telegram.ext import Application, CallbackContext, ContextTypes

if TYPE_CHECKING:
    from aiohttp.web import AppRunner

    from bot.config import Settings
    from bot.flood import FloodGuard
    from bot.markup import Html
    from bot.notify import NoticeSender
    from bot.questionlog import QuestionLogger
    from bot.runtime import Runtime
    from bot.services import Services
    from bot.web.chart import ChartCache
    from db.kinds import Role


class Menus(Protocol):
    """The per-chat command menus (bot/handlers/menus.py)."""

    async def install(self, user_id: int, role: Role | None) -> None: ...

    async def install_all(self) -> None: ...

    async def reinstall(self, user_id: int) -> None: ...


class NotReady(RuntimeError):
    """A resource asked for before ``post_init`` opened it (a programming error)."""


@dataclass
class BotData:
    """Every long-lived object the handlers use; filled by bot/app.py."""

    settings: Settings | None = None
    runtime: Runtime | None = None
    services: Services | None = None
    flood_guard: FloodGuard | None = None
    inline_flood_guard: FloodGuard | None = None
    question_log: QuestionLogger | None = None
    notice_sender: NoticeSender | None = None
    menus: Menus | None = None
    # The commands line of /help, generated from the registry (bot/handlers/registry.py).
    help_line: Html | None = None
    # The same line in each language of the interface (bot/i18n), by language code.
    help_lines: dict[str, Html] = field(default_factory=dict)
    # The public record pages' server (bot/web), when PUBLIC_PORT is set.
    public_site: AppRunner | None = None
    # The start-up warm-up (engine and language analysers), while it runs.
    warm_up: asyncio.Task[None] | None = None
    # /chart's PNG, drawn again only when the store revision changes.
    chart_cache: ChartCache | None = None

    def need_runtime(self) -> Runtime:
        if self.runtime is None:
            raise NotReady("the runtime is not open yet")
        return self.runtime

    def need_services(self) -> Services:
        if self.services is None:
            raise NotReady("the services are not ready yet")
        return self.services


CONTEXT_TYPES = ContextTypes(bot_data=BotData)


def bot_data(
    holder: CallbackContext[Any, Any, Any, Any] | Application[Any, Any, Any, Any, Any, Any],
) -> BotData:
    """The typed ``bot_data`` of an Application built with ``CONTEXT_TYPES``."""
    data = holder.bot_data
    if not isinstance(data, BotData):
        raise TypeError("the Application was not built with bot.botdata.CONTEXT_TYPES")
    return data
