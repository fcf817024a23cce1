"""Ingest isolation beyond the generated corpus: lossless names, folders that cannot be
listed, endless streams of bad records held as counts, failures inside clean and dedup."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from flashpoint import settings as fp_settings
from flashpoint.ingest import list_files, read_inputs
from flashpoint.ingest.language import unsupported_script
from flashpoint.ingest.paths import path_of, source_name
from flashpoint.pipeline import MAX_KEPT_REJECTIONS, run_ingest
from flashpoint.records import Article, Rejected

GOOD = "Police detained twelve people after clashes near the port on Friday, officials said."


@given(st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\0" not in b))
def test_file_names_round_trip_and_print_on_one_line(name: bytes) -> None:
    shown = source_name(os.fsdecode(name))
    assert os.fsencode(path_of(shown)) == name
    assert shown.isprintable() or not any(c in shown for c in "\n\r\x85\u2028\u2029")
    assert "\n" not in shown and "\r" not in shown
    shown.encode("utf-8")  # storable as SQLite text


def test_unlistable_folder_is_one_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root can read any folder, so the permission error is simulated."""
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text(GOOD)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(GOOD)
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(list_files(tmp_path))
    problems = [f for f in found if isinstance(f, Rejected)]
    assert [p.reason for p in problems] == ["unreadable"]
    assert problems[0].path.endswith("locked") and "Permission denied" in problems[0].detail
    assert [f.name for f in found if isinstance(f, Path)] == ["a.txt"]


def test_endless_bad_records_are_counted_not_held(tmp_path: Path) -> None:
    """Rejections are written per batch and counted; the report keeps a few examples."""
    bad_lines = 20_000
    path = tmp_path / "noise.jsonl"
    with path.open("w") as out:
        for i in range(bad_lines):
            out.write(f"not json {i}\n")
        out.write(json.dumps({"text": GOOD}) + "\n")
    settings = fp_settings.load(
        overrides={"store.path": str(tmp_path / "n.db"), "extract.enabled": False}, environ={}
    )
    report = run_ingest([str(path)], settings)
    assert report.rejected["bad_json"] == bad_lines and report.new == 1
    assert len(report.rejections) == MAX_KEPT_REJECTIONS


def test_clean_failure_rejects_one_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import flashpoint.stages as stages

    real = stages.clean_article

    def flaky(article: Article, **kw: object) -> object:
        if "boom" in article.text:
            raise RuntimeError("a cleaning rule tripped")
        return real(article, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(stages, "clean_article", flaky)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    (folder / "b.txt").write_text(GOOD.replace("Friday", "Saturday") + " boom")
    settings = fp_settings.load(
        overrides={"store.path": str(tmp_path / "c.db"), "extract.enabled": False}, environ={}
    )
    seen: list[Article | Rejected] = []
    report = run_ingest([str(folder)], settings, on_item=seen.append)
    assert report.new == 1 and report.rejected == {"clean_failed": 1}
    assert [r.path.endswith("b.txt") for r in seen if isinstance(r, Rejected)] == [True]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("북한은 월요일 동해상으로 탄도미사일 한 발을 발사했다고 합동참모본부가 밝혔다.", "ko"),
        ("قال مسؤولون إن مسلحين هاجموا قافلة على الطريق السريع شمال المدينة يوم السبت.", "ar"),
        ("当地官员说，星期六有武装分子在城市北部的公路上袭击了一支车队，造成三人死亡。", "zh"),
        ("東京で土曜日に大規模なデモがあり、警察によると数千人が参加したということです。", "ja"),
        ("В субботу в центре города прошла акция протеста, сообщили местные власти.", "ru"),
    ],
)
def test_scripts_detected_offline(text: str, language: str) -> None:
    found = unsupported_script(text)
    assert found is not None and found[0] == language


def test_english_with_a_few_foreign_names_is_english() -> None:
    assert unsupported_script(GOOD + " The sign read 平壤 and Пхеньян.") is None


def test_language_unsupported_article_is_stored_with_its_language(tmp_path: Path) -> None:
    (tmp_path / "ko.txt").write_text(
        "북한은 월요일 동해상으로 탄도미사일 한 발을 발사했다고 밝혔다. " * 2
    )
    items = list(read_inputs([str(tmp_path)], max_bytes=10**6))
    [notice] = [i for i in items if isinstance(i, Rejected)]
    [article] = [i for i in items if isinstance(i, Article)]
    assert notice.reason == "language_unsupported" and article.language == "ko"


def test_folder_with_a_cut_gzip_and_a_bad_last_line_still_gives_events(tmp_path: Path) -> None:
    """The issue's case: good a.jsonl, cut b.jsonl.gz, good c.jsonl ending in a bad line,
    small batches: every good record stored, mentions and events built."""
    import gzip

    folder = tmp_path / "in"
    folder.mkdir()
    reports = [
        "Police fired tear gas at protesters in Nairobi on Monday, witnesses said.",
        "Gunmen killed four villagers in an attack near Maiduguri on Saturday, officials said.",
        "Troops clashed with rebels near Goma on Sunday, the army said.",
    ]
    lines = [json.dumps({"text": t, "published": "2025-03-04"}) for t in reports]
    (folder / "a.jsonl").write_text(lines[0] + "\n")
    packed = gzip.compress((lines[1] + "\n" + lines[1].replace("four", "five") + "\n").encode())
    (folder / "b.jsonl.gz").write_bytes(packed[: len(packed) - 12])
    (folder / "c.jsonl").write_text(lines[2] + "\n" + '{"text": "\\ud800"}\n')
    settings = fp_settings.load(
        overrides={"store.path": str(tmp_path / "e.db"), "ingest.batch_size": 1}, environ={}
    )
    report = run_ingest([str(folder)], settings)
    assert report.rejected == {"truncated": 1, "bad_unicode": 1}
    assert report.new >= 2 and report.mentions > 0 and report.events > 0


FORMAT_SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".jsonl.gz", ".warc", ".warc.gz", ".rss"]
STRUCTURED = st.one_of(
    st.binary(max_size=300),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=12,
    ).map(lambda v: json.dumps({"text": v, "title": v}).encode()),
)


@hsettings(max_examples=150, deadline=None)
@given(
    data=st.lists(STRUCTURED, min_size=1, max_size=3),
    suffix=st.sampled_from(FORMAT_SUFFIXES),
)
def test_any_bytes_in_any_format_give_records_never_an_unexpected_error(
    tmp_path_factory: pytest.TempPathFactory, data: list[bytes], suffix: str
) -> None:
    import gzip

    raw = b"\n".join(data)
    if suffix.endswith(".gz") and raw[:1] == b"\x00":
        raw = gzip.compress(raw)[: max(10, len(raw))]  # a valid start, maybe cut
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / f"x{suffix}").write_bytes(raw)
    items = list(read_inputs([str(folder)], max_bytes=10_000))
    assert items and all(isinstance(i, Article | Rejected) for i in items)
    assert not [i for i in items if isinstance(i, Rejected) and i.reason == "read_failed"]
    for item in items:
        if isinstance(item, Article):
            item.text.encode("utf-8")
            (item.title or "").encode("utf-8")
