"""Bad-input kinds inside containers: JSON, JSON lines (plain, gzipped), WARC, feeds, meta."""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path

from badinput_base import (
    BOMB_BYTES,
    Kind,
    good,
    good_file,
    jline,
    jsonl_around,
    page,
    rss,
    warc,
    write,
)


def k_json_broken(f: Path) -> Kind:
    write(f / "broken.json", '{"text": "unterminated')
    return Kind("bad_json", good_file(f))


def k_json_no_text(f: Path) -> Kind:
    write(f / "title_only.json", json.dumps({"title": "only a title"}))
    return Kind("no_text", good_file(f))


def k_json_scalar(f: Path) -> Kind:
    write(f / "scalar.json", "42")
    return Kind("bad_json", good_file(f))


def k_json_empty_list(f: Path) -> Kind:
    write(f / "list.json", "[]")
    return Kind("empty", good_file(f))


def k_json_list_bad_item(f: Path) -> Kind:
    items = [{"text": good(f.name, 0)}, "not an object", {"text": good(f.name, 1)}]
    write(f / "list.json", json.dumps(items))
    return Kind("bad_json", 2)


def k_json_lone_surrogate_text(f: Path) -> Kind:
    write(f / "surrogate.json", '{"text": "Shots fired \\ud800 near the port."}')
    return Kind("bad_unicode", good_file(f))


def k_json_lone_surrogate_title(f: Path) -> Kind:
    write(
        f / "surrogate.json", json.dumps({"text": good(f.name, 1)})[:-1] + ', "title": "\\udfff"}'
    )
    return Kind("bad_unicode", good_file(f))


def k_json_huge_integer(f: Path) -> Kind:
    write(f / "int.json", '{"text": "x", "n": ' + "7" * 5000 + "}")
    return Kind("bad_json", good_file(f))


def k_json_deep_nesting(f: Path) -> Kind:
    write(f / "deep.json", '{"text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}")
    return Kind("bad_json", good_file(f))


def k_json_text_not_string(f: Path) -> Kind:
    write(f / "numeric.json", json.dumps({"text": 12345, "title": "numbers"}))
    return Kind("no_text", good_file(f))


def k_json_invalid_utf8(f: Path) -> Kind:
    write(f / "bytes.json", b'{"text": "caf\xe9 \xff\xfe"}')
    return Kind("bad_json", good_file(f))


def k_json_odd_field_types(f: Path) -> Kind:
    write(f / "odd.json", json.dumps({"text": good(f.name), "title": {"a": [1]}, "outlet": [1, 2]}))
    return Kind(None, 1)


def k_jsonl_bad_line(f: Path) -> Kind:
    return Kind("bad_json", jsonl_around(f, "{oops"))


def k_jsonl_lone_surrogate(f: Path) -> Kind:
    return Kind("bad_unicode", jsonl_around(f, '{"text": "a \\ud800 b", "title": "t"}'))


def k_jsonl_surrogate_in_title(f: Path) -> Kind:
    return Kind("bad_unicode", jsonl_around(f, '{"text": "Troops moved.", "title": "\\udc80"}'))


def k_jsonl_huge_integer(f: Path) -> Kind:
    return Kind("bad_json", jsonl_around(f, '{"text": "x", "n": ' + "9" * 4301 + "}"))


def k_jsonl_deep_nesting(f: Path) -> Kind:
    return Kind("bad_json", jsonl_around(f, "[" * 1000 + "]" * 1000))


def k_jsonl_not_object(f: Path) -> Kind:
    return Kind("bad_json", jsonl_around(f, '["a", "list"]'))


def k_jsonl_long_line(f: Path) -> Kind:
    return Kind("too_large", jsonl_around(f, json.dumps({"text": "word " * 250_000})))


def k_jsonl_invalid_utf8(f: Path) -> Kind:
    return Kind("bad_json", jsonl_around(f, b'{"text": "\xff\xfe\xfd"}'))


def k_jsonl_no_text(f: Path) -> Kind:
    return Kind("no_text", jsonl_around(f, '{"title": "headline only"}'))


def k_jsonl_html_without_body(f: Path) -> Kind:
    return Kind("no_text", jsonl_around(f, json.dumps({"html": "<html><head></head></html>"})))


def k_jsonl_date_far_future(f: Path) -> Kind:
    return Kind("bad_date", 1 + jsonl_around(f, jline(f.name, 9, published="9999-12-31")))


def k_jsonl_date_year_one(f: Path) -> Kind:
    return Kind("bad_date", 1 + jsonl_around(f, jline(f.name, 9, published="0001-01-01")))


def k_jsonl_date_unreadable(f: Path) -> Kind:
    return Kind("bad_date", 1 + jsonl_around(f, jline(f.name, 9, published="the other day")))


def k_jsonl_crlf(f: Path) -> Kind:
    lines = [jline(f.name, i) for i in range(3)]
    write(f / "crlf.jsonl", "\r\n".join(lines) + "\r\n")
    return Kind(None, 3)


def k_jsonl_empty(f: Path) -> Kind:
    write(f / "empty.jsonl", b"")
    return Kind("empty", good_file(f))


def k_jsonl_blank_lines(f: Path) -> Kind:
    write(f / "blank.ndjson", "\n\n  \n")
    return Kind("empty", good_file(f))


def k_jsonl_gz_empty(f: Path) -> Kind:
    write(f / "empty.jsonl.gz", gzip.compress(b""))
    return Kind("empty", good_file(f))


def k_jsonl_gz_truncated(f: Path) -> Kind:
    body = "".join(jline(f.name, i) + "\n" for i in range(40)).encode()
    data = gzip.compress(body)
    cut = data[: len(data) * 2 // 3]
    complete = zlib.decompressobj(31).decompress(cut).count(b"\n")
    write(f / "cut.jsonl.gz", cut)
    return Kind("truncated", complete)


def k_jsonl_gz_trailing_garbage(f: Path) -> Kind:
    body = "".join(jline(f.name, i) + "\n" for i in range(5)).encode()
    write(f / "garbage.jsonl.gz", gzip.compress(body) + b"this is not gzip at all")
    return Kind("corrupt", 5)


def k_jsonl_gz_not_gzip(f: Path) -> Kind:
    write(f / "plain.jsonl.gz", jline(f.name) + "\n")
    return Kind("corrupt", good_file(f))


def k_jsonl_gz_bomb(f: Path) -> Kind:
    """A small file holding one line of BOMB_BYTES: rejected without being held."""
    pack = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"a" * (1 << 20)
    parts = [pack.compress(jline(f.name, 0).encode() + b"\n" + b'{"text": "')]
    parts += [pack.compress(chunk) for _ in range(BOMB_BYTES // len(chunk))]
    parts.append(pack.compress(b'"}\n' + jline(f.name, 1).encode() + b"\n"))
    parts.append(pack.flush())
    write(f / "bomb.jsonl.gz", b"".join(parts))
    return Kind("too_large", 2)


def k_warc_malformed(f: Path) -> Kind:
    write(f / "bad.warc", b"WARC/1.0\r\nthis is not a warc record\r\n\r\n")
    return Kind("bad_warc", good_file(f))


def k_warc_cut_in_first_header(f: Path) -> Kind:
    write(f / "cut.warc", warc([("http://e.org/1", page(f.name, 1), "text/html")])[:25])
    return Kind("bad_warc", good_file(f))


def k_warc_cut_in_payload(f: Path) -> Kind:
    data = warc([(f"http://e.org/{i}", page(f.name, i), "text/html") for i in range(2)])
    write(f / "cut.warc", data[:-60])
    return Kind("truncated", 1)


def k_warc_gz_truncated(f: Path) -> Kind:
    data = warc([(f"http://e.org/{i}", page(f.name, i), "text/html") for i in range(3)], True)
    write(f / "cut.warc.gz", data[:-40])
    return Kind("truncated", 2)


def k_warc_no_html(f: Path) -> Kind:
    write(f / "plain.warc", warc([("http://e.org/t", b"just text", "text/plain")]))
    return Kind("no_text", good_file(f))


def k_warc_empty(f: Path) -> Kind:
    write(f / "empty.warc", b"")
    return Kind("bad_warc", good_file(f))


def k_rss_malformed(f: Path) -> Kind:
    write(f / "bad.rss", "<rss><channel><title>t</title>")
    return Kind("bad_feed", good_file(f))


def k_rss_truncated(f: Path) -> Kind:
    write(f / "cut.rss", rss(f.name, 3))
    return Kind("truncated", 3)


def k_rss_entry_without_content(f: Path) -> Kind:
    feed = rss(f.name, 2) + "<item><title>empty</title></item></channel></rss>"
    write(f / "feed.xml", feed)
    return Kind("no_text", 2)


def k_meta_broken(f: Path) -> Kind:
    write(f / "meta.json", "{not json")
    return Kind("bad_meta", good_file(f))


def k_meta_not_a_list(f: Path) -> Kind:
    write(f / "meta.json", json.dumps({"file": "good.txt"}))
    return Kind("bad_meta", good_file(f))


def k_meta_huge_integer(f: Path) -> Kind:
    write(f / "meta.json", '[{"file": "good.txt", "n": ' + "1" * 5000 + "}]")
    return Kind("bad_meta", good_file(f))


def k_meta_missing_file(f: Path) -> Kind:
    write(f / "meta.json", json.dumps([{"file": "good.txt"}, {"file": "gone.txt"}]))
    return Kind("meta_missing_file", good_file(f))


def k_meta_only_missing(f: Path) -> Kind:
    write(f / "meta.json", json.dumps([{"file": "gone.txt", "outlet": "X"}]))
    return Kind("meta_missing_file", 0)


def k_meta_bad_date(f: Path) -> Kind:
    write(f / "meta.json", json.dumps([{"file": "good.txt", "published": "9999-12-31"}]))
    return Kind("bad_date", good_file(f))


def k_meta_lone_surrogate(f: Path) -> Kind:
    write(f / "meta.json", '[{"file": "odd.txt", "outlet": "\\ud800"}]')
    write(f / "odd.txt", good(f.name, 1))
    return Kind("bad_unicode", good_file(f))


def k_jsonl_utf16(f: Path) -> Kind:
    lines = "".join(jline(f.name, i) + "\n" for i in range(3)) + '{"title": "none"}\n'
    write(f / "wide.jsonl", lines.encode("utf-16"))
    return Kind("no_text", 3)


def k_jsonl_utf16_broken(f: Path) -> Kind:
    lines = "".join(jline(f.name, i) + "\n" for i in range(2)).encode("utf-16")
    write(f / "wide.jsonl", lines + b"\x00\xd8\n\x00")  # a lone surrogate on line 3
    return Kind("bad_json", 2)
