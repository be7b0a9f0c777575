"""The base of every error whose message is shown to a person as it is.

db imports nothing of bot, so it cannot translate: an error keeps its message as an
English template with named fields (``Text``), marked for Babel's extraction with the
local no-op ``N_``; the handler that turns the error into a reply renders it in the
reader's language (``OneLineError.localized``). ``str(error)`` is the English text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping

PREVIEW_LEN = 40  # characters of a person's text quoted back in an error


def N_(message: str) -> str:
    """Marks a text for extraction (babel.cfg); it is translated where it is shown."""
    return message


def _same(message: str) -> str:
    return message


class Text:
    """A message template (English, named ``{fields}``) and its fields; a field may be a
    ``Text`` itself (a usage inside a refusal), rendered in the same language."""

    __slots__ = ("fields", "template")

    def __init__(self, template: str, /, **fields: object) -> None:
        self.template = template
        self.fields: Mapping[str, object] = fields

    def render(self, gettext: Callable[[str], str] = _same) -> str:
        """The text in the language of ``gettext`` (English by default)."""
        # gettext("") is a catalog's header, never a text of ours.
        template = gettext(self.template) if self.template else ""
        if not self.fields:
            return template
        values = {
            name: value.render(gettext) if isinstance(value, Text) else value
            for name, value in self.fields.items()
        }
        return template.format(**values)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Text({self.template!r}, **{dict(self.fields)!r})"


def either(texts: list[Text]) -> Text:
    """ "A or B or C" (at least one), each part translated with the whole."""
    joined = texts[0]
    for text in texts[1:]:
        joined = Text(N_("{first} or {second}"), first=joined, second=text)
    return joined


def _fold(message: str) -> str:
    return " ".join(message.split())


class OneLineError(ValueError):
    """``str(error)`` is one line, fit to show in a chat (whitespace is folded).

    ``OneLineError(N_("There is no fact #{claim_id}."), claim_id=12)``: the template is
    formatted with the fields (never the other way round: a person's text in a field is
    not read as a template); without fields the message is taken as it is."""

    def __init__(self, message: str | Text, /, **fields: object) -> None:
        self.text = message if isinstance(message, Text) else Text(message, **fields)
        super().__init__(_fold(self.text.render()))

    @property
    def message(self) -> str:
        """The human-readable, single-line message."""
        return str(self.args[0])

    def localized(self, gettext: Callable[[str], str]) -> str:
        """The message in the language of ``gettext``, one line."""
        return _fold(self.text.render(gettext))


def preview(value: str, *, quote: bool = True) -> str:
    """A person's text quoted in an error message: one line, visible, not too long."""
    shown = "".join(
        " " if ch.isspace() else ch
        for ch in value
        if unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
    )
    shown = " ".join(shown.split())
    if len(shown) > PREVIEW_LEN:
        shown = shown[: PREVIEW_LEN - 1] + "…"
    return f'"{shown}"' if quote else shown


class ValidationError(OneLineError):
    """A value an editor supplied is unusable; ``str(error)`` says why, on one line."""
