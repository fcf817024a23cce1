#!/usr/bin/env python3
"""Regenerate the derived files of the demo corpus from ``demo/sources/``.

Everything in ``demo/corpus/`` is synthetic: invented incidents at real places,
written for flashpoint. Most files there are written by hand. The few that are
binary, deliberately broken, re-encoded or exact copies are made here, so that
they can be reviewed as plain text and rebuilt byte for byte:

    corpus/frontline_crawl.warc.gz             WARC from sources/warc/*.html (+ request, PNG)
    corpus/sahel_monitor_segou_bus_blast.txt   cp1252 copy of sources/*.utf8.txt
    corpus/horn_bulletin_mogadishu_blast_copy.txt  exact copy (duplicate detection)
    corpus/broken_empty.txt                    0 bytes
    corpus/broken_binary.txt                   pseudo-random bytes with NULs

Output is deterministic: fixed WARC dates and record ids, no timestamps in the
gzip members, bytes derived from a fixed seed. Run it twice and the files are
identical.

Usage:
    python demo/build_corpus.py           # (re)write the derived files
    python demo/build_corpus.py --check   # exit 1 if the committed files are stale
"""

from __future__ import annotations

import argparse
import hashlib
import io
import struct
import sys
import uuid
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
CORPUS = HERE / "corpus"

WARC_NAME = "frontline_crawl.warc.gz"

# (source page, URL it was "crawled" from, WARC-Date of the capture)
WARC_PAGES = [
    (
        "great_lakes_echo_goma.html",
        "https://greatlakesecho.example/drc/2025/03/01/goma-water-protest-tear-gas",
        "2025-03-01T14:02:11Z",
    ),
    (
        "benadir_tribune_mogadishu.html",
        "https://benadirtribune.example/somalia/2025/03/25/arrests-troops-lower-shabelle",
        "2025-03-25T15:40:27Z",
    ),
    (
        "steppe_courier_kharkiv.html",
        "https://steppecourier.example/news/2025/04/12/kharkiv-toll-rises",
        "2025-04-12T10:31:05Z",
    ),
]
# A non-HTML response in the same crawl: the reader must skip it, not reject it.
PNG_URL = "https://steppecourier.example/static/img/logo.png"
PNG_DATE = "2025-04-12T10:31:06Z"

CP1252_SOURCE = "sahel_monitor_segou_bus_blast.utf8.txt"
CP1252_TARGET = "sahel_monitor_segou_bus_blast.txt"
COPY_SOURCE = "horn_bulletin_mogadishu_blast.txt"
COPY_TARGET = "horn_bulletin_mogadishu_blast_copy.txt"


def record_id(*parts: str) -> str:
    """A stable WARC-Record-ID from the record's URL and type."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'flashpoint-demo:' + '|'.join(parts))}>"


def tiny_png() -> bytes:
    """A valid 1x1 grey PNG, built without any imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00\x80", 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def build_warc() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)

    info = (
        b"software: flashpoint demo/build_corpus.py\r\n"
        b"format: WARC File Format 1.0\r\n"
        b"description: synthetic crawl for the flashpoint demo corpus; "
        b"all pages are invented\r\n"
    )
    writer.write_record(
        writer.create_warc_record(
            "",
            "warcinfo",
            payload=io.BytesIO(info),
            length=len(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Record-ID": record_id(WARC_NAME, "warcinfo"),
                "WARC-Date": WARC_PAGES[0][2],
                "WARC-Filename": WARC_NAME,
            },
        )
    )

    for name, url, date in WARC_PAGES:
        body = (SOURCES / "warc" / name).read_bytes()
        host = url.split("/")[2]
        path = "/" + url.split("/", 3)[3]
        http_date = _http_date(date)

        # The request that fetched the page (not an article; the reader skips it).
        req_headers = StatusAndHeaders(
            f"GET {path} HTTP/1.1",
            [
                ("Host", host),
                ("User-Agent", "flashpoint-demo-crawler/1.0"),
                ("Accept", "text/html"),
            ],
            is_http_request=True,
        )
        writer.write_record(
            writer.create_warc_record(
                url,
                "request",
                payload=io.BytesIO(b""),
                length=0,
                http_headers=req_headers,
                warc_headers_dict={
                    "WARC-Record-ID": record_id(url, "request"),
                    "WARC-Date": date,
                    "WARC-Concurrent-To": record_id(url, "response"),
                },
            )
        )

        resp_headers = StatusAndHeaders(
            "200 OK",
            [
                ("Date", http_date),
                ("Server", "nginx"),
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
            ],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=resp_headers,
                warc_headers_dict={"WARC-Record-ID": record_id(url, "response"), "WARC-Date": date},
            )
        )

    png = tiny_png()
    png_headers = StatusAndHeaders(
        "200 OK",
        [
            ("Date", _http_date(PNG_DATE)),
            ("Content-Type", "image/png"),
            ("Content-Length", str(len(png))),
        ],
        protocol="HTTP/1.1",
    )
    writer.write_record(
        writer.create_warc_record(
            PNG_URL,
            "response",
            payload=io.BytesIO(png),
            length=len(png),
            http_headers=png_headers,
            warc_headers_dict={
                "WARC-Record-ID": record_id(PNG_URL, "response"),
                "WARC-Date": PNG_DATE,
            },
        )
    )
    return out.getvalue()


def _http_date(iso: str) -> str:
    from datetime import datetime
    from email.utils import format_datetime

    return format_datetime(datetime.fromisoformat(iso.replace("Z", "+00:00")), usegmt=True)


def broken_binary() -> bytes:
    """A mis-saved image: a JPEG-like header, then pseudo-random bytes with NULs (seeded)."""
    out = bytearray(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    block = b"flashpoint-demo-broken-binary"
    while len(out) < 420:
        block = hashlib.sha256(block).digest()
        out += block
    del out[420:]
    for i in range(40, len(out), 53):  # make sure NULs appear throughout, not only in the header
        out[i] = 0
    return bytes(out)


def outputs() -> dict[str, bytes]:
    """Every derived file, by name relative to ``corpus/``."""
    segou = (SOURCES / CP1252_SOURCE).read_text("utf-8").encode("cp1252")
    return {
        WARC_NAME: build_warc(),
        CP1252_TARGET: segou,
        COPY_TARGET: (CORPUS / COPY_SOURCE).read_bytes(),
        "broken_empty.txt": b"",
        "broken_binary.txt": broken_binary(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only check that the files are up to date"
    )
    args = parser.parse_args(argv)

    built = outputs()
    if args.check:
        stale = [
            n
            for n, data in built.items()
            if not (CORPUS / n).exists() or (CORPUS / n).read_bytes() != data
        ]
        for name in stale:
            print(f"stale: corpus/{name}", file=sys.stderr)
        return 1 if stale else 0

    CORPUS.mkdir(parents=True, exist_ok=True)
    for name, data in built.items():
        (CORPUS / name).write_bytes(data)
        print(f"wrote corpus/{name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
