"""A generator of bad input: one folder per kind, each with good records beside one bad thing.

``make_corpus(root)`` writes every kind under ``root/<kind>/`` and returns what each must
give: the rejection code on exactly one ``rejected:`` line (``None``: no line, the input is
odd but readable) and how many articles the folder must store. Texts are written here in
our own words. The limits the kinds are sized for are in ``ENV``.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from collections.abc import Callable
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


def _w(path: Path, data: str | bytes) -> None:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def _good_file(folder: Path) -> int:
    _w(folder / "good.txt", good(folder.name))
    return 1


def _jsonl_around(folder: Path, bad: str | bytes, name: str = "mixed.jsonl") -> int:
    """Two good lines, the bad one, two good lines."""
    lines = [jline(folder.name, i).encode() for i in range(2)]
    lines.append(bad.encode("utf-8", "surrogatepass") if isinstance(bad, str) else bad)
    lines += [jline(folder.name, i).encode() for i in range(2, 4)]
    _w(folder / name, b"\n".join(lines) + b"\n")
    return 4


def _warc(records: list[tuple[str, bytes, str]], gz: bool = False) -> bytes:
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


def _page(tag: str, n: int) -> bytes:
    return f"<html><body><article><p>{good(tag, n)}</p></article></body></html>".encode()


def _rss(tag: str, entries: int) -> str:
    items = "".join(
        f"<item><title>Item {i}</title><link>http://example.org/{tag}/{i}</link>"
        f"<description>{good(tag, i)}</description></item>"
        for i in range(entries)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}'


KOREAN = "북한은 월요일 동해상으로 탄도미사일 한 발을 발사했다고 합동참모본부가 밝혔다. " * 3
ARABIC = "قال مسؤولون محليون إن مسلحين هاجموا قافلة على الطريق السريع شمال المدينة يوم السبت. " * 3
CHINESE = "当地官员说，星期六有武装分子在城市北部的公路上袭击了一支车队，造成三人死亡。" * 3


# --- the kinds: each writes its folder and returns what it must give -------------------------


def k_empty_txt(f: Path) -> Kind:
    _w(f / "empty.txt", b"")
    return Kind("empty", _good_file(f))


def k_blank_txt(f: Path) -> Kind:
    _w(f / "blank.txt", "  \n\n\t \n")
    return Kind("empty", _good_file(f))


def k_binary_txt(f: Path) -> Kind:
    _w(f / "binary.txt", bytes(range(256)) * 8)
    return Kind("binary", _good_file(f))


def k_control_chars(f: Path) -> Kind:
    _w(f / "controls.txt", b"\x01\x02\x03\x04\x05\x06\x07\x08 x" * 50)
    return Kind("binary", _good_file(f))


def k_huge_txt(f: Path) -> Kind:
    _w(f / "huge.txt", b"word " * 300_000)
    return Kind("too_large", _good_file(f))


def k_too_many_chars(f: Path) -> Kind:
    _w(f / "long.txt", ("All quiet on the river today. " * 22_000)[:700_000])
    return Kind("too_large", _good_file(f))


def k_too_many_paragraphs(f: Path) -> Kind:
    _w(f / "paragraphs.txt", "\n\n".join(f"Line {i} of a list." for i in range(8_000)))
    return Kind("too_large", _good_file(f))


def k_utf16_bom(f: Path) -> Kind:
    _w(f / "wide.txt", good(f.name).encode("utf-16"))
    return Kind(None, 1)


def k_utf16le_no_bom(f: Path) -> Kind:
    _w(f / "wide.txt", good(f.name).encode("utf-16-le"))
    return Kind(None, 1)


def k_utf16be_no_bom(f: Path) -> Kind:
    _w(f / "wide.txt", good(f.name).encode("utf-16-be"))
    return Kind(None, 1)


def k_utf32_bom(f: Path) -> Kind:
    _w(f / "wider.txt", good(f.name).encode("utf-32"))
    return Kind(None, 1)


def k_utf16_lone_surrogate(f: Path) -> Kind:
    _w(f / "wide.txt", b"\xff\xfe" + "abc ".encode("utf-16-le") * 20 + b"\x00\xd8" + b"a\x00")
    return Kind("encoding", _good_file(f))


def k_latin1(f: Path) -> Kind:
    _w(f / "latin1.txt", (good(f.name) + " Café, naïve, façade, déjà vu.").encode("latin-1"))
    return Kind(None, 1)


def k_dev_zero_symlink(f: Path) -> Kind:
    (f / "zero.txt").symlink_to("/dev/zero")
    return Kind("not_a_file", _good_file(f))


def k_dev_urandom_jsonl(f: Path) -> Kind:
    (f / "random.jsonl").symlink_to("/dev/urandom")
    return Kind("not_a_file", _good_file(f))


def k_fifo_txt(f: Path) -> Kind:
    os.mkfifo(f / "pipe.txt")
    return Kind("not_a_file", _good_file(f))


def k_fifo_meta(f: Path) -> Kind:
    os.mkfifo(f / "meta.json")
    return Kind("bad_meta", _good_file(f))


def k_broken_symlink(f: Path) -> Kind:
    (f / "gone.txt").symlink_to(f / "nowhere" / "x.txt")
    return Kind("unreadable", _good_file(f))


def k_unsupported_ext(f: Path) -> Kind:
    _w(f / "image.png", b"\x89PNG\r\n\x1a\n")
    return Kind("unsupported", _good_file(f))


def k_no_extension(f: Path) -> Kind:
    _w(f / "README", good(f.name))
    return Kind("unsupported", _good_file(f))


def k_korean(f: Path) -> Kind:
    _w(f / "ko.txt", KOREAN)
    return Kind("language_unsupported", _good_file(f) + 1)


def k_arabic(f: Path) -> Kind:
    _w(f / "ar.txt", ARABIC)
    return Kind("language_unsupported", _good_file(f) + 1)


def k_chinese(f: Path) -> Kind:
    _w(f / "zh.jsonl", json.dumps({"text": CHINESE, "language": "en"}) + "\n")
    return Kind("language_unsupported", _good_file(f) + 1)


def k_name_not_utf8(f: Path) -> Kind:
    _w(Path(os.fsdecode(bytes(f) + b"/caf\xe9.txt")), good(f.name))
    _w(Path(os.fsdecode(bytes(f) + b"/empty\xff\xfe.txt")), b"")
    return Kind("empty", 1)


def k_name_with_newline(f: Path) -> Kind:
    _w(f / "a\nrejected: forged: empty: fake.txt", b"")
    _w(f / "b\nline.txt", good(f.name))
    return Kind("empty", 1)


def k_name_with_escape_codes(f: Path) -> Kind:
    _w(f / "\x1b[31mred\x1b[0m\t.txt", b"")
    return Kind("empty", _good_file(f))


def k_json_broken(f: Path) -> Kind:
    _w(f / "broken.json", '{"text": "unterminated')
    return Kind("bad_json", _good_file(f))


def k_json_no_text(f: Path) -> Kind:
    _w(f / "title_only.json", json.dumps({"title": "only a title"}))
    return Kind("no_text", _good_file(f))


def k_json_scalar(f: Path) -> Kind:
    _w(f / "scalar.json", "42")
    return Kind("bad_json", _good_file(f))


def k_json_empty_list(f: Path) -> Kind:
    _w(f / "list.json", "[]")
    return Kind("empty", _good_file(f))


def k_json_list_bad_item(f: Path) -> Kind:
    items = [{"text": good(f.name, 0)}, "not an object", {"text": good(f.name, 1)}]
    _w(f / "list.json", json.dumps(items))
    return Kind("bad_json", 2)


def k_json_lone_surrogate_text(f: Path) -> Kind:
    _w(f / "surrogate.json", '{"text": "Shots fired \\ud800 near the port."}')
    return Kind("bad_unicode", _good_file(f))


def k_json_lone_surrogate_title(f: Path) -> Kind:
    _w(f / "surrogate.json", json.dumps({"text": good(f.name, 1)})[:-1] + ', "title": "\\udfff"}')
    return Kind("bad_unicode", _good_file(f))


def k_json_huge_integer(f: Path) -> Kind:
    _w(f / "int.json", '{"text": "x", "n": ' + "7" * 5000 + "}")
    return Kind("bad_json", _good_file(f))


def k_json_deep_nesting(f: Path) -> Kind:
    _w(f / "deep.json", '{"text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}")
    return Kind("bad_json", _good_file(f))


def k_json_text_not_string(f: Path) -> Kind:
    _w(f / "numeric.json", json.dumps({"text": 12345, "title": "numbers"}))
    return Kind("no_text", _good_file(f))


def k_json_invalid_utf8(f: Path) -> Kind:
    _w(f / "bytes.json", b'{"text": "caf\xe9 \xff\xfe"}')
    return Kind("bad_json", _good_file(f))


def k_json_odd_field_types(f: Path) -> Kind:
    _w(f / "odd.json", json.dumps({"text": good(f.name), "title": {"a": [1]}, "outlet": [1, 2]}))
    return Kind(None, 1)


def k_jsonl_bad_line(f: Path) -> Kind:
    return Kind("bad_json", _jsonl_around(f, "{oops"))


def k_jsonl_lone_surrogate(f: Path) -> Kind:
    return Kind("bad_unicode", _jsonl_around(f, '{"text": "a \\ud800 b", "title": "t"}'))


def k_jsonl_surrogate_in_title(f: Path) -> Kind:
    return Kind("bad_unicode", _jsonl_around(f, '{"text": "Troops moved.", "title": "\\udc80"}'))


def k_jsonl_huge_integer(f: Path) -> Kind:
    return Kind("bad_json", _jsonl_around(f, '{"text": "x", "n": ' + "9" * 4301 + "}"))


def k_jsonl_deep_nesting(f: Path) -> Kind:
    return Kind("bad_json", _jsonl_around(f, "[" * 1000 + "]" * 1000))


def k_jsonl_not_object(f: Path) -> Kind:
    return Kind("bad_json", _jsonl_around(f, '["a", "list"]'))


def k_jsonl_long_line(f: Path) -> Kind:
    return Kind("too_large", _jsonl_around(f, json.dumps({"text": "word " * 250_000})))


def k_jsonl_invalid_utf8(f: Path) -> Kind:
    return Kind("bad_json", _jsonl_around(f, b'{"text": "\xff\xfe\xfd"}'))


def k_jsonl_no_text(f: Path) -> Kind:
    return Kind("no_text", _jsonl_around(f, '{"title": "headline only"}'))


def k_jsonl_html_without_body(f: Path) -> Kind:
    return Kind("no_text", _jsonl_around(f, json.dumps({"html": "<html><head></head></html>"})))


def k_jsonl_date_far_future(f: Path) -> Kind:
    return Kind("bad_date", 1 + _jsonl_around(f, jline(f.name, 9, published="9999-12-31")))


def k_jsonl_date_year_one(f: Path) -> Kind:
    return Kind("bad_date", 1 + _jsonl_around(f, jline(f.name, 9, published="0001-01-01")))


def k_jsonl_date_unreadable(f: Path) -> Kind:
    return Kind("bad_date", 1 + _jsonl_around(f, jline(f.name, 9, published="the other day")))


def k_jsonl_crlf(f: Path) -> Kind:
    lines = [jline(f.name, i) for i in range(3)]
    _w(f / "crlf.jsonl", "\r\n".join(lines) + "\r\n")
    return Kind(None, 3)


def k_jsonl_empty(f: Path) -> Kind:
    _w(f / "empty.jsonl", b"")
    return Kind("empty", _good_file(f))


def k_jsonl_blank_lines(f: Path) -> Kind:
    _w(f / "blank.ndjson", "\n\n  \n")
    return Kind("empty", _good_file(f))


def k_jsonl_gz_empty(f: Path) -> Kind:
    _w(f / "empty.jsonl.gz", gzip.compress(b""))
    return Kind("empty", _good_file(f))


def k_jsonl_gz_truncated(f: Path) -> Kind:
    body = "".join(jline(f.name, i) + "\n" for i in range(40)).encode()
    data = gzip.compress(body)
    cut = data[: len(data) * 2 // 3]
    complete = zlib.decompressobj(31).decompress(cut).count(b"\n")
    _w(f / "cut.jsonl.gz", cut)
    return Kind("truncated", complete)


def k_jsonl_gz_trailing_garbage(f: Path) -> Kind:
    body = "".join(jline(f.name, i) + "\n" for i in range(5)).encode()
    _w(f / "garbage.jsonl.gz", gzip.compress(body) + b"this is not gzip at all")
    return Kind("corrupt", 5)


def k_jsonl_gz_not_gzip(f: Path) -> Kind:
    _w(f / "plain.jsonl.gz", jline(f.name) + "\n")
    return Kind("corrupt", _good_file(f))


def k_jsonl_gz_bomb(f: Path) -> Kind:
    """A small file holding one line of BOMB_BYTES: rejected without being held."""
    pack = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"a" * (1 << 20)
    parts = [pack.compress(jline(f.name, 0).encode() + b"\n" + b'{"text": "')]
    parts += [pack.compress(chunk) for _ in range(BOMB_BYTES // len(chunk))]
    parts.append(pack.compress(b'"}\n' + jline(f.name, 1).encode() + b"\n"))
    parts.append(pack.flush())
    _w(f / "bomb.jsonl.gz", b"".join(parts))
    return Kind("too_large", 2)


def k_html_no_body_text(f: Path) -> Kind:
    _w(f / "empty.html", "<html><head><title>x</title></head><body></body></html>")
    return Kind("no_text", _good_file(f))


def k_html_too_many_bodies(f: Path) -> Kind:
    page = f"<html><head></head><p>{good(f.name)}</p><body><p>x</p></body><body></body></html>"
    _w(f / "bodies.html", page)
    return Kind(None, 1)


def k_html_no_body_tag(f: Path) -> Kind:
    _w(f / "bare.html", f"<html><p>{good(f.name)}</p></html>")
    return Kind(None, 1)


def k_html_nested_300(f: Path) -> Kind:
    _w(f / "deep.html", "<div>" * 300 + f"<p>{good(f.name)}</p>" + "</div>" * 300)
    return Kind(None, 1)


def k_html_nested_20000(f: Path) -> Kind:
    _w(f / "deeper.html", "<b>" * 20_000 + f"<p>{good(f.name)}</p>")
    return Kind(None, 1)


def k_html_utf16(f: Path) -> Kind:
    _w(f / "wide.html", f"<html><body><p>{good(f.name)}</p></body></html>".encode("utf-16"))
    return Kind(None, 1)


def k_html_binary(f: Path) -> Kind:
    _w(f / "garbage.htm", bytes(range(256)) * 4)
    return Kind("binary", _good_file(f))


def k_warc_malformed(f: Path) -> Kind:
    _w(f / "bad.warc", b"WARC/1.0\r\nthis is not a warc record\r\n\r\n")
    return Kind("bad_warc", _good_file(f))


def k_warc_cut_in_first_header(f: Path) -> Kind:
    _w(f / "cut.warc", _warc([("http://e.org/1", _page(f.name, 1), "text/html")])[:25])
    return Kind("bad_warc", _good_file(f))


def k_warc_cut_in_payload(f: Path) -> Kind:
    data = _warc([(f"http://e.org/{i}", _page(f.name, i), "text/html") for i in range(2)])
    _w(f / "cut.warc", data[:-60])
    return Kind("truncated", 1)


def k_warc_gz_truncated(f: Path) -> Kind:
    data = _warc([(f"http://e.org/{i}", _page(f.name, i), "text/html") for i in range(3)], True)
    _w(f / "cut.warc.gz", data[:-40])
    return Kind("truncated", 2)


def k_warc_no_html(f: Path) -> Kind:
    _w(f / "plain.warc", _warc([("http://e.org/t", b"just text", "text/plain")]))
    return Kind("no_text", _good_file(f))


def k_warc_empty(f: Path) -> Kind:
    _w(f / "empty.warc", b"")
    return Kind("bad_warc", _good_file(f))


def k_rss_malformed(f: Path) -> Kind:
    _w(f / "bad.rss", "<rss><channel><title>t</title>")
    return Kind("bad_feed", _good_file(f))


def k_rss_truncated(f: Path) -> Kind:
    _w(f / "cut.rss", _rss(f.name, 3))
    return Kind("truncated", 3)


def k_rss_entry_without_content(f: Path) -> Kind:
    feed = _rss(f.name, 2) + "<item><title>empty</title></item></channel></rss>"
    _w(f / "feed.xml", feed)
    return Kind("no_text", 2)


def k_meta_broken(f: Path) -> Kind:
    _w(f / "meta.json", "{not json")
    return Kind("bad_meta", _good_file(f))


def k_meta_not_a_list(f: Path) -> Kind:
    _w(f / "meta.json", json.dumps({"file": "good.txt"}))
    return Kind("bad_meta", _good_file(f))


def k_meta_huge_integer(f: Path) -> Kind:
    _w(f / "meta.json", '[{"file": "good.txt", "n": ' + "1" * 5000 + "}]")
    return Kind("bad_meta", _good_file(f))


def k_meta_missing_file(f: Path) -> Kind:
    _w(f / "meta.json", json.dumps([{"file": "good.txt"}, {"file": "gone.txt"}]))
    return Kind("meta_missing_file", _good_file(f))


def k_meta_only_missing(f: Path) -> Kind:
    _w(f / "meta.json", json.dumps([{"file": "gone.txt", "outlet": "X"}]))
    return Kind("meta_missing_file", 0)


def k_meta_bad_date(f: Path) -> Kind:
    _w(f / "meta.json", json.dumps([{"file": "good.txt", "published": "9999-12-31"}]))
    return Kind("bad_date", _good_file(f))


def k_meta_lone_surrogate(f: Path) -> Kind:
    _w(f / "meta.json", '[{"file": "odd.txt", "outlet": "\\ud800"}]')
    _w(f / "odd.txt", good(f.name, 1))
    return Kind("bad_unicode", _good_file(f))


KINDS: dict[str, Callable[[Path], Kind]] = {
    name[2:]: fn for name, fn in sorted(globals().items()) if name.startswith("k_")
}


def make_corpus(root: Path, skip: frozenset[str] = frozenset()) -> dict[str, Kind]:
    """Write every kind under ``root``; returns kind -> what it must give."""
    out: dict[str, Kind] = {}
    for name, make in KINDS.items():
        if name in skip:
            continue
        folder = root / name
        folder.mkdir(parents=True)
        out[name] = make(folder)
    return out


def k_jsonl_utf16(f: Path) -> Kind:
    lines = "".join(jline(f.name, i) + "\n" for i in range(3)) + '{"title": "none"}\n'
    _w(f / "wide.jsonl", lines.encode("utf-16"))
    return Kind("no_text", 3)


def k_jsonl_utf16_broken(f: Path) -> Kind:
    lines = "".join(jline(f.name, i) + "\n" for i in range(2)).encode("utf-16")
    _w(f / "wide.jsonl", lines + b"\x00\xd8\n\x00")  # a lone surrogate on line 3
    return Kind("bad_json", 2)


KINDS.update({"jsonl_utf16": k_jsonl_utf16, "jsonl_utf16_broken": k_jsonl_utf16_broken})
