"""The harness itself: its checks must fail a test, or they protect nothing."""

from __future__ import annotations

import pytest
from telegram import Update
from telegram.ext import CommandHandler, ContextTypes

from bot.runtime import Runtime
from tests.support.harness import CAVEAT, telegram_harness


async def _unchecked_reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, "<b>no caveat here</b>")


async def _broken(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    raise RuntimeError("boom")


async def test_a_reply_without_the_caveat_fails_at_once(sqlite_runtime: Runtime) -> None:
    with pytest.raises(AssertionError, match="no caveat"):
        async with telegram_harness(sqlite_runtime) as harness:
            harness.app.add_handler(CommandHandler("probe", _unchecked_reply), group=-3)
            await harness.send("/probe")


async def test_invalid_html_sent_outside_an_update_fails_at_exit(sqlite_runtime: Runtime) -> None:
    with pytest.raises(AssertionError, match="invalid Telegram HTML"):
        async with telegram_harness(sqlite_runtime) as harness:
            # As a notice would be sent: not in reply to any update.
            await harness.app.bot.send_message(1001, f"<b>unclosed {CAVEAT}")


async def test_a_handler_error_fails_at_exit(sqlite_runtime: Runtime) -> None:
    with pytest.raises(AssertionError, match="handlers raised"):
        async with telegram_harness(sqlite_runtime) as harness:
            harness.app.add_handler(CommandHandler("probe", _broken), group=-3)
            await harness.send("/probe")
