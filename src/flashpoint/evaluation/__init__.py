"""Evaluation: measure flashpoint against gold data. Public entry: :func:`run_suite`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["SUITES", "run_suite"]


def _case2021(data: str, **opts: Any) -> dict[str, Any]:
    from flashpoint.evaluation import case2021

    return case2021.run(data, limit=opts.get("limit"))


def _acled(data: str, **opts: Any) -> dict[str, Any]:
    from flashpoint.evaluation import acled

    return acled.run(data, limit=opts.get("limit"))


def _seeds(data: str, **opts: Any) -> dict[str, Any]:
    from flashpoint.evaluation import seeds

    return seeds.run(data, checks=opts.get("checks"))


def _geo(data: str, **opts: Any) -> dict[str, Any]:
    from flashpoint.evaluation import geo

    return geo.run(data, gold_spans=bool(opts.get("gold_spans")), limit=opts.get("limit"))


def _ecbplus(data: str, **opts: Any) -> dict[str, Any]:
    from flashpoint.evaluation import ecbplus

    return ecbplus.run(data, limit=opts.get("limit"))


def _ipe(data: str, **opts: Any) -> dict[str, Any]:
    from flashpoint.evaluation import ipe

    return ipe.run(data, limit=opts.get("limit"))


def _sentences(data: str, **opts: Any) -> dict[str, Any]:
    from flashpoint.evaluation import sentences

    return sentences.run(data, limit=opts.get("limit"))


def _timeline(data: str, **opts: Any) -> dict[str, Any]:
    from flashpoint.evaluation import timeline

    return timeline.run(data, limit=opts.get("limit"))


def _geo_events(data: str, **opts: Any) -> dict[str, Any]:
    from flashpoint.evaluation import geo_events

    return geo_events.run(data, limit=opts.get("limit"))


def _off_topic(data: str, **opts: Any) -> dict[str, Any]:
    from flashpoint.evaluation import offtopic
    from flashpoint.evaluation.t17 import read_articles

    topics = tuple(opts.get("topics") or offtopic.OFF_TOPICS)
    for topic in topics:  # other no-conflict news than the gate's: a held-out measure
        if not read_articles(data, [topic]):
            raise SuiteError(f"{data}: no articles of the topic {topic!r}")
    return offtopic.run(data, limit=opts.get("limit"), topics=topics)


SUITES: dict[str, Callable[..., dict[str, Any]]] = {
    "timeline": _timeline,
    "sentences": _sentences,
    "ipe": _ipe,
    "geo": _geo,
    "geo-events": _geo_events,
    "off-topic": _off_topic,
    "case2021": _case2021,
    "acled": _acled,
    "seeds": _seeds,
    "ecbplus": _ecbplus,
}


class SuiteError(ValueError):
    """Unknown suite or unusable data path."""


def run_suite(name: str, data: str | Path, **opts: Any) -> dict[str, Any]:
    if name not in SUITES:
        raise SuiteError(f"unknown suite {name!r}; suites: {', '.join(sorted(SUITES))}")
    if not Path(data).exists():
        raise SuiteError(f"{data}: no such file or directory")
    return SUITES[name](str(data), **opts)
