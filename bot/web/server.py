"""The public site: an aiohttp server in the bot's process, reading the same store.

Read-only: every page comes from the current snapshot (``FactStore.current()``: one cheap
revision read, so an edit on any replica shows on the next load) and, for a claim's
history, one query. Responses carry an ETag from the store revision and are revalidated on
every load; the index, claims.json and the chart are rendered once a revision.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot.config import Settings
from bot.runtime import Runtime
from bot.web import pages
from bot.web.chart import ChartCache
from bot.web.history import claim_history
from bot.web.jsonld import all_reviews
from db.retry import retry_read
from db.views import Snapshot

log = logging.getLogger(__name__)

# Nothing runs on these pages: no script (JSON-LD is a data block, not a script), no
# frames, no forms; styles and images from this site only.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
HTML = "text/html"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def etag_for(snapshot: Snapshot) -> str:
    return f"r{snapshot.revision}"


class PublicSite:
    def __init__(self, runtime: Runtime, base_url: str) -> None:
        self.runtime = runtime
        self.base_url = base_url.rstrip("/")
        self.chart = ChartCache()
        # (revision, body) of the pages that list the whole store.
        self._rendered: dict[str, tuple[int, bytes]] = {}

    def web_app(self) -> web.Application:
        app = web.Application(middlewares=[self._headers, self._not_found])
        app.router.add_get("/", self.index)
        app.router.add_get("/claims.json", self.claims_json)
        app.router.add_get("/claims/{claim_id}", self.claim)
        app.router.add_get("/reports/{article_id}", self.report)
        app.router.add_get("/chart.png", self.chart_png)
        app.router.add_get("/style.css", self.style)
        return app

    async def snapshot(self) -> Snapshot:
        return await retry_read(self.runtime.facts.current, what="public page")

    @web.middleware
    async def _headers(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        response = await handler(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @web.middleware
    async def _not_found(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            return await handler(request)
        except web.HTTPNotFound:
            return await self._not_found_page()

    async def _not_found_page(self) -> web.Response:
        snapshot = await self.snapshot()
        return web.Response(status=404, text=pages.not_found_page(snapshot), content_type=HTML)

    def _fresh(self, request: web.Request, snapshot: Snapshot) -> web.Response | None:
        """304 when the reader already has this revision."""
        if request.if_none_match and any(
            tag.value == etag_for(snapshot) for tag in request.if_none_match
        ):
            return self._cached(web.Response(status=304), snapshot)
        return None

    @staticmethod
    def _cached(response: web.Response, snapshot: Snapshot) -> web.Response:
        response.etag = etag_for(snapshot)
        # Stored, but checked with us on every load: a correction shows at once.
        response.headers["Cache-Control"] = "no-cache"
        return response

    async def _whole_store(
        self, request: web.Request, name: str, build: Callable[[Snapshot], bytes], kind: str
    ) -> web.Response:
        snapshot = await self.snapshot()
        fresh = self._fresh(request, snapshot)
        if fresh is not None:
            return fresh
        kept = self._rendered.get(name)
        if kept is None or kept[0] != snapshot.revision:
            # Off the event loop: at 10,000 claims this takes a while (bench/pages.py).
            kept = (snapshot.revision, await asyncio.to_thread(build, snapshot))
            self._rendered[name] = kept
        response = web.Response(body=kept[1], content_type=kind, charset="utf-8")
        return self._cached(response, snapshot)

    async def index(self, request: web.Request) -> web.Response:
        return await self._whole_store(
            request, "index", lambda s: pages.index_page(s).encode(), HTML
        )

    async def claims_json(self, request: web.Request) -> web.Response:
        def build(snapshot: Snapshot) -> bytes:
            reviews = all_reviews(snapshot, self.base_url)
            document = {"revision": snapshot.revision, "claims": reviews}
            return json.dumps(document, ensure_ascii=False).encode()

        return await self._whole_store(request, "claims.json", build, "application/json")

    async def claim(self, request: web.Request) -> web.Response:
        snapshot = await self.snapshot()
        claim_id = _id(request.match_info["claim_id"])
        claim = snapshot.claim(claim_id) if claim_id is not None else None
        if claim is None:
            raise web.HTTPNotFound()
        fresh = self._fresh(request, snapshot)
        if fresh is not None:
            return fresh
        async with self.runtime.sessionmaker() as session:
            history = await claim_history(session, claim.id)
        text = pages.claim_page(snapshot, claim, history, self.base_url)
        return self._cached(web.Response(text=text, content_type=HTML), snapshot)

    async def report(self, request: web.Request) -> web.Response:
        snapshot = await self.snapshot()
        article_id = _id(request.match_info["article_id"])
        text = pages.report_page(snapshot, article_id) if article_id is not None else None
        if text is None:
            raise web.HTTPNotFound()
        fresh = self._fresh(request, snapshot)
        if fresh is not None:
            return fresh
        return self._cached(web.Response(text=text, content_type=HTML), snapshot)

    async def chart_png(self, request: web.Request) -> web.Response:
        snapshot = await self.snapshot()
        fresh = self._fresh(request, snapshot)
        if fresh is not None:
            return fresh
        png = await self.chart.png(snapshot)
        return self._cached(web.Response(body=png, content_type="image/png"), snapshot)

    async def style(self, request: web.Request) -> web.Response:
        del request
        return web.Response(body=pages.stylesheet(), content_type="text/css", charset="utf-8")


def _id(text: str) -> int | None:
    # Digits only, and of a sane length: "1e9", "-1" or a 5,000-digit number are no ids.
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 12 else None


def base_url(settings: Settings) -> str:
    if settings.public_base_url:
        return settings.public_base_url
    return f"http://{settings.public_host}:{settings.public_port}"


async def serve(runtime: Runtime, settings: Settings) -> web.AppRunner:
    """Serves the pages on PUBLIC_HOST:PUBLIC_PORT; returns the runner to clean up."""
    site = PublicSite(runtime, base_url(settings))
    runner = web.AppRunner(site.web_app(), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, settings.public_host, settings.public_port).start()
    log.info("Public pages on %s:%s", settings.public_host, settings.public_port)
    return runner
