"""The CLI contract: what `articles`, `article`, `stats` and `settings` print."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

from flashpoint.evaluation import SUITES
from flashpoint.views import eval_text


def test_articles_json_contract(seeds_db: Path) -> None:
    rows = json.loads(run_cli("articles", "--db", str(seeds_db), "--format", "json").stdout)
    assert len(rows) == 3
    for row in rows:
        for key in (
            "id",
            "path",
            "outlet",
            "published",
            "title",
            "text",
            "duplicate_of",
            "removed",
        ):
            assert key in row
        for removal in row["removed"]:
            assert set(removal) >= {"start", "end", "reason"}
            assert removal["start"] < removal["end"]
    assert {r["published"] for r in rows} == {"2024-06-21", "2024-10-22", "2024-06-18"}


def test_article_parts(seeds_db: Path, seeds_dir: Path) -> None:
    rows = json.loads(run_cli("articles", "--db", str(seeds_db), "--format", "json").stdout)
    row = next(r for r in rows if r["path"].endswith("002_b253720c54e2a912.txt"))
    raw = run_cli("article", row["id"][:8], "--raw", "--db", str(seeds_db)).stdout
    assert raw.rstrip("\n") == (seeds_dir / "002_b253720c54e2a912.txt").read_text().rstrip("\n")
    clean = run_cli("article", row["id"], "--clean", "--db", str(seeds_db)).stdout
    assert clean.rstrip("\n") == row["text"]
    removed = json.loads(
        run_cli("article", row["id"], "--removed", "--format", "json", "--db", str(seeds_db)).stdout
    )["removed"]
    assert any(r["reason"] == "readmore_tag" and r["text"].startswith("[readmore") for r in removed)
    shown = run_cli("article", row["id"], "--db", str(seeds_db)).stdout
    assert "subheading:" in shown and "byline:" in shown


def test_unknown_article_is_a_clear_error(seeds_db: Path) -> None:
    proc = run_cli("article", "zzzzzz", "--db", str(seeds_db))
    assert proc.returncode == 1 and "no article with id" in proc.stderr


def test_stats_counts(seeds_db: Path) -> None:
    stats = json.loads(run_cli("stats", "--db", str(seeds_db), "--format", "json").stdout)
    assert stats["articles"] == 3 and stats["outlets"] == 3
    assert stats["published_from"] == "2024-06-18"


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    proc = run_cli("articles", "--db", str(tmp_path / "none.db"))
    assert proc.returncode == 2 and "no database here" in proc.stderr


def test_settings_lists_every_declared_setting() -> None:
    rows = json.loads(run_cli("settings", "--format", "json").stdout)
    names = {r["name"] for r in rows}
    assert {"dedup.threshold", "ingest.max_bytes", "store.path"} <= names
    assert all(r["help"] for r in rows)


def test_settings_masks_the_serve_token() -> None:
    proc = run_cli("settings", "--format", "json", env={"FLASHPOINT_SERVE_TOKEN": "s3cret-tok"})
    assert proc.returncode == 0 and "s3cret-tok" not in proc.stdout
    token = next(r for r in json.loads(proc.stdout) if r["name"] == "serve.token")
    assert token["value"] == "***"


def test_bad_setting_value_is_a_clear_error(tmp_path: Path) -> None:
    proc = run_cli(
        "stats", "--db", str(tmp_path / "x.db"), env={"FLASHPOINT_DEDUP_THRESHOLD": "high"}
    )
    assert proc.returncode == 2 and "must be a number" in proc.stderr


def test_eval_text_prints_a_suite_that_counts_no_items() -> None:
    """`flashpoint eval ipe` prints its scores; not every suite reports an item count."""
    text = eval_text({"suite": "ipe", "documents": 3, "sentence_kill_f1": 0.5})
    assert text.splitlines()[0] == "suite: ipe"
    assert "sentence_kill_f1: 0.5" in text
    assert eval_text({"suite": "seeds", "n": 16}).startswith("suite: seeds  n: 16")


def test_every_eval_suite_is_in_the_readme_and_an_unknown_one_is_refused() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    for name in SUITES:
        assert f"flashpoint eval {name} --data" in readme, name
    result = run_cli("eval", "no-such-suite", "--data", ".")
    assert result.returncode == 2 and "no-such-suite" in result.stderr
