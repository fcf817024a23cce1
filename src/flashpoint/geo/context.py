"""What a whole article says about where it is: the first guess of every toponym summed into
its countries, states and counties (:class:`Context`), and the candidate's own merit before the
article is read (``base_score``: kind, size, own name, capital, the kind a word beside it
suggests). :mod:`flashpoint.geo.resolve` scores each candidate against this context."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from flashpoint.geo.focus import DATELINE_WEIGHT
from flashpoint.geo.gazetteer import Entry, Hit
from flashpoint.geo.names import normalize
from flashpoint.geo.pairs import Pairs
from flashpoint.geo.toponyms import Toponym

KIND_PRIOR = {"country": 3.0, "continent": 2.5, "admin1": 1.5, "admin2": 0.0, "city": 0.0}
CURATED_PRIOR = 3.0
HINT_KINDS = {
    "admin1": {"admin1", "region"},
    "region": {"admin1", "admin2", "region", "zone", "sea", "continent"},
    "admin2": {"admin2"},
    "city": {"city"},
    "line": {"line", "crossing"},
    "crossing": {"crossing", "line"},
    "base": {"base"},
    "island": {"island"},
}
NO_COUNTRY_SHARE = 0.75
REGION_POPULATION = 10_000_000
CAPITAL = 2.0
HOME_SHARE = 0.25
CONTINENT_KEY = "ct:"  # the gazetteer's continents: 'ct:EU', coded as GeoNames codes them
Key = tuple[str | None, ...]


@dataclass
class Context:
    """What the whole article says about where it is."""

    countries: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, country)
    areas: list[tuple[str, dict[Key, float]]] = field(default_factory=list)  # per toponym
    outlet: str | None = None
    surface_countries: dict[str, dict[str, float]] = field(default_factory=dict)
    surface_counts: Counter[str] = field(default_factory=Counter)
    pairs: Pairs = field(default_factory=Pairs)  # towns and counties that confirm each other
    _totals: defaultdict[Key, float] | None = None
    _by_surface: dict[str, defaultdict[Key, float]] = field(default_factory=dict)
    _local: dict[tuple[str, int, int, bool, frozenset[int]], float] = field(default_factory=dict)
    _focus: dict[str, str | None] = field(default_factory=dict)
    peoples: set[str] = field(default_factory=set)  # surfaces read as a people's word

    def share_apart(self, entry: Entry, surface: str) -> float:
        """The share by the article's other words: a name said eight times does not make its
        own first guess the article's focus."""
        return self.share_without(entry, {surface})

    def share_damped(self, entry: Entry, surface: str) -> float:
        """The share with the name's own repeats adding less and less (1 + log2 n mentions'
        worth for n): 'Dublin' said eight times in an Ohio paper weighs as four mentions of
        Ireland, while 'Georgia' said twice still outweighs one 'U.S.' (0.75: no country)."""
        if not sides(entry):
            return NO_COUNTRY_SHARE
        count = max(1, self.surface_counts[surface])
        own = self.surface_countries.get(surface, {})
        kept = (1 + math.log2(count)) / count  # 1, 2, 2.6, 3 ... mentions for 1, 2, 3, 4
        once = {c: w - own.get(c, 0.0) * (1 - kept) for c, w in self.countries.items()}
        top = max(once.values(), default=0.0)
        return max(once.get(c, 0.0) / top for c in sides(entry)) if top > 0 else 0.0

    def share_without(self, entry: Entry, surfaces: set[str]) -> float:
        """The share by the article's words other than ``surfaces``."""
        apart = self._apart(surfaces)
        top = max(apart.values(), default=0.0)
        if not sides(entry) or top <= 0:
            return 0.0
        return max(apart.get(c, 0.0) / top for c in sides(entry))

    def names_most(self, entry: Entry, surfaces: set[str]) -> bool:
        """Do the article's other names (not ``surfaces``; each name once, however often
        said) lie in the entry's country at least as often as in any other? 'the US' said
        twenty times in a story on Iraq is one name; a local paper names many of its own."""
        names: Counter[str] = Counter()
        for surface, countries in self.surface_countries.items():
            if surface not in surfaces:
                names.update(c for c, w in countries.items() if w > 0)
        most = max(names.values(), default=0)
        return most > 0 and any(names[c] == most for c in sides(entry))

    def focus(self, surface: str) -> str | None:
        """The country the article's words other than ``surface`` (in any case) name most, when
        they name one at least as much as one country's own name."""
        if surface not in self._focus:
            self._focus[surface] = self._focus_apart(surface)
        return self._focus[surface]

    def _apart(self, surfaces: set[str]) -> dict[str, float]:
        """The article's countries, weighed by its words other than ``surfaces``."""
        apart = dict(self.countries)
        for surface in surfaces:
            for c, w in self.surface_countries.get(surface, {}).items():
                apart[c] -= w
        return apart

    def _focus_apart(self, surface: str) -> str | None:
        name = normalize(surface)  # 'HAMILTON' in the dateline is the same name as 'Hamilton'
        # a people's word ('Italian food', 'Irish pubs') names a people, not where the story is
        same = {s for s in self.surface_countries if normalize(s) == name}
        apart = self._apart(same | self.peoples)
        ranked = sorted(apart.values(), reverse=True)
        if not ranked or ranked[0] < 1.0 or (len(ranked) > 1 and ranked[1] == ranked[0]):
            return None  # no country named enough, or two named as much: no one focus
        return next(c for c, w in apart.items() if w == ranked[0])

    def named_elsewhere(self, country: str, surface: str) -> bool:
        """Does the article name the country by words other than ``surface``?"""
        own = self.surface_countries.get(surface, {}).get(country, 0.0)
        return self.countries.get(country, 0.0) - own > 0

    def home(self) -> str | None:
        """The outlet's country as a prior: only when the article names no country or names
        the outlet's at least HOME_SHARE as often as its most named one (a US outlet's story
        on Egypt that says 'U.S.' once does not make 'Geneva' the one in Illinois)."""
        top = max(self.countries.values(), default=0.0)
        if self.outlet is None or (
            top > 0 and self.countries.get(self.outlet, 0.0) < HOME_SHARE * top
        ):
            return None
        return self.outlet

    def local(
        self, country: str, top: Toponym, before: bool = False, apart: frozenset[int] = frozenset()
    ) -> float:
        """Closeness of the nearest other mention of the country (1 when adjacent); ``before``:
        of one before it (a continent sets the scene: 'elsewhere in Europe, in Geneva', while
        'between St. Petersburg and North America' contrasts); mentions starting at ``apart``
        (the toponym's list mates) left out."""
        key = (country, top.start, top.end, before, apart)
        known = self._local.get(key)
        if known is None:
            gaps = [
                max(0, top.start - end, start - top.end)
                for start, end, c in self.mentions
                if c == country
                and start != top.start
                and start not in apart
                and (not before or end <= top.start)
            ]
            known = self._local[key] = math.exp(-min(gaps) / 60) if gaps else 0.0
        return known

    def support(self, entry: Entry, surface: str, apart: frozenset[str] = frozenset()) -> float:
        """Other toponyms (other words, not those ``apart``) that may lie in the same state or
        county."""
        if self._totals is None:  # sums per key, overall and per surface, made once
            self._totals, self._by_surface = defaultdict(float), {}
            for text, weights in self.areas:
                own = self._by_surface.setdefault(text, defaultdict(float))
                for key, w in weights.items():
                    self._totals[key] += w
                    own[key] += w
        left_out: list[dict[Key, float]] = [
            self._by_surface.get(t) or {} for t in {surface, *apart}
        ]
        return sum(
            self._totals.get(k, 0.0) - sum(w.get(k, 0.0) for w in left_out)
            for k in area_keys(entry)
        )


def sides(entry: Entry) -> tuple[str, ...]:
    return entry.countries or ((entry.country,) if entry.country else ())


def area_keys(e: Entry) -> list[Key]:
    """The state and county a place lies in (a state or county: itself)."""
    if e.kind == "admin1":
        return [(e.country, e.name)]
    if e.kind == "admin2":
        return [(e.country, e.admin1), (e.country, e.admin1, e.name)]
    if e.kind == "city" and e.admin1:
        return (
            [(e.country, e.admin1), (e.country, e.admin1, e.admin2)]
            if e.admin2
            else [(e.country, e.admin1)]
        )
    return []


def area_weights(hits: list[Hit], top: Toponym) -> dict[Key, float]:
    """Each state or county the toponym may lie in, weighted by how likely each reading is
    on its own merit (a softmax of the base scores): 'Greece' is the country far more than
    the town in New York, so it lends New York almost no support."""
    if not hits:
        return {}
    scores = [base_score(h, top) for h in hits]
    top_score = max(scores)
    likely = [math.exp(s - top_score) for s in scores]
    total = sum(likely)
    out: dict[Key, float] = defaultdict(float)
    for hit, weight in zip(hits, likely, strict=True):
        for key in set(area_keys(hit.entry)):
            out[key] += weight / total
    return dict(out)


def base_score(hit: Hit, top: Toponym) -> float:
    e = hit.entry
    prior = KIND_PRIOR.get(e.kind, CURATED_PRIOR)
    if e.kind.startswith("admin") and not hit.primary:
        prior -= 1.0  # 'Kharkiv' is the city; its oblast is 'Kharkivska oblast'
    score = prior + 0.35 * math.log10(population(e) + 1)
    score += 0.8 * hit.primary + CAPITAL * e.capital
    if top.hint:
        score += 2.0 if e.kind in HINT_KINDS.get(top.hint, ()) else -1.0
    return score


def population(e: Entry) -> int:
    """A region of several countries ('Middle East') has no census figure; it weighs as a
    large place, so a town named after it ('Middle East', Maryland) needs a qualifier."""
    if e.population == 0 and e.country is None and e.kind in ("region", "continent"):
        return REGION_POPULATION
    return e.population


def allowed(hit: Hit, anchors: dict[str, float]) -> bool:
    return not hit.requires or any(anchors.get(c, 0.0) > 0 for c in hit.requires)


def context_of(toponyms: list[Toponym], outlet: str | None) -> Context:
    """First guesses of every toponym, summed into the article's countries and states."""
    ctx = Context(outlet=outlet)
    anchors: dict[str, float] = defaultdict(float)
    for top in toponyms:
        countries = {h.entry.country for h in top.hits if h.entry.kind == "country"}
        if len(countries) == 1 and not any(h.requires for h in top.hits):
            anchors.update({c: 1.0 for c in countries if c})
    for top in toponyms:
        hits = [h for h in top.hits if allowed(h, anchors)]
        if not hits:
            continue
        best = max(hits, key=lambda h: base_score(h, top))
        first = best.entry
        if best.demonym:
            ctx.peoples.add(top.text)
        weight = 1.0 if first.kind == "country" else 0.5
        own = ctx.surface_countries.setdefault(top.text, {})
        ctx.surface_counts[top.text] += 1
        if first.key.startswith(CONTINENT_KEY):
            ctx.mentions.append((top.start, top.end, "@" + first.key.removeprefix(CONTINENT_KEY)))
        for c in sides(first):
            ctx.countries[c] += DATELINE_WEIGHT if top.dateline else weight
            own[c] = own.get(c, 0.0) + (DATELINE_WEIGHT if top.dateline else weight)
            ctx.mentions.append((top.start, top.end, c))
        ctx.areas.append((top.text, area_weights(hits, top)))
        ctx.pairs.add(top.text, hits)
    return ctx
