"""What /ingest accepts (bot/engine/ingest/intake.py) and what an accepted figure draft
gives /addquota (bot/services/ingest.quota_options), without Telegram or a database."""

from __future__ import annotations

import pytest

from bot.engine.ingest import FigureDraft, SourceDraft
from bot.engine.ingest.intake import (
    MAX_REPORT_BYTES,
    MAX_REPORT_CHARS,
    ReportRefused,
    check_report,
    decode_report,
)
from bot.services.ingest import quota_options

REPORT = "Title\n\nIn Dalian, China, workers pay 3,400 yuan a month."


def test_utf8_text_is_read_and_a_byte_order_mark_dropped() -> None:
    assert decode_report(REPORT.encode()) == REPORT
    assert decode_report(b"\xef\xbb\xbf" + REPORT.encode()) == REPORT


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("В Находке рабочие платят 5000 рублей.".encode("cp1251"),
         "The file is not UTF-8 text (perhaps Windows-1251 or another code page): "
         "save it as UTF-8 and send it again."),
        (b"PNG\x00\x01" * 20, "That is not a text file: send the report as a UTF-8 .txt file."),
        (b" \n\t", "The file is empty: nothing to read."),
        (b"", "The file is empty: nothing to read."),
        (b"a" * (MAX_REPORT_BYTES + 1),
         f"The file is larger than {MAX_REPORT_BYTES:,} bytes: send the report's text only."),
    ],
)  # fmt: skip
def test_odd_files_are_refused_in_one_line(data: bytes, message: str) -> None:
    with pytest.raises(ReportRefused) as refused:
        decode_report(data)
    assert refused.value.message == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x" * (MAX_REPORT_CHARS + 1),
         f"The text is longer than {MAX_REPORT_CHARS:,} characters: paste one report at a time."),
        ("🙂" * 100, "There are no words to read in it: paste the report's text."),
        ("   ", "The text is empty: nothing to read."),
        ("Title\x07 with a bell and 5 rubles in it", "That is not plain text: send the report "
         "as a UTF-8 .txt file."),
    ],
)  # fmt: skip
def test_odd_text_is_refused_in_one_line(text: str, message: str) -> None:
    with pytest.raises(ReportRefused) as refused:
        check_report(text)
    assert refused.value.message == message


def test_an_accepted_figure_gives_addquota_its_fields_and_names_the_rest() -> None:
    draft = FigureDraft(
        fields={"amount": "12,000", "currency": "CNY", "usd": "1,788", "approx": "no",
                "country": "CN", "place": "China", "sector": "trade", "period": "once",
                "basis": "person", "basis_text": "each worker", "change": "unchanged",
                "deadline": "by the end of the month", "text": "Each worker pays.",
                "wages": ""},
        source=SourceDraft("an official", "anonymous", "RFA's Korean Service", "CN"),
        extra={"note": "something the store has no field for"},
    )  # fmt: skip
    options, kept_out = quota_options(draft, 7)
    assert options == {
        "amount": "12,000", "currency": "CNY", "usd": "1,788", "approx": "no", "country": "CN",
        "place": "China", "sector": "trade", "period": "once", "basis": "person",
        "basis_text": "each worker", "change": "unchanged", "deadline": "by the end of the month",
        "text": "Each worker pays.", "source": "an official", "article": "7",
    }  # fmt: skip
    assert kept_out == ["note: something the store has no field for"]
    draft.source = SourceDraft.narration()
    draft.fields["wages"] = "100"
    options, kept_out = quota_options(draft, 7)
    assert "source" not in options and options["article"] == "7"
    assert kept_out == ["wages: 100", "note: something the store has no field for"]
