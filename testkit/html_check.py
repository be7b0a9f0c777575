"""A strict check that a text is valid Telegram HTML (what the Bot API would accept)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

ALLOWED_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
    "tg-spoiler", "span", "blockquote", "tg-emoji",
}  # fmt: skip
ALLOWED_ENTITIES = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}> is not allowed")
        if tag == "a" and not any(name == "href" for name, _ in attrs):
            self.problems.append("<a> without href")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> does not close {self.stack[-1:] or 'anything'}")
            return
        self.stack.pop()

    def handle_entityref(self, name: str) -> None:
        if name not in ("lt", "gt", "amp", "quot"):
            self.problems.append(f"entity &{name}; is not supported")


def telegram_html_problems(text: str) -> list[str]:
    # A bare "&" or "<" that is not a tag or an entity is a parse error for Telegram.
    problems = []
    for match in re.finditer(r"&", text):
        if not ALLOWED_ENTITIES.match(text, match.start()):
            problems.append(f"bare & at {match.start()}")
    for match in re.finditer(r"<(?!/?[a-zA-Z][a-zA-Z-]*[\s>/])", text):
        problems.append(f"bare < at {match.start()}")
    checker = _Checker()
    checker.feed(text)
    checker.close()
    problems.extend(checker.problems)
    if checker.stack:
        problems.append(f"unclosed tags {checker.stack}")
    return problems


def assert_telegram_html(text: str) -> None:
    problems = telegram_html_problems(text)
    assert not problems, f"invalid Telegram HTML ({problems}):\n{text}"
