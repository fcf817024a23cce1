"""A generated corpus of bad files: one rejection each, a clear line, no traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

from conftest import run_cli

GOOD = "Police dispersed a crowd of protesters outside the ministry on Monday, witnesses said."


def make_bad_corpus(root: Path) -> dict[str, str]:
    """Write one file per kind of bad input; return file name -> expected reason code."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "good.txt").write_text(GOOD)
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text("   \n\n  ")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (root / "huge.txt").write_bytes(b"word " * 300_000)  # 1.5 MB, over the 1 MB test limit
    (root / "no_body.html").write_text("<html><head><title>x</title></head><body></body></html>")
    (root / "broken.json").write_text('{"text": "unterminated')
    (root / "no_text.json").write_text(json.dumps({"title": "only a title"}))
    (root / "lines.jsonl").write_text(json.dumps({"text": GOOD + " Again."}) + "\n{oops\n")
    (root / "bad.warc").write_bytes(b"WARC/1.0\r\nthis is not a warc record\r\n\r\n")
    (root / "bad.rss").write_text("<rss><channel><title>t</title>")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    unreadable = root / "secret.txt"
    unreadable.write_text(GOOD + " Secret.")
    unreadable.chmod(0)
    return {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "binary.txt": "binary",
        "huge.txt": "too_large",
        "no_body.html": "no_text",
        "broken.json": "bad_json",
        "no_text.json": "no_text",
        "lines.jsonl": "bad_json",
        "bad.warc": "bad_warc",
        "bad.rss": "bad_feed",
        "image.png": "unsupported",
        **({} if os.geteuid() == 0 else {"secret.txt": "unreadable"}),
    }


def test_bad_corpus_one_rejection_per_bad_file(tmp_path: Path) -> None:
    corpus = tmp_path / "bad"
    expected = make_bad_corpus(corpus)
    db = tmp_path / "x.db"
    proc = run_cli(
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--format",
        "json",
        env={"FLASHPOINT_INGEST_MAX_BYTES": "1000000"},
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("rejected: ")]
    for name, reason in expected.items():
        hits = [ln for ln in lines if f"{name}" in ln]
        assert len(hits) == 1, (name, hits)
        assert f": {reason}: " in hits[0], hits[0]
    assert any("lines.jsonl:2" in ln for ln in lines), "a bad JSON line is named file:line"
    report = json.loads(proc.stdout)
    assert report["rejected"] == len(lines) == len(expected)
    assert report["rejected_by_reason"]["empty"] == 2
    stored = run_cli("articles", "--db", str(db), "--format", "json")
    texts = [a["text"] for a in json.loads(stored.stdout)]
    assert GOOD in texts and len(texts) >= 2


def test_nothing_ingested_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run_cli("ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "x.db"))
    assert proc.returncode == 1
    assert "empty.txt: empty:" in proc.stderr and "Traceback" not in proc.stderr


def test_missing_path_is_a_rejection_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(GOOD)
    proc = run_cli(
        "ingest", str(tmp_path / "nope"), str(tmp_path / "ok.txt"), "--db", str(tmp_path / "x.db")
    )
    assert proc.returncode == 0
    assert "nope: unreadable: no such file or directory" in proc.stderr


def test_bad_meta_json_is_reported_and_files_still_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "meta.json").write_text("{not json")
    proc = run_cli("ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--format", "json")
    assert json.loads(proc.stdout)["new_articles"] == 1
    assert "meta.json: bad_meta:" in proc.stderr


def test_stdin(tmp_path: Path) -> None:
    proc = run_cli(
        "ingest",
        "-",
        "--db",
        str(tmp_path / "x.db"),
        "--published",
        "2025-03-03",
        "--outlet",
        "Pipe",
        "--format",
        "json",
        stdin=GOOD.encode(),
    )
    assert json.loads(proc.stdout)["new_articles"] == 1
    out = json.loads(run_cli("articles", "--db", str(tmp_path / "x.db"), "--format", "json").stdout)
    assert out[0]["outlet"] == "Pipe" and out[0]["published"] == "2025-03-03"
