"""Calls to the reader in the middle of a story are page furniture (data/boilerplate.tsv)."""

from __future__ import annotations

import pytest

from flashpoint.clean import clean_article
from flashpoint.records import Article

STORY = "Troops shelled the town on Friday.\n\n{furniture}\n\nPolice fired tear gas at the crowd."


@pytest.mark.parametrize(
    "furniture",
    [
        "Click the audio link to hear the whole report: Read full coverage of the fighting "
        "in the north updated continually by our reporters.",
        "Tap the video button to watch the clashes.",
        "See our live coverage of the crisis.",
    ],
)
def test_calls_to_the_reader_are_cut_with_a_reason(furniture: str) -> None:
    raw = STORY.format(furniture=furniture)
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert clean.text == "Troops shelled the town on Friday.\n\nPolice fired tear gas at the crowd."
    assert {r.reason for r in clean.removed} == {"call_to_action"}


def test_the_same_words_in_reporting_stay() -> None:
    raw = STORY.format(furniture="Witnesses heard the click of rifles before the troops fired.")
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert "click of rifles" in clean.text
    assert not clean.removed


def test_an_inline_list_of_linked_headlines_is_cut() -> None:
    raw = (
        "Troops shelled the town on Friday. Related stories\u00c2\u00a0Curfew eased in the "
        "capital\u00c2\u00a02 killed in clashes near the border\n\nPolice fired tear gas."
    )
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert clean.text == "Troops shelled the town on Friday.\n\nPolice fired tear gas."
    assert {r.reason for r in clean.removed} == {"read_more"}


def test_related_stories_in_prose_stay() -> None:
    raw = "She wrote related stories about the siege for a decade."
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert clean.text == raw and not clean.removed


@pytest.mark.parametrize("after", ["Report abuse | Who cares.", "Reply Who cares."])
def test_a_reader_comment_time_stamp_starts_the_comments(after: str) -> None:
    """A blog's comment stamp with its abuse or reply link ('March 3, 2011 at 7:15 pm |
    Reply') and all after it are comments."""
    raw = f"Troops shelled the town on Friday.\n\nGreat report. March 3, 2011 at 7:15 pm | {after}"
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert "Who cares" not in clean.text
    assert "Troops shelled the town on Friday." in clean.text
    assert "comments" in {r.reason for r in clean.removed}


def test_a_time_in_reporting_is_no_comment_stamp() -> None:
    raw = "The talks began on March 3, 2011 at 7:15 pm in the capital and lasted all night."
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert clean.text == raw


def test_a_published_stamp_is_no_comment_stamp() -> None:
    raw = (
        "Originally published March 3, 2011 at 7:15 pm | Updated March 3, 2011 at 11:30 pm"
        "\n\nTroops shelled the town on Friday."
    )
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert "Troops shelled the town on Friday." in clean.text
