"""Shared pieces of the bad-input generator (tests/badinput.py): limits, good texts, writers."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

ENV = {
    "FLASHPOINT_INGEST_MAX_BYTES": "1000000",
    "FLASHPOINT_CLEAN_MAX_CHARS": "600000",
    "FLASHPOINT_CLEAN_MAX_PARAGRAPHS": "5000",
    "FLASHPOINT_INGEST_BATCH_SIZE": "7",
    "FLASHPOINT_EXTRACT_ENABLED": "false",
}


BOMB_BYTES = 512 * 1024 * 1024  # one line of this many bytes, gzipped to well under 1 MB


@dataclass(frozen=True)
class Kind:
    reason: str | None  # the code on the one rejection line; None: no line at all
    stored: int  # articles the folder must store


def good(tag: str, n: int = 0) -> str:
    """A short, unique, readable report."""
    return (
        f"Police dispersed a crowd of protesters outside the ministry on Monday, witnesses "
        f"said. Case {tag} number {n}: the march had started peacefully in the morning."
    )


def jline(tag: str, n: int = 0, **extra: object) -> str:
    return json.dumps({"text": good(tag, n), **extra})


# --- helpers that write one thing ---------------------------------------------------------


def write(path: Path, data: str | bytes) -> None:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def good_file(folder: Path) -> int:
    write(folder / "good.txt", good(folder.name))
    return 1


def jsonl_around(folder: Path, bad: str | bytes, name: str = "mixed.jsonl") -> int:
    """Two good lines, the bad one, two good lines."""
    lines = [jline(folder.name, i).encode() for i in range(2)]
    lines.append(bad.encode("utf-8", "surrogatepass") if isinstance(bad, str) else bad)
    lines += [jline(folder.name, i).encode() for i in range(2, 4)]
    write(folder / name, b"\n".join(lines) + b"\n")
    return 4


def warc(records: list[tuple[str, bytes, str]], gz: bool = False) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, body, ctype in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return buf.getvalue()


def page(tag: str, n: int) -> bytes:
    return f"<html><body><article><p>{good(tag, n)}</p></article></body></html>".encode()


def rss(tag: str, entries: int) -> str:
    items = "".join(
        f"<item><title>Item {i}</title><link>http://example.org/{tag}/{i}</link>"
        f"<description>{good(tag, i)}</description></item>"
        for i in range(entries)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}'


KOREAN = "북한은 월요일 동해상으로 탄도미사일 한 발을 발사했다고 합동참모본부가 밝혔다. " * 3


ARABIC = "قال مسؤولون محليون إن مسلحين هاجموا قافلة على الطريق السريع شمال المدينة يوم السبت. " * 3


CHINESE = "当地官员说，星期六有武装分子在城市北部的公路上袭击了一支车队，造成三人死亡。" * 3
