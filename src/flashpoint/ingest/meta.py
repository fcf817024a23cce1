"""``meta.json`` beside articles: a list of ``{file, outlet, published, url, title}``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flashpoint.errors import reject
from flashpoint.records import Rejected

META_NAME = "meta.json"
FIELDS = ("outlet", "published", "url", "title", "language")


def is_meta_file(path: Path) -> bool:
    return path.name == META_NAME


def load_meta(directory: Path) -> tuple[dict[str, dict[str, Any]], Rejected | None]:
    """Per-file metadata keyed by file name relative to ``directory``."""
    path = directory / META_NAME
    if not path.exists():
        return {}, None
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, reject(str(path), "ingest", "bad_meta", str(exc).splitlines()[0])
    if not isinstance(data, list):
        return {}, reject(str(path), "ingest", "bad_meta", "expected a JSON list of objects")
    out: dict[str, dict[str, Any]] = {}
    for entry in data:
        if isinstance(entry, dict) and isinstance(entry.get("file"), str):
            out[entry["file"]] = {k: entry[k] for k in FIELDS if entry.get(k) is not None}
    return out, None
