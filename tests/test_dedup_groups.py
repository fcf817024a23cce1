"""Duplicate groups on disk: a group is its original and the articles whose stored
``duplicate_of`` names it, read back by query in every later run (nothing is loaded).

Ingests split into runs (each opens the store afresh) and small batches give the same links
as one run in another order, and the same links as the in-memory index fed the same articles.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_dedup import OTHER, STORY, SYNDICATED, _links, corpus

from flashpoint import settings as fp_settings
from flashpoint.pipeline import run_ingest
from flashpoint.store import Store

Link = tuple[str | None, str | None, float | None]
Item = tuple[str, str, str | None]  # (external id, text, published)


def _ingest(db: Path, items: list[Item], batch_size: int = 200) -> None:
    """Ingest ``items`` as one JSON-lines file in one run (a fresh Store)."""
    path = db.with_name(f"in{len(list(db.parent.glob('in*')))}.jsonl")
    lines = [json.dumps({"id": i, "text": t, "published": p}) for i, t, p in items]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    overrides = {"store.path": str(db), "extract.enabled": False, "ingest.batch_size": batch_size}
    run_ingest([str(path)], fp_settings.load(overrides=overrides, environ={}), workers=1)


def _stored(db: Path) -> tuple[dict[str, Link], list[Item], dict[str, str]]:
    """Links by external id, (article id, clean text, published) in id order, and the external
    id of each article id."""
    with Store(db) as store:
        rows = list(store.articles())
    names = {r.article.id: r.article.external_id or "" for r in rows}
    links = {
        names[r.article.id]: (
            names.get(r.duplicate_of or "", r.duplicate_of),
            r.duplicate_kind,
            r.duplicate_score,
        )
        for r in rows
    }
    texts = sorted((r.article.id, r.clean.text, r.article.published) for r in rows)
    return links, texts, names


def test_a_group_read_from_disk_is_regrouped_as_in_one_run(tmp_path: Path) -> None:
    story = ("story", STORY, "2025-01-03")
    other = ("other", OTHER, "2025-01-02")
    earlier = ("syndicated", SYNDICATED, "2025-01-01")  # published first: the original
    copy = ("copy", STORY.upper(), "2025-01-02")
    runs = tmp_path / "runs" / "d.db"
    runs.parent.mkdir()
    for items in ([story, other], [earlier], [copy]):
        _ingest(runs, items)
    once = tmp_path / "once" / "d.db"
    once.parent.mkdir()
    _ingest(once, [copy, other, earlier, story])
    links = _stored(runs)[0]
    assert links == _stored(once)[0]
    assert links["syndicated"] == (None, None, None)
    assert links["story"][:2] == ("syndicated", "near")  # demoted, from disk, in run 2
    assert links["copy"][:2] == ("syndicated", "near")  # joined the stored group in run 3
    assert links["other"] == (None, None, None)


@settings(max_examples=25, deadline=None)
@given(items=corpus(), data=st.data())
def test_links_on_disk_do_not_depend_on_order_runs_or_batches(
    tmp_path_factory: pytest.TempPathFactory, items: list[Item], data: st.DataObject
) -> None:
    root = tmp_path_factory.mktemp("groups")
    once = root / "once" / "d.db"
    once.parent.mkdir()
    _ingest(once, sorted(items))
    shuffled = data.draw(st.permutations(items))
    cuts = sorted(data.draw(st.lists(st.integers(0, len(items)), max_size=3)))
    batch = data.draw(st.integers(1, 4))
    split = root / "split" / "d.db"
    split.parent.mkdir()
    for start, end in zip([0, *cuts], [*cuts, len(items)], strict=True):
        if end > start:
            _ingest(split, shuffled[start:end], batch)
    links, texts, names = _stored(split)
    assert len(texts) == len(items)  # every article stored: none lost, none rejected
    assert links == _stored(once)[0]
    # the same links as the in-memory index over the same articles, ids and texts
    memory = _links(texts, len(texts))
    assert links == {
        names[i]: (names.get(o or "", o), kind, score) for i, (o, kind, score) in memory.items()
    }
