"""scripts/merge_catalogs.py: the catalogs merge by message (the git merge driver)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from babel.messages.catalog import Catalog

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "merge_catalogs.py"


def _driver() -> ModuleType:
    spec = importlib.util.spec_from_file_location("merge_catalogs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _catalog(**texts: str) -> Catalog:
    catalog = Catalog(locale="ru")
    for key, value in texts.items():
        catalog.add(key, value)
    return catalog


def _texts(catalog: Catalog) -> dict[str, str]:
    return {str(m.id): str(m.string) for m in catalog if m.id}


def test_both_sides_additions_are_kept_and_removals_applied() -> None:
    merge = _driver().merge
    base = _catalog(kept="k", removed="r", changed="c")
    ours = _catalog(kept="k", removed="r", changed="c", mine="m")
    theirs = _catalog(kept="k", changed="c2", theirs="t")
    assert _texts(merge(base, ours, theirs)) == {
        "kept": "k",
        "changed": "c2",
        "mine": "m",
        "theirs": "t",
    }


def test_when_both_sides_changed_a_text_ours_wins() -> None:
    merge = _driver().merge
    base = _catalog(text="a")
    assert _texts(merge(base, _catalog(text="ours"), _catalog(text="theirs"))) == {"text": "ours"}


def test_the_driver_writes_a_readable_sorted_catalog(tmp_path: Path) -> None:
    from babel.messages.pofile import read_po, write_po

    paths = {}
    for name, catalog in {
        "base": _catalog(b="1"),
        "ours": _catalog(b="1", c="3"),
        "theirs": _catalog(a="2", b="1"),
    }.items():
        paths[name] = tmp_path / f"{name}.po"
        with paths[name].open("wb") as handle:
            write_po(handle, catalog)
    assert _driver().main([str(paths["base"]), str(paths["ours"]), str(paths["theirs"])]) == 0
    with paths["ours"].open("rb") as handle:
        merged = read_po(handle)
    assert [m.id for m in merged if m.id] == ["a", "b", "c"]
