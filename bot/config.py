"""Settings from the environment or ``.env`` (pydantic-settings); nothing is read at import."""

from __future__ import annotations

import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.database_url import check_database_url
from db.session import DEFAULT_DATABASE_URL

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_API_BASE_FILE_URL = "https://api.telegram.org/file/bot"


# What Telegram accepts as secret_token in setWebhook.
WEBHOOK_SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")


class SettingsError(Exception):
    """A missing or malformed setting, described in one line that names it."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = DEFAULT_API_BASE_URL
    telegram_api_base_file_url: str = DEFAULT_API_BASE_FILE_URL
    database_url: str = DEFAULT_DATABASE_URL
    # Comma-separated numeric ids ("123,456"); NoDecode keeps pydantic from expecting JSON.
    admin_user_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    log_level: str = "INFO"
    # Messages a second over all chats; 0 turns the limiter off.
    telegram_max_rate: float = Field(default=30.0, ge=0)
    # HTTP client for the Bot API: aiohttp (fast, bot/http.py) or PTB's default httpx.
    telegram_http_client: Literal["aiohttp", "httpx"] = "aiohttp"
    # Inline mode: how long Telegram may cache inline results, so a
    # correction reaches inline users within seconds.
    inline_cache_seconds: int = Field(default=5, ge=0, le=86_400)
    # Questions are logged without user ids and deleted after this many days.
    question_log_days: int = Field(default=90, ge=1, le=3_650)
    # Per user, per replica: more messages than this in the window are ignored.
    flood_max_messages: int = Field(default=20, ge=1)
    flood_window_seconds: float = Field(default=60.0, gt=0)
    # Inline queries (one a keystroke) have their own, larger allowance in that window.
    flood_inline_max_queries: int = Field(default=60, ge=1)
    # Webhook mode (several replicas behind a load balancer): set WEBHOOK_URL.
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "0.0.0.0"  # all interfaces: a container behind a balancer
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    # Optional: a chat that gets a one-line alert for every unhandled error.
    error_chat_id: int | None = None
    # The public record pages (bot/web): off unless PUBLIC_PORT is set.
    public_port: int | None = Field(default=None, ge=1, le=65535)
    public_host: str = "127.0.0.1"  # this machine only: expose it through a proxy
    # The address readers use, for links (JSON-LD, answers in chat); no trailing slash.
    public_base_url: str | None = None

    @field_validator("telegram_bot_token")
    @classmethod
    def _token(cls, value: SecretStr | None) -> SecretStr | None:
        # Normalised once, here: secret files often end in a newline. The Bot API and
        # the log redaction both use this value, so they always agree.
        if value is None or not value.get_secret_value().strip():
            return None
        return SecretStr(value.get_secret_value().strip())

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        return check_database_url(value)

    @field_validator(
        "webhook_url", "error_chat_id", "public_port", "public_base_url", mode="before"
    )
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("webhook_url")
    @classmethod
    def _webhook_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be a full URL such as https://bot.example.org/telegram")
        return value.strip()

    @field_validator("public_base_url")
    @classmethod
    def _public_base_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be a full URL such as https://record.example.org")
        if parts.query or parts.fragment:
            raise ValueError("must have no query or fragment")
        return value.strip().rstrip("/")

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None
        if not WEBHOOK_SECRET_PATTERN.fullmatch(value.get_secret_value()):
            raise ValueError("must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    @field_validator("admin_user_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            ids = []
            for part in parts:
                if not part.lstrip("-").isdigit():
                    raise ValueError(f"{part!r} is not a numeric Telegram user id")
                ids.append(int(part))
            return frozenset(ids)
        if isinstance(value, int):
            return frozenset({value})
        return value

    @field_validator("telegram_api_base_url", "telegram_api_base_file_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level

    @model_validator(mode="after")
    def _public_port_free(self) -> Settings:
        # In webhook mode the webhook server holds WEBHOOK_PORT: the pages need their own.
        if self.webhook_mode and self.public_port == self.webhook_port:
            raise ValueError("PUBLIC_PORT must differ from WEBHOOK_PORT (the webhook server's)")
        return self

    def token(self) -> str:
        """The bot token, or a SettingsError when running the bot needs one."""
        if self.telegram_bot_token is None:
            raise SettingsError(
                "TELEGRAM_BOT_TOKEN is not set: get one from @BotFather and put it in .env"
            )
        return self.telegram_bot_token.get_secret_value()

    def secrets(self) -> list[str]:
        """What must never appear in a log line or an alert: the token and the webhook
        secret, as they are sent (bot.logs.redact also covers their encoded forms)."""
        return [
            secret.get_secret_value()
            for secret in (self.telegram_bot_token, self.webhook_secret)
            if secret is not None
        ]

    @property
    def webhook_mode(self) -> bool:
        return self.webhook_url is not None

    def webhook_path(self) -> str:
        """The path of WEBHOOK_URL, which the bot's own server listens on."""
        assert self.webhook_url is not None
        return urlsplit(self.webhook_url).path or "/"

    def secret(self) -> str:
        """The webhook secret, or a SettingsError: webhook mode requires one."""
        if self.webhook_secret is None:
            raise SettingsError(
                "WEBHOOK_SECRET is not set: webhook mode needs 1 to 256 characters "
                "of A-Z, a-z, 0-9, _ and -"
            )
        return self.webhook_secret.get_secret_value()


def load_settings() -> Settings:
    """Read the settings, turning pydantic's report into one clear line."""
    try:
        return Settings()
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "settings"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise SettingsError(f"{name}: {message}") from None
