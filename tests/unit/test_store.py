"""The store on SQLite and PostgreSQL: migrations, seed, snapshot, revision."""

from __future__ import annotations

import asyncio

from sqlalchemy import delete, func, select, update

from bot.runtime import Runtime
from db.models import Alias, Article, Claim, ClaimTranslation, Source
from db.revision import bump_revision
from db.session import write_transaction
from db.transfer import export_document, import_document, seed_document, seed_if_empty
from testkit.settings import make_settings


async def test_seed_models_the_whole_report(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        article = (await session.scalars(select(Article))).one()
        assert article.outlet == "HNGN"
        assert article.caveat == "HNGN cannot independently verify the claims."
        assert article.relies_on == "Daily NK"
        assert article.published_on is None  # the report gives no date
        sources = {s.name: s for s in await session.scalars(select(Source))}
        assert sources["a source in Russia"].told_to == "Daily NK"
        assert sources["a source in China"].told_to is None  # not said to whom
        assert sources["the article's own narration"].kind == "narration"
        quotas = {
            c.place: c for c in await session.scalars(select(Claim).where(Claim.kind == "quota"))
        }
        assert quotas["Sakhalin"].amount == 62000 and quotas["Sakhalin"].currency == "RUB"
        assert quotas["Dalian"].amount == 3400 and quotas["Dalian"].currency == "CNY"
        assert quotas["Dalian"].change_date == "March 10"
        assert quotas["Sakhalin"].change_date is None
        topics = set(await session.scalars(select(Claim.topic)))
        assert {
            "hours",
            "savings",
            "reason",
            "loyalty money",
            "protest",
            "locals",
            "women",
        } <= topics


async def test_seed_is_loaded_only_into_an_empty_store(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session, write_transaction(session):
        await session.execute(update(Claim).where(Claim.id == 1).values(amount=63000))
        await bump_revision(session)
    async with runtime.sessionmaker() as session:
        assert await seed_if_empty(session) is None
    async with runtime.sessionmaker() as session:
        assert await session.scalar(select(Claim.amount).where(Claim.id == 1)) == 63000


async def test_answers_follow_a_change_at_once(runtime: Runtime) -> None:
    before = await runtime.answer_engine()
    async with runtime.sessionmaker() as session, write_transaction(session):
        await session.execute(update(Claim).where(Claim.id == 2).values(amount=3500))
        await bump_revision(session)
    after = await runtime.answer_engine()
    assert after.revision > before.revision
    text = "\n".join(after.answer("dalian quota").lines)
    assert "3,500 yuan" in text and "7,000 yuan" in text


async def test_a_second_process_sees_the_change(runtime: Runtime) -> None:
    other = Runtime.create(make_settings(runtime.settings.database_url))
    try:
        assert "62,000" in "".join((await other.answer_engine()).answer("sakhalin").lines)
        async with runtime.sessionmaker() as session, write_transaction(session):
            await session.execute(update(Claim).where(Claim.id == 1).values(amount=61000))
            await bump_revision(session)
        assert "61,000" in "".join((await other.answer_engine()).answer("sakhalin").lines)
    finally:
        await other.close()


async def test_concurrent_first_starts_seed_once(database_url: str) -> None:
    runtimes = [Runtime.create(make_settings(database_url)) for _ in range(3)]
    try:
        await runtimes[0].prepare_store()  # schema first; seeding is what races
        async with runtimes[0].sessionmaker() as session, write_transaction(session):
            for model in (ClaimTranslation, Claim, Source, Alias, Article):
                await session.execute(delete(model))
        await asyncio.gather(*(rt.prepare_store(migrate=False) for rt in runtimes))
        async with runtimes[0].sessionmaker() as session:
            assert await session.scalar(select(func.count()).select_from(Article)) == 1
            assert await session.scalar(select(func.count()).select_from(Claim)) == 16
    finally:
        for rt in runtimes:
            await rt.close()


async def test_export_import_round_trip(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        document = await export_document(session)
    assert document["format"] == seed_document()["format"]
    async with runtime.sessionmaker() as session:
        summary = await import_document(session, document, mode="replace")
    assert summary.claims_created == 16
    async with runtime.sessionmaker() as session:
        again = await export_document(session)
    assert again["claims"] == document["claims"]
