"""A refused subscription says why: each failure has its own error and its own line."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.markup import plain_text
from bot.runtime import Runtime
from bot.services import Services
from db.kinds import SubscriptionKind
from db.models import Subscription
from db.notices import (
    MAX_SUBSCRIPTIONS_PER_CHAT,
    SubscriptionError,
    TooManySubscriptions,
    UnsupportedChat,
)
from tests.support.harness import Harness


async def _count(runtime: Runtime) -> int:
    async with runtime.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(Subscription)) or 0)


async def test_a_channel_is_refused_as_a_channel_not_as_too_many(runtime: Runtime) -> None:
    service = Services.create(runtime).subscriptions
    with pytest.raises(UnsupportedChat) as refused:
        await service.subscribe(-1001, "channel", SubscriptionKind.ALL, "")
    assert refused.value.message == (
        "Subscriptions work in private chats and groups, not in a channel."
    )
    assert not isinstance(refused.value, TooManySubscriptions)
    assert await _count(runtime) == 0


async def test_the_limit_is_its_own_error(runtime: Runtime) -> None:
    service = Services.create(runtime).subscriptions
    for claim_id in range(1, MAX_SUBSCRIPTIONS_PER_CHAT + 1):
        assert await service.subscribe(77, "private", SubscriptionKind.CLAIM, str(claim_id))
    with pytest.raises(TooManySubscriptions) as refused:
        await service.subscribe(77, "private", SubscriptionKind.ALL, "")
    assert refused.value.message == "This chat has too many subscriptions already."
    assert await _count(runtime) == MAX_SUBSCRIPTIONS_PER_CHAT


async def test_an_unknown_kind_is_a_bug_not_a_refusal(runtime: Runtime) -> None:
    service = Services.create(runtime).subscriptions
    with pytest.raises(ValueError) as raised:
        await service.subscribe(78, "private", "everything", "")  # type: ignore[arg-type]
    assert not isinstance(raised.value, SubscriptionError)
    assert await _count(runtime) == 0


async def test_the_chat_is_told_the_limit_in_one_line(harness: Harness) -> None:
    service = Services.create(harness.runtime).subscriptions
    for claim_id in range(1, MAX_SUBSCRIPTIONS_PER_CHAT + 1):
        await service.subscribe(901, "private", SubscriptionKind.CLAIM, str(claim_id))
    [out] = await harness.send("/subscribe", 901)
    assert plain_text(out).splitlines()[0] == "This chat has too many subscriptions already."
