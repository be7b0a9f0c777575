"""Parsing of editor commands such as ``/addquota country=Russia amount="62 000"``.

Plain Python with no Telegram import, so it can be tested and reused on its own.

Tokens are split shell-style on whitespace, with quoting. A hand-written tokenizer is used
instead of :mod:`shlex` because Telegram text is not shell text:

* Phones turn ``'`` into ``’``, so an apostrophe inside a word (``don’t``, ``62’000``) must
  stay literal. A quote therefore only *opens* at the start of a token or right after the
  ``=`` of ``key=``, and only *closes* when followed by whitespace or the end of the text.
* Typographic quotes are accepted and close with their own partner (``“…”``, ``„…“``,
  ``«…»``, ``‘…’``; ASCII ``"`` and ``'`` close themselves), so a value can contain the
  other kind: ``text="called it “loyalty money” in reports"``.
* Backslashes are ordinary characters: shell escapes would silently eat them.
* A no-break or thin space between digits (``62 000``) does not split the token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from db.errors import N_, OneLineError, preview
from db.validation import drop_invisible

__all__ = [
    "MAX_TEXT_LEN",
    "ArgumentError",
    "ParsedArgs",
    "parse_arg_string",
    "parse_args",
    "split_arg_string",
    "split_command_text",
]

# Telegram caps a message at 4,096 characters; anything longer did not come from a chat.
MAX_TEXT_LEN = 4096

# Opening quote -> the characters that may close it.
_QUOTE_PAIRS: dict[str, str] = {
    '"': '"',
    "“": "”“",
    "”": "”",
    "„": "“”",
    "‟": "”",
    "«": "»",
    "»": "«",
    "'": "'",
    "‘": "’",
    "’": "’",
    "‚": "‘’",
    "‹": "›",
    "›": "‹",
}

# Spaces that may sit inside a number ("62 000") without ending the token.
_DIGIT_GROUP_SPACES = frozenset("\u00a0\u2007\u2009\u202f")

# "=" and the full-width form CJK keyboards produce.
_EQUALS = "=＝"

_KEY_RE = re.compile(r"[A-Za-z_]{1,32}")
_COMMAND_RE = re.compile(r"\s*/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]{1,64})?(?=\s|$)")


class ArgumentError(OneLineError):
    """A command's text cannot be parsed; ``str(error)`` says why, on one line."""


@dataclass
class _Token:
    """One argument: its text with quotes removed, and whether any of it was quoted."""

    text: str
    quoted: bool
    # Length of the unquoted "key=" prefix, or None when the token is not key=value.
    key_end: int | None


def _check_length(text: str) -> None:
    """Refuse text longer than any Telegram message before doing any work on it."""
    if len(text) > MAX_TEXT_LEN:
        raise ArgumentError(
            N_("the command is too long: {length} characters, the limit is {limit}"),
            length=f"{len(text):,}",
            limit=f"{MAX_TEXT_LEN:,}",
        )


# Kept hand-written, not shlex: Telegram text is not shell text (typographic quotes, ’).
def _tokenize(text: str) -> list[_Token]:
    """Split argument text into tokens; see the module docstring for the rules."""
    _check_length(text)
    tokens: list[_Token] = []
    chars: list[str] = []
    quoted = False
    key_end: int | None = None
    in_token = False
    n = len(text)
    i = 0

    def at_boundary(j: int) -> bool:
        return j >= n or (text[j].isspace() and not _joins_digits(text, j))

    while i < n:
        ch = text[i]
        if at_boundary(i):
            if in_token:
                tokens.append(_Token("".join(chars), quoted, key_end))
                chars, quoted, key_end, in_token = [], False, None, False
            i += 1
            continue
        in_token = True
        opens_here = not chars or (key_end is not None and len(chars) == key_end)
        if ch in _QUOTE_PAIRS and opens_here and not quoted:
            closers = _QUOTE_PAIRS[ch]
            j = i + 1
            while j < n and not (text[j] in closers and at_boundary(j + 1)):
                j += 1
            if j >= n:
                raise ArgumentError(
                    N_(
                        "unbalanced quote in: {value} "
                        "(a closing quote must be followed by a space or the end)"
                    ),
                    value=preview(text[i:], quote=False),
                )
            chars.extend(text[i + 1 : j])
            quoted = True
            i = j + 1
            continue
        if ch in _EQUALS and key_end is None and not quoted:
            chars.append("=")
            key_end = len(chars)
        else:
            chars.append(ch)
        i += 1
    if in_token:
        tokens.append(_Token("".join(chars), quoted, key_end))
    # A token made only of invisible characters is keyboard debris, not an argument.
    return [t for t in tokens if t.quoted or drop_invisible(t.text)]


def _joins_digits(text: str, j: int) -> bool:
    """True for a no-break/thin space grouping digits, as in "62 000"."""
    return (
        text[j] in _DIGIT_GROUP_SPACES
        and 0 < j < len(text) - 1
        and text[j - 1].isascii()
        and text[j - 1].isdigit()
        and text[j + 1].isascii()
        and text[j + 1].isdigit()
    )


def split_arg_string(text: str) -> list[str]:
    """Split argument text (no leading command) into tokens with quotes removed."""
    return [t.text for t in _tokenize(text)]


def _split_command(text: str) -> tuple[str, str]:
    """Separate "/command" or "/command@bot" from the rest of the text."""
    _check_length(text)
    match = _COMMAND_RE.match(text)
    if match is None:
        raise ArgumentError(N_("not a command: {value}"), value=preview(text))
    return match.group(1).lower(), text[match.end() :]


def split_command_text(text: str) -> tuple[str, list[str]]:
    """Return the lower-cased command name (without "@bot") and its argument tokens."""
    command, rest = _split_command(text)
    return command, split_arg_string(rest)


# A free text may be typed inside one pair of quotes: straight or typographic.
_WRAPPING_QUOTES = (('"', '"'), ("“", "”"))


def leading_words(text: str, count: int) -> tuple[str, list[str], str]:
    """The command, its first ``count`` words, and the rest as typed (newlines and quotes
    kept): a free text such as /translate's, which shell-style splitting would mangle.
    The rest loses only surrounding spaces and one pair of quotes around all of it."""
    command, rest = _split_command(text)
    parts = rest.split(maxsplit=count)
    words, remainder = parts[:count], (parts[count] if len(parts) > count else "")
    remainder = remainder.strip()
    for opening, closing in _WRAPPING_QUOTES:
        inner = remainder[1:-1]
        if (
            len(remainder) >= 2
            and remainder.startswith(opening)
            and remainder.endswith(closing)
            and opening not in inner
            and closing not in inner
        ):
            remainder = inner.strip()
            break
    return command, words, remainder


@dataclass
class ParsedArgs:
    """A command's arguments: ``key=value`` options by lower-cased key, the rest in order."""

    positional: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)

    def check_keys(self, allowed: Iterable[str], required: Iterable[str] = ()) -> None:
        """Reject keys not in ``allowed`` and report the first missing ``required`` key."""
        allowed_keys = list(allowed)
        for key in self.options:
            if key not in allowed_keys:
                raise ArgumentError(
                    N_('unknown key "{key}"; the keys are: {keys}'),
                    key=key,
                    keys=", ".join(allowed_keys),
                )
        for key in required:
            if key not in self.options:
                raise ArgumentError(N_('"{key}=" is missing'), key=key)


def parse_arg_string(text: str, *, max_positional: int | None = None) -> ParsedArgs:
    """Parse argument text that has no leading command (e.g. already stripped by the caller)."""
    parsed = ParsedArgs()
    for token in _tokenize(text):
        if token.key_end is None:
            if not token.text:
                raise ArgumentError(N_('an empty argument ("") was given'))
            parsed.positional.append(token.text)
            continue
        raw_key = drop_invisible(token.text[: token.key_end - 1]).strip()
        value = token.text[token.key_end :]
        if not raw_key:
            raise ArgumentError(
                N_('a value without a key: {value} (write key=value, with no spaces around "=")'),
                value=preview(token.text),
            )
        if not _KEY_RE.fullmatch(raw_key):
            raise ArgumentError(
                N_(
                    "not a valid key: {value} (keys are English words like "
                    "amount or place; put values containing = in quotes)"
                ),
                value=preview(raw_key),
            )
        key = raw_key.lower()
        if not value:
            if token.quoted:
                raise ArgumentError(N_('"{key}=" has an empty value'), key=key)
            raise ArgumentError(
                N_('"{key}=" has no value (write {key}=… with no space after =)'), key=key
            )
        if key in parsed.options:
            raise ArgumentError(N_('the key "{key}" is given twice'), key=key)
        parsed.options[key] = value
    if max_positional is not None and len(parsed.positional) > max_positional:
        extra = parsed.positional[max_positional]
        if max_positional == 0:
            raise ArgumentError(
                N_(
                    "unexpected argument {value}: everything must be key=value, "
                    'and values with spaces need quotes, e.g. place="Dalian city"'
                ),
                value=preview(extra),
            )
        raise ArgumentError(
            N_(
                "too many arguments (at most {count} before the key=value ones): "
                "unexpected {value}; values with spaces need quotes"
            ),
            count=max_positional,
            value=preview(extra),
        )
    return parsed


def parse_args(text: str, *, max_positional: int | None = None) -> ParsedArgs:
    """Parse a whole command message such as ``/edit 12 amount=62000`` (command dropped)."""
    _, rest = _split_command(text)
    return parse_arg_string(rest, max_positional=max_positional)
