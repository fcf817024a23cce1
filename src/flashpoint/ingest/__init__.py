"""Ingest: files, directories, stdin and (when asked) URLs in; ``Article`` or ``Rejected`` out.

Public entry: :func:`read_inputs`. Every file is isolated: whatever goes wrong while reading
one becomes a ``Rejected`` naming it, and the next file is read.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from flashpoint.errors import reject
from flashpoint.ingest.formats import Context, Item, read_text, reader_for
from flashpoint.ingest.meta import is_meta_file, load_meta
from flashpoint.ingest.paths import source_name
from flashpoint.records import Rejected

__all__ = ["Context", "Item", "list_files", "read_inputs"]

STDIN = "-"
_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def list_files(path: Path) -> Iterator[Path | Rejected]:
    """A file itself, or every non-hidden file under a directory, in a stable order;
    a folder that cannot be listed is a rejection, not a silent gap."""
    if not path.is_dir():
        yield path
        return
    found: list[Path] = []
    problems: list[Rejected] = []

    def unreadable(exc: OSError) -> None:
        where = source_name(exc.filename or path)
        problems.append(reject(where, "ingest", "unreadable", exc.strerror or str(exc)))

    for folder, dirs, files in os.walk(path, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(folder, f) for f in files if not f.startswith("."))
    yield from problems
    yield from sorted(found)


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
                yield from _guarded("<stdin>", read_text(raw, "<stdin>", ctx, fmt="stdin"))
            continue
        root = Path(given)
        if not root.exists():
            yield reject(source_name(given), "ingest", "unreadable", "no such file or directory")
            continue
        for path in list_files(root):
            if isinstance(path, Rejected):
                yield path
            elif is_meta_file(path):
                yield from _load_meta(path.parent, metas)
            else:
                yield from _read_file(path, metas, max_bytes, language, extra)


def _load_meta(folder: Path, metas: dict[Path, dict[str, dict[str, Any]]]) -> Iterator[Rejected]:
    if folder not in metas:
        metas[folder], problems = load_meta(folder)
        yield from problems


def _read_file(
    path: Path,
    metas: dict[Path, dict[str, dict[str, Any]]],
    max_bytes: int,
    language: str,
    extra: dict[str, Any],
) -> Iterator[Item]:
    source = source_name(path)
    yield from _load_meta(path.parent, metas)
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        yield reject(source, "ingest", "unreadable", exc.strerror or str(exc))
        return
    if not stat.S_ISREG(mode):  # reading a FIFO or a device could block or never end
        kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
        yield reject(source, "ingest", "not_a_file", f"{kind}; pipe it to '-' (stdin) instead")
        return
    meta = {**metas[path.parent].get(path.name, {}), **extra}
    reader = reader_for(path)
    if reader is None:
        yield reject(source, "ingest", "unsupported", f"no reader for '{path.suffix}' files")
        return
    yield from _guarded(source, reader(path, source, Context(max_bytes, language, meta)))


def _guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """The reader's items; an error it did not expect ends this file only, with one line."""
    try:
        yield from items
    except OSError as exc:
        yield reject(source, "ingest", "unreadable", exc.strerror or str(exc))
    except (MemoryError, RecursionError) as exc:
        yield reject(source, "ingest", "too_complex", type(exc).__name__)
    except Exception as exc:  # a reader bug must not end the batch: one line, the rest goes on
        yield reject(source, "ingest", "read_failed", f"{type(exc).__name__}: {exc}")
