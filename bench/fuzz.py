"""Fuzz bench: tens of thousands of machine-made questions against every report at once.

    .venv/bin/python -m bench.fuzz [--count 30000] [--mutated 0.75] [--seed 1]
        [--slowest 10] [--show 5] [--budget-ms 50] [--json out.json]

Builds one throwaway store as ``python -m bot ask`` does, with the seed AND every import
document in testkit/reports/ merged after it (as ``python -m bot import`` does), and asks it:

- every distinct question text of tests/questions/*.json, as written (a random sample when
  ``--count`` times ``1 - --mutated`` leaves too little room; the default asks them all);
- seeded-random mutations of them, ``--mutated`` (75%) of ``--count`` questions: two questions
  spliced; a place swapped for another report's place or for a place no report covers;
  numbers changed (zero, negative, huge, decimals, other digit scripts); currencies swapped;
  a question repeated; cut mid-word; emoji, odd Unicode, RTL marks, zero-width characters;
  very long; all four languages mixed; commands (/quota, /ask, /start …) with odd arguments.

Each reply is checked for invariants, and every failure is printed with its question:

- ``crash``: the engine raised;
- ``messages``: the reply, through ``build_messages`` (as the bot sends it), has no caveat,
  is not valid Telegram HTML, or a part is over Telegram's 4,096 characters;
- ``slow``: answering plus building took more than ``--budget-ms`` (50 ms) of CPU time
  (process time, so that a loaded machine does not count);
- ``invented``: a number in the reply that is none of: a figure any stored report gives
  (claims, sources, articles), the article's own or implied figures, a report's date, a
  number the question itself wrote, or on a line (or next to one) labelled as our
  arithmetic / implied — the question-set scorer's own parser and labels
  (bench/understanding.py: ``parse_numbers``, ``IMPLIED_LABELS``).

The same ``--seed`` asks the same questions (the RNG is seeded; the order of the files is
sorted). A bench: it prints counts and examples and never fails on them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import sys
import time
import traceback
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.understanding import (
    ARTICLE_NUMBERS,
    CAVEAT_SENTENCE,
    IMPLIED_LABELS,
    IMPLIED_NUMBERS,
    REPOSITORY,
    Store,
    _normalise,
    engine_for,
    parse_numbers,
    same_number,
    token_number,
    with_articles,
)
from testkit.html_check import telegram_html_problems

if TYPE_CHECKING:
    from bot.engine import AnswerEngine, Reply

QUESTIONS = REPOSITORY / "tests" / "questions"
REPORTS = REPOSITORY / "testkit" / "reports"

# Places no report covers, in the four languages' scripts.
UNCOVERED = (
    "Lagos", "Reykjavik", "Lima", "Oslo", "Kyiv", "Montevideo", "Ulsan", "Busan",
    "Москва", "Якутия", "Минск", "北京", "东京", "深圳", "부산", "도쿄", "서울", "平壤",
)  # fmt: skip
CURRENCIES = (
    "rubles", "yuan", "dollars", "USD", "RUB", "CNY", "KRW", "EUR", "euros", "won",
    "рублей", "юаней", "долларов", "евро", "卢布", "元", "美元", "人民币", "루블", "위안",
    "달러", "원", "₽", "¥", "$", "€", "bitcoin",
)  # fmt: skip
NUMBERS = (
    "0", "-5", "1", "3", "1.5", "0.001", "62,000", "62 000", "6.2万", "6만 2천", "50k",
    "999999999999999999999", "1e9", "١٢٣", "１２３", "½", "2030", "12%", "-0", "1,000,000",
    "3.4.5", "10:30", "#12",
)  # fmt: skip
NOISE = (
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202e",
    "\u2066", "\u2069", "\ufeff", "\u00ad", "\u0301", "\u0000", "\t", "\n", "\r\n",
    "😀", "🇰🇵", "👨‍👩‍👧", "🤔", "…", "«", "»", "“", "”", "„", "'", '"', "\\", "<", ">",
    "&", "&amp;", "<b>", "</i>", "<a href='x'>", "{}", "{0}", "%s", "%(x)s", "$1", "\\1",
    "ﷺ", "ا", "𝐁𝐨𝐥𝐝", "Ⅻ", "ß", "İ", "ﬁ", "\U0010ffff", "\ud7a3", "ㅋㅋㅋ", "？", "！",
)  # fmt: skip
COMMANDS = (
    "/quota", "/quota@bot", "/quotas", "/ask", "/start", "/help", "/sources", "/caveat",
    "/article", "/QUOTA", "/quota_", "/",
)  # fmt: skip
COMMAND_ARGUMENTS = (
    "", " ", "Sakhalin", "sakhalin dalian", "RU", "CN", "ru", "*", "%", "..", "-1", "0",
    "Russia China", "Сахалин", "大连", "사할린", "Dalian/Sakhalin", "a" * 300, "None",
    "null", "'; drop table claims; --", "<script>", "62000", "/quota", "@bot",
)  # fmt: skip

# A place name as a whole word, for swapping.
WORD = re.compile(r"\w+", re.UNICODE)


def _texts(value: Any) -> Iterator[str]:
    """Every string and number in a document, apart from ids and addresses."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "id" or key.endswith("_id") or key in ("url", "format", "version"):
                continue
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, (int, float, str)):
        yield str(value)


def stored_figures(documents: list[dict[str, Any]]) -> list[float]:
    """Every figure any stored report gives, as the scorer reads numbers."""
    values: set[float] = set()
    for document in documents:
        for text in _texts({k: v for k, v in document.items() if k != "note"}):
            values.update(parse_numbers(text, "en"))
            values.update(parse_numbers(text, "ru"))
    values.update(v for t in (*ARTICLE_NUMBERS, *IMPLIED_NUMBERS) if (v := token_number(t)))
    return sorted(values)


def place_names(documents: list[dict[str, Any]]) -> list[str]:
    names: set[str] = set()
    for document in documents:
        for claim in document.get("claims", []):
            if claim.get("place"):
                names.add(claim["place"])
        for alias in document.get("aliases", []):
            if alias.get("kind") == "place":
                names.add(alias["term"])
    return sorted(names)


# ---------------------------------------------------------------------------------------------
# Mutations


class Generator:
    def __init__(self, questions: list[str], places: list[str], seed: int) -> None:
        self.rng = random.Random(seed)
        self.questions = questions
        self.places = places
        self.by_language: dict[str, list[str]] = defaultdict(list)
        for question in questions:
            self.by_language[_script_of(question)].append(question)
        self.mutations = [
            ("splice", self.splice),
            ("place", self.place),
            ("number", self.number),
            ("currency", self.currency),
            ("repeat", self.repeat),
            ("cut", self.cut),
            ("noise", self.noise),
            ("long", self.long),
            ("mixed", self.mixed),
            ("command", self.command),
            ("double", self.double),
        ]

    def pick(self) -> str:
        return self.rng.choice(self.questions)

    def splice(self) -> str:
        a, b = self.pick(), self.pick()
        return a[: self.rng.randint(0, len(a))] + b[self.rng.randint(0, len(b)) :]

    def place(self) -> str:
        question = self.pick()
        new = self.rng.choice(self.places + list(UNCOVERED))
        found = [p for p in self.places if p in question]
        if found:
            return question.replace(self.rng.choice(found), new)
        words = WORD.findall(question)
        if not words:
            return f"{question} {new}"
        return question.replace(self.rng.choice(words), new, 1)

    def number(self) -> str:
        question = self.pick()
        new = self.rng.choice(NUMBERS)
        if re.search(r"\d", question):
            return re.sub(r"\d[\d,.]*", lambda _: self.rng.choice(NUMBERS), question)
        return self._insert(question, f" {new} ")

    def currency(self) -> str:
        question = self.pick()
        found = [c for c in CURRENCIES if c in question]
        new = self.rng.choice(CURRENCIES)
        if found:
            return question.replace(self.rng.choice(found), new)
        return f"{question} in {new}"

    def repeat(self) -> str:
        question = self.pick()
        return self.rng.choice((" ", "\n", "? ", "")).join([question] * self.rng.randint(2, 4))

    def cut(self) -> str:
        question = self.pick()
        return question[: self.rng.randint(0, max(0, len(question) - 1))]

    def _insert(self, text: str, piece: str) -> str:
        at = self.rng.randint(0, len(text))
        return text[:at] + piece + text[at:]

    def noise(self) -> str:
        question = self.pick()
        for _ in range(self.rng.randint(1, 5)):
            question = self._insert(question, self.rng.choice(NOISE))
        return question

    def long(self) -> str:
        parts = [self.pick() for _ in range(self.rng.randint(10, 80))]
        return " ".join(parts)

    def mixed(self) -> str:
        parts = [self.rng.choice(group) for group in self.by_language.values() if group]
        self.rng.shuffle(parts)
        if self.rng.random() < 0.5:
            return " ".join(parts)
        words = [w for part in parts for w in part.split()]
        self.rng.shuffle(words)
        return " ".join(words[: self.rng.randint(1, len(words))])

    def command(self) -> str:
        argument = self.rng.choice(
            (*COMMAND_ARGUMENTS, self.pick(), self.rng.choice(self.places), self.noise())
        )
        return f"{self.rng.choice(COMMANDS)} {argument}".rstrip()

    def double(self) -> str:
        """Two mutations, one on the other's output."""
        _name, first = self.rng.choice(self.mutations[:-1])
        saved = self.questions
        self.questions = [first()]
        try:
            return self.rng.choice(self.mutations[:-2])[1]()
        finally:
            self.questions = saved

    def generate(self, count: int, mutated: float) -> Iterator[tuple[str, str]]:
        """``count`` questions: the sets' own (all of them when the rest leaves room for
        them, else a sample) and ``mutated`` of the count as mutations."""
        own = min(len(self.questions), count - round(count * mutated))
        for question in self.rng.sample(self.questions, own):
            yield "set", question
        for _ in range(count - own):
            name, mutate = self.rng.choice(self.mutations)
            yield name, mutate()


def _script_of(text: str) -> str:
    for char in text:
        code = ord(char)
        if 0x0400 <= code <= 0x04FF:
            return "ru"
        if 0xAC00 <= code <= 0xD7A3:
            return "ko"
        if 0x4E00 <= code <= 0x9FFF:
            return "zh"
    return "en"


# ---------------------------------------------------------------------------------------------
# Asking and checking


def ask(engine: AnswerEngine, question: str) -> tuple[Reply, list[str], str]:
    """The reply as the bot would build it for this text: /quota and /ask with their
    argument as the handlers pass it, anything else as free text; in the detected language."""
    from bot.engine.wording import speaking
    from bot.i18n import DEFAULT_LANGUAGE, detect, translator
    from bot.sending.messages import build_messages

    language = detect(question) or DEFAULT_LANGUAGE
    command, _, argument = question.partition(" ")
    with speaking(translator(language)):
        if command in ("/quota", "/quota@bot"):
            reply = engine.quota(" ".join(argument.split()))
        elif command == "/ask" and argument.strip():
            reply = engine.answer(" ".join(argument.split()))
        else:
            reply = engine.answer(question)
    parts = build_messages(reply.lines, reply.caveats(engine.snapshot), language=language)
    return reply, parts, language


def message_problems(parts: list[str]) -> list[str]:
    from bot.sending.messages import TELEGRAM_MAX_LENGTH, telegram_length

    problems = []
    if not parts:
        return ["no message"]
    for index, part in enumerate(parts):
        for problem in telegram_html_problems(part):
            problems.append(f"part {index}: {problem}")
        if telegram_length(part) > TELEGRAM_MAX_LENGTH:
            problems.append(f"part {index}: {telegram_length(part)} characters")
        if "⚠️" not in part:
            problems.append(f"part {index}: no caveat")
    return problems


def _own_numbers(question: str) -> list[float]:
    """The numbers the question wrote, in any digits ("١٢٣", "１２３") and with the slang
    "тыщ" for thousands: a reply may echo them ("not 30,000")."""
    digits = "".join(
        str(unicodedata.digit(c)) if c.isdigit() and unicodedata.digit(c, None) is not None else c
        for c in unicodedata.normalize("NFKC", question)
    )
    digits = re.sub(r"тыщ\w*", "тыс", digits, flags=re.IGNORECASE)
    return parse_numbers(digits, "en") + parse_numbers(digits, "ru")


def invented(
    text: str, language: str, question: str, allowed: list[float], labels: list[str]
) -> list[float]:
    """Numbers of ``text`` that are no stored figure, date or the question's own number,
    on no line labelled as our arithmetic (the line or its neighbours, as the scorer)."""
    own = _own_numbers(question)
    lines = text.splitlines()
    found = []
    for index, line in enumerate(lines):
        # The caveats, and the note under a capped list ("…and 29 more facts in the store"):
        # a count of the store's own rows, not a figure.
        if line.startswith(("⚠️", "…")) or CAVEAT_SENTENCE.search(line):
            continue
        for value in parse_numbers(line, language):
            if any(same_number(value, a) for a in allowed) or any(
                same_number(value, o) for o in own
            ):
                continue
            window = _normalise(" ".join(lines[max(0, index - 1) : index + 2]))
            if any(_normalise(label) in window for label in labels):
                continue
            found.append(value)
    return found


def run(count: int, seed: int, budget_ms: float, mutated: float) -> dict[str, Any]:
    from bot.markup import plain_text
    from db.transfer import seed_document

    documents = sorted(p for p in REPORTS.glob("*.json"))
    raw = [seed_document(), *(json.loads(p.read_text(encoding="utf-8")) for p in documents)]
    store = with_articles(Store(documents=tuple(documents)))
    allowed = [*stored_figures(raw), *(v for t in store.numbers if (v := token_number(t)))]
    texts: list[str] = []
    for path in sorted(QUESTIONS.glob("*.json")):
        texts.extend(q["question"] for q in json.loads(path.read_text()).get("questions", []))
    texts = list(dict.fromkeys(texts))
    generator = Generator(texts, place_names(raw), seed)
    failures: dict[str, list[dict[str, Any]]] = defaultdict(list)
    timings: list[tuple[float, str]] = []
    per_kind: Counter[str] = Counter()

    async def go() -> None:
        async with engine_for(store) as engine:
            # Counts of the store's own reports and covered places ("none of the 18 reports
            # … and 46 other places"): the reply's description of the store, not a figure.
            places = {(c.place, c.country) for c in engine.quota_claims()}
            counts = [float(n) for n in range(len(places) + len(raw) + 1)]
            reports = len(engine.snapshot.articles)
            allowed.extend(n for n in counts if n >= len(places) - 12 or n == reports)
            for kind, question in generator.generate(count, mutated):
                per_kind[kind] += 1
                if sum(per_kind.values()) % 1000 == 0:
                    print(f"  … {sum(per_kind.values())}", file=sys.stderr, flush=True)
                start = time.process_time()
                try:
                    _reply, parts, language = ask(engine, question)
                except Exception as error:  # a crash is what this bench looks for
                    frames = traceback.extract_tb(error.__traceback__)
                    ours = [f for f in frames if "/bot/" in f.filename] or frames
                    where = ours[-1]
                    failures["crash"].append(
                        {
                            "kind": kind,
                            "question": question,
                            "error": f"{type(error).__name__}: {error}",
                            "at": f"{where.filename}:{where.lineno}",
                        }
                    )
                    continue
                elapsed = (time.process_time() - start) * 1000
                timings.append((elapsed, question))
                if elapsed > budget_ms:
                    failures["slow"].append({"kind": kind, "question": question, "ms": elapsed})
                problems = message_problems(parts)
                if problems:
                    failures["messages"].append(
                        {"kind": kind, "question": question, "problems": problems[:3]}
                    )
                text = "\n".join(plain_text(part) for part in parts)
                labels = [*IMPLIED_LABELS["en"], *IMPLIED_LABELS.get(language, ())]
                numbers = invented(text, language, question, allowed, labels)
                if numbers:
                    failures["invented"].append(
                        {"kind": kind, "question": question, "numbers": numbers, "reply": text}
                    )

    asyncio.run(go())
    timings.sort(reverse=True)
    return {"per_kind": dict(per_kind), "failures": failures, "slowest": timings}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=30_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mutated", type=float, default=0.75, help="share of mutations")
    parser.add_argument("--budget-ms", type=float, default=50.0)
    parser.add_argument("--slowest", type=int, default=10)
    parser.add_argument("--show", type=int, default=5, help="examples per failure kind")
    parser.add_argument("--json", type=Path, help="write every failure here")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = run(args.count, args.seed, args.budget_ms, args.mutated)
    total = sum(result["per_kind"].values())
    print(f"{total} questions in {time.perf_counter() - started:.0f} s (seed {args.seed})")
    print("  " + ", ".join(f"{k} {n}" for k, n in sorted(result["per_kind"].items())))
    for name in ("crash", "messages", "slow", "invented"):
        found = result["failures"].get(name, [])
        distinct = Counter(f.get("error") or f.get("at") or "" for f in found)
        print(f"{name}: {len(found)}" + (f" ({len(distinct)} distinct)" if name == "crash" else ""))
        seen: set[str] = set()
        shown = 0
        for failure in found:
            key = failure.get("error") or str(failure.get("numbers") or failure.get("problems"))
            if key in seen or shown >= args.show:
                continue
            seen.add(key)
            shown += 1
            detail = {k: v for k, v in failure.items() if k not in ("question", "reply")}
            print(f"  {failure['question'][:200]!r}\n    {detail}")
    print("slowest:")
    for ms, question in result["slowest"][: args.slowest]:
        print(f"  {ms:7.1f} ms  {question[:120]!r}")
    if args.json:
        args.json.write_text(json.dumps(result["failures"], ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
