"""Settings for offline runs: a fake token, one owner, no rate limit, no .env file."""

from __future__ import annotations

from bot.config import Settings


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "telegram_bot_token": "123456:TEST-token-for-offline-tests",
        "database_url": database_url,
        "admin_user_ids": "1001",
        "telegram_max_rate": 0,
        "_env_file": None,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]
