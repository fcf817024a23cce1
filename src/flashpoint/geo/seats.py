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
from flashpoint.geo.names import CAPITALISED_NAME
from flashpoint.geo.toponyms import Toponym

KNOWN_TOWN = 50_000  # a smaller town needs the text to locate it: the area stays a reading


def town_of_area(chosen: Entry | None, hits: list[Hit], top: Toponym, text: str) -> Entry | None:
    """The town a chosen province or district is named after, when the name also reads as
    that town, unless the words around the name ask for the area (a kind word beside it, in
    its list or its apposition, or a word of extent before it). The choice among readings is
    made as before (the province's size keeps 'Gaza' in Palestine, not in Mozambique's Gaza
    province); only then does the province give way to its town. The name must not be the
    area's own and only another of the town's: 'New York' is the state's own name and another
    of the city's, 'Minnesota' the state's and an old name of Minneota: left alone."""
    if chosen is None or top.hint or chosen.kind not in ("admin1", "admin2"):
        return chosen
    area = next((h for h in hits if h.entry is chosen), None)
    if area is None or _asks_for_area(top, text):
        return chosen
    towns = [h for h in hits if h.entry.kind == "city" and h.entry.population >= KNOWN_TOWN]
    return next((t.entry for t in towns if _holds_its_town(area, t)), chosen)


def _holds_its_town(area: Hit, town: Hit) -> bool:
    """A province gives way when the name is the town's own at least as much as its own
    ('Kherson' is the city's name and another of Khersonska oblast); a district (a county:
    'DeKalb' for DeKalb County) only when the name fits both alike."""
    a, t = area.entry, town.entry
    if a.country != t.country:
        return False
    if a.kind == "admin1":
        return a.name == t.admin1 and town.primary >= area.primary
    if a.kind == "admin2":
        return a.name == t.admin2 and a.admin1 == t.admin1 and town.primary == area.primary
    return False


NAME = CAPITALISED_NAME
LIST_GAP = r"\s*(?:,|,?\s+and|&)\s+"


@lru_cache(maxsize=1)
def _area_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lexicon = words()
    kinds = "|".join(sorted(map(re.escape, lexicon.area_word), key=len, reverse=True))
    scope = "|".join(sorted(map(re.escape, lexicon.area_scope), key=len, reverse=True))
    listed_before = re.compile(rf"^(?:{LIST_GAP}{NAME})*\s+(?:{kinds})\b")  # "and B provinces"
    kind_of = re.compile(rf"\b(?:{kinds})\s+of\s+(?:{NAME}{LIST_GAP})*$")  # "provinces of A and"
    apposition = re.compile(rf"^,\s+(?:the|a|an)\s+[^,.;:]{{0,40}}?\b(?:{kinds})\b")
    extent = re.compile(rf"\b(?:{scope})\s+(?:the\s+)?$", re.I)
    return listed_before, kind_of, apposition, extent


def _asks_for_area(top: Toponym, text: str) -> bool:
    """Do the words around the name ask for the area rather than the town?"""
    listed_before, kind_of, apposition, extent = _area_patterns()
    after, before = text[top.end : top.end + 120], text[max(0, top.start - 120) : top.start]
    return bool(
        listed_before.match(after)
        or kind_of.search(before)
        or apposition.match(after)
        or extent.search(before)
    )
