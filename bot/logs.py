"""Logging to stderr, with the bot token redacted from every record at every level."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable
from types import TracebackType
from urllib.parse import quote, quote_plus

REDACTED = "<token>"


def secret_forms(secret: str) -> list[str]:
    """Every form in which ``secret`` can appear in a log line, longest first.

    A bot token ``123:ABC`` travels as is (and as ``bot123:ABC`` in API paths), and
    URL-encoded (``123%3AABC``) in query strings and some error texts; its part
    after the colon is the secret itself, so it is cut out wherever it shows."""
    forms = {secret, quote(secret, safe=""), quote_plus(secret)}
    _, colon, key = secret.partition(":")
    if colon and len(key) >= 8:  # a real key is ~35 characters: no false hits
        forms |= {key, quote(key, safe="")}
    return sorted((form for form in forms if form), key=len, reverse=True)


def secrets_pattern(secrets: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for every form of every secret, ignoring case: python-telegram-bot
    re-capitalises error texts ("Bad Request: X" becomes "X" with the rest lower-cased)."""
    forms = sorted(
        {form for secret in secrets if secret for form in secret_forms(secret)},
        key=len,
        reverse=True,
    )
    if not forms:
        return None
    return re.compile("|".join(map(re.escape, forms)), re.IGNORECASE)


def redact(text: str, secrets: Iterable[str]) -> str:
    pattern = secrets_pattern(secrets)
    return pattern.sub(REDACTED, text) if pattern is not None else text


class RedactingFilter(logging.Filter):
    """Replaces secrets in the final message text, exception text and stack.

    httpx logs request URLs (which contain the token) at INFO and
    python-telegram-bot logs the API URL at DEBUG, so the filter sits on the
    handlers, where it sees every record from every logger.
    """

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._pattern = secrets_pattern(secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        if self._pattern is None:
            return True
        message = record.getMessage()
        redacted = self._pattern.sub(REDACTED, message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._pattern.sub(REDACTED, record.exc_text)
        if record.stack_info:
            record.stack_info = self._pattern.sub(REDACTED, record.stack_info)
        if redacted != message:
            record.msg = redacted
            record.args = None
        return True


def _log_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    logging.getLogger("bot").critical("Uncaught error", exc_info=(kind, error, trace))


def configure_logging(level: str = "INFO", secrets: Iterable[str] = ()) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter(secrets))
    root.addHandler(handler)
    root.setLevel(level)
    # An uncaught exception would print its traceback straight to stderr, past the
    # filter: send it through logging, redacted like every record.
    sys.excepthook = _log_uncaught
    # Alembic announces each of its plugins at INFO: noise for whoever runs the bot.
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    # httpx's INFO line per request is noise at our INFO level.
    if logging.getLevelName(level) > logging.DEBUG:
        logging.getLogger("httpx").setLevel(logging.WARNING)
