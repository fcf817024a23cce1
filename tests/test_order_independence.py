"""Same articles in any order and any batch split: identical articles, mentions and events.

The corpus is the three seed articles (read from ../shared), with an exact copy published
earlier than its source, near copies published later and undated, and short synthetic
reports; each order ingests it through ``run_ingest`` with extraction on.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import shared_path
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from flashpoint import settings as fp_settings
from flashpoint.pipeline import run_ingest
from flashpoint.store import Store

REPORTS = [
    "Police fired tear gas at protesters in Nairobi on Monday, witnesses said. Dozens were "
    "arrested after the march on parliament turned violent.",
    "Gunmen killed four villagers in an attack near Maiduguri on Saturday, local officials "
    "said. The attackers burned houses before fleeing.",
]


def _near_copy(text: str) -> str:
    """A syndicated copy: a few words changed, most shingles kept."""
    return re.sub(r"\bsaid\b", "stated", text, count=3).replace("South Korean", "ROK", 2)


def _write_corpus(root: Path) -> list[str]:
    seeds = shared_path("seeds")
    meta = {m["file"]: m for m in json.loads((seeds / "meta.json").read_text("utf-8"))}
    entries: list[dict[str, Any]] = []
    names = sorted(meta)

    def add(name: str, text: str, published: str | None, outlet: str) -> None:
        (root / name).write_text(text, "utf-8")
        entries.append({"file": name, "published": published, "outlet": outlet})

    for name in names:
        add(name, (seeds / name).read_text("utf-8"), meta[name]["published"], meta[name]["outlet"])
    first, second, third = (seeds / n for n in names)
    add("copy_exact_earlier.txt", first.read_text("utf-8").upper(), "2024-06-20", "Copy Desk")
    add("copy_near_later.txt", _near_copy(third.read_text("utf-8")), "2024-06-30", "Syndicate")
    add("copy_near_undated.txt", _near_copy(second.read_text("utf-8")), None, "Aggregator")
    add("copy_exact_same_day.txt", third.read_text("utf-8") + "\n", "2024-06-18", "Mirror")
    for i, text in enumerate(REPORTS):
        add(f"report_{i}.txt", text, "2025-03-0" + str(i + 3), "Wire")
        add(f"report_{i}_copy.txt", text.replace(".", " !"), "2025-03-01", "Wire Copy")
    (root / "meta.json").write_text(json.dumps(entries), "utf-8")
    return sorted(e["file"] for e in entries)


def _ingest(root: Path, db: Path, order: list[str], cuts: list[int], batch: int) -> dict[str, Any]:
    """Ingest ``order`` in separate runs split at ``cuts``; everything stored, as data."""
    settings = fp_settings.load(
        overrides={"store.path": str(db), "ingest.batch_size": batch}, environ={}
    )
    bounds = [0, *sorted(set(cuts)), len(order)]
    for start, end in itertools.pairwise(bounds):
        if end > start:
            run_ingest([str(root / n) for n in order[start:end]], settings)
    with Store(db) as store:
        articles = {
            r.article.id: {
                **r.article.to_dict(),
                "clean": r.clean.to_dict(),
                "duplicate": (r.duplicate_of, r.duplicate_kind, r.duplicate_score),
            }
            for r in store.articles()
        }
        mentions = {m.id: m.to_dict() for m in store.mentions()}
        events = {e.id: e.to_dict() for e in store.events()}
    return {"articles": articles, "mentions": mentions, "events": events}


def test_original_is_earliest_published_whatever_the_order(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    names = _write_corpus(root)
    got = _ingest(root, tmp_path / "rev.db", names[::-1], [], 200)
    by_name = {Path(a["source"]).name: a for a in got["articles"].values()}
    copy, seed = by_name["copy_exact_earlier.txt"], by_name[names[0]]
    assert copy["duplicate"] == (None, None, None)
    assert seed["duplicate"][:2] == (copy["id"], "exact")
    assert not [m for m in got["mentions"].values() if m["article_id"] == seed["id"]]
    assert [m for m in got["mentions"].values() if m["article_id"] == copy["id"]]
    undated = by_name["copy_near_undated.txt"]
    assert undated["duplicate"][1] == "near"


_BASELINE: dict[str, Any] = {}


@hsettings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_order_and_split_gives_identical_results(tmp_path: Path, data: st.DataObject) -> None:
    root = tmp_path / "corpus"
    if not root.exists():
        root.mkdir()
        _write_corpus(root)
    names = sorted(p.name for p in root.glob("*.txt"))
    if "result" not in _BASELINE:
        _BASELINE["result"] = _ingest(root, tmp_path / "base.db", names, [], 200)
    order = data.draw(st.permutations(names), label="order")
    cuts = data.draw(st.lists(st.integers(1, len(names) - 1), max_size=3), label="cuts")
    batch = data.draw(st.integers(1, 6), label="batch_size")
    db = tmp_path / f"run{len(list(tmp_path.glob('run*.db')))}.db"
    got = _ingest(root, db, order, cuts, batch)
    want = _BASELINE["result"]
    assert got["articles"] == want["articles"]
    assert got["mentions"] == want["mentions"]
    assert got["events"] == want["events"]
    assert want["events"] and want["mentions"]


def test_relinking_is_atomic_and_an_interrupted_run_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run that dies while making an earlier copy the original changes nothing; the
    re-run finishes the job: the copy is the original and holds the mentions."""
    db = tmp_path / "r.db"
    later, earlier = tmp_path / "later.txt", tmp_path / "earlier.txt"
    later.write_text(REPORTS[1])
    earlier.write_text(REPORTS[1] + "\n\n")  # the same report, other bytes
    settings = fp_settings.load(overrides={"store.path": str(db)}, environ={})
    run_ingest([str(later)], settings, overrides={"published": "2025-03-05"})

    def state() -> dict[str, tuple[str | None, int]]:
        with Store(db) as store:
            return {
                Path(r.article.source).name: (r.duplicate_of, len(store.mentions(r.article.id)))
                for r in store.articles()
            }

    before = state()
    assert before["later.txt"][0] is None and before["later.txt"][1] > 0

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # as if killed while writing

    with monkeypatch.context() as patch:
        patch.setattr(Store, "_insert_mentions", crash)
        with pytest.raises(KeyboardInterrupt):
            run_ingest([str(earlier)], settings, overrides={"published": "2025-03-01"})
    assert state() == before
    run_ingest([str(earlier)], settings, overrides={"published": "2025-03-01"})
    after = state()
    assert after["earlier.txt"][0] is None and after["earlier.txt"][1] == before["later.txt"][1]
    assert after["later.txt"][1] == 0 and after["later.txt"][0] is not None
