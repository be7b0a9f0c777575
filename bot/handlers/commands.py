"""Which bot a command is for: ``/cmd`` and ``/cmd@this_bot`` are ours, ``/cmd@other_bot`` is not.

CommandHandler already ignores other bots' commands in message text; captions and the
catch-all for unknown commands are parsed here, by the same rule.
"""

from __future__ import annotations

from telegram import Message
from telegram.ext import filters


def command_word(text: str) -> str:
    """The leading ``/command[@bot]`` of a text, or "" when it does not start with one."""
    words = text.split(maxsplit=1)
    return words[0] if words and words[0].startswith("/") else ""


def addressed_to(word: str, bot_username: str | None) -> str | None:
    """The command name when ``word`` is for this bot (no @, or our @username), else None."""
    name, at, target = word.removeprefix("/").partition("@")
    if at and target.casefold() != (bot_username or "").casefold():
        return None
    return name.casefold()


class CaptionCommand(filters.MessageFilter):
    """A caption that starts with ``/name`` or ``/name@this_bot`` (a file sent with a command)."""

    def __init__(self, name: str) -> None:
        super().__init__(name=f"CaptionCommand({name})")
        self.command = name.casefold()

    def filter(self, message: Message) -> bool:
        word = command_word(message.caption or "")
        return bool(word) and addressed_to(word, message.get_bot().username) == self.command
