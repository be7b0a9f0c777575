"""The test suite's own rules: markers by folder, and bench/ and testkit/ never import tests/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("folder", ["bench", "testkit"])
def test_bench_and_testkit_never_import_tests(folder: str) -> None:
    files = sorted((REPO / folder).rglob("*.py"))
    assert files, folder
    offenders = {
        str(path.relative_to(REPO)): sorted(
            name for name in imported_modules(path) if name.split(".")[0] == "tests"
        )
        for path in files
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_a_unit_test_is_marked_unit_only(request: pytest.FixtureRequest) -> None:
    assert [marker.name for marker in request.node.iter_markers()] == ["unit"]


def test_the_postgresql_backend_is_marked_postgres(
    request: pytest.FixtureRequest, backend: str
) -> None:
    names = {marker.name for marker in request.node.iter_markers()}
    assert names == ({"unit", "postgres"} if backend == "postgresql" else {"unit"})
