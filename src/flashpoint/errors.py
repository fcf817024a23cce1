"""Stable rejection codes: what went wrong and what the user can do about it.

Codes never change meaning once released; scripts may match on them.
"""

from __future__ import annotations

from flashpoint.records import Rejected

HELP: dict[str, str] = {
    "unreadable": "the path could not be opened; check that it exists and is readable",
    "empty": "the file or record holds no text; nothing to ingest",
    "binary": "the file looks binary, not text; pass text, HTML, JSON lines, WARC or RSS/Atom",
    "encoding": "the bytes could not be decoded as text; re-save the file as UTF-8",
    "too_large": "over the size limit; raise ingest.max_bytes if the file is genuine",
    "bad_json": "a JSON line or file could not be parsed; fix or drop that line",
    "no_text": "the record has no usable text (no 'text'/'html' field, or HTML without a body)",
    "bad_warc": "the WARC file is malformed or truncated; re-export it",
    "bad_feed": "the RSS/Atom feed could not be parsed",
    "bad_meta": "meta.json is malformed; it must be a JSON list of {file, outlet, published}",
    "unsupported": "unknown file type; flashpoint reads .txt .html .htm .json .jsonl .warc "
    ".warc.gz .rss .atom .xml",
    "fetch_refused": "the URL was refused (only http(s) to public addresses are fetched)",
    "fetch_failed": "the URL could not be fetched; check the address and the network",
    "bad_date": "the publication date could not be read or is not plausible (before 1800 or "
    "after 2200); the article is kept without a date; give it as YYYY-MM-DD",
    "truncated": "the file ends early (a cut download or copy); the records before the break "
    "were kept, the rest is missing: fetch or copy the file again",
    "corrupt": "the compressed data is damaged; the records before the damage were kept, the "
    "rest could not be read: fetch or copy the file again",
    "not_a_file": "a FIFO, device or socket, not a regular file; reading it could block or never "
    "end: copy it to a file, or pipe it to 'flashpoint ingest -'",
    "bad_unicode": "the record holds text that is not valid Unicode (a lone surrogate such as "
    "\\ud800 in JSON); fix the producer so it writes valid UTF-8",
    "too_complex": "the input is too deeply nested or too large to parse in memory; split it",
    "meta_missing_file": "meta.json names a file that is not in its folder; fix the name or drop "
    "the entry",
    "language_unsupported": "the article is written in a script extraction cannot read (only "
    "English is extracted); it is stored, without events",
    "read_failed": "reading this record failed unexpectedly (a flashpoint bug); the rest of the "
    "file and batch went on: please report it with the record",
    "clean_failed": "cleaning this article failed (a flashpoint bug); it was not stored, the rest "
    "of the batch went on: please report it with the article",
    "dedup_failed": "the duplicate check failed on this article (a flashpoint bug); it was not "
    "stored, the rest of the batch went on: please report it with the article",
    "extract_failed": "extraction failed on this article (a flashpoint bug): the article is "
    "stored without mentions; please report it with the article",
    "geo_failed": "geocoding failed on this article (a flashpoint bug): the article is stored "
    "without mentions; please report it with the article",
}


def reject(path: str, stage: str, reason: str, detail: str = "") -> Rejected:
    """Build a ``Rejected`` with a known code (unknown codes are a programming error)."""
    if reason not in HELP:
        raise ValueError(f"unknown rejection code {reason!r}")
    return Rejected(
        path=_storable(path), stage=stage, reason=reason, detail=_storable(detail or HELP[reason])
    )


def _storable(text: str) -> str:
    """Lone surrogates (from undecodable file names in messages) as escapes: SQLite and
    terminals take only valid UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def explain(reason: str) -> str:
    return HELP.get(reason, "")
