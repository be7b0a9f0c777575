"""Settings from the environment or ``.env`` (pydantic-settings); nothing is read at import."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from db.session import DEFAULT_DATABASE_URL

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_API_BASE_FILE_URL = "https://api.telegram.org/file/bot"


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
    # Reach (docs/reach.md): how long Telegram may cache inline results, so a
    # correction reaches inline users within seconds.
    inline_cache_seconds: int = Field(default=5, ge=0, le=86_400)
    # Questions are logged without user ids and deleted after this many days.
    question_log_days: int = Field(default=90, ge=1, le=3_650)
    # Per user, per replica: more messages than this in the window are ignored.
    flood_max_messages: int = Field(default=20, ge=1)
    flood_window_seconds: float = Field(default=60.0, gt=0)

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

    def token(self) -> str:
        """The bot token, or a SettingsError when running the bot needs one."""
        if self.telegram_bot_token is None or not self.telegram_bot_token.get_secret_value():
            raise SettingsError(
                "TELEGRAM_BOT_TOKEN is not set: get one from @BotFather and put it in .env"
            )
        return self.telegram_bot_token.get_secret_value().strip()


def load_settings() -> Settings:
    """Read the settings, turning pydantic's report into one clear line."""
    try:
        return Settings()
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "settings"
        raise SettingsError(f"{name}: {first['msg']}") from None
