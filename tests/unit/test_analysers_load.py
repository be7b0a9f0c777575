"""How the language analysers load (bot/engine/analysis.py): once a process, whichever
thread asks first; jieba's trimmed table kept only in the folder named for it."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bot.engine import analysis
from bot.engine.analysis import _once, keep_tables_in, tables_file


def test_a_load_runs_once_and_a_second_thread_waits_for_it() -> None:
    started = threading.Event()
    calls: list[str] = []

    @_once
    def slow() -> list[str]:
        calls.append(threading.current_thread().name)
        started.set()
        time.sleep(0.2)
        return ["loaded"]

    results: list[list[str]] = []
    first = threading.Thread(target=lambda: results.append(slow()), name="first")
    first.start()
    assert started.wait(5)
    second = slow()  # asked while the first thread loads: waits, does not load again
    first.join()
    assert calls == ["first"]
    assert results == [second] and results[0] is second


@pytest.fixture
def folder_reset() -> object:
    yield
    keep_tables_in(None)


def test_the_table_is_kept_in_its_folder_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder_reset: object
) -> None:
    load = analysis._chinese_tables.__wrapped__  # type: ignore[attr-defined]
    keep_tables_in(tmp_path)
    built = load()
    assert [p.name for p in tmp_path.iterdir()] == [tables_file()]
    frequencies, total, places = analysis._prefix_dictionary(analysis.MIN_WORD_FREQUENCY)
    assert built == (frequencies, total, frozenset(places))
    assert "沈阳" in places and frequencies["北京"] >= analysis.MIN_WORD_FREQUENCY

    def no_building(minimum: int) -> object:
        raise AssertionError("built again instead of read from the folder")

    monkeypatch.setattr(analysis, "_prefix_dictionary", no_building)
    assert load() == built
    # A damaged file is built again, not trusted.
    monkeypatch.undo()
    (tmp_path / tables_file()).write_bytes(b"not marshal")
    assert load() == built
    assert (tmp_path / tables_file()).read_bytes() != b"not marshal"


def test_nothing_is_written_outside_the_stores_folder(tmp_path: Path) -> None:
    """A fresh process warms up and answers a Chinese question: jieba's table goes beside
    the SQLite store, and nothing at all into the temp folder (jieba would write its own
    cache there) or the home folder."""
    store, temp, home = tmp_path / "store", tmp_path / "temp", tmp_path / "home"
    for folder in (store, temp, home):
        folder.mkdir()
    url = f"sqlite+aiosqlite:///{store / 'facts.sqlite3'}"
    script = (
        "import asyncio\n"
        "from bot.config import Settings\n"
        "from bot.runtime import Runtime\n"
        "async def main():\n"
        f"    runtime = Runtime.create(Settings(database_url={url!r}))\n"
        "    await runtime.prepare_store()\n"
        "    await runtime.warm_up()\n"
        "    engine = await runtime.answer_engine()\n"
        "    print(*engine.answer('萨哈林现在每个月交多少？').lines)\n"
        "    await runtime.close()\n"
        "asyncio.run(main())\n"
    )
    env = {"TMPDIR": str(temp), "PATH": "/usr/bin:/bin", "HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "124,000" in done.stdout
    assert list(temp.iterdir()) == [] and list(home.iterdir()) == []
    assert tables_file() in {p.name for p in store.iterdir()}
