"""Incremental merge: replaying the merge around what each batch changed gives exactly the events
of a full merge, after every batch, whatever the split (fixed seeds).

Two stores take the same writes: A merges incrementally (``merge_changed``), B recomputes
everything (``remerge``). After each batch every stored event (id, every field, the corrected
record and the pipeline's), the event of each mention, each mention's merge keys (its event,
family, span class, country, sort key and point), the former ids and the longest span must be
equal. Batches mix seed mentions (extracted once from
../shared/seeds) and synthetic ones built to cross every rule: neighbouring days and weeks,
coarse dates, no country, places near and far, summaries, one sentence's several acts, claims
and denials. Between batches, articles are demoted to duplicates (their mentions deleted),
mentions are re-extracted with changed dates, and analysts correct events.
At the end, one fresh merge of the surviving mentions gives the same events (former ids
aside: they are history, which a fresh merge has none of).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from flashpoint.dedup import Verdict
from flashpoint.merge_job import merge_changed, remerge
from flashpoint.records import Actor, Article, CleanText, DateValue, Mention, Place, Span
from flashpoint.store import Store

TYPES = (
    "armed_clash",
    "attack",
    "shelling",
    "air_strike",
    "border_crossing",
    "warning_shots",
    "visit",
    "meeting",
    "mine_laying",
    "fortification",
    "peaceful_protest",
    "claim",
    "denial",
    "accusation",
    "arrest",
)
MODES = ("happened", "happened", "happened", "claimed", "denied", "planned", "threatened")
COUNTRIES = ("PRK", "KOR", "UKR", None)
TOWNS = ("Arlit", "Kidal", "Gao", "Mopti")
PLACES = ((37.9, 126.7), (38.0, 127.3), (49.9, 36.2), (50.4, 30.5))
FIRST = date(2025, 3, 1)


@dataclass(frozen=True)
class Relink:
    article_id: str
    duplicate_of: str | None
    kind: str | None = "near"
    score: float | None = 0.9


def _date(rng: random.Random) -> DateValue:
    start = FIRST + timedelta(days=rng.randrange(40))
    precision = rng.choices(("day", "week", "month", "year"), (80, 8, 8, 4))[0]
    length = {"day": 0, "week": 6, "month": 30, "year": 364}[precision]
    if precision == "day" and rng.random() < 0.05:
        length = rng.randrange(2, 9)  # "since Monday": a day-precise range
    end = start + timedelta(days=length)
    # no date in the text: the week up to publication, a rule of its own for the merge
    rule = "publication-week" if precision == "week" and rng.random() < 0.5 else "test"
    return DateValue(start.isoformat(), end.isoformat(), precision, rule)


def _place(rng: random.Random) -> Place | None:
    if rng.random() < 0.3:
        return None
    # countries on two continents (Korea, Ukraine, Mali) drawn apart from the points, which
    # only the 100 km test reads: the continent test and the undated reports' country test
    # both come into play
    (lat, lon), country = rng.choice(PLACES), rng.choice(("KOR", "KOR", "UKR", "MLI"))
    rule = rng.choice(("sentence", "sentence-clause", "paragraph", "article"))
    name = rng.choice(TOWNS)  # a town named in the sentence is an anchor
    return Place(name, lat, lon, country, geo_precision=rng.choice((1, 2, 3)), rule=rule)


def _actor(rng: random.Random) -> Actor | None:
    country = rng.choice(COUNTRIES)
    if country is None and rng.random() < 0.5:
        return None
    return Actor(f"forces {country}", f"Forces of {country}", country, "military", 1)


def synthetic_article(rng: random.Random, n: int) -> tuple[Article, list[Mention]]:
    """An article with a few sentences; a sentence may report several acts at once."""
    published = FIRST + timedelta(days=rng.randrange(45))
    article = Article(
        id=f"syn{n:05d}",
        source=f"syn{n}.txt",
        format="txt",
        text="x" * 400,
        outlet=f"outlet{rng.randrange(6)}",
        published=published.isoformat(),
    )
    mentions = []
    for s in range(rng.randint(1, 4)):
        when, actor, place = _date(rng), _actor(rng), _place(rng)
        mode, several = rng.choice(MODES), rng.random() < 0.05
        # what ties reports to one incident (flashpoint.merge.anchors): a town's name, or none
        text = (
            f"Shots were fired near {rng.choice(TOWNS)}"
            if rng.random() < 0.6
            else f"shots ({rng.randrange(4)})"
        )
        for act in range(rng.choice((1, 1, 1, 2, 3))):
            mentions.append(
                act_mention(
                    article.id,
                    s,
                    act,
                    type=rng.choice(TYPES),
                    mode=mode,
                    actor1=actor if act == 0 or rng.random() < 0.7 else _actor(rng),
                    date=when,
                    place=place,
                    several=several,
                    confidence=round(rng.random(), 2),
                    text=text,
                    definite=rng.random() < 0.2,
                )
            )
    return article, mentions


def act_mention(
    article_id: str, sentence: int, act: int, text: str | None = None, **fields: Any
) -> Mention:
    """The act-th trigger of an article's sentence-th sentence, offsets laid out 100 apart."""
    start, at = sentence * 100, sentence * 100 + act * 10
    return Mention(
        id=f"{article_id}-{sentence}-{act}",
        article_id=article_id,
        trigger=Span(at, at + 5, "fired"),
        sentence=Span(start, start + 90, text or f"sentence {sentence}"),
        raw_start=start,
        raw_end=start + 90,
        **fields,
    )


def _clean(article: Article) -> CleanText:
    return CleanText(article.id, article.text, (), (), ())


def _dump(store: Store, *, history: bool = True) -> dict[str, Any]:
    """Everything a merge writes, in comparable form."""
    db = store._db

    def rows(sql: str) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in db.rows(sql)]

    events = store.pipeline_events()
    if not history:
        events = [
            replace(e, related=tuple(r for r in e.related if r[1] != "formerly")) for e in events
        ]
    dump = {
        "events": events,
        "mention_keys": rows(
            "SELECT id, block, merge_key, span_class, country, merge_rank, merge_published, "
            "merge_at, merge_lat, merge_lon, merge_place, merge_placed_in, merge_undated, "
            "merge_anchors, merge_definite FROM mentions ORDER BY id"
        ),
        "event_mentions": rows("SELECT mention_id, event_id FROM event_mentions ORDER BY 1"),
        "event_rows": rows("SELECT id, block, link_role, link_day FROM events ORDER BY id"),
    }
    if history:
        dump["corrected"] = store.events()
        dump["countries"] = rows("SELECT * FROM event_countries ORDER BY 1, 2")
        dump["formerly"] = rows("SELECT * FROM event_formerly ORDER BY 1, 2")
        dump["span"] = rows("SELECT * FROM event_stats WHERE key = 'max_span_days'")
    return dump


def _same(a: dict[str, Any], b: dict[str, Any]) -> None:
    """Equal dumps; else the first differing rows of each part, to read."""
    for key in a:
        only_a = [x for x in a[key] if x not in b[key]][:3]
        only_b = [x for x in b[key] if x not in a[key]][:3]
        assert a[key] == b[key], (key, only_a, only_b)


class Twin:
    """Two stores given the same writes: A merges incrementally, B in full."""

    def __init__(self, folder: Path) -> None:
        self.a = Store(folder / "a.db", write=True)
        self.b = Store(folder / "b.db", write=True)
        self.run_a = self.a.begin_run({})
        self.run_b = self.b.begin_run({})

    def both(self) -> Iterator[tuple[Store, int]]:
        yield self.a, self.run_a
        yield self.b, self.run_b

    def write(
        self, articles: list[tuple[Article, list[Mention]]], relinks: list[Relink] = ()
    ) -> None:
        batch = [(a, _clean(a), Verdict(a.id)) for a, _ in articles]
        mentions = [m for _, ms in articles for m in ms]
        for store, run in self.both():
            store.write_batch(run, batch, [], mentions, True, list(relinks))

    def merge_and_compare(self) -> None:
        merge_changed(self.a)
        remerge(self.b)
        _same(_dump(self.a), _dump(self.b))

    def close(self) -> None:
        self.a.close()
        self.b.close()


@pytest.fixture(scope="module")
def seed_articles(seeds_db: Path) -> list[tuple[Article, list[Mention]]]:
    """The seed articles and the mentions ingest extracted from them (read back from the
    store, so no model runs here)."""
    with Store(seeds_db) as store:
        return [(row.article, store.mentions(row.article.id)) for row in store.articles()]


def _corrections(twin: Twin, rng: random.Random) -> None:
    ids = sorted(e.id for e in twin.a.pipeline_events())
    for event_id in rng.sample(ids, min(2, len(ids))):
        field, value = rng.choice(
            [("type", "armed_clash"), ("mode", "claimed"), ("killed", 3), ("status", "rejected")]
        )
        for store, _ in twin.both():
            store.add_correction(event_id, field, value, "test", "tester")


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_incremental_merges_equal_full_merges(
    tmp_path: Path, seed: int, seed_articles: list[tuple[Article, list[Mention]]]
) -> None:
    rng = random.Random(seed)
    synthetic = [synthetic_article(rng, n) for n in range(120)]
    pending = seed_articles + synthetic
    rng.shuffle(pending)
    twin = Twin(tmp_path)
    stored: list[tuple[Article, list[Mention]]] = []
    try:
        while pending:
            size = rng.randint(1, 30)
            batch, pending = pending[:size], pending[size:]
            relinks: list[Relink] = []
            if stored and rng.random() < 0.4:  # a stored original turns out to be a duplicate
                demoted, _ = stored.pop(rng.randrange(len(stored)))
                relinks.append(Relink(demoted.id, batch[0][0].id))
            twin.write(batch, relinks)
            stored += batch
            if stored and rng.random() < 0.3:  # an article re-extracted: dates moved
                article, mentions = stored[rng.randrange(len(stored))]
                moved = [replace(m, date=_date(rng)) for m in mentions]
                for store, run in twin.both():
                    store.write_extracted(run, [article.id], moved)
            twin.merge_and_compare()
            if rng.random() < 0.5:
                _corrections(twin, rng)
        with Store(tmp_path / "fresh.db", write=True) as fresh:
            run = fresh.begin_run({})
            for article, _ in stored:
                fresh.write_batch(run, [(article, _clean(article), Verdict(article.id))], [])
            fresh.write_extracted(run, [], twin.a.mentions())
            remerge(fresh)
            _same(_dump(fresh, history=False), _dump(twin.a, history=False))
            assert len(fresh.pipeline_events()) > 50
    finally:
        twin.close()


def add_the_last(twin: Twin, articles: list[tuple[Article, list[Mention]]]) -> dict[str, int]:
    """Merge all but the last article, then add the last one incrementally: the result must
    equal a full merge; returns the incremental merge's counts."""
    twin.write(articles[:-1])
    twin.merge_and_compare()
    twin.write(articles[-1:])
    result = merge_changed(twin.a)
    remerge(twin.b)
    assert _dump(twin.a) == _dump(twin.b)
    return dict(result)


def test_a_new_report_reads_only_its_neighbourhood(tmp_path: Path) -> None:
    rng = random.Random(7)
    articles = [synthetic_article(rng, n) for n in range(200)]
    twin = Twin(tmp_path)
    try:
        result = add_the_last(twin, articles)
        total = len(twin.a.mentions())
        assert 0 < result["mentions"] < total / 4
    finally:
        twin.close()


def test_remerge_command_recomputes_the_same_events(tmp_path: Path, seeds_db: Path) -> None:
    db = tmp_path / "copy.db"
    with Store(seeds_db) as store:
        before = store.events()
        store._db.execute(f"VACUUM INTO '{db}'")
    done = run_cli("remerge", "--db", str(db), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["events"] == len(before) > 10
    with Store(db) as store:
        assert store.events() == before
    missing = run_cli("remerge", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 2 and "no database here" in missing.stderr


def test_events_written_without_blocks_are_merged_again_in_full(tmp_path: Path) -> None:
    rng = random.Random(5)
    twin = Twin(tmp_path)
    try:
        twin.write([synthetic_article(rng, n) for n in range(60)])
        twin.merge_and_compare()
        for store, _ in twin.both():  # events written whole, as an older flashpoint did
            store.replace_events(store.pipeline_events()[:10])
        assert twin.a.remerge_needed()
        twin.write([synthetic_article(rng, n) for n in range(60, 70)])
        twin.merge_and_compare()
        assert not twin.a.remerge_needed()
    finally:
        twin.close()
