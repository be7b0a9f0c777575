"""PUBLIC_PORT, PUBLIC_HOST and PUBLIC_BASE_URL: off by default, checked at start-up."""

from __future__ import annotations

import pytest

from bot.config import Settings, SettingsError, load_settings
from bot.web.server import base_url


def _settings(**values: object) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


def test_the_pages_are_off_by_default_and_local_when_on() -> None:
    settings = _settings()
    assert settings.public_port is None
    assert settings.public_host == "127.0.0.1"
    assert settings.public_base_url is None
    assert _settings(public_port="").public_port is None
    assert base_url(_settings(public_port="8081")) == "http://127.0.0.1:8081"


def test_the_base_url_is_a_full_url_without_a_trailing_slash() -> None:
    settings = _settings(public_base_url=" https://record.example.org/ ")
    assert settings.public_base_url == "https://record.example.org"
    assert base_url(settings) == "https://record.example.org"
    assert _settings(public_base_url="").public_base_url is None


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("PUBLIC_BASE_URL", "record.example.org", "PUBLIC_BASE_URL: must be a full URL"),
        ("PUBLIC_BASE_URL", "https://r.example.org/?a=1", "PUBLIC_BASE_URL: must have no query"),
        ("PUBLIC_PORT", "70000", "PUBLIC_PORT: Input should be less than or equal to 65535"),
    ],
)
def test_a_malformed_setting_is_one_line_that_names_it(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    monkeypatch.chdir("/")  # no .env here
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert str(raised.value).startswith(message)


def test_the_pages_need_a_port_of_their_own_in_webhook_mode(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir("/")
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/hook")
    monkeypatch.setenv("PUBLIC_PORT", "8080")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert str(raised.value) == (
        "settings: PUBLIC_PORT must differ from WEBHOOK_PORT (the webhook server's)"
    )
    monkeypatch.setenv("PUBLIC_PORT", "8081")
    assert load_settings().public_port == 8081
