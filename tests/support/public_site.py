"""The public site over HTTP, in process: a real aiohttp server on a free local port."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from bot.runtime import Runtime
from bot.web.server import PublicSite

BASE_URL = "https://record.example.org"
CAVEAT = "HNGN cannot independently verify the claims."
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@asynccontextmanager
async def public_client(runtime: Runtime) -> AsyncIterator[TestClient[Any, Any]]:
    site = PublicSite(runtime, BASE_URL)
    async with TestClient(TestServer(site.web_app())) as client:
        yield client


def json_ld(page: str) -> dict[str, Any]:
    blocks = JSON_LD.findall(page)
    assert len(blocks) == 1
    document = json.loads(blocks[0])
    assert isinstance(document, dict)
    return document
