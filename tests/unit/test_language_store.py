"""Language preferences in the store: the 0009 migration, reads and writes, export/import."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from bot.__main__ import ask_once
from bot.runtime import Runtime
from db import languages, migrate
from db.document_schema import DocumentError
from db.kinds import Language
from db.session import create_engine
from db.transfer import export_document, import_document
from testkit.settings import make_settings

USER = 770_123
GROUP = -100_770_456


async def test_0009_upgrades_an_empty_and_a_populated_store(database_url: str) -> None:
    engine = create_engine(database_url, pool_pre_ping=False)
    try:
        await migrate.upgrade_engine(engine, "0007")
        async with engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO articles (id, outlet, title, caveat, is_default, created_at, "
                    "updated_at, version) VALUES (1, 'HNGN', 'A title', 'A caveat.', true, "
                    "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"
                )
            )
        await migrate.upgrade_engine(engine)
        async with engine.begin() as connection:
            kept = (await connection.execute(text("SELECT id, caveat FROM articles"))).all()
            empty = await connection.scalar(text("SELECT COUNT(*) FROM language_preferences"))
            await connection.execute(
                text(
                    "INSERT INTO language_preferences (telegram_id, language, updated_at) "
                    f"VALUES ({GROUP}, 'ko', CURRENT_TIMESTAMP)"
                )
            )
        with pytest.raises(IntegrityError):
            async with engine.begin() as connection:
                await connection.execute(
                    text(
                        "INSERT INTO language_preferences (telegram_id, language, updated_at) "
                        "VALUES (5, 'fr', CURRENT_TIMESTAMP)"
                    )
                )
    finally:
        await engine.dispose()
    assert kept == [(1, "A caveat.")]
    assert empty == 0


async def test_preferences_are_set_read_and_deleted(database_url: str) -> None:
    runtime = Runtime.create(make_settings(database_url))
    try:
        await runtime.prepare_store()
        async with runtime.sessionmaker() as session:
            assert await languages.language_of(session, USER) is None
            await languages.set_language(session, USER, Language.RU)
            await languages.set_language(session, USER, Language.KO)  # changed, one row
            await languages.set_language(session, GROUP, Language.ZH)
            assert await languages.language_of(session, USER) == Language.KO
            assert await languages.languages_of(session, [USER, GROUP, 1, USER]) == {
                USER: Language.KO,
                GROUP: Language.ZH,
            }
            assert await languages.clear_language(session, USER) is True
            assert await languages.clear_language(session, USER) is False
            assert await languages.languages_of(session, []) == {}
    finally:
        await runtime.close()


async def test_export_and_import_carry_the_preferences(database_url: str) -> None:
    runtime = Runtime.create(make_settings(database_url))
    try:
        await runtime.prepare_store()
        async with runtime.sessionmaker() as session:
            plain = await export_document(session)
        assert "languages" not in plain  # none stored: the document is as before
        async with runtime.sessionmaker() as session:
            await languages.set_language(session, USER, Language.RU)
            await languages.set_language(session, GROUP, Language.KO)
        async with runtime.sessionmaker() as session:
            full = await export_document(session)
        async with runtime.sessionmaker() as session:
            public = await export_document(session, include_editors=False)
        assert full["languages"] == [
            {"telegram_id": GROUP, "language": "ko"},
            {"telegram_id": USER, "language": "ru"},
        ]
        assert "languages" not in public  # user ids only with the editors
        # A merge sets what it lists and leaves the rest.
        async with runtime.sessionmaker() as session:
            await import_document(
                session, {**plain, "languages": [{"telegram_id": USER, "language": "zh"}]}
            )
            assert await languages.languages_of(session, [USER, GROUP]) == {
                USER: Language.ZH,
                GROUP: Language.KO,
            }
        # A replace without the list leaves them; with it, keeps exactly those.
        async with runtime.sessionmaker() as session:
            await import_document(session, plain, mode="replace")
            assert len(await languages.languages_of(session, [USER, GROUP])) == 2
            await import_document(session, full | {"languages": []}, mode="replace")
            assert await languages.languages_of(session, [USER, GROUP]) == {}
            await import_document(session, full, mode="replace")
            assert await languages.languages_of(session, [USER, GROUP]) == {
                USER: Language.RU,
                GROUP: Language.KO,
            }
    finally:
        await runtime.close()


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        ([{"telegram_id": 5, "language": "fr"}], "languages[0].language"),
        ([{"telegram_id": 0, "language": "ru"}], "languages[0].telegram_id"),
        ([{"telegram_id": "5", "language": "ru"}], "languages[0].telegram_id"),
        ([{"telegram_id": 2**60, "language": "ru"}], "languages[0].telegram_id"),
        (
            [{"telegram_id": 5, "language": "ru"}, {"telegram_id": 5, "language": "ko"}],
            "languages: telegram_id 5 appears 2 times",
        ),
        ([{"telegram_id": 5, "language": "ru", "name": "Ann"}], "languages[0].name"),
    ],
)
async def test_bad_preferences_in_a_document_are_refused(
    sqlite_url: str, rows: list[dict[str, object]], problem: str
) -> None:
    runtime = Runtime.create(make_settings(sqlite_url))
    try:
        await runtime.prepare_store()
        async with runtime.sessionmaker() as session:
            document = await export_document(session)
        with pytest.raises(DocumentError) as raised:
            async with runtime.sessionmaker() as session:
                await import_document(session, {**document, "languages": rows})
        assert problem in str(raised.value)
    finally:
        await runtime.close()


async def test_the_terminal_gives_the_caveat_in_the_questions_language(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    await ask_once(make_settings(sqlite_url), "사할린 할당량")
    korean = capsys.readouterr().out
    await ask_once(make_settings(sqlite_url), "sakhalin quota")
    english = capsys.readouterr().out
    assert korean.endswith(
        "⚠️ 검증되지 않음. HNGN은 이 주장들을 독자적으로 확인할 수 없습니다.\n"
        "매체 원문: HNGN cannot independently verify the claims.\n"
    )
    assert english.endswith("⚠️ Unverified. HNGN cannot independently verify the claims.\n")
