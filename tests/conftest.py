"""Shared fixtures: where ../shared is, and helpers to run the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The synthetic events (bench/synthetic.py) draw every type, context ones too: tests of the
# page's and the API's machinery show them all (the default view's own rule has its tests).
SHOW_ALL: dict[str, object] = {"events.show_context": True}
SHARED = Path(os.environ.get("FLASHPOINT_SHARED", ROOT.parent / "shared")).resolve()
SEEDS = SHARED / "seeds"


def shared_path(*parts: str) -> Path:
    """A path under ../shared; CI must have it, a developer without it skips."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must have ../shared beside the checkout")
        pytest.skip(f"{path} not present")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds ingested once per test session through the CLI. Read it, don't write it:
    a test that ingests more makes its own database."""
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    proc = run_cli("ingest", str(shared_path("seeds")), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    return db


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


def run_cli(
    *args: str,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `flashpoint ARGS` in a subprocess, as a user would."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("FLASHPOINT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "flashpoint", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=300,
    )


# The browser tests' server and browser, shared by every tests/test_web_browser*.py module
# (imported here, after the helpers above that browser_support uses).
from browser_support import browser, page, phone, served  # noqa: E402, F401
