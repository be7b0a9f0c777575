"""The question sets (every tests/questions/*.json with questions: fresh_*.json, report*.json)
are well-formed; the scorer reads them.

Only the form is tested here, never the score: today's engine fails many of the questions,
and the score is measured by hand with ``python -m bench.understanding``.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bench.understanding import (
    CLASSES,
    MIN_PER_CLASS,
    MIN_QUESTIONS,
    REPORT_MIN_PER_CLASS,
    REPORT_MIN_QUESTIONS,
    ReplyText,
    check,
    parse_numbers,
    problems,
    says_silent,
    script_shares,
    without_originals,
)

QUESTIONS = Path(__file__).resolve().parents[1] / "questions"
# Files there that are no question set: bench/latin.py's translated questions, without checks.
NOT_SETS = frozenset({"remnants.json"})
FILES = sorted(path for path in QUESTIONS.glob("*.json") if path.name not in NOT_SETS)
CAVEAT_LINE = "⚠️ Unverified. HNGN cannot independently verify the claims."


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_english_set_exists() -> None:
    assert QUESTIONS / "fresh_en.json" in FILES


def test_every_set_file_is_checked() -> None:
    """A new set file is picked up whatever its name (report3.json was not, by a glob)."""
    assert QUESTIONS / "report3.json" in FILES
    for path in QUESTIONS.glob("*.json"):
        assert ("questions" in load(path)) == (path.name not in NOT_SETS), path.name


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_question_file_is_well_formed(path: Path) -> None:
    document = load(path)
    language = document["language"]
    if "documents" in document:
        assert re.fullmatch(rf"report\d+(_{language})?\.json", path.name)
    else:
        assert re.fullmatch(rf"fresh_{language}(_\d+)?\.json", path.name)
    assert problems(document) == []


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_question_file_has_the_required_counts(path: Path) -> None:
    document = load(path)
    language = document["language"]
    questions = document["questions"]
    report_set = "documents" in document
    assert len(questions) >= (REPORT_MIN_QUESTIONS if report_set else MIN_QUESTIONS[language])
    classes = Counter(question["class"] for question in questions)
    assert set(classes) == set(CLASSES)
    assert min(classes.values()) >= (
        REPORT_MIN_PER_CLASS if report_set else MIN_PER_CLASS[language]
    )
    ids = [question["id"] for question in questions]
    assert len(ids) == len(set(ids))


def test_minimums_are_the_agreed_ones() -> None:
    assert MIN_QUESTIONS == {"en": 150, "ru": 60, "zh": 60, "ko": 60}
    assert MIN_PER_CLASS["en"] == 12


def _valid() -> dict[str, Any]:
    return copy.deepcopy(load(QUESTIONS / "fresh_en.json"))


@pytest.mark.parametrize(
    ("break_it", "expected"),
    [
        (lambda d: d["questions"][1].update(id=d["questions"][0]["id"]), "id used twice"),
        (lambda d: d["questions"][0].update(id="ru-001"), "id is not en-NNN"),
        (lambda d: d["questions"][0].update({"class": "trivia"}), "is not a known class"),
        (lambda d: d["questions"][0].pop("why"), "'why' is missing or empty"),
        (lambda d: d["questions"][0].update(question=" "), "'question' is missing or empty"),
        (lambda d: d["questions"][0]["expect"].update(all="62,000"), "'all' is not a list"),
        (lambda d: d["questions"][0]["expect"].update(none=[["62,000", 5]]), "'none' is not a"),
        (lambda d: d["questions"][0]["expect"].update(silent="yes"), "'silent' is not true"),
        (lambda d: d["questions"][0]["expect"].update(scope=1), "'scope' is not true"),
        (lambda d: d["questions"][0]["expect"].update(numbers=[260]), "'numbers' is not a list"),
        (lambda d: d["questions"][0]["expect"].update(numbers=["lots"]), "'numbers' is not a"),
        (lambda d: d["questions"][0]["expect"].update(reply_language="fr"), "reply_language"),
        (lambda d: d["questions"][0]["expect"].update(every=["x"]), "unknown checks"),
        (lambda d: d["questions"][0].update(expect={"reply_language": "en"}), "no check besides"),
        (lambda d: d.update(how=""), "'how' is missing or empty"),
        (lambda d: d.update(questions=d["questions"][:149]), "fewer than 150"),
        (
            lambda d: d.update(questions=[q for q in d["questions"] if q["class"] != "sourcing"]),
            "class sourcing: 0, fewer than 12",
        ),
    ],
)
def test_problems_names_each_defect(break_it: Any, expected: str) -> None:
    document = _valid()
    break_it(document)
    found = problems(document)
    assert any(expected in line for line in found), found


@pytest.mark.parametrize(
    ("ident", "accepted"),
    [
        ("e2-001", True),
        ("e10-001", True),
        ("en-001", True),
        ("r2-001", False),
        ("e2-01", False),
        ("e-001", False),
    ],
)
def test_a_later_set_numbers_its_own_ids(ident: str, accepted: bool) -> None:
    document = _valid()
    document["questions"][0]["id"] = ident
    found = problems(document)
    assert (not any("id is not en-NNN" in line for line in found)) is accepted


def _report_set() -> dict[str, Any]:
    """fresh_en.json cut to 5 questions a class (50), renumbered r2-NNN, with the two keys."""
    document = _valid()
    questions = [
        question
        for name in CLASSES
        for question in [q for q in document["questions"] if q["class"] == name][:5]
    ]
    for number, question in enumerate(questions, start=1):
        question["id"] = f"r2-{number:03d}"
    document.update(
        questions=questions, documents=["testkit/reports/x.json"], numbers=[12000, 1788]
    )
    return document


def test_a_report_set_is_accepted_with_its_keys_and_ids() -> None:
    assert problems(_report_set()) == []


@pytest.mark.parametrize(
    ("break_it", "expected"),
    [
        (lambda d: d.update(documents=[]), "'documents' is not a list of .json paths"),
        (lambda d: d.update(documents="x.json"), "'documents' is not a list of .json paths"),
        (lambda d: d.update(numbers=["12,000"]), "'numbers' (top level) is not a list of numbers"),
        (lambda d: d["questions"][0].update(id="en-001"), "id is not rN-NNN"),
        (lambda d: d.update(questions=d["questions"][:44]), "fewer than 45"),
        (lambda d: d.pop("documents"), "id is not en-NNN"),
    ],
)
def test_problems_names_each_defect_of_a_report_set(break_it: Any, expected: str) -> None:
    document = _report_set()
    break_it(document)
    found = problems(document)
    assert any(expected in line for line in found), found


def test_problems_rejects_an_unknown_language() -> None:
    assert problems({"language": "fr", "questions": []}) == [
        "language 'fr' is not one of en, ru, zh, ko"
    ]


# --- the scorer's checks on hand-written replies (no engine) ----------------------------------


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("62,000 rubles (nearly $730)", "en", [62000, 730]),
        ("62 000 рублей, в 1,55 раза", "ru", [62000, 1.55]),
        ("6.2万卢布，3400元（约470美元）", "zh", [62000, 3400, 470]),
        ("6만 2천 루블, 3,400위안", "ko", [62000, 3400]),
        ("50k, the 8th, March 10 124,000", "en", [50000, 8, 10, 124000]),
        ("unverified [#12] and #3", "en", []),
        # "per person" in Korean is written with a 1: a unit, not a figure; 11인당 is 11.
        ("1인당 62,000 루블, 1 명당", "ko", [62_000.0]),
        ("11인당", "ko", [11.0]),
    ],
)
def test_parse_numbers(text: str, language: str, values: list[float]) -> None:
    assert parse_numbers(text, language) == values


def _question(**expect: Any) -> dict[str, Any]:
    return {"id": "en-001", "class": "covered", "question": "q", "expect": expect}


def test_check_passes_a_right_reply() -> None:
    reply = (
        "Sakhalin: from 62,000 rubles (nearly $730); now about 124,000 rubles, implied by "
        "“doubled”.\n" + CAVEAT_LINE
    )
    assert check(_question(all=["62,000"], none=["3,400"], reply_language="en"), reply) == []


def test_check_names_every_failure() -> None:
    reply = "Dalian: 3,400 yuan. It went to 6,800 yuan in 2026."
    failures = check(_question(all=["62,000"], none=["3,400"], reply_language="en"), reply)
    assert failures == [
        "all: missing '62,000'",
        "none: has '3,400'",
        "invented figure: 2026",
        "implied figure not labelled: 6,800",
        "no caveat ('cannot independently verify')",
    ]


def test_numbers_field_allows_a_derived_figure() -> None:
    reply = "About $260 more — our arithmetic.\n" + CAVEAT_LINE
    assert "invented figure: 260" in check(_question(reply_language="en"), reply)
    assert check(_question(numbers=["260"], reply_language="en"), reply) == []


def test_silent_needs_a_sentence_of_its_own() -> None:
    aside = "Source: a source in China (the report does not say to whom).\n" + CAVEAT_LINE
    assert not says_silent(ReplyText(aside, "en"))
    assert says_silent(ReplyText("The report does not say how many.\n" + CAVEAT_LINE, "en"))


def test_scope_needs_the_coverage_and_no_quota_figure() -> None:
    expect = {"scope": True, "reply_language": "en"}
    good = "I can only answer questions about the reported quotas.\n" + CAVEAT_LINE
    assert check(_question(**expect), good) == []
    shown = "I can only answer questions about it: Sakhalin 62,000 rubles.\n" + CAVEAT_LINE
    assert check(_question(**expect), shown) == ["scope: shows quota figures 62,000"]


def test_a_russian_question_answered_in_english_fails_the_language() -> None:
    expect = {"silent": True, "reply_language": "ru"}
    english = "The report does not say how many workers there are.\n" + CAVEAT_LINE
    failures = check(_question(**expect), english)
    assert "silent: no 'does not say' phrase in ru" in failures
    assert any(failure.startswith("reply_language: Cyrillic is 0%") for failure in failures)
    russian = "В отчёте не указано, сколько там рабочих (Daily NK).\n" + CAVEAT_LINE
    assert check(_question(**expect), russian) == []


def test_script_shares_leave_out_the_caveat_and_names() -> None:
    shares = script_shares(
        "Квота на Сахалине. HNGN cannot independently verify the claims. Daily NK"
    )
    assert shares == {"Cyrillic": 1.0}


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Также: “Now that.” (оригинал, английский) Источник", "Также:   Источник"),
        ("• The higher quotas.（原文，英语） 来源", "•   来源"),
        (
            "Перевод (перевод редакции) — “Now.” (оригинал, английский) x",
            "Перевод (перевод редакции) —   x",
        ),
        ("참고: “Now” (원문, 영어) 출처", "참고:   출처"),
        ("“Quoted” without a mark stays", "“Quoted” without a mark stays"),
        (
            "• Test only: crews work 14-hour days. “We never rest” (оригинал, английский) Источник",
            "•   Источник",
        ),
        (
            "• “이 명령…” (편집부 번역) — “Because of this order…” (원문, 영어) 출처",
            "• “이 명령…” (편집부 번역) —   출처",
        ),
    ],
)
def test_the_reports_own_words_marked_as_original_are_not_counted(text: str, left: str) -> None:
    """The issue requires statements unchanged and marked: not the reply's language."""
    assert without_originals(text) == left


def test_every_reports_caveat_sentence_is_left_out_of_the_language_share() -> None:
    """Each cited report's caveat is shown as the report gave it, so, like HNGN's English
    sentence, it does not count against the reply's language."""
    other = "Example Gazette is a made-up outlet; nothing here is fact."
    hngn = "HNGN cannot independently verify the claims."
    reply = f"Квота: 100 долларов.\n⚠️ Не проверено.\n{other}\n{hngn}"
    assert script_shares(reply)["Cyrillic"] < 0.7
    assert script_shares(reply, [other]) == {"Cyrillic": 1.0}
    spaced = reply.replace("made-up outlet;", "made-up   outlet;")
    assert script_shares(spaced, [other]) == {"Cyrillic": 1.0}


def test_every_reports_outlet_name_is_a_proper_name() -> None:
    """An outlet's name stays in Latin letters in any language, like "Daily NK", so a reply
    naming a stored report's outlet is not judged on it."""
    reply = "Квота — по данным Example Gazette Weekly.\nНе проверено."
    assert script_shares(reply)["Cyrillic"] < 0.7
    assert script_shares(reply, outlets=["Example Gazette Weekly"]) == {"Cyrillic": 1.0}
