"""The off-topic suite: events read from Timeline17's topics that are no conflict (the full
suite runs in the eval gate; here two articles a topic, to check what it reports)."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli, shared_path

from flashpoint.evaluation import SUITES, offtopic
from flashpoint.evaluation.t17 import DEV_CONFLICT_TOPICS, read_articles


def test_off_topics_are_no_conflict_topics_and_exist() -> None:
    assert not set(offtopic.OFF_TOPICS) & set(DEV_CONFLICT_TOPICS)
    assert "off-topic" in SUITES


@pytest.mark.slow
def test_the_suite_counts_events_per_article() -> None:
    data = shared_path("eval", "timeline17")
    topics = ("MJ_bbc",)
    assert read_articles(data, topics)
    result = offtopic.run(str(data), limit=2, topics=topics)
    assert result["articles"] == 2 and result["per_topic"]["MJ_bbc"]["articles"] == 2
    assert result["events_per_article"] == round(result["events"] / 2, 3)
    assert sum(result["types"].values()) == result["events"]


def test_a_topic_the_data_does_not_hold_is_refused_by_name() -> None:
    data = shared_path("eval", "timeline17")
    result = run_cli("eval", "off-topic", "--data", str(data), "--topics", "no_such_topic")
    assert result.returncode != 0 and "no_such_topic" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_other_no_conflict_topics_are_read_when_named() -> None:
    """`--topics` reads held-out no-conflict news instead of the gate's three topics."""
    data = shared_path("eval", "timeline17")
    result = run_cli(
        "eval",
        "off-topic",
        "--data",
        str(data),
        "--topics",
        "H1N1_reuters",
        "--limit",
        "1",
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["topics"] == ["H1N1_reuters"] and found["articles"] == 1
