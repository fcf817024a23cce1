"""The seeds clean as ../shared/seeds/EXPECTED.md section 1 says.

Golden file: tests/golden/seeds_clean.json holds the structure of each cleaning (offsets,
reasons, a hash of the clean text), never the text. Regenerate after an intended change with
`FLASHPOINT_UPDATE_GOLDEN=1 pytest tests/test_clean_seeds.py`.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from flashpoint.clean import clean_article
from flashpoint.ingest import read_inputs
from flashpoint.records import Article, CleanText

GOLDEN = Path(__file__).parent / "golden" / "seeds_clean.json"


def _cleaned(seeds_dir: Path) -> dict[str, tuple[Article, CleanText]]:
    out = {}
    for item in read_inputs([str(seeds_dir)], max_bytes=10**7):
        if isinstance(item, Article):
            out[Path(item.source).name[:3]] = (item, clean_article(item))
    return out


@pytest.fixture(scope="module")
def seeds(request: pytest.FixtureRequest) -> dict[str, tuple[Article, CleanText]]:
    from conftest import shared_path

    return _cleaned(shared_path("seeds"))


def _paragraphs(clean: CleanText) -> list[str]:
    return clean.text.split("\n\n")


def _raw_lines(article: Article) -> list[str]:
    return [line.strip() for line in article.text.splitlines() if line.strip()]


def test_every_clean_segment_is_verbatim_raw(seeds: dict[str, tuple[Article, CleanText]]) -> None:
    for article, clean in seeds.values():
        for seg in clean.segments:
            piece = clean.text[seg.clean_start : seg.clean_start + seg.length]
            assert piece == article.text[seg.raw_start : seg.raw_start + seg.length]
        for i in range(0, len(clean.text), 97):
            if not clean.text[i].isspace():
                assert article.text[clean.raw_offset(i)] == clean.text[i]


def test_000_every_paragraph_once_no_ad_or_promo(
    seeds: dict[str, tuple[Article, CleanText]],
) -> None:
    article, clean = seeds["000"]
    paragraphs = _paragraphs(clean)
    assert len(paragraphs) == len(set(paragraphs))
    body_lines = [line for line in _raw_lines(article) if len(line.split()) > 25]
    assert body_lines, "the seed should have long body lines"
    for line in set(body_lines):
        assert clean.text.count(line) == 1, line[:60]
    assert "Advertisement" not in paragraphs
    assert "Want more stories" not in clean.text
    assert len(paragraphs) == len(set(body_lines))
    titles = clean.meta_of("title")
    assert len(titles) == 1 and titles[0] == _raw_lines(article)[0]


def test_001_no_share_source_link_or_caption(seeds: dict[str, tuple[Article, CleanText]]) -> None:
    _article, clean = seeds["001"]
    paragraphs = _paragraphs(clean)
    assert "Share" not in paragraphs and "Source link" not in paragraphs
    assert "Source link" not in clean.text
    captions, credits = clean.meta_of("caption"), clean.meta_of("credit")
    assert len(captions) == 1 and captions[0].endswith("…")
    assert credits == ["Korean Central News Agency"]
    assert captions[0] not in clean.text and "Korean Central News Agency" not in clean.text
    assert len(paragraphs) == len(set(paragraphs)) >= 15


def test_002_body_once_no_credit_readmore_or_widgets(
    seeds: dict[str, tuple[Article, CleanText]],
) -> None:
    article, clean = seeds["002"]
    paragraphs = _paragraphs(clean)
    assert len(paragraphs) == len(set(paragraphs))
    for line in {line for line in _raw_lines(article) if len(line.split()) > 12}:
        assert clean.text.count(line) == 1, line[:60]
    for junk in ("©", "[readmore", "Read more", "Comments", "Cat Barton"):
        assert junk not in clean.text, junk
    assert sorted(clean.meta_of("subheading")) == ["'Lonely bromance'", "Border incidents"]
    assert clean.meta_of("byline") == ["Cat Barton, with AFP"]
    assert any(text.startswith("©") for text in clean.meta_of("credit"))
    reasons = [r.reason for r in clean.removed]
    assert reasons.count("readmore_tag") == 2 and "repeat" in reasons


def test_every_removal_is_recorded_with_raw_text(
    seeds: dict[str, tuple[Article, CleanText]],
) -> None:
    for article, clean in seeds.values():
        kept = sum(seg.length for seg in clean.segments)
        removed = sum(len(article.text[r.start : r.end].strip()) for r in clean.removed)
        non_space = len("".join(article.text.split()))
        # Every non-space raw character is either kept or inside a recorded removal.
        assert kept + removed >= non_space * 0.99


def _structure(clean: CleanText) -> dict[str, object]:
    return {
        "paragraphs": len(_paragraphs(clean)),
        "clean_sha256": hashlib.sha256(clean.text.encode()).hexdigest(),
        "removed": [[r.start, r.end, r.reason] for r in clean.removed],
        "meta": [[m.kind, m.start, m.end] for m in clean.meta],
    }


def test_golden_structure(seeds: dict[str, tuple[Article, CleanText]]) -> None:
    got = {key: _structure(clean) for key, (_, clean) in sorted(seeds.items())}
    if os.environ.get("FLASHPOINT_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=1) + "\n")
    assert got == json.loads(GOLDEN.read_text())
