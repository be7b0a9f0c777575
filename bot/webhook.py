"""Webhook mode: a small aiohttp server that checks the secret and feeds the Application.

PTB's own ``run_webhook`` compares the secret with ``!=``, has no health route and
answers 200 before the update is processed. Here, like PTB's customwebhookbot
example (``Application.builder().updater(None)``), we run the server ourselves:

* ``POST <path of WEBHOOK_URL>``: 403 without the right
  ``X-Telegram-Bot-Api-Secret-Token`` (constant-time compare), 400 for a body that
  is not a JSON update; otherwise the update id is claimed in ``processed_updates``
  (a redelivered update is acknowledged and skipped, on any replica), the update
  is processed, and only then 200 is returned.
* ``GET /healthz``: 200 when ready and the database answers, else 503.

SIGTERM/SIGINT: stop accepting, let the requests in flight finish, exit 0. The
webhook is not deleted on exit: the other replicas keep serving it.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import signal
import time

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from bot.botdata import bot_data
from bot.config import Settings
from bot.runtime import Runtime
from bot.sending.retry import call_with_retry
from bot.services.updates import UpdateLedger
from db.processed import Claim
from db.retry import TRANSIENT_DB_ERRORS

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
HEALTH_PATH = "/healthz"
HEALTH_DB_TIMEOUT = 3.0
PRUNE_EVERY = 600.0  # seconds between deletions of old processed_updates rows
# Telegram waits for our answer; requests in flight get this long to finish on SIGTERM.
DRAIN_TIMEOUT = 25.0


class WebhookServer:
    def __init__(self, application: Application, settings: Settings) -> None:
        self.application = application
        self.settings = settings
        self._secret = settings.secret().encode()
        self.ready = False
        self._last_prune = 0.0

    @property
    def runtime(self) -> Runtime:
        return bot_data(self.application).need_runtime()

    @property
    def ledger(self) -> UpdateLedger:
        # Built per call: the runtime in bot_data is the one to use (tests swap it).
        return UpdateLedger(self.runtime)

    def web_app(self) -> web.Application:
        app = web.Application()
        app.router.add_post(self.settings.webhook_path(), self.handle_update)
        app.router.add_get(HEALTH_PATH, self.handle_health)
        return app

    def secret_ok(self, request: web.Request) -> bool:
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "surrogateescape")
        return hmac.compare_digest(given, self._secret)

    async def handle_update(self, request: web.Request) -> web.Response:
        if not self.secret_ok(request):
            log.warning("Webhook request with a missing or wrong secret from %s", request.remote)
            return web.Response(status=403, text="forbidden")
        if not self.ready:
            return web.Response(status=503, text="starting or stopping")
        try:
            data = json.loads(await request.read())
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                raise ValueError("not an update")
            update = Update.de_json(data, self.application.bot)
        except (ValueError, TypeError, KeyError) as error:
            log.warning("Webhook body is not a Telegram update: %s", type(error).__name__)
            return web.Response(status=400, text="bad request")
        claim = await self._claim(update.update_id)
        if claim is Claim.DONE:
            log.info("Update %s was already handled; redelivery skipped", update.update_id)
            return web.Response(text="ok")
        if claim is Claim.BUSY:
            # Another replica is on it; if it dies, a later redelivery takes over.
            return web.Response(status=503, text="in progress", headers={"Retry-After": "5"})
        application = self.application
        # Through the update processor, so CONCURRENT_UPDATES-style limits still hold.
        await application.update_processor.process_update(
            update, application.process_update(update)
        )
        await self._finish(update.update_id)
        return web.Response(text="ok")

    async def _claim(self, update_id: int) -> Claim:
        """DONE for a redelivered update. With the database down we cannot tell,
        and answer anyway: the handler then tells the user to try again shortly."""
        try:
            claimed = await self.ledger.claim(update_id)
        except TRANSIENT_DB_ERRORS as error:
            log.warning("Cannot record update %s: %s", update_id, type(error).__name__)
            return Claim.CLAIMED
        await self._maybe_prune()
        return claimed

    async def _finish(self, update_id: int) -> None:
        try:
            await self.ledger.finish(update_id)
        except TRANSIENT_DB_ERRORS as error:
            # Unfinished: a redelivery after the lease would answer again. Rare, and logged.
            log.warning("Cannot mark update %s finished: %s", update_id, type(error).__name__)

    async def _maybe_prune(self) -> None:
        now = time.monotonic()
        if now - self._last_prune < PRUNE_EVERY:
            return
        self._last_prune = now
        try:
            removed = await self.ledger.prune()
        except TRANSIENT_DB_ERRORS as error:
            log.warning("Cannot prune processed updates: %s", type(error).__name__)
            return
        if removed:
            log.info("Pruned %d old processed update ids", removed)

    async def handle_health(self, request: web.Request) -> web.Response:
        del request
        if not self.ready:
            return web.Response(status=503, text="not ready")
        try:
            async with asyncio.timeout(HEALTH_DB_TIMEOUT):
                await self.ledger.ping()
        except TRANSIENT_DB_ERRORS as error:  # TimeoutError is among them
            return web.Response(status=503, text=f"database unreachable ({type(error).__name__})")
        return web.Response(text="ok")


async def run_webhook(settings: Settings, application: Application) -> int:
    """Serve until SIGTERM/SIGINT, then drain and return 0."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    server = WebhookServer(application, settings)
    runner = web.AppRunner(server.web_app(), access_log=None, shutdown_timeout=DRAIN_TIMEOUT)
    await application.initialize()
    try:
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        await runner.setup()
        site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port)
        await site.start()
        server.ready = True
        log.info(
            "Webhook server listening on %s:%s%s",
            settings.webhook_host,
            settings.webhook_port,
            settings.webhook_path(),
        )
        assert settings.webhook_url is not None
        webhook_url = settings.webhook_url
        await call_with_retry(
            lambda: application.bot.set_webhook(
                webhook_url,
                secret_token=settings.secret(),
                allowed_updates=Update.ALL_TYPES,
            ),
            what="setWebhook",
        )
        log.info("Webhook registered; serving updates")
        await stop.wait()
        log.info("Stopping: finishing the updates in flight")
    finally:
        server.ready = False
        # Closes the listening socket, then waits for running handlers.
        await runner.cleanup()
        if application.running:
            await application.stop()
        if application.post_stop is not None:
            with contextlib.suppress(Exception):
                await application.post_stop(application)
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
    log.info("Stopped")
    return 0
