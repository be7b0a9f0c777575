"""One text folding for questions and stored aliases, and the engine's import boundary."""

from __future__ import annotations

import subprocess
import sys

from bot.engine.text import normalize
from bot.runtime import Runtime
from db.editing import normalize_term
from db.textfold import fold


def test_typographic_quotes_fold_alike_for_aliases_and_questions() -> None:
    # Before, the alias check folded only ’ and the engine ‘ and ’: “o‘brien” and
    # “o'brien” were two aliases (the uniqueness constraint missed the duplicate).
    for typed in ("O‘Brien", "O’Brien", "O'Brien", "o‛brien"):
        assert normalize_term(typed) == "o'brien", typed
        assert normalize(typed) == "o'brien", typed
    assert normalize_term("“Loyalty”  cash") == fold('"loyalty" cash') == '"loyalty" cash'
    assert normalize("“Loyalty”  cash") == '"loyalty" cash'
    # Invisible characters are dropped on both paths.
    assert normalize_term("sak\u200bhalin") == normalize("sak\u200bhalin") == "sakhalin"


def test_the_engine_imports_no_database_or_telegram_layer() -> None:
    code = (
        "import sys, bot.engine\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'telegram')"
        " or m in ('db.models', 'db.session', 'db.snapshot'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


async def test_an_import_folds_alias_terms_as_the_alias_commands_do(
    sqlite_runtime: Runtime,
) -> None:
    """Before, an import stored terms only casefolded: "o’brien" and "o‘brien" were two."""
    from sqlalchemy import func, select

    from db.models import Alias
    from db.transfer import export_document, import_document

    async with sqlite_runtime.sessionmaker() as session:
        document = await export_document(session)
    for term in ("O’Brien", "o‘brien", "O'BRIEN"):
        document["aliases"] = [{"term": term, "kind": "place", "value": "Sakhalin"}]
        async with sqlite_runtime.sessionmaker() as session:
            await import_document(session, document, mode="merge")
    async with sqlite_runtime.sessionmaker() as session:
        terms = (await session.scalars(select(Alias.term).where(Alias.value == "Sakhalin"))).all()
        count = await session.scalar(
            select(func.count()).select_from(Alias).where(Alias.term == "o'brien")
        )
    assert count == 1
    assert not any("’" in term or "‘" in term for term in terms)
