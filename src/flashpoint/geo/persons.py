"""Which capitalised names of an article are people: a name that is a person is not a place.

Read from the parse where a sentence was parsed (PERSON entities) and from cues that need no
parse (``data/person_cues.tsv``): a title before the name ('President Mubarak', 'Mr Cameron'),
a person noun before it ("Gaddafi's son Hannibal") or heading an apposition after it ('Cameron,
the British prime minister'; 'Nic Robertson, CNN's correspondent'), a verb of saying after it
('Rice said'). A person's surname is hers for the rest of the article: once 'Susan Rice'
appears, a later 'Rice' is her.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from flashpoint.geo.lexicon import read_tsv, words
from flashpoint.geo.names import normalize, spelled_like, title_case

SMALL_TOWN = 20_000  # a surname shape counts against towns smaller than this only
MAX_NAME = 3  # words of a name after a title
MAX_APPOSITION = 5  # words between the comma and the person noun heading the apposition
DETERMINERS = frozenset("the a an his her its their our your".split())
CLAUSE_OPENERS = frozenset("and but as while when then".split())
APPOSITION_BLOCKERS = frozenset(
    "of in on at for with to from by who which that and or but as near after before".split()
)


@dataclass(frozen=True)
class PersonCues:
    titles: frozenset[str]
    roles: frozenset[str]
    speech: frozenset[str]
    given_name_titles: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def person_cues() -> PersonCues:
    by_kind: dict[str, set[str]] = {}
    for row in read_tsv("person_cues.tsv"):
        by_kind.setdefault(row["kind"], set()).add(row["cue"].lower())
    return PersonCues(
        frozenset(by_kind.get("title", ())),
        frozenset(by_kind.get("role", ())),
        frozenset(by_kind.get("speech", ())),
        frozenset(by_kind.get("given_name_title", ())),
    )


@lru_cache(maxsize=1)
def non_place_words() -> frozenset[str]:
    return frozenset(r["word"] for r in read_tsv("non_place_words.tsv"))


@dataclass
class People:
    """The people of one article: the tokens read as a person's name, and the names they go
    by (normalised). ``names``: full names and the given names and surnames of full names
    ('Susan Rice': 'susan', 'rice'), which stand for the person anywhere in the article;
    ``weak_names``: a single word after a title or before 'said' ('Mr Arlington'), which
    stand for her only where no town of SMALL_TOWN people or more has the name."""

    tokens: set[int] = field(default_factory=set)
    weak_tokens: set[int] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    weak_names: set[str] = field(default_factory=set)
    title_tokens: set[int] = field(default_factory=set)  # right after a capitalised title

    def add(self, doc: Any, first: int, end: int, sure: bool = False) -> None:
        words = [doc[k].text for k in range(first, end)]
        if len(words) > 1 or sure:
            self.tokens.update(range(first, end))
            self.names.add(normalize(" ".join(words)))
            self.names.add(normalize(words[-1]))
            self.weak_names.add(normalize(words[0]))  # 'ELIOT SPITZER:', then 'Eliot'
        else:
            self.weak_tokens.update(range(first, end))
            self.weak_names.add(normalize(words[0]))

    def titled(self, first: int, end: int, given_name: bool = False) -> None:
        """A title right before the words ('Mr Blair') marks them, whatever the towns of that
        name; the bare name elsewhere stays weak ('Mr. Arlington', a nickname). A title said
        before a given name ('Queen Mary') marks its first word even where a state bears it;
        an office may name its seat ('Governor Punjab', 'Miss Ohio')."""
        self.tokens.update(range(first, end))
        if given_name:
            self.title_tokens.add(first)

    def marks(self, tokens: range, population: int) -> bool:
        """Do person cues cover these tokens (one word's cues: only against a small town)?"""
        weak = population < SMALL_TOWN and any(t in self.weak_tokens for t in tokens)
        return weak or any(t in self.tokens for t in tokens)

    def named(self, text: str, population: int) -> bool:
        norm = normalize(text)
        return norm in self.names or (norm in self.weak_names and population < SMALL_TOWN)


def _bare(text: str) -> str:
    return text.lower().rstrip(".")


def _capitalised(tok: Any) -> bool:
    return bool(tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start)


def _run_from(doc: Any, i: int, skip: frozenset[str]) -> int:
    """End of the run of capitalised words starting at ``i`` (at most MAX_NAME words)."""
    j = i
    while j < len(doc) and j - i < MAX_NAME:
        tok = doc[j]
        if not (tok.is_alpha and tok.text[:1].isupper()) or _bare(tok.text) in skip:
            break
        j += 1
    return j


def _run_back(doc: Any, end: int) -> int:
    """Start of the run of capitalised words ending just before ``end``."""
    i = end
    while i > 0 and end - i < MAX_NAME:
        tok = doc[i - 1]
        if not (tok.is_alpha and tok.text[:1].isupper()):
            break
        i -= 1
    return i


def find_people(doc: Any, gaz: Any = None) -> People:
    """Every person the article names, by the parse and by the cues (and, given the
    gazetteer, by the shape of a given name and a surname: 'Tony Blair')."""
    cues = person_cues()
    titled = cues.titles | cues.roles
    people = People()
    for ent in doc.ents:
        if _person_entity(ent, gaz):
            people.add(doc, ent.start, ent.end)
    for tok in doc:
        word = _bare(tok.text)
        if _cue_before(tok, word, cues) and tok.i + 1 < len(doc):
            end = _run_from(doc, tok.i + 1, titled)
            if end > tok.i + 1 and not (gaz is not None and gaz.lookup(doc[tok.i : end].text)):
                people.add(doc, tok.i + 1, end)  # not 'Prince William' the county
                if word in cues.titles and tok.text[:1].isupper():
                    people.titled(tok.i + 1, end, word in cues.given_name_titles)
        if word in cues.speech:
            _speaker(doc, tok, people)
        if tok.text == "," and tok.i > 0:
            _apposition(doc, tok.i, cues.roles | cues.titles, people)
        if tok.text == ":" and tok.i > 0:
            _speaker_label(doc, tok.i, cues.titles, people, gaz)
        if not tok.text[:1].isupper():
            continue  # the three shapes below each start with a capital
        if _addressed(doc, tok.i):
            people.add(doc, tok.i, tok.i + 1)
        if _middle_initial(doc, tok.i):
            people.add(doc, tok.i - 1, tok.i + 2)
        if gaz is not None and tok.i + 1 < len(doc):
            _given_and_surname(doc, tok.i, gaz, people)
    return people


def _given_and_surname(doc: Any, i: int, gaz: Any, people: People) -> None:
    """Two capitalised words alone ('Tony Blair', 'Susan Rice') that are no place together,
    the second only a small town's name: a person, whose surname stands for her later on."""
    from flashpoint.geo.lexicon import words

    first, second = doc[i], doc[i + 1]
    if not (_word(first) and _word(second)) or "\n" in first.whitespace_:
        return
    if (i > 0 and _word(doc[i - 1])) or (i + 2 < len(doc) and _word(doc[i + 2])):
        return  # part of a longer name
    w, cues = words(), person_cues()
    if first.text in w.never | w.stop | non_place_words() or _bare(first.text) in cues.titles:
        return
    hits = gaz.lookup(second.text)
    if not hits or sure_place(hits) or _named_population(hits) >= SMALL_TOWN:
        return
    own = gaz.lookup(first.text)
    if own and (sure_place(own) or _named_population(own) >= SMALL_TOWN):
        return  # 'Honolulu Are...': the first word is a place of its own
    if not gaz.lookup(f"{first.text} {second.text}"):
        people.names.add(normalize(second.text))


def _named_population(hits: Any) -> int:
    """The largest place the word names, leaving out counties reached by another name:
    Blair County (75,000) says nothing about the Blair of 'Tony Blair', whose towns are
    small; an old spelling of a city ('Kharkov') still counts."""
    return max(
        (h.entry.population for h in hits if h.primary or h.entry.kind != "admin2"), default=0
    )


def _addressed(doc: Any, i: int) -> bool:
    """A vocative: one capitalised word, then a comma and 'you' ('Ivan, you were out there');
    not after a preposition ('In Cairo, you see...')."""
    if i + 2 >= len(doc) or doc[i + 1].text != "," or doc[i + 2].lower_ not in ("you", "your"):
        return False
    before = doc[i - 1].lower_ if i > 0 else ""
    located = before in PLACE_PREPOSITIONS or before in words().locative
    return _word(doc[i]) and doc[i].text[:1].isupper() and not located


def _middle_initial(doc: Any, i: int) -> bool:
    """One capital letter (with or without a full stop) between a given name and a surname,
    with no other name word around them: 'George W Bush', 'John F. Kennedy' is a person."""
    if not (0 < i < len(doc) - 1) or not re.fullmatch(r"[A-Z]\.?", doc[i].text):
        return False
    first, last = doc[i - 1], doc[i + 1]
    if not (_word(first) and _word(last)) or "\n" in first.whitespace_ + doc[i].whitespace_:
        return False
    longer = (i > 1 and _word(doc[i - 2])) or (i + 2 < len(doc) and _word(doc[i + 2]))
    return not longer and first.text not in words().never | words().stop


def _word(tok: Any) -> bool:
    return bool(tok.is_alpha and tok.text[:1].isupper() and not tok.text.isupper())


def _caps_back(doc: Any, end: int) -> int:
    """Start of the run of words in capitals ending before ``end`` (at most MAX_NAME + 2)."""
    start = end
    while start > 0 and end - start < MAX_NAME + 2 and doc[start - 1].is_alpha:
        if not doc[start - 1].text.isupper():
            break
        start -= 1
    return start


def _speaker_label(doc: Any, colon: int, titles: frozenset[str], people: People, gaz: Any) -> None:
    """A transcript's speaker: 'ROBERTSON:', 'PRESIDENT BUSH:' (capitals, then a colon)."""
    start = _caps_back(doc, colon)
    if 0 < start < colon and doc[start - 1].text == ",":  # 'CARL AZUZ, CNN ANCHOR:'
        colon = start - 1
        start = _caps_back(doc, colon)
    if start == colon or not _opens_clause(doc, start):
        return
    while start < colon - 1 and _bare(doc[start].text) in titles:
        start += 1  # 'PRESIDENT BUSH:' is Bush
    label = doc[start:colon].text
    known = gaz.lookup(label) if gaz is not None and start == 0 else ()
    if known and (sure_place(known) or max(h.entry.population for h in known) >= SMALL_TOWN):
        return  # 'LOS ANGELES:' opening the text is its dateline, no speaker
    if len(label) > 4:
        people.add(doc, start, colon, sure=True)


def _person_entity(ent: Any, gaz: Any) -> bool:
    """spaCy's PERSON of two or three words, unless the gazetteer knows it as a place (a
    town tagged a person: 'Rock Hill')."""
    if ent.label_ != "PERSON" or not 1 < len(ent) <= MAX_NAME:
        return False
    return all(t.is_alpha for t in ent) and (gaz is None or not gaz.lookup(ent.text))


def _cue_before(tok: Any, word: str, cues: PersonCues) -> bool:
    """A title, capitalised ('Miss Jones', not 'miss Rochester'), or a person noun."""
    return (word in cues.titles and tok.text[:1].isupper()) or word in cues.roles


def _speaker(doc: Any, verb: Any, people: People) -> None:
    """'Rice said' (a name of one or two words right before), 'said Rice,' (right after)."""
    start = _run_back(doc, verb.i)
    if 0 < verb.i - start <= 2 and _opens_clause(doc, start):
        people.add(doc, start, verb.i)
    end = _run_from(doc, verb.i + 1, frozenset())
    if verb.i + 1 < end < len(doc) and doc[end].is_punct:
        people.add(doc, verb.i + 1, end)


def _opens_clause(doc: Any, i: int) -> bool:
    """Does a clause start at token ``i`` (so a name there is the subject, not 'in X')?"""
    if i == 0 or doc[i].is_sent_start:
        return True
    prev = doc[i - 1]
    return (
        prev.is_punct or prev.is_space or "\n" in prev.whitespace_ or prev.lower_ in CLAUSE_OPENERS
    )


def _apposition(doc: Any, comma: int, roles: frozenset[str], people: People) -> None:
    """'Cameron, the British prime minister': a name, a comma, a phrase headed by a person noun
    (determiners, adjectives and possessors only before it); and 'the prime minister, Cameron'."""
    start = _run_back(doc, comma)
    if start < comma and not (start > 0 and doc[start - 1].text in ("-", "–")):  # 'D-Columbus'
        for k in range(comma + 1, min(len(doc), comma + 2 + MAX_APPOSITION)):
            word = doc[k].lower_
            if word in APPOSITION_BLOCKERS or (doc[k].is_punct and doc[k].text not in ("'s", "’s")):
                break
            if _bare(word) in roles and (k + 1 == len(doc) or not _capitalised(doc[k + 1])):
                people.add(doc, start, comma, sure=True)
                break
    if _bare(doc[comma - 1].text) in roles:
        end = _run_from(doc, comma + 1, roles)
        if comma + 1 < end < len(doc) and doc[end].is_punct:
            people.add(doc, comma + 1, end, sure=True)


PLACE_PREPOSITIONS = frozenset("in at near outside inside around across into".split())
SURE_KINDS = frozenset(
    {"country", "continent", "admin1", "zone", "line", "crossing", "base", "sea"}
)


def sure_place(hits: tuple[Any, ...]) -> bool:
    """A country, a state, a curated place or a national capital: no person cue outweighs it."""
    return any(
        h.demonym or h.entry.kind in SURE_KINDS or h.entry.capital or h.entry.key.startswith("cur:")
        for h in hits
    )


def _no_surer_than_a_state(hits: tuple[Any, ...]) -> bool:
    """Is no reading surer than a state or province? A title before a given name makes it a
    person ('Queen Mary College' names no Turkmen province); a country, a people, a capital
    or a curated place stays a place."""
    return all(
        not h.demonym
        and not h.entry.capital
        and not h.entry.key.startswith("cur:")
        and h.entry.kind not in SURE_KINDS - {"admin1"}
        for h in hits
    )


MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
HYPHENS = frozenset({"-", "‐", "–"})  # 'an Atlanta-based firm'


def _modifies(span: Any, doc: Any) -> bool:
    """The name modifies what follows ('a Basra trader', 'a Lovejoy senior'), a hyphen joins it
    to more ('an Atlanta-based firm'), or a comma brings its state ('a Denison, Iowa, firm';
    not 'his Warrior, killing two'): it does not head its phrase."""
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (
        after.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or after.text in HYPHENS
    ):
        return True
    qualifier = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if after is not None and after.text == "," and qualifier is not None:
        return bool(qualifier.pos_ == "PROPN" and qualifier.text[:1].isupper())
    return span[-1].dep_ in MODIFIER_DEPS and not span.start <= span[-1].head.i < span.end


def building_reason(top: Any, doc: Any) -> str:
    """A name before ''s' and a capitalised word for a building or site names the saint or
    person the building is named after ('St Paul's Cathedral', "St Peter's Basilica"), not a
    town; "Gaza's Shifa Hospital" keeps Gaza."""
    if top.how in ("border", "gold") or top.token < 0 or top.token + 2 >= len(doc):
        return ""
    mark, word = doc[top.token + 1], doc[top.token + 2]
    if mark.lower_ not in ("'s", "’s") or not word.text[:1].isupper():
        return ""
    if word.lower_ not in words().building:
        return ""
    return f"not a place: part of a building's name ('{top.text}'s {word.text}')"


def street_name(top: Any, doc: Any) -> bool:
    """Is the name the start of a street's or a square's ('Tavistock Square', 'Kensington High
    Street'), which seldom lies in the town of that name?"""
    if top.how in ("border", "gold") or top.token < 0:
        return False
    streets = words().street_site
    k = top.token + 1
    if k + 1 < len(doc) and doc[k].lower_ not in streets and _title_word(doc[k]):
        k += 1  # one more word of the street's name: 'High', 'Church'
    if k >= len(doc) or doc[k].lower_ not in streets or not _title_word(doc[k]):
        return False
    if not doc[k - 1].whitespace_:
        return False
    if k + 1 < len(doc) and not doc[k].whitespace_ and doc[k + 1].text in ("-", "‑"):
        return False  # 'a Baghdad drive-by shooting'
    sentence = doc[top.token].sent if doc.has_annotation("SENT_START") else doc
    return not title_case(sentence)  # a headline's capitals name nothing


def _title_word(token: Any) -> bool:
    """A word written with a capital, not in capitals ('Square', not 'SQUARE' of a caps page)."""
    return bool(token.is_alpha and token.text[:1].isupper() and not token.is_upper)


def possessed_reason(top: Any, doc: Any) -> str:
    """A name after a possessive determiner or an indefinite article that heads its own
    phrase is a thing, not a place ('his Warrior was ambushed', 'in a Warrior': the vehicle);
    'his Baghdad office' keeps Baghdad. So is a town's name after 'the' ('the Pompei was
    hijacked': a ship), a name after a ship's prefix ('HMS Chatham') and one after a base's
    word ('Camp Arizona', when the gazetteer does not know the whole name)."""
    if top.how in ("border", "gold") or top.token < 1:
        return ""
    span = doc.char_span(top.start, top.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return ""
    previous = doc[span.start - 1]
    before, w = previous.lower_, words()
    if (
        before in w.facility
        and previous.text[:1].isupper()
        and previous.text != previous.text.upper()
    ):
        return "not a place: a base named after it ('Camp Arizona in Kuwait')"
    if sure_place(top.hits):
        return ""
    if before in w.vessel and previous.text.isupper():
        return "not a place: a ship's prefix names the ship ('HMS Chatham')"
    if before in w.definite and not _named_after_a_town(top, doc, span):
        return ""
    if before not in w.possessor | w.indefinite | w.definite:
        return ""
    if _modifies(span, doc):
        return ""
    if before in w.indefinite:
        return "not a place: an indefinite article makes it a thing ('in a Warrior')"
    if before in w.definite:
        return "not a place: a town's name after 'the' names a thing ('the Pompei was hijacked')"
    return "not a place: a possessive determiner makes it a thing ('his Warrior')"


def _named_after_a_town(top: Any, doc: Any, span: Any) -> bool:
    """After 'the': is the name one word every reading of which is a town (a district takes
    the article: 'the Near North Side'), not a name that carries it ('the Bronx', 'the
    Hague') and not after a locative preposition ('in the X')?"""
    if " " in top.text or not all(h.entry.kind == "city" for h in top.hits):
        return False
    if any(normalize(h.entry.name) == normalize(f"the {top.text}") for h in top.hits):
        return False
    return not (span.start > 1 and doc[span.start - 2].lower_ in words().locative)


def instrument_reason(top: Any, doc: Any) -> str:
    """A town's name right before a word for a treaty or a text names that text ('the Geneva
    conventions'), not a place where anything happened; not when the word starts a longer
    name ('Charleston Convention & Visitors Bureau') or the name is a country's. A small
    town's name right before a word for a weapon or a craft names its make ('a Black Hawk
    helicopter')."""
    countries = any(h.demonym or h.entry.kind in ("country", "continent") for h in top.hits)
    if top.how in ("border", "gold") or countries or top.token < 0:
        return ""
    k = top.token + 1
    if k >= len(doc):
        return ""
    towns = [
        h.entry.population
        for h in top.hits
        if h.entry.kind == "city" and (h.primary or spelled_like(top.text, h.entry.name))
    ]  # a town's other name ('Black Hawk' for Janesville) is no evidence of a town so named
    small = bool(towns) and all(population < SMALL_TOWN for population in towns)
    only_towns = all(h.entry.kind in ("city", "admin2") for h in top.hits)
    craft = doc[k].lower_ in words().craft and doc[k].dep_ != "compound"  # not 'missile strike'
    if small and only_towns and craft:
        return "not a place: it names a weapon or a craft ('a Black Hawk helicopter')"
    if doc[k].lower_ not in words().instrument:
        return ""
    after = doc[k + 1] if k + 1 < len(doc) else None
    if after is not None and (after.text == "&" or (after.is_alpha and after.text[:1].isupper())):
        return ""
    return "not a place: it names a treaty or a text ('the Geneva conventions')"


def medium_reason(top: Any, doc: Any) -> str:
    """A name in apposition with a word for a news outlet names the outlet ('the official news
    agency, SABA'), not a place (Saba island)."""
    if top.how in ("border", "gold") or top.token < 0:
        return ""
    tok = doc[top.token]
    if any(c.dep_ == "compound" for c in tok.children):
        return ""  # 'Baseball Toronto, a website': the town inside a longer name
    linked = [tok.head] if tok.dep_ == "appos" else []
    linked += [c for c in tok.children if c.dep_ == "appos"]
    if not any(map(outlet_word, linked)):
        return ""
    return "not a place: it names a news outlet ('the news agency, SABA')"


def outlet_word(tok: Any) -> bool:
    """A noun for a news outlet ('agency', 'newspaper'), or a 'station', 'channel' or
    'network' with such a word before it ('radio station'; a railway station is none)."""
    w = words()
    if tok.lower_ in w.medium:
        return True
    return tok.lower_ in w.medium_part and any(
        c.dep_ == "compound" and c.lower_ in w.medium for c in tok.children
    )


def person_reason(top: Any, doc: Any, people: People) -> str:
    """Why the toponym is a person's name ('' when it is not): a cue around these words, or
    the name of a person named elsewhere in the article (unless 'in X' reads it as a place)."""
    if top.how in ("border", "gold"):
        return ""
    span = doc.char_span(top.start, top.end, alignment_mode="expand")
    if span is None:
        return ""
    if sure_place(top.hits):
        titled = any(t in people.title_tokens for t in range(span.start, span.end))
        if not (titled and _no_surer_than_a_state(top.hits)):
            return ""
        return "person: a title marks these words, which name no country"
    population = max(
        (h.entry.population for h in top.hits if h.primary or spelled_like(top.text, h.entry.name)),
        default=0,
    )
    if people.marks(range(span.start, span.end), population):
        return "person: a title, role, apposition or verb of saying marks these words"
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if people.named(top.text, population) and before not in PLACE_PREPOSITIONS:
        return "person: the article names a person so"
    return ""
