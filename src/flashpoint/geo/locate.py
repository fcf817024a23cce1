"""Where one mention's event happened: the toponym tied to its trigger, else a fallback.

In the sentence, a place governed by a locative preposition ('in', 'along', 'near') attached
to the trigger, or the trigger's object ('crossed the border'), is the event's place; a place
in a clause about another event ('hours after Putin left Pyongyang') is not, nor a country
standing for its government ('Seoul said'). Failing that: a place in another clause of the
sentence given with a locative preposition; the capital, for a government's acts; the
paragraph (a few sentences around, and only a place in a country the sentence names); the
article's most named place in the actors' country (else in a country the sentence names, else
in the article's focus); the actors' country. Each fallback is coarser (ACLED geo-precision:
1 the place itself, 2 near it or part of a region, 3 a larger region or a border area) and
says how it was inferred (``Place.rule``). A dateline is never an event's place.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from flashpoint.distance import haversine_km
from flashpoint.geo.districts import INSIDE_KM
from flashpoint.geo.gazetteer import Entry, load_gazetteer
from flashpoint.geo.lexicon import words
from flashpoint.geo.place_roles import (
    clause_of,
    in_side_clause,
    origin,
    person_described,
    speaks,
    subordinate,
)
from flashpoint.ontology import load_ontology
from flashpoint.records import COUNTRY_FROM_CONTEXT, Mention, Place

if TYPE_CHECKING:
    from flashpoint.geo import ArticlePlaces

POINT_KINDS = frozenset({"city", "crossing", "base"})
SITE_KM = 3.0  # a place no wider than this is one spot (ACLED precision 1)
# as the act's subject or possessor such a name is the body that acts: 'Seoul said', 'the EU
# is deploying officers' (the Union, not the continent's centre)
STANDS_FOR_STATE = frozenset({"city", "admin1", "country", "continent", "region"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "npadvmod", "appos"})
STRONG, WEAK = 0.5, 0.3
OTHER_EVENT = 0.05  # the place of another event: a home, a side clause
COUNTRY_NAMED = 0.06  # a country the sentence names, tied to no act: only where to look
SAYING = 0.04  # the place of a saying that reports the event ('said in Geneva that ...')
SENTENCE_RULES = {STRONG: "sentence", WEAK: "sentence-clause"}  # a place the sentence gives
PARAGRAPH_RULE = "paragraph"
ARTICLE_RULE = "article"
NOWHERE: frozenset[int] = frozenset()
PARAGRAPH_BEFORE, PARAGRAPH_AFTER = 400, 200  # characters: about two sentences, and one
THEATRE_MIN = 2  # an article's acts of war placed in one country that make it their theatre


def base_precision(entry: Entry) -> int:
    """ACLED's geo-precision of the place itself: 1 a town or a site (a crossing, a base, a
    square of a few hundred metres), 2 a district or a small area, 3 a larger area."""
    site = 0 < entry.radius_km <= SITE_KM  # 'Tahrir Square' is a site, whatever its kind
    if entry.kind in POINT_KINDS or site or (entry.kind == "island" and entry.radius_km <= 10):
        return 1 if entry.radius_km <= SITE_KM else 2
    return 2 if entry.kind == "admin2" or (0 < entry.radius_km <= 25) else 3


def locate(
    mention: Mention, clean_text: str, places: ArticlePlaces, theatre: str | None = None
) -> Place | None:
    """The place of the mention's event, with its precision and the rule that chose it;
    ``theatre``: the country of the article's own placed acts of war (``war_theatre``)."""
    from flashpoint.geo import to_place

    places = places.for_events or places  # "the Nigerien capital" read as the city
    sentence = (mention.sentence.start, mention.sentence.end)
    ranked = _in_sentence(mention, places, sentence)
    said_at = frozenset(k for s, k, _ in ranked if s == SAYING)
    # a place of another act or of a saying tells where to look for no place of this one
    elsewhere = frozenset(k for s, k, _ in ranked if s in (SAYING, OTHER_EVENT))
    for floor, rule in SENTENCE_RULES.items():
        best = [(s, k, near) for s, k, near in ranked if s >= floor]
        if best:
            _, k, near = best[0]
            entry = places.entries[k]
            assert entry is not None
            return to_place(entry, places.toponyms[k], min(3, base_precision(entry) + near), rule)
    capital = _capital(mention)
    if capital is not None:
        return to_place(capital, None, 1, "capital")
    own_countries = _own_countries(mention, places, said_at)
    if not own_countries and theatre and _war_act(mention):
        own_countries = {theatre}  # the paragraph's town must lie where the war is
    for rule, found in (
        (PARAGRAPH_RULE, _in_paragraph(places, clean_text, sentence, own_countries)),
        (ARTICLE_RULE, _in_article(places, _home_countries(mention, places, elsewhere, theatre))),
    ):
        if found is not None:
            entry = places.entries[found]
            assert entry is not None
            precision = min(3, base_precision(entry) + 1)
            return to_place(entry, places.toponyms[found], precision, rule)
    country = _country(mention, places, theatre if _war_act(mention) else None)
    return to_place(country, None, 3, "country") if country is not None else None


ANTECEDENT_RULE = "antecedent"


def antecedent_places(mentions: list[Mention]) -> list[Mention]:
    """Mentions in text order, each that refers back to an act the article reported ("Taiwan
    condemned the drills", after "China launched drills around Taiwan"), goes on from it or
    is part of it, and names no place of its own, placed where that act is, when that act's
    own sentence names it: the same act has one place, whatever place a fallback (a capital,
    the paragraph) would give it; a fallback of the act's own is no better than this one's."""
    read = {*SENTENCE_RULES.values(), ANTECEDENT_RULE}  # a place read from the text
    seen: dict[str, Mention] = {}
    out = []
    for m in mentions:
        ante = seen.get(m.refers_to) if m.refers_to else None
        own = m.place is not None and m.place.rule in SENTENCE_RULES.values()
        if ante is not None and ante.place is not None and ante.place.rule in read and not own:
            how = f"'{m.trigger.text}' refers back to '{ante.trigger.text}': its place"
            kept = tuple(x for x in m.inferred if x[0] != "place")
            m = replace(
                m,
                place=replace(ante.place, rule=ANTECEDENT_RULE),
                inferred=(*kept, ("place", how)),
            )
        seen[m.id] = m
        out.append(m)
    return out


def _usable(places: ArticlePlaces, k: int) -> bool:
    top, entry = places.toponyms[k], places.entries[k]
    return entry is not None and top.how != "demonym" and not top.embedded and not top.dateline


def _in_sentence(
    mention: Mention, places: ArticlePlaces, sentence: tuple[int, int]
) -> list[tuple[float, int, int]]:
    """(score, toponym index, 1 if only near) for the sentence's places: best first, then the
    nearest to the trigger."""
    trigger = _token_at(places.doc, mention.trigger.start)
    in_sentence = [
        k
        for k, top in enumerate(places.toponyms)
        if sentence[0] <= top.start < sentence[1] and _usable(places, k)
    ]
    by_token = {places.toponyms[k].token: places.entries[k] for k in in_sentence}
    out = []
    for k in in_sentence:
        top, entry = places.toponyms[k], places.entries[k]
        assert entry is not None
        distance = abs(top.start - mention.trigger.start)
        if trigger is None or top.token < 0:
            score, near = (STRONG if distance < 60 else WEAK), 0
        else:
            place = places.doc[top.token]
            part = _part_possessed(place)
            if part is not None and not _named_inside(part, entry, by_token):
                # "in Mogadishu's Hodan district", "on Kyiv's outskirts": where the part is,
                # the town is (unless the part's own name is a place in it: "Donetsk's
                # Pokrovsk district" is Pokrovsk)
                place = part
            score, near = attachment(place, trigger, entry, as_part=place is part)
        out.append((score, distance, k, near))
    out.sort(key=lambda sdkn: (-sdkn[0], sdkn[1]))
    return [(score, k, near) for score, _, k, near in out]


def _part_possessed(place: Any) -> Any | None:
    """The noun heading a part of a town the place is the possessor of ("Mogadishu's Hodan
    and Wadajir districts": districts), or a site named in it where an act is put ("in
    Cairo's Egyptian Museum", "at Gaza's Shifa Hospital"), else None."""
    if place.dep_ != "poss":
        return None
    w = words()
    part = place.head
    while part.lower_ not in w.city_part and part.dep_ == "compound":
        part = part.head
    if part.lower_ in w.city_part:
        return part
    return part if _named_site(part) else None


def _named_site(noun: Any) -> bool:
    """A proper name put at by a locative preposition ("in Cairo's Tahrir Square"): a site,
    unlike an office or a view ("Seoul's ministry said", "in Washington's view")."""
    w = words()
    if noun.pos_ != "PROPN" or noun.dep_ != "pobj" or noun.head.lower_ not in w.locative:
        return False
    # "in Israel's Haaretz daily", "in Britain's Guardian newspaper": the outlet, no site
    return not any(t.lower_ in w.instrument or t.lower_ in w.medium for t in noun.subtree)


def _named_inside(part: Any, town: Entry, by_token: dict[int, Entry | None]) -> bool:
    """Does the part carry a name of its own that is a place in the town's region ("Donetsk's
    Pokrovsk district": Pokrovsk, in Donetsk oblast)? A namesake elsewhere ("Kharkiv's
    Kyivskyi district", whose gazetteer namesakes lie in other oblasts) does not count."""
    names = [c for c in part.subtree if c.i != part.i and c.dep_ in ("compound", "nmod", "conj")]
    for name in names:
        entry = by_token.get(name.i)
        if entry is None or entry.country != town.country:
            continue
        same_region = entry.admin1 is not None and entry.admin1 == town.admin1
        if same_region or haversine_km(entry.lat, entry.lon, town.lat, town.lon) <= INSIDE_KM:
            return True
    return False


def _token_at(doc: Any, offset: int) -> Any:
    """The token holding a character offset (a binary search over the token starts)."""
    if doc is None:
        return None
    starts = doc.user_data.get("flashpoint_token_starts")
    if starts is None:
        starts = doc.user_data["flashpoint_token_starts"] = [t.idx for t in doc]
    i = bisect_right(starts, offset) - 1
    if i < 0:
        return None
    tok = doc[i]
    return tok if offset < tok.idx + max(1, len(tok.text)) else None


def attachment(place: Any, trigger: Any, entry: Entry, as_part: bool = False) -> tuple[float, int]:
    """How surely the place is where the trigger's event happened, and 1 if only near it.
    ``as_part``: ``place`` is a part of the town ``entry`` ("Aleppo's eastern districts"),
    which never stands for a state."""
    w = words()
    head = place
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # 'the Gyeongui and Donghae lines': the first conjunct's role
    head = _part_of(head)
    if origin(head):
        return OTHER_EVENT, 0  # 'Private Smith, from Ipswich, was killed': his home
    person = person_described(head)
    if person is not None and (clause_of(person) != clause_of(trigger) or speaks(person, head)):
        return OTHER_EVENT, 0  # a source's or a bystander's post: 'White House Press Secretary'
    if person is not None:
        return WEAK, 0  # the victim's or the actor's town, when nothing better is tied to the act
    if head.dep_ == "pobj" and head.head.lower_ in w.locative:
        prep = head.head
        near = int(prep.lower_ in w.near)
        if prep.head == trigger or (prep.head in trigger.children and prep.head.pos_ != "VERB"):
            return 1.0, near
        if prep.head.lemma_ == trigger.lemma_ and prep.head.pos_ == trigger.pos_ == "NOUN":
            return 0.6, near  # 'ahead of his visit, ... a visit to Pyongyang': the same visit
        if _reports(prep.head, trigger):
            return SAYING, near
        if subordinate(place, trigger):
            return OTHER_EVENT, near
        return _clause_score(prep, trigger), near
    if subordinate(place, trigger):
        return OTHER_EVENT, 0
    if entry.kind == "country":
        return COUNTRY_NAMED, 0
    if head.dep_ in OBJECT_DEPS and head.head == trigger:
        return 0.8, 0
    if head.dep_ in ("nsubj", "poss") and entry.kind in STANDS_FOR_STATE and not as_part:
        return 0.1, 0  # 'Seoul said', "Pyongyang's media": the state, not the place
    return (0.4 if clause_of(head) == clause_of(trigger) else 0.15), 0


def _part_of(place: Any) -> Any:
    """'on the streets of Cairo', 'in the outskirts of Homs', 'in the northern city of Mosul':
    the phrase of the part, or of the word for the place's kind, places the town, so its
    preposition is the town's."""
    w = words()
    of, part = place.head, place.head.head
    if place.dep_ != "pobj" or of.lower_ != "of":
        return place
    if part.lower_ in w.suffix:  # the town of Rastan: the word stands for the town
        return part
    return part if part.dep_ == "pobj" and part.lower_ in w.city_part else place


def _reports(word: Any, trigger: Any) -> bool:
    """Is the trigger inside a content clause below ``word`` ('forget in Washington that
    Egypt was fighting', 'said in Geneva that troops shelled Homs')? A place of the saying,
    thinking or fearing is not the reported event's."""
    tok = trigger
    while tok.i != tok.head.i and tok != word:
        content = tok.dep_ == "ccomp" or (
            tok.dep_ == "acl" and any(c.dep_ == "mark" for c in tok.children)
        )
        if content and tok.head == word:
            return True  # not a saying conjoined to the act: 'broke out in Aleppo, and ... said'
        tok = tok.head
    return False


def _clause_score(prep: Any, trigger: Any) -> float:
    """A locative phrase of the trigger's own clause (0.6), of a clause the trigger's clause
    hangs from ('gathered in Cairo to demand', 0.45), or of another branch of the sentence
    ('speaking in Davos', WEAK)."""
    here, there = clause_of(prep), clause_of(trigger)
    if here == there:
        return 0.6
    if here in there.ancestors:
        return 0.45
    return OTHER_EVENT if _describes_another(here, trigger) else WEAK


def _describes_another(clause: Any, trigger: Any) -> bool:
    """Is the clause a relative clause on a noun that is no party of the trigger's act (not
    its subject, its object or a phrase on it: 'summoned the envoy to lodge a protest over
    shelling that killed two in Poonch' says where the shelling was, not the summons)?
    'Protesters who gathered in Tahrir Square clashed with police' keeps the square; so does
    'protested over shelling that killed two in Poonch', where the shelling is on the act."""
    if clause.dep_ != "relcl":
        return False
    if any(c.lower_ == "where" for c in clause.children):
        return False  # 'a square near the hall where he spoke in Cairo': a place's own clause
    noun = clause.head
    own = trigger  # the trigger's noun: 'suicide bomb attacks which killed 33 in Mosul'
    while own.dep_ in ("compound", "amod") and own.head.i > own.i:
        own = own.head
    return noun != own and trigger not in (noun.head, noun.head.head)


def _capital(mention: Mention) -> Entry | None:
    """A government's statement, order or law is placed in its capital; its field acts and
    its leaders' travels are not."""
    w = words()
    actor = mention.actor1
    etype = load_ontology().get(mention.type)
    if actor is None or actor.role not in w.capital_roles or not actor.country:
        return None
    if etype is None or etype.family not in w.capital_families:
        return None
    if mention.type in w.capital_not_types:
        return None
    return load_gazetteer().capital(actor.country)


def _literal(places: ArticlePlaces, k: int) -> bool:
    """A toponym that names where something is (not a demonym, a state acting, a country, or
    a place in a side clause): computed once per toponym of the article."""
    known = places.literal.get(k)
    if known is None:
        known = places.literal[k] = _is_literal(places, k)
    return known


def _is_literal(places: ArticlePlaces, k: int) -> bool:
    top, entry = places.toponyms[k], places.entries[k]
    if not _usable(places, k) or entry is None or entry.kind in ("country", "continent"):
        return False
    if k > 0 and places.text[places.toponyms[k - 1].end : top.start].strip() == ",":
        return _literal(places, k - 1)  # 'Washington, D.C.': the qualifier is the name's
    if places.doc is None or top.token < 0:
        return True
    token = places.doc[top.token]
    if in_side_clause(token) or origin(token):
        return False  # '... hours after Putin left Pyongyang': another event's place
    if person_described(_part_of(token)) is not None:
        return False  # 'Lory Manning, director of a centre in Washington DC': who she is
    return entry.kind not in STANDS_FOR_STATE or token.dep_ not in ("nsubj", "poss")


def _actor_countries(
    mention: Mention, guessed: bool = False, parties_only: bool = False
) -> set[str]:
    """The countries the mention's actors' own words name; with ``guessed``, also those given
    from the article's main country (a bare "troops" or "protesters": it tells nothing of
    where this act happened, so it is read only when nothing else names a country); with
    ``parties_only``, of its two parties only, not of every actor its sentence names ('the
    surrender of Iraqi troops' after 'the US, British and French armies had chased them')."""
    parties = [mention.actor1, mention.actor2]
    actors = parties if parties_only else [*parties, *mention.actors]
    return {
        a.country
        for a in actors
        if a is not None and a.country and (guessed or a.inferred != COUNTRY_FROM_CONTEXT)
    }


def _sentence_countries(
    mention: Mention,
    places: ArticlePlaces,
    said_at: frozenset[int] = NOWHERE,
    demonyms: bool = True,
) -> set[str]:
    """The countries of the sentence's places, but not of those ``said_at``: the place of a
    saying that reports the event ('said in Geneva that ...'); with ``demonyms``, also those
    of its words for peoples."""
    start, end = mention.sentence.start, mention.sentence.end
    return {
        entry.country
        for k, (top, entry) in enumerate(zip(places.toponyms, places.entries, strict=True))
        if entry is not None
        and entry.country
        and start <= top.start < end
        and k not in said_at
        and (demonyms or top.how != "demonym")
    }


def _own_countries(
    mention: Mention, places: ArticlePlaces, said_at: frozenset[int] = NOWHERE
) -> set[str]:
    """The countries the mention's own words name: its actors', and those of the places and
    demonyms of its sentence other than where a saying was made; failing those, the countries
    its actors were given from the article (a bare "protesters" in a story on Kenya stays in
    Kenya); failing those too, the saying's (the paragraph's place must still fit something
    the sentence names)."""
    found = _actor_countries(mention) | _sentence_countries(mention, places, said_at)
    return found or _actor_countries(mention, guessed=True) or _sentence_countries(mention, places)


def _in_paragraph(
    places: ArticlePlaces, text: str, sentence: tuple[int, int], countries: set[str]
) -> int | None:
    """The nearest literal place of the sentence's paragraph, no further than a few sentences
    (a transcript or a page of briefs runs many stories together without a blank line), and in
    a country the sentence names, when it names any (Egyptians marching are not in Chicago
    because the story before was), else in the country of the last place named before it as
    where the story is (``_story_place``; that country's own name when none of its towns is
    near). What a neighbouring sentence calls 'the border' is that
    sentence's inference: it places only an act of a country it runs along ('the troops
    withdrew' after 'crossed the border'; not a vote in Washington)."""
    start = max(text.rfind("\n\n", 0, sentence[0]) + 1, sentence[0] - PARAGRAPH_BEFORE)
    end = text.find("\n\n", sentence[1])
    end = min(len(text) if end < 0 else end, sentence[1] + PARAGRAPH_AFTER)
    story = _story_place(places, start, sentence[0]) if not countries else None
    within = countries or _country_of(places, story)
    found = [
        (top.start > sentence[0], abs(top.start - sentence[0]), k)
        for k, top in enumerate(places.toponyms)
        if start <= top.start < end
        and not sentence[0] <= top.start < sentence[1]
        and (top.how != "border" or countries)
        and _literal(places, k)
        and _fits(places.entries[k], within)
    ]
    if found:
        return min(found)[2]
    # the story's country named as such, when no town of it is near: the country itself
    entry = places.entries[story] if story is not None else None
    return story if entry is not None and entry.kind == "country" else None


def _story_place(places: ArticlePlaces, start: int, end: int) -> int | None:
    """The last place named between ``start`` and ``end`` as where the story is, a country's
    own name too: the story a sentence goes on with ("rallies in Chicago and Los Angeles ...
    Order has collapsed across Egypt's cities. As darkness falls, looting has become
    pervasive": the looting is in Egypt, not in the American city named before)."""
    for k in range(len(places.toponyms) - 1, -1, -1):
        if start <= places.toponyms[k].start < end and _tells_where(places, k):
            return k
    return None


def _country_of(places: ArticlePlaces, k: int | None) -> set[str]:
    entry = places.entries[k] if k is not None else None
    return {entry.country} if entry is not None and entry.country else set()


def _tells_where(places: ArticlePlaces, k: int) -> bool:
    """A place named as where the story is: a literal one, or a country's own name in a
    phrase of place on the sentence's main verb, itself or as its noun's possessor ("In Yemen,
    crowds rallied", "order collapsed across Egypt's cities"); not a country on a noun or in a
    clause ("inspired by the revolt in Egypt", "who studied in Britain"), a country as a
    party ("aid to Pakistan"), a border a sentence infers, nor a place that says who someone
    is."""
    top, entry = places.toponyms[k], places.entries[k]
    if not _usable(places, k) or entry is None or top.how == "border":
        return False
    if entry.kind != "country":
        return _literal(places, k)
    if places.doc is None or top.token < 0:
        return False
    token = places.doc[top.token]
    noun = token.head if token.dep_ in ("poss", "compound") else token
    prep = noun.head
    on_main = noun.dep_ == "pobj" and prep.head.dep_ == "ROOT"
    return on_main and prep.lower_ in words().setting and not in_side_clause(token)


def _fits(entry: Entry | None, countries: set[str]) -> bool:
    """Is the place in one of ``countries`` (a border line: in one of its countries)? A sea or
    a region of no country may be where any country's ship or army acts."""
    if not countries or entry is None or not (entry.country or entry.countries):
        return True
    return bool(countries & {entry.country, *entry.countries})


def _inside(entry: Entry, countries: set[str]) -> bool:
    """Does the place lie in one of ``countries`` (a place of no country does not)?"""
    return bool(countries & {entry.country, *entry.countries} - {None})


def _home_countries(
    mention: Mention,
    places: ArticlePlaces,
    elsewhere: frozenset[int] = NOWHERE,
    theatre: str | None = None,
) -> list[set[str]]:
    """Where an event may be placed without a word of its own, most trusted first: its two
    parties' countries, those its sentence names but for the places ``elsewhere`` (of a
    saying, of another act, a person's home: 'the surrender of Iraqi troops when they entered
    Kuwait, after the US armies had chased them north' goes to no town of Hollywood's name);
    the article's focus (the country it names most) only when its own words name none
    (Israeli soldiers firing tear gas are not placed in the American town a CNN page names
    most: their country is the better guess). A word
    for a people counts only through an actor: 'a correspondent for Al-Jazeera English' is
    detained where the story is, not in the article's most named English town. An act of
    war that names no country is in the ``theatre`` of the article's placed acts of war, when
    it has one, rather than in its focus (a soldier killed in a blast is not in his home town)."""
    own = (
        _actor_countries(mention, parties_only=True),
        _sentence_countries(mention, places, elsewhere, demonyms=False),
        _actor_countries(mention, guessed=True),
    )
    # the first that names any; a party's country the article names no town of is where the
    # act was ('Libya agreed to pay the victims of the Lockerbie bombing' is not in London)
    focus = {theatre} if theatre and _war_act(mention) else set(places.countries[:1])
    return [next((g for g in own if g), focus)]


def locate_all(mentions: list[Mention], clean_text: str, places: ArticlePlaces) -> list[Mention]:
    """Every mention with its event's place. An act of war with no place of its own words
    goes where the article's placed acts of war are (``war_theatre``): only those are placed
    a second time, since the theatre changes no other."""
    placed = [replace(m, place=locate(m, clean_text, places)) for m in mentions]
    theatre = war_theatre(placed, places.countries[0] if places.countries else None)
    if theatre is None:
        return placed
    own_words = (*SENTENCE_RULES.values(), "capital")
    return [
        replace(m, place=locate(m, clean_text, places, theatre))
        if _war_act(m) and (m.place is None or m.place.rule not in own_words)
        else m
        for m in placed
    ]


def war_theatre(mentions: list[Mention], focus: str | None) -> str | None:
    """The country where the article's acts of war that their own sentences place lie, when
    THEATRE_MIN or more do and no other country has as many; only for an article whose
    ``focus`` (the country it names most) has no such act of its own: a story told at home
    of a war abroad (a soldier's funeral), not one on a war at home or two wars. A border
    line placed is no country's, and an act recalled from the past makes no theatre."""
    counts = Counter(
        m.place.country
        for m in mentions
        if not m.dropped
        and m.place is not None
        and m.place.country
        and m.place.kind != "line"
        and m.place.rule in SENTENCE_RULES.values()
        and _war_act(m)
    )
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < THEATRE_MIN or (focus and counts[focus]):
        return None
    return None if len(ranked) > 1 and ranked[1][1] == ranked[0][1] else ranked[0][0]


def _war_act(mention: Mention) -> bool:
    """An act of war told as news: of a family of ``theatre_family``, not of a type also done
    in peace at home (``theatre_not_type``: a stabbing, a kidnapping), not recalled history."""
    etype = load_ontology().get(mention.type)
    w = words()
    return (
        etype is not None
        and etype.family in w.theatre_families
        and mention.type not in w.theatre_not_types
        and mention.mode != "historical"
    )


def _in_article(places: ArticlePlaces, groups: list[set[str]]) -> int | None:
    """The article's most named literal place in the first group of countries that has one."""
    for countries in groups:
        keys = Counter(
            e.key
            for k, e in enumerate(places.entries)
            if e is not None and _literal(places, k) and (not countries or _inside(e, countries))
        )
        if keys:
            best = keys.most_common(1)[0][0]
            return next(
                k
                for k, e in enumerate(places.entries)
                if e is not None and e.key == best and _literal(places, k)
            )
    return None


def _country(mention: Mention, places: ArticlePlaces, theatre: str | None = None) -> Entry | None:
    gaz = load_gazetteer()
    actors = [mention.actor1, mention.actor2, *mention.actors]
    article = [theatre] if theatre else list(places.countries)
    for code in [a.country for a in actors if a is not None] + article:
        if code and code in gaz.countries:
            return gaz.countries[code]
    return None
