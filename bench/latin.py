"""Latin words left in Russian, Chinese and Korean replies, by frequency (issue 12).

    .venv/bin/python -m bench.latin [--show WORD] [--languages ru,zh,ko]

Asks, in each language, the questions of tests/questions/fresh_{ru,zh,ko}.json, the
translated English questions of tests/questions/remnants.json (over the seed, and over the
seed plus the second report), the commands (/quotas, /sources, /caveat, /article,
/quota <place>) and inline queries; removes what may stay in Latin letters (proper names,
currency codes, the caveats' original sentences, the reports' titles, the reports' words
marked as the original or as "in the report's words", /commands and links)
and prints every Latin word left with its count. ``--show WORD`` prints the replies that
carry it. A bench: it never fails.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

from db.kinds import Language

REPOSITORY = Path(__file__).resolve().parent.parent
QUESTIONS = REPOSITORY / "tests" / "questions"
SECOND_REPORT = REPOSITORY / "testkit" / "reports" / "rfa_2020.json"
LANGUAGES = (Language.RU, Language.ZH, Language.KO)
PLACES = {Language.RU: "Сахалин", Language.ZH: "大连", Language.KO: "사할린"}

# What may stay in Latin letters in any language (longest first when removed).
ALLOWED = (
    "North Korea Doubles Foreign Currency Quotas For Overseas Workers, Intensifying Labor Burden",
    "Cash-Strapped North Korea Orders Workers in China to Pay Into 'Loyalty Fund'",
    "However, HNGN cannot independently verify the claims.",
    "HNGN cannot independently verify the claims.",
    "RFA's source speaks anonymously; these claims have not been independently verified by us.",
    "Radio Free Asia",
    "Kim Jong Un",
    "VLADIMIR SMIRNOV",
    "Getty Images",
    "Daily NK",
    "Sputnik",
    "HNGN",
    "RFA",
    "AFP",
    "POOL",
    "RUB",
    "CNY",
    "USD",
    "US$",
    "KRW",
    "AP",
)
# The report's own words, marked as the original: "— … (оригинал, английский)" (or a
# bullet line "• … (оригинал, английский)") etc.;
# "US$" is CLDR's dollar sign in Chinese.
ORIGINAL = re.compile(r"(?:—\s|^•\s)[^—]*?[(（](?:оригинал|原文|원문)[^)）]*[)）]")
# A basis "in the report's words" (its own words, marked as such).
REPORT_WORDS = re.compile(r"(?:словами статьи|报道原话|보도 원문 표현)[)）]?[:：]\s*[^.)）。]*")
URL = re.compile(r"https?://\S+")
COMMAND = re.compile(r"/[a-z_]+")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def leftover(reply: str) -> list[str]:
    """The Latin words of ``reply`` outside the allowed names and the marked originals."""
    words: list[str] = []
    for line in reply.splitlines():
        text = COMMAND.sub(" ", URL.sub(" ", line))
        text = REPORT_WORDS.sub(" ", ORIGINAL.sub(" ", text))
        for name in ALLOWED:
            text = text.replace(name, " ")
        words.extend(LATIN_WORD.findall(text))
    return words


def questions(language: Language) -> Iterator[tuple[str, bool]]:
    """(question, over the second report too) for ``language``."""
    fresh = json.loads((QUESTIONS / f"fresh_{language.value}.json").read_text("utf-8"))
    for q in fresh["questions"]:
        yield q["question"], False
    own = json.loads((QUESTIONS / "remnants.json").read_text("utf-8"))
    for question in own["seed"][language.value]:
        yield question, False
        yield question, True
    for question in own["report2"][language.value]:
        yield question, True


async def replies(languages: Sequence[Language], second: bool) -> list[tuple[str, str, str]]:
    """(language, what was asked, reply text) for every question and command."""
    from bot.config import Settings
    from bot.engine.reply import Reply
    from bot.engine.wording import speaking
    from bot.handlers.reach import _inline_replies
    from bot.i18n import translator
    from bot.markup import plain_text
    from bot.runtime import Runtime
    from bot.sending.messages import build_messages
    from db.transfer import import_document, read_document

    out: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="latin-") as directory:
        url = f"sqlite+aiosqlite:///{Path(directory) / 'store.sqlite3'}"
        runtime = Runtime.create(Settings(database_url=url, _env_file=None))
        try:
            await runtime.prepare_store()
            if second:
                document = read_document(SECOND_REPORT.read_bytes())
                async with runtime.sessionmaker() as session:
                    await import_document(session, document)
            engine = await runtime.answer_engine()

            def text(reply: Reply, language: Language) -> str:
                parts = build_messages(
                    reply.lines, reply.caveats(engine.snapshot), language=language
                )
                return "\n".join(plain_text(part) for part in parts)

            for language in languages:
                asked = [q for q, with_second in questions(language) if with_second == second]
                commands: dict[str, Callable[[], Reply]] = {
                    "/quotas": engine.quotas,
                    "/sources": engine.sources,
                    "/caveat": engine.caveat,
                    "/article": engine.article,
                    "/help": engine.help,
                    f"/quota {PLACES[language]}": partial(engine.quota, PLACES[language]),
                    "/quota": partial(engine.quota, ""),
                    "/quota Япония": partial(engine.quota, "Япония"),
                }
                with speaking(translator(language)):
                    for question in asked:
                        out.append(
                            (language.value, question, text(engine.answer(question), language))
                        )
                    for name, command in commands.items():
                        out.append((language.value, name, text(command(), language)))
                for query in ("", PLACES[language], *asked[:10]):
                    for title, reply in _inline_replies(engine, query, language):
                        out.append((language.value, f"inline {query!r}", title))
                        out.append((language.value, f"inline {query!r}", text(reply, language)))
        finally:
            await runtime.close()
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="print the replies carrying this word")
    parser.add_argument("--languages", default="ru,zh,ko")
    args = parser.parse_args(argv)
    languages = [Language(code) for code in args.languages.split(",")]
    results = asyncio.run(replies(languages, False)) + asyncio.run(replies(languages, True))
    counts: Counter[str] = Counter()
    per_language: Counter[str] = Counter()
    for language, asked, reply in results:
        words = leftover(reply)
        counts.update(words)
        per_language[language] += len(words)
        if args.show and args.show in words:
            print(f"[{language}] {asked}\n{reply}\n")
    print(f"{len(results)} replies; Latin words left: {sum(counts.values())}", end="")
    print(" (" + ", ".join(f"{k} {v}" for k, v in sorted(per_language.items())) + ")")
    for word, count in counts.most_common():
        print(f"{count:6d}  {word}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
