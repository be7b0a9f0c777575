"""One text folding for questions and stored aliases, and the engine's import boundary."""

from __future__ import annotations

import subprocess
import sys

from bot.engine.text import normalize
from bot.textfold import fold
from db.editing import normalize_term


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
