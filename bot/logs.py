"""Logging to stderr, with the bot token redacted from every record at every level."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

REDACTED = "<token>"


class RedactingFilter(logging.Filter):
    """Replaces secrets in the final message text.

    httpx logs request URLs (which contain the token) at INFO and
    python-telegram-bot logs the API URL at DEBUG, so the filter sits on the
    handlers, where it sees every record from every logger.
    """

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._secrets = [secret for secret in secrets if secret]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        message = record.getMessage()
        redacted = message
        for secret in self._secrets:
            redacted = redacted.replace(secret, REDACTED)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        exc_text = record.exc_text
        if exc_text:
            for secret in self._secrets:
                exc_text = exc_text.replace(secret, REDACTED)
            record.exc_text = exc_text
        if redacted != message:
            record.msg = redacted
            record.args = None
        return True


def configure_logging(level: str = "INFO", secrets: Iterable[str] = ()) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter(secrets))
    root.addHandler(handler)
    root.setLevel(level)
    # Alembic announces each of its plugins at INFO: noise for whoever runs the bot.
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    # httpx's INFO line per request is noise at our INFO level.
    if logging.getLevelName(level) > logging.DEBUG:
        logging.getLogger("httpx").setLevel(logging.WARNING)
