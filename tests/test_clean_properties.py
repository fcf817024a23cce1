"""Property tests: whatever the input, clean text maps back to the same raw characters."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.clean import clean_text

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéü", min_size=1, max_size=9)
SENTENCE = st.lists(WORDS, min_size=3, max_size=30).map(lambda ws: " ".join(ws).capitalize() + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)
BOILERPLATE = st.sampled_from(
    [
        "Advertisement",
        "Share",
        "Read more",
        "Comments",
        "Source link",
        "© Reuters",
        "Sign up for our newsletter",
        "By Jane Example",
        "Jonas Weber, with Reuters",
        '[readmore url="https://example.org/a"]',
    ]
)
NOISE = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)


@st.composite
def dirty_article(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Paragraphs with repeats, boilerplate and random noise lines injected."""
    body = draw(st.lists(PARAGRAPH, min_size=1, max_size=8))
    lines: list[str] = []
    for para in body:
        lines.append(para)
        if draw(st.booleans()):
            lines.append(para)  # printed twice
        if draw(st.integers(0, 3)) == 0:
            lines.append(draw(BOILERPLATE))
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(NOISE))
        if draw(st.integers(0, 5)) == 0:
            lines.append(para[:20] + ' [readmore url="x"] ' + para[20:])
    if draw(st.booleans()):
        lines += lines  # the whole body again
    sep = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]))
    return sep.join(lines), body


@given(dirty_article())
@settings(max_examples=200, deadline=None)
def test_clean_spans_map_back_to_same_raw_characters(case: tuple[str, list[str]]) -> None:
    raw, _ = case
    clean = clean_text(raw)
    for seg in clean.segments:
        got = clean.text[seg.clean_start : seg.clean_start + seg.length]
        assert got == raw[seg.raw_start : seg.raw_start + seg.length]
    for i, ch in enumerate(clean.text):
        off = clean.raw_offset(i)
        assert 0 <= off <= len(raw)
        if not ch.isspace():
            assert raw[off] == ch


@given(dirty_article())
@settings(max_examples=200, deadline=None)
def test_repeats_collapse_and_removals_are_recorded(case: tuple[str, list[str]]) -> None:
    raw, body = case
    clean = clean_text(raw)
    paragraphs = clean.text.split("\n\n")
    assert len(paragraphs) == len(set(paragraphs))
    for removal in clean.removed:
        assert 0 <= removal.start < removal.end <= len(raw)
        assert removal.reason
    for para in set(body):
        assert paragraphs.count(para) <= 1


@given(st.text(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_clean_never_raises_and_offsets_stay_in_bounds(raw: str) -> None:
    clean = clean_text(raw)
    for i in range(len(clean.text)):
        assert 0 <= clean.raw_offset(i) <= len(raw)


TOKEN_SETS = st.lists(
    st.frozensets(st.sampled_from("abcdefghijklmnop"), min_size=1, max_size=12),
    min_size=1,
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(sets=TOKEN_SETS, threshold=st.sampled_from([0.5, 0.7, 0.85, 0.9, 1.0]))
def test_near_repeat_index_finds_what_all_pairs_finds(
    sets: list[frozenset[str]], threshold: float
) -> None:
    """The prefix-filter join answers exactly as comparing every pair, first match first."""
    from flashpoint.clean.classify import Block, NearIndex, PairwiseIndex, token_order
    from flashpoint.clean.paragraphs import Paragraph, Piece

    ranked = sets[: len(sets) // 2]  # some tokens unranked: they must still be found
    index = NearIndex(threshold, token_order([" ".join(s) for s in ranked]))
    pairwise = PairwiseIndex(threshold)
    kept: list[tuple[frozenset[str], Block]] = []
    for n, tokens in enumerate(sets):
        block = Block(Paragraph((Piece(n, n + 1),)), (Piece(n, n + 1),), " ".join(tokens))
        want = next(
            (b for other, b in kept if len(tokens & other) / len(tokens | other) >= threshold),
            None,
        )
        assert index.find(tokens) is want
        assert pairwise.find(tokens) is want
        if want is None:
            index.add(tokens, block)
            pairwise.add(tokens, block)
            kept.append((tokens, block))


@given(dirty_article())
@settings(max_examples=100, deadline=None)
def test_indexed_and_pairwise_repeat_detection_clean_alike(case: tuple[str, list[str]]) -> None:
    """Long articles take the prefix index, short ones compare pairs: same cleaning."""
    from unittest import mock

    from flashpoint.clean import classify

    raw, _ = case
    pairwise = clean_text(raw)
    with mock.patch.object(classify, "PAIRWISE_MAX_BLOCKS", 0):
        indexed = clean_text(raw)
    assert indexed == pairwise
