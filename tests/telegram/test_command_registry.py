"""One command registry: registration, the per-chat menus and /help come from it."""

from __future__ import annotations

import json
import re
from typing import Any

from telegram.ext import CommandHandler, MessageHandler

from bot.handlers.registry import COMMANDS, help_line, menu_for
from bot.markup import plain_text
from db.kinds import Role
from tests.support.harness import Harness

OWNER = 1001  # in make_settings' ADMIN_USER_IDS

# The menus as they were listed by hand (bot/app.py and bot/handlers/editor.py) before
# the registry, plus /chart (the public record's chart) and /language: exactly these, in order.
PUBLIC_MENU = [
    ("start", "What this bot is and how to ask"),
    ("help", "How to ask, with examples"),
    ("quotas", "All reported quota figures"),
    ("quota", "The quota for one place or country"),
    ("sources", "Who says so"),
    ("caveat", "How far the claims can be trusted"),
    ("article", "The report: title, outlet, original reporting"),
    ("ask", "Ask a question (in groups)"),
    ("subscribe", "Get a notice when a fact changes"),
    ("unsubscribe", "Stop change notices"),
    ("subscriptions", "What this chat follows"),
    ("privacy", "What the bot stores and why"),
    ("chart", "A chart of every reported figure"),
    ("language", "Choose your language"),
]
EDITOR_MENU = [
    ("facts", "Editors: every active fact with its id"),
    ("addquota", "Editors: add a quota figure"),
    ("ingest", "Editors: paste a report in, figure by figure"),
    ("addfact", "Editors: add another claim"),
    ("addarticle", "Editors: add a report"),
    ("edit", "Editors: correct a fact"),
    ("supersede", "Editors: mark a claim superseded by a later one"),
    ("retract", "Editors: withdraw a fact"),
    ("restore", "Editors: bring a retracted fact back"),
    ("translate", "Editors: store a translation of a statement or quote"),
    ("history", "Editors: every change to a fact"),
    ("undo", "Editors: take back your last change"),
    ("articles", "Editors: reports with ids"),
    ("editarticle", "Editors: correct a report"),
    ("editsource", "Editors: correct a source"),
    ("alias", "Editors: teach the bot a word"),
    ("aliases", "Editors: the words taught"),
    ("admins", "Editors: owners and editors"),
    ("unanswered", "Editors: questions the bot could not answer"),
    ("stats", "Editors: questions, answers, subscribers"),
    ("cancel", "Editors: stop a guided dialogue"),
]
OWNER_MENU = [
    ("grant", "Owners: make a user an editor"),
    ("revoke", "Owners: take editing rights away"),
    ("export", "Owners: the whole store as JSON"),
]
HELP_LINE = (
    "Commands: /quotas all figures · /quota <place> one place · /sources who says so · "
    "/caveat how far to trust it · /article the report · /ask <question> (in groups) · "
    "/chart every figure as a chart · /language your language · /help"
)


def _pairs(commands: Any) -> list[tuple[str, str]]:
    listed = json.loads(commands) if isinstance(commands, str) else commands
    return [(c["command"], c["description"]) for c in listed]


def test_menus_are_the_registry_and_unchanged() -> None:
    assert menu_for(None) == PUBLIC_MENU
    assert menu_for(Role.EDITOR) == PUBLIC_MENU + EDITOR_MENU
    assert menu_for(Role.OWNER) == PUBLIC_MENU + EDITOR_MENU + OWNER_MENU


def test_help_line_is_generated_from_the_registry() -> None:
    assert plain_text(help_line()) == HELP_LINE


def test_every_command_is_registered_once_from_the_registry(harness: Harness) -> None:
    registered: list[str] = []
    for handlers in harness.app.handlers.values():
        for handler in handlers:
            if isinstance(handler, CommandHandler):
                registered.extend(sorted(handler.commands))
    names = [c.name for c in COMMANDS if not c.caption]
    assert registered == names
    captions = [c.name for c in COMMANDS if c.caption]
    assert captions == ["import"]
    assert any(
        isinstance(h, MessageHandler) and "import" in repr(h.filters)
        for handlers in harness.app.handlers.values()
        for h in handlers
    )
    assert len(set(names)) == len(names)


async def test_the_menus_sent_at_start_up_come_from_the_registry(harness: Harness) -> None:
    calls = harness.bot_api.calls_of("setMyCommands")
    [public] = [c for c in calls if not c.get("scope") and not c.get("language_code")]
    assert _pairs(public["commands"]) == PUBLIC_MENU
    # The public menu in each other language of the interface, for those Telegram apps.
    translated = {
        c["language_code"]: _pairs(c["commands"])
        for c in calls
        if c.get("language_code") and not c.get("scope")
    }
    assert sorted(translated) == ["ko", "ru", "zh"]
    assert [name for name, _ in translated["ru"]] == [name for name, _ in PUBLIC_MENU]
    assert translated["ru"][0] == ("start", "Что это за бот и как спрашивать")
    assert translated["zh"][-1] == ("language", "选择语言")
    scoped = [c for c in calls if c.get("scope")]
    owner_menus = {
        c.get("language_code"): _pairs(c["commands"])
        for c in scoped
        if json.loads(json.dumps(c["scope"]))["chat_id"] == OWNER
    }
    # The owner's menu: English by default, and in each other language for those apps.
    assert sorted(owner_menus, key=str) == [None, "ko", "ru", "zh"]
    assert owner_menus[None] == PUBLIC_MENU + EDITOR_MENU + OWNER_MENU
    assert [name for name, _ in owner_menus["ru"]] == [name for name, _ in owner_menus[None]]
    assert owner_menus["ru"][0] == ("start", "Что это за бот и как спрашивать")


async def test_an_editors_menu_follows_the_language_they_choose(harness: Harness) -> None:
    before = len(harness.bot_api.calls_of("setMyCommands"))
    await harness.send("/language ko", OWNER)
    menus = {
        c.get("language_code"): _pairs(c["commands"])
        for c in harness.bot_api.calls_of("setMyCommands")[before:]
        if json.loads(json.dumps(c["scope"]))["chat_id"] == OWNER
    }
    # The stored choice wins over the app's language: Korean for every language_code.
    assert sorted(menus, key=str) == [None, "ko", "ru", "zh"]
    assert menus[None] == menus["ko"] == menus["ru"] == menus["zh"]
    everything = PUBLIC_MENU + EDITOR_MENU + OWNER_MENU
    assert [name for name, _ in menus[None]] == [name for name, _ in everything]
    assert all(re.search("[\uac00-\ud7a3]", description) for _, description in menus[None])
    # A reader's choice changes no menu.
    before = len(harness.bot_api.calls_of("setMyCommands"))
    await harness.send("/language ru", 901)
    assert harness.bot_api.calls_of("setMyCommands")[before:] == []


async def test_help_start_and_unknown_commands_end_with_the_registry_line(
    harness: Harness,
) -> None:
    for text in ("/help", "/start", "/nosuchcommand"):
        [out] = await harness.send(text, 901)
        assert HELP_LINE in plain_text(out), text
