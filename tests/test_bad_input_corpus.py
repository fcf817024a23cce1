"""Every kind of bad input in tests/badinput.py, ingested together through the CLI.

For each kind: the good records beside the bad one are all stored, exactly one clear
``rejected:`` line names it (none for odd-but-readable input), no internal error, no hang
(the run has a time limit) and bounded memory (the CLI's peak RSS is measured).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from badinput import ENV, make_corpus
from conftest import run_cli

TIME_LIMIT_S = 240
MAX_RSS_MB = 900  # the bomb kind alone would need over 512 MB if a line were held whole

_MEASURE = """
import resource, subprocess, sys
proc = subprocess.run([sys.executable, "-m", "flashpoint", *sys.argv[1:]], timeout={limit})
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(f"peak-rss-mb: {{peak}}", file=sys.stderr)
sys.exit(proc.returncode)
"""


def _ingest_measured(args: list[str], env: dict[str, str]) -> tuple[int, str, str, int]:
    """(exit status, stdout, stderr, peak RSS in MB) of `flashpoint ARGS`."""
    full = {**os.environ, **env}
    full.pop("FLASHPOINT_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE.format(limit=TIME_LIMIT_S), *args],
        capture_output=True,
        text=True,
        env=full,
        timeout=TIME_LIMIT_S + 30,
    )
    err_lines = proc.stderr.splitlines()
    peak = int(err_lines[-1].split(": ")[1])
    return proc.returncode, proc.stdout, "\n".join(err_lines[:-1]), peak


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("bad")
    kinds = make_corpus(root / "corpus")
    db = root / "bad.db"
    code, out, err, peak = _ingest_measured(
        ["ingest", str(root / "corpus"), "--db", str(db), "--format", "json"], ENV
    )
    stored = json.loads(run_cli("articles", "--db", str(db), "--format", "json").stdout)
    return {
        "root": root / "corpus",
        "kinds": kinds,
        "code": code,
        "report": out,
        "stderr": err,
        "peak": peak,
        "stored": stored,
    }


def test_at_least_sixty_kinds(corpus_run: dict[str, object]) -> None:
    assert len(corpus_run["kinds"]) >= 60  # type: ignore[arg-type]


def test_run_completes_without_internal_error(corpus_run: dict[str, object]) -> None:
    err = str(corpus_run["stderr"])
    assert corpus_run["code"] == 0, err[-2000:]
    assert "internal error" not in err and "Traceback" not in err and "Aborted" not in err
    assert json.loads(str(corpus_run["report"]))["new_articles"] > 60
    noise = [ln for ln in err.splitlines() if ln.strip() and not ln.startswith("rejected: ")]
    assert not noise, "only rejection lines on stderr, no library chatter"


def test_memory_stays_bounded(corpus_run: dict[str, object]) -> None:
    peak = int(corpus_run["peak"])  # type: ignore[call-overload]
    assert peak < MAX_RSS_MB, f"peak RSS {peak} MB"


def test_each_kind_one_line_and_good_records_stored(corpus_run: dict[str, object]) -> None:
    root = str(corpus_run["root"])
    lines = [ln for ln in str(corpus_run["stderr"]).splitlines() if ln.startswith("rejected: ")]
    stored = [a["path"] for a in corpus_run["stored"]]  # type: ignore[attr-defined]
    problems = []
    for name, kind in corpus_run["kinds"].items():  # type: ignore[attr-defined]
        prefix = f"{root}/{name}/"
        mine = [ln for ln in lines if ln.startswith(f"rejected: {prefix}")]
        want = 0 if kind.reason is None else 1
        if len(mine) != want or (want and f": {kind.reason}: " not in mine[0]):
            problems.append(f"{name}: want {kind.reason!r}, got {mine}")
        count = sum(1 for path in stored if path.startswith(prefix))
        if count != kind.stored:
            problems.append(f"{name}: {count} articles stored, want {kind.stored}")
    assert not problems, "\n".join(problems)
    kinds_lines = sum(1 for k in corpus_run["kinds"].values() if k.reason)  # type: ignore[attr-defined]
    assert len(lines) == kinds_lines, "every rejection line belongs to one kind"


def test_odd_file_names_are_one_escaped_line(corpus_run: dict[str, object]) -> None:
    err = str(corpus_run["stderr"])
    assert "/a\\nrejected: forged: empty: fake.txt: empty:" in err
    assert not any(ln.startswith("rejected: forged") for ln in err.splitlines())
    assert "/empty\\xff\\xfe.txt: empty:" in err
    assert "/\\x1b[31mred\\x1b[0m\\t.txt: empty:" in err
    paths = [a["path"] for a in corpus_run["stored"]]  # type: ignore[attr-defined]
    assert any(p.endswith("/caf\\xe9.txt") for p in paths)


def test_fifo_given_as_a_path_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.jsonl")
    (tmp_path / "ok.txt").write_text("Police detained twelve people after clashes in the port.")
    proc = run_cli(
        "ingest",
        str(tmp_path / "pipe.jsonl"),
        str(tmp_path / "ok.txt"),
        "--db",
        str(tmp_path / "x.db"),
        "--format",
        "json",
        env={"FLASHPOINT_EXTRACT_ENABLED": "false"},
    )
    assert proc.returncode == 0, proc.stderr
    assert "pipe.jsonl: not_a_file:" in proc.stderr
    assert json.loads(proc.stdout)["new_articles"] == 1
