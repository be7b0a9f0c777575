"""The token, normalised once in the settings, is cut out of every log record and alert
in every form it can take (offline)."""

from __future__ import annotations

import logging
from urllib.parse import quote

import pytest

from bot.logs import REDACTED, RedactingFilter, redact
from bot.markup import plain_text
from testkit.settings import make_settings
from tests.support.harness import Harness, telegram_harness

TOKEN = "987654:AAHsecretKEYpart-0123456789abcdefXYZ"
KEY = TOKEN.split(":")[1]
FORMS = [TOKEN, quote(TOKEN, safe=""), f"bot{TOKEN}", KEY, TOKEN.lower(), KEY.upper()]


@pytest.mark.parametrize("setting", [f"{TOKEN}\n", f"  {TOKEN}\r\n", f"\t{TOKEN} "])
def test_the_token_setting_is_normalised_once(setting: str, sqlite_url: str) -> None:
    settings = make_settings(sqlite_url, telegram_bot_token=setting)
    assert settings.token() == TOKEN
    assert settings.secrets() == [TOKEN]


def test_a_blank_token_is_unset(sqlite_url: str) -> None:
    settings = make_settings(sqlite_url, telegram_bot_token=" \n")
    assert settings.telegram_bot_token is None and settings.secrets() == []


@pytest.mark.parametrize("form", FORMS)
def test_every_form_is_redacted_in_message_args_and_traceback(form: str) -> None:
    settings_token = f"{TOKEN}\n"  # as read from a secret file...
    secrets = make_settings("sqlite+aiosqlite://", telegram_bot_token=settings_token).secrets()
    try:
        raise RuntimeError(f"failed at https://api.example/{form}/getMe")
    except RuntimeError as error:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "url %s", (f"/{form}/x",), (type(error), error, None)
        )
    record.stack_info = f"stack {form}"
    assert RedactingFilter(secrets).filter(record)
    text = logging.Formatter().format(record)
    assert text.casefold().count(REDACTED) == 3, text
    assert KEY.casefold() not in text.casefold()
    assert quote(KEY).casefold() not in text.casefold()


def test_redact_leaves_other_text_alone() -> None:
    assert redact("987654 and AAHsecret are fine", [TOKEN]) == "987654 and AAHsecret are fine"
    assert redact(f"x {TOKEN} y", []) == f"x {TOKEN} y"


async def test_the_error_alert_carries_no_form_of_the_token(sqlite_harness: Harness) -> None:
    runtime = sqlite_harness.runtime
    # Read from a secret file, with its newline, and normalised by the settings.
    settings = make_settings(runtime.settings.database_url, telegram_bot_token=f"{TOKEN}\n")
    async with telegram_harness(
        runtime, telegram_bot_token=settings.telegram_bot_token, error_chat_id=5550001
    ) as harness:
        description = "Bad Request: " + " ".join(FORMS)
        harness.bot_api.fail_next("sendMessage", 400, description=description)
        await harness.send("/caveat", 4004)
        assert len(harness.errors) == 1  # provoked on purpose
        harness.errors.clear()
        [alert] = [c["text"] for c in harness.bot_api.calls_of("sendMessage")
                   if c["chat_id"] == 5550001]  # fmt: skip
    body = plain_text(str(alert))
    assert body.startswith("Bot error: BadRequest: " + " ".join([REDACTED] * 2))
    for form in FORMS:
        assert form.casefold() not in body.casefold(), form
