"""Merge: reports of one event merge, look-alikes stay apart, ids are stable."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

from flashpoint.countries import continent, neighbours
from flashpoint.datafiles import read_tsv
from flashpoint.merge import ArticleInfo, merge_reports
from flashpoint.merge.anchors import anchors
from flashpoint.records import (
    COUNTRY_FROM_CONTEXT,
    CROWD_FROM_PLACE,
    LOCAL_FROM_PLACE,
    UNDATED_RULE,
    Actor,
    DateValue,
    Mention,
    Place,
    Quantity,
    Span,
)

PRK = Actor("North Korean troops", "Military Forces of North Korea", "PRK", "military", 1)
KOR = Actor("South Korean soldiers", "Military Forces of South Korea", "KOR", "military", 1)
ARTICLES = {
    "a1": ArticleInfo("Wire One", "2025-03-05"),
    "a2": ArticleInfo("Wire Two", "2025-03-06"),
    "a3": ArticleInfo("Wire Three", "2025-03-08"),
    "a4": ArticleInfo("Wire Four", "2025-03-08", duplicate_of="a3"),
}


def mention(
    mid: str,
    article: str,
    etype: str,
    day: str,
    *,
    precision: str = "day",
    end: str | None = None,
    mode: str = "happened",
    actor: Actor | None = PRK,
    killed: int | None = None,
    at: int = 0,
    country: str | None = None,
    place_rule: str = "sentence",
    rule: str = "test",
    text: str | None = None,
) -> Mention:
    q = Quantity("killed", killed, killed, f"{killed} killed", rule="number") if killed else None
    return Mention(
        id=mid,
        article_id=article,
        type=etype,
        trigger=Span(at, at + 5, "cross"),
        sentence=Span(at, at + 40, text or f"sentence {mid}"),
        mode=mode,
        actor1=actor,
        killed=q,
        date=DateValue(day, end or day, precision, rule),
        raw_start=at,
        raw_end=at + 40,
        place=Place(f"in {country}", None, None, country, rule=place_rule) if country else None,
    )


def test_same_incident_from_two_outlets_merges() -> None:
    events = merge_reports(
        [
            mention("m1", "a1", "border_crossing", "2025-03-04"),
            mention("m2", "a2", "warning_shots", "2025-03-04"),
        ],
        ARTICLES,
    )
    assert len(events) == 1
    assert events[0].n_outlets == 2 and len(events[0].sources) == 2


def test_look_alike_incidents_two_days_apart_stay_apart() -> None:
    events = merge_reports(
        [
            mention("m1", "a1", "border_crossing", "2025-03-02"),
            mention("m2", "a2", "border_crossing", "2025-03-04"),
            mention("m3", "a3", "border_crossing", "2025-02-20"),
        ],
        ARTICLES,
    )
    assert sorted(e.date.start for e in events if e.date) == [
        "2025-02-20",
        "2025-03-02",
        "2025-03-04",
    ]


def test_coarse_campaign_reports_merge_with_the_dated_one() -> None:
    events = merge_reports(
        [
            mention("m1", "a1", "mine_laying", "2025-03-01", precision="week", end="2025-03-05"),
            mention("m2", "a2", "mine_laying", "2025-01-01", precision="month", end="2025-03-06"),
            mention("m3", "a3", "fortification", "2025-01-01", precision="year", end="2025-03-08"),
        ],
        ARTICLES,
    )
    assert len(events) == 1 and events[0].n_outlets == 3
    assert events[0].date is not None and events[0].date.precision == "week"


def test_different_actor_countries_do_not_merge() -> None:
    events = merge_reports(
        [
            mention("m1", "a1", "border_crossing", "2025-03-04", actor=PRK),
            mention("m2", "a2", "border_crossing", "2025-03-04", actor=KOR),
        ],
        ARTICLES,
    )
    assert len(events) == 2


def test_crowds_placed_in_two_countries_stay_apart() -> None:
    """Protests the same day in two neighbouring countries, each crowd labelled by where it
    gathers: two events, though both are placed only to a country."""
    syria = Actor("protesters", "Protesters (Syria)", "SYR", "protesters", 6)
    syria = replace(syria, inferred=CROWD_FROM_PLACE)
    iraq = replace(syria, name="Protesters (Iraq)", country="IRQ")
    events = merge_reports(
        [
            mention("m1", "a1", "peaceful_protest", "2025-03-04", actor=syria, country="SYR"),
            mention("m2", "a2", "peaceful_protest", "2025-03-04", actor=iraq, country="IRQ"),
        ],
        ARTICLES,
    )
    assert len(events) == 2


def test_an_undated_report_joins_its_own_articles_incident() -> None:
    """Two crossings two days apart, each reported by its own article; the second article
    then says, with no date, that the group withdrew: the retreat ends its own article's
    crossing, not the other one, though both fit its week."""
    first = mention("m1", "a1", "border_crossing", "2025-03-04", country="KOR")
    second = mention("m2", "a2", "border_crossing", "2025-03-06", country="KOR")
    retreat = mention(
        "m3",
        "a2",
        "withdrawal",
        "2025-03-01",
        precision="week",
        end="2025-03-07",
        rule=UNDATED_RULE,
        country="KOR",
        at=60,
    )
    events = merge_reports([first, second, retreat], ARTICLES)
    by_mention = {s.mention_id: e.id for e in events for s in e.sources}
    assert by_mention["m3"] == by_mention["m2"] != by_mention["m1"]


ARRESTS = "Two suspects in the plot were arrested on Tuesday"


def test_a_guessed_police_force_is_of_the_place_the_event_is_read_at() -> None:
    """A report merged in from a story on Iraq carries its guess ("police", so the Police
    Forces of Iraq); the arrest its own sentence places in Germany was made by Germany's.
    A force named by its own words keeps its country."""
    guessed = Actor(
        "police", "Police Forces of Iraq", "IRQ", "police", 1, inferred=COUNTRY_FROM_CONTEXT
    )
    in_germany = replace(
        mention("m1", "a1", "arrest", "2025-03-04", actor=None, text=ARRESTS),
        place=Place("Germany", 51.0, 10.0, "DEU", kind="country", rule="sentence"),
    )
    from_iraq = mention(
        "m2",
        "a2",
        "arrest",
        "2025-03-04",
        actor=guessed,
        country="IRQ",
        place_rule="article",
        text=ARRESTS,
    )
    [event] = merge_reports([in_germany, from_iraq], ARTICLES)
    assert [(a.name, a.country, a.inferred) for a in event.actors] == [
        ("Police Forces of Germany", "DEU", LOCAL_FROM_PLACE)
    ]
    named = replace(guessed, text="Iraqi police", inferred="")
    [event] = merge_reports([in_germany, replace(from_iraq, actor1=named)], ARTICLES)
    assert [a.name for a in event.actors] == ["Police Forces of Iraq"]


def test_lowest_fatality_figure_wins_and_conflict_is_kept() -> None:
    [event] = merge_reports(
        [
            mention("m1", "a1", "armed_clash", "2025-03-04", killed=12),
            mention("m2", "a2", "armed_clash", "2025-03-04", killed=9),
        ],
        ARTICLES,
    )
    assert event.killed is not None and event.killed.min == 9
    assert any(field == "killed" for field, _ in event.conflicts)


def test_syndicated_copy_counts_once() -> None:
    [event] = merge_reports(
        [
            mention("m1", "a3", "armed_clash", "2025-03-07"),
            mention("m2", "a4", "armed_clash", "2025-03-07"),
        ],
        ARTICLES,
    )
    assert len(event.sources) == 2 and event.n_outlets == 1


def test_historical_and_hypothetical_mentions_are_not_events() -> None:
    events = merge_reports(
        [
            mention("m1", "a1", "armed_clash", "2010-01-01", mode="historical"),
            mention("m2", "a1", "armed_clash", "2025-03-04", mode="hypothetical"),
        ],
        ARTICLES,
    )
    assert events == []


def test_order_independent_and_ids_stable() -> None:
    mentions = [
        mention(f"m{i}", f"a{1 + i % 3}", t, d, at=i)
        for i, (t, d) in enumerate(
            [
                ("border_crossing", "2025-03-02"),
                ("border_crossing", "2025-03-04"),
                ("warning_shots", "2025-03-04"),
                ("armed_clash", "2025-03-01"),
                ("visit", "2025-03-03"),
                ("visit", "2025-03-04"),
            ]
        )
    ]
    reference = {
        (e.id, tuple(sorted(s.mention_id for s in e.sources)))
        for e in merge_reports(mentions, ARTICLES)
    }
    rng = random.Random(3)
    for _ in range(10):
        shuffled = mentions[:]
        rng.shuffle(shuffled)
        got = {
            (e.id, tuple(sorted(s.mention_id for s in e.sources)))
            for e in merge_reports(shuffled, ARTICLES)
        }
        assert got == reference


def test_late_report_attaches_and_keeps_the_event_id() -> None:
    first = merge_reports([mention("m1", "a1", "armed_clash", "2025-03-04")], ARTICLES)
    previous = {s.mention_id: e.id for e in first for s in e.sources}
    later = merge_reports(
        [
            mention("m1", "a1", "armed_clash", "2025-03-04"),
            mention("m5", "a2", "armed_clash", "2025-03-04"),
        ],
        ARTICLES,
        previous,
    )
    assert len(later) == 1 and later[0].id == first[0].id and len(later[0].sources) == 2


def test_backfilled_earlier_report_refounds_the_event_and_keeps_the_old_id() -> None:
    # An earlier-published report arrives late: the event gets the id it would have had
    # from scratch (so ingest order never matters), and the id analysts cited is kept.
    first = merge_reports([mention("m5", "a2", "armed_clash", "2025-03-04")], ARTICLES)
    previous = {s.mention_id: e.id for e in first for s in e.sources}
    both = [
        mention("m5", "a2", "armed_clash", "2025-03-04"),
        mention("m1", "a1", "armed_clash", "2025-03-04"),
    ]
    later = merge_reports(both, ARTICLES, previous)
    scratch = merge_reports(both, ARTICLES)
    assert len(later) == 1 and later[0].id == scratch[0].id != first[0].id
    assert (first[0].id, "formerly") in later[0].related


def test_claim_and_denial_are_linked() -> None:
    events = merge_reports(
        [
            mention("m1", "a1", "deployment", "2025-03-01", mode="claimed"),
            mention("m2", "a2", "denial", "2025-03-05", mode="happened"),
        ],
        ARTICLES,
    )
    by_type = {e.type: e for e in events}
    claim, denial = by_type["deployment"], by_type["denial"]
    assert (claim.id, "denies") in denial.related
    assert (denial.id, "denied_by") in claim.related


def test_a_period_report_does_not_absorb_a_day_incident() -> None:
    events = merge_reports(
        [
            mention("m1", "a1", "armed_clash", "2025-03-04"),
            mention("m2", "a2", "armed_clash", "2025-01-15", end="2025-03-05", precision="month"),
        ],
        ARTICLES,
    )
    assert len(events) == 2


def test_a_strike_killing_civilians_is_one_remote_violence_event() -> None:
    # ACLED codes civilians harmed by a drone strike as the strike, not as a separate attack
    strike = mention("m1", "a1", "air_strike", "2025-03-04", at=10)
    killing = mention("m2", "a1", "attack", "2025-03-04", at=30, killed=2)
    killing = replace(killing, sentence=strike.sentence)
    (event,) = merge_reports([strike, killing], ARTICLES)
    assert event.type == "air_strike" and len(event.sources) == 2


def test_a_government_and_its_forces_act_as_one_in_a_sentence() -> None:
    gov = Actor("China", "Government of China", "CHN", "government", 1)
    army = Actor("Chinese forces", "Military Forces of China", "CHN", "military", 1)
    drills = mention("m1", "a1", "military_exercise", "2025-03-04", actor=gov, at=10)
    deploy = mention("m2", "a1", "deployment", "2025-03-04", actor=army, at=40)
    deploy = replace(deploy, sentence=drills.sentence)
    assert len(merge_reports([drills, deploy], ARTICLES)) == 1


def test_reports_named_on_two_continents_stay_apart() -> None:
    # no actor to tell them apart: the places their sentences name do (Mali and Colombia)
    events = merge_reports(
        [
            mention("m1", "a1", "remote_explosive", "2025-03-04", actor=None, country="MLI"),
            mention("m2", "a2", "remote_explosive", "2025-03-04", actor=None, country="COL"),
        ],
        ARTICLES,
    )
    assert len(events) == 2


KIDAL = "A roadside bomb hit a convoy near Kidal"


def test_a_meetings_place_is_its_venue_a_statements_is_its_topic() -> None:
    # ministers who met in Davos held no meeting in Cairo that day; a condemnation's sentence
    # names what it condemns, and two reports of one condemnation may name two places
    text = "The ministers of the Gulf states met on Tuesday"
    for etype, apart in (("meeting", True), ("condemnation", False)):
        reports = [
            mention("m1", "a1", etype, "2025-03-04", actor=None, country="CHE", text=text),
            mention("m2", "a2", etype, "2025-03-04", actor=None, country="EGY", text=text),
        ]
        assert len(merge_reports(reports, ARTICLES)) == (2 if apart else 1), etype


def test_a_place_guessed_from_the_article_does_not_split_dated_reports() -> None:
    named = mention(
        "m1", "a1", "remote_explosive", "2025-03-04", actor=None, country="MLI", text=KIDAL
    )
    guessed = mention(
        "m2",
        "a2",
        "remote_explosive",
        "2025-03-04",
        actor=None,
        country="COL",
        place_rule="article",
        text=f"{KIDAL} on Tuesday",
    )
    assert len(merge_reports([named, guessed], ARTICLES)) == 1


def test_a_place_from_the_paragraph_parts_reports_on_two_continents() -> None:
    # a page that runs many stories: a shooting its sentence places in the United States is
    # not the attack the next paragraph places in Egypt, though both are that day's attacks
    shooting = mention("m1", "a1", "attack", "2025-03-04", actor=None, country="USA")
    cairo = mention(
        "m2", "a1", "attack", "2025-03-04", actor=None, country="EGY", place_rule="paragraph", at=60
    )
    assert len(merge_reports([shooting, cairo], ARTICLES)) == 2
    guessed = replace(cairo, id="m3", place=replace(cairo.place, rule="article"))
    assert len(merge_reports([shooting, guessed], ARTICLES)) == 1  # the article's guess is weaker


def test_a_border_event_may_be_placed_on_either_side_of_a_continent_line() -> None:
    # Egypt (Africa) and Israel (Asia) share a border: a crossing at it is one event
    events = merge_reports(
        [
            mention(
                "m1",
                "a1",
                "border_crossing",
                "2025-03-04",
                actor=None,
                country="EGY",
                text="Smugglers crossed at Rafah",
            ),
            mention(
                "m2",
                "a2",
                "border_crossing",
                "2025-03-04",
                actor=None,
                country="ISR",
                text="Smugglers crossed near Rafah",
            ),
        ],
        ARTICLES,
    )
    assert len(events) == 1 and len(events[0].sources) == 2


def test_continents_and_land_borders_come_from_geonames() -> None:
    assert continent("EGY") == "AF" and continent("ISR") == "AS" and continent("XXX") is None
    assert "ISR" in neighbours("EGY") and "EGY" in neighbours("ISR")
    assert "MLI" not in neighbours("COL") and neighbours("XXX") == frozenset()


def _undated(mid: str, article: str, country: str | None = None, text: str = KIDAL) -> Mention:
    """A report whose text gives no date: the week up to its publication."""
    return mention(
        mid,
        article,
        "remote_explosive",
        "2025-02-27",
        end="2025-03-05",
        precision="week",
        actor=None,
        country=country,
        place_rule="article",
        rule="publication-week",
        text=text,
    )


def test_an_undated_report_joins_the_event_of_its_own_article() -> None:
    dated = mention("m1", "a1", "remote_explosive", "2025-03-04", actor=None, text=KIDAL)
    events = merge_reports([dated, _undated("m2", "a1")], ARTICLES)
    assert len(events) == 1 and len(events[0].sources) == 2


def test_an_undated_report_does_not_join_another_articles_event_on_its_type_alone() -> None:
    # the same town named: only the undated rule keeps them apart
    dated = mention(
        "m1", "a1", "remote_explosive", "2025-03-04", actor=None, country="MLI", text=KIDAL
    )
    events = merge_reports([dated, _undated("m2", "a2"), _undated("m3", "a3", "COL")], ARTICLES)
    assert sorted(len(e.sources) for e in events) == [1, 1, 1]


def test_an_undated_report_joins_another_articles_event_placed_in_its_country() -> None:
    dated = mention(
        "m1", "a1", "remote_explosive", "2025-03-04", actor=None, country="MLI", text=KIDAL
    )
    events = merge_reports([dated, _undated("m2", "a2", "MLI")], ARTICLES)
    assert len(events) == 1 and len(events[0].sources) == 2


# -- anchors: a report joins an event only when it shares something that ties it to the incident


def _bombing(mid: str, article: str, text: str, **kw: Any) -> Mention:
    kw.setdefault("actor", None)
    return mention(mid, article, "remote_explosive", "2025-03-04", text=text, **kw)


def test_two_reports_of_a_type_and_day_with_nothing_in_common_stay_apart() -> None:
    # a live page's two stories of the day, or a passing mention in a commentary
    events = merge_reports(
        [
            _bombing("m1", "a1", "A roadside bomb hit a convoy near Kidal"),
            _bombing("m2", "a2", "A car bomb exploded outside a hotel in Mogadishu"),
        ],
        ARTICLES,
    )
    assert sorted(len(e.sources) for e in events) == [1, 1]


def test_a_shared_name_a_named_actor_or_an_exact_count_ties_two_reports() -> None:
    named = [
        _bombing("m1", "a1", "A roadside bomb hit a convoy near Kidal"),
        _bombing("m2", "a2", "Four soldiers died when their convoy struck a bomb near Kidal"),
    ]
    acted = [
        _bombing("m1", "a1", "a bomb went off", actor=PRK),
        _bombing("m2", "a2", "an explosion was heard", actor=PRK),
    ]
    counted = [
        _bombing("m1", "a1", "a bomb went off", killed=7),
        _bombing("m2", "a2", "an explosion killed seven", killed=7),
    ]
    for pair in (named, acted, counted):
        assert len(merge_reports(pair, ARTICLES)) == 1, pair


def test_a_copy_an_own_article_and_a_definite_description_need_no_other_anchor() -> None:
    copies = [
        _bombing("m1", "a3", "a bomb went off at dawn"),
        _bombing("m2", "a4", "A bomb went off  at dawn"),
    ]
    assert len(merge_reports(copies, ARTICLES)) == 1
    own = [
        _bombing("m1", "a1", "a bomb went off at dawn"),
        _bombing("m2", "a1", "the blast shattered windows", at=100),
    ]
    assert len(merge_reports(own, ARTICLES)) == 1
    elsewhere = [own[0], replace(own[1], article_id="a2")]
    assert len(merge_reports(elsewhere, ARTICLES)) == 2
    # "the blast" presupposes the act its readers know of that day
    presupposed = [own[0], replace(own[1], article_id="a2", definite=True)]
    assert len(merge_reports(presupposed, ARTICLES)) == 1


def test_anchors_skip_what_every_story_of_a_topic_shares() -> None:
    text = (
        "Israelis and Russian-backed fighters met President Assad's envoy in Damascus at 10:30 "
        "GMT on Tuesday, Reuters said; 2,000 people from Kidal-based camps and 12 officers came "
        "in March 2012, Syria's army said"
    )
    names = {a for a in anchors(_bombing("m1", "a1", text)) if a.startswith("name:")}
    # demonyms and their plurals, capitals, titles, outlets, countries (possessive too), the
    # calendar, a clock and numbers under 100 are not anchors; a count from 100 up is
    assert names == {"name:assad", "name:kidal", "name:2000"}


def test_an_actor_the_text_does_not_name_is_no_anchor() -> None:
    crowd = Actor("", "Protesters", None, "protesters", 6)
    marched = mention("m1", "a1", "peaceful_protest", "2025-03-04", actor=crowd, text="march")
    assert not any(a.startswith("actor:") for a in anchors(marched))
    carried = replace(
        _bombing("m2", "a1", "it exploded", actor=PRK), inferred=(("actor1", "refers back"),)
    )
    assert not any(a.startswith("actor:") for a in anchors(carried))


def test_the_anchor_stop_words_table_is_one_lowercase_word_a_row_with_a_reason() -> None:
    rows = read_tsv("anchor_stop_words.tsv")
    assert rows and all(r["word"] == r["word"].strip().lower() for r in rows)
    assert all(" " not in r["word"] and r["why"].strip() for r in rows)
    assert {"reuters", "tuesday", "al"} <= {r["word"] for r in rows}
