"""The sentences suite's actor check: words named in the sentence, not how the country came."""

from __future__ import annotations

from dataclasses import replace

from flashpoint.evaluation.sentences import _same_actor
from flashpoint.records import COUNTRY_FROM_CONTEXT, Actor, Mention, Span

TEXT = "Hundreds of protesters marched to the ministry on Monday."


def _mention(actor: Actor | None) -> Mention:
    return Mention(
        id="m1",
        article_id="a1",
        type="peaceful_protest",
        trigger=Span(23, 30, "marched"),
        sentence=Span(0, len(TEXT), TEXT),
        mode="happened",
        actor1=actor,
    )


def test_an_actor_whose_country_was_guessed_still_names_its_words() -> None:
    crowd = Actor("protesters", "Protesters (Egypt)", "EGY", "protesters", 6, 12, 22)
    guessed = replace(crowd, inferred=COUNTRY_FROM_CONTEXT)
    gold = [0, 22]  # "Hundreds of protesters"
    assert _same_actor(_mention(crowd), gold, TEXT)
    assert _same_actor(_mention(guessed), gold, TEXT)
    assert not _same_actor(_mention(guessed), None, TEXT)
    assert not _same_actor(_mention(guessed), [38, 46], TEXT)  # "ministry"


def test_an_actor_without_words_names_no_actor() -> None:
    from_type = Actor("", "Protesters (Egypt)", "EGY", "protesters", 6)
    assert _same_actor(_mention(from_type), None, TEXT)
    assert not _same_actor(_mention(from_type), [0, 22], TEXT)
    assert _same_actor(_mention(None), None, TEXT)
    assert not _same_actor(_mention(None), [0, 22], TEXT)
