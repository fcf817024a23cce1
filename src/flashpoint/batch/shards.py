"""Shards: the input files of a batch, local or in object storage, and their articles."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from flashpoint.errors import reject
from flashpoint.ingest import Item, list_files, read_inputs
from flashpoint.ingest.meta import is_meta_file
from flashpoint.ingest.paths import source_name
from flashpoint.records import Rejected
from flashpoint.settings import Settings

__all__ = ["Shard", "is_uri", "list_shards", "read_shard"]


@dataclass(frozen=True)
class Shard:
    """One input file; ``id`` names its output files and marker."""

    source: str  # a local path (as ingest names it) or a URI

    @property
    def id(self) -> str:
        return hashlib.sha256(self.source.encode("utf-8")).hexdigest()[:16]


def is_uri(given: str) -> bool:
    return "://" in given and not Path(given).exists()


def list_shards(inputs: Iterable[str]) -> tuple[list[Shard], list[Rejected]]:
    """Every shard under ``inputs`` (directories are walked as ingest walks them; a URI ending
    in / is listed through pyarrow's file systems), and what could not be listed."""
    shards: list[Shard] = []
    problems: list[Rejected] = []
    for given in inputs:
        if is_uri(given):
            try:
                shards.extend(Shard(u) for u in _list_uri(given))
            except Exception as exc:  # an unreachable bucket is this input's problem only
                problems.append(
                    reject(given, "ingest", "unreadable", f"{type(exc).__name__}: {exc}")
                )
            continue
        root = Path(given)
        if not root.exists():
            problems.append(
                reject(source_name(given), "ingest", "unreadable", "no such file or directory")
            )
            continue
        for path in list_files(root):
            if isinstance(path, Rejected):
                problems.append(path)
            elif not is_meta_file(path):  # meta.json applies to its folder's shards
                shards.append(Shard(source_name(path)))
    return shards, problems


def _list_uri(uri: str) -> list[str]:
    from pyarrow import fs

    filesystem, path = fs.FileSystem.from_uri(uri)
    info = filesystem.get_file_info(path)
    scheme = uri.split("://", 1)[0]
    if info.type == fs.FileType.Directory:
        found = filesystem.get_file_info(fs.FileSelector(path, recursive=True))
        names = sorted(f.path for f in found if f.type == fs.FileType.File)
        return [f"{scheme}://{name}" for name in names if not Path(name).name.startswith(".")]
    return [uri]


def read_shard(shard: Shard, settings: Settings) -> Iterator[Item]:
    """The shard's articles and rejections, read exactly as ``ingest`` reads the file."""
    limits = {
        "max_bytes": settings.int("ingest.max_bytes"),
        "language": settings.str("ingest.default_language"),
    }
    if not is_uri(shard.source):
        yield from read_inputs([shard.source], **limits)  # type: ignore[arg-type]
        return
    with tempfile.TemporaryDirectory(prefix="flashpoint-shard-") as tmp:
        local = Path(tmp) / Path(shard.source.split("://", 1)[1]).name
        try:
            _download(shard.source, local, settings.int("ingest.max_bytes"))
        except Exception as exc:
            yield reject(shard.source, "ingest", "unreadable", f"{type(exc).__name__}: {exc}")
            return
        for item in read_inputs([str(local)], **limits):  # type: ignore[arg-type]
            if isinstance(item, Rejected):
                yield replace(item, path=item.path.replace(str(local), shard.source))
            else:
                yield replace(item, source=item.source.replace(str(local), shard.source))


def _download(uri: str, local: Path, max_bytes: int) -> None:
    from pyarrow import fs

    filesystem, path = fs.FileSystem.from_uri(uri)
    with filesystem.open_input_stream(path) as stream, local.open("wb") as out:
        while chunk := stream.read(1 << 20):
            out.write(chunk)
