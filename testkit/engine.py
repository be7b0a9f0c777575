"""A seeded answer engine, and an answer as the plain text a person reads."""

from __future__ import annotations

import re

from bot.engine import AnswerEngine
from bot.runtime import Runtime
from bot.sending.messages import build_messages
from testkit.settings import make_settings


async def seeded_engine(url: str) -> AnswerEngine:
    runtime = Runtime.create(make_settings(url))
    try:
        await runtime.prepare_store()
        return await runtime.answer_engine()
    finally:
        await runtime.close()


def text_of(engine: AnswerEngine, question: str) -> str:
    reply = engine.answer(question)
    parts = build_messages(reply.lines, reply.caveats(engine.snapshot))
    return re.sub(r"<[^>]+>", "", "\n".join(parts))
