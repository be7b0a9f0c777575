"""Production pieces in process: settings, retry rules, update claims, migrations,
the error handler, start-up waiting and the webhook server's health route."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
from typing import Any

import httpx
import pytest
from aiohttp.test_utils import TestClient, TestServer
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, update
from telegram import Bot, Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application

import bot.sending.retry as delivery
from bot.app import attach_runtime, register_handlers
from bot.botdata import CONTEXT_TYPES
from bot.config import Settings, SettingsError
from bot.handlers import user
from bot.runtime import Runtime
from bot.startup import describe_error, wait_for_database
from bot.webhook import SECRET_HEADER, WebhookServer
from db.migrate import downgrade, upgrade
from db.models import Base, ProcessedUpdate
from db.processed import Claim, claim_update, finish_update, prune_processed
from db.session import create_engine
from testkit.fakes.recording_request import RecordingRequest, make_message_update
from testkit.settings import make_settings

# PTB 22's RetryAfter warns about its own retry_after type whenever one is built.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")

# -- settings -------------------------------------------------------------------------


def test_webhook_settings_are_optional_and_validated(sqlite_url: str) -> None:
    plain = make_settings(sqlite_url)
    assert not plain.webhook_mode
    assert (plain.webhook_host, plain.webhook_port) == ("0.0.0.0", 8080)
    assert make_settings(sqlite_url, webhook_url="  ").webhook_url is None

    hook = make_settings(
        sqlite_url, webhook_url="https://bot.example.org/tg/hook", webhook_secret="a-Z_09"
    )
    assert hook.webhook_mode
    assert hook.webhook_path() == "/tg/hook"
    assert hook.secret() == "a-Z_09"
    assert make_settings(sqlite_url, webhook_url="https://x.org").webhook_path() == "/"
    with pytest.raises(SettingsError, match="WEBHOOK_SECRET"):
        make_settings(sqlite_url, webhook_url="https://bot.example.org/hook").secret()


@pytest.mark.parametrize(
    "secret",
    ["has space", "semi;colon", "x" * 257, "ünï", "<b>", "' OR 1=1 --", "new\nline"],
)
def test_bad_webhook_secrets_are_refused(sqlite_url: str, secret: str) -> None:
    with pytest.raises(ValueError, match="1 to 256 characters"):
        make_settings(sqlite_url, webhook_secret=secret)


@pytest.mark.parametrize("url", ["bot.example.org/hook", "ftp://x.org/h", "https://", "/hook"])
def test_bad_webhook_urls_are_refused(sqlite_url: str, url: str) -> None:
    with pytest.raises(ValueError, match="full URL"):
        make_settings(sqlite_url, webhook_url=url)


def test_longest_secret_is_accepted(sqlite_url: str) -> None:
    assert len(make_settings(sqlite_url, webhook_secret="A" * 256).secret()) == 256


# -- delivery: which failures are retried -----------------------------------------


def _raised_from(error: Exception, cause: BaseException) -> Exception:
    try:
        raise error from cause
    except Exception as raised:
        return raised


def test_retry_only_when_telegram_surely_did_not_act() -> None:
    request = httpx.Request("POST", "http://x")
    assert delivery.surely_not_sent(RetryAfter(dt.timedelta(seconds=3)))
    assert delivery.surely_not_sent(NetworkError("Bad Gateway"))  # an error response
    assert delivery.surely_not_sent(
        _raised_from(NetworkError("x"), httpx.ConnectError("refused", request=request))
    )
    assert delivery.surely_not_sent(
        _raised_from(TimedOut(), httpx.ConnectTimeout("slow", request=request))
    )
    assert delivery.surely_not_sent(TimedOut("Pool timeout: All connections are occupied"))
    # Sent, then no answer: Telegram may have delivered it. Not retried.
    assert not delivery.surely_not_sent(
        _raised_from(TimedOut(), httpx.ReadTimeout("slow", request=request))
    )
    assert not delivery.surely_not_sent(
        _raised_from(NetworkError("x"), httpx.RemoteProtocolError("reset", request=request))
    )
    assert not delivery.surely_not_sent(BadRequest("Message is too long"))
    assert not delivery.surely_not_sent(Forbidden("bot was blocked by the user"))
    assert not delivery.surely_not_sent(ValueError("not telegram"))


async def test_a_refused_connection_really_is_classified_as_not_sent() -> None:
    bot = Bot("123:ABC", base_url="http://127.0.0.1:1/bot")
    with pytest.raises(NetworkError) as caught:
        await bot.get_me()
    assert delivery.surely_not_sent(caught.value)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    recorded: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        recorded.append(seconds)

    # A fake clock that the fake sleeps move on: no real waiting.
    monkeypatch.setattr(delivery, "sleep", fake_sleep)
    monkeypatch.setattr(delivery, "clock", lambda: sum(recorded))
    return recorded


def failing(errors: list[Exception]) -> tuple[list[int], Any]:
    attempts: list[int] = []

    async def call() -> str:
        attempts.append(1)
        if errors:
            raise errors.pop(0)
        return "sent"

    return attempts, call


async def test_retries_until_sent_with_backoff(sleeps: list[float]) -> None:
    flood = RetryAfter(dt.timedelta(seconds=2))
    attempts, call = failing([NetworkError("Bad Gateway"), flood, NetworkError("x")])
    assert await delivery.call_with_retry(call) == "sent"
    assert len(attempts) == 4
    assert sleeps[1] == pytest.approx(2.1)  # retry_after is obeyed
    assert 0 < sleeps[0] < sleeps[2]  # exponential backoff


async def test_retries_are_bounded(sleeps: list[float]) -> None:
    attempts, call = failing([NetworkError("Bad Gateway")] * 10)
    with pytest.raises(NetworkError):
        await delivery.call_with_retry(call)
    assert len(attempts) == delivery.MAX_ATTEMPTS
    assert max(sleeps) <= delivery.MAX_DELAY * 1.2


async def test_ambiguous_and_final_errors_are_not_retried(sleeps: list[float]) -> None:
    read_timeout = _raised_from(
        TimedOut(), httpx.ReadTimeout("slow", request=httpx.Request("POST", "http://x"))
    )
    for error in (read_timeout, BadRequest("bad"), Forbidden("blocked")):
        attempts, call = failing([error])
        with pytest.raises(type(error)):
            await delivery.call_with_retry(call)
        assert len(attempts) == 1
    assert sleeps == []


async def test_an_absurd_flood_wait_is_raised_not_slept(sleeps: list[float]) -> None:
    attempts, call = failing([RetryAfter(dt.timedelta(hours=1))])
    with pytest.raises(RetryAfter):
        await delivery.call_with_retry(call)
    assert (len(attempts), sleeps) == (1, [])


# -- processed updates ----------------------------------------------------------------


async def test_an_update_is_claimed_once(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        assert await claim_update(session, 10) is Claim.CLAIMED
    async with runtime.sessionmaker() as session:
        # Still being processed: another replica must not answer it too.
        assert await claim_update(session, 10) is Claim.BUSY
        await finish_update(session, 10)
        assert await claim_update(session, 10) is Claim.DONE
        assert await claim_update(session, 11) is Claim.CLAIMED


async def test_a_crashed_replicas_update_is_taken_over_after_the_lease(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        assert await claim_update(session, 12) is Claim.CLAIMED  # then the replica "dies"
        assert await claim_update(session, 12) is Claim.BUSY
        # Once the lease has run out, the redelivery is processed again: once.
        assert await claim_update(session, 12, lease=dt.timedelta(0)) is Claim.CLAIMED
        await finish_update(session, 12)
        assert await claim_update(session, 12, lease=dt.timedelta(0)) is Claim.DONE


async def test_concurrent_claims_have_one_winner(runtime: Runtime) -> None:
    async def claim() -> Claim:
        async with runtime.sessionmaker() as session:
            return await claim_update(session, 2**40)

    results = await asyncio.gather(*(claim() for _ in range(6)))
    assert sorted(r.value for r in results) == ["busy"] * 5 + ["claimed"]


async def test_old_claims_are_pruned(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        assert await claim_update(session, 1)
        assert await claim_update(session, 2)
    async with runtime.sessionmaker() as session, session.begin():
        old = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
        await session.execute(
            update(ProcessedUpdate).where(ProcessedUpdate.update_id == 1).values(processed_at=old)
        )
    async with runtime.sessionmaker() as session:
        assert await prune_processed(session) == 1
    async with runtime.sessionmaker() as session:
        assert await claim_update(session, 1)  # forgotten: would be answered again
        assert not await claim_update(session, 2)  # still in its lease


# -- migrations ---------------------------------------------------------------------


async def _schema_diff(url: str) -> list[Any]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:

            def compare(sync_connection: Any) -> list[Any]:
                context = MigrationContext.configure(
                    sync_connection, opts={"compare_type": True, "render_as_batch": True}
                )
                return list(compare_metadata(context, Base.metadata))

            return await connection.run_sync(compare)
    finally:
        await engine.dispose()


async def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            names = await connection.run_sync(lambda c: inspect(c).get_table_names())
    finally:
        await engine.dispose()
    return set(names)


async def test_migrations_up_down_and_match_the_models(database_url: str) -> None:
    # env.py runs its own event loop when given a URL: call it off this one.
    await asyncio.to_thread(upgrade, database_url)
    assert set(Base.metadata.tables) <= await _tables(database_url)
    assert await _schema_diff(database_url) == []
    await asyncio.to_thread(downgrade, database_url, "base")
    assert await _tables(database_url) <= {"alembic_version"}
    await asyncio.to_thread(upgrade, database_url)  # and up again from base
    assert await _schema_diff(database_url) == []


# -- error handler ------------------------------------------------------------------


async def _offline_app(
    runtime: Runtime, settings: Settings
) -> tuple[Application, RecordingRequest]:
    request = RecordingRequest()
    application = (
        Application.builder()
        .token(settings.token())
        .request(request)
        .updater(None)
        .context_types(CONTEXT_TYPES)
    )
    app = application.build()
    app.bot_data.settings = settings
    attach_runtime(app, runtime)
    register_handlers(app)
    await app.initialize()
    return app, request


async def test_unhandled_error_apologises_alerts_and_keeps_serving(
    sqlite_runtime: Runtime,
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = make_settings(sqlite_url, error_chat_id="-100777")
    app, request = await _offline_app(sqlite_runtime, settings)
    token = settings.token()

    def broken(*args: object) -> None:
        raise RuntimeError(f"boom with {token} inside")

    monkeypatch.setattr(user, "_build", broken)
    with caplog.at_level(logging.ERROR):
        await app.process_update(Update.de_json(make_message_update(1, "/quotas"), app.bot))
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1  # logged once
    texts = request.sent_texts()
    assert "something went wrong" in texts[0]
    assert "Bot error: RuntimeError" in texts[1] and token not in texts[1]
    assert all("Unverified" in t for t in texts)  # the caveat rides on every message
    monkeypatch.undo()
    await app.process_update(Update.de_json(make_message_update(2, "/caveat"), app.bot))
    assert len(request.sent_texts()) == 3
    await app.shutdown()


async def test_a_blocked_user_is_not_sent_the_rest(
    sqlite_runtime: Runtime, sqlite_url: str
) -> None:
    app, request = await _offline_app(sqlite_runtime, make_settings(sqlite_url))
    request.fail_next("sendMessage", 403)
    await app.process_update(Update.de_json(make_message_update(1, "/help"), app.bot))
    assert request.sent_texts() == []
    assert [s for s in request.statuses if s != 200] == [403]  # one try, no apology after
    await app.shutdown()


# -- start-up -----------------------------------------------------------------------


def test_start_up_gives_up_cleanly_when_told_to_stop(caplog: pytest.LogCaptureFixture) -> None:
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    url = "postgresql+asyncpg://postgres:pw-not-logged@127.0.0.1:1/nowhere"
    with caplog.at_level(logging.WARNING):
        assert not wait_for_database(url, stop)
    lines = [r.getMessage() for r in caplog.records]
    assert lines and all("not reachable" in line for line in lines)
    assert not any("pw-not-logged" in line for line in lines)
    assert all(r.exc_info is None for r in caplog.records)  # no traceback


def test_start_up_gives_up_after_max_wait() -> None:
    url = "postgresql+asyncpg://postgres@127.0.0.1:1/nowhere"
    assert not wait_for_database(url, threading.Event(), max_wait=0)
    assert wait_for_database("sqlite+aiosqlite:///:memory:", threading.Event())


def test_errors_are_described_in_one_line() -> None:
    error = OSError("Connect call failed\nsecond line")
    assert describe_error(error) == "OSError: Connect call failed"


# -- webhook server in process ---------------------------------------------------------


async def test_health_is_503_until_ready_and_when_the_database_is_down(sqlite_url: str) -> None:
    settings = make_settings(
        sqlite_url, webhook_url="https://bot.example.org/hook", webhook_secret="s3cret"
    )
    runtime = Runtime.create(settings)
    await runtime.prepare_store()
    app = (
        Application.builder()
        .token(settings.token())
        .request(RecordingRequest())
        .context_types(CONTEXT_TYPES)
        .build()
    )
    app.bot_data.runtime = runtime
    server = WebhookServer(app, settings)
    async with TestClient(TestServer(server.web_app())) as client:
        assert (await client.get("/healthz")).status == 503  # not ready yet
        response = await client.post("/hook", json={"update_id": 1}, headers={SECRET_HEADER: "x"})
        assert response.status == 403
        response = await client.post(
            "/hook", json={"update_id": 1}, headers={SECRET_HEADER: "s3cret"}
        )
        assert response.status == 503  # right secret, but still starting
        server.ready = True
        assert (await client.get("/healthz")).status == 200
        await runtime.close()
        down = Runtime.create(
            make_settings("postgresql+asyncpg://postgres@127.0.0.1:1/nowhere", webhook_url=None)
        )
        app.bot_data.runtime = down
        assert (await client.get("/healthz")).status == 503
        await down.close()
