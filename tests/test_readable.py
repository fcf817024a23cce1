"""nlp.readable: lost apostrophes of contractions go back in place of the space, so the text
keeps its length and every offset into it holds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from flashpoint.nlp import readable

PIECES = st.sampled_from(
    ["didn t", "I ll", "they re", "can t", "won t", "Don T.", "re-entered", "t-shirt", "you ve"]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=12).map(" ".join)


@given(TEXT)
def test_readable_keeps_the_length_and_changes_only_spaces(text: str) -> None:
    out = readable(text)
    assert len(out) == len(text)
    assert all(a == b or (a == " " and b == "'") for a, b in zip(text, out, strict=True))


def test_readable_restores_contractions_only() -> None:
    assert (
        readable("They didn t arrest anyone; I ll stay") == "They didn't arrest anyone; I'll stay"
    )
    assert readable("Don T. Smith said she re-entered the shop") == (
        "Don T. Smith said she re-entered the shop"
    )
