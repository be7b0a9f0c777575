"""The documentation stays true to the code: one settings table, links that resolve."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.config import Settings

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = [
    REPO / "README.md",
    REPO / "ARCHITECTURE.md",
    REPO / "tests" / "questions" / "README.md",
    *sorted((REPO / "docs").glob("*.md")),
]


def test_the_readme_settings_table_lists_each_setting_once() -> None:
    example = re.findall(r"^([A-Z_]+)=", (REPO / ".env.example").read_text(), re.M)
    table = re.findall(r"^\| `([A-Z_]+)` \|", (REPO / "README.md").read_text(), re.M)
    fields = sorted(name.upper() for name in Settings.model_fields)
    assert sorted(table) == sorted(example) == fields
    assert len(table) == len(set(table)) and len(example) == len(set(example))


def test_the_readme_stays_a_newcomers_page() -> None:
    # Details belong in docs/; the README is the pitch, set-up, settings and links.
    assert len((REPO / "README.md").read_text()) < 12_000


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(REPO)))
def test_every_relative_link_resolves(document: Path) -> None:
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", document.read_text())
    relative = [target for target in targets if "://" not in target]
    missing = [target for target in relative if not (document.parent / target).exists()]
    assert missing == []
