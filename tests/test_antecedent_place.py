"""A report that refers back to an act the article told is where that act is, and an exercise
that sends out ships is one exercise. Sentences written by the team."""

from __future__ import annotations

from dataclasses import replace

import pytest

from flashpoint.clean import clean_text
from flashpoint.extract import extract_mentions
from flashpoint.geo import antecedent_places
from flashpoint.merge import ArticleInfo, merge_reports
from flashpoint.records import Mention, Place, Span
from flashpoint.stages import locate_mentions

PUBLISHED = "2025-04-23"


def placed(text: str) -> list[Mention]:
    clean = clean_text(text)
    return locate_mentions(extract_mentions(clean, published=PUBLISHED), clean.text, None)


@pytest.mark.parametrize(
    ("text", "act", "back", "where"),
    [
        (
            "China began military drills around Taiwan on Tuesday, sending warships and jets "
            "toward the island. Taiwan's government condemned the drills and said its forces "
            "were watching closely.",
            "military drills",
            "drills",
            "Taiwan",
        ),
        (
            "Rebels shelled the town of Kadugli on Monday, killing four people. The army said "
            "the shelling had damaged the market, a spokesman told reporters in Khartoum.",
            "shelled",
            "shelling",
            "Kadugli",
        ),
    ],
)
def test_a_back_reference_is_where_its_act_is(text: str, act: str, back: str, where: str) -> None:
    # the capital of a government that condemns, or the city where a spokesman spoke, is not
    # where the act it refers back to took place
    found = placed(text)
    first = next(m for m in found if m.trigger.text == act)
    later = next(m for m in found if m.trigger.text == back and m is not first)
    assert later.refers_to == first.id
    assert later.place is not None and first.place is not None
    assert (later.place.name, later.place.rule) == (where, "antecedent")
    assert dict(later.inferred)["place"] == f"'{back}' refers back to '{act}': its place"
    assert first.place.name == where and first.place.rule.startswith("sentence")


def _mention(mid: str, start: int, place: Place, refers_to: str = "") -> Mention:
    return Mention(
        id=mid,
        article_id="a",
        type="shelling",
        trigger=Span(start, start + 8, "shelling"),
        sentence=Span(start, start + 40, "x" * 40),
        mode="happened",
        place=place,
        refers_to=refers_to,
    )


def test_a_place_of_its_own_sentence_stays() -> None:
    town = Place("Kadugli", 11.0, 29.7, "SDN", rule="sentence")
    other = Place("Dilling", 12.0, 29.6, "SDN", rule="sentence")
    capital = replace(other, name="Khartoum", rule="capital")
    act = _mention("m1", 0, town)
    own = _mention("m2", 50, other, refers_to="m1")
    guessed = _mention("m3", 100, capital, refers_to="m1")
    unknown = _mention("m4", 150, capital, refers_to="elsewhere")
    chained = _mention("m5", 200, capital, refers_to="m3")
    out = antecedent_places([act, own, guessed, unknown, chained])
    names = [m.place.name for m in out if m.place]
    assert names == ["Kadugli", "Dilling", "Kadugli", "Khartoum", "Kadugli"]
    assert out[2].place is not None and out[2].place.rule == "antecedent"


def test_a_guessed_place_of_the_act_is_not_passed_on() -> None:
    # the act itself placed only by a fallback (its actors' country) gives its back
    # references nothing better than their own
    country = Place("Italy", 42.8, 12.8, "ITA", rule="country", geo_precision=3)
    paragraph = Place("Baghdad", 33.3, 44.4, "IRQ", rule="paragraph")
    act = _mention("m1", 0, country)
    later = _mention("m2", 50, paragraph, refers_to="m1")
    assert [m.place for m in antecedent_places([act, later])] == [country, paragraph]


def test_drills_that_send_out_ships_are_one_exercise() -> None:
    text = (
        "China began military drills around Taiwan on Tuesday, deploying warships and "
        "aircraft in what it called a warning to separatists."
    )
    drills = next(m for m in placed(text) if m.type == "military_exercise")
    at = text.index("deploying")
    deploying = replace(
        drills,
        id="d" + drills.id[1:],
        type="deployment",
        trigger=Span(at, at + len("deploying"), "deploying"),
        confidence=drills.confidence + 0.1,  # the surer report does not name the incident
    )
    events = merge_reports([drills, deploying], {"a": ArticleInfo("Harbour Herald", PUBLISHED)})
    assert [(e.type, len(e.sources)) for e in events] == [("military_exercise", 2)]
