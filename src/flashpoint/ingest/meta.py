"""``meta.json`` beside articles: a list of ``{file, outlet, published, url, title}``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flashpoint.errors import reject
from flashpoint.ingest.paths import source_name
from flashpoint.records import Rejected

META_NAME = "meta.json"
FIELDS = ("outlet", "published", "url", "title", "language")
MAX_META_BYTES = 64 * 1024 * 1024


def is_meta_file(path: Path) -> bool:
    return path.name == META_NAME


def load_meta(directory: Path) -> tuple[dict[str, dict[str, Any]], list[Rejected]]:
    """Per-file metadata keyed by file name relative to ``directory``, and what was wrong
    with it: one rejection for a bad file, one per entry naming a file that is not there."""
    path = directory / META_NAME
    where = source_name(path)
    if not path.exists():
        return {}, []
    if not path.is_file():  # a FIFO here would block the whole ingest
        return {}, [reject(where, "ingest", "bad_meta", "not a regular file; not read")]
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_META_BYTES + 1)
        if len(raw) > MAX_META_BYTES:
            return {}, [reject(where, "ingest", "bad_meta", f"over {MAX_META_BYTES} bytes")]
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError) as exc:  # JSON, UTF-8 and number errors
        return {}, [reject(where, "ingest", "bad_meta", _first_line(exc))]
    if not isinstance(data, list):
        return {}, [reject(where, "ingest", "bad_meta", "expected a JSON list of objects")]
    out: dict[str, dict[str, Any]] = {}
    problems: list[Rejected] = []
    for entry in data:
        if isinstance(entry, dict) and isinstance(entry.get("file"), str):
            name = entry["file"]
            out[name] = {k: entry[k] for k in FIELDS if entry.get(k) is not None}
            if not _exists(directory, name):
                detail = f"entry for {source_name(name)!r}: no such file in this folder"
                problems.append(reject(where, "ingest", "meta_missing_file", detail))
    return out, problems


def _exists(directory: Path, name: str) -> bool:
    try:
        return (directory / name).exists()
    except (OSError, ValueError):  # NUL or other impossible characters in the name
        return False


def _first_line(exc: BaseException) -> str:
    lines = str(exc).splitlines()
    return f"{type(exc).__name__}: {lines[0] if lines else ''}"
