"""A new answer engine's first answers, asked before a reader's (Runtime.warm_up, in its
start-up thread, after the languages' analysers).

What the engine builds on first use — cue patterns compiled on first read, tables of a
language's words, CLDR names, a snapshot's lookups made when first asked (the facts that
name a topic, the claims grouped by source) — used to be built in some reader's first
answer: 16 ms for the first English question at 10,000 claims against 1–2 ms for later
ones. Rather than list those tables one by one (every round adds readers, each with its
own), the engine is asked ordinary questions of the common kinds in each language, and
each command's answer, as the handlers ask them (the text's language, its translator,
the messages built with their caveats); the answers are dropped. The questions are data
(``bot/engine/vocabulary/warm_up.json``). One answer at a time on the event loop, which
answers readers in between: no thread shares the engine's tables while they are built."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import cache, partial
from itertools import zip_longest

from bot.engine import AnswerEngine, Reply
from bot.engine.vocabulary import FOLDER
from bot.engine.wording import speaking
from bot.i18n import Language, detect, translator
from bot.sending.messages import build_messages


@cache
def warm_questions() -> dict[Language, tuple[str, ...]]:
    """The questions asked at warm-up, by language."""
    data = json.loads((FOLDER / "warm_up.json").read_text(encoding="utf-8"))
    return {Language(code): tuple(questions) for code, questions in data.items() if code[0] != "_"}


def warm_answers(engine: AnswerEngine) -> Iterator[Reply]:
    """Ask ``engine`` the warm-up questions and each command in every language, one reply
    at a time (the caller may pause between them, or stop)."""
    place = next((c.place for c in engine.snapshot.active_claims if c.is_quota and c.place), "")
    for language, questions in warm_questions().items():
        asks: list[Callable[[], Reply]] = [partial(engine.answer, text) for text in questions]
        asks += [engine.quotas, partial(engine.quota, place), engine.sources]
        asks += [engine.caveat, engine.article]
        for ask, text in zip_longest(asks, questions):
            if text is not None:
                detect(text)  # as the handlers choose the reply's language
            with speaking(translator(language)):
                reply = ask()
            build_messages(reply.lines, reply.caveats(engine.snapshot), language=language)
            yield reply
