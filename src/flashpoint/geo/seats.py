"""A town and the province or district named after it: a bare name means the town.

'Basra', 'Kunduz', 'Idlib', 'Lagos', 'Mosul' and 'New York' each name a town and the area
around it that bears its name (Basra governorate, Kunduz province, Mosul district, New York
state). Reports write the area with its kind word ('Kunduz province', 'New York state'); a
bare name is the town, as ACLED codes the most specific place a report names. Only an area
that holds the town gives way: 'Washington' the city is not in Washington state. Words around
the name that ask for the area keep it (``geo_words.tsv`` kinds ``area_word`` and
``area_scope``): a kind word shared by a list ('Kunduz and Baghlan provinces', 'the states of
Zamfara and Katsina'), one in an apposition ('Idlib, the last rebel-held province'), or a
word of extent before it ('across Gaza', 'the whole of Donetsk').
"""

from __future__ import annotations

import re
from functools import lru_cache

from flashpoint.geo.gazetteer import Entry, Hit
from flashpoint.geo.lexicon import words
from flashpoint.geo.names import CAPITALISED_NAME, normalize
from flashpoint.geo.toponyms import Toponym

KNOWN_TOWN = 50_000  # a smaller town needs the text to locate it: the area stays a reading
MAIN_TOWN_SHARE = 0.1  # of the state's people: its main town, not one that carries its name


def town_of_area(
    chosen: Entry | None,
    hits: list[Hit],
    top: Toponym,
    text: str,
    area_named: bool = False,
    state_towns: bool = False,
) -> Entry | None:
    """The town a chosen province or district is named after, when the name also reads as
    that town, unless the words around the name ask for the area (a kind word beside it, in
    its list or its apposition, or a word of extent before it). The choice among readings is
    made as before (the province's size keeps 'Gaza' in Palestine, not in Mozambique's Gaza
    province); only then does the province give way to its town. The name must be the town's
    own at least as much as the area's, or start the name of the area's main town ('New York'
    and New York City); 'Minnesota', the state's and an old name of Minneota, is left alone.
    ``area_named``: the company the name keeps asks for the area (``named_as_area``);
    ``state_towns``: the article names other places of the state, so its name is no capital
    lying elsewhere ('Seattle police ... the largest protest in Washington')."""
    if chosen is None or top.hint or chosen.kind not in ("admin1", "admin2"):
        return chosen
    area = next((h for h in hits if h.entry is chosen), None)
    if area is None or area_named or _asks_for_area(top, text):
        return chosen
    towns = [h for h in hits if h.entry.kind == "city" and h.entry.population >= KNOWN_TOWN]
    if state_towns:  # no capital outside the area, then
        towns = [t for t in towns if chosen.name in (t.entry.admin1, t.entry.admin2)]
    return next((t.entry for t in towns if _holds_its_town(area, t)), chosen)


def named_as_area(toponyms: list[Toponym], best: list[Entry | None], k: int, text: str) -> bool:
    """Does toponym ``k`` name the area by the company it keeps: listed among states
    ('Missouri, New York and Virginia'), after a town as its state ('Rego Park, New York',
    'Buffalo, New York, on Saturday'), or before one of its counties ('New York's Rockland
    County')?"""
    chosen = best[k]
    if chosen is None or chosen.kind not in ("admin1", "admin2"):
        return False
    listed = [
        j
        for j in (k - 1, k + 1)
        if _listed(toponyms, j, k, text) and not _qualifier(toponyms, best, j, text)
    ]
    if any(_same_kind(best[j], chosen) for j in listed):
        return True
    return _after_its_town(toponyms, best, k, text) or _before_its_county(toponyms, best, k, text)


def _listed(toponyms: list[Toponym], j: int, k: int, text: str) -> bool:
    if not 0 <= j < len(toponyms):
        return False
    first, second = sorted((toponyms[j], toponyms[k]), key=lambda t: t.start)
    return bool(LIST_SEPARATOR.fullmatch(text[first.end : second.start]))


def _qualifier(toponyms: list[Toponym], best: list[Entry | None], j: int, text: str) -> bool:
    """Is toponym ``j`` the state of the town before it ('Los Angeles, California'), not a
    member of a list in its own right?"""
    area, town = best[j], best[j - 1] if j > 0 else None
    if area is None or town is None or text[toponyms[j - 1].end : toponyms[j].start] != ", ":
        return False
    return area.name in (town.admin1, town.admin2) and area.country == town.country


def _after_its_town(toponyms: list[Toponym], best: list[Entry | None], k: int, text: str) -> bool:
    """'Rego Park, New York', 'Buffalo, New York, on Saturday': a capitalised name and a comma
    before it and no list going on after it ('Washington, New York and Boston' lists towns).
    A town the gazetteer knows must lie in the area."""
    top, area = toponyms[k], best[k]
    assert area is not None
    if not _TOWN_AND_COMMA.search(text[max(0, top.start - 60) : top.start]):
        return False
    if not _NO_LIST_AFTER.match(text[top.end : top.end + 40]):
        return False
    before = k - 1 if k > 0 and text[toponyms[k - 1].end : top.start] == ", " else None
    town = best[before] if before is not None else None
    return before is None or (town is not None and area.name in (town.admin1, town.admin2))


def _before_its_county(
    toponyms: list[Toponym], best: list[Entry | None], k: int, text: str
) -> bool:
    """'New York's Rockland County': a county of the area after its possessive."""
    if k + 1 >= len(toponyms) or not _POSSESSIVE.fullmatch(
        text[toponyms[k].end : toponyms[k + 1].start]
    ):
        return False
    area, county = best[k], best[k + 1]
    return (
        area is not None
        and county is not None
        and county.kind == "admin2"
        and (county.admin1 == area.name and county.country == area.country)
    )


_TOWN_AND_COMMA = re.compile(r"[A-Z][\w.'’-]*,\s*$")
_NO_LIST_AFTER = re.compile(r"\s*(?:[.;:)]|$|,\s+(?-i:[a-z]))")
_POSSESSIVE = re.compile(r"['’]s\s+")


def _same_kind(other: Entry | None, area: Entry) -> bool:
    return other is not None and other.kind == area.kind and other.country == area.country


def _holds_its_town(area: Hit, town: Hit) -> bool:
    """A province gives way when the name is the town's own at least as much as its own
    ('Kherson' is the city's name and another of Khersonska oblast), and to the nation's
    capital of its name wherever that lies; a district (a county:
    'DeKalb' for DeKalb County) only when the name fits both alike."""
    a, t = area.entry, town.entry
    if a.country != t.country:
        return False
    if a.kind == "admin1":
        if t.capital and town.primary and normalize(t.name) == normalize(a.name):
            return True  # 'Washington' is the nation's capital as much as a state's name
        return a.name == t.admin1 and (town.primary >= area.primary or _named_as_main_town(a, t))
    if a.kind == "admin2":
        return a.name == t.admin2 and a.admin1 == t.admin1 and town.primary == area.primary
    return False


def _named_as_main_town(area: Entry, town: Entry) -> bool:
    """The state's own name is the start of its main town's ('New York' and New York City,
    'Santa Cruz' and Santa Cruz de la Sierra): news writes the town so and the state with its
    kind word ('New York state'). A town that merely carries the name ('Bihar' and Bihar
    Sharif, a fraction of Bihar's people) is not its main town."""
    return (
        normalize(town.name).startswith(normalize(area.name) + " ")
        and town.population >= MAIN_TOWN_SHARE * area.population
    )


NAME = CAPITALISED_NAME
LIST_GAP = r"\s*(?:,|,?\s+and|&)\s+"
LIST_SEPARATOR = re.compile(LIST_GAP)


@lru_cache(maxsize=1)
def _area_patterns() -> dict[str, re.Pattern[str]]:
    lexicon = words()

    def alternatives(found: frozenset[str]) -> str:
        return "|".join(sorted(map(re.escape, found), key=len, reverse=True))

    kinds, scope = alternatives(lexicon.area_word), alternatives(lexicon.area_scope)
    office = alternatives(lexicon.area_office)
    return {
        # "and B provinces", "provinces of A and"
        "listed_before": re.compile(rf"^(?:{LIST_GAP}{NAME})*\s+(?:{kinds})\b"),
        "kind_of": re.compile(rf"\b(?:{kinds})\s+of\s+(?:{NAME}{LIST_GAP})*$"),
        "apposition": re.compile(rf"^,\s+(?:the|a|an)\s+[^,.;:]{{0,40}}?\b(?:{kinds})\b"),
        "extent": re.compile(rf"\b(?:{scope})\s+(?:the\s+)?$", re.I),
        # "the New York governor", "the governor of Basra"
        "office_after": re.compile(rf"^(?:['’]s)?\s+(?:{office})\b", re.I),
        "office_of": re.compile(rf"\b(?:{office})\s+of\s+(?:the\s+)?$", re.I),
    }


def _asks_for_area(top: Toponym, text: str) -> bool:
    """Do the words around the name ask for the area rather than the town?"""
    found = _area_patterns()
    after, before = text[top.end : top.end + 120], text[max(0, top.start - 120) : top.start]
    return bool(
        found["listed_before"].match(after)
        or found["kind_of"].search(before)
        or found["apposition"].match(after)
        or found["extent"].search(before)
        or found["office_after"].match(after)
        or found["office_of"].search(before)
    )
