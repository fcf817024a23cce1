"""The embedded store: WAL, migrations, idempotent re-ingest, one writer, kill -9 and resume."""

from __future__ import annotations

import contextlib
import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_cli

from flashpoint.settings import load
from flashpoint.store import Store, StoreError, WriterBusy, migrations

WORDS = (
    "army rebels village border patrol shelling market convoy bridge district police crowd "
    "ministry drone airport highway checkpoint camp river night morning officials said "
    "reported clashes wounded killed fled returned"
).split()


def write_corpus(path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w") as fh:
        for i in range(n):
            text = " ".join(rng.choice(WORDS) for _ in range(80)) + f". Report {i}."
            fh.write(json.dumps({"id": f"r{i}", "text": text, "published": "2025-03-01"}) + "\n")


def test_wal_mode_and_schema_version(db: Path) -> None:
    with Store(db, write=True) as store:
        assert store.journal_mode == "wal"
        assert store.version == migrations()[-1][0]


def test_reader_needs_existing_database(db: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        Store(db)


def test_second_writer_is_refused(db: Path) -> None:
    with Store(db, write=True), pytest.raises(WriterBusy):
        Store(db, write=True)


def test_reingesting_seeds_adds_nothing(seeds_dir: Path, db: Path) -> None:
    first = run_cli("ingest", str(seeds_dir), "--db", str(db), "--format", "json")
    second = run_cli("ingest", str(seeds_dir), "--db", str(db), "--format", "json")
    assert json.loads(first.stdout)["new_articles"] == 3
    report = json.loads(second.stdout)
    assert (report["new_articles"], report["already_stored"]) == (0, 3)
    rows = json.loads(run_cli("articles", "--db", str(db), "--format", "json").stdout)
    assert len(rows) == 3
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM clean_texts").fetchone()[0] == 3


def _count(db: Path) -> int:
    with Store(db) as store:
        return int(store.stats()["articles"])


def test_kill_during_ingest_then_resume(tmp_path: Path) -> None:
    corpus, db = tmp_path / "big.jsonl", tmp_path / "k.db"
    n = 4000
    write_corpus(corpus, n)
    env = {"FLASHPOINT_INGEST_BATCH_SIZE": "50", "FLASHPOINT_EXTRACT_ENABLED": "false"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "flashpoint", "ingest", str(corpus), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**__import__("os").environ, **env},
    )
    seen_while_writing = 0
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            with contextlib.suppress(StoreError):  # schema not created yet
                seen_while_writing = _count(db)  # a second process reads during the write
        if seen_while_writing >= 500:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the ingest finished before it could be killed; raise n"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _count(db)
    assert 0 < partial < n
    resumed = run_cli("ingest", str(corpus), "--db", str(db), "--format", "json", env=env)
    report = json.loads(resumed.stdout)
    assert report["already_stored"] == partial
    assert report["new_articles"] == n - partial
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*), COUNT(DISTINCT external_id) FROM articles").fetchone() == (
        n,
        n,
    )
    assert con.execute("SELECT COUNT(*) FROM clean_texts").fetchone()[0] == n
    statuses = dict(con.execute("SELECT status, COUNT(*) FROM runs GROUP BY status").fetchall())
    assert statuses == {"interrupted": 1, "done": 1}


def test_database_path_from_environment(tmp_path: Path) -> None:
    settings = load(environ={"FLASHPOINT_DB": str(tmp_path / "env.db")})
    assert settings["store.path"] == str(tmp_path / "env.db")
    (tmp_path / "a.txt").write_text("Soldiers fired warning shots across the line on Sunday.")
    proc = run_cli("ingest", str(tmp_path / "a.txt"), env={"FLASHPOINT_DB": str(tmp_path / "e.db")})
    assert proc.returncode == 0 and (tmp_path / "e.db").exists()


def _mention_ids(db: Path) -> set[str]:
    with Store(db) as store:
        return {m.id for m in store.mentions()}


def test_kill_during_catch_up_extraction_then_resume(tmp_path: Path) -> None:
    """Articles stored with extraction off are extracted by the next run, in batches; a run
    killed in the middle loses nothing and the resumed run ends where an unbroken one does."""
    corpus, db, ref = tmp_path / "c.jsonl", tmp_path / "k.db", tmp_path / "ref.db"
    with corpus.open("w") as fh:
        for i in range(240):
            text = (
                f"Soldiers fired warning shots at a patrol near checkpoint {i} on Tuesday, "
                f"officials said. Troops shelled the border village of Post {i} at night."
            )
            fh.write(json.dumps({"id": f"r{i}", "text": text, "published": "2024-06-20"}) + "\n")
    off = {"FLASHPOINT_EXTRACT_ENABLED": "false"}
    assert run_cli("ingest", str(corpus), "--db", str(db), env=off).returncode == 0
    ref.write_bytes(db.read_bytes())
    assert _mention_ids(db) == set()
    proc = subprocess.Popen(
        [sys.executable, "-m", "flashpoint", "ingest", str(corpus), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**__import__("os").environ, "FLASHPOINT_INGEST_BATCH_SIZE": "5"},
    )
    seen = 0
    deadline = time.time() + 180
    while time.time() < deadline and proc.poll() is None and seen == 0:
        with contextlib.suppress(StoreError), Store(db) as store:
            seen = int(store.stats()["mentions"])
        time.sleep(0.02)
    assert proc.poll() is None, "the catch-up finished before it could be killed; raise n"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _mention_ids(db)
    done = run_cli("ingest", str(corpus), "--db", str(db), "--format", "json")
    assert done.returncode == 0, done.stderr
    unbroken = run_cli("ingest", str(corpus), "--db", str(ref), "--format", "json")
    assert unbroken.returncode == 0, unbroken.stderr
    assert _mention_ids(db) == _mention_ids(ref)
    assert set() < partial < _mention_ids(ref)  # killed in the middle of the catch-up
    with Store(db) as a, Store(ref) as b:
        assert [e.id for e in a.events()] == [e.id for e in b.events()]
        assert a.unextracted_ids() == b.unextracted_ids() == []
