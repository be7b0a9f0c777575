"""The layers, read from the source: Telegram adapters -> services -> engine/domain -> db.

Handlers parse, call a service and format: they import no SQLAlchemy and open no
session. No module imports itself back through others (an import cycle).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ADAPTERS = [
    *sorted((ROOT / "bot" / "handlers").glob("*.py")),
    ROOT / "bot" / "app.py",
    ROOT / "bot" / "webhook.py",
]


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports at run time (function-level imports too)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def test_handlers_import_no_sqlalchemy_and_open_no_session() -> None:
    for path in ADAPTERS:
        imported = _imports(path)
        assert not any(name.split(".")[0] == "sqlalchemy" for name in imported), path.name
        assert "db.session" not in imported, path.name
        assert ".sessionmaker(" not in path.read_text(encoding="utf-8"), path.name


def test_no_import_cycle_in_bot_and_db() -> None:
    paths = [p for top in ("bot", "db") for p in (ROOT / top).rglob("*.py")]
    modules = {_module_name(p): p for p in paths if "migrations" not in p.parts}
    graph = {
        name: {m for m in _imports(path) if m in modules and m != name}
        for name, path in modules.items()
    }
    # A package's __init__ importing its own submodules is how packages work, not a cycle.
    for name in graph:
        graph[name] = {m for m in graph[name] if not m.startswith(name + ".")}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []
