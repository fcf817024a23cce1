"""Actor phrases in a sentence, normalised ACLED-style ("Military Forces of North Korea").

Everything known about actors is in ``data/actors.tsv`` (named actors and role nouns) and
``data/countries.tsv`` (names, demonyms, capitals). This module matches those forms on word
tokens, longest first, and combines a country word with a role noun: "North Korean soldiers",
"Russia's ambassador", "the government of Sudan". A bare role noun takes its country from the
article context, and says so in ``Actor.inferred``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from flashpoint.countries import of_country
from flashpoint.datafiles import read_tsv
from flashpoint.records import COUNTRY_FROM_CONTEXT, Actor

FROM_CONTEXT = COUNTRY_FROM_CONTEXT
_TOKEN = re.compile(r"\w+(?:\.\w+)*|['’]s\b|[^\w\s]")
_PLACEHOLDER = re.compile(r"\s*\(\{country\}\)|\s+of\s+\{of_country\}")
# a country name after these is a place ("in Russia"), not an actor ("Russia said")
_LOCATIVE = frozenset(
    "in at near to from into across inside outside around toward towards "
    "through throughout within of along off over".split()
)
_ARTICLES = frozenset({"the", "a", "an"})
_STANCE = frozenset({"pro", "anti"})
# words that cannot stand between a demonym and its role noun ("Russia and the North")
_NOT_FILLER = (
    _LOCATIVE
    | _ARTICLES
    | frozenset(
        "and or but nor as than that which who whose is was were are be been has have had will "
        "would could can may might must said says say also not".split()
    )
)


def _rows(name: str) -> list[dict[str, str]]:
    return read_tsv(name)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Word, possessive and punctuation tokens with their offsets."""
    return [(m.group().replace("’", "'"), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@dataclass(frozen=True)
class Entry:
    words: tuple[str, ...]
    kind: str  # actor | role | nation | capital | demonym
    name: str  # a name, or a template with {country} / {of_country}
    country: str | None
    role: str
    inter: int | None
    context: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Table:
    index: dict[str, tuple[Entry, ...]]  # lowercase first word -> entries, longest first
    countries: dict[str, tuple[str, str]]  # iso3 -> (name, article)
    labels: dict[int, str]  # inter code -> label


def _words(surface: str) -> tuple[str, ...]:
    return tuple(t for t, _, _ in tokens(surface))


def _country_entries(row: dict[str, str]) -> list[Entry]:
    iso, gov = row["iso3"], "Government of {of_country}"
    out = []
    for field, kind in (("name", "nation"), ("aliases", "nation"), ("capitals", "capital")):
        for s in filter(None, row[field].split("|")):
            out.append(Entry(_words(s), kind, gov, iso, "government", 1))
    for s in filter(None, row["demonyms"].split("|")):
        out.append(Entry(_words(s), "demonym", "", iso, "", None))
    return out


def _actor_entry(row: dict[str, str]) -> Entry:
    templated = "{" in row["name"]
    return Entry(
        _words(row["surface"]),
        kind="role" if templated else "actor",
        name=row["name"],
        country=row["country"] or None,
        role=row["role"],
        inter=int(row["inter"]) if row["inter"] else None,
        context=frozenset(filter(None, row["context"].split("|"))),
    )


@lru_cache(maxsize=1)
def table() -> Table:
    countries, entries = {}, []
    for row in _rows("countries.tsv"):
        countries[row["iso3"]] = (row["name"], row["article"])
        entries += _country_entries(row)
    actor_rows = _rows("actors.tsv")
    entries += [_actor_entry(r) for r in actor_rows]
    index: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        index[e.words[0].lower()].append(e)
    labels = {int(r["inter"]): r["inter_label"] for r in actor_rows if r["inter"]}
    return Table(
        index={k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in index.items()},
        countries=countries,
        labels=labels,
    )


def inter_label(inter: int | None) -> str:
    """The newer codebook's label for an inter code ("State forces"), "" for None."""
    return table().labels.get(inter, "") if inter is not None else ""


def _same(pattern: str, word: str, strict: bool) -> bool:
    if pattern.lower() != word.lower():
        return False
    if not strict or not pattern[:1].isupper():
        return True
    if len(pattern) > 1 and pattern.isupper():
        return word == pattern  # acronyms: JCS, IS, M23
    return word[:1].isupper()


@dataclass(frozen=True)
class Scan:
    """The sentence being scanned: its tokens, context and case mode."""

    words: tuple[str, ...]
    context: str | None
    strict: bool
    # a sentence written without capitals (scraped lowercase text): an acronym bound to the
    # article's country by its `context` ('raf' in an Indian article) matches in any case
    caseless: bool = False
    # (role, country): the force or crowd of that role the article last named with its
    # country; a bare "the army" is that army, not the country of whoever spoke last
    forces: tuple[tuple[str, str], ...] = ()

    def match(self, i: int, kinds: tuple[str, ...]) -> tuple[Entry, int] | None:
        """The longest entry of one of ``kinds`` starting at token ``i``, and where it ends."""
        if i >= len(self.words):
            return None
        for e in table().index.get(self.words[i].lower(), ()):
            end = i + len(e.words)
            if e.kind not in kinds or end > len(self.words):
                continue
            if e.context and self.context not in e.context:
                continue
            strict = self.strict and not (self.caseless and e.context)
            if all(_same(p, w, strict) for p, w in zip(e.words, self.words[i:end], strict=True)):
                return e, end
        return None

    def filler(self, i: int) -> bool:
        """One lowercase word that may stand between a demonym and its role noun."""
        w = self.words[i] if i < len(self.words) else ""
        return w.isalpha() and w.islower() and w not in _NOT_FILLER


@dataclass(frozen=True)
class Hit:
    start: int
    end: int  # token index after the last token
    entry: Entry
    country: str | None
    inferred: str = ""


def _role_after(scan: Scan, nation: tuple[Entry, int]) -> tuple[Entry, int] | None:
    """A role noun after a country word: "Russia's ambassador", "North Korean frontline troops",
    "ROK military", "Kremlin officials" (a country's name needs the possessive)."""
    entry, j = nation
    if j < len(scan.words) and scan.words[j] == "'s":
        j += 1
    elif entry.kind == "nation" and not all(w.isupper() or not w.isalnum() for w in entry.words):
        return None
    return scan.match(j, ("role",)) or (scan.match(j + 1, ("role",)) if scan.filler(j) else None)


def _nation_after_of(scan: Scan, j: int) -> tuple[Entry, int] | None:
    """ "of Sudan" / "of the United States" after a role noun."""
    if j >= len(scan.words) or scan.words[j].lower() != "of":
        return None
    j += 1 if j + 1 < len(scan.words) and scan.words[j + 1].lower() == "the" else 0
    return scan.match(j + 1, ("nation", "capital"))


def _absorb(scan: Scan, end: int, role: str | None) -> int:
    """Role nouns right after an actor that only restate it: "Hezbollah fighters"."""
    more = scan.match(end, ("role",))
    while more and more[0].country is None and (role is None or more[0].role == role):
        end = more[1]
        more = scan.match(end, ("role",))
    return end


def _candidates(scan: Scan, i: int) -> list[Hit]:
    out: list[Hit] = []
    for kinds in (("demonym",), ("nation", "capital")):  # "Myanmar" is both
        nation = scan.match(i, kinds)
        role = _role_after(scan, nation) if nation else None
        if nation and role:
            out.append(Hit(i, _absorb(scan, role[1], role[0].role), role[0], nation[0].country))
        elif (
            nation
            and kinds != ("demonym",)
            and (i == 0 or scan.words[i - 1].lower() not in _LOCATIVE)
        ):
            out.append(Hit(i, nation[1], nation[0], nation[0].country))
    named = scan.match(i, ("actor",))
    if named:
        out.append(Hit(i, _absorb(scan, named[1], None), named[0], named[0].country))
    role = scan.match(i, ("role",))
    if role:
        of = _nation_after_of(scan, role[1])
        owned = _owned(scan, role)
        if of:
            out.append(Hit(i, of[1], role[0], of[0].country))
        elif owned:
            out.append(Hit(i, _absorb(scan, owned[1], owned[0].role), owned[0], role[0].country))
        else:
            out.append(_bare_role(scan, i, role))
    return out


def _owned(scan: Scan, role: tuple[Entry, int]) -> tuple[Entry, int] | None:
    """A role noun owned by a leader or government: "Kim Jong Un's troops"."""
    entry, end = role
    if entry.role != "government" or not entry.country or end >= len(scan.words):
        return None
    return scan.match(end + 1, ("role",)) if scan.words[end] == "'s" else None


def _bare_role(scan: Scan, i: int, role: tuple[Entry, int]) -> Hit:
    entry, end = role
    end = _absorb(scan, end, entry.role)
    if entry.country:
        return Hit(i, end, entry, entry.country)
    # "its border guards" are the possessor's, whom the country last named stands for
    country = (
        scan.context if _possessed(scan, i) else dict(scan.forces).get(entry.role, scan.context)
    )
    return Hit(i, end, entry, country, FROM_CONTEXT if country else "")


_POSSESSIVES = frozenset({"its", "their", "our", "his", "her", "whose"})


def _possessed(scan: Scan, i: int) -> bool:
    """A possessive pronoun before the role noun ("its troops", "their own police")."""
    before = [w.lower() for w in scan.words[max(0, i - 2) : i]]
    if before and before[-1] == "own":
        before.pop()
    return bool(before) and before[-1] in _POSSESSIVES


def _hit_at(scan: Scan, i: int) -> Hit | None:
    hits = _candidates(scan, i)
    return max(hits, key=lambda h: h.end) if hits else None


def _name(entry: Entry, country: str | None) -> str:
    if "{" not in entry.name:
        return entry.name
    if country is None or country not in table().countries:
        return _PLACEHOLDER.sub("", entry.name)
    name, _ = table().countries[country]
    return entry.name.replace("{of_country}", of_country(country)).replace("{country}", name)


def _actor(hit: Hit, text: str, start: int, end: int) -> Actor:
    e, country = hit.entry, hit.country
    name = _name(e, country)
    return Actor(text[start:end], name, country, e.role, e.inter, start, end, hit.inferred)


def _stance(scan: Scan, i: int) -> bool:
    """ "pro-government demonstrators", "anti-American protests": the word after "pro-" or
    "anti-" names what the people support or oppose, never who they are."""
    return i >= 2 and scan.words[i - 1] == "-" and scan.words[i - 2].lower() in _STANCE


def find_actors(
    text: str, *, context_country: str | None = None, forces: Mapping[str, str] | None = None
) -> list[Actor]:
    """Actor phrases in one sentence, longest match first, with offsets into ``text``.

    A bare role noun takes ``context_country``, or for a force or a crowd (police, army,
    protesters) the country of the same one named last (``forces``: role -> country)."""
    toks = tokens(text)
    words = tuple(t for t, _, _ in toks)
    caseless = not any(w[:1].isupper() for w in words)
    known = tuple(sorted((forces or {}).items()))
    scan = Scan(words, context_country, strict=True, caseless=caseless, forces=known)
    out, i = [], 0
    while i < len(toks):
        hit = _hit_at(scan, i)
        if hit is None or _stance(scan, i):
            i += 1
            continue
        out.append(_actor(hit, text, toks[hit.start][1], toks[hit.end - 1][2]))
        i = hit.end
    return out


def named_countries(text: str) -> tuple[set[str], set[str]]:
    """The countries a sentence names, as a party or not, in one scan: by their name or their
    capital ('in Algiers'), and by their people ('Egyptian cities')."""
    words = tuple(t for t, _, _ in tokens(text))
    scan = Scan(words, None, strict=True, caseless=not any(w[:1].isupper() for w in words))
    places: set[str] = set()
    peoples: set[str] = set()
    for i in range(len(words)):
        for kinds, found in ((("nation", "capital"), places), (("demonym",), peoples)):
            hit = scan.match(i, kinds)
            if hit is not None and hit[0].country:
                found.add(hit[0].country)
    return places, peoples


def _variants(words: list[str]) -> list[list[str]]:
    """The words as given, then with the last word's number changed (soldiers <-> soldier)."""
    last = words[-1] if words else ""
    forms = [last[:-3] + "y", last[:-1], last[:-2]] if last.endswith("ies") else [last[:-1]]
    if not last.endswith("s"):
        forms = [last + "s", last[:-1] + "ies" if last.endswith("y") else last + "es"]
    return [words] + [[*words[:-1], f] for f in forms if f]


def normalise_actor(
    surface: str, *, context_country: str | None = None, strict: bool = False
) -> Actor | None:
    """The actor a whole phrase names ("South Korean troops", "the defence ministry"), or None.

    A leading article, a trailing possessive and a plural are normalised away, and case too
    unless ``strict``: in text with capitals a common noun is no acronym ('car' is not CAR).
    """
    words = [t for t, _, _ in tokens(surface)]
    if words and words[-1] == "'s":
        words.pop()
    starts = [words, words[1:]] if words and words[0].lower() in _ARTICLES else [words]
    for base in starts:
        for ws in _variants(base):
            hit = _hit_at(Scan(tuple(ws), context_country, strict=strict), 0)
            if hit and hit.end == len(ws):
                return replace(_actor(hit, surface, 0, len(surface)), span_start=-1, span_end=-1)
    return None
