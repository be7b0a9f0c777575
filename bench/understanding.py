"""Understanding bench: a fresh question set through the ``python -m bot ask`` path, strictly.

    .venv/bin/python -m bench.understanding tests/questions/fresh_en.json \\
        [--verbose] [--replies] [--markdown] [--json out.json] [--ids en-001,en-002]
        [--half dev|holdout]

Builds one throwaway SQLite store, migrated and seeded exactly as ``ask`` does, asks every
question of the file in process, turns each reply into the plain text the terminal prints,
and applies the file's checks (see tests/questions/README.md for the format):

- ``all`` / ``none``: tokens that must / must not appear (a token may be a list of
  alternatives). Figures are compared as numbers, so "62,000", "62 000" and "62000" are one.
- ``silent``: the reply says the reports do not say, in the question's language.
- ``scope``: the reply says what the bot covers or that it cannot answer, and shows no quota
  figure.
- ``numbers``: derived figures a right answer may show; any other number that is not the
  article's own is an invented figure.
- ``reply_language``: most letters, apart from the caveat's English sentence (and, with
  documents, every cited report's caveat sentence as the report gave it, and every
  report's outlet name), proper names
  and the report's own words marked as the original, are in that language's script.
- on every reply: the caveat, and the implied doubled amounts labelled as such.

Two optional top-level keys describe a store beyond the seed (a set about further reports):
"documents", import documents (paths relative to the working directory, the question file or
the repository) merged into the store after the seed, as ``python -m bot import`` does; and
"numbers", figures those reports give (so not invented; the documents' own dates count too).
With documents, every reply needs some report's caveat, and the caveat of each report it
names.

Prints the score per class and the total; ``--verbose`` adds each failing question with its
reply and the checks it failed, ``--replies`` every reply. A bench: it never fails on a score.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.engine import AnswerEngine, Reply

CLASSES = (
    "covered",
    "missing_attr",
    "question_word",
    "ordinary_word",
    "statement",
    "arithmetic",
    "loaded",
    "sourcing",
    "multi_part",
    "uncovered_place",
)
LANGUAGES = ("en", "ru", "zh", "ko")
EXPECT_KEYS = frozenset({"all", "none", "silent", "scope", "numbers", "reply_language"})

# Every figure the HNGN article itself gives (/work/shared/seed/article.txt): 62,000 rubles,
# nearly $730 (Sakhalin); 3,400 yuan, nearly $470 (Dalian); the March 10 directive; "two or
# three years" of work abroad; the "Eighth Party Congress".
ARTICLE_NUMBERS = ("62,000", "730", "3,400", "470", "10", "2", "3", "8")
# Not in the article: the amounts implied by "doubled". Allowed only when labelled.
IMPLIED_NUMBERS = ("124,000", "1,460", "6,800", "940")
# The quota block's figures: an off-topic reply must show none of them.
QUOTA_FIGURES = ("62,000", "730", "3,400", "470", *IMPLIED_NUMBERS)

# Required on every reply, in the article's own words.
CAVEAT = "cannot independently verify"
# The caveat's original English sentence: not counted when telling the reply's language.
CAVEAT_SENTENCE = re.compile(
    r"(?:however,\s*)?hngn\s+cannot\s+independently\s+verify\s+the\s+claims\.?", re.IGNORECASE
)
# Proper names that stay in Latin letters in any language: not counted either.
PROPER_NAMES = (
    "North Korea Doubles Foreign Currency Quotas For Overseas Workers, Intensifying Labor Burden",
    "VLADIMIR SMIRNOV",
    "Getty Images",
    "Kim Jong Un",
    "Daily NK",
    "Sputnik",
    "HNGN",
    "AFP",
    "POOL",
    "RUB",
    "CNY",
    "USD",
    "KRW",
)

# "The reports do not say", per language (matched in the normalised reply, see _normalise).
SILENT_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "does not say",
        "doesn't say",
        "do not say",
        "don't say",
        "does not mention",
        "doesn't mention",
        "do not mention",
        "don't mention",
        "does not give",
        "doesn't give",
        "do not give",
        "don't give",
        "does not state",
        "doesn't state",
        "does not specify",
        "doesn't specify",
        "does not report",
        "doesn't report",
        "does not name",
        "doesn't name",
        "does not cover",
        "doesn't cover",
        "not reported",
        "not stated",
        "not given",
        "not mentioned",
        "not specified",
        "not named",
        "not covered",
        "no figure",
        "no number",
        "no date",
        "no information",
        "no data",
        "none of the",
        "is silent",
        "are silent",
        "not in the report",
        "gives no",
        "states no",
        "carries no",
    ),
    "ru": (
        "не сообщает",
        "не сообщают",
        "не сообщается",
        "не говорит",
        "не говорится",
        "не указ",
        "не упомина",
        "не называ",
        "не привод",
        "не да",  # не даёт / не дает / не даны
        "нет данных",
        "нет сведений",
        "нет информации",
        "нет цифр",
        "ничего не",
        "ни в одном",
        "умалчива",
    ),
    "zh": (
        "没有说",
        "沒有說",
        "未说明",
        "未說明",
        "没有提到",
        "沒有提到",
        "未提及",
        "没有提及",
        "沒有提及",
        "未提到",
        "没有说明",
        "沒有說明",
        "没有给出",
        "沒有給出",
        "未给出",
        "未提供",
        "没有提供",
        "沒有提供",
        "没有数据",
        "沒有數據",
        "没有报道",
        "沒有報道",
        "未报道",
        "未報道",
        "没有相关",
        "沒有相關",
        "并未",
        "並未",
        "没有涉及",
        "未涉及",
        "不包括",
    ),
    "ko": (
        "나와 있지 않",
        "나와있지 않",
        "언급하지 않",
        "언급되지 않",
        "언급이 없",
        "밝히지 않",
        "밝혀지지 않",
        "말하지 않",
        "보도하지 않",
        "보도되지 않",
        "정보가 없",
        "내용이 없",
        "수치가 없",
        "자료가 없",
        "다루지 않",
        "포함되지 않",
        "알려지지 않",
    ),
}

# "This is outside what I cover / here is what I cover", per language.
SCOPE_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "i can only",
        "i only answer",
        "only answer",
        "i answer questions",
        "i can answer",
        "i can't answer",
        "i cannot answer",
        "can't help with",
        "cannot help with",
        "outside what",
        "outside my",
        "not something i",
        "i cover",
        "i only cover",
        "ask me about",
        "you can ask",
        "i only know",
        "questions about",
        "it covers",
    ),
    "ru": (
        "могу ответить",
        "отвечаю на вопросы",
        "отвечаю только",
        "не могу ответить",
        "вопросы о",
        "вопросы про",
        "спросите",
        "можно спросить",
        "знаю только",
        "только о",
        "только про",
    ),
    "zh": (
        "只能回答",
        "我可以回答",
        "可以回答",
        "无法回答",
        "無法回答",
        "不能回答",
        "您可以问",
        "你可以问",
        "可以询问",
        "我只",
    ),
    "ko": (
        "답할 수 있",
        "답변할 수 있",
        "답할 수 없",
        "답변할 수 없",
        "답변드릴 수 없",
        "질문해",
        "물어보",
        "만 답",
        "다룹니다",
        "다루지 않",
    ),
}

# Labels that make an implied doubled amount honest ("implied by “doubled”"), per language;
# the English label is accepted in every language (the language check judges the rest).
IMPLIED_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("implied", "our arithmetic", "our calculation", "not in the report", "not stated"),
    "ru": ("подразумева", "следует из", "расчёт", "расчет", "подсчёт", "подсчет", "не указ"),
    "zh": ("推算", "推断", "隐含", "计算", "計算", "按“翻倍”", "据“翻倍”"),
    "ko": ("추산", "계산", "함축", "추정"),
}

SCRIPTS = {"en": "Latin", "ru": "Cyrillic", "zh": "Han", "ko": "Hangul"}
# "Mostly" in the reply's language: this share of the counted letters at least.
LANGUAGE_SHARE = 0.7

# Digit-group separators: comma and the non-breaking and thin spaces locales use; a plain
# space only in Russian (elsewhere "March 10 124,000" would read as one number).
_GROUPS = r"(?:\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+|\d+)"
_GROUPS_RU = r"(?:\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+|\d+)"
_MULTIPLIERS = {
    "万": 10_000,
    "萬": 10_000,
    "만": 10_000,
    "千": 1_000,
    "천": 1_000,
    "亿": 100_000_000,
    "億": 100_000_000,
    "억": 100_000_000,
    "тыс": 1_000,
    "млн": 1_000_000,
    "thousand": 1_000,
    "million": 1_000_000,
    "k": 1_000,
}
_CJK_UNITS = frozenset("万萬만千천亿億억")
_UNIT = r"(?:\s?(万|萬|만|千|천|亿|億|억|тыс|млн|thousand\b|million\b)|(k)\b)?"


def _number_pattern(groups: str) -> re.Pattern[str]:
    # Groups of three after a comma are thousands ("1,460"); other digits after a point or a
    # comma are decimals ("1.55", Russian "1,55").
    # "#12" is a fact's id, a citation rather than a figure: not read as a number.
    return re.compile(r"(?<![\d.,#])(" + groups + r")(?:([.,])(\d+))?(?!\d)" + _UNIT, re.IGNORECASE)


_NUMBER = _number_pattern(_GROUPS)
_PER_ONE = re.compile(r"(?<![\d.,])1\s?(?=인당|명당)")
_NUMBER_RU = _number_pattern(_GROUPS_RU)


def parse_numbers(text: str, language: str = "en") -> list[float]:
    """Every number written in digits, in order: "62,000", "62 000", "6.2万", "6만 2천", "50k"."""
    pattern = _NUMBER_RU if language == "ru" else _NUMBER
    # Korean writes "per person" with a digit ("1인당", "1명당"): a unit, not a figure.
    text = _PER_ONE.sub(" ", text)
    found: list[tuple[float, int, int, str]] = []  # value, start, end, CJK unit or ""
    for match in pattern.finditer(text):
        whole, point, fraction = match.group(1), match.group(2), match.group(3)
        digits = re.sub(r"\D", "", whole)
        value = float(digits)
        if point is not None:
            value = float(f"{digits}.{fraction}")
        unit = (match.group(4) or match.group(5) or "").lower()
        value *= _MULTIPLIERS.get(unit, 1)
        cjk = unit if unit in _CJK_UNITS else ""
        previous = found[-1] if found else None
        # "6만 2천" / "6万2千": one number written in parts.
        if (
            previous is not None
            and previous[3]
            and text[previous[2] : match.start()].strip() == ""
            and value < _MULTIPLIERS[previous[3]]
        ):
            found[-1] = (previous[0] + value, previous[1], match.end(), cjk)
            continue
        found.append((value, match.start(), match.end(), cjk))
    return [value for value, *_ in found]


def token_number(token: str) -> float | None:
    """The value of a token that is just a figure ("62,000", "1.55", "62 000"), else None."""
    stripped = token.strip()
    if not re.fullmatch(r"[\d.,\u00a0\u202f\u2009 ]+", stripped):
        return None
    values = parse_numbers(stripped, "ru")
    return values[0] if len(values) == 1 else None


def same_number(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


_QUOTE_MARKS = str.maketrans({c: None for c in '"“”„«»‹›「」『』'})
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")


def _normalise(text: str) -> str:
    """Lower case, curly apostrophes straight, quote marks and stray single quotes dropped."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("‘", "'")
    text = text.translate(_QUOTE_MARKS)
    text = re.sub(r"(?<!\w)'|'(?!\w)", "", text)
    return _SPACES.sub(" ", text)


Token = str | list[str]


@dataclass
class ReplyText:
    """A reply as the terminal prints it, with what the checks need precomputed."""

    text: str
    language: str
    normalised: str = field(init=False)
    numbers: list[float] = field(init=False)

    def __post_init__(self) -> None:
        self.normalised = _normalise(self.text)
        self.numbers = parse_numbers(self.text, self.language)

    def has(self, token: Token) -> bool:
        alternatives = [token] if isinstance(token, str) else token
        return any(self._has_one(alternative) for alternative in alternatives)

    def _has_one(self, token: str) -> bool:
        value = token_number(token)
        if value is not None:
            return any(same_number(number, value) for number in self.numbers)
        return _normalise(token) in self.normalised

    def has_any(self, phrases: Iterable[str]) -> bool:
        return any(_normalise(phrase) in self.normalised for phrase in phrases)


def _script(char: str) -> str | None:
    code = ord(char)
    if 0x0400 <= code <= 0x052F:
        return "Cyrillic"
    if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "Hangul"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
        return "Han"
    if char.isalpha() and unicodedata.name(char, "").startswith("LATIN"):
        return "Latin"
    return None


# A stored statement or quote shown in the report's words, marked as the original (the
# issue requires them unchanged): "“…” (оригинал, английский)", "…（原文，英语）", "(원문, 영어)".
_ORIGINAL_MARK = r"(?:\((?:original|оригинал|원문)[,，][^)]*\)|（原文[,，][^）]*）)"
_QUOTED_ORIGINAL = re.compile(r"“[^”]*”\s*" + _ORIGINAL_MARK)
# Unquoted: the statement runs from the line's start, its bullet or a dash to the mark.
_PLAIN_ORIGINAL = re.compile(r"(?:^|(?<=• )|(?<= — ))[^•\n]*?" + _ORIGINAL_MARK, re.MULTILINE)
# A statement no editor translated, followed by its quote: "• Test only: … “…” (원문, 영어)".
# The one mark covers both (the statement is the report's words too), so both are left out.
_STATEMENT_AND_QUOTE = re.compile(r"(?<=• )[^•\n“]*“[^”]*”\s*" + _ORIGINAL_MARK)


def without_originals(text: str) -> str:
    """The reply without the report's own words marked as the original."""
    text = _STATEMENT_AND_QUOTE.sub(" ", text)
    return _PLAIN_ORIGINAL.sub(" ", _QUOTED_ORIGINAL.sub(" ", text))


def script_shares(
    text: str, caveats: Sequence[str] = (), outlets: Sequence[str] = ()
) -> dict[str, float]:
    """Share of letters per script, leaving out the caveat's English sentence, proper names
    and the report's own words marked as the original. ``caveats``: the caveat sentence of
    every other report in the store, left out too: the bot shows each cited report's caveat
    as the report gave it (below a line in the reply's language), just as HNGN's.
    ``outlets``: every report's outlet name, a proper name like "Daily NK"."""
    text = without_originals(CAVEAT_SENTENCE.sub(" ", text))
    for caveat in caveats:
        pattern = r"\s+".join(re.escape(word) for word in caveat.split())
        text = re.sub(pattern, " ", text, flags=re.IGNORECASE)
    for name in (*PROPER_NAMES, *outlets):
        text = re.sub(re.escape(name), " ", text, flags=re.IGNORECASE)
    counts = Counter(script for char in text if (script := _script(char)) is not None)
    total = sum(counts.values())
    return {script: count / total for script, count in counts.items()} if total else {}


_ASIDE = re.compile(r"\([^()]*\)|（[^（）]*）")


def says_silent(reply: ReplyText, also_english: bool = False) -> bool:
    """The reply says the reports are silent, in a sentence of its own.

    An aside in brackets ("a source in China (the report does not say to whom)") is about
    something else than the question, so it does not count.
    """
    outside = _normalise(_ASIDE.sub(" ", reply.text))
    phrases = [*SILENT_PHRASES[reply.language], *(SILENT_PHRASES["en"] if also_english else ())]
    return any(_normalise(phrase) in outside for phrase in phrases)


def _allowed_numbers(expect: dict[str, Any], extra: Sequence[str] = ()) -> list[float]:
    tokens = [*ARTICLE_NUMBERS, *IMPLIED_NUMBERS, *extra, *expect.get("numbers", [])]
    values = [token_number(token) for token in tokens]
    return [value for value in values if value is not None]


@dataclass(frozen=True)
class Store:
    """What a question file adds to the seeded store (its top-level keys): "documents",
    import documents loaded after the seed, and "numbers", figures they give (so not
    invented); with the caveat of every article the store then holds, as (outlet, caveat)."""

    documents: tuple[Path, ...] = ()
    numbers: tuple[str, ...] = ()
    caveats: tuple[tuple[str, str], ...] = ()


def _caveat_failures(reply: ReplyText, caveats: Sequence[tuple[str, str]]) -> list[str]:
    """With several reports: some article's caveat on every reply, and the caveat of each
    report the reply names (its outlet outside the caveat lines)."""
    if not caveats:
        return [] if CAVEAT in reply.normalised else [f"no caveat ({CAVEAT!r})"]
    present = [(o, c) for o, c in caveats if _normalise(c) in reply.normalised]
    if not present:
        return ["no caveat (of any report in the store)"]
    body = _normalise(
        "\n".join(line for line in reply.text.splitlines() if not line.startswith("⚠️"))
    )
    return [
        f"no caveat of {outlet}, which the reply names"
        for outlet, caveat in caveats
        if re.search(rf"\b{re.escape(_normalise(outlet))}\b", body)
        and _normalise(caveat) not in reply.normalised
    ]


def _unlabelled_implied(reply: ReplyText) -> list[str]:
    """Implied doubled amounts with no label on their line or the lines next to them."""
    labels = [*IMPLIED_LABELS["en"], *IMPLIED_LABELS.get(reply.language, ())]
    lines = reply.text.splitlines()
    unlabelled = []
    for index, line in enumerate(lines):
        values = parse_numbers(line, reply.language)
        for implied in IMPLIED_NUMBERS:
            target = token_number(implied)
            if target is None or not any(same_number(value, target) for value in values):
                continue
            window = _normalise(" ".join(lines[max(0, index - 1) : index + 2]))
            if not any(_normalise(label) in window for label in labels):
                unlabelled.append(implied)
    return unlabelled


def check(
    question: dict[str, Any], text: str, store: Store | None = None, ignore_language: bool = False
) -> list[str]:
    """The checks this reply fails (empty when it passes), each as one short line.

    ``ignore_language`` measures understanding apart from the reply's language: the
    reply_language check is skipped, and "does not say" / "what it covers" may also be
    said in English. Every other check (content tokens, figures, caveat) is unchanged.
    """
    expect: dict[str, Any] = question["expect"]
    language: str = expect.get("reply_language", "en")
    reply = ReplyText(text, language)
    failures: list[str] = []
    if not text.strip():
        return ["empty reply"]
    for token in expect.get("all", []):
        if not reply.has(token):
            failures.append(f"all: missing {token!r}")
    for token in expect.get("none", []):
        if reply.has(token):
            failures.append(f"none: has {token!r}")
    if expect.get("silent") and not says_silent(reply, also_english=ignore_language):
        failures.append(f"silent: no 'does not say' phrase in {language}")
    if expect.get("scope"):
        scope_phrases = [
            *SCOPE_PHRASES[language],
            *(SCOPE_PHRASES["en"] if ignore_language else ()),
        ]
        if not reply.has_any(scope_phrases):
            failures.append(f"scope: does not say what it covers, in {language}")
        shown = [figure for figure in QUOTA_FIGURES if reply.has(figure)]
        if shown:
            failures.append(f"scope: shows quota figures {', '.join(shown)}")
    store = store or Store()
    allowed = _allowed_numbers(expect, store.numbers)
    invented = [n for n in reply.numbers if not any(same_number(n, a) for a in allowed)]
    if invented:
        failures.append("invented figure: " + ", ".join(f"{n:g}" for n in invented))
    unlabelled = _unlabelled_implied(reply)
    if unlabelled:
        failures.append("implied figure not labelled: " + ", ".join(unlabelled))
    failures.extend(_caveat_failures(reply, store.caveats))
    shares = script_shares(
        text,
        [caveat for _outlet, caveat in store.caveats],
        [outlet for outlet, _caveat in store.caveats],
    )
    share = shares.get(SCRIPTS[language], 0.0)
    if share < LANGUAGE_SHARE and not ignore_language:
        failures.append(
            f"reply_language: {SCRIPTS[language]} is {share:.0%} of the letters, "
            f"not {LANGUAGE_SHARE:.0%} ({language} expected)"
        )
    return failures


# ---------------------------------------------------------------------------------------------
# The question file: well-formedness (also used by tests/unit/test_question_sets.py)

MIN_PER_CLASS = {"en": 12, "ru": 5, "zh": 5, "ko": 5}
MIN_QUESTIONS = {"en": 150, "ru": 60, "zh": 60, "ko": 60}
# A report set (report2_en.json) asks about further import documents, named by its top-level
# "documents"; its ids are rN-NNN and it may be smaller.
REPORT_MIN_QUESTIONS = 45
REPORT_MIN_PER_CLASS = 4


def _is_token(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(item, str) and item.strip() for item in value)
    )


def problems(document: object) -> list[str]:
    """What is wrong with a question file (empty when it is well-formed)."""
    if not isinstance(document, dict):
        return ["the file is not a JSON object"]
    found: list[str] = []
    language = document.get("language")
    if language not in LANGUAGES:
        return [f"language {language!r} is not one of {', '.join(LANGUAGES)}"]
    for key in ("written", "how"):
        if not isinstance(document.get(key), str) or not document[key].strip():
            found.append(f"{key!r} is missing or empty")
    report_set = "documents" in document
    if report_set:
        documents = document["documents"]
        if (
            not isinstance(documents, list)
            or not documents
            or not all(isinstance(path, str) and path.endswith(".json") for path in documents)
        ):
            found.append("'documents' is not a list of .json paths")
    extra_numbers = document.get("numbers", [])
    if not isinstance(extra_numbers, list) or not all(
        isinstance(n, (int, float)) and not isinstance(n, bool) for n in extra_numbers
    ):
        found.append("'numbers' (top level) is not a list of numbers")
    questions = document.get("questions")
    if not isinstance(questions, list):
        return [*found, "'questions' is not a list"]
    seen: set[str] = set()
    for index, question in enumerate(questions):
        found.extend(_question_problems(question, index, language, seen, report_set))
    classes = Counter(q.get("class") for q in questions if isinstance(q, dict))
    least = REPORT_MIN_QUESTIONS if report_set else MIN_QUESTIONS[language]
    per_class = REPORT_MIN_PER_CLASS if report_set else MIN_PER_CLASS[language]
    if len(questions) < least:
        found.append(f"{len(questions)} questions, fewer than {least}")
    for name in CLASSES:
        if classes[name] < per_class:
            found.append(f"class {name}: {classes[name]}, fewer than {per_class}")
    return found


def _question_problems(
    question: object, index: int, language: str, seen: set[str], report_set: bool = False
) -> list[str]:
    if not isinstance(question, dict):
        return [f"question #{index} is not an object"]
    name = str(question.get("id", f"#{index}"))
    found = []
    extra = set(question) - {"id", "class", "question", "expect", "why"}
    if extra:
        found.append(f"{name}: unknown fields {sorted(extra)}")
    ident = question.get("id")
    # A later set of the same language numbers its own ids: e2-001 in fresh_en_2.json,
    # e10-001 in fresh_en_10.json.
    # A report set numbers them rN-NNN: r2-001 in report2_en.json.
    prefix = r"r\d+" if report_set else rf"(?:{language}|{language[0]}\d+)"
    if not isinstance(ident, str) or not re.fullmatch(rf"{prefix}-\d{{3}}", ident):
        found.append(f"{name}: id is not {'rN' if report_set else language}-NNN")
    elif ident in seen:
        found.append(f"{name}: id used twice")
    else:
        seen.add(ident)
    if question.get("class") not in CLASSES:
        found.append(f"{name}: class {question.get('class')!r} is not a known class")
    for key in ("question", "why"):
        if not isinstance(question.get(key), str) or not question[key].strip():
            found.append(f"{name}: {key!r} is missing or empty")
    expect = question.get("expect")
    if not isinstance(expect, dict):
        return [*found, f"{name}: 'expect' is not an object"]
    unknown = set(expect) - EXPECT_KEYS
    if unknown:
        found.append(f"{name}: unknown checks {sorted(unknown)}")
    for key in ("all", "none"):
        tokens = expect.get(key, [])
        if not isinstance(tokens, list) or not all(_is_token(token) for token in tokens):
            found.append(f"{name}: {key!r} is not a list of strings or lists of strings")
    for key in ("silent", "scope"):
        if key in expect and not isinstance(expect[key], bool):
            found.append(f"{name}: {key!r} is not true or false")
    numbers = expect.get("numbers", [])
    if not isinstance(numbers, list) or not all(
        isinstance(n, str) and token_number(n) is not None for n in numbers
    ):
        found.append(f"{name}: 'numbers' is not a list of figures written as strings")
    if expect.get("reply_language") not in LANGUAGES:
        found.append(f"{name}: reply_language is not one of {', '.join(LANGUAGES)}")
    if not any(expect.get(key) for key in ("all", "none", "silent", "scope")):
        found.append(f"{name}: no check besides the language and the caveat")
    return found


# ---------------------------------------------------------------------------------------------
# Running the engine


@dataclass
class Result:
    id: str
    cls: str
    question: str
    reply: str
    failures: list[str]

    @property
    def passed(self) -> bool:
        return not self.failures


@asynccontextmanager
async def engine_for(store: Store | None = None) -> AsyncIterator[AnswerEngine]:
    """The answer engine over one throwaway seeded store, as ``python -m bot ask`` builds it
    (with ``store``'s documents imported after the seed, merged as ``python -m bot import``):
    the set-up every bench that asks questions in process shares."""
    from bot.config import Settings
    from bot.runtime import Runtime
    from db.transfer import import_document, read_document

    store = store or Store()
    with tempfile.TemporaryDirectory(prefix="understanding-") as directory:
        url = f"sqlite+aiosqlite:///{Path(directory) / 'store.sqlite3'}"
        runtime = Runtime.create(Settings(database_url=url, _env_file=None))
        try:
            await runtime.prepare_store()
            for path in store.documents:
                document = read_document(path.read_bytes())
                async with runtime.sessionmaker() as session:
                    await import_document(session, document)
            yield await runtime.answer_engine()
        finally:
            await runtime.close()


def reply_text(engine: AnswerEngine, question: str) -> tuple[Reply, str]:
    """The engine's reply and the plain text ``ask`` prints for it, in the question's
    language (as a chat without a stored choice)."""
    from bot.engine.wording import speaking
    from bot.i18n import DEFAULT_LANGUAGE, detect, translator
    from bot.markup import plain_text
    from bot.sending.messages import build_messages

    language = detect(question) or DEFAULT_LANGUAGE
    with speaking(translator(language)):
        reply = engine.answer(question)
    parts = build_messages(reply.lines, reply.caveats(engine.snapshot), language=language)
    return reply, "\n".join(plain_text(part) for part in parts)


async def ask_all(questions: Sequence[str], store: Store | None = None) -> list[str]:
    """Each question's reply as ``python -m bot ask`` prints it, from one temp seeded store
    (``engine_for``)."""
    async with engine_for(store) as engine:
        return [reply_text(engine, question)[1] for question in questions]


def score(
    document: dict[str, Any],
    replies: Sequence[str],
    store: Store | None = None,
    ignore_language: bool = False,
) -> list[Result]:
    return [
        Result(q["id"], q["class"], q["question"], reply, check(q, reply, store, ignore_language))
        for q, reply in zip(document["questions"], replies, strict=True)
    ]


REPOSITORY = Path(__file__).resolve().parents[1]


def store_of(document: dict[str, Any], question_file: Path) -> Store:
    """The file's "documents" (paths relative to the working directory, the question file
    or the repository) and "numbers"; caveats are read once the store is built."""
    paths = []
    for name in document.get("documents", []):
        candidates = [Path(name), question_file.parent / name, REPOSITORY / name]
        found = next((path for path in candidates if path.is_file()), None)
        if found is None:
            raise FileNotFoundError(f"document {name!r} not found")
        paths.append(found)
    numbers = tuple(n if isinstance(n, str) else f"{n}" for n in document.get("numbers", []))
    return Store(documents=tuple(paths), numbers=numbers)


def with_articles(store: Store) -> Store:
    """The store with the caveat, as (outlet, caveat), of every article in the seed and its
    documents; and the documents' own dates' day and year among its numbers."""
    from db.transfer import read_document, seed_document

    if not store.documents:
        return store
    articles = [*read_document(json.dumps(seed_document())).articles]
    added = []
    for path in store.documents:
        added.extend(read_document(path.read_bytes()).articles)
    dates = [a.published_on for a in added if a.published_on is not None]
    days = [str(n) for date in dates for n in (date.day, date.year)]
    return replace(
        store,
        numbers=tuple(dict.fromkeys([*store.numbers, *days])),
        caveats=tuple(dict.fromkeys((a.outlet, a.caveat) for a in [*articles, *added])),
    )


def summary(results: Sequence[Result]) -> list[tuple[str, int, int]]:
    """(class, passed, total) per class in the format's order, then the total."""
    rows = []
    for name in CLASSES:
        mine = [r for r in results if r.cls == name]
        if mine:
            rows.append((name, sum(r.passed for r in mine), len(mine)))
    rows.append(("total", sum(r.passed for r in results), len(results)))
    return rows


HALVES = ("dev", "holdout")


def half_of(question_id: str) -> str:
    """Odd ids are developed against ("dev"); even ids are scored once, at the end."""
    return "dev" if int(question_id.rsplit("-", 1)[1]) % 2 else "holdout"


def _percent(passed: int, total: int) -> str:
    return f"{100 * passed / total:.0f}%" if total else "-"


def render_plain(rows: Sequence[tuple[str, int, int]]) -> str:
    return "\n".join(
        f"{name:<16} {passed:>4}/{total:<4} {_percent(passed, total):>5}"
        for name, passed, total in rows
    )


def render_markdown(rows: Sequence[tuple[str, int, int]]) -> str:
    lines = ["| class | passed | total | score |", "| --- | ---: | ---: | ---: |"]
    for name, passed, total in rows:
        label = f"**{name}**" if name == "total" else name
        lines.append(f"| {label} | {passed} | {total} | {_percent(passed, total)} |")
    return "\n".join(lines)


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.understanding", description=__doc__)
    parser.add_argument(
        "file", type=Path, help="a question file, e.g. tests/questions/fresh_en.json"
    )
    parser.add_argument("--verbose", action="store_true", help="each failing question and reply")
    parser.add_argument("--replies", action="store_true", help="every question and reply")
    parser.add_argument("--markdown", action="store_true", help="the summary as a Markdown table")
    parser.add_argument("--json", type=Path, help="write every result to this JSON file")
    parser.add_argument("--ids", help="only these question ids, comma-separated")
    parser.add_argument(
        "--half",
        choices=HALVES,
        help="only the development half (odd ids) or the hold-out half (even ids)",
    )
    parser.add_argument(
        "--ignore-language",
        action="store_true",
        help="skip the reply_language check (and accept English 'does not say' / scope "
        "phrases), to measure understanding apart from the reply's language",
    )
    args = parser.parse_args(argv)

    document = json.loads(args.file.read_text(encoding="utf-8"))
    wrong = problems(document)
    if wrong:
        print(f"{args.file} is not a well-formed question file:", file=sys.stderr)
        for line in wrong:
            print(f"  {line}", file=sys.stderr)
        return 2
    if args.ids:
        wanted = set(args.ids.split(","))
        document["questions"] = [q for q in document["questions"] if q["id"] in wanted]
    if args.half:
        document["questions"] = [q for q in document["questions"] if half_of(q["id"]) == args.half]
    try:
        store = store_of(document, args.file)
    except FileNotFoundError as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 2
    store = with_articles(store)
    replies = asyncio.run(ask_all([q["question"] for q in document["questions"]], store))
    results = score(document, replies, store, args.ignore_language)

    for result in results:
        if args.replies or (args.verbose and not result.passed):
            verdict = "PASS" if result.passed else "FAIL"
            print(f"[{verdict}] {result.id} ({result.cls}) {result.question}")
            for failure in result.failures:
                print(f"  ✗ {failure}")
            print(_indent(result.reply))
            print()
    rows = summary(results)
    print(render_markdown(rows) if args.markdown else render_plain(rows))
    if args.json:
        payload = {
            "file": str(args.file),
            "summary": [{"class": n, "passed": p, "total": t} for n, p, t in rows],
            "results": [
                {
                    "id": r.id,
                    "class": r.cls,
                    "question": r.question,
                    "passed": r.passed,
                    "failures": r.failures,
                    "reply": r.reply,
                }
                for r in results
            ],
        }
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
