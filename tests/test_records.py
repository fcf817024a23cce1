from __future__ import annotations

import pytest

from flashpoint.clean import clean_text
from flashpoint.records import (
    Actor,
    Article,
    CleanText,
    DateValue,
    MetaSpan,
    Quantity,
    Rejected,
    Removal,
    Segment,
    article_id,
)


def test_article_id_is_hash_of_raw_bytes() -> None:
    assert article_id(b"abc") == article_id(b"abc")
    assert article_id(b"abc") != article_id(b"abd")
    assert len(article_id(b"x")) == 16


@pytest.mark.parametrize(
    "record",
    [
        Article(
            id="a1",
            source="x.txt",
            format="txt",
            text="Body.",
            outlet="Wire",
            published="2025-03-01",
            language="en",
        ),
        Rejected("bad.txt", "ingest", "empty", "no text"),
        DateValue("2025-03-01", "2025-03-07", "week", "last-week", "last week", 3, 12),
        Quantity("killed", 12, 12, "dozens", 0, 6, "vague:dozens=12"),
        Actor("North Korean soldiers", "Military Forces of North Korea", "PRK", "military", 1),
    ],
)
def test_round_trip(record: object) -> None:
    data = record.to_dict()  # type: ignore[attr-defined]
    assert type(record).from_dict(data) == record


def test_clean_text_round_trip_keeps_nested_records() -> None:
    clean = CleanText(
        "a1",
        "ab\n\ncd",
        (Segment(0, 5, 2), Segment(4, 10, 2)),
        (Removal(0, 4, "ad"),),
        (MetaSpan("title", 0, 4, "Head"),),
    )
    again = CleanText.from_dict(clean.to_dict())
    assert again == clean
    assert again.raw_offset(4) == 10


def test_raw_offset_of_separator_is_segment_boundary() -> None:
    raw = "Title\n\nFirst paragraph here.\nAdvertisement\nSecond paragraph here."
    clean = clean_text(raw)
    assert clean.text == "First paragraph here.\n\nSecond paragraph here."
    sep = clean.text.index("\n\n")
    assert raw[clean.raw_offset(sep) - 1] == "."
    start, end = clean.raw_span(0, len("First"))
    assert raw[start:end] == "First"
    s2 = clean.text.index("Second")
    start, end = clean.raw_span(s2, s2 + 6)
    assert raw[start:end] == "Second"
