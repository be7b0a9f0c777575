"""The public record: read-only pages, ClaimReview JSON-LD and the chart, served from the
bot's own process and store when PUBLIC_PORT is set (docs/deploying.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiohttp import web

    from bot.config import Settings
    from bot.runtime import Runtime


async def start_public_site(runtime: Runtime, settings: Settings) -> web.AppRunner | None:
    """Serves the pages when PUBLIC_PORT is set; returns the runner to clean up.

    The server and its templates (Jinja2) are imported only then: start-up time and
    memory stay the same for a bot without pages."""
    if settings.public_port is None:
        return None
    from bot.web.server import serve

    return await serve(runtime, settings)
