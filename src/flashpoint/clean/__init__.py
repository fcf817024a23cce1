"""Clean: an ``Article`` in, its body as ``CleanText`` out, with every removal recorded.

Public entry: :func:`clean_article`, a pure function.
"""

from __future__ import annotations

from flashpoint.clean.classify import (
    Block,
    mark_boilerplate,
    mark_captions,
    mark_repeats,
    mark_subheadings,
    mark_title,
)
from flashpoint.clean.paragraphs import Paragraph, Piece, split_paragraphs
from flashpoint.clean.patterns import Patterns, load_patterns
from flashpoint.records import Article, CleanText, MetaSpan, Removal, Segment

__all__ = ["ArticleTooLarge", "clean_article", "clean_text"]

PARAGRAPH_SEP = "\n\n"


class ArticleTooLarge(ValueError):
    """The article is over a per-article limit (characters or paragraphs)."""


PIECE_SEP = " "


def clean_article(
    article: Article,
    *,
    patterns: Patterns | None = None,
    near_jaccard: float = 0.85,
    min_repeat_words: int = 4,
    max_chars: int | None = None,
    max_paragraphs: int | None = None,
) -> CleanText:
    """The article's body: boilerplate out, repeats collapsed, metadata kept apart.
    ``ArticleTooLarge`` when it is over ``max_chars`` or ``max_paragraphs``."""
    return clean_text(
        article.text,
        article_id=article.id,
        title=article.title,
        patterns=patterns,
        near_jaccard=near_jaccard,
        min_repeat_words=min_repeat_words,
        max_chars=max_chars,
        max_paragraphs=max_paragraphs,
    )


def clean_text(
    raw: str,
    *,
    article_id: str = "",
    title: str | None = None,
    patterns: Patterns | None = None,
    near_jaccard: float = 0.85,
    min_repeat_words: int = 4,
    max_chars: int | None = None,
    max_paragraphs: int | None = None,
) -> CleanText:
    if max_chars is not None and len(raw) > max_chars:
        raise ArticleTooLarge(f"{len(raw)} characters, over clean.max_chars ({max_chars})")
    pats = patterns or load_patterns()
    removed: list[Removal] = []
    end = _comments_start(raw, pats)
    if end < len(raw):
        removed.append(Removal(end, len(raw), "comments", "reader comments or page furniture"))
    paragraphs = split_paragraphs(raw[:end])
    paragraphs = _cut_header(paragraphs, raw, pats)
    if max_paragraphs is not None and len(paragraphs) > max_paragraphs:
        limit = f"over clean.max_paragraphs ({max_paragraphs})"
        raise ArticleTooLarge(f"{len(paragraphs)} paragraphs, {limit}")
    blocks = [_cut_inline(p, raw, pats, removed) for p in paragraphs]
    blocks = [b for b in blocks if b.pieces]
    mark_boilerplate(blocks, pats)
    mark_captions(blocks, pats)
    mark_title(blocks, title)
    mark_subheadings(blocks)
    mark_repeats(blocks, near_jaccard, min_repeat_words)
    meta = []
    for block in blocks:
        if block.action == "body":
            continue
        start, end = block.pieces[0].start, block.pieces[-1].end
        removed.append(Removal(start, end, block.reason, block.detail))
        if block.action == "meta":
            meta.append(MetaSpan(block.reason, start, end, block.text))
    text, segments = _assemble(raw, [b for b in blocks if b.action == "body"])
    return CleanText(
        article_id=article_id,
        text=text,
        segments=tuple(segments),
        removed=tuple(sorted(removed, key=lambda r: (r.start, r.end))),
        meta=tuple(meta),
    )


HEADER_REACH = 600  # characters into the first paragraph where a header's stamp may stand


def _cut_header(paragraphs: list[Paragraph], raw: str, pats: Patterns) -> list[Paragraph]:
    """A page header (headline, standfirst) run into the first paragraph up to a time stamp
    ("... in spoil heaps Saturday 15 January 2005 16.18 GMT Iraqi authorities will ..."):
    the header becomes a paragraph of its own (read as the title, like any headline at the
    top), and the stamp opens the lead as its dateline."""
    if not paragraphs:
        return paragraphs
    first = paragraphs[0].pieces[0]
    reach = min(first.end, first.start + HEADER_REACH)
    found = [m for p in pats.of("header_end") if (m := p.regex.search(raw, first.start, reach))]
    if not found:
        return paragraphs
    stamp = min(found, key=lambda m: m.start())
    before = raw[first.start : stamp.start()].rstrip()
    after = raw[stamp.end() : first.end].lstrip()
    if before.endswith((".", "!", "?", ":", ";", ",")) or not after[:1].isupper():
        return paragraphs  # a stamp inside a sentence ("said on Monday 14 February ...")
    header = _strip(raw, first.start, stamp.start())
    lead = [*_strip(raw, stamp.start(), first.end), *paragraphs[0].pieces[1:]]
    split = [Paragraph(tuple(header))] if header else []
    return [*split, Paragraph(tuple(lead)), *paragraphs[1:]]


def _comments_start(raw: str, pats: Patterns) -> int:
    """Where reader comments begin: the first comment marker, or just after the article's last
    sign-off before it ("... contributed to this report."); the length of ``raw`` if none."""
    starts = [m.start() for p in pats.of("tail") if (m := p.regex.search(raw))]
    if not starts:
        return len(raw)
    first = min(starts)
    ends = [m.end() for p in pats.of("signoff") for m in p.regex.finditer(raw, 0, first)]
    return max(ends) if ends else first


def _cut_inline(para: Paragraph, raw: str, pats: Patterns, removed: list[Removal]) -> Block:
    """Cut inline boilerplate (shortcodes) out of a paragraph's pieces."""
    pieces: list[Piece] = []
    for piece in para.pieces:
        cursor = piece.start
        for start, end, reason in _inline_matches(raw, piece, pats):
            pieces.extend(_strip(raw, cursor, start))
            removed.append(Removal(start, end, reason))
            cursor = end
        pieces.extend(_strip(raw, cursor, piece.end))
    kept = tuple(pieces)
    return Block(para, kept, PIECE_SEP.join(raw[p.start : p.end] for p in kept))


def _inline_matches(raw: str, piece: Piece, pats: Patterns) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for pattern in pats.of("inline"):
        for m in pattern.regex.finditer(raw, piece.start, piece.end):
            if m.end() > m.start():
                found.append((m.start(), m.end(), pattern.reason))
    found.sort(key=lambda f: (f[0], -f[1], f[2]))
    merged: list[tuple[int, int, str]] = []
    for start, end, reason in found:
        if merged and start < merged[-1][1]:
            continue  # overlapping matches: the first wins, the longest of those at one start
        merged.append((start, end, reason))
    return merged


def _strip(raw: str, start: int, end: int) -> list[Piece]:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return [Piece(start, end)] if end > start else []


def _assemble(raw: str, body: list[Block]) -> tuple[str, list[Segment]]:
    parts: list[str] = []
    segments: list[Segment] = []
    length = 0
    for i, block in enumerate(body):
        if i:
            parts.append(PARAGRAPH_SEP)
            length += len(PARAGRAPH_SEP)
        for j, piece in enumerate(block.pieces):
            if j:
                parts.append(PIECE_SEP)
                length += len(PIECE_SEP)
            chunk = raw[piece.start : piece.end]
            segments.append(Segment(length, piece.start, len(chunk)))
            parts.append(chunk)
            length += len(chunk)
    return "".join(parts), segments
