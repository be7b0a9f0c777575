"""What /ingest accepts as a report: UTF-8 text of a sensible size, with words in it.

Each refusal is one line for the editor; nothing is read (or stored) after one.
"""

from __future__ import annotations

import unicodedata

from bot.engine.wording import _

# A long report is some 10,000 characters; a hundred kilobytes is far beyond any.
MAX_REPORT_CHARS = 60_000
MAX_REPORT_BYTES = 120_000
MIN_LETTERS = 20


class ReportRefused(Exception):
    """One line telling the editor why the text was not read."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def decode_report(data: bytes) -> str:
    """A .txt file's bytes as text: UTF-8 only (a byte-order mark is dropped)."""
    if len(data) > MAX_REPORT_BYTES:
        raise ReportRefused(
            _("The file is larger than {limit} bytes: send the report's text only.").format(
                limit=f"{MAX_REPORT_BYTES:,}"
            )
        )
    if not data.strip():
        raise ReportRefused(_("The file is empty: nothing to read."))
    if b"\x00" in data:
        raise ReportRefused(_("That is not a text file: send the report as a UTF-8 .txt file."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReportRefused(
            _(
                "The file is not UTF-8 text (perhaps Windows-1251 or another code page): "
                "save it as UTF-8 and send it again."
            )
        ) from None
    return check_report(text)


def check_report(text: str) -> str:
    """The text, if it can be a report; else ``ReportRefused``."""
    if len(text) > MAX_REPORT_CHARS:
        raise ReportRefused(
            _("The text is longer than {limit} characters: paste one report at a time.").format(
                limit=f"{MAX_REPORT_CHARS:,}"
            )
        )
    controls = sum(
        1 for ch in text if unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\n\r\t"
    )
    if controls:
        raise ReportRefused(_("That is not plain text: send the report as a UTF-8 .txt file."))
    letters = sum(1 for ch in text if ch.isalpha())
    if not text.strip():
        raise ReportRefused(_("The text is empty: nothing to read."))
    if letters < MIN_LETTERS:
        raise ReportRefused(_("There are no words to read in it: paste the report's text."))
    return text
