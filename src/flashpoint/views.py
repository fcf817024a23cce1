"""Plain data views of stored records, and their text renderings for the terminal."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from flashpoint.ontology import load_ontology
from flashpoint.records import DateValue, Event, Mention

if TYPE_CHECKING:  # the store writes each event's view (a column): no import at run time
    from flashpoint.store import ArticleRow

PART_KEYS: dict[str | None, tuple[str, ...]] = {
    "raw": ("id", "raw"),
    "clean": ("id", "text"),
    "removed": ("id", "removed"),
}


def article_summary(row: ArticleRow) -> dict[str, Any]:
    """The JSON object `flashpoint articles --format json` prints for one article."""
    a = row.article
    return {
        "id": a.id,
        "path": a.source,
        "format": a.format,
        "outlet": a.outlet,
        "published": a.published,
        "title": a.title or next(iter(row.clean.meta_of("title")), None),
        "url": a.url,
        "language": a.language,
        "text": row.clean.text,
        "duplicate_of": row.duplicate_of,
        "duplicate_kind": row.duplicate_kind,
        "removed": [
            {"start": r.start, "end": r.end, "reason": r.reason} for r in row.clean.removed
        ],
        "meta": [m.to_dict() for m in row.clean.meta],
    }


def article_detail(row: ArticleRow) -> dict[str, Any]:
    data = article_summary(row)
    raw = row.article.text
    data["raw"] = raw
    data["duplicate_score"] = row.duplicate_score
    data["removed"] = [{**r.to_dict(), "text": raw[r.start : r.end]} for r in row.clean.removed]
    data["segments"] = [s.to_dict() for s in row.clean.segments]
    return data


def _cut(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def articles_table(rows: list[dict[str, Any]]) -> str:
    lines = [f"{'id':16}  {'published':10}  {'outlet':22}  {'dup':4}  title"]
    for r in rows:
        dup = "yes" if r["duplicate_of"] else ""
        lines.append(
            f"{r['id']:16}  {r['published'] or '-':10}  {_cut(r['outlet'], 22):22}  "
            f"{dup:4}  {_cut(r['title'] or r['text'], 60)}"
        )
    lines.append(f"{len(rows)} articles")
    return "\n".join(lines)


def article_text(data: dict[str, Any], part: str | None) -> str:
    if part == "raw":
        return str(data["raw"])
    if part == "clean":
        return str(data["text"])
    if part == "removed":
        return (
            "\n".join(
                f"{r['start']:>7}-{r['end']:<7} {r['reason']:14} {_cut(r['text'], 70)}"
                for r in data["removed"]
            )
            or "(nothing removed)"
        )
    head = [
        f"id:         {data['id']}",
        f"source:     {data['path']}",
        f"outlet:     {data['outlet'] or '-'}",
        f"published:  {data['published'] or '-'}",
        f"title:      {data['title'] or '-'}",
    ]
    if data["duplicate_of"]:
        head.append(
            f"duplicate:  {data['duplicate_kind']} copy of {data['duplicate_of']} "
            f"(similarity {data['duplicate_score']:.2f})"
        )
    for m in data["meta"]:
        head.append(f"{m['kind'] + ':':11} {_cut(m['text'], 80)}")
    head.append(f"removed:    {len(data['removed'])} spans (see --removed)")
    return "\n".join(head) + "\n\n" + str(data["text"])


def ingest_summary(report: dict[str, Any]) -> str:
    lines = [
        f"database: {report['database']}",
        f"ingested {report['new_articles']} new articles "
        f"({report['duplicates']} duplicates of earlier ones), "
        f"{report['already_stored']} already stored, {report['rejected']} rejected",
        f"event mentions extracted: {report['mentions']}; events after merging: {report['events']}",
    ]
    for reason, n in sorted(report["rejected_by_reason"].items(), key=lambda kv: -kv[1]):
        lines.append(f"  rejected {reason}: {n}")
    return "\n".join(lines)


def batch_summary(report: dict[str, Any]) -> str:
    lines = [
        f"output: {report['out']} (engine {report['engine']})",
        f"shards: {report['shards']}: {report['done']} done now, {report['skipped']} finished "
        f"before, {len(report['failed'])} failed",
        f"articles {report['articles']}, event mentions {report['mentions']}, "
        f"rejected {report['rejected']}",
    ]
    lines += [f"  unlisted: {line}" for line in report["unlisted"]]
    lines += [f"  failed: {src}: {err} (re-run to retry)" for src, err in report["failed"].items()]
    return "\n".join(lines)


def stats_text(data: dict[str, Any]) -> str:
    lines = []
    for key, value in data.items():
        if isinstance(value, dict):
            inner = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
            lines.append(f"{key}: {inner}")
        else:
            lines.append(f"{key}: {value if value is not None else '-'}")
    return "\n".join(lines)


def mention_view(m: Mention) -> dict[str, Any]:
    """A mention with its ontology crosswalk, as JSON-safe data."""
    etype = load_ontology()[m.type]
    data = m.to_dict()
    data.pop("actors", None)
    data["acled_event_type"] = etype.acled_event_type or None
    data["acled_sub_event_type"] = etype.acled_sub_event_type or None
    data["cameo"] = etype.cameo or None
    data["plover"] = etype.plover_type or None
    return data


def _count(q: dict[str, Any] | None) -> str:
    if not q:
        return "-"
    lo, hi = q.get("min"), q.get("max")
    return f"{lo}" if lo == hi else f"{lo}-{hi}"


def mentions_text(rows: list[dict[str, Any]]) -> str:
    out = []
    for m in rows:
        date = m["date"] or {}
        a1, a2 = m["actor1"] or {}, m["actor2"] or {}
        out.append(
            f"{date.get('start', '?')} ({date.get('precision', '-')})  {m['type']}  "
            f"[{m['mode']}]  {a1.get('name', '-')} -> {a2.get('name', '-')}  "
            f"killed {_count(m['killed'])} injured {_count(m['injured'])}"
        )
        out.append(f"    \u201c{_cut(m['sentence']['text'], 150)}\u201d")
        if m.get("dropped"):
            out.append(f"    not an event: {m['dropped']}")
        else:
            out.append(f"    event, confidence {m.get('confidence', 0):.2f}")
    out.append(f"{len(rows)} mentions")
    return "\n".join(out)


def eval_text(result: dict[str, Any]) -> str:
    size = f"  n: {result['n']}" if "n" in result else ""  # not every suite counts items
    lines = [f"suite: {result['suite']}{size}"]
    for key, value in result.items():
        if key in ("suite", "n", "per_class", "confusion"):
            continue
        lines.append(f"{key}: {value}")
    return "\n".join(lines)


def _quantity(q: Any) -> dict[str, Any] | None:
    return None if q is None else {"min": q.min, "max": q.max, "text": q.text}


def date_label(d: DateValue | None) -> str | None:
    """A date as precise as it is known: "2011-03-14", "2011-W11, week" (ISO week),
    "2011-03, month", "2011, year"; None for an undated event."""
    if d is None:
        return None
    start = date.fromisoformat(d.start)
    if d.precision == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}, week"
    if d.precision == "month":
        return f"{d.start[:7]}, month"
    if d.precision == "year":
        return f"{d.start[:4]}, year"
    return d.start if d.end in (None, d.start) else f"{d.start} to {d.end}"


def event_view(e: Event) -> dict[str, Any]:
    """The JSON object `flashpoint events --format json` prints for one event."""
    etype = load_ontology().get(e.type)
    loc = e.location
    return {
        "id": e.id,
        "date": e.date.start if e.date else None,
        "date_end": e.date.end if e.date else None,
        "date_precision": e.date.precision if e.date else None,
        "type": e.type,
        "acled_event_type": (etype.acled_event_type or None) if etype else None,
        "acled_sub_event_type": (etype.acled_sub_event_type or None) if etype else None,
        "cameo": (etype.cameo or None) if etype else None,
        "mode": e.mode,
        "confidence": e.confidence,
        "actors": [
            {"name": a.name, "country": a.country, "role": a.role, "inter": a.inter}
            for a in e.actors
        ],
        "location": None
        if loc is None
        else {
            "name": loc.name,
            "latitude": loc.latitude,
            "longitude": loc.longitude,
            "country": loc.country,
            "admin1": loc.admin1,
            "geo_precision": loc.geo_precision,
            "area_only": loc.area_only,
            "rule": loc.rule,
        },
        "participants": _quantity(e.participants),
        "injured": _quantity(e.injured),
        "killed": _quantity(e.killed),
        "sources": [
            {
                "article_id": s.article_id,
                "outlet": s.outlet,
                "published": s.published,
                "quote": s.quote,
                "start": s.start,
                "end": s.end,
            }
            for s in e.sources
        ],
        "n_outlets": e.n_outlets,
        "related": [{"id": i, "relation": r} for i, r in e.related],
        "chosen": [{"field": f, "rule": r} for f, r in e.chosen],
        "conflicts": [{"field": f, "note": n} for f, n in e.conflicts],
    }


def events_table(rows: list[dict[str, Any]]) -> str:
    lines = [
        f"{'id':16}  {'date':10}  {'type':24}  {'mode':10}  {'src':>3}  "
        f"{'killed':>6}  place / actors"
    ]
    for r in rows:
        killed = r["killed"]["min"] if r["killed"] else ""
        where = r["location"]["name"] if r["location"] else "-"
        actors = ", ".join(a["name"] for a in r["actors"][:2])
        lines.append(
            f"{r['id']:16}  {r['date'] or '-':10}  {_cut(r['type'], 24):24}  "
            f"{r['mode']:10}  {r['n_outlets']:>3}  {killed!s:>6}  "
            f"{_cut(where + ' / ' + actors, 60)}"
        )
    lines.append(f"{len(rows)} events")
    return "\n".join(lines)


def _highlight(sentence: str, start: int, end: int, color: bool) -> str:
    on, off = ("\033[1;33m", "\033[0m") if color else ("[[", "]]")
    return sentence[:start] + on + sentence[start:end] + off + sentence[end:]


def event_evidence(e: Event, mentions: dict[str, Mention], color: bool = False) -> str:
    """Each field of an event beside the sentence that supports it, the words highlighted."""
    view = event_view(e)
    lines = [
        f"event {e.id}: {e.type} [{e.mode}]  reported by {e.n_outlets} outlet(s)",
        f"  {'confidence':22} {e.confidence:.2f} (its surest report, raised by each further"
        " outlet; events.min_confidence decides the default list)",
    ]
    for key in ("date", "date_precision", "acled_event_type", "acled_sub_event_type", "cameo"):
        lines.append(f"  {key:22} {view[key]}")
    lines.append(
        f"  {'actors':22} "
        + "; ".join(
            f"{a['name']} ({a['country'] or '?'}, {a['role']}, inter {a['inter']})"
            for a in view["actors"]
        )
    )
    loc = view["location"]
    if loc:
        lines.append(
            f"  {'location':22} {loc['name']} ({loc['latitude']}, {loc['longitude']}), "
            f"precision {loc['geo_precision']}"
        )
    for kind in ("participants", "injured", "killed"):
        if view[kind]:
            lines.append(f"  {kind:22} {_count(view[kind])} ({view[kind]['text']!r})")
    for rule in view["chosen"]:
        lines.append(f"  chosen {rule['field']:15} {rule['rule']}")
    for note in view["conflicts"]:
        lines.append(f"  conflict {note['field']:13} {note['note']}")
    for rel in view["related"]:
        lines.append(f"  related {rel['relation']:14} {rel['id']}")
    lines.append("evidence:")
    for s in e.sources:
        m = mentions.get(s.mention_id)
        lines.append(
            f"- {s.outlet or '?'} ({s.published or '?'}), article {s.article_id}, "
            f"raw offsets {s.start}-{s.end}"
        )
        if m is None:
            lines.append(f"    {s.quote}")
            continue
        base = m.sentence.start
        spans = [("trigger", m.trigger.start, m.trigger.end)]
        if m.date and m.date.span_start >= base:
            spans.append(("date", m.date.span_start, m.date.span_end))
        for name, start, end in spans:
            lines.append(
                f"    {name:8} " + _highlight(m.sentence.text, start - base, end - base, color)
            )
        lines.append(f"    {'mention':8} confidence {m.confidence:.2f}, {_roles(m)}")
        for field, how in m.inferred:
            lines.append(f"    inferred {field}: {how}")
    return "\n".join(lines)


def _roles(m: Mention) -> str:
    """Where each field of a mention comes from, in words."""
    parts = [f"type {m.type} from cue '{m.trigger.text}' (weight {m.cue_weight:.2f})"]
    parts.append(f"mode {m.mode}" + (f" from '{m.mode_cue}'" if m.mode_cue else " (asserted)"))
    for name, actor in (("actor1", m.actor1), ("actor2", m.actor2)):
        if actor is not None:
            how = f"inferred: {actor.inferred}" if actor.inferred else "read from the parse"
            parts.append(f"{name} '{actor.text or actor.name}' {how}")
    if m.date is not None:
        parts.append(f"date {m.date.start} ({m.date.precision}) by rule {m.date.rule}")
    return "; ".join(parts)
