"""The near-duplicate index on disk: LSH bands in the store, looked up by query, never loaded.

A near copy ingested in a later run is found through the stored bands; the index opened on
the store holds nothing; rows made with another banding are rebuilt on the next
ingest, with the same verdicts.
"""

from __future__ import annotations

from pathlib import Path

from test_dedup import OTHER, STORY, SYNDICATED

from flashpoint import settings as fp_settings
from flashpoint.dedup import DuplicateIndex, band_keys
from flashpoint.pipeline import _duplicate_index, run_ingest
from flashpoint.store import Store


def _ingest(db: Path, path: Path, text: str) -> None:
    path.write_text(text, "utf-8")
    settings = fp_settings.load(
        overrides={"store.path": str(db), "extract.enabled": False}, environ={}
    )
    run_ingest([str(path)], settings, workers=1)


def _links(db: Path) -> dict[str, tuple[str | None, str | None]]:
    with Store(db) as store:
        return {
            Path(r.article.source).name: (r.duplicate_of, r.duplicate_kind)
            for r in store.articles()
        }


def test_near_copy_in_a_later_run_is_found_on_disk(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    _ingest(db, tmp_path / "story.txt", STORY)
    _ingest(db, tmp_path / "other.txt", OTHER)
    settings = fp_settings.load(overrides={"store.path": str(db)}, environ={})
    with Store(db, write=True) as store:
        index = _duplicate_index(store, settings)
        assert index.held == 0  # nothing of the index is loaded: the store answers
        story = next(r for r in store.articles() if r.article.source.endswith("story.txt"))
        assert story.article.id in store.lsh_candidates(index.band_keys(_signature(STORY)))
    _ingest(db, tmp_path / "copy.txt", SYNDICATED)
    links = _links(db)
    assert links["copy.txt"][1] == "near" and links["other.txt"] == (None, None)
    assert links["copy.txt"][0] == _id_of(db, "story.txt")


def test_rows_of_another_banding_are_rebuilt(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    _ingest(db, tmp_path / "story.txt", STORY)
    with Store(db, write=True) as store:
        store.replace_lsh("some older banding", [])  # as if made by another version
        assert not store.lsh_candidates(DuplicateIndex().band_keys(_signature(STORY)))
    _ingest(db, tmp_path / "copy.txt", SYNDICATED)
    assert _links(db)["copy.txt"] == (_id_of(db, "story.txt"), "near")
    with Store(db) as store:
        assert store.lsh_layout() == DuplicateIndex().layout


def test_band_keys_split_the_signature_like_datasketch() -> None:
    index = DuplicateIndex(threshold=0.8, num_perm=128)
    assert index.bands * index.rows <= 128
    values = DuplicateIndex().signature(STORY)
    assert values is not None
    keys = band_keys(values.hashvalues, index.bands, index.rows)
    assert [band for band, _ in keys] == list(range(index.bands))
    other = values.hashvalues.copy()
    other[0] += 1  # one value changed: only the first band's key moves
    changed = [a != b for a, b in zip(keys, band_keys(other, index.bands, index.rows), strict=True)]
    assert changed == [True] + [False] * (index.bands - 1)


def _signature(text: str) -> bytes:
    signed = DuplicateIndex().sign(text)
    assert signed.signature is not None
    return signed.signature


def _id_of(db: Path, name: str) -> str:
    with Store(db) as store:
        return next(r.article.id for r in store.articles() if r.article.source.endswith(name))
