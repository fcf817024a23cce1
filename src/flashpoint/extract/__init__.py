"""Extract: clean text in, event mentions out.

Public entries: :func:`extract_mentions` (a ``CleanText``) and :func:`extract_text` (any text,
cleaned first). The package itself is callable, so ``flashpoint.extract(text, published=...)``
works as the one-line Python interface.

Only sentences that may hold an event (a cue word is present) go through spaCy.
"""

from __future__ import annotations

import re
import sys
import types
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from flashpoint.extract.backref import refer_back
from flashpoint.extract.date_rules import RECALLED_DAYS, VAGUE_AGO
from flashpoint.extract.datelines import dateline_end, opens_with_dateline
from flashpoint.extract.titled import titled_names
from flashpoint.extract.type_rules import article_frames
from flashpoint.records import CROWD_ROLES, Actor, CleanText, DateValue, Mention, Span

if TYPE_CHECKING:
    from flashpoint.extract.events import SentenceContext

__all__ = ["extract_mentions", "extract_text"]

NO_DAY_RULES = frozenset({"clock-time", VAGUE_AGO})  # dates that name no day to go on from
# A brief (a lead, a caption, a wire summary) may leave its day to the page around it; a
# longer article that names no day near its report is a feature, a review or a column
BRIEF_SENTENCES = 5
MIN_PAST_DATES = 2  # one old date ("founded in 2003") is background any report may give
# roles that act where they are: a bare one in a sentence that names one country, only as a
# place, is of that country ("police fired tear gas in Algiers"; not an army, which may act
# abroad; not a people's word: "police detained two Egyptian journalists" in Istanbul)
PLACED_ROLES = CROWD_ROLES | {"police"}
# roles whose bare noun ("the army", "protesters") is the same group the article names with a
# country (no kin: the police in Kharkiv are not Russian because Russian troops shelled it)
FORCE_ROLES = PLACED_ROLES | {"military"}
# who may speak of a place from afar ("U.S. officials said"): naming them tells no story switch
REMOTE_ROLES = frozenset({"government", "international_org", "media"})
_ANAPHOR = re.compile(r"\b(a|an|the) (previous|earlier|prior|similar) (one|incident)\b", re.I)


def main_country(text: str) -> str | None:
    """The country the article is mostly about: the most named one among its actors (not
    among its places and peoples: in "Palestinians said the troops killed three", the
    troops are the state's whose actors the article names)."""
    from flashpoint.extract.actors import find_actors

    counts = Counter(a.country for a in find_actors(text) if a.country)
    return counts.most_common(1)[0][0] if counts else None


def parse_candidates(text: str) -> Any:
    """One spaCy ``Doc`` of the whole text in which only the sentences that may hold an event
    are parsed (the others are tokenised only); ``None`` when no sentence may. The extract and
    geo stages share it, so no sentence is parsed twice and most are not parsed at all."""
    from spacy.tokens import Doc

    from flashpoint.extract.sentences import split_sentences
    from flashpoint.extract.triggers import may_hold_event
    from flashpoint.nlp import load_nlp, readable

    spans = list(split_sentences(text))
    flags = [may_hold_event(text[s:e]) for s, e in spans]
    if not any(flags):
        return None
    bounds = [0] + [s for s, _ in spans[1:]] + [len(text)]
    seen = readable(text)  # same length: every offset holds
    chunks = [seen[a:b] for a, b in pairwise(bounds)]
    nlp = load_nlp()
    parsed = iter(nlp.pipe([c for c, f in zip(chunks, flags, strict=True) if f], batch_size=64))
    docs = [next(parsed) if f else nlp.make_doc(c) for c, f in zip(chunks, flags, strict=True)]
    # The stub lacks `exclude`; tensors differ between parsed and tokenised chunks.
    return Doc.from_docs(  # type: ignore[call-arg]
        docs, ensure_whitespace=False, exclude=["tensor", "user_data"]
    )


def _sentence_docs(contexts: list[Any], doc: Any) -> Iterator[Any]:
    """Each candidate sentence parsed: cut from the article's parse when one is given (one
    parse shared with the geo stage), else parsed alone."""
    from flashpoint.nlp import load_nlp, readable

    if doc is None:
        yield from load_nlp().pipe([readable(c.text) for c in contexts], batch_size=64)
        return
    # Span.as_doc turns the whole article into an array on every call unless given one:
    # made once here, the copies are the same and an article costs one conversion, not one
    # per sentence
    array_head: Any = None
    array: Any = None
    for ctx in contexts:
        span = doc.char_span(ctx.start, ctx.start + len(ctx.text), alignment_mode="expand")
        if span is not None and span.text == readable(ctx.text):
            if array is None:
                array_head = doc._get_array_attrs()
                array = doc.to_array(array_head)
            yield span.as_doc(array_head=array_head, array=array)
        else:
            yield load_nlp()(readable(ctx.text))


def extract_mentions(
    clean: CleanText, *, published: str | None, outlet: str | None = None, doc: Any = None
) -> list[Mention]:
    """Every event mention in an article's clean text, with raw offsets filled in.

    ``doc``: the spaCy parse of the whole clean text, when the caller has one to share."""
    from flashpoint.extract.actors import find_actors, named_countries
    from flashpoint.extract.events import sentence_mentions

    text = clean.text
    country = main_country(text)
    contexts = _sentence_contexts(clean, published, country)
    mentions: list[Mention] = []
    docs = _sentence_docs(contexts, doc)
    recent = country
    named_in = [[a for a in find_actors(c.text) if a.country and not a.inferred] for c in contexts]
    forces = _first_forces(named_in)
    local: str | None = None  # the one country a sentence last placed its story in
    for ctx, sdoc, own in zip(contexts, docs, named_in, strict=True):
        # A bare "troops" belongs to the country this sentence names as a party, else the
        # last one named. A sentence that names one country, only as a place, gives it to its
        # police and crowds. When the sentence names no country at all, a bare "the army" or
        # "police" is the same force the article names with its country, the last one so far,
        # else the first ("U.S. officials said" before it does not make the army American)
        named = Counter(a.country for a in own)
        if named:
            recent = named.most_common(1)[0][0]
        places, peoples = named_countries(ctx.text)
        if len(places) == 1 and not any(a.role in REMOTE_ROLES for a in own):
            local = next(iter(places))  # the one country placed, where no government speaks
        forces = _still_told(forces, own, places | peoples)
        forces.update(_forces(own))
        same = _bare_countries(bool(named), places, peoples, forces, local)
        found_actors = find_actors(ctx.text, context_country=recent, forces=same)
        actors = [_shift(a, ctx.start) for a in found_actors]
        crowd = same.get("protesters")
        found = sentence_mentions(sdoc, replace(ctx, crowd_country=crowd) if crowd else ctx, actors)
        mentions.extend(found)
        mentions.extend(_anaphoric(found, ctx))
    return [_with_raw(m, clean) for m in refer_back(mentions)]


def _forces(named: list[Actor]) -> dict[str, str]:
    """Role -> the country most named for that force (police, army) among ``named``."""
    out = {}
    for role in FORCE_ROLES:
        same = Counter(a.country for a in named if a.role == role and a.country)
        if same:
            out[role] = same.most_common(1)[0][0]
    return out


def _bare_countries(
    named: bool,
    places: set[str],
    peoples: set[str],
    forces: dict[str, str],
    local: str | None = None,
) -> dict[str, str]:
    """Role -> country for the sentence's bare forces and crowds: none when it names a party
    with a country (the country last named holds); the one country it names as a place, for
    its police and crowds; when it names no country at all, the forces the article named,
    and police it names with none are of the one country a sentence last named as a place,
    unless a government, an international body or an outlet spoke in it (``local``; "In
    London, Britain condemned the killings" sets no story there): police serve at home, and a
    foreign government speaking from afar just before ("U.S. officials said") does not make
    the police who fled their stations American. A crowd may gather anywhere (a rally in Texas
    against a war in Iraq): it keeps the party last named."""
    if named:
        return {}
    if places or peoples:
        return {role: next(iter(places)) for role in PLACED_ROLES} if len(places) == 1 else {}
    at_home = {"police": local} if local else {}
    return at_home | forces


def _still_told(forces: dict[str, str], own: list[Actor], told: set[str]) -> dict[str, str]:
    """The remembered forces that a sentence switching the story to another country forgets:
    one naming a place, a people, or a force or crowd of another country ("Elsewhere,
    Lebanese protesters blocked roads in Beirut"); a government speaking from afar ("U.S.
    officials condemned it") switches nothing."""
    remote = {a.country for a in own if a.role in REMOTE_ROLES}
    local = (told - remote) | {a.country for a in own if a.role not in REMOTE_ROLES}
    local.discard(None)
    return {r: c for r, c in forces.items() if not local or c in local}


def _first_forces(named_in: list[list[Actor]]) -> dict[str, str]:
    """Role -> the country of the first force of that role the article names."""
    out: dict[str, str] = {}
    for named in reversed(named_in):
        out.update(_forces(named))
    return out


def _sentence_contexts(
    clean: CleanText, published: str | None, country: str | None
) -> list[SentenceContext]:
    """What each sentence that may hold an event needs from its article: its dates, the
    paragraph's and the story's last day, and whether the article is told from the time of
    its report."""
    from flashpoint.extract.events import SentenceContext
    from flashpoint.extract.sentences import split_sentences
    from flashpoint.extract.triggers import may_hold_event
    from flashpoint.extract.when import sentence_dates

    text = clean.text
    titled = titled_names(text)
    frames = article_frames(text)
    contexts: list[SentenceContext] = []
    paragraph_date: DateValue | None = None
    told: DateValue | None = None  # the paragraph's last date, history too: an anchor
    story_date: DateValue | None = None
    named_days: list[DateValue] = []
    last_break = sentence_count = 0
    for start, end in split_sentences(text):
        sentence_count += 1
        if text.rfind("\n\n", last_break, start) >= 0:
            paragraph_date, told, last_break = None, None, start
        sentence = text[start:end]
        dates = sentence_dates(sentence, start, published, told)
        if may_hold_event(sentence):
            contexts.append(
                SentenceContext(
                    clean.article_id,
                    published,
                    country,
                    start,
                    sentence,
                    dates,
                    paragraph_date,
                    story_date,
                    titled,
                    frames,
                )
            )
        # a clock time alone ("at around 9 pm") names no day: it is the paragraph's; nor does a
        # vague count back ("planned months ago"), which the next sentences do not go on from
        fresh = [d for d in dates if not d.background and d.rule not in NO_DAY_RULES]
        filed = dateline_end(sentence, start)  # a dateline's or a stamp's date is the filing's
        named_days += [d for d in dates if d.span_start >= filed and d.rule not in NO_DAY_RULES]
        paragraph_date = fresh[-1] if fresh else paragraph_date
        told = next((d for d in reversed(dates) if d.rule != "clock-time"), told)
        story_date = _story_day(fresh, sentence, start, published) or story_date
    if _feature(text, sentence_count, named_days, published):
        return [replace(c, anchored=False) for c in contexts]
    return contexts


def _feature(text: str, sentence_count: int, dates: list[DateValue], published: str | None) -> bool:
    """A feature, a review, an obituary or a column: longer than a brief, filed from no
    place, not told from the time of its report."""
    if sentence_count <= BRIEF_SENTENCES or opens_with_dateline(text):
        return False
    return not anchored_to_report(dates, published)


def anchored_to_report(dates: list[DateValue], published: str | None) -> bool:
    """Is the article told from the time of its report? It is when it names a date near its
    publication (a day, a week, a month or a year that is not history and overlaps the
    RECALLED_DAYS either side: "on Monday", "yesterday", "this month", "next week"), or names
    fewer than two dates (a brief, or a report that leaves its day to the page). An article
    that names two or more dates, all history or long past ("in 1942", "in March 2003",
    "last year"), and none near the report is a feature, a review, an obituary or a column:
    the acts it does not date are its history. No publication date: it can't be told, so
    yes."""
    if not published or len(dates) < MIN_PAST_DATES:
        return True
    pub = date.fromisoformat(published[:10])
    near = timedelta(days=RECALLED_DAYS)
    return any(
        not d.background
        and date.fromisoformat(d.start) <= pub + near
        and date.fromisoformat(d.end) >= pub - near
        for d in dates
    )


def _story_day(
    fresh: list[DateValue], sentence: str, start: int, published: str | None
) -> DateValue | None:
    """The last day a sentence names for its story: past, not the dateline's filing day."""
    filed = dateline_end(sentence, start)
    past = [d for d in fresh if not published or d.start <= published]
    days = [d for d in past if d.precision == "day" and d.span_start >= filed]
    return days[-1] if days else None


def _shift(actor: Actor, offset: int) -> Actor:
    return replace(actor, span_start=actor.span_start + offset, span_end=actor.span_end + offset)


def _anaphoric(found: list[Mention], ctx: Any) -> list[Mention]:
    """ "the Tuesday crossing -- like a previous one on June 9": a second, earlier event."""
    out = []
    for m in _ANAPHOR.finditer(ctx.text):
        at = ctx.start + m.start()
        dates = [d for d in ctx.dates if at < d.span_start <= at + len(m.group(0)) + 25]
        sources = [x for x in found if x.trigger.start < at]
        if not dates or not sources:
            continue
        base = sources[-1]
        out.append(
            replace(
                base,
                id=base.id[:8] + f"{at:08x}",
                trigger=Span(at, at + len(m.group(0)), m.group(0)),
                date=dates[0],
                mode="happened",
                mode_cue="",
                inferred=(*base.inferred, ("type", f"refers back to '{base.trigger.text}'")),
            )
        )
    return out


def _with_raw(mention: Mention, clean: CleanText) -> Mention:
    start, end = clean.raw_span(mention.sentence.start, mention.sentence.end)
    return replace(mention, raw_start=start, raw_end=end)


def extract_text(
    text: str, *, published: str | None = None, outlet: str | None = None
) -> list[Mention]:
    """Clean ``text`` as an article body, then extract its mentions."""
    from flashpoint.clean import clean_text

    return extract_mentions(clean_text(text), published=published, outlet=outlet)


class _CallableModule(types.ModuleType):
    def __call__(
        self, text: str, *, published: str | None = None, outlet: str | None = None
    ) -> list[Mention]:
        return extract_text(text, published=published, outlet=outlet)


sys.modules[__name__].__class__ = _CallableModule
