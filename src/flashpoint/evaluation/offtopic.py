"""Coverage with no armed conflict in it: how many events flashpoint reads from it.

Timeline17 holds topics that are no conflict: Michael Jackson's death (``MJ_bbc``), swine flu
(``H1N1_bbc``), the BP oil spill (``bpoil_bbc``). A coder of conflict events should read few
events there: a real arrest, a protest or a deployment now and then, not the other senses of
'drill', 'shot', 'attack', 'battle' or 'launch' such stories are full of, nor a family's
meetings and a star's visits. No gold says which of those events are real, so this measures
over-reading, not recall: events per article (less is better), per topic, and the types most
read. The gate pins events per article as a ceiling.

The articles (``limit`` per topic, DEFAULT_LIMIT unless given, in date order) go through the
real pipeline (:func:`flashpoint.evaluation.t17.ingest_topic`); the events are those the list
and the map show (:func:`flashpoint.evaluation.common.default_view_events`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from flashpoint.evaluation.common import default_view_events
from flashpoint.evaluation.t17 import ingest_topic, read_articles
from flashpoint.store import Store

OFF_TOPICS = ("MJ_bbc", "H1N1_bbc", "bpoil_bbc")
DEFAULT_LIMIT = 80
TOP_TYPES = 10


def run(
    data: str, limit: int | None = None, topics: tuple[str, ...] = OFF_TOPICS
) -> dict[str, Any]:
    """Ingest each topic (``limit`` articles, date order) and count the events read."""
    per_topic: dict[str, dict[str, Any]] = {}
    types: Counter[str] = Counter()
    articles = events = 0
    for topic in topics:
        n = min(limit or DEFAULT_LIMIT, len(read_articles(data, [topic])))
        with Store(ingest_topic(data, topic, n)) as store:
            found = default_view_events(store)
        types.update(e.type for e in found)
        per_topic[topic] = {
            "articles": n,
            "events": len(found),
            "events_per_article": round(len(found) / max(1, n), 3),
        }
        articles, events = articles + n, events + len(found)
    return {
        "suite": "off-topic",
        "topics": list(topics),
        "limit_per_topic": limit or DEFAULT_LIMIT,
        "articles": articles,
        "events": events,
        "events_per_article": round(events / max(1, articles), 3),
        "types": dict(types.most_common(TOP_TYPES)),
        "per_topic": per_topic,
    }
