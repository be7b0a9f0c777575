"""The understanding bench reads a question file's optional top-level "documents" (import
documents loaded after the seed) and "numbers" (figures they give, so not invented), and
checks the caveat of every report a reply names. A tiny file of our own: the held-out
report sets are never opened here."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from bench.understanding import (
    CLASSES,
    REPORT_MIN_PER_CLASS,
    REPORT_MIN_QUESTIONS,
    Store,
    ask_all,
    check,
    problems,
    score,
    store_of,
    with_articles,
)

CAVEAT = "Testwire has not verified any of this."

TINY_DOCUMENT: dict[str, Any] = {
    "format": "quota-facts-store",
    "version": 1,
    "articles": [
        {
            "id": 7,
            "outlet": "Testwire",
            "title": "A report made up for this test",
            "caveat": CAVEAT,
            "url": None,
            "reporter": None,
            "relies_on": None,
            "published_on": "2021-05-04",
            "is_default": False,
        }
    ],
    "sources": [
        {
            "id": 70,
            "name": "a made-up source",
            "kind": "anonymous",
            "told_to": None,
            "country": "RU",
            "article_id": 7,
            "notes": None,
        }
    ],
    "claims": [
        {
            "id": 700,
            "kind": "quota",
            "topic": "quota",
            "statement": "Workers in Vladivostok must pay 50,000 rubles a month.",
            "quote": None,
            "place": "Vladivostok",
            "country": "RU",
            "sector": "logging",
            "amount": "50000",
            "currency": "RUB",
            "usd_amount": None,
            "usd_is_approx": True,
            "period": "month",
            "basis": "person",
            "change": "none",
            "change_date": None,
            "source_id": 70,
            "article_id": 7,
            "status": "active",
            "retracted_at": None,
            "retraction_reason": None,
            "corrected_at": None,
        }
    ],
}


def question(ident: str, text: str, cls: str = "covered", **expect: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "class": cls,
        "question": text,
        "why": "a test of the scorer's store keys",
        "expect": {"reply_language": "en", **expect},
    }


def question_file(document_path: str, numbers: list[Any]) -> dict[str, Any]:
    count = max(REPORT_MIN_QUESTIONS, REPORT_MIN_PER_CLASS * len(CLASSES))
    questions = [
        question(
            f"r2-{n:03}",
            "vladivostok quota",
            CLASSES[n % len(CLASSES)],
            all=["50,000", "Testwire"],
        )
        for n in range(1, count + 1)
    ]
    return {
        "language": "en",
        "written": "for a test",
        "how": "by hand, for the scorer's own test",
        "documents": [document_path],
        "numbers": numbers,
        "questions": questions,
    }


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    (tmp_path / "tiny.json").write_text(json.dumps(TINY_DOCUMENT), encoding="utf-8")
    path = tmp_path / "report_en.json"
    document = question_file("tiny.json", [50000])
    path.write_text(json.dumps(document), encoding="utf-8")
    return path, document


def test_a_file_with_store_keys_is_well_formed(files: tuple[Path, dict[str, Any]]) -> None:
    _, document = files
    assert problems(document) == []


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("documents", "tiny.json", "'documents' is not a list of .json paths"),
        ("documents", [""], "'documents' is not a list of .json paths"),
        ("numbers", ["twelve"], "'numbers' (top level) is not a list of numbers"),
        ("numbers", [True], "'numbers' (top level) is not a list of numbers"),
        ("numbers", "12000", "'numbers' (top level) is not a list of numbers"),
    ],
)
def test_bad_store_keys_are_reported(
    files: tuple[Path, dict[str, Any]], key: str, value: Any, problem: str
) -> None:
    _, document = files
    assert problems({**document, key: value}) == [problem]


def test_a_small_set_with_documents_has_its_own_minimum(
    files: tuple[Path, dict[str, Any]],
) -> None:
    _, document = files
    short = {**document, "questions": document["questions"][:3]}
    assert f"3 questions, fewer than {REPORT_MIN_QUESTIONS}" in problems(short)
    # Without documents, the full set's minimums apply as before.
    plain = {k: v for k, v in short.items() if k not in ("documents", "numbers")}
    assert "3 questions, fewer than 150" in problems(plain)


def test_documents_are_found_next_to_the_question_file(
    files: tuple[Path, dict[str, Any]],
) -> None:
    path, document = files
    store = store_of(document, path)
    assert store.documents == (path.parent / "tiny.json",)
    assert store.numbers == ("50000",)
    with pytest.raises(FileNotFoundError):
        store_of({**document, "documents": ["missing.json"]}, path)


def test_the_store_holds_the_documents_and_replies_are_scored_with_them(
    files: tuple[Path, dict[str, Any]],
) -> None:
    path, document = files
    store = with_articles(store_of(document, path))
    caveats = store.caveats
    assert caveats == (
        ("HNGN", "HNGN cannot independently verify the claims."),
        ("Testwire", CAVEAT),
    )
    # The document's own date (4 May 2021) is the report's, not an invented figure.
    assert store.numbers == ("50000", "4", "2021")
    [reply] = asyncio.run(ask_all(["vladivostok quota"], store))
    assert "50,000 rubles (RUB)" in reply
    assert "Testwire" in reply
    assert f"⚠️ Unverified. {CAVEAT}" in reply
    [result] = score({"questions": document["questions"][:1]}, [reply], store)
    assert result.failures == []
    # Without the file's "numbers", the report's own figure reads as invented.
    without = Store(numbers=("4", "2021"), caveats=caveats)
    assert check(document["questions"][0], reply, without) == ["invented figure: 50000"]


def test_the_caveat_of_each_report_a_reply_names_is_required() -> None:
    store = Store(caveats=(("HNGN", "HNGN cannot independently verify the claims."),
                           ("Testwire", CAVEAT)))  # fmt: skip
    asked = question("r2-001", "who says so", all=["Testwire"])
    seed_caveat = "⚠️ Unverified. HNGN cannot independently verify the claims."
    named = "Testwire reports it."
    assert check(asked, f"{named}\n\n{seed_caveat}", store) == [
        "no caveat of Testwire, which the reply names"
    ]
    assert check(asked, f"{named}\n\n⚠️ Unverified. {CAVEAT}", store) == []
    assert check(asked, named, store) == ["no caveat (of any report in the store)"]
    # A file without documents keeps the one seed caveat check.
    assert check(asked, f"{named}\n\n⚠️ Unverified. {CAVEAT}") == [
        "no caveat ('cannot independently verify')"
    ]
