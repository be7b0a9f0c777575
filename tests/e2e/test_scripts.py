"""scripts/run and scripts/check install into .venv only when it is missing or
pyproject.toml changed: offline, a second start must not call pip at all.

The scripts run in a temporary copy of the project whose .venv/bin/python is a stub
that records its calls (pip succeeds or fails as told), so nothing is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

STUB_PYTHON = """#!/bin/sh
echo "$*" >> "$(dirname "$0")/../../calls.log"
if [ "$1" = "-m" ] && [ "$2" = "pip" ]; then exit "${STUB_PIP_EXIT:-0}"; fi
exit 0
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The scripts and pyproject.toml, with an existing .venv whose python is the stub."""
    shutil.copytree(REPO / "scripts", tmp_path / "scripts")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(STUB_PYTHON)
    python.chmod(0o755)
    for tool in ("ruff", "mypy", "lint-imports", "pytest"):  # the gate's tools: recorded, not run
        stub = python.parent / tool
        stub.write_text(f'#!/bin/sh\necho "{tool} $*" >> "$(dirname "$0")/../../calls.log"\n')
        stub.chmod(0o755)
    return tmp_path


def run(project: Path, script: str, *args: str, pip_exit: int = 0) -> list[str]:
    """Runs the script; returns the stub python's calls it made."""
    log = project / "calls.log"
    log.unlink(missing_ok=True)
    env = {**os.environ, "STUB_PIP_EXIT": str(pip_exit), "PYTHON": "false"}
    result = subprocess.run(
        [str(project / "scripts" / script), *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    calls = log.read_text().splitlines() if log.exists() else []
    if pip_exit:
        assert result.returncode != 0, result
    else:
        assert result.returncode == 0, result
    return calls


PIP = ["-m pip install --quiet --upgrade pip", "-m pip install --quiet -e ."]


def test_run_installs_once_then_starts_without_pip(project: Path) -> None:
    assert run(project, "run", "ask", "x") == [*PIP, "-m bot ask x"]
    # The second start (offline or not) goes straight to the bot.
    assert run(project, "run", "ask", "x", pip_exit=0) == ["-m bot ask x"]
    assert run(project, "run", "--help") == ["-m bot --help"]


def test_a_failed_install_is_tried_again_next_time(project: Path) -> None:
    assert run(project, "run", "ask", "x", pip_exit=1) == PIP[:1]  # offline: pip fails
    assert run(project, "run", "ask", "x") == [*PIP, "-m bot ask x"]


def test_a_changed_pyproject_reinstalls(project: Path) -> None:
    run(project, "run", "ask", "x")
    with (project / "pyproject.toml").open("a") as file:
        file.write("\n# a new dependency\n")
    assert run(project, "run", "ask", "x") == [*PIP, "-m bot ask x"]
    assert run(project, "run", "ask", "x") == ["-m bot ask x"]


def test_check_installs_dev_extras_once_and_run_reuses_them(project: Path) -> None:
    dev = ["-m pip install --quiet --upgrade pip", "-m pip install --quiet -e .[dev]"]
    run(project, "run", "ask", "x")
    # The gate needs the dev extras, which the plain install lacks.
    gate = [
        "ruff check .",
        "ruff format --check .",
        "mypy bot db tests bench testkit",
        "lint-imports ",
        "pytest -q",
    ]
    assert run(project, "check", "-q") == [*dev, *gate]
    assert run(project, "check", "-q") == gate
    assert run(project, "run", "ask", "x") == ["-m bot ask x"]


def test_a_missing_venv_is_created_and_installed(project: Path) -> None:
    shutil.rmtree(project / ".venv")
    stub = project / "stub-python3"
    # `python3 -m venv .venv` made by a stub that lays down the recording python.
    stub.write_text(
        "#!/bin/sh\nmkdir -p .venv/bin\n"
        f"cat > .venv/bin/python <<'STUB'\n{STUB_PYTHON}STUB\nchmod +x .venv/bin/python\n"
    )
    stub.chmod(0o755)
    env = {**os.environ, "PYTHON": str(stub)}
    result = subprocess.run(
        [str(project / "scripts" / "run"), "ask", "x"], cwd=project, env=env, check=False
    )
    assert result.returncode == 0
    assert (project / "calls.log").read_text().splitlines() == [*PIP, "-m bot ask x"]
