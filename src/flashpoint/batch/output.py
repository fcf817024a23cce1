"""A batch's output folder: Parquet per shard, partitioned by month, and a marker per shard.

    OUT/items/month=YYYY-MM/<shard>.parquet     every article and rejection, in read order
    OUT/mentions/month=YYYY-MM/<shard>.parquet  the mentions of each extracted article
    OUT/_shards/<shard>.json                    the marker: written last, with the counts

Records are stored whole (their JSON, as the store keeps them) beside flat columns for
analysts, so ``load`` rebuilds exactly what the stages produced. A file is written under a
temporary name and renamed, so a killed shard leaves no half file; only shards with a marker
are loaded.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from flashpoint.dedup import Signed
from flashpoint.records import Article, CleanText, Mention, Rejected
from flashpoint.stages import Processed

__all__ = ["finished", "mark_done", "read_output", "write_shard"]

UNDATED = "undated"

_ITEMS = pa.schema(
    [
        ("shard", pa.string()),
        ("position", pa.int64()),
        ("kind", pa.string()),  # article | rejected
        ("id", pa.string()),
        ("source", pa.string()),
        ("published", pa.string()),
        ("outlet", pa.string()),
        ("title", pa.string()),
        ("record", pa.string()),  # Article or Rejected, as JSON
        ("clean", pa.string()),  # CleanText or Rejected (cleaning failed), as JSON
        ("content_hash", pa.string()),
        ("signature", pa.binary()),
        ("extraction", pa.string()),  # none | mentions | rejected
        ("extract_rejection", pa.string()),
    ]
)
_MENTIONS = pa.schema(
    [
        ("shard", pa.string()),
        ("position", pa.int64()),
        ("article_id", pa.string()),
        ("id", pa.string()),
        ("type", pa.string()),
        ("record", pa.string()),  # Mention, as JSON
    ]
)


def month_of(published: str | None) -> str:
    return published[:7] if published and len(published) >= 7 else UNDATED


def _dump(record: Article | CleanText | Rejected | Mention) -> str:
    return json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True)


def _item_row(
    shard: str, position: int, item: Article | Rejected, p: Processed | None
) -> dict[str, Any]:
    if isinstance(item, Rejected):
        return {
            "shard": shard,
            "position": position,
            "kind": "rejected",
            "id": None,
            "source": item.path,
            "record": _dump(item),
            "extraction": "none",
        }
    row: dict[str, Any] = {
        "shard": shard,
        "position": position,
        "kind": "article",
        "id": item.id,
        "source": item.source,
        "published": item.published,
        "outlet": item.outlet,
        "title": item.title,
        "record": _dump(item),
        "extraction": "none",
    }
    if p is not None:
        row["clean"] = _dump(p.clean)
        if p.signed is not None:
            row["content_hash"], row["signature"] = p.signed.content_hash, p.signed.signature
        if isinstance(p.mentions, Rejected):
            row["extraction"], row["extract_rejection"] = "rejected", _dump(p.mentions)
        elif p.mentions is not None:
            row["extraction"] = "mentions"
    return row


def write_shard(
    out: Path, shard: str, results: list[tuple[Article | Rejected, Processed | None]]
) -> dict[str, int]:
    """Write one shard's results, one file per month; returns its counts."""
    items: dict[str, list[dict[str, Any]]] = {}
    mentions: dict[str, list[dict[str, Any]]] = {}
    counts = {"articles": 0, "rejected": 0, "mentions": 0}
    for position, (item, processed) in enumerate(results):
        month = month_of(item.published) if isinstance(item, Article) else UNDATED
        items.setdefault(month, []).append(_item_row(shard, position, item, processed))
        if isinstance(item, Rejected):
            counts["rejected"] += 1
            continue
        counts["articles"] += 1
        found = processed.mentions if processed is not None else None
        if processed is not None and isinstance(processed.clean, Rejected):
            counts["rejected"] += 1
        if isinstance(found, Rejected):
            counts["rejected"] += 1
        elif found:
            counts["mentions"] += len(found)
            mentions.setdefault(month, []).extend(
                {
                    "shard": shard,
                    "position": position,
                    "article_id": m.article_id,
                    "id": m.id,
                    "type": m.type,
                    "record": _dump(m),
                }
                for m in found
            )
    for month, rows in items.items():
        _write(out / "items" / f"month={month}" / f"{shard}.parquet", rows, _ITEMS)
    for month, rows in mentions.items():
        _write(out / "mentions" / f"month={month}" / f"{shard}.parquet", rows, _MENTIONS)
    return counts


def _write(path: Path, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(rows, schema=schema)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def mark_done(out: Path, shard: str, source: str, counts: dict[str, int]) -> None:
    marker = out / "_shards" / f"{shard}.json"
    marker.parent.mkdir(parents=True, exist_ok=True)
    tmp = marker.with_name(f".{marker.name}.tmp")
    tmp.write_text(json.dumps({"source": source, **counts}, sort_keys=True), "utf-8")
    os.replace(tmp, marker)


def finished(out: Path) -> dict[str, dict[str, Any]]:
    """The finished shards: id -> marker (source and counts)."""
    folder = out / "_shards"
    if not folder.is_dir():
        return {}
    return {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.json"))}


def read_output(out: Path) -> Iterator[tuple[Article | Rejected, Processed | None]]:
    """Every finished shard's items with what the stages made of them, shards in the order of
    their source paths (the order ingest reads them) and items in read order."""
    done = finished(out)
    order = sorted(done, key=lambda s: Path(done[s]["source"]).parts)
    for shard in order:
        rows = _rows(out / "items", shard)
        found: dict[int, list[Mention]] = {}  # by position: an article may be read twice
        for m in _rows(out / "mentions", shard):
            found.setdefault(m["position"], []).append(Mention.from_dict(json.loads(m["record"])))
        for row in sorted(rows, key=lambda r: r["position"]):
            yield _item(row, found)


def _rows(folder: Path, shard: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(folder.glob(f"month=*/{shard}.parquet")):
        rows.extend(pq.read_table(path).to_pylist())
    return rows


def _item(
    row: dict[str, Any], found: dict[int, list[Mention]]
) -> tuple[Article | Rejected, Processed | None]:
    record = json.loads(row["record"])
    if row["kind"] == "rejected":
        return Rejected.from_dict(record), None
    article = Article.from_dict(record)
    if row["clean"] is None:
        return article, None
    clean_data = json.loads(row["clean"])
    clean: CleanText | Rejected = (
        Rejected.from_dict(clean_data)
        if "reason" in clean_data
        else CleanText.from_dict(clean_data)
    )
    signed = Signed(row["content_hash"], row["signature"]) if row["content_hash"] else None
    mentions: list[Mention] | Rejected | None = None
    if row["extraction"] == "mentions":
        mentions = found.get(row["position"], [])
    elif row["extraction"] == "rejected":
        mentions = Rejected.from_dict(json.loads(row["extract_rejection"]))
    return article, Processed(article, clean, signed, mentions)
