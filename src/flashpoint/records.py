"""The typed records that flow between stages.

Every stage takes and returns these; no stage reaches into another's internals.
Records are frozen; ``to_dict``/``from_dict`` give a JSON-safe round trip.
Offsets are character offsets (Python ``str`` indices) into ``Article.text``.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, TypeVar

T = TypeVar("T", bound="Record")


class Record:
    """Mixin: shallow dict round trip for frozen dataclasses of JSON-safe fields."""

    _nested: ClassVar[dict[str, type[Record]]] = {}

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                out[f.name] = [v.to_dict() if isinstance(v, Record) else v for v in value]
            elif isinstance(value, Record):
                out[f.name] = value.to_dict()
            else:
                out[f.name] = value
        return out

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        kwargs: dict[str, Any] = {}
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        for name, value in data.items():
            if name not in names:
                continue
            nested = cls._nested.get(name)
            if nested is not None and isinstance(value, list):
                kwargs[name] = tuple(nested.from_dict(v) for v in value)
            elif nested is not None and isinstance(value, dict):
                kwargs[name] = nested.from_dict(value)
            elif isinstance(value, list):
                kwargs[name] = tuple(tuple(v) if isinstance(v, list) else v for v in value)
            else:
                kwargs[name] = value
        return cls(**kwargs)


def article_id(raw: bytes) -> str:
    """An article's id: the first 16 hex digits of the SHA-256 of its raw bytes."""
    return hashlib.sha256(raw).hexdigest()[:16]


@dataclass(frozen=True)
class Article(Record):
    """One raw article as a scraper saved it.

    ``text`` is the raw text every offset points into: the decoded file for plain text,
    the text trafilatura extracted for HTML (``markup`` keeps the HTML itself).
    """

    id: str
    source: str  # path, path#line=N, path#record=N, URL, or "<stdin>"
    format: str  # txt | html | json | jsonl | warc | feed | stdin | fetch
    text: str
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    language: str | None = None
    url: str | None = None
    external_id: str | None = None
    markup: str | None = None


@dataclass(frozen=True)
class Segment(Record):
    """A run of clean text copied verbatim from ``Article.text``."""

    clean_start: int
    raw_start: int
    length: int


@dataclass(frozen=True)
class Removal(Record):
    """A span of raw text that cleaning left out of the body, and why."""

    start: int
    end: int
    reason: str  # e.g. ad, promo, share, read_more, repeat, near_repeat, caption, byline
    detail: str = ""


@dataclass(frozen=True)
class MetaSpan(Record):
    """Text kept apart from the body: title, subheading, byline, caption, credit."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CleanText(Record):
    """The body of an article with its map back to raw offsets.

    Clean text is made of verbatim ``segments`` of the raw text joined by separators
    (blank lines). A separator character maps to the raw offset where the previous
    segment ends, so every clean character has a raw offset.
    """

    _nested: ClassVar[dict[str, type[Record]]] = {
        "segments": Segment,
        "removed": Removal,
        "meta": MetaSpan,
    }

    article_id: str
    text: str
    segments: tuple[Segment, ...] = ()
    removed: tuple[Removal, ...] = ()
    meta: tuple[MetaSpan, ...] = ()
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(s.clean_start for s in self.segments))

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out.pop("_starts", None)
        return out

    def raw_offset(self, i: int) -> int:
        """Raw offset of clean character ``i`` (``i == len(text)`` maps past the end)."""
        if not self.segments:
            return 0
        k = bisect.bisect_right(self._starts, i) - 1
        if k < 0:
            return self.segments[0].raw_start
        seg = self.segments[k]
        if i < seg.clean_start + seg.length:
            return seg.raw_start + (i - seg.clean_start)
        return seg.raw_start + seg.length  # separator or end: boundary after the segment

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` covering clean ``[start, end)``."""
        if end <= start:
            return self.raw_offset(start), self.raw_offset(start)
        return self.raw_offset(start), self.raw_offset(end - 1) + 1

    def meta_of(self, kind: str) -> list[str]:
        return [m.text for m in self.meta if m.kind == kind]


@dataclass(frozen=True)
class Rejected(Record):
    """Input that could not be used: where, at which stage, a stable code and one line."""

    path: str
    stage: str
    reason: str  # a stable code from flashpoint.errors
    detail: str = ""

    def line(self) -> str:
        """One printable line: a newline or control character in a file name or message is
        written as an escape, so it can neither split nor forge a line."""
        return f"{_one_line(self.path)}: {self.reason}: {_one_line(self.detail)}"


_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029\ud800-\udfff]")


def _one_line(text: str) -> str:
    return _CONTROL.sub(lambda m: ascii(m.group(0))[1:-1], text)


# --- extraction records ------------------------------------------------------------------
# Offsets in these records are into ``CleanText.text`` unless a field says otherwise;
# ``CleanText.raw_span`` turns them into raw offsets.


@dataclass(frozen=True)
class DateValue(Record):
    """A resolved date or range with its precision and the rule that produced it."""

    start: str  # ISO date YYYY-MM-DD, first day
    end: str  # ISO date, last day (== start for a single day)
    precision: str  # day | week | month | year
    rule: str  # e.g. "weekday-before-published", "explicit-month-day", "relative-yesterday"
    text: str = ""  # the phrase as written
    span_start: int = -1
    span_end: int = -1
    time: str | None = None  # local clock time "08:30" when given
    background: bool = False  # history ("since 2006", "in 2018"): never an event date


@dataclass(frozen=True)
class Quantity(Record):
    """A count of people: participants, injured, killed (ACLED rules applied)."""

    kind: str  # participants | injured | killed | arrested | other
    min: int | None
    max: int | None
    text: str
    span_start: int = -1
    span_end: int = -1
    rule: str = ""  # e.g. "number", "range", "vague:dozens=12", "vague:several=3"


STATE_ROLES = frozenset({"military", "government", "police"})  # a state acting
# The rule of a date the text does not give: the week up to publication (extract/when.py); the
# merge ties such a report to an incident only through its article or its place.
UNDATED_RULE = "publication-week"
# Actor.inferred of an actor whose country is the article's, not its own words'
COUNTRY_FROM_CONTEXT = "country from article context"
# Why a mention's actor1 is a state's armed forces or police where the text names the state
# (extract/acled_names.py): a renaming of words the sentence gives, so still an anchor for
# the merge, unlike an actor carried in from another sentence
STATE_FORCE_RULE = "ACLED codes a state named by its country by the force that does the act"
CROWD_ROLES = frozenset({"protesters", "rioters"})  # ACLED codes these by where they gather
# How the geo stage marks a crowd whose country it took from the event's place
CROWD_FROM_PLACE = "country of the event's place: ACLED codes a crowd by where it gathers"
# Bare civilians and police ("villagers", "police officers") are those of where they are, not
# of the article's main country: ACLED's "Civilians (X)" is the country of the event; so are
# armed men named by no group ("gunmen": "Unidentified Armed Group (X)"; "insurgents": "Rebels
# (X)")
LOCAL_ROLES = frozenset({"civilians", "police", "rebels", "unidentified_armed_group"})
LOCAL_FROM_PLACE = (
    "country of the event's place: bare civilians, police and unnamed armed men are of where "
    "they are"
)
# A country taken from the place tells nothing the place does not: the geo check reads the
# place itself, not such a country
FROM_PLACE = frozenset({CROWD_FROM_PLACE, LOCAL_FROM_PLACE})


@dataclass(frozen=True)
class Actor(Record):
    """Who did it, or to whom: the surface words and their normalised form."""

    text: str  # as written
    name: str  # normalised, e.g. "Military Forces of North Korea"
    country: str | None  # ISO 3166-1 alpha-3
    role: str  # military | government | police | rebels | militia | civilians | protesters | ...
    inter: int | None  # ACLED inter code
    span_start: int = -1
    span_end: int = -1
    inferred: str = ""  # empty when read from the text; else how it was inferred


@dataclass(frozen=True)
class Span(Record):
    """Characters ``[start, end)`` of the clean text, and what they say."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention(Record):
    """One report of one event in one sentence of one article.

    Every field either carries its span in the clean text or says how it was inferred
    (``inferred``: field name -> rule).
    """

    _nested: ClassVar[dict[str, type[Record]]] = {
        "trigger": Span,
        "sentence": Span,
        "actor1": Actor,
        "actor2": Actor,
        "actors": Actor,
        "participants": Quantity,
        "injured": Quantity,
        "killed": Quantity,
        "date": DateValue,
        "claimant": Actor,
    }

    id: str
    article_id: str
    type: str  # an ontology type id, e.g. "border_crossing"
    trigger: Span
    sentence: Span
    # happened | planned | claimed | denied | threatened | hypothetical | negated | historical
    mode: str
    mode_cue: str = ""  # the words that set the mode, or "" for the default
    actor1: Actor | None = None
    actor2: Actor | None = None
    actors: tuple[Actor, ...] = ()  # every actor named in the sentence
    participants: Quantity | None = None
    injured: Quantity | None = None
    killed: Quantity | None = None
    date: DateValue | None = None
    claimant: Actor | None = None
    confidence: float = 0.0
    inferred: tuple[tuple[str, str], ...] = ()
    raw_start: int = -1  # the sentence in Article.text
    raw_end: int = -1
    place: Place | None = None  # set by the geo stage
    cue_weight: float = 0.0  # how sure the cue word alone makes the type (event_cues.tsv)
    # The sentence counts several events at once ("the three crossings", "a series of
    # accidents"): it summarises; it never founds or joins a single incident.
    several: bool = False
    # The trigger is a definite description ("the shelling", "the attack"): it may refer back
    # to an act the article has reported already (see flashpoint.extract.backref).
    definite: bool = False
    # The trigger is the subject of a verb of continuing ("the clashes continued into
    # Wednesday"): the act the article reported goes on to this date (flashpoint.extract.backref).
    continues: bool = False
    # The id of the earlier mention of the same act that this one refers back to, goes on
    # from or is part of ("" for none; flashpoint.extract.backref): naming no place of its
    # own, it is where that act was (flashpoint.geo.locate.antecedent_places).
    refers_to: str = ""
    # Why this candidate is not an event ("" when it is one): "code: explanation". Kept so that
    # `flashpoint extract --explain` can say why a sentence gave nothing.
    dropped: str = ""


@dataclass(frozen=True)
class Place(Record):
    """Where an event happened, with an honest precision and how it was chosen."""

    name: str
    latitude: float | None
    longitude: float | None
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    admin2: str | None = None
    kind: str = ""  # city, admin1, admin2, country, zone, line, crossing, base, sea, region
    geonames_id: int | None = None
    geo_precision: int = 3  # ACLED: 1 the place, 2 near it or part of a region, 3 larger area
    text: str = ""  # the words in the article, when read from it
    span_start: int = -1  # clean-text offsets of those words
    span_end: int = -1
    rule: str = ""  # how the place was chosen: sentence | paragraph | article | country | ...
    source: str = ""  # gazetteer the coordinates come from
    area_only: bool = False  # located only to a country or region: the point is its centre


Mention._nested = {**Mention._nested, "place": Place}


@dataclass(frozen=True)
class Source(Record):
    """One report behind an event: the article, the outlet and the sentence, with raw offsets."""

    article_id: str
    mention_id: str
    outlet: str | None
    published: str | None
    quote: str  # the sentence as it stands in the article
    start: int  # raw offsets of the sentence in Article.text
    end: int
    duplicate_of: str | None = None  # set for a syndicated copy (counted once)


@dataclass(frozen=True)
class Event(Record):
    """One real-world event: the fields chosen from its mentions by stated rules.

    ``chosen`` says, per field, which mention it came from and by which rule; ``conflicts``
    keeps the values the mentions disagree on.
    """

    _nested: ClassVar[dict[str, type[Record]]] = {
        "actors": Actor,
        "location": Place,
        "participants": Quantity,
        "injured": Quantity,
        "killed": Quantity,
        "date": DateValue,
        "sources": Source,
    }

    id: str
    type: str
    mode: str
    date: DateValue | None
    actors: tuple[Actor, ...] = ()
    location: Place | None = None
    participants: Quantity | None = None
    injured: Quantity | None = None
    killed: Quantity | None = None
    sources: tuple[Source, ...] = ()
    related: tuple[tuple[str, str], ...] = ()  # (event id, relation)
    chosen: tuple[tuple[str, str], ...] = ()  # (field, "mention <id>: <rule>")
    conflicts: tuple[tuple[str, str], ...] = ()  # (field, "value from source; other value")
    n_outlets: int = 0
    # How sure flashpoint is that this is a real event (0-1): its surest report, raised by
    # independent outlets (flashpoint/confidence.py). Below the setting
    # `events.min_confidence` an event is in the review queue, not the default list.
    confidence: float = 0.0
