"""Bad-input kinds about files themselves: encodings, sizes, special files, names, scripts, HTML."""

from __future__ import annotations

import json
import os
from pathlib import Path

from badinput_base import ARABIC, CHINESE, KOREAN, Kind, good, good_file, write


def k_empty_txt(f: Path) -> Kind:
    write(f / "empty.txt", b"")
    return Kind("empty", good_file(f))


def k_blank_txt(f: Path) -> Kind:
    write(f / "blank.txt", "  \n\n\t \n")
    return Kind("empty", good_file(f))


def k_binary_txt(f: Path) -> Kind:
    write(f / "binary.txt", bytes(range(256)) * 8)
    return Kind("binary", good_file(f))


def k_control_chars(f: Path) -> Kind:
    write(f / "controls.txt", b"\x01\x02\x03\x04\x05\x06\x07\x08 x" * 50)
    return Kind("binary", good_file(f))


def k_huge_txt(f: Path) -> Kind:
    write(f / "huge.txt", b"word " * 300_000)
    return Kind("too_large", good_file(f))


def k_too_many_chars(f: Path) -> Kind:
    write(f / "long.txt", ("All quiet on the river today. " * 22_000)[:700_000])
    return Kind("too_large", good_file(f))


def k_too_many_paragraphs(f: Path) -> Kind:
    write(f / "paragraphs.txt", "\n\n".join(f"Line {i} of a list." for i in range(8_000)))
    return Kind("too_large", good_file(f))


def k_utf16_bom(f: Path) -> Kind:
    write(f / "wide.txt", good(f.name).encode("utf-16"))
    return Kind(None, 1)


def k_utf16le_no_bom(f: Path) -> Kind:
    write(f / "wide.txt", good(f.name).encode("utf-16-le"))
    return Kind(None, 1)


def k_utf16be_no_bom(f: Path) -> Kind:
    write(f / "wide.txt", good(f.name).encode("utf-16-be"))
    return Kind(None, 1)


def k_utf32_bom(f: Path) -> Kind:
    write(f / "wider.txt", good(f.name).encode("utf-32"))
    return Kind(None, 1)


def k_utf16_lone_surrogate(f: Path) -> Kind:
    write(f / "wide.txt", b"\xff\xfe" + "abc ".encode("utf-16-le") * 20 + b"\x00\xd8" + b"a\x00")
    return Kind("encoding", good_file(f))


def k_latin1(f: Path) -> Kind:
    write(f / "latin1.txt", (good(f.name) + " Café, naïve, façade, déjà vu.").encode("latin-1"))
    return Kind(None, 1)


def k_dev_zero_symlink(f: Path) -> Kind:
    (f / "zero.txt").symlink_to("/dev/zero")
    return Kind("not_a_file", good_file(f))


def k_dev_urandom_jsonl(f: Path) -> Kind:
    (f / "random.jsonl").symlink_to("/dev/urandom")
    return Kind("not_a_file", good_file(f))


def k_fifo_txt(f: Path) -> Kind:
    os.mkfifo(f / "pipe.txt")
    return Kind("not_a_file", good_file(f))


def k_fifo_meta(f: Path) -> Kind:
    os.mkfifo(f / "meta.json")
    return Kind("bad_meta", good_file(f))


def k_broken_symlink(f: Path) -> Kind:
    (f / "gone.txt").symlink_to(f / "nowhere" / "x.txt")
    return Kind("unreadable", good_file(f))


def k_unsupported_ext(f: Path) -> Kind:
    write(f / "image.png", b"\x89PNG\r\n\x1a\n")
    return Kind("unsupported", good_file(f))


def k_no_extension(f: Path) -> Kind:
    write(f / "README", good(f.name))
    return Kind("unsupported", good_file(f))


def k_korean(f: Path) -> Kind:
    write(f / "ko.txt", KOREAN)
    return Kind("language_unsupported", good_file(f) + 1)


def k_arabic(f: Path) -> Kind:
    write(f / "ar.txt", ARABIC)
    return Kind("language_unsupported", good_file(f) + 1)


def k_chinese(f: Path) -> Kind:
    write(f / "zh.jsonl", json.dumps({"text": CHINESE, "language": "en"}) + "\n")
    return Kind("language_unsupported", good_file(f) + 1)


def k_name_not_utf8(f: Path) -> Kind:
    write(Path(os.fsdecode(bytes(f) + b"/caf\xe9.txt")), good(f.name))
    write(Path(os.fsdecode(bytes(f) + b"/empty\xff\xfe.txt")), b"")
    return Kind("empty", 1)


def k_name_with_newline(f: Path) -> Kind:
    write(f / "a\nrejected: forged: empty: fake.txt", b"")
    write(f / "b\nline.txt", good(f.name))
    return Kind("empty", 1)


def k_name_with_escape_codes(f: Path) -> Kind:
    write(f / "\x1b[31mred\x1b[0m\t.txt", b"")
    return Kind("empty", good_file(f))


def k_html_no_body_text(f: Path) -> Kind:
    write(f / "empty.html", "<html><head><title>x</title></head><body></body></html>")
    return Kind("no_text", good_file(f))


def k_html_too_many_bodies(f: Path) -> Kind:
    page = f"<html><head></head><p>{good(f.name)}</p><body><p>x</p></body><body></body></html>"
    write(f / "bodies.html", page)
    return Kind(None, 1)


def k_html_no_body_tag(f: Path) -> Kind:
    write(f / "bare.html", f"<html><p>{good(f.name)}</p></html>")
    return Kind(None, 1)


def k_html_nested_300(f: Path) -> Kind:
    write(f / "deep.html", "<div>" * 300 + f"<p>{good(f.name)}</p>" + "</div>" * 300)
    return Kind(None, 1)


def k_html_nested_20000(f: Path) -> Kind:
    write(f / "deeper.html", "<b>" * 20_000 + f"<p>{good(f.name)}</p>")
    return Kind(None, 1)


def k_html_utf16(f: Path) -> Kind:
    write(f / "wide.html", f"<html><body><p>{good(f.name)}</p></body></html>".encode("utf-16"))
    return Kind(None, 1)


def k_html_binary(f: Path) -> Kind:
    write(f / "garbage.htm", bytes(range(256)) * 4)
    return Kind("binary", good_file(f))
