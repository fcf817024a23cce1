"""Find the words of an article that name places.

Not gated on spaCy's labels alone (the model calls a province a person and a zone an
organisation): capitalised runs of words are looked up in the gazetteer, longest first, with
stop lists for words that are also place names; spaCy's GPE/LOC/FAC entities add what the
scan misses; demonyms ('North Korean') and common nouns for a border ('the border') are kept
as toponyms of their own kinds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from flashpoint.geo.area_lists import area_list_kind
from flashpoint.geo.gazetteer import Gazetteer, Hit
from flashpoint.geo.lexicon import admin_aliases, common_words, dictionary_words, words
from flashpoint.geo.names import normalize, spelled_like
from flashpoint.geo.persons import non_place_words, person_cues

MAX_TOKENS = 6
CONNECTORS = frozenset(
    "of de del della di la le les el al du des da do dos das upon on sur".split()
)
STRONG_POPULATION = 20_000
UNPARSED_POPULATION = 100_000  # a town big enough to be meant where no parse says so
CONTRACTIONS = frozenset("'ll 're 've 'd 'm n't ’ll ’re ’ve ’d ’m n’t".split())
AREA_NAME_KINDS = frozenset({"country", "continent", "admin1"})
HOLD_DEPS = frozenset({"pobj", "prep", "appos", "compound"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
STRONG_KINDS = frozenset(
    {
        "country",
        "admin1",
        "continent",
        "zone",
        "line",
        "crossing",
        "base",
        "sea",
        "region",
        "island",
    }
)


NAMED_KINDS = STRONG_KINDS | {"admin2"}  # a county goes by its name without 'County'


@dataclass(frozen=True)
class Toponym:
    """Words ``[start, end)`` of the text that may name a place, and the places they may name."""

    start: int
    end: int
    text: str
    hits: tuple[Hit, ...]
    how: str = "name"  # name | entity | demonym | border | gold | site (flashpoint.geo.sites)
    hint: str = ""  # kind suggested by a word beside it ('province', 'county', 'line')
    embedded: bool = False  # part of an organisation's or a work's name
    token: int = -1  # the doc token of its last word, -1 without a parse
    holder: int = -1  # the toponym that holds it: "North Korea's province of Gangwon"
    dateline: bool = False  # in a dateline ('CAIRO, Egypt (CNN) -'): the reporter's, not an event's
    modifier: bool = False  # modifies the noun after it ('U.S. President'): never a qualifier


def is_strong(hits: tuple[Hit, ...], text: str) -> bool:
    """Names worth taking even where spaCy reads a person or an organisation: a size counts
    when the words are the place's name or a spelling of it ('Do' is not Jahrom)."""
    return any(
        h.demonym
        or h.entry.kind in STRONG_KINDS
        or (
            h.entry.population >= STRONG_POPULATION
            and (h.primary or spelled_like(text, h.entry.name))
        )
        for h in hits
    )


def find_toponyms(doc: Any, gaz: Gazetteer) -> list[Toponym]:
    """Every toponym of a parsed text, in text order, none overlapping."""
    ents = _entity_map(doc)
    tokens = _Tokens(doc)
    lower_words = {t for t in tokens.texts if t.islower()}
    found: list[Toponym] = []
    i = 0
    while i < len(doc):
        top = _match_at(doc, tokens, i, gaz, ents, lower_words)
        if top is None:
            i += 1
            continue
        if tokens.texts[i].lower() == "the":
            top = _longer_after_the(doc, tokens, i, gaz, ents, lower_words, top)
        found.append(top)
        i = top.token + 1
    found += _entities(doc, gaz, found)
    found += _borders(doc, found)
    return _link_holders(doc, sorted(found, key=lambda t: t.start))


def _link_holders(doc: Any, toponyms: list[Toponym]) -> list[Toponym]:
    """Link each toponym to the one its phrase is owned by ("X's province of Y") or set in."""
    at: dict[int, int] = {}
    for k, top in enumerate(toponyms):
        span = doc.char_span(top.start, top.end, alignment_mode="expand")
        at.update({tok.i: k for tok in span or ()})
    out = []
    for k, top in enumerate(toponyms):
        holder = _holder(doc, top, k, at)
        out.append(replace(top, holder=holder) if holder >= 0 else top)
    return out


def _holder(doc: Any, top: Toponym, k: int, at: dict[int, int]) -> int:
    node = doc[top.token] if top.token >= 0 else None
    for _ in range(4):
        if node is None:
            break
        for child in node.children:
            owner = _owner(child)
            if owner is not None and at.get(owner.i, k) != k:
                return at[owner.i]
        node = node.head if node.dep_ in HOLD_DEPS and node.head is not node else None
    return -1


def _owner(child: Any) -> Any:
    """The possessor ('X's'), or the object of 'in' ('in X'), among a word's dependents."""
    if child.dep_ == "poss":
        return child
    if child.dep_ == "prep" and child.lower_ == "in":
        return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _entity_map(doc: Any) -> dict[int, Any]:
    return {t.i: ent for ent in doc.ents for t in ent}


def _can_continue(text: str) -> bool:
    return text[:1].isupper() or text.lower() in CONNECTORS or text in ("-", "'s", "’s")


class _Tokens:
    """The token attributes the matcher reads, copied once per text: reading them from spaCy
    in the matcher's inner loop (every word, every length) dominated its time."""

    def __init__(self, doc: Any) -> None:
        self.texts: list[str] = []
        self.ws: list[str] = []
        self.space: list[bool] = []
        self.punct: list[bool] = []
        for t in doc:
            self.texts.append(t.text)
            self.ws.append(t.whitespace_)
            self.space.append(t.is_space)
            self.punct.append(t.is_punct)

    def text(self, i: int, j: int) -> str:
        return "".join(self.texts[k] + self.ws[k] for k in range(i, j - 1)) + self.texts[j - 1]

    def wordlike(self, i: int, j: int) -> bool:
        """Words only: no line breaks, no punctuation but inner hyphens and apostrophes, no
        contraction ("I'll" is not 'Ill.', Illinois)."""
        for k in range(i, j):
            if self.space[k] or "\n" in self.ws[k] or self.texts[k].lower() in CONTRACTIONS:
                return False
            if self.punct[k] and (k == j - 1 or self.texts[k] not in ("-", "'", "’")):
                return False
        return True


def _longer_after_the(
    doc: Any,
    tokens: _Tokens,
    i: int,
    gaz: Gazetteer,
    ents: dict[int, Any],
    lower_words: set[str],
    top: Toponym,
) -> Toponym:
    """'the Gulf of Mexico' is no 'the Gulf' (the Persian Gulf's alias) and Mexico: a longer
    name starting after 'the' wins when it names what takes 'the', a sea or an area, not a
    town ('the North Shore stadiums' is no town of that name)."""
    longer = _match_at(doc, tokens, i + 1, gaz, ents, lower_words)
    if longer is None or longer.token <= top.token:
        return top
    return longer if any(h.entry.kind != "city" for h in longer.hits) else top


def _match_at(
    doc: Any, tokens: _Tokens, i: int, gaz: Gazetteer, ents: dict[int, Any], lower_words: set[str]
) -> Toponym | None:
    texts = tokens.texts
    capital = texts[i][:1].isupper() or _arabic_article_start(tokens, i)
    # Only curated phrases ('eastern front') match beyond a run of capitalised words: skip
    # the lookups when no such phrase starts with this word.
    phrase_start = normalize(texts[i]) in gaz.phrase_firsts
    if not capital and not phrase_start:
        return None
    names_end = i + 1  # runs of capitalised words (and connectors) are looked up
    while names_end < min(len(texts), i + MAX_TOKENS) and _can_continue(texts[names_end]):
        names_end += 1
    for j in range(min(len(doc), i + MAX_TOKENS), i, -1):
        capitalised_run = capital and j <= names_end and texts[j - 1][:1].isupper()
        if not phrase_start and not capitalised_run:
            continue
        if not tokens.wordlike(i, j):
            continue
        norm = normalize(tokens.text(i, j))
        if norm in gaz.any_case or (capital and j > names_end and norm in gaz.memory):
            pass  # a curated phrase in any case: 'eastern front', "Russia's far east"
        elif not capital or j > names_end or not texts[j - 1][:1].isupper():
            continue
        hits = gaz.lookup_norm(norm)
        if j == i + 1:
            hits = kept_readings(texts[i], hits)
        if _after_arabic_article(tokens, i):
            hits = tuple(h for h in hits if h.entry.country in words().arabic_country)
        if hits and _acceptable(doc[i:j], hits, ents, lower_words):
            return _toponym(doc, doc[i:j], hits, ents)
    return None


def _after_arabic_article(tokens: _Tokens, i: int) -> bool:
    """Is the name written after the Arabic article and a hyphen ('Al-Amara', 'al-Ahram') that
    the gazetteer does not join to it? Then it names a place only where names carry that
    article (geo_words.tsv arabic_country): 'Al-Amara' is the Iraqi city, not Ethiopia's
    Amara region, and 'al-Ahram' (a newspaper) is no Ahram in Iran."""
    if i < 2 or tokens.texts[i - 1] != "-" or tokens.ws[i - 2] or tokens.ws[i - 1]:
        return False
    return tokens.texts[i - 2].lower() in words().arabic_article


def _arabic_article_start(tokens: _Tokens, i: int) -> bool:
    """Does a name start here with the article in lower case ('the town of al-Bab')?"""
    texts = tokens.texts
    if i + 2 >= len(texts) or texts[i + 1] != "-" or tokens.ws[i] or tokens.ws[i + 1]:
        return False
    return texts[i] in words().arabic_article and texts[i + 2][:1].isupper()


def _acceptable(span: Any, hits: tuple[Hit, ...], ents: dict[int, Any], lower: set[str]) -> bool:
    w = words()
    text = span.text
    ent = ents.get(span.start)
    label = ent.label_ if ent is not None else ""
    strong = is_strong(hits, text)
    if text.isupper() and len(text) <= 4 and not any(h.entry.kind in STRONG_KINDS for h in hits):
        return False  # 'II', 'RAND': not the village of Ii
    if text.isalpha() and text.isupper() and len(text) <= 3 and not _abbreviation_fits(span, hits):
        return False  # 'the GA' (General Assembly) is not Georgia, USA
    if len(span) == 1:
        if never_a_place(text, strong) or _in_a_date(span) or _function_word(span):
            return False
        if _abbreviation_without_stop(span):
            return False  # 'La Stampa', 'attended Mass', 'Miss Smith': no 'La.', 'Mass.'
        if area_list_kind(span):
            return True  # 'Barrow, Jackson and Madison counties': a county, not a person
        if not span[0].tag_:  # only tokenised: no entity or part of speech to go by
            return _sure_without_parse(span, hits)
        if not strong and _common_word(span, hits, label):
            return False
        if text in w.stop and label not in PLACE_LABELS:
            return False
        if not strong and text.lower() in lower:
            return False  # the word is written in lower case elsewhere: a common word
        if not strong and span[0].is_sent_start and span[0].pos_ != "PROPN":
            return False
        if not strong and not any(h.primary or h.entry.kind in NAMED_KINDS for h in hits):
            return label in PLACE_LABELS or _after_locative(span)  # 'IDs', 'Ben': other names
    if _run_before(span) and (not strong or _foreign_before(span)):
        return False  # 'West Wing', 'Chandeleur Islands': the head of a longer name
    sure = any(_sure_area(h) or _sure_hit(h, text) for h in hits)
    if len(span) == 1 and not sure and _name_after(span):
        return False  # 'Abu Shouk': the first word of another name
    if ent is None:
        return True
    exact = (ent.start, ent.end) == (span.start, span.end)
    if label == "PERSON":  # a place's name of two words or more is seldom a person's
        return (exact and (strong or len(span) > 1)) or _seat_of_title(span, ent)
    return strong or not (label in NAME_LABELS and exact)


TITLE_GAP = 3  # words between a place and the title it qualifies ("'s former", 'Fire')


def _seat_of_title(span: Any, ent: Any) -> bool:
    """Is the name the seat of a title that follows it, before the person's own name
    ('Lewisburg Mayor John Manchester', "Sri Lanka's former president Chandrika Kumaratunga",
    'Huntsville Fire Chief Tom Grisham'), however spaCy cut the person? The title is the
    person's; the place is where the office is."""
    if ent.start != span.start:
        return False
    cues = person_cues()
    titles = cues.titles | cues.roles
    doc = span.doc
    for k in range(span.end, min(len(doc) - 1, span.end + TITLE_GAP)):
        tok = doc[k]
        if tok.lower_.rstrip(".") in titles:
            return bool(doc[k + 1].text[:1].isupper())
        if not tok.is_alpha and tok.lower_ not in ("'s", "’s"):
            return False
    return False


def _in_a_date(span: Any) -> bool:
    """A weekday word next to a month name or a figure: 'Mon Jan 31', 'Sat 12 March'; but
    not after a locative ('in Mon 14 civilians were killed') or a lowercase word ('may')."""
    w = words()
    if span.text.lower().rstrip(".") not in w.weekday:
        return False
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in w.locative:
        return False
    after = [t for t in doc[span.end : span.end + 2] if not t.is_punct]
    before = doc[span.start - 1] if span.start > 0 else None
    nearby = [*after[:1], *([before] if before is not None else [])]
    return any(_date_word(t.text, w.month) for t in nearby)


def _date_word(text: str, months: frozenset[str]) -> bool:
    return text.isdigit() or (text[:1].isupper() and text.lower().rstrip(".") in months)


def _sure_without_parse(span: Any, hits: tuple[Hit, ...]) -> bool:
    """A lone name in a sentence without a parse (no event cue: it only sets the article's
    focus) is taken after 'in', 'near'..., or when it is no common word or personal name and
    names a country, a curated place or a place big enough ('Blair' alone is not
    Blair, Oklahoma: the parse that would show it is Tony Blair is not there)."""
    if any(_sure_area(h) for h in hits):
        return True
    if _run_before(span) or _run_after(span):
        return False  # 'George Bush', 'Dow Jones': part of a longer name
    if _after_locative(span):
        return True
    if span.text.lower() in common_words() or span.text in words().stop:
        return False
    return any(_sure_hit(h, span.text) for h in hits)


def _run_after(span: Any) -> bool:
    """Does a capitalised word run on from the name ('George Bush')?"""
    if span.end >= len(span.doc) or span.doc[span.end - 1].whitespace_ != " ":
        return False
    after = span.doc[span.end]
    return after.is_alpha and after.text[:1].isupper() and not after.is_stop


def _name_after(span: Any) -> bool:
    """A capitalised word that is no word of English runs on from the name: the two are one
    name ('Abu Shouk', a camp the gazetteer lacks, is not Abu in India). A common word after
    it names what the place has ('Woodstock Police', 'Catawba River'): the place is meant."""
    if not _run_after(span):
        return False
    after, lexicon = span.doc[span.end], dictionary_words()
    if after.is_upper or after.pos_ in ("VERB", "AUX"):
        return False  # 'Nenagh MDC' (a body), 'Drone Strike On Bakhmut Kills Three' (a headline)
    return lexicon.isdisjoint(_word_forms(after))


def _word_forms(token: Any) -> set[str]:
    """The word and the base forms it may have ('Kills', 'Forces', 'Residents' in a title-case
    headline, which the tagger reads as names)."""
    word = token.lower_
    forms = {word, token.lemma_.lower()}
    for ending, base in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", "")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.add(word[: -len(ending)] + base)
    return forms


def _sure_area(hit: Hit) -> bool:
    """A country, a continent, a curated place or a demonym: sure without a parse."""
    e = hit.entry
    return hit.demonym or e.kind in ("country", "continent") or e.key.startswith("cur:")


def _sure_hit(hit: Hit, text: str) -> bool:
    """A big town by its name or a spelling of it ('Misrata' for Misratah; not 'Harper', an
    old name of Costa Mesa)."""
    e = hit.entry
    if e.population < UNPARSED_POPULATION:
        return False
    return hit.primary or spelled_like(text, e.name)


def _common_word(span: Any, hits: tuple[Hit, ...], label: str) -> bool:
    """A verb, adjective or adverb of English ('Kill', 'Plenty', 'Swift'), not tagged a place,
    not after a locative word and naming no country or province by that very name (asked of
    small places only: 'Concord' and 'Norman' are cities that share a word)."""
    if span.text.lower() not in common_words() or label in PLACE_LABELS:
        return False
    if _after_locative(span):
        return False
    return not any(h.demonym or (h.primary and h.entry.kind in AREA_NAME_KINDS) for h in hits)


def _abbreviation_fits(span: Any, hits: tuple[Hit, ...]) -> bool:
    """A short capitalised code names a state or province without an article ('BC', 'Atlanta,
    GA'); after 'the' it is an organisation's ('the GA' is the General Assembly), unless it
    names a country, a continent or a curated place ('the US', 'the EU', 'the DMZ')."""
    if span.start == 0 or span.doc[span.start - 1].lower_ != "the":
        return True
    return any(
        h.entry.kind in ("country", "continent") or h.entry.key.startswith("cur:") for h in hits
    )


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # here: importing spaCy takes 0.6 s

    return frozenset(STOP_WORDS)


def _function_word(span: Any) -> bool:
    """A lone English function word of spaCy's stop list, capitalised, and not after a
    locative: 'Nor', 'Made', 'Still' open a sentence; they are not Niort, Made or Still. After
    'in' or 'near' the town is meant ('near Along', 'in Same')."""
    text = span.text
    return (
        len(span) == 1
        and text[:1].isupper()
        and not text.isupper()
        and text.lower() in _stop_words()
        and not _after_locative(span)
    )


def _after_locative(span: Any) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ in words().locative


def _foreign_before(span: Any) -> bool:
    """Is the name a word for a kind of place ('Islands', `geo_words.tsv` suffix) after a
    capitalised word of no English: the end of one name the gazetteer lacks ('the Chandeleur
    Islands'), not the Hong Kong district 'Islands'? ('Greater Cairo' is Cairo, 'Al-Jazeera
    English' a people's word.)"""
    prev = span.doc[span.start - 1]
    if span.text.lower() not in words().suffix or prev.text.isupper():
        return False
    return _word_forms(prev).isdisjoint(dictionary_words())


@lru_cache(maxsize=1)
def _stopped_abbreviations() -> frozenset[str]:
    """The abbreviations of states written with a full stop ('La.', 'Mass.', 'Ore.')."""
    return frozenset(a[:-1].casefold() for a, _ in admin_aliases() if a.endswith("."))


def _abbreviation_without_stop(span: Any) -> bool:
    """A word written like a state's abbreviation but without its full stop: a word of its
    own ('La Stampa', 'Mass', 'Miss Smith', 'Ore prices'), not Louisiana or Massachusetts; a
    party's tag keeps it ('Nancy Pelosi, D-Calif')."""
    text = span.text
    if not (text[:1].isupper() and text[1:].islower()) or _char_before(span) == "-":
        return False
    return _char_after(span) != "." and text.casefold() in _stopped_abbreviations()


def _char_before(span: Any) -> str:
    """The character just before a span, read from its tokens: `doc.text` joins the whole
    article on every call."""
    if span.start == 0:
        return ""
    prev = span.doc[span.start - 1]
    return str(prev.whitespace_[-1:] or prev.text[-1:])


def _char_after(span: Any) -> str:
    """The character just after a span, read from its tokens."""
    last = span.doc[span.end - 1]
    if last.whitespace_ or span.end == len(span.doc):
        return str(last.whitespace_[:1])
    return str(span.doc[span.end].text[:1])


def _run_before(span: Any) -> bool:
    """Does a capitalised word (not a stop word) run into the name from the left?"""
    if span.start == 0 or span[0].is_sent_start:
        return False
    prev = span.doc[span.start - 1]
    return (
        prev.is_alpha and prev.text[:1].isupper() and prev.whitespace_ == " " and not prev.is_stop
    )


def _toponym(doc: Any, span: Any, hits: tuple[Hit, ...], ents: dict[int, Any]) -> Toponym:
    ent = ents.get(span.start)
    embedded = (
        ent is not None
        and ent.label_ in NAME_LABELS
        and (ent.start < span.start or ent.end > span.end)
    )
    end_tok, hint = _suffix(doc, span.end)
    embedded = embedded or _names_newspaper(doc, span.start, end_tok)
    hint = hint or _prefix(doc, span.start) or area_list_kind(span)
    last = doc[end_tok - 1].text
    end = doc[end_tok - 1].idx + len(last)
    if last.endswith(".") and len(last) > 4 and last.count(".") == 1:
        end -= 1  # the sentence's full stop, not an abbreviation's
    how = "demonym" if all(h.demonym for h in hits) else "name"
    # Not doc.text: spaCy rebuilds the whole text on every access (slow on long articles).
    text = doc[span.start : end_tok].text[: end - span.start_char]
    last_tok = end_tok - 1
    return Toponym(
        span.start_char,
        end,
        text,
        hits,
        how,
        hint,
        embedded,
        last_tok,
        modifier=_modifies(doc, last_tok),
    )


def _names_newspaper(doc: Any, start: int, end: int) -> bool:
    """Is the name the start of a newspaper's, after an article ('the New York Times', 'a
    Washington Post reporter')? Not a column's title ('Kharkiv Dispatch:') nor a word joined
    on ('Gaza Post-War')."""
    if start == 0 or end >= len(doc) or doc[end - 1].whitespace_ != " ":
        return False
    lexicon = words()
    if doc[start - 1].lower_ not in lexicon.definite | lexicon.indefinite:
        return False
    joined = end + 1 < len(doc) and not doc[end].whitespace_ and doc[end + 1].text == "-"
    return doc[end].text in lexicon.masthead and not joined


def _modifies(doc: Any, last: int) -> bool:
    """Does the name modify the noun right after it ('Egypt, U.S. President Obama' is no
    Egypt in the U.S.: a qualifier ends its phrase, as in 'Cairo, Ill., police said')?"""
    if last + 1 >= len(doc):
        return False
    tok, after = doc[last], doc[last + 1]
    return tok.head.i > last and after.pos_ in ("NOUN", "PROPN") and after.text[:1].isalpha()


def _suffix(doc: Any, end: int) -> tuple[int, str]:
    """A kind word right after the name ('Province', 'rail lines'): (new end token, hint)."""
    suffix = words().suffix
    for k in range(end, min(end + 2, len(doc))):
        if doc[k].is_sent_start or doc[k - 1].whitespace_ != " ":
            break
        hint = suffix.get(doc[k].lower_)
        if hint:
            grows = k == end and doc[k].text[:1].isupper() and hint.startswith("admin")
            return (k + 1 if grows else end), hint
        if not doc[k].is_alpha or doc[k].pos_ not in ("NOUN", "ADJ", "PROPN"):
            break
    return end, ""


def _prefix(doc: Any, start: int) -> str:
    """'province of X', 'the city of X'."""
    if start >= 2 and doc[start - 1].lower_ == "of":
        return words().suffix.get(doc[start - 2].lower_, "")
    return ""


def _entities(doc: Any, gaz: Gazetteer, found: list[Toponym]) -> list[Toponym]:
    """spaCy's place entities the scan missed, looked up without 'the', ''s' or a kind word."""
    taken = {i for t in found for i in range(t.start, t.end)}
    out = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS or any(i in taken for i in range(*_chars(ent))):
            continue
        toks = [t for t in ent if t.lower_ not in ("the", "'s", "’s")]
        hint = ""
        if len(toks) > 1 and toks[-1].lower_ in words().suffix:
            hint = words().suffix[toks[-1].lower_]
            toks = toks[:-1]
        if not toks:
            continue
        span = doc[toks[0].i : toks[-1].i + 1]
        hits = kept_readings(span.text, gaz.lookup(span.text))
        if hits and _entity_fits(span.text, hits) and not _function_word(span):
            start, end = _chars(ent)
            last = ent.end - 1
            top = Toponym(start, end, ent.text, hits, "entity", hint, False, last)
            out.append(replace(top, modifier=_modifies(doc, last)))
    return out


def kept_readings(text: str, hits: tuple[Hit, ...]) -> tuple[Hit, ...]:
    """The readings a name keeps: a word of ``non_place_words.tsv`` only its readings as a
    demonym, country, continent or curated place; a word the tables give as a demonym
    ('English', 'Welsh', 'Thai') also a province whose own name it is ("Ethiopia's Somali
    region"). A town or alternate name spelled like a people's adjective (English, Indiana;
    'Thai' for Alor Setar) is not what news means by it."""
    if text in non_place_words():
        return tuple(h for h in hits if not_a_town(h))
    if any(h.demonym for h in hits):
        return tuple(h for h in hits if not_a_town(h) or (h.primary and h.entry.kind == "admin1"))
    return hits


def not_a_town(hit: Hit) -> bool:
    """A reading a word of ``non_place_words.tsv`` keeps: a demonym, a country or continent, or a
    curated place ('Arab' the Arabian Peninsula's demonym, never Arab, Alabama)."""
    e = hit.entry
    return hit.demonym or e.kind in ("country", "continent") or e.key.startswith("cur:")


def never_a_place(text: str, strong: bool) -> bool:
    """A word of the never list, also in a transcript's capitals ('SECRETARY') unless its
    reading is strong ('PHOENIX (AP)' is a city)."""
    never = words().never
    return text in never or (text.capitalize() in never and not strong)


def _entity_fits(text: str, hits: tuple[Hit, ...]) -> bool:
    """An entity spaCy calls a place is taken unless it is an acronym or a word that is never
    a place ('UN' is not the town one of whose alternate names it is)."""
    never = never_a_place(text, is_strong(hits, text))
    if never or (text in non_place_words() and not any(map(not_a_town, hits))):
        return False
    short = text.isupper() and len(text) <= 4
    return not short or any(h.entry.kind in STRONG_KINDS for h in hits)


def _chars(span: Any) -> tuple[int, int]:
    return int(span.start_char), int(span.end_char)


def _borders(doc: Any, found: list[Toponym]) -> list[Toponym]:
    """'the border', 'the frontier': named by the article's countries when resolved."""
    taken = {i for t in found for i in range(t.start, t.end)}
    out = []
    heads = {phrase.split()[-1] for phrase in words().border}
    for tok in doc:
        if tok.lower_ not in heads:
            continue
        if tok.pos_ != "NOUN" or tok.dep_ == "compound" or tok.idx in taken:
            continue
        phrase = _border_phrase(doc, tok)
        if phrase is not None:
            start, end = phrase
            text = doc.char_span(start, end, alignment_mode="expand").text
            out.append(Toponym(start, end, text, (), "border", "", False, tok.i))
    return out


def _border_phrase(doc: Any, tok: Any) -> tuple[int, int] | None:
    for phrase in words().border:
        n = phrase.count(" ") + 1
        first = tok.i - n + 1
        if first >= 0 and " ".join(t.lower_ for t in doc[first : tok.i + 1]) == phrase:
            return doc[first].idx, tok.idx + len(tok.text)
    return None
