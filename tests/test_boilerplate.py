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
        # an online chat announced to readers is no meeting held
        "Our defence writer is live online at 1.30 pm today to discuss the fighting. "
        "Post your questions for her here.",
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


def test_a_broadcast_in_reporting_is_no_online_chat() -> None:
    raw = "The general was live on state television at noon to discuss the offensive."
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert clean.text == raw and not clean.removed


def test_related_stories_in_prose_stay() -> None:
    raw = "She wrote related stories about the siege for a decade."
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert clean.text == raw and not clean.removed


@pytest.mark.parametrize(
    ("stamp", "after"),
    [
        ("March 3, 2011 at 7:15 pm", "Report abuse | Who cares."),
        ("March 3, 2011 at 7:15 pm", "Reply Who cares."),
        ("March 3, 2011 at 7:15 pm", "Who cares."),
        ("March 3, 2011 07:15 pm at 7:15 pm", "Who cares."),
    ],
)
def test_a_reader_comment_time_stamp_starts_the_comments(stamp: str, after: str) -> None:
    """A blog's comment stamp and its bar ('March 3, 2011 at 7:15 pm | Reply', or a bare bar
    before the next comment's text) and all after it are comments."""
    raw = f"Troops shelled the town on Friday.\n\nGreat report. {stamp} | {after}"
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert "Who cares" not in clean.text
    assert "Troops shelled the town on Friday." in clean.text
    assert "comments" in {r.reason for r in clean.removed}


@pytest.mark.parametrize(
    "header",
    [
        "At 9:05 pm on 02 Feb 2010, reader1 wrote:",
        "At 11:40am on 3 March 2010 , reader_2 wrote :",
        "At 4:02 pm on 12 Jan 2010, Jane Roe wrote:",
    ],
)
def test_a_comment_quoting_another_starts_the_comments(header: str) -> None:
    """A reply that quotes an earlier comment by its time and poster ('At 9:05 pm on 02 Feb
    2010, reader1 wrote:') stands only in a comment section."""
    story = "Troops shelled the town on Friday. Aid arrived on Sunday."
    raw = f"{story}\n\n{header} They should be arrested."
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert "arrested" not in clean.text and "Aid arrived on Sunday." in clean.text
    assert "comments" in {r.reason for r in clean.removed}


def test_a_time_and_a_writer_in_reporting_stay() -> None:
    raw = "At 9:05 pm on Friday, the envoy wrote to the council that the troops had left."
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert clean.text == raw


def test_a_blog_posts_byline_and_its_readers_signatures_end_the_post() -> None:
    """A blog post ends with its byline and time ('By Jane Roe | May 27, 2010; 2:08 PM ET');
    each reader's comment ends with its signature ('Posted by: reader1 | ... | Report
    abuse'): the comments run from the byline on, and with no byline, from a signature on."""
    post = "Troops shelled the town on Friday.\n\nOffer your thoughts below."
    comments = (
        "They should all be arrested. Posted by: reader1 | May 28, 2010 7:17 PM | Report abuse "
        "Who cares. Posted by: reader2 | May 28, 2010 7:20 PM | Report abuse "
        "The comments to this entry are closed."
    )
    raw = f"{post} By Jane Roe | May 27, 2010; 2:08 PM ET {comments}"
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert "arrested" not in clean.text and "Who cares" not in clean.text
    assert "Troops shelled the town on Friday." in clean.text
    assert "comments" in {r.reason for r in clean.removed}
    bare = clean_article(Article(id="b", source="t.txt", format="text", text=f"{post} {comments}"))
    assert "Who cares" not in bare.text and "Troops shelled the town" in bare.text


@pytest.mark.parametrize(
    "signature",
    ["Posted by reader1 on April 2, 2005 11:01 PM.", "Posted by reader1 | Report as abusive"],
)
def test_a_signature_after_a_comments_text_starts_the_comments(signature: str) -> None:
    raw = (
        "Troops shelled the town on Friday.\n\nThey should be arrested. "
        f"{signature} Who cares about the shelling."
    )
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert "Who cares" not in clean.text and "Troops shelled the town" in clean.text


def test_a_blog_posts_own_byline_at_a_line_start_is_no_comment() -> None:
    raw = "Posted by Jane Roe on April 2, 2005 11:01 PM.\n\nTroops shelled the town on Friday."
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert "Troops shelled the town on Friday." in clean.text


@pytest.mark.parametrize(
    "credit",
    [
        "Photograph: Jane Roe/Reuters",
        "Photograph: AP/Jane Roe",
        "Photograph: Jane Roe-Smith/Pool/AFP/Getty Images",
        "Photograph: Jane Roe",
    ],
)
def test_a_photo_credit_run_into_the_text_is_cut(credit: str) -> None:
    """A credit between a caption and the next sentence: the photographer's name is no
    place or actor of the story."""
    raw = f"Smoke rose over the port. {credit} Troops shelled the town on Friday."
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert clean.text == "Smoke rose over the port. Troops shelled the town on Friday.", clean.text
    assert "credit" in {r.reason for r in clean.removed}


def test_a_time_in_reporting_is_no_comment_stamp() -> None:
    raw = "The talks began on March 3, 2011 at 7:15 pm in the capital and lasted all night."
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert clean.text == raw


@pytest.mark.parametrize(
    "header",
    [
        "Updated on March 3, 2011 at 7:15 pm | Cairo",
        "By John Smith, CNN March 3, 2011 at 7:15 pm | Cairo",
        "Posted by John Smith on March 3, 2011 at 7:15 pm |",
        "Live updates from Cairo.\n\nMarch 3, 2011 at 7:15 pm | Troops shelled the town.",
    ],
)
def test_a_stamp_at_the_start_of_a_line_is_no_comment_stamp(header: str) -> None:
    """A bare bar after a stamp ends a comment only where a sentence ends on the same line:
    an article's own header or a live blog's entry starts a line."""
    raw = f"{header}\n\nPolice fired tear gas at the crowd on Friday."
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert "Police fired tear gas at the crowd on Friday." in clean.text
    assert "comments" not in {r.reason for r in clean.removed}


def test_a_published_stamp_is_no_comment_stamp() -> None:
    raw = (
        "Originally published March 3, 2011 at 7:15 pm | Updated March 3, 2011 at 11:30 pm"
        " | Posted: March 3, 2011 at 11:45 pm | Filed March 3, 2011 at 11:50 pm |"
        "\n\nTroops shelled the town on Friday."
    )
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert "Troops shelled the town on Friday." in clean.text


@pytest.mark.parametrize(
    ("furniture", "after", "reason"),
    [
        # an inline list of linked headlines, to the paragraph's end
        (
            " Related stories\u00c2\u00a0Curfew eased in the capital\u00c2\u00a02 killed in "
            "clashes near the border",
            "Police fired tear gas.",
            "read_more",
        ),
        # a blog post's footer; the next post stays
        (
            " Posted by Jane Roe at 10:42 AM | Comments (5) | Permalink",
            "Police posted guards at the gate on Saturday.",
            "post_stamp",
        ),
        # a shop's offer to the reader
        (
            " To order the book for 18 pounds with free postage call the book service on "
            "0800 000 000.",
            "Police ordered the crowd to leave.",
            "promo",
        ),
        # its price in pounds and pence
        (
            " To order The Long Road for # 17.99 with free UK p & p call the book service on "
            "0800 000 000.",
            "Police ordered the crowd to leave.",
            "promo",
        ),
        (
            " To order a copy for 18 pounds with free postage go to example.org/shop.",
            "Police will order a copy of the report and go to court.",
            "promo",
        ),
        # a web server's error message left in the page
        (
            " (an error occurred while processing this directive)",
            "The directive was issued while troops occupied the town.",
            "server_error",
        ),
        (
            " Editor's note: For more on this story, watch our special tonight.",
            "Watch the ceasefire line, the minister told troops on Friday.",
            "promo",
        ),
    ],
)
def test_page_furniture_inside_a_paragraph_is_cut(furniture: str, after: str, reason: str) -> None:
    raw = f"Troops shelled the town on Friday.{furniture}\n\n{after}"
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert clean.text == f"Troops shelled the town on Friday.\n\n{after}"
    assert {r.reason for r in clean.removed} == {reason}


def test_news_that_reads_like_furniture_stays() -> None:
    for text in (
        "The president is expected to order troops to the border during his visit on Monday.",
        "Soldiers posted by the checkpoint at 6:30 a.m. opened fire on the car.",
    ):
        clean = clean_article(Article(id="a", source="t.txt", format="text", text=text))
        assert clean.text == text and not clean.removed


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        # a contact block, even on the same line as the author's note
        (
            "Troops shelled the town on Friday.\n\nJane Roe is a lawyer. Letters for "
            "publication should be sent to: letters@example.org If you need help using the "
            "site: help@example.org Rebels seize the airport in the north",
            "Troops shelled the town on Friday.\n\nJane Roe is a lawyer.",
        ),
        # the note on where the print edition ran the story
        (
            "Troops shelled the town on Friday. A version appeared on p12 of the World section "
            "of the Daily Example on Saturday. Follow the latest news on Twitter. Rebels seize "
            "the airport in the north",
            "Troops shelled the town on Friday.",
        ),
        (
            "Troops shelled the town on Friday. This article appeared on p3 of the Main section "
            "of the Daily Example on Saturday. Follow the top stories on Twitter: the bishop "
            "decided to resign after a visit",
            "Troops shelled the town on Friday.",
        ),
    ],
)
def test_a_newspapers_closing_furniture_ends_the_article(raw: str, kept: str) -> None:
    """What a newspaper prints after the story (contact lines, the print-edition note) and
    what the site prints after that (other stories' headlines, feeds) are furniture."""
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert clean.text.rstrip() == kept
    assert {r.reason for r in clean.removed} == {"comments"}


def test_a_header_run_into_the_first_paragraph_is_kept_apart() -> None:
    """A headline and standfirst glued to the lead by a publication stamp become a paragraph
    of their own, read as the title like any headline at the top; the stamp opens the lead.
    A stamp later in the article is left alone."""
    raw = (
        "Rebels seize the airport Fighting spreads north Saturday 15 January 2005 16.18 GMT "
        "Rebels seized the airport on Friday.\n\nOn Saturday 15 January 2005 16.18 GMT the "
        "curfew began."
    )
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert clean.text == (
        "Saturday 15 January 2005 16.18 GMT Rebels seized the airport on Friday.\n\n"
        "On Saturday 15 January 2005 16.18 GMT the curfew began."
    )
    assert [(m.kind, m.text) for m in clean.meta] == [
        ("title", "Rebels seize the airport Fighting spreads north")
    ]


def test_a_stamp_inside_a_sentence_is_no_header() -> None:
    raw = (
        "Gunmen killed five policemen, officials said on Monday 14 February 2011 10.00 GMT "
        "before the curfew began.\n\nThe curfew was lifted on Tuesday."
    )
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert clean.text.startswith("Gunmen killed five policemen")
    assert not clean.meta


def test_an_editors_note_takes_only_its_own_sentence() -> None:
    raw = (
        "Troops killed ten people. Editor's note: Watch our special tonight. Police arrested "
        "two men in the city on Friday."
    )
    clean = clean_article(Article(id="a", source="t.txt", format="text", text=raw))
    assert clean.text == "Troops killed ten people. Police arrested two men in the city on Friday."
