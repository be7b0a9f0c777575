"""An aiohttp transport for python-telegram-bot (``telegram.request.BaseRequest``).

PTB's default HTTPXRequest spends most of a small bot's CPU in httpx (its
connection pool slows down as concurrency rises); aiohttp answers the same
requests for much less (measured by ``python -m bench.throughput --bot-http httpx``;
figures in the performance docs, not here). The Bot API sees identical requests:
form-urlencoded parameters, or multipart/form-data when files are uploaded.

No proxy support: the bot talks to the Bot API directly.
"""

from __future__ import annotations

import logging
import string
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

log = logging.getLogger(__name__)

_URLENCODED = "application/x-www-form-urlencoded"

# urllib.parse.quote_plus's form of each byte (safe: letters, digits and "_.-~"; a space
# is "+"), looked up in C by map(): urlencode's own per-byte loop in Python was half the
# cost of encoding an answer (12 against 25 µs for 400 characters).
_SAFE = frozenset((string.ascii_letters + string.digits + "_.-~").encode())
_QUOTED = [chr(b) if b in _SAFE else "+" if b == 0x20 else f"%{b:02X}" for b in range(256)]
_quoted = _QUOTED.__getitem__


def form_encoded(parameters: Mapping[str, object]) -> bytes:
    """``urlencode(parameters).encode()``, byte for byte (a test compares them), for
    the text parameters python-telegram-bot builds; anything else goes to urlencode."""
    parts = []
    for name, value in parameters.items():
        if not isinstance(name, str) or not isinstance(value, str):
            return urlencode(parameters).encode()
        parts.append(
            "".join(map(_quoted, name.encode())) + "=" + "".join(map(_quoted, value.encode()))
        )
    return "&".join(parts).encode("ascii")


class AiohttpRequest(BaseRequest):
    """One aiohttp session with its own connection pool; open between initialize and shutdown.

    Timeouts follow HTTPXRequest's meaning: ``connect_timeout`` for opening a
    socket, ``pool_timeout`` for waiting for a free connection, ``read_timeout``
    between bytes of the answer, ``write_timeout`` (``media_write_timeout`` for
    uploads) for sending the request. aiohttp has no separate write timeout, so
    the write budget is folded into an overall limit of write + read + connect + pool.
    """

    __slots__ = (
        "_connect_timeout",
        "_media_write_timeout",
        "_pool_size",
        "_pool_timeout",
        "_read_timeout",
        "_session",
        "_timeouts",
        "_write_timeout",
    )

    def __init__(
        self,
        connection_pool_size: int = 256,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None
        # ClientTimeout objects by their four numbers: built once, not per request.
        self._timeouts: dict[tuple[float | None, ...], aiohttp.ClientTimeout] = {}

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is not None and not self._session.closed:
            return
        connector = aiohttp.TCPConnector(limit=self._pool_size, ttl_dns_cache=300)
        self._session = aiohttp.ClientSession(
            connector=connector,
            headers={"User-Agent": self.USER_AGENT},
            # PTB reads the status itself and maps it to telegram.error classes.
            raise_for_status=False,
            skip_auto_headers=("Accept-Encoding",),
        )

    async def shutdown(self) -> None:
        session, self._session = self._session, None
        if session is None or session.closed:
            log.debug("AiohttpRequest is already shut down")
            return
        await session.close()

    def _timeout(
        self, read: float | None, write: float | None, connect: float | None, pool: float | None
    ) -> aiohttp.ClientTimeout:
        key = (read, write, connect, pool)
        timeout = self._timeouts.get(key)
        if timeout is None:
            parts = (read, write, connect, pool)
            total = None if any(p is None for p in parts) else sum(p or 0.0 for p in parts)
            connect_total = None if connect is None or pool is None else connect + pool
            timeout = aiohttp.ClientTimeout(
                total=total, connect=connect_total, sock_connect=connect, sock_read=read
            )
            if len(self._timeouts) < 64:
                self._timeouts[key] = timeout
        return timeout

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")

        files = request_data.multipart_data if request_data is not None else None
        if isinstance(read_timeout, DefaultValue):
            read_timeout = self._read_timeout
        if isinstance(connect_timeout, DefaultValue):
            connect_timeout = self._connect_timeout
        if isinstance(pool_timeout, DefaultValue):
            pool_timeout = self._pool_timeout
        if isinstance(write_timeout, DefaultValue):
            write_timeout = self._media_write_timeout if files else self._write_timeout

        body: Any = None
        headers: dict[str, str] | None = None
        if request_data is not None and files:
            body = _multipart(request_data, files)
        elif request_data is not None:
            body = form_encoded(request_data.json_parameters)
            headers = {"Content-Type": _URLENCODED}

        timeout = self._timeout(read_timeout, write_timeout, connect_timeout, pool_timeout)
        try:
            async with session.request(
                method, url, data=body, headers=headers, timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:
            # aiohttp's ServerTimeoutError and ConnectionTimeoutError are TimeoutErrors too.
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error


def _multipart(request_data: RequestData, files: dict[str, Any]) -> aiohttp.FormData:
    form = aiohttp.FormData(quote_fields=False)
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mimetype) in files.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form
