"""Ingest: files, directories, stdin and (when asked) URLs in; ``Article`` or ``Rejected`` out.

Public entry: :func:`read_inputs`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from flashpoint.errors import reject
from flashpoint.ingest.formats import Context, Item, read_text, reader_for
from flashpoint.ingest.meta import is_meta_file, load_meta

__all__ = ["Context", "Item", "list_files", "read_inputs"]

STDIN = "-"


def list_files(path: Path) -> Iterator[Path]:
    """A file itself, or every non-hidden file under a directory, in a stable order."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            rel = child.relative_to(path)
            if child.is_file() and not any(p.startswith(".") for p in rel.parts):
                yield child
    else:
        yield path


def read_inputs(
    paths: Iterable[str],
    *,
    max_bytes: int,
    language: str = "en",
    overrides: dict[str, Any] | None = None,
) -> Iterator[Item]:
    """Every article (or rejection) found in ``paths``; ``-`` reads standard input.

    ``overrides`` (outlet, published, ...) apply to every article, over meta.json.
    """
    metas: dict[Path, dict[str, dict[str, Any]]] = {}
    extra = {k: v for k, v in (overrides or {}).items() if v not in (None, "")}
    for given in paths:
        if given == STDIN:
            raw = sys.stdin.buffer.read(max_bytes + 1)
            ctx = Context(max_bytes, language, extra)
            if len(raw) > max_bytes:
                yield reject("<stdin>", "ingest", "too_large", "standard input is over the limit")
            else:
                yield from read_text(raw, "<stdin>", ctx, fmt="stdin")
            continue
        root = Path(given)
        if not root.exists():
            yield reject(given, "ingest", "unreadable", "no such file or directory")
            continue
        for path in list_files(root):
            if is_meta_file(path):
                continue
            yield from _read_file(path, metas, max_bytes, language, extra)


def _read_file(
    path: Path,
    metas: dict[Path, dict[str, dict[str, Any]]],
    max_bytes: int,
    language: str,
    extra: dict[str, Any],
) -> Iterator[Item]:
    source = str(path)
    if path.parent not in metas:
        metas[path.parent], problem = load_meta(path.parent)
        if problem is not None:
            yield problem
    meta = {**metas[path.parent].get(path.name, {}), **extra}
    reader = reader_for(path)
    if reader is None:
        yield reject(source, "ingest", "unsupported", f"no reader for '{path.suffix}' files")
        return
    try:
        yield from reader(path, source, Context(max_bytes, language, meta))
    except OSError as exc:
        yield reject(source, "ingest", "unreadable", exc.strerror or str(exc))
