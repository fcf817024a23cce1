"""Plain data views of stored records, and their text renderings for the terminal."""

from __future__ import annotations

from typing import Any

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
    ]
    for reason, n in sorted(report["rejected_by_reason"].items(), key=lambda kv: -kv[1]):
        lines.append(f"  rejected {reason}: {n}")
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
