"""Shared bench helpers: the question mix, the expected answers, process CPU, percentiles."""

from __future__ import annotations

import os
import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from bot.engine import AnswerEngine, Reply
from bot.engine.wording import speaking
from bot.i18n import Language, detect, translator
from bot.sending.messages import build_messages

# Free-text questions as people ask them (a sample of tests/unit/test_engine.py's phrasings).
QUESTIONS = (
    "How much do workers in Sakhalin owe now?",
    "fish plant workers china quota",
    "Who says so?",
    "Is any of this confirmed?",
    "What's loyalty cash?",
    "Russia vs China",
    "how much in dollars for dalian",
    "when did the quota for dalian change?",
    "what jobs do they do",
    "sakhlin quota",
    "how many workers are affected",
    "what year was this",
    "quota in Vietnam",
    "hello",
    "why did the quotas rise",
    "can workers protest",
    "what is the title of the article",
    "per person or per month?",
    "how many hours do they work",
    "what's the weather like",
    "야 사할린 할당량",
    "<b>quota</b> in Sakhalin & Dalian",
)
COMMANDS = (
    "/start",
    "/help",
    "/quotas",
    "/quota Sakhalin",
    "/quota china",
    "/sources",
    "/caveat",
    "/article",
    "/ask who says so?",
    "/quota",
)


def question_mix(count: int, seed: int = 6) -> list[str]:
    """About seven questions in ten are free text, the rest commands."""
    rng = random.Random(seed)
    return [
        rng.choice(QUESTIONS) if rng.random() < 0.7 else rng.choice(COMMANDS) for _ in range(count)
    ]


def expected_reply(engine: AnswerEngine, text: str) -> Reply:
    """What bot/handlers/user.py builds for a private-chat text (mirrors user._build)."""
    if not text.startswith("/"):
        return engine.answer(text)
    command, _, argument = text.partition(" ")
    argument = argument.strip()
    name = command[1:]
    if name in ("start", "help"):
        reply = engine.start() if name == "start" else engine.help()
        # The bot ends both with the registry's commands line (user.with_help_line);
        # imported here: bench.scale measures the engine's memory without Telegram's.
        from bot.handlers.registry import help_line

        if reply.lines:
            reply.lines[-1] = help_line()
        return reply
    if name == "quotas":
        return engine.quotas()
    if name == "quota":
        return engine.quota(argument)
    if name == "sources":
        return engine.sources()
    if name == "caveat":
        return engine.caveat()
    if name == "article":
        return engine.article()
    if name == "ask":
        return engine.answer(argument)
    raise ValueError(text)


def expected_language(text: str) -> Language:
    """The language of the reply's fixed texts (the caveat) for a user whose Telegram app
    is in English and who chose none (bot/handlers/languages.py): the text's script."""
    if text.startswith("/"):
        found = detect(text.partition(" ")[2])
        return found if found is not None else Language.EN
    return detect(text) or Language.EN


def expected_messages(engine: AnswerEngine, text: str) -> list[str]:
    language = expected_language(text)
    # Composed in the reply's language, as user._build does (bot/engine/wording.py).
    with speaking(translator(language)):
        reply = expected_reply(engine, text)
    return build_messages(reply.lines, reply.caveats(engine.snapshot), language=language)


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of a running process (Linux /proc)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


@dataclass
class Machine:
    cores: int
    model: str

    @classmethod
    def here(cls) -> Machine:
        model = "unknown"
        try:
            with open("/proc/cpuinfo") as info:
                for line in info:
                    if line.startswith("model name"):
                        model = line.split(":", 1)[1].strip()
                        break
        except OSError:
            pass
        return cls(os.cpu_count() or 0, model)

    def describe(self) -> str:
        return f"{self.cores} cores, {self.model}"
