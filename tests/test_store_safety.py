"""The store's promises at its edges: one writer however the path is spelled, a newer schema
refused by writers too, rejections stored once, articles stored unextracted caught up, and
clear lines (exit 2) for a database that cannot be used: a folder, random bytes, no
permission, a full disk."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

from flashpoint.records import Article, CleanText, Rejected
from flashpoint.settings import SettingsError, load
from flashpoint.store import DatabaseCorrupt, Store, StoreError, WriterBusy, migrations

EVENT_TEXT = (
    "North Korean soldiers crossed the Military Demarcation Line on Tuesday and retreated "
    "after South Korean troops fired warning shots, the Joint Chiefs of Staff said.\n"
)


def _stats(db: Path) -> dict[str, object]:
    done = run_cli("stats", "--db", str(db), "--format", "json")
    assert done.returncode == 0, done.stderr
    data: dict[str, object] = json.loads(done.stdout)
    return data


# -- one writer -------------------------------------------------------------------------------


def test_a_symlink_to_the_database_is_the_same_writer(tmp_path: Path) -> None:
    db = tmp_path / "real.db"
    link = tmp_path / "other-name.db"
    link.symlink_to(db)
    with Store(db, write=True), pytest.raises(WriterBusy):
        Store(link, write=True)
    with Store(link, write=True), pytest.raises(WriterBusy):  # and the other way round
        Store(tmp_path / "." / "real.db", write=True)


def test_a_newer_schema_is_refused_by_writers_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    Store(db, write=True).close()
    newer = migrations()[-1][0] + 1
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {newer}")
    con.close()

    def state() -> tuple[object, ...]:
        con = sqlite3.connect(db)
        try:
            return (
                con.execute("PRAGMA user_version").fetchone()[0],
                con.execute("SELECT group_concat(name) FROM sqlite_master").fetchone()[0],
                con.execute("SELECT COUNT(*) FROM runs").fetchone()[0],
            )
        finally:
            con.close()

    before = state()
    assert before[0] == newer
    for write in (False, True):
        with pytest.raises(StoreError, match="newer flashpoint"):
            Store(db, write=write)
    (tmp_path / "a.txt").write_text(EVENT_TEXT)
    done = run_cli("ingest", str(tmp_path / "a.txt"), "--db", str(db))
    assert done.returncode == 2 and "newer flashpoint" in done.stderr, done.stderr
    assert "internal error" not in done.stderr
    assert state() == before  # no run begun, no migration, nothing written


# -- once, and caught up ------------------------------------------------------------------------


def test_rejections_are_stored_once_per_input(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(EVENT_TEXT)
    (folder / "empty.txt").write_text("   \n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    db = tmp_path / "r.db"
    env = {"FLASHPOINT_EXTRACT_ENABLED": "false"}
    first = run_cli("ingest", str(folder), "--db", str(db), "--format", "json", env=env)
    stored = _stats(db)["rejections_by_reason"]
    assert isinstance(stored, dict) and sum(stored.values()) == 2, stored
    second = run_cli("ingest", str(folder), "--db", str(db), "--format", "json", env=env)
    # each run still reports what it met; the store keeps one row per input
    assert json.loads(first.stdout)["rejected"] == json.loads(second.stdout)["rejected"] == 2
    assert _stats(db)["rejections_by_reason"] == stored


def test_articles_stored_without_extraction_are_extracted_when_it_is_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(EVENT_TEXT)
    db = tmp_path / "x.db"
    args = ("ingest", str(tmp_path / "a.txt"), "--published", "2024-06-18", "--db", str(db))

    def ingest(**env: str) -> dict[str, int]:
        done = run_cli(*args, "--format", "json", env=env)
        assert done.returncode == 0, done.stderr
        report: dict[str, int] = json.loads(done.stdout)
        return report

    assert ingest(FLASHPOINT_EXTRACT_ENABLED="false")["mentions"] == 0
    assert _stats(db)["mentions"] == 0
    report = ingest()
    assert report["already_stored"] == 1 and report["mentions"] >= 1 and report["events"] >= 1
    assert _stats(db)["mentions"] == report["mentions"]
    again = ingest()
    assert again["mentions"] == 0 and _stats(db)["mentions"] == report["mentions"]  # once


# -- clear lines, exit 2 ------------------------------------------------------------------------


def _assert_clear(done: subprocess.CompletedProcess[str], path: Path, words: str) -> None:
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert str(path) in done.stderr and words in done.stderr, done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr


def test_a_folder_as_database(tmp_path: Path) -> None:
    folder = tmp_path / "adir"
    folder.mkdir()
    (tmp_path / "a.txt").write_text(EVENT_TEXT)
    for args in (("stats",), ("ingest", str(tmp_path / "a.txt")), ("events",)):
        _assert_clear(run_cli(*args, "--db", str(folder)), folder, "is a folder")


def test_random_bytes_as_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192))
    (tmp_path / "a.txt").write_text(EVENT_TEXT)
    for args in (("stats",), ("ingest", str(tmp_path / "a.txt")), ("export", "--format",
                 "json", "-o", str(tmp_path / "o.json"))):  # fmt: skip
        _assert_clear(run_cli(*args, "--db", str(junk)), junk, "not a readable flashpoint database")
    with pytest.raises(DatabaseCorrupt):
        Store(junk)


def test_a_damaged_database(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from synthetic import build_event_db

    db = build_event_db(tmp_path / "d.db", 300, seed=1)
    size = db.stat().st_size
    with db.open("r+b") as fh:  # every page but the first (the schema) is random bytes
        fh.seek(4096)
        fh.write(os.urandom(size - 4096))
    (tmp_path / "a.txt").write_text(EVENT_TEXT)
    out = str(tmp_path / "o.json")
    for args in (("events",), ("stats",), ("timeline",), ("export", "--format", "json", "-o", out),
                 ("ingest", str(tmp_path / "a.txt"))):  # fmt: skip
        _assert_clear(run_cli(*args, "--db", str(db)), db, "database disk image is malformed")


def test_a_fifo_as_database_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    for args in (("stats",), ("events",)):
        _assert_clear(run_cli(*args, "--db", str(fifo)), fifo, "not a regular file")


def test_a_database_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("")
    db = tmp_path / "afile" / "x.db"
    (tmp_path / "a.txt").write_text(EVENT_TEXT)
    _assert_clear(run_cli("ingest", str(tmp_path / "a.txt"), "--db", str(db)), db, "not a folder")


def _without_root_powers() -> list[str]:
    """A command prefix under which permissions apply (root ignores them otherwise)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    drop = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={drop}", f"--inh-caps={drop}"]


def test_no_permission_to_write(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    db = folder / "ro.db"
    (tmp_path / "a.txt").write_text(EVENT_TEXT)
    Store(db, write=True).close()
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        command = [sys.executable, "-m", "flashpoint", "ingest", str(tmp_path / "a.txt")]
        done = subprocess.run(
            [*_without_root_powers(), *command, "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        folder.chmod(0o755)
    _assert_clear(done, db, "cannot write here")


def test_a_full_disk_names_sqlites_own_error_and_loses_nothing_stored(tmp_path: Path) -> None:
    db = tmp_path / "full.db"
    with Store(db, write=True) as store:
        run = store.begin_run({})
        store.write_batch(run, [_article("small", "a few words")], [])
        pages = int(store._db.value("PRAGMA page_count"))
        store._db.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk is nearly full
        big = [_article(f"big{i}", "word " * 20000) for i in range(5)]
        with pytest.raises(StoreError, match="database or disk is full") as caught:
            store.write_batch(run, big, [Rejected("x.txt", "read", "empty", "")])
        assert "no transaction is active" not in str(caught.value)
        assert str(db) in str(caught.value)
        assert [r.article.id for r in store.articles()] == ["small"]  # the batch: none of it
        assert store.rejections() == []
        store._db.execute("PRAGMA max_page_count = 1073741823")  # space freed: the re-run
        store.write_batch(run, big, [])
        assert len(list(store.articles())) == 6


def _article(article_id: str, text: str) -> tuple[Article, CleanText, object]:
    class Verdict:
        content_hash = article_id
        signature = None
        duplicate_of = None
        kind = None
        score = None

    article = Article(id=article_id, source=f"{article_id}.txt", format="text", text=text)
    return article, CleanText(article_id=article_id, text=text, segments=()), Verdict()


# -- settings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[dedup]\nthreshold = 5.0\n", "dedup.threshold = 5.0 is out of range"),
        ("[ingest]\nbatch_size = -5\n", "ingest.batch_size = -5 is out of range"),
        ('[ingest]\nbatch_size = "many"\n', "must be a whole number"),
        ("[ingest]\nbatch_size = 2.5\n", "must be a whole number"),
        ('[extract]\nenabled = "perhaps"\n', "must be true or false"),
        ("[store]\npath = 5\n", "must be text"),
        ("store = 5\n", "settings go in tables"),
        ("[dedup\n", "not valid TOML"),
        ("[dedup]\ncolour = 1\n", "unknown setting"),
    ],
)
def test_bad_settings_are_one_clear_line(tmp_path: Path, text: str, words: str) -> None:
    config = tmp_path / "flashpoint.toml"
    config.write_text(text)
    with pytest.raises(SettingsError, match=r"flashpoint\.toml") as caught:
        load(config, environ={})
    assert words in str(caught.value)
    done = run_cli("stats", "--config", str(config), "--db", str(tmp_path / "x.db"))
    _assert_clear(done, config, words)


def test_settings_in_range_are_taken(tmp_path: Path) -> None:
    config = tmp_path / "ok.toml"
    config.write_text("[dedup]\nthreshold = 0.9\n[ingest]\nbatch_size = 7\nfetch_timeout_s = 3\n")
    settings = load(config, environ={"FLASHPOINT_EXTRACT_ENABLED": "off"})
    assert settings["dedup.threshold"] == 0.9 and settings["ingest.batch_size"] == 7
    assert settings["ingest.fetch_timeout_s"] == 3.0 and settings["extract.enabled"] is False


MERGE_0012 = ("merge_rank", "merge_published", "merge_at", "merge_lat", "merge_lon")


def test_corrections_made_before_schema_6_are_applied_by_the_migration(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from synthetic import build_event_db

    db = build_event_db(tmp_path / "old.db", 20, seed=4)
    with Store(db, write=True) as store:
        target = store.events()[3]
        store.add_correction(target.id, "mode", "denied", "the ministry denied it", "kim")
        assert store.event(target.id).mode == "denied"  # type: ignore[union-attr]
    # back to schema 5: the pipeline's record in place, no `original`, corrections kept
    con = sqlite3.connect(db)
    con.executescript(  # undo 0019, 0018, 0015 to 0012 (merge state), 0011 (covering indexes), 0009
        "ALTER TABLE mentions DROP COLUMN merge_anchors; "
        "ALTER TABLE mentions DROP COLUMN merge_definite; "
        "DROP INDEX events_type_cover; CREATE INDEX events_type_date ON events(type, date_start); "
        "ALTER TABLE mentions DROP COLUMN merge_place; "
        "ALTER TABLE mentions DROP COLUMN merge_placed_in; "
        "ALTER TABLE mentions DROP COLUMN merge_undated; "
        "DROP INDEX events_near_cover; "
        "CREATE INDEX events_near ON events(latitude, longitude, date_start, date_end, id); "
        "CREATE INDEX events_place ON events(latitude, longitude, geo_precision); "
        "DROP INDEX event_countries_event; "
        "DROP INDEX events_agg_timeline; DROP INDEX events_agg_places; "
        "DROP INDEX events_window; DROP INDEX events_near; "
        "DROP TRIGGER mentions_deleted; DROP TRIGGER mentions_replaced; "
        "DROP TRIGGER articles_relinked; DROP TABLE merge_dirty; DROP TABLE event_formerly; "
        "DROP INDEX events_block; DROP INDEX events_link_day; DROP INDEX events_span; "
        "DROP INDEX mentions_block; DROP INDEX mentions_merge_key; "
        + "".join(
            f"ALTER TABLE events DROP COLUMN {c};"
            for c in ("block", "link_role", "link_day", "countries")
        )
        + "".join(
            f"ALTER TABLE mentions DROP COLUMN {c};"
            for c in ("block", "merge_key", "span_class", "country", *MERGE_0012)
        )
    )
    con.executescript(
        # undo 0008 (its indexes name columns dropped below), then 0007 and 0006
        "DROP INDEX events_sort_date; DROP INDEX events_sort_sources; "
        "DROP INDEX events_sort_killed; DROP INDEX events_sort_confidence; "
        "DROP INDEX events_place; ALTER TABLE events DROP COLUMN outlets; "
        "ALTER TABLE events DROP COLUMN view; "
        "DELETE FROM event_stats WHERE key = 'data_version'; "
        "UPDATE events SET record = COALESCE(original, record), mode = 'happened' "
        "WHERE original IS NOT NULL;"
        "ALTER TABLE events DROP COLUMN original; DROP INDEX rejections_once;"
        "DROP INDEX events_confidence; ALTER TABLE events DROP COLUMN confidence;"
        "PRAGMA user_version = 5;"
    )
    con.close()
    with pytest.raises(StoreError, match="is old"):
        Store(db)
    with Store(db, write=True) as store:
        assert store.version == migrations()[-1][0]
        event = store.event(target.id)
        assert event is not None and event.mode == "denied"
        assert store.original_event(target.id) == target


def test_a_full_disk_during_a_merge_or_a_correction_keeps_the_events_before(
    tmp_path: Path,
) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from synthetic import build_event_db, synthetic_events

    db = build_event_db(tmp_path / "m.db", 50, seed=6)
    with Store(db, write=True) as store:
        before = store.events()
        pages = int(store._db.value("PRAGMA page_count"))
        store._db.execute(f"PRAGMA max_page_count = {pages + 1}")
        with pytest.raises(StoreError, match="database or disk is full"):
            store.replace_events(synthetic_events(3000, seed=7))
        assert store.events() == before
        long_reason = "x" * 400
        with pytest.raises(StoreError, match="database or disk is full"):
            for _ in range(200):  # corrections until the page budget runs out
                store.add_correction(before[0].id, "mode", "claimed", long_reason, "kim")
        store._db.execute("PRAGMA max_page_count = 1073741823")
        [history] = store.history([before[0]])
        stored = store.event(before[0].id)
        # every correction that was stored is applied; the one that did not fit left nothing
        assert stored is not None and (stored.mode == "claimed") == bool(history)
        assert len(history) < 200
