"""Named sites inside a town: a street, a hospital, a stadium ('Quince Street', 'Kestrel
Arena', "St Anne's Children's Hospital").

The gazetteer lists towns, not their streets and buildings. ACLED codes an event at such a
site at the town it lies in; so does flashpoint. A capitalised name that ends in a site word
(``geo_words.tsv``, kind ``site``) and names no place of the gazetteer is placed at the town
the text names with it: the town right after it ('Kestrel Arena in Leeds', 'Quince Street,
Pittsburgh'), else the last town its paragraph named before it, else the first its paragraph
names after it. With none, it stays unplaced: a town named paragraphs away may be another
story's. A person's name ('Mr Hall', 'Stuart Hall' tagged a person) is no site, nor is an
institution's ('the International Criminal Court'). The place keeps the site's words, and
its source says it is the site's town, inferred.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from flashpoint.geo.gazetteer import Entry
from flashpoint.geo.lexicon import words
from flashpoint.geo.locate import PARAGRAPH_AFTER, PARAGRAPH_BEFORE
from flashpoint.geo.names import title_case
from flashpoint.geo.persons import person_cues
from flashpoint.geo.toponyms import Toponym

TOWN_KINDS = frozenset({"city"})
NAME_TAGS = frozenset({"PROPN", "NOUN", "ADJ"})
POSSESSIVES = frozenset({"'s", "’s"})
# what may stand between a site and the town that holds it: 'X in Y', 'X, Y', 'X in the city of Y'
TOWN_AFTER = re.compile(
    r"^(?:\s*,\s*|\s+in\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?)$", re.I
)
INFERRED = "the town of the site the text names ({site}), inferred (flashpoint.geo.sites)"


def find_sites(doc: Any, toponyms: list[Toponym]) -> list[Toponym]:
    """Names of sites no toponym touches, each a toponym with no reading (``how`` 'site').
    A name that holds a toponym ('Brooklyn Hospital', 'Ozark Middle School') is left to it:
    local news names its schools and halls after the town."""
    w = words()
    parsed = doc.has_annotation("DEP") or doc.has_annotation("SENT_START")
    taken = {i for t in toponyms for i in range(t.start, t.end)}
    out: list[Toponym] = []
    for tok in doc:
        if tok.lower_ not in w.site or not tok.text[:1].isupper() or _name_goes_on(doc, tok):
            continue
        first = _name_start(doc, tok, tok.sent.start if parsed else 0)
        if first is None or title_case(tok.sent if parsed else doc):
            continue
        start, end = doc[first].idx, tok.idx + len(tok.text)
        if _institution(doc[first], tok) or _person(doc, first, tok.i):
            continue
        if any(i in taken for i in range(start, end)):
            continue
        out.append(Toponym(start, end, doc.text[start:end], (), "site", "", False, tok.i))
    return out


def _institution(first: Any, head: Any) -> bool:
    """'the International Criminal Court', 'the Supreme Court': an institution, which may sit
    in another town than the one the text names (only for the site words marked so: 'High
    Street' and 'Central Park' are sites)."""
    w = words()
    return first.lower_ in w.institution and head.lower_ in w.institutional_site


def _person(doc: Any, first: int, last: int) -> bool:
    """A person's name ending in a site word: one spaCy tags a person, or one after a title
    ('Mr Hall', 'Senator Frank Church')."""
    if any(doc[i].ent_type_ == "PERSON" for i in range(first, last + 1)):
        return True
    titles = person_cues().titles
    before = doc[first - 1].lower_.rstrip(".") if first > 0 else ""
    return before in titles or doc[first].lower_.rstrip(".") in titles


def _name_start(doc: Any, head: Any, lowest: int) -> int | None:
    """The first word of the capitalised name that ``head`` ends, no earlier than ``lowest``
    (its sentence's first word), or None when no word of a name comes before it ('the
    School' is no site's name)."""
    j = head.i - 1
    while j >= lowest and (_name_word(doc[j]) or _inner_possessive(doc, j, lowest)):
        j -= 1
    first = j + 1
    while first < head.i and (doc[first].is_stop or doc[first].lower_ in words().never):
        first += 1  # a sentence's first word ('At Kestrel Arena')
    return first if first < head.i else None


def _name_goes_on(doc: Any, head: Any) -> bool:
    """The site word is not the name's last ('President Park Min-ho', 'the Bond Market Desk',
    'Hotel Aurora'): the name is another thing's."""
    if head.i + 1 >= len(doc):
        return False
    after = doc[head.i + 1]
    return after.text in ("-", "‑") or (after.text[:1].isupper() and after.is_alpha)


def _name_word(tok: Any) -> bool:
    return tok.text[:1].isupper() and tok.pos_ in NAME_TAGS and not tok.is_punct


def _inner_possessive(doc: Any, j: int, lowest: int) -> bool:
    """The ''s' of "St Anne's Children's Hospital", between two words of the name."""
    return doc[j].lower_ in POSSESSIVES and j - 1 >= lowest and _name_word(doc[j - 1])


def is_site(top: Toponym) -> bool:
    """A site's name: found as one, or a given span that names no place and ends in a site
    word (gold toponyms in evaluation)."""
    if top.how == "site":
        return True
    if top.how != "gold" or top.hits:
        return False
    names = top.text.split()
    w = words()
    return len(names) > 1 and names[-1].lower() in w.site and names[0].lower() not in w.institution


def place_sites(
    toponyms: list[Toponym], entries: list[Entry | None], text: str
) -> list[Entry | None]:
    """``entries`` with each site's name read as the town that holds it."""
    out = list(entries)
    for k, top in enumerate(toponyms):
        if out[k] is not None or not is_site(top):
            continue
        # a page with no blank lines is one 'paragraph': a town further than a paragraph's
        # reach (as locate reads it) is not the site's ('Birkbeck College' is not in the Iraqi
        # town an essay named three thousand characters earlier)
        start = max(text.rfind("\n\n", 0, top.start) + 1, top.start - PARAGRAPH_BEFORE)
        end = text.find("\n\n", top.end)
        end = min(len(text) if end < 0 else end, top.end + PARAGRAPH_AFTER)
        within = range(start, end)
        town = (
            _town_after(toponyms, out, k, text)
            or _town_before(toponyms, out, k, within)
            or _first_town_after(toponyms, out, k, within)
        )
        if town is not None:
            out[k] = replace(town, source=INFERRED.format(site=top.text))
    return out


def _town_after(
    toponyms: list[Toponym], entries: list[Entry | None], k: int, text: str
) -> Entry | None:
    if k + 1 >= len(toponyms):
        return None
    top, after, entry = toponyms[k], toponyms[k + 1], entries[k + 1]
    if entry is None or entry.kind not in TOWN_KINDS:
        return None
    return entry if TOWN_AFTER.match(text[top.end : after.start]) else None


def _first_town_after(
    toponyms: list[Toponym], entries: list[Entry | None], k: int, within: range
) -> Entry | None:
    """The first town its paragraph names after the site, where none came before it
    ('Kestrel Medical Center said it had treated nine people. The hospital is the largest in
    Cleveland.')."""
    for j in range(k + 1, len(toponyms)):
        if toponyms[j].start not in within:
            break
        if _a_town(toponyms[j], entries[j]):
            return entries[j]
    return None


def _town_before(
    toponyms: list[Toponym], entries: list[Entry | None], k: int, within: range
) -> Entry | None:
    for j in range(k - 1, -1, -1):
        if toponyms[j].start not in within:
            break
        if _a_town(toponyms[j], entries[j]):
            return entries[j]
    return None


def _a_town(top: Toponym, entry: Entry | None) -> bool:
    """A town named as a place, not inside an organisation's name, as a people or as a site."""
    if entry is None or top.embedded or top.how in ("demonym", "site"):
        return False
    return entry.kind in TOWN_KINDS
