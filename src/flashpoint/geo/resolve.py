"""Choose the place each toponym names, or none of them.

A candidate's score adds: its kind and size (population), whether the text used its own name,
the kind a word beside it suggests ('province of', 'rail lines'), how much the article is about
its country (a name's own repeats adding less and less: 'Dublin' said eight times in an Ohio
paper) and how close a mention of that country is, how many other toponyms may lie in the same
state or county ('Athens' beside 'Clarke County'), whether another toponym holds it
('Alexandria, La.', "North Korea's province of Gangwon"), the outlet's country, and how near it
lies to the places the other toponyms resolve to (much more for one named within CLOSE_CHARS:
'in Cairo ... in Alexandria'). Below ``MIN_SCORE``: "none of these". A small
town named by a dictionary word needs the text to locate it (``located``).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from flashpoint.countries import continent, neighbours
from flashpoint.distance import EARTH_RADIUS_KM
from flashpoint.geo.borderword import LOCAL_CHARS, border_between, sentence_ends
from flashpoint.geo.context import (
    Context,
    allowed,
    base_score,
    context_of,
    population,
    sides,
)
from flashpoint.geo.gazetteer import Entry, Gazetteer, Hit
from flashpoint.geo.lexicon import dictionary_words
from flashpoint.geo.names import normalize, spelled_like
from flashpoint.geo.namesake import is_namesake
from flashpoint.geo.persons import person_cues
from flashpoint.geo.seats import named_as_area, town_of_area
from flashpoint.geo.toponyms import Toponym

WIDE_KINDS = frozenset({"country", "continent", "sea", "region", "zone", "admin1"})
MIN_SCORE = 1.2
DOMINANCE = 2.5  # a reading this much weaker on its own needs evidence of its own in the text
OVERWHELMED = 4.0  # this much weaker: only a qualifier will do ('Egypt, Pa.')
PAIRED = 1.5  # a town and its county both named ('Paris' and 'Henry County'): see pairs.py
OUTLET = 1.0  # the outlet's own country: local news names local places
NEAR_KM, FAR_KM = 50.0, 400.0
SPOT_KM = 3.0  # an area no wider is one spot, as good as a town for locating names near it
CLOSE_CHARS = 120  # a town named this near in the text ('Paris and Roxton') weighs more
CLOSE_WEIGHT = 3.0  # as much as a qualifier ('Alexandria, La.'), times how near it lies
LOCAL_POPULATION = 50_000  # a smaller town needs the text to locate it (see ``located``)
TINY = 10_000  # a village abroad this small needs locating even when no other town shares its name
DWARFED = 5  # a homonym abroad this many times larger outweighs the town's country named near
CLOSE = math.exp(-500 / 60)  # ctx.local's closeness 500 characters away: a paragraph
LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s*")  # between two members of a list
LIST_MIN = 3


@dataclass(frozen=True)
class Mates:
    """The other members of a toponym's list of places in several countries: by index, by
    start (their mentions) and by surface (their readings' states and counties)."""

    indices: frozenset[int] = frozenset()
    starts: frozenset[int] = frozenset()
    surfaces: frozenset[str] = frozenset()


NO_MATES = Mates()


def container_fits(e: Entry, containers: list[Toponym]) -> bool:
    """'Alexandria, La.', "North Korea's province of Gangwon": another toponym holds it."""
    for h in (h for c in containers for h in c.hits):
        c = h.entry
        if c.kind == "country" and c.country == e.country and e.kind != "country":
            return True
        in_area = c.kind in ("admin1", "admin2") and c.name in (e.admin1, e.admin2)
        if in_area and c.country == e.country and c.key != e.key:
            return True
    return False


def _spot(e: Entry) -> bool:
    """A place that locates the names around it: a town, or an area no wider than SPOT_KM
    ('Tahrir Square', a curated region of half a kilometre, places 'in Alexandria' said
    beside it), not a country or a province."""
    return e.kind not in WIDE_KINDS or 0 < e.radius_km <= SPOT_KM


def near_score(e: Entry, others: list[Entry]) -> float:
    """1 when another toponym's place lies within NEAR_KM, falling to 0 at FAR_KM."""
    if not others:
        return 0.0
    lat = np.radians([o.lat for o in others])
    lon = np.radians([o.lon for o in others])
    la, lo = math.radians(e.lat), math.radians(e.lon)
    h = np.sin((lat - la) / 2) ** 2 + math.cos(la) * np.cos(lat) * np.sin((lon - lo) / 2) ** 2
    d = float(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(1.0, h))).min())
    return 1.0 if d <= NEAR_KM else max(0.0, (FAR_KM - d) / (FAR_KM - NEAR_KM))


def score(
    hit: Hit, top: Toponym, ctx: Context, containers: list[Toponym], mates: Mates = NO_MATES
) -> float:
    """The candidate's own merit and its fit with the article's countries; ``mates``: the
    other members of a list of places in several countries, which say nothing of its own."""
    e = hit.entry
    local = max((ctx.local(c, top, apart=mates.starts) for c in sides(e)), default=0.0)
    if e.country and e.kind not in WIDE_KINDS:  # 'elsewhere in Europe, protesters in Geneva'
        local = max(local, ctx.local(f"@{continent(e.country)}", top, before=True))
    s = base_score(hit, top) + 2.0 * ctx.share_damped(e, top.text) + 1.5 * local
    s += 3.0 * container_fits(e, containers)
    return s + OUTLET * (e.country == ctx.home())


def coherence(
    hits: list[Hit],
    top: Toponym,
    ctx: Context,
    others: list[Entry],
    mates: Mates = NO_MATES,
    close: list[Entry] | None = None,
) -> list[float]:
    """Other toponyms that may lie in the same state or near (not the list mates), and those
    named within CLOSE_CHARS ('In Alexandria on Tuesday' beside 'in Cairo'): a country or state
    gets the best coherence of its own towns among the candidates ('Mexico' near Mexico City's
    suburbs)."""
    own = [
        1.5 * min(1.0, ctx.support(h.entry, top.text, mates.surfaces))
        + (near_score(h.entry, others) if h.entry.kind not in WIDE_KINDS else 0.0)
        + (
            CLOSE_WEIGHT * near_score(h.entry, close)
            if close and h.entry.kind not in WIDE_KINDS
            else 0.0
        )
        + PAIRED * ctx.pairs.paired(h.entry, top.text)
        for h in hits
    ]
    out = []
    for h, value in zip(hits, own, strict=True):
        area = h.entry
        inside = [
            v
            for o, v in zip(hits, own, strict=True)
            if area.kind in ("country", "admin1")
            and o.entry.country == area.country
            and (area.kind == "country" or o.entry.admin1 == area.name)
        ]
        out.append(max([value, *inside]))
    return out


def undominated(
    hits: list[Hit], top: Toponym, holders: list[Toponym], ctx: Context, mates: Mates = NO_MATES
) -> list[Hit]:
    """Drop the readings far weaker on their own than the strongest one unless the text gives
    them evidence of their own: the article's general lean to a country is no evidence for its
    smallest homonyms. Weaker by DOMINANCE: a qualifier ('Cairo, Ill.'), or another toponym in
    its state or county ('Paris' beside 'Lamar County') when the article does not name the
    stronger reading's country ('Cairo' beside 'Egypt' is Cairo, Egypt); by OVERWHELMED (a
    town of 2,000 called 'Egypt' beside the country): the qualifier only. In a list of places
    in several countries ('Atlanta, Los Angeles, Paris, London, Tokyo') the mates are no such
    place."""
    if len(hits) < 2:
        return hits
    scores = [base_score(h, top) for h in hits]
    best = max(scores)
    leader = hits[scores.index(best)].entry
    named = any(ctx.named_elsewhere(c, top.text) for c in sides(leader))

    def keep(hit: Hit, gap: float) -> bool:
        if gap <= DOMINANCE or container_fits(hit.entry, holders):
            return True
        if named or gap > OVERWHELMED:
            return False
        return ctx.support(hit.entry, top.text, mates.surfaces) >= 1.0

    return [h for h, s in zip(hits, scores, strict=True) if keep(h, best - s)]


def focused(hits: list[Hit], top: Toponym, holders: list[Toponym], ctx: Context) -> list[Hit]:
    """The article's focus as a prior: when the largest reading lies in the country the
    article's other words name most, a reading elsewhere needs a qualifier ('Alexandria,
    Va.'). Towns near another place the article names are no such evidence: Egypt's
    Alexandria stays in Egypt in a story on Washington's Egypt policy."""
    if len(hits) < 2:
        return hits
    lead = max(hits, key=lambda h: population(h.entry))
    if not sides(lead.entry) or ctx.share_apart(lead.entry, top.text) < 1.0:
        return hits
    home = set(sides(lead.entry))
    return [
        h
        for h in hits
        if not sides(h.entry)  # a sea or a region of several countries is no homonym abroad
        or home & set(sides(h.entry))
        or container_fits(h.entry, holders)
    ]


def located(
    hits: list[Hit], top: Toponym, holders: list[Toponym], ctx: Context, near: Nearby
) -> list[Hit]:
    """A small town named by a dictionary word is meant only where the text locates it: a
    qualifier ('Blair, Neb.'); a place named within LOCAL_CHARS of the name that holds it
    (its state or county, or an area of its country within FAR_KM: 'the West Bank' for
    Jericho) or lies within FAR_KM, but not a national capital named for its government
    ("Washington's allies", see ``nearby_places``); or its country being the one the
    article's other words name most, by mentions and by distinct names (a local paper's
    'Laconia'; not 'the US' said twenty times in a story on Iraq), not counting the other
    doubtful names. Alone, such a word is a person ('Blair'), a thing ('Warrior', 'Labor')
    or a place the gazetteer lacks more often than a small town across the world; a name that
    is no word ('Shakopee') is a town, whatever its size."""
    points = [p for p in near.places if p.kind not in WIDE_KINDS]
    areas = [p for p in near.places if p.kind in WIDE_KINDS]

    def evidence(town: Entry) -> bool:
        return (
            container_fits(town, holders)
            or (
                ctx.share_without(town, near.doubtful | {top.text}) >= 1.0
                and ctx.names_most(town, near.doubtful | {top.text})
            )
            or any(_holds(area, town) for area in areas)
            or near_score(town, points) > 0
        )

    def evidence_abroad(town: Entry) -> bool:
        return (
            container_fits(town, holders)
            or any(_holds(area, town) for area in areas)
            or near_score(town, points) > 0
            or (
                town.country is not None
                and ctx.local(town.country, top, apart=near.starts) >= CLOSE
                and not _dwarfed(town, hits)
            )
        )

    return [
        h
        for h in hits
        if (not needs_locating(h, top) or evidence(h.entry))
        and (not small_abroad(h, top, ctx) or evidence_abroad(h.entry))
    ]


def _dwarfed(town: Entry, hits: list[Hit]) -> bool:
    """Does a city of another country bear the name with DWARFED times the town's people? Its
    country named nearby is then too little to prefer the town: 'the US' named in a story on
    Haiti does not make 'our reporter in Geneva' one of the American Genevas."""
    size = max(population(town), 1)
    return any(
        h.entry.kind == "city"
        and h.entry.country != town.country
        and population(h.entry) >= max(LOCAL_POPULATION, DWARFED * size)
        for h in hits
    )


def small_abroad(hit: Hit, top: Toponym, ctx: Context) -> bool:
    """Is this reading a small town (under LOCAL_POPULATION), of a name that towns in other
    countries bear too or only by another of its names ('Marriott' for Marriott-Slaterville),
    outside the article's focus, its land neighbours and the outlet's country (when the
    article names it: see ``Context.home``)? Such a reading needs its
    country named near the name, or a qualifier: 'guests at the Hilton Hotel' in a story on
    Cairo is no town called Hilton in Australia, England, South Africa or the United States."""
    e = hit.entry
    if e.kind != "city" or e.key.startswith("cur:") or not e.country:
        return False
    if population(e) >= LOCAL_POPULATION:
        return False
    if hit.primary and len({h.entry.country for h in top.hits}) < 2 and population(e) >= TINY:
        return False  # a town's own name no other country holds ('Pataskala'): other rules
    focus = ctx.focus(top.text)
    if focus is None:
        return False
    return e.country not in {focus, ctx.home()} | neighbours(focus)


def _holds(area: Entry, town: Entry) -> bool:
    """Is the area the town's state or county, or an area of its country within FAR_KM?"""
    if area.kind in ("country", "continent"):
        return False  # a country is evidence only as the article's focus
    if area.kind in ("admin1", "admin2") and area.country == town.country:
        return area.name in (town.admin1, town.admin2) or near_score(town, [area]) > 0
    return town.country in sides(area) and near_score(town, [area]) > 0


@dataclass(frozen=True)
class Nearby:
    """What may locate a doubtful name: the places of other names within LOCAL_CHARS of any
    of its occurrences (not themselves doubtful), and the surfaces of the doubtful names."""

    places: list[Entry]
    doubtful: set[str]
    starts: frozenset[int] = frozenset()  # where the name itself is said: no evidence of itself


def nearby_places(
    name: str, toponyms: list[Toponym], places: list[Entry | None], doubtful: set[int], text: str
) -> list[Entry]:
    """The places of other names within LOCAL_CHARS of the name, but not a capital named for
    its government ("Washington's allies", 'Washington said'): that locates no village near it
    ('Hit, west of Baghdad' keeps Baghdad)."""
    starts = [t.start for t in toponyms if normalize(t.text) == name]
    return [
        e
        for j, (other, e) in enumerate(zip(toponyms, places, strict=True))
        if e is not None
        and j not in doubtful
        and normalize(other.text) != name
        and any(abs(other.start - s) <= LOCAL_CHARS for s in starts)
        and not (e.capital and _for_government(other, text))
    ]


def _for_government(top: Toponym, text: str) -> bool:
    """Is the name used for its government: a possessive, a modifier ('Washington officials')
    or the subject of a saying ('Washington said')?"""
    after = text[top.end : top.end + 20]
    words_after = after.split()
    said = words_after[0].strip(".,;:").lower() if words_after else ""
    return top.modifier or after[:2] in ("'s", "’s") or said in person_cues().speech


def needs_locating(hit: Hit, top: Toponym) -> bool:
    """Is this reading a small town or a county named by a dictionary word (see ``located``)?
    Small: a town of fewer than LOCAL_POPULATION people, or a county reached by another name
    ('Blair' for Blair County; 'Swat' is its district's own name). A word that also names a
    big city by its name or a spelling of it ('Venice', 'Delft', 'Kiev') is left to the other
    rules. Such readings lend each other no evidence: 'Republic' and 'Pandora' are towns
    80 km apart in Ohio."""
    e = hit.entry
    if e.key.startswith("cur:"):
        return False
    if e.kind == "city":
        small = population(e) < LOCAL_POPULATION
    else:
        small = e.kind == "admin2" and not hit.primary
    if not small or normalize(top.text) not in dictionary_words():
        return False
    return not any(
        h.entry.kind == "city"
        and population(h.entry) >= LOCAL_POPULATION
        and (h.primary or spelled_like(top.text, h.entry.name))
        for h in top.hits
    )


def _doubtful(entry: Entry, top: Toponym, ctx: Context) -> bool:
    """Does this reading itself need locating? Such readings lend each other no evidence
    ('the Hilton and the Marriott' are no two towns confirming each other abroad)."""
    return any(_unsure(h, top, ctx) for h in top.hits if h.entry is entry)


def _unsure(hit: Hit, top: Toponym, ctx: Context) -> bool:
    """Does the reading need the text to locate it (``located``)?"""
    return needs_locating(hit, top) or small_abroad(hit, top, ctx)


def containers(toponyms: list[Toponym], k: int, text: str) -> list[Toponym]:
    """The next toponym after a comma ('Alexandria, La.') and the one linked as holder."""
    out = [toponyms[toponyms[k].holder]] if toponyms[k].holder >= 0 else []
    after = toponyms[k + 1] if k + 1 < len(toponyms) else None
    if (
        after is not None
        and not after.modifier
        and text[toponyms[k].end : after.start].strip() == ","
        and not _countries_listed(toponyms[k], after)
    ):
        out.append(after)
    return out


def _countries_listed(top: Toponym, after: Toponym) -> bool:
    """A country's name, a comma, a country's name: a list of countries ('teams from the US,
    France and Iceland'), not a town named like a country with its country as qualifier
    ('Us, France'); a state as qualifier still makes one ('Lebanon, Pa.')."""
    return any(h.entry.kind == "country" for h in top.hits) and any(
        h.entry.kind == "country" for h in after.hits
    )


def resolve(
    toponyms: list[Toponym],
    text: str,
    gaz: Gazetteer,
    outlet: str | None = None,
    outlet_labels: tuple[str, ...] = (),
) -> tuple[list[Entry | None], Context]:
    """The place each toponym names (``None``: none of the candidates fits well enough).
    ``outlet``: the outlet's country; ``outlet_labels``: its name (see namesake.py).

    One sense per article: the unqualified occurrences of one name take the reading most of
    them chose (each occurrence's nearby words would otherwise pull 'Cairo' to Egypt in one
    line and to Georgia in the next)."""
    ctx = context_of(toponyms, outlet)
    anchors = {c: n for c, n in ctx.countries.items() if n > 0}
    abroad = listed_abroad(toponyms, text)
    best: list[Entry | None] = [None] * len(toponyms)
    kept: dict[int, list[Hit]] = {}  # each toponym's readings left after the last round
    ends: list[int] | None = None  # where sentences end: read once, for the border words
    for round_ in range(2):
        settled = [(j, e) for j, e in enumerate(best) if e is not None and _spot(e)]
        earlier = list(best)
        doubtful = {j for j, e in enumerate(best) if e and _doubtful(e, toponyms[j], ctx)}
        doubtful_names = {toponyms[j].text for j in doubtful}
        near_of: dict[str, Nearby] = {}
        scored: dict[int, list[tuple[float, Entry]]] = {}
        for k, top in enumerate(toponyms):
            if top.how == "border":
                if ends is None:
                    ends = sentence_ends(text)
                best[k] = border_between(ctx, gaz, top, text, ends)
                continue
            holders = containers(toponyms, k, text)
            hits = [h for h in top.hits if allowed(h, anchors)]
            mates = abroad.get(k, NO_MATES)
            home = (
                namesake_readings(
                    hits, top, holders, ctx, _sure_others(toponyms, earlier, k, doubtful)
                )
                if round_ and is_namesake(top.text, outlet_labels)
                else []
            )
            hits = home or focused(undominated(hits, top, holders, ctx, mates), top, holders, ctx)
            others = [e for j, e in settled if e is not best[k] and j not in mates.indices]
            if round_ and not home and any(_unsure(h, top, ctx) for h in hits):
                # the first round settled the places that may locate a small town
                name = normalize(top.text)
                if name not in near_of:
                    said = frozenset(t.start for t in toponyms if normalize(t.text) == name)
                    places = nearby_places(name, toponyms, earlier, doubtful, text)
                    near_of[name] = Nearby(places, doubtful_names, said)
                hits = located(hits, top, holders, ctx, near_of[name])
            close = _close_places(toponyms, settled, k, doubtful, mates)
            bonus = coherence(hits, top, ctx, others, mates, close)
            scored[k] = [
                (score(h, top, ctx, holders, mates) + b, h.entry)
                for h, b in zip(hits, bonus, strict=True)
            ]
            top_score, entry = max(scored[k], key=lambda se: se[0], default=(0.0, None))
            best[k] = entry if top_score >= MIN_SCORE else None
            kept[k] = hits
        _one_sense(toponyms, text, scored, best)
    areas = [named_as_area(toponyms, best, k, text) for k in range(len(toponyms))]
    with_towns = _areas_with_towns(best)
    for k, top in enumerate(toponyms):  # a province chosen by a town's name is that town
        area = best[k]
        towns = area is not None and (area.country, area.name) in with_towns
        best[k] = town_of_area(area, kept.get(k, []), top, text, areas[k], towns)
    _short_forms(toponyms, best)
    return best, ctx


def _areas_with_towns(best: list[Entry | None]) -> set[tuple[str | None, str]]:
    """The (country, state or county) of each town of LOCAL_POPULATION or more the article
    names ('Seattle' for the state of Washington)."""
    return {
        (e.country, area)
        for e in best
        if e is not None and e.kind == "city" and e.population >= LOCAL_POPULATION
        for area in (e.admin1, e.admin2)
        if area
    }


def _close_places(
    toponyms: list[Toponym],
    settled: list[tuple[int, Entry]],
    k: int,
    doubtful: set[int],
    mates: Mates,
) -> list[Entry]:
    """The places of other names said within CLOSE_CHARS of toponym ``k`` ('in Cairo on
    Tuesday, police fired tear gas, and in Alexandria'), but not those that themselves needed
    locating, nor the members of its list of places abroad."""
    top = toponyms[k]
    return [
        e
        for j, e in settled
        if j not in doubtful
        and j not in mates.indices
        and abs(toponyms[j].start - top.start) <= CLOSE_CHARS
        and normalize(toponyms[j].text) != normalize(top.text)
    ]


def namesake_readings(
    hits: list[Hit], top: Toponym, holders: list[Toponym], ctx: Context, others: list[Entry]
) -> list[Hit]:
    """The readings of the outlet's namesake that the article's other places locate best: a
    qualifier, its county named or the outlet's country-code domain; else a state or county
    named that holds it, or (a country or state) a town named inside it; else the nearest to
    a town named within FAR_KM. A larger homonym abroad is no evidence in the town's own paper:
    'Paris' beside 'Dallas' in The Paris News is Paris, Texas. Only a reading in the country
    the article's other names lie in most (or the outlet's) overrides, and none when the larger
    reading is located too or the best located lie in its country: the usual rules choose."""
    points = [o for o in others if o.kind not in WIDE_KINDS]
    areas = [o for o in others if o.kind in WIDE_KINDS]

    def strength(e: Entry) -> float:
        if e.country is not None and e.country == ctx.outlet:  # maltatoday.com.mt's Malta
            return 3.0
        if container_fits(e, holders) or ctx.pairs.paired(e, top.text):
            return 3.0
        if e.kind in WIDE_KINDS:
            return 2.0 * any(_inside(p, e) for p in points)
        return 2.0 if any(_holds(a, e) for a in areas) else near_score(e, points)

    leader = max(hits, key=lambda h: base_score(h, top), default=None)
    if leader is None or strength(leader.entry) > 0:
        return []  # the larger reading is located too: nothing to override
    own = [h for h in hits if h.primary or spelled_like(top.text, h.entry.name)]
    strengths = [strength(h.entry) for h in own]  # not a name it once had: Kosciusko's 'Paris'
    best = max(strengths, default=0.0)
    # Only a homonym abroad gives way, and only to a reading in the country the article's
    # other names lie in most: 'Washington' in the Washington Post stays the capital beside
    # 'Louisiana' (the same country) and beside 'London' (a story on the United States).
    apart = set(sides(leader.entry))

    def at_home(e: Entry) -> bool:
        return e.country == ctx.outlet or ctx.names_most(e, {top.text})

    return [
        h
        for h, s in zip(own, strengths, strict=True)
        if s > 0 and s == best and not set(sides(h.entry)) & apart and at_home(h.entry)
    ]


def _inside(point: Entry, area: Entry) -> bool:
    if area.kind == "country":
        return point.country == area.country
    return area.kind == "admin1" and (point.country, point.admin1) == (area.country, area.name)


def _sure_others(
    toponyms: list[Toponym], places: list[Entry | None], k: int, doubtful: set[int]
) -> list[Entry]:
    """The places chosen for the article's other names, but not those that themselves needed
    locating ('Ford' read as Ford County, Illinois, locates no Paris near it)."""
    name = normalize(toponyms[k].text)
    return [
        e
        for j, (top, e) in enumerate(zip(toponyms, places, strict=True))
        if e is not None and j not in doubtful and normalize(top.text) != name
    ]


def _short_forms(toponyms: list[Toponym], best: list[Entry | None]) -> None:
    """A water body's head word stands for the one the article names in full: 'the Gulf' in a
    story that names the Gulf of Mexico is that gulf, not the Persian Gulf its alias names
    elsewhere (when the article names two such gulfs, neither)."""
    full: defaultdict[str, dict[str, Entry]] = defaultdict(dict)
    for top, entry in zip(toponyms, best, strict=True):
        named = re.fullmatch(r"(?:the\s+)?(\w+)\s+of\s+\S.*", top.text, re.IGNORECASE)
        if named and entry is not None and entry.kind == "sea":
            full[named.group(1).casefold()][entry.key] = entry
    for k, top in enumerate(toponyms):
        entry = best[k]
        head = re.sub(r"^the\s+", "", top.text, flags=re.IGNORECASE).casefold()
        if entry is not None and entry.kind == "sea" and len(full.get(head, {})) == 1:
            best[k] = next(iter(full[head].values()))


def listed_abroad(toponyms: list[Toponym], text: str) -> dict[int, Mates]:
    """The toponyms of a list whose other members surely lie on two or more other continents
    ('demonstrations in Atlanta, Los Angeles, Paris, New York, London and Tokyo'): the list
    is of places around the world, so a neighbour's country is no evidence for a member's.
    A regional list ('Beirut, Tripoli, Sidon and Damascus') keeps it; a list ends at its
    first 'and' or 'or' ('Karachi and Sukkur, and Delhi and Dhaka' is two)."""
    runs: list[list[int]] = []
    closed = True
    for k, top in enumerate(toponyms):
        gap = text[toponyms[k - 1].end : top.start] if k else ""
        if k and not closed and LIST_GAP.fullmatch(gap):
            runs[-1].append(k)
            closed = bool(re.search(r"\b(?:and|or)\b", gap))
        else:
            runs.append([k])
            closed = False
    out: dict[int, Mates] = {}
    for run in (r for r in runs if len(r) >= LIST_MIN):
        guesses = [_sure_country(toponyms[k]) for k in run]
        for k, own in zip(run, guesses, strict=True):
            others = {g for j, g in zip(run, guesses, strict=True) if j != k and g and g != own}
            if len({continent(c) for c in others} - {None}) >= 2:
                mates = [toponyms[j] for j in run if j != k]
                out[k] = Mates(
                    frozenset(j for j in run if j != k),
                    frozenset(t.start for t in mates),
                    frozenset(t.text for t in mates if t.text != toponyms[k].text),
                )
    return out


def _sure_country(top: Toponym) -> str | None:
    """The country of the name's strongest reading when every reading in another country is
    weaker by DOMINANCE ('Tokyo', 'London'), else None ('Salisbury', 'Kent')."""
    scored = sorted(((base_score(h, top), h.entry) for h in top.hits), key=lambda se: -se[0])
    if not scored or not sides(scored[0][1]):
        return None
    best, lead = scored[0]
    rivals = [s for s, e in scored if not set(sides(e)) & set(sides(lead))]
    return lead.country if all(best - s > DOMINANCE for s in rivals) else None


def _one_sense(
    toponyms: list[Toponym],
    text: str,
    scored: dict[int, list[tuple[float, Entry]]],
    best: list[Entry | None],
) -> None:
    """Give the unqualified occurrences of each name the reading most of them chose on their
    own (ties: the best summed score), never a compromise none of them chose."""
    groups: defaultdict[str, list[int]] = defaultdict(list)
    qualified: defaultdict[str, Counter[str]] = defaultdict(Counter)
    entries: dict[str, Entry] = {}
    for k, options in scored.items():
        entry, name = best[k], toponyms[k].text.casefold()
        own = entry is not None and container_fits(entry, containers(toponyms, k, text))
        if own and entry is not None and normalize(entry.name) == normalize(toponyms[k].text):
            qualified[name][entry.key] += 1  # 'Gainesville, Ga.': the later 'Gainesville' too
            entries[entry.key] = entry
        elif own:
            continue  # a list ('Washington, New York and Boston') may look like a qualifier
        elif options:
            groups[name].append(k)
    for name, members in groups.items():
        if qualified[name]:
            chosen = entries[qualified[name].most_common(1)[0][0]]
            for k in members:
                best[k] = chosen
            continue
        if len(members) < 2:
            continue
        totals: defaultdict[str, float] = defaultdict(float)
        for k in members:
            for value, entry in scored[k]:
                totals[entry.key] += value
                entries[entry.key] = entry
        votes = Counter(best[k].key for k in members if best[k] is not None)  # type: ignore[union-attr]
        if not votes:
            continue
        key = max(votes, key=lambda key: (votes[key], totals[key]))
        for k in members:
            best[k] = entries[key]
