"""The question log: what people asked, what the engine made of it; no user ids.

Rows are written in batches by bot/questionlog.py, off the answer path, and
deleted after ``QUESTION_LOG_DAYS``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import QuestionLogEntry, Subscription
from db.session import read_transaction, write_transaction

TEXT_LIMIT = 500


@dataclass(frozen=True)
class LoggedQuestion:
    asked_at: dt.datetime
    text: str
    normalized: str
    intents: tuple[str, ...]
    claim_ids: tuple[int, ...]
    answered: bool
    via: str  # message | inline | button


@dataclass(frozen=True)
class UnansweredGroup:
    normalized: str
    example: str
    count: int
    last_asked: dt.datetime


@dataclass(frozen=True)
class Stats:
    days: int
    per_day: list[tuple[str, int, int]]  # (YYYY-MM-DD, asked, answered)
    total: int
    answered: int
    top_topics: list[tuple[str, int]]
    subscribers: int
    inline_queries: int


def _row(question: LoggedQuestion) -> dict[str, object]:
    intents = ",".join(question.intents)
    claims = ",".join(str(i) for i in question.claim_ids)
    return {
        "asked_at": question.asked_at,
        "text": question.text[:TEXT_LIMIT],
        "normalized": question.normalized[:TEXT_LIMIT],
        "intents": intents[:200].rsplit(",", 1)[0] if len(intents) > 200 else intents,
        "claim_ids": claims[:200].rsplit(",", 1)[0] if len(claims) > 200 else claims,
        "answered": question.answered,
        "via": question.via[:10],
    }


async def write_questions(session: AsyncSession, questions: Sequence[LoggedQuestion]) -> None:
    """One transaction, one multi-row insert."""
    if not questions:
        return
    async with write_transaction(session):
        await session.execute(insert(QuestionLogEntry), [_row(q) for q in questions])


async def purge_questions(session: AsyncSession, *, older_than: dt.datetime) -> int:
    async with write_transaction(session):
        result = await session.execute(
            delete(QuestionLogEntry).where(QuestionLogEntry.asked_at < older_than)
        )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def unanswered(
    session: AsyncSession, *, since: dt.datetime, limit: int = 30
) -> list[UnansweredGroup]:
    """Unanswered questions grouped by normalized text, most frequent first."""
    async with read_transaction(session):
        rows = (
            await session.execute(
                select(
                    QuestionLogEntry.normalized,
                    func.min(QuestionLogEntry.text),
                    func.count(),
                    func.max(QuestionLogEntry.asked_at),
                )
                .where(QuestionLogEntry.asked_at >= since, QuestionLogEntry.answered.is_(False))
                .group_by(QuestionLogEntry.normalized)
                .order_by(func.count().desc(), func.max(QuestionLogEntry.asked_at).desc())
                .limit(limit)
            )
        ).all()
    return [
        UnansweredGroup(normalized=n, example=t, count=int(c), last_asked=_aware(last))
        for n, t, c, last in rows
    ]


def _aware(value: dt.datetime | str) -> dt.datetime:
    if isinstance(value, str):  # SQLite returns aggregates of datetimes as text
        value = dt.datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


async def stats(session: AsyncSession, *, since: dt.datetime, days: int) -> Stats:
    async with read_transaction(session):
        rows = (
            await session.execute(
                select(
                    QuestionLogEntry.asked_at,
                    QuestionLogEntry.answered,
                    QuestionLogEntry.intents,
                    QuestionLogEntry.via,
                ).where(QuestionLogEntry.asked_at >= since)
            )
        ).all()
        subscribers = await session.scalar(select(func.count(func.distinct(Subscription.chat_id))))
    # Aggregated here: a few thousand rows a day at most, and it keeps SQL portable.
    per_day: dict[str, list[int]] = {}
    topics: Counter[str] = Counter()
    answered_total = 0
    inline = 0
    for asked_at, answered, intents, via in rows:
        key = _aware(asked_at).date().isoformat()
        bucket = per_day.setdefault(key, [0, 0])
        bucket[0] += 1
        if answered:
            bucket[1] += 1
            answered_total += 1
        if via == "inline":
            inline += 1
        for intent in filter(None, (intents or "").split(",")):
            topics[intent.removeprefix("topic:")] += 1
    return Stats(
        days=days,
        per_day=[(day, v[0], v[1]) for day, v in sorted(per_day.items())],
        total=len(rows),
        answered=answered_total,
        top_topics=topics.most_common(8),
        subscribers=int(subscribers or 0),
        inline_queries=inline,
    )
