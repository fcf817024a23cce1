"""The replay merge on dense data: many reports a day, reports with no actor country, week-,
month- and year-dated reports over the same days, so that every report's choice depends on its
neighbours' (the chains that made merge blocks useless). After every batch of new reports,
demotions to duplicate and re-extractions, the incremental merge must equal a full merge."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from test_incremental_merge import Relink, Twin, act_mention, add_the_last

from flashpoint.records import Actor, Article, DateValue, Mention, Place

FIRST = date(2025, 6, 2)
TYPES = ("armed_clash", "attack", "shelling", "air_strike", "peaceful_protest", "claim")
POINTS = ((48.0, 37.8), (48.3, 38.0), (47.1, 37.5), (50.0, 36.2))


def _date(rng: random.Random, days: int) -> DateValue:
    start = FIRST + timedelta(days=rng.randrange(days))
    precision = rng.choices(("day", "week", "month", "year"), (70, 15, 10, 5))[0]
    length = {"day": 0, "week": 6, "month": 30, "year": 364}[precision]
    end = start + timedelta(days=length)
    return DateValue(start.isoformat(), end.isoformat(), precision, "t")


def dense_article(rng: random.Random, n: int, days: int) -> tuple[Article, list[Mention]]:
    article = Article(
        id=f"dense{n:05d}",
        source=f"dense{n}.txt",
        format="txt",
        text="x" * 300,
        outlet=f"outlet{rng.randrange(4)}",
        published=(FIRST + timedelta(days=rng.randrange(days + 2))).isoformat(),
    )
    mentions = []
    for s in range(rng.randint(1, 3)):
        country = rng.choice(("UKR", "RUS", None, None))
        actor = Actor(f"forces {country}", f"Forces {country}", country, "military", 1)
        lat, lon = rng.choice(POINTS)
        place = Place("town", lat, lon, "UKR", geo_precision=rng.choice((1, 3)), rule="t")
        when, mode = _date(rng, days), rng.choice(("happened", "happened", "claimed", "denied"))
        for act in range(rng.choice((1, 1, 2))):
            mentions.append(
                act_mention(
                    article.id,
                    s,
                    act,
                    type=rng.choice(TYPES),
                    mode=mode,
                    actor1=actor if rng.random() < 0.8 else None,
                    date=when,
                    place=place if rng.random() < 0.7 else None,
                    confidence=round(rng.random(), 2),
                )
            )
    return article, mentions


@pytest.mark.parametrize("seed", [11, 12, 13, 14, 15, 16])
def test_replay_on_dense_data_equals_a_full_merge(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    days = rng.choice((3, 8, 20))
    pending = [dense_article(rng, n, days) for n in range(150)]
    twin = Twin(tmp_path)
    stored: list[tuple[Article, list[Mention]]] = []
    try:
        while pending:
            size = rng.choice((1, 1, 3, 10, 40))
            batch, pending = pending[:size], pending[size:]
            relinks = []
            if stored and rng.random() < 0.3:
                demoted, _ = stored.pop(rng.randrange(len(stored)))
                relinks.append(Relink(demoted.id, batch[0][0].id))
            twin.write(batch, relinks)
            stored += batch
            if rng.random() < 0.3:
                article, mentions = stored[rng.randrange(len(stored))]
                moved = [replace(m, date=_date(rng, days)) for m in mentions[:1]] + mentions[1:]
                for store, run in twin.both():
                    store.write_extracted(run, [article.id], moved)
            twin.merge_and_compare()
        assert len(twin.a.pipeline_events()) > 30
    finally:
        twin.close()


def test_one_report_into_a_long_dense_store_decides_again_only_near_it(tmp_path: Path) -> None:
    """Reports on 60 days, about 25 a day: one more report re-reads a few days of them."""
    rng = random.Random(21)
    articles = []
    for n in range(600):
        article, mentions = dense_article(rng, n, 60)
        day_only = [
            replace(m, date=DateValue(m.date.start, m.date.start, "day", "t"))
            for m in mentions
            if m.date is not None
        ]
        articles.append((article, day_only))
    twin = Twin(tmp_path)
    try:
        result = add_the_last(twin, articles)
        total = len(twin.a.mentions())
        assert 0 < result["decided"] < total / 20
        assert result["rows"] < total / 5
        assert result["mentions"] < total / 20
    finally:
        twin.close()
