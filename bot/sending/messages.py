"""The one place that builds every outgoing text.

Every message the bot sends is made here: the body (already ``Html``), then the
caveat of each article it cites, else the default article's, else the one kept
in code for when the database is down. Long bodies are split to fit Telegram's
4,096-character limit, counted as Telegram counts it (UTF-16 code units of the
text after entity parsing), on line boundaries, else word boundaries, never
inside a tag or an entity; every part carries the caveat, since each is a
message of its own (forwarded, quoted or read alone).
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from bot.i18n import DEFAULT_LANGUAGE, N_, Language, translator
from bot.markup import Html, escape, fmt, link

# Kept in code so that even "the database is down" carries it.
DEFAULT_OUTLET = "HNGN"
DEFAULT_CAVEAT = "HNGN cannot independently verify the claims."
TELEGRAM_MAX_LENGTH = 4096

_TOKEN = re.compile(r"(<[^>]*>|&[#a-zA-Z0-9]+;)")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9-]+)")


def telegram_length(fragment: str) -> int:
    """Characters as Telegram counts them: UTF-16 units of the text after parsing."""
    text = _html.unescape(
        _TOKEN.sub(lambda m: "" if m.group(0).startswith("<") else m.group(0), fragment)
    )
    return len(text.encode("utf-16-le")) // 2


# In another language: the bot's "unverified" and the caveat in that language, then the
# article's own sentence, always, as the outlet wrote it. A stored caveat is translated
# only where the catalogs hold that very sentence (the seed's); any other one is
# introduced as the outlet's words, never paraphrased.
KNOWN_CAVEATS = (N_("HNGN cannot independently verify the claims."),)
TRANSLATED_CAVEAT = N_("Unverified. {caveat}")
ORIGINAL_CAVEAT = N_("The outlet's own words: {caveat}")
UNKNOWN_CAVEAT = N_("Unverified. The outlet's caveat, as it wrote it:")


def caveat_block(caveats: Iterable[tuple[str, str]], language: Language = DEFAULT_LANGUAGE) -> Html:
    """One line per distinct (outlet, caveat) pair, in the order first cited; in another
    language than English, two: the caveat in it, then the article's own sentence."""
    seen: list[tuple[str, str]] = []
    for pair in caveats:
        if pair not in seen:
            seen.append(pair)
    if not seen:
        seen = [(DEFAULT_OUTLET, DEFAULT_CAVEAT)]
    if language == DEFAULT_LANGUAGE:
        lines = [fmt("⚠️ <i>Unverified. {}</i>", caveat) for _outlet, caveat in seen]
        return Html("\n".join(lines))
    _ = translator(language).gettext
    lines = []
    for _outlet, caveat in seen:
        if caveat in KNOWN_CAVEATS:
            lines.append(fmt("⚠️ <i>{}</i>", fmt(_(TRANSLATED_CAVEAT), caveat=_(caveat))))
            lines.append(fmt("<i>{}</i>", fmt(_(ORIGINAL_CAVEAT), caveat=caveat)))
        else:
            lines.append(fmt("⚠️ <i>{}</i>", _(UNKNOWN_CAVEAT)))
            lines.append(fmt("<i>{}</i>", caveat))
    return Html("\n".join(lines))


@lru_cache(maxsize=64)
def _tail(caveats: tuple[tuple[str, str], ...], language: Language) -> tuple[Html, int]:
    """The caveat block and its length as Telegram counts it (the same few, every message)."""
    block = caveat_block(caveats, language)
    return block, telegram_length(block)


def record_link(
    base_url: str | None,
    claim_ids: Sequence[int],
    article_ids: Sequence[int],
    language: Language = DEFAULT_LANGUAGE,
) -> Html | None:
    """The public record of the claims an answer cites (PUBLIC_BASE_URL), else None:
    one claim's page, one report's page, or the whole record."""
    if not base_url or not claim_ids:
        return None
    if len(claim_ids) == 1:
        url = f"{base_url}/claims/{claim_ids[0]}"
    elif len(set(article_ids)) == 1:
        url = f"{base_url}/reports/{article_ids[0]}"
    else:
        url = f"{base_url}/"
    label = translator(language).gettext("The full record, with its history")
    return Html("🔗 " + link(label, url))


def build_messages(
    body: Sequence[str] | str,
    caveats: Iterable[tuple[str, str]] = (),
    *,
    limit: int = TELEGRAM_MAX_LENGTH,
    record: Html | None = None,
    language: Language = DEFAULT_LANGUAGE,
) -> list[str]:
    """Turns a body and its caveats into one or more Telegram-HTML messages.

    ``body`` lines that are not ``Html`` are escaped: plain text can be passed safely.
    ``record`` (``record_link``) ends the body: in the last part, above its caveat.
    ``language``: the caveat's (the article's own sentence is always there too).
    """
    lines = [body] if isinstance(body, str) else list(body)
    if record is not None:
        lines.append(record)
    safe_lines: list[str] = []
    for line in lines:
        safe_lines.extend(escape(line).split("\n"))
    while safe_lines and not safe_lines[-1].strip():
        safe_lines.pop()
    tail, tail_length = _tail(tuple(caveats), language)
    tail_length += 2  # the blank line before it
    if tail_length >= limit:
        raise ValueError("the caveat alone does not fit in a message")
    single = _one_message(safe_lines, tail, limit - tail_length)
    if single is not None:
        return [single]

    parts: list[list[str]] = [[]]
    used = 0
    for line in safe_lines:
        for piece in _split_line(line, limit - tail_length):
            cost = telegram_length(piece) + (1 if parts[-1] else 0)
            if parts[-1] and used + cost > limit - tail_length:
                parts.append([])
                cost = telegram_length(piece)
                used = 0
            parts[-1].append(piece)
            used += cost
    messages = ["\n".join([*part, "", tail]) for part in parts if part]
    return messages or [str(tail)]


def _one_message(safe_lines: list[str], tail: str, room: int) -> str | None:
    """The whole body and its caveat as one message, when it surely fits (else None).

    Most answers fit one message. Tags and entities only get shorter when Telegram parses
    them, so the text as written bounds its length, and when that fits, the line-by-line
    count of ``build_messages`` gives this very message (a test compares the two).
    """
    if not safe_lines:
        return None
    whole = "\n".join(safe_lines)
    written = len(whole) if whole.isascii() else len(whole.encode("utf-16-le")) // 2
    return f"{whole}\n\n{tail}" if written <= room else None


# Kept hand-written: PTB has no splitter; this one counts Telegram's UTF-16 units and reopens tags.
def _split_line(line: str, limit: int) -> list[str]:
    """Splits one overlong line at spaces; tags open at a cut are closed and reopened."""
    if telegram_length(line) <= limit:
        return [line]
    tokens = [t for t in _TOKEN.split(line) if t]
    pieces: list[str] = []
    current: list[str] = []
    current_length = 0
    open_tags: list[tuple[str, str]] = []  # (name, the opening tag as written)

    def flush() -> None:
        nonlocal current, current_length
        closing = "".join(f"</{name}>" for name, _ in reversed(open_tags))
        pieces.append("".join(current) + closing)
        current = [tag for _, tag in open_tags]
        current_length = 0

    for token in tokens:
        if token.startswith("<"):
            match = _TAG_NAME.match(token)
            name = match.group(1).lower() if match else ""
            if token.startswith("</"):
                for index in range(len(open_tags) - 1, -1, -1):
                    if open_tags[index][0] == name:
                        del open_tags[index]
                        break
            elif not token.endswith("/>"):
                open_tags.append((name, token))
            current.append(token)
            continue
        words = [token] if token.startswith("&") else re.split(r"(?<= )", token)
        for word in words:
            while word:
                room = limit - current_length
                length = telegram_length(word)
                if length <= room:
                    current.append(word)
                    current_length += length
                    word = ""
                elif current_length > 0 and length <= limit:
                    flush()
                else:
                    # A single word longer than a whole message: cut it by characters,
                    # keeping surrogate pairs together.
                    cut = _prefix_within(word, max(room, 1))
                    current.append(word[:cut])
                    current_length += telegram_length(word[:cut])
                    word = word[cut:]
                    flush()
    if any(not t.startswith("<") for t in current):
        pieces.append("".join(current) + "".join(f"</{n}>" for n, _ in reversed(open_tags)))
    return [piece for piece in pieces if telegram_length(piece) > 0 or not piece]


def _prefix_within(word: str, limit: int) -> int:
    total = 0
    for index, char in enumerate(word):
        total += 2 if ord(char) > 0xFFFF else 1
        if total > limit:
            return max(index, 1)
    return len(word)


TELEGRAM_POPUP_MAX_LENGTH = 200


def build_popup(text: str, language: Language = DEFAULT_LANGUAGE) -> str:
    """A callback-query pop-up (plain text, at most 200 characters), with the caveat too:
    in another language than English, translated and then as the outlet wrote it."""
    tail = f" ⚠️ {DEFAULT_CAVEAT}"
    if language != DEFAULT_LANGUAGE:
        translated = translator(language).gettext(DEFAULT_CAVEAT)
        tail = f" ⚠️ {translated} ({DEFAULT_CAVEAT})"
    room = TELEGRAM_POPUP_MAX_LENGTH - len(tail)
    body = text if len(text) <= room else text[: room - 1] + "…"
    return body + tail
