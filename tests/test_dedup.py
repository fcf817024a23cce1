"""Duplicate articles: exact and near copies are stored, linked, and found across batches."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.dedup import DuplicateIndex, content_hash

STORY = (
    "Gunmen attacked a convoy of lorries on the highway north of the provincial capital on "
    "Saturday, killing three drivers and wounding five passengers, local officials said. The "
    "attackers set two vehicles on fire before fleeing into the nearby hills. Security forces "
    "launched a search operation in the area on Sunday morning and arrested two suspects. "
    "No group has claimed responsibility for the attack, the third on the road this month. "
    "Transport unions said drivers would stay off the route until the army deployed more "
    "patrols, and traders in the capital warned that food prices would rise if the closure "
    "lasted more than a week. The governor visited the wounded in hospital on Sunday evening "
    "and promised compensation to the families of the drivers who were killed."
)
SYNDICATED = STORY.replace("local officials said", "a district official told reporters")
OTHER = (
    "Farmers marched through the centre of the city on Monday to demand lower fuel prices, "
    "blocking traffic for several hours before police asked them to disperse peacefully. "
    "Organisers said they would return next week if the government did not respond."
)


def test_exact_hash_ignores_case_and_spacing() -> None:
    assert content_hash("Hello,  World!") == content_hash("hello world")
    assert content_hash("hello world") != content_hash("hello there world")


def test_near_duplicate_found_and_unrelated_kept_apart() -> None:
    index = DuplicateIndex(threshold=0.8)
    assert index.check("a", STORY).duplicate_of is None
    near = index.check("b", SYNDICATED)
    assert (near.duplicate_of, near.kind) == ("a", "near") and near.score >= 0.8
    assert index.check("c", OTHER).duplicate_of is None
    exact = index.check("d", STORY.upper())
    assert (exact.duplicate_of, exact.kind) == ("a", "exact")


def test_threshold_is_configurable() -> None:
    strict = DuplicateIndex(threshold=0.99)
    strict.check("a", STORY)
    assert strict.check("b", SYNDICATED).duplicate_of is None


def test_incremental_batches_are_checked_against_the_store(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "a.txt").write_text(STORY)
    (tmp_path / "two" / "b.txt").write_text(SYNDICATED)
    (tmp_path / "two" / "c.txt").write_text(OTHER)
    run_cli("ingest", str(tmp_path / "one"), "--db", str(db))
    report = json.loads(
        run_cli("ingest", str(tmp_path / "two"), "--db", str(db), "--format", "json").stdout
    )
    assert report["duplicates"] == 1
    rows = {
        Path(r["path"]).name: r
        for r in json.loads(run_cli("articles", "--db", str(db), "--format", "json").stdout)
    }
    assert rows["b.txt"]["duplicate_of"] == rows["a.txt"]["id"]
    assert rows["c.txt"]["duplicate_of"] is None
    stats = json.loads(run_cli("stats", "--db", str(db), "--format", "json").stdout)
    assert stats["duplicates"] == 1 and stats["articles"] == 3


BASES = [STORY.split(), SYNDICATED.split(), OTHER.split()]


@st.composite
def corpus(draw: st.DrawFn) -> list[tuple[str, str, str | None]]:
    """(id, text, published): copies of three stories, some edited, some case-changed."""
    items = []
    for n in range(draw(st.integers(2, 14))):
        words = list(BASES[draw(st.integers(0, 2))])
        for _ in range(draw(st.integers(0, 12))):
            words[draw(st.integers(0, len(words) - 1))] = draw(st.sampled_from(["x", "y", "z"]))
        text = " ".join(words)
        text = text.upper() if draw(st.booleans()) else text
        published = draw(st.sampled_from([None, "2025-01-01", "2025-01-02", "2025-01-03"]))
        items.append((f"a{n:02d}", text, published))
    return items


def _links(
    items: list[tuple[str, str, str | None]], split: int
) -> dict[str, tuple[str | None, str | None, float | None]]:
    """Final links after checking ``items`` in order, the index rebuilt from the links
    (as from the store) after ``split`` items."""
    index = DuplicateIndex(threshold=0.8)
    links: dict[str, tuple[str | None, str | None, float | None]] = {}
    stored: dict[str, tuple[str, bytes | None, str | None]] = {}
    for n, (article_id, text, published) in enumerate(items):
        if n == split:
            index = DuplicateIndex(threshold=0.8)
            for seeded, (chash, sig, pub) in stored.items():
                index.add(seeded, chash, sig, pub, links[seeded][0])
        verdict = index.check(article_id, text, published)
        stored[article_id] = (verdict.content_hash, verdict.signature, published)
        links[article_id] = (
            verdict.duplicate_of,
            verdict.kind,
            verdict.score if verdict.kind else None,
        )
        for change in index.changes():
            links[change.article_id] = (change.duplicate_of, change.kind, change.score)
    return links


@settings(max_examples=60, deadline=None)
@given(items=corpus(), data=st.data())
def test_links_do_not_depend_on_order_or_batches(
    items: list[tuple[str, str, str | None]], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(items))
    split = data.draw(st.integers(0, len(items)))
    want = _links(sorted(items), len(items))
    assert _links(shuffled, split) == want
    for original, _, _ in want.values():  # a duplicate's original is an original
        if original is not None:
            assert want[original][0] is None
