"""An event's evidence for the page: each field beside the sentence that supports it.

Mentions carry offsets into the clean text; the page highlights the raw article, so every span
here is turned into raw offsets with ``CleanText.raw_span``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from flashpoint.records import Actor, CleanText, Event, Mention, Quantity
from flashpoint.store import COUNTS, ArticleRow, Correction, Store, effective
from flashpoint.views import event_view

_MENTION_IN_RULE = re.compile(r"mention ([0-9a-f]{8,})")


def _words(clean: CleanText | None, raw: str, start: int, end: int, role: str) -> dict[str, Any]:
    """A span of clean text as raw offsets and the raw words there."""
    if clean is None or start < 0 or end <= start:
        return {}
    rs, re_ = clean.raw_span(start, end)
    return {"role": role, "start": rs, "end": re_, "text": raw[rs:re_]}


def _actors(m: Mention) -> list[Actor]:
    found = [a for a in (m.actor1, m.actor2, m.claimant) if a is not None]
    return found + list(m.actors)


def _count(q: Quantity | None) -> str:
    if q is None:
        return "-"
    if q.min == q.max or q.max is None:
        return f"{q.min}"
    return f"{q.min}-{q.max}"


def _display(e: Event, field: str) -> str:
    if field == "type":
        view = event_view(e)
        acled = " / ".join(x for x in (view["acled_event_type"], view["acled_sub_event_type"]) if x)
        return f"{e.type} ({acled})" if acled else e.type
    if field == "mode":
        return e.mode
    if field == "date":
        if e.date is None:
            return "-"
        span = e.date.start if e.date.start == e.date.end else f"{e.date.start} to {e.date.end}"
        clock = f" {e.date.time}" if e.date.time else ""
        return f"{span}{clock} ({e.date.precision})"
    if field == "location":
        loc = e.location
        if loc is None:
            return "-"
        where = f"{loc.name}"
        if loc.latitude is not None and loc.longitude is not None:
            where += f" ({loc.latitude:.4g}, {loc.longitude:.4g})"
        return f"{where}, {loc.country or '?'}, ACLED geo precision {loc.geo_precision}"
    quantity: Quantity | None = getattr(e, field)
    return _count(quantity)


class _Evidence:
    """Mentions of one event with the clean and raw text of their articles."""

    def __init__(self, store: Store, event: Event):
        self.event = event
        self.mentions = store.mentions_by_id(s.mention_id for s in event.sources[:500])
        self.articles: dict[str, ArticleRow | None] = {}
        for s in event.sources:
            if s.article_id not in self.articles:
                self.articles[s.article_id] = store.article(s.article_id)
        self.chosen = {f: r for f, r in event.chosen}

    def clean(self, m: Mention) -> tuple[CleanText | None, str]:
        row = self.articles.get(m.article_id)
        return (row.clean, row.article.text) if row else (None, "")

    def ordered(self, field: str) -> list[Mention]:
        """Mentions in source order, the one a rule names for this field first."""
        found = [self.mentions[s.mention_id] for s in self.event.sources if s.mention_id in self]
        rule = self.chosen.get("counts" if field in COUNTS else field, "")
        named = _MENTION_IN_RULE.search(rule)
        if named:
            found.sort(key=lambda m: m.id != named.group(1))
        return found

    def __contains__(self, mention_id: object) -> bool:
        return mention_id in self.mentions

    def sentence(self, m: Mention) -> dict[str, Any]:
        _, raw = self.clean(m)
        source = next((s for s in self.event.sources if s.mention_id == m.id), None)
        start, end = m.raw_start, m.raw_end
        text = raw[start:end] if raw and 0 <= start < end else (source.quote if source else "")
        return {
            "article_id": m.article_id,
            "mention_id": m.id,
            "outlet": source.outlet if source else None,
            "published": source.published if source else None,
            "start": start,
            "end": end,
            "text": text,
        }


def _support(ev: _Evidence, e: Event, field: str, actor: Actor | None = None) -> dict[str, Any]:
    """The mention and words that support ``field`` of ``e`` (the pipeline's value)."""
    for m in ev.ordered(field):
        clean, raw = ev.clean(m)
        words: list[dict[str, Any]] = []
        note = ""
        if field == "type" and m.type == e.type:
            words = [_words(clean, raw, m.trigger.start, m.trigger.end, "trigger")]
        elif field == "mode" and m.mode == e.mode:
            if m.mode_cue:
                at = m.sentence.text.lower().find(m.mode_cue.lower())
                if at >= 0:
                    start = m.sentence.start + at
                    words = [_words(clean, raw, start, start + len(m.mode_cue), "mode_cue")]
            else:
                note = "no cue word: the default mode"
                words = [_words(clean, raw, m.trigger.start, m.trigger.end, "trigger")]
        elif field == "date" and m.date and e.date and m.date.start == e.date.start:
            words = [_words(clean, raw, m.date.span_start, m.date.span_end, "date")]
            how = "inferred" if m.date.span_start < 0 else "rule"
            note = f"{how}: {m.date.rule}"
        elif field == "location" and m.place and e.location and m.place.name == e.location.name:
            words = [_words(clean, raw, m.place.span_start, m.place.span_end, "place")]
            note = f"read from the {m.place.rule or 'text'}" + (
                f"; coordinates: {m.place.source}" if m.place.source else ""
            )
        elif field == "actor" and actor is not None:
            same = [a for a in _actors(m) if a.name == actor.name and a.span_start >= 0]
            if not same:
                continue
            words = [_words(clean, raw, same[0].span_start, same[0].span_end, "actor")]
        elif field in COUNTS:
            q, want = getattr(m, field), getattr(e, field)
            if q is None or want is None or q.min != want.min:
                continue
            words = [_words(clean, raw, q.span_start, q.span_end, field)]
            note = f"rule: {q.rule}" if q.rule else ""
        else:
            continue
        inferred = dict(m.inferred)
        key = "actors" if field == "actor" else field
        if key in inferred:
            note = (note + "; " if note else "") + f"inferred: {inferred[key]}"
        return {
            "sentence": ev.sentence(m),
            "words": [w for w in words if w],
            "note": note,
        }
    return {"sentence": None, "words": [], "note": "no sentence names it"}


def listed(event: Event, history: Sequence[Correction]) -> dict[str, Any]:
    """An event as lists show it: the JSON contract of `flashpoint events` (corrections
    applied) plus its correction state: ``status`` and the ``corrected`` fields."""
    return {**event_view(event), **correction_state(history)}


def correction_state(history: Sequence[Correction]) -> dict[str, Any]:
    """An event's ``status`` (an analyst's verdict, or None) and ``corrected`` fields."""
    force = effective(history)
    return {
        "status": force["status"].value if "status" in force else None,
        "corrected": sorted(f for f in force if f != "status"),
    }


def _actor_value(a: Actor) -> str:
    return f"{a.name} ({a.country or '?'}, {a.role})"


def event_detail(
    store: Store, original: Event, corrected: Event, history: list[Correction]
) -> dict[str, Any]:
    """The JSON of GET /api/events/{id}: the event, its fields with evidence, its sources."""
    ev = _Evidence(store, original)
    force = effective(history)
    rules = dict(original.chosen)
    fields: list[dict[str, Any]] = []

    def add(field: str, key: str, actor: Actor | None = None) -> None:
        entry: dict[str, Any] = {
            "field": field,
            "value": _actor_value(actor) if actor else _display(corrected, key),
            "rule": rules.get("counts" if key in COUNTS else key, ""),
            **_support(ev, original, field, actor),
        }
        if key in force:
            c = force[key]
            entry["correction"] = c.to_dict()
            entry["original"] = _display(original, key)
        fields.append(entry)

    add("type", "type")
    add("date", "date")
    add("mode", "mode")
    for actor in original.actors:
        add("actor", "actor", actor)
    add("location", "location")
    for kind in COUNTS:
        if getattr(original, kind) is not None or kind in force:
            add(kind, kind)

    sources = []
    for s in original.sources:
        m = ev.mentions.get(s.mention_id)
        entry: dict[str, Any] = {
            **s.to_dict(),
            "title": None,
            "words": [],
            "mode_cue": m.mode_cue if m else "",
            "inferred": [{"field": f, "how": h} for f, h in m.inferred] if m else [],
        }
        row = ev.articles.get(s.article_id)
        if row is not None:
            entry["title"] = row.article.title or next(iter(row.clean.meta_of("title")), None)
        if m is not None:
            clean, raw = ev.clean(m)
            spans = [_words(clean, raw, m.trigger.start, m.trigger.end, "trigger")]
            if m.date and m.date.span_start >= 0:
                spans.append(_words(clean, raw, m.date.span_start, m.date.span_end, "date"))
            entry["words"] = [w for w in spans if w]
        sources.append(entry)

    return {
        "event": listed(corrected, history),
        "fields": fields,
        "sources": sources,
        "corrections": [c.to_dict() for c in history],
    }
