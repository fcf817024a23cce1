"""Is a candidate one occurrence, or a kind, a state or a running total? (the genericity
half of :mod:`flashpoint.extract.realis`)

A bare plural told in the present ("attacks on civilians are a crime"), the state an act
left ("soldiers are deployed in Iraq"), a total over a period ("3,976 have been arrested so
far") or two totals compared report no one event. Each check returns ``""`` or
``"code: words"`` like :func:`realis.judge`. A habit ("police often detain", "a habit of
detaining") is read by :mod:`flashpoint.extract.habitual`.
"""

from __future__ import annotations

from typing import Any

from flashpoint.extract.clause_parts import purpose_clause
from flashpoint.extract.clauses import Cues, act_heads, clause_verb, definite, load_cues, tense
from flashpoint.extract.date_rules import MONTHS, WEEKDAYS
from flashpoint.extract.datelines import dateline_end
from flashpoint.extract.predicated import act_as_subject, described_as, said_of_people
from flashpoint.extract.triggers import names_people
from flashpoint.extract.wordlists import word_list


def _finite_governor(trigger: Any, chain: list[tuple[Any, str]]) -> Any | None:
    """The verb whose bare purpose a verb act is ("drives out of Oxford to visit his
    mother"): the act is told in that verb's tense. A complement is not ("plans to deploy"
    tells a plan now, which mode reads), nor is a copula's purpose."""
    if not chain or trigger.pos_ not in ("VERB", "AUX") or not purpose_clause(trigger):
        return None
    governor = chain[0][0]
    # "is in Kabul to meet": a state now, no narrative
    return None if governor.lemma_ in ("be", "have") else governor


PRESENT_TENSES = frozenset({"present", "progressive", "perfect"})


def _share_of(noun: Any, cues: Cues) -> Any | None:
    """The quantifier of a plural noun act in a partitive ("most of the bombings", "many of
    the attacks", "the majority of the killings"): a share of a set of acts, not one."""
    if noun.tag_ not in ("NNS", "NNPS"):
        return None
    while noun.dep_ == "conj" and noun.head.tag_ in ("NNS", "NNPS"):
        noun = noun.head  # "some of the bombings and kidnappings": the share is of both
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of":
        return None
    share = of.head
    return share if cues.has("partitive_quantifier", share.lemma_.lower()) else None


DAY_WORDS = frozenset({*WEEKDAYS, "yesterday", "today", "tonight"})
MONTH_WORDS = frozenset(m.lower() for m in MONTHS)


def _names_a_day(verb: Any) -> bool:
    """The clause dates its act to a day ("killed 20 people on Monday in the deadliest attack
    this year"): one act, so "this year" compares it, it does not total acts. Only the
    clause's own words count ("... this year, according to figures released on Tuesday" is
    still a total; so is one under a paper's stamp "Monday 14 February 2005 13.32 GMT"), and
    a month needs a day ("since March 2023" is a period)."""
    if verb is None:
        return False
    sent = verb.sent  # a leading dateline or stamp tells when the report was filed
    filed = dateline_end(sent.text, sent.start_char)
    words = [t for t in verb.subtree if _in_clause(t, verb) and t.idx >= filed]
    return any(
        not _bounds_a_period(t)
        and (
            t.lower_ in DAY_WORDS
            or (
                t.lower_ in MONTH_WORDS
                and i + 1 < len(words)
                and words[i + 1].like_num
                and len(words[i + 1].text) <= 2
            )
        )
        for i, t in enumerate(words)
    )


PERIOD_BOUNDS = frozenset({"since", "until", "till", "through", "thru"})


def _bounds_a_period(day: Any) -> bool:
    """ "since March 1", "until Tuesday", "up to March 5", "as of Monday": the day ends or
    starts the period a total counts over, it does not date one act."""
    doc = day.doc
    before = doc[day.i - 1].lower_ if day.i > 0 else ""
    earlier = doc[day.i - 2].lower_ if day.i > 1 else ""
    return (
        before in PERIOD_BOUNDS
        or (before == "to" and earlier == "up")
        or (before == "of" and earlier == "as")
    )


def _whole_kind(trigger: Any, chain: list[tuple[Any, str]], cues: Cues) -> Any | None:
    """'all' or 'most' on a plural noun act in a clause told in the simple present: the
    clause says what such acts are ("all suicide attacks are organised by movements", "most
    protests are peaceful"), not that one took place ("all the attacks were claimed"); 'the',
    a number or a possessor picks particular ones ("all the attacks are being investigated")."""
    word = next(
        (
            c
            for c in trigger.children
            if c.dep_ in ("det", "predet", "amod")
            and cues.has("present_generic_determiner", c.lower_)
        ),
        None,
    )
    if word is None or trigger.tag_ != "NNS":
        return None
    if any(
        c.dep_ in ("nummod", "poss") or c.lower_ in ("the", "these", "those")
        for c in trigger.children
    ):
        return None  # "all the attacks", "all three attacks": particular ones
    verb = clause_verb(trigger, chain)
    return word if verb is not None and tense(verb) == "present" else None


def _in_clause(token: Any, verb: Any) -> bool:
    """Does the token hang on the verb with no other verb between them?"""
    while token.i != verb.i:
        token = token.head
        if token.i != verb.i and token.pos_ in ("VERB", "AUX"):
            return False
    return True


def generic(
    trigger: Any, chain: list[tuple[Any, str]], cues: Cues, sentence: str, dated: bool
) -> str:
    lowered = " ".join(sentence.lower().split())
    is_noun = trigger.pos_ in ("NOUN", "PROPN")
    plural_bare = is_noun and _bare_plural(trigger)
    generic_det = next(
        (
            c
            for c in trigger.children
            if cues.has("generic_determiner", c.lower_)
            or (
                c.lower_ in cues.by_kind.get("singular_generic_determiner", ())
                and c.dep_ == "det"
                and trigger.tag_ == "NN"
            )
        ),
        None,
    )
    free_choice = generic_det is not None and cues.has("free_choice_determiner", generic_det.lower_)
    if is_noun and generic_det is not None and (free_choice or not dated):
        return f"generic: '{generic_det.text} {trigger.text}'"
    whole = _whole_kind(trigger, chain, cues) if is_noun and not dated else None
    if whole is not None:  # "all suicide attacks are organised by movements"
        return f"generic: '{whole.text} {trigger.text}' in the present says what such acts are"
    share = _share_of(trigger, cues) if is_noun and not dated else None
    if share is not None:  # "responsible for most of the ambushes"
        return f"generic: '{share.text} of the {trigger.text}' is a share of many acts"
    verb = clause_verb(trigger, chain)
    form = tense(verb) if verb is not None else "nonfinite"
    stat = cues.statistic.search(lowered)
    counted = any(c.dep_ == "nummod" for c in trigger.children) or _in_series(trigger, cues)
    if stat and not counted and (plural_bare or form == "perfect") and not _names_a_day(verb):
        return f"statistic: '{stat.group(0)}'"
    compared = _comparison(trigger, verb, cues) if form == "perfect" and not dated else ""
    if compared:
        return f"statistic: '{compared}' compares totals, not one event"
    if not dated and _kept_from(trigger, cues):
        return f"generic: '{trigger.head.text} {trigger.text}' names a kind of act kept from"
    describer = described_as(trigger, cues)
    if describer is not None:
        return f"generic: '{describer.text} ... as {trigger.text}' says what another act was"
    copula = said_of_people(trigger)
    if copula is not None:
        return f"generic: '{copula.text} ... {trigger.text}' says what people are, no act"
    kind_copula = act_as_subject(trigger) if not dated else None
    if kind_copula is not None:
        return f"generic: '{trigger.text} ... {kind_copula.text}' names a kind of act as a topic"
    classifier = _classifier(trigger, cues) if not dated else None
    if classifier is not None:
        return f"generic: '{classifier.text} of {trigger.text}' classes another act"
    life = _over_a_life(trigger, verb, cues) if not dated else ""
    if life:
        return f"generic: '{life}' tells acts over a lifetime, not one event"
    series = _series(trigger, verb, form, cues) if not dated else None
    if series is not None:
        return f"generic: '{series}' tells a series of acts, not one event"
    years = _over_years(trigger, verb, cues) if not dated else None
    if years is not None:
        return f"generic: 'for {years.text}' tells of years of acts, not one event"
    span = _years_of(trigger, cues) if is_noun else None
    if span is not None:
        return f"generic: '{span.text} of {trigger.text}' is a span of years, not one event"
    rate = _rate_of_people(verb) if not dated else None
    if rate is not None:
        share = " ".join([*(t.text for t in rate.lefts), rate.text])
        return f"statistic: '{share} of ...' is a rate over a population, not one event"
    count = _counted_by(trigger, cues) if not dated else None
    if count is not None:
        return f"statistic: '{count.text} of ... {trigger.text}' counts acts over a time"
    total = _running_total(trigger, cues) if not counted and not dated else None
    if total is not None:
        noun, clause = total
        return f"statistic: '{noun.text} ... {clause.text}' with the perfect is a running total"
    described = (
        verb is not None
        and cues.has("description_verb", verb.lemma_.lower())
        and any(c.dep_ in ("acomp", "attr") for c in verb.children)
    )
    if plural_bare and described and verb is not None and trigger.dep_ in ("nsubj", "nsubjpass"):
        return f"generic: '{trigger.text} {verb.text}' describes, reports no occurrence"
    followed = verb is not None and _followed(trigger, verb, cues)
    if is_noun and not dated and form in PRESENT_TENSES and followed and verb is not None:
        return f"generic: '{verb.text} ... {trigger.text}' follows the events, reports none"
    if form == "progressive" and not dated and _quoted(trigger):
        return f"generic: '{verb.text if verb is not None else trigger.text}' in direct speech"
    passive = verb is not None and any(c.dep_ == "auxpass" for c in verb.children)
    if form == "present" and not dated and verb is not None and _on_a_kind(verb):
        return f"generic: '{verb.text}' tells what happens in '{verb.head.text}', a kind"
    fated = _named_by_fate(trigger) if not dated else None
    if fated is not None:
        words = (
            f"{fated.text} {trigger.text}"
            if fated.lower_ == "those"
            else f"the {fated.text} {trigger.text}"
        )
        return f"generic: '{words}' names people by what befell them"
    if not dated and _standing_allegation(trigger, cues):
        return f"generic: '{trigger.text}' with no accuser and no date: an allegation, no act"
    governor = _finite_governor(trigger, chain) if form == "nonfinite" else None
    if governor is not None and tense(governor) == "present" and not passive:
        form, verb = "present", governor  # "drives out of Oxford to visit his mother"
    if form == "present" and not dated and _finished(sentence):
        word = verb.text if verb is not None else trigger.text
        if not passive:
            return f"generic: present tense '{word}' with no date"
        if verb is not None and _resultant_state(trigger, verb, cues):
            return f"generic: present passive '{word}' with no date tells a state"
    if plural_bare and form in ("present", "nonfinite") and verb is not None and not dated:
        return f"generic: '{trigger.text}' as a kind"
    if plural_bare and _grounds(trigger, cues):  # a date there dates the act it grounds
        return f"generic: '{trigger.head.text} {trigger.text}' names grounds, not one event"
    return ""


def _over_years(trigger: Any, verb: Any, cues: Cues) -> Any | None:
    """'for decades', 'for many years' on the act ("has clashed with the government for
    decades"): a relation that stands over years, not one event. A counted span ("jailed for
    ten years") is a term, and stays."""
    heads = act_heads(trigger, verb)
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "for"):
        for span in (g for g in prep.children if g.dep_ == "pobj"):
            counted = any(c.dep_ == "nummod" for c in span.children)
            if cues.has("long_span", span.lemma_.lower()) and not counted:
                return span
    return None


def _classifier(noun: Any, cues: Cues) -> Any | None:
    """A bare singular act after 'of' on a singular classifier noun that points back to an
    act or says what one was ("the symbolic act of protest", "was an act of war"): what kind
    another act is, not an act of its own ("an act of arson at the mosque" is one, "acts of
    violence" are occurrences)."""
    of = noun.head
    if noun.tag_ != "NN" or noun.dep_ != "pobj" or of.lower_ != "of":
        return None
    if any(c.dep_ in ("det", "poss", "nummod", "predet", "amod") for c in noun.children):
        return None
    head = of.head
    if head.tag_ != "NN" or not cues.has("classifier_noun", head.lemma_.lower()):
        return None
    # "the act of protest" points back to an act told; "was an act of war" says what one
    # was; "an act of arson at the mosque" introduces one, and is it
    return head if definite(head) or head.dep_ in ("attr", "appos") else None


def _kept_from(noun: Any, cues: Cues) -> bool:
    """A bare singular act after 'against' or 'from' on a word of shelter ("insurance against
    assault", "immunity from arrest", "safe from attack"): what someone is kept from, a kind
    of act ("five deaths from fighting" are the fighting's)."""
    prep = noun.head
    if noun.tag_ != "NN" or noun.dep_ != "pobj" or not cues.has("shelter_preposition", prep.lower_):
        return False
    if any(c.dep_ in ("det", "poss", "nummod", "predet", "compound") for c in noun.children):
        return False
    return cues.has("shelter_word", prep.head.lemma_.lower())


def _over_a_life(trigger: Any, verb: Any, cues: Cues) -> str:
    """'all his life' or 'most of his career' on the act: the words, or ''."""
    heads = act_heads(trigger, verb)
    for adjunct in (c for h in heads for c in h.children):
        span = adjunct
        if adjunct.dep_ == "prep":  # "against most of his life", as the parser may read it
            span = next((g for g in adjunct.children if g.dep_ == "pobj"), adjunct)
        if span.lower_ in ("most", "all"):
            of = next((c for c in span.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            noun = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
            if noun is not None and cues.has("lifetime_noun", noun.lemma_.lower()):
                return f"{span.text} of ... {noun.text}"
        lifetime = span.dep_ == "npadvmod" and cues.has("lifetime_noun", span.lemma_.lower())
        if lifetime and any(c.lower_ == "all" for c in span.children):
            return f"all ... {span.text}"
    return ""


def _series(trigger: Any, verb: Any, form: str, cues: Cues) -> str | None:
    """A count of occasions on the act ("committed forces to battle on five separate
    occasions", "has attacked the town several times"): the words, or None. An ordinal ("for
    the first time") counts nothing; 'times' on a past act counts blows or shots of one act
    ("was stabbed several times"), on a perfect or present one a series."""
    heads = act_heads(trigger, verb)
    blows = form not in PRESENT_TENSES  # form: the clause verb's tense, "nonfinite" if none
    for adjunct in (c for h in heads for c in h.children):
        noun = adjunct
        if adjunct.dep_ == "prep" and adjunct.lower_ == "on":
            noun = next((g for g in adjunct.children if g.dep_ == "pobj"), adjunct)
        elif adjunct.dep_ != "npadvmod":
            continue
        lemma = noun.lemma_.lower()
        counted = cues.has("occasion_noun", lemma) or (
            not blows and cues.has("perfect_occasion_noun", lemma)
        )
        if not counted or noun.tag_ != "NNS":
            continue
        for count in noun.children:
            number = count.dep_ == "nummod" and count.like_num
            if number or (count.dep_ == "amod" and cues.has("occasion_quantifier", count.lower_)):
                return f"{count.text} {noun.text}"
    return None


def _years_of(noun: Any, cues: Cues) -> Any | None:
    """'years of' before a noun act ("nine years of embargo", "after decades of war"): the
    act named as a span of a year or more, counted or not, is a period, not one event."""
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of" or of.head.pos_ != "NOUN":
        return None
    return of.head if cues.has("long_span", of.head.lemma_.lower()) else None


def _resultant_state(trigger: Any, verb: Any, cues: Cues) -> bool:
    """The trigger is a verb of placing in the present passive: "140,000 soldiers are
    deployed in Iraq" tells where they are (`state_verb`), and a measure under which the
    passive holds tells a condition ("the county is ruled under martial law"); "activists
    are detained, rights groups say" is news in the present, and "are being attacked" goes
    on now."""
    going_on = any(c.dep_ == "auxpass" and c.tag_ == "VBG" for c in verb.children)
    placing = verb.i == trigger.i and cues.has("state_verb", verb.lemma_.lower())
    governed = cues.has("governing_verb", verb.lemma_.lower())  # not "are placed under"
    under = trigger.dep_ == "pobj" and trigger.head.lower_ == "under" and trigger.head.head == verb
    return bool((placing or (under and governed)) and not going_on)


def _comparison(trigger: Any, verb: Any, cues: Cues) -> str:
    """'more ... than' on the victims of an act told in the perfect, with no date, compares
    two totals ("More journalists have been killed in two years than in twenty years of
    war"): no one event. One act's victims compared ("the strike killed more civilians than
    militants") and a dated act ("killed more rebels on Monday than in all of May") stay.
    "more than 20 people were killed" is a count, not a comparison: the word right after the
    comparative is then 'than'."""
    doc = trigger.doc
    heads = [trigger, *([verb] if verb is not None else [])]
    nouns = [c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    for noun in [*nouns, *([trigger] if trigger.pos_ == "NOUN" else [])]:
        for c in noun.children:
            if c.dep_ not in ("amod", "advmod", "det") or not cues.has(
                "comparative_word", c.lower_
            ):
                continue
            follows = doc[c.i + 1].lower_ if c.i + 1 < len(doc) else ""
            if follows != "than" and any(t.lower_ == "than" for t in doc[noun.i + 1 :]):
                return f"{c.text} {noun.text} ... than"
    return ""


def _running_total(trigger: Any, cues: Cues) -> tuple[Any, Any] | None:
    """A plural act, bare or counted, and the perfect relative clause that gives its toll
    ("attacks that have killed thousands", "two wars in which thousands have been killed",
    the trigger being either word), or a period's toll in the perfect ("the war has killed
    100,000", "a war which has killed at least 20,000"; ``period_noun``): a toll so far, not
    one event (ACLED codes single events, never running totals). "Protests that have spread
    to five cities" gives no toll; "rebels who have killed 12" names people, not acts."""
    if trigger.dep_ == "relcl":
        noun, clause = trigger.head, trigger
    elif trigger.pos_ == "VERB":  # "the war has killed": its subject
        noun = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
        clause = trigger
    else:
        noun = trigger
        clause = next((c for c in trigger.children if c.dep_ == "relcl"), None)
    if clause is None or noun is None or tense(clause) != "perfect":
        return None
    period = cues.has("period_noun", noun.lemma_.lower())
    if trigger.pos_ == "VERB" and trigger.dep_ != "relcl" and not period:
        return None  # "landmines have killed 12 children": a report of acts, not a total
    if not (_plural_set(noun) or period):
        return None
    if noun.ent_type_ == "PERSON" or cues.has("people_noun", noun.lemma_.lower()):
        return None
    if not cues.has("toll_verb", clause.lemma_.lower()):
        return None
    toll = [t for t in clause.subtree if t.i > clause.i]  # "that have killed thousands"
    for victims in (c for c in clause.children if c.dep_ == "nsubjpass"):
        toll += list(victims.subtree)  # "wars in which thousands have been killed"
    counted = any(
        t.like_num or t.pos_ == "NUM" or cues.has("magnitude_noun", t.lemma_.lower()) for t in toll
    )
    return (noun, clause) if counted else None


def _plural_set(noun: Any) -> bool:
    """A plural with no determiner, or with a number ("two wars"): several acts, not named
    ones."""
    return bool(
        noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "predet") for c in noun.children)
    )


def _on_a_kind(verb: Any) -> bool:
    """A present-tense relative clause on a bare plural tells what happens in such cases
    ("incidents in which journalists are killed", "attacks that kill civilians")."""
    return verb.dep_ in ("relcl", "acl:relcl") and _bare_plural(verb.head)


def _named_by_fate(trigger: Any) -> Any | None:
    """A passive participle on a definite plural of people or on 'those', with no number or
    date of its own ("white crosses representing the soldiers killed in Iraq", "families of the
    protesters detained in the unrest"): names people by what befell them over a time, not
    one event. A number ("the three soldiers killed") or a day ("killed on Monday") makes it
    one. The noun, or None."""
    noun = trigger.head
    if trigger.tag_ != "VBN" or trigger.dep_ != "acl":
        return None
    kids = list(noun.children)
    those = noun.lower_ == "those"  # "the families of those killed"
    if not those and (
        noun.tag_ not in ("NNS", "NNPS")
        or not definite(noun)
        or any(c.dep_ == "nummod" for c in kids)
        or not names_people(noun)
    ):
        return None
    dated = any(t.ent_type_ in ("DATE", "TIME", "CARDINAL") for t in trigger.subtree)
    return None if dated else noun


PERCENT_WORDS = frozenset({"%", "percent", "pct"})


def _rate_of_people(verb: Any) -> Any | None:
    """A percentage of a group of people as the clause's subject ("29% of the veterans were
    victims of assault", "40 percent of the detainees were tortured"): a rate over a
    population, no one event. The percentage word, or None."""
    if verb is None:
        return None
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        per_cent = subject.lower_ == "cent" and subject.i > 0 and subject.nbor(-1).lower_ == "per"
        if subject.lower_ not in PERCENT_WORDS and not per_cent:
            continue
        groups = [
            g
            for c in subject.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if any(g.lemma_.lower() in word_list("@people") or names_people(g) for g in groups):
            return subject
    return None


def _counted_by(trigger: Any, cues: Cues) -> Any | None:
    """The count of the people an act's participle names over many acts or a period ("the
    number of people killed in the riots has reached 120"): a total, not one event. The noun
    of count, or None. One act's toll ("the number of people killed in the blast") and a
    count of people doing something ("the number of people protesting") stay."""
    noun = trigger.head
    if trigger.tag_ != "VBN" or trigger.dep_ != "acl" or noun.dep_ != "pobj":
        return None
    people = noun.lemma_.lower() in word_list("@people") or names_people(noun)
    if noun.head.lower_ != "of" or not people:
        return None
    if any(c.dep_ == "nummod" for c in noun.children):
        return None
    count = noun.head.head
    if not cues.has("count_noun", count.lemma_.lower()):
        return None
    scope = [
        g
        for c in trigger.children
        if c.lower_ in ("in", "during", "since")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    over_many = any(
        g.tag_ in ("NNS", "NNPS") or cues.has("period_noun", g.lemma_.lower()) for g in scope
    )
    return count if over_many else None


def _standing_allegation(trigger: Any, cues: Cues) -> bool:
    """ "The government stands accused of ...", "is blamed for ...", "a translator accused of
    leaking": a passive participle of accusing with no one who makes it ('by ...') reports no
    one's act of accusing."""
    # a reduced relative is a passive participle, whatever its tag, unless it is in -ing
    # ("a report accusing the army of torture" names its accuser, the report)
    participle = trigger.tag_ == "VBN" or (trigger.dep_ == "acl" and trigger.tag_ != "VBG")
    if not participle or not cues.has("allegation_verb", trigger.lemma_.lower()):
        return False
    kids = list(trigger.children)
    # "the translator accused of leaking": a reduced relative says who someone is
    passive = any(c.dep_ == "auxpass" for c in kids) or trigger.dep_ in (
        "acomp",
        "xcomp",
        "oprd",
        "acl",
    )
    # "accused in a UN report of", "by rebels": the accuser or the accusation is named
    named = any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ not in _GROUNDS) for c in kids)
    return passive and not named


_GROUNDS = frozenset({"of", "for", "over"})  # what the accused is accused of


def _followed(noun: Any, verb: Any, cues: Cues) -> bool:
    """The noun act is what someone watches, follows or monitors ("people around the world
    are watching these historic protests"): the sentence tells the attention the events get."""
    return bool(
        noun.dep_ == "dobj"
        and noun.head.i == verb.i
        and cues.has("attention_verb", verb.lemma_.lower())
    )


def _bare_plural(noun: Any) -> bool:
    return bool(
        noun.tag_ == "NNS"
        and not any(c.dep_ in ("det", "poss", "nummod", "predet") for c in noun.children)
    )


def _grounds(trigger: Any, cues: Cues) -> bool:
    """A bare plural after a preposition of grounds ("sanctions over attacks on civilians",
    "condemned for abuses") names a kind of act as a reason, not an occurrence."""
    return bool(trigger.dep_ == "pobj" and cues.has("grounds_preposition", trigger.head.lower_))


def in_series(trigger: Any) -> bool:
    """ "a series of accidents": anchored by its series noun, like a number."""
    return _in_series(trigger, load_cues())


def _in_series(trigger: Any, cues: Cues) -> bool:
    """ "a series of accidents", "a wave of attacks": a run of events, reported as one."""
    prep = trigger.head
    return bool(
        trigger.dep_ == "pobj"
        and prep.lower_ == "of"
        and cues.has("series_noun", prep.head.lemma_.lower())
    )


def _finished(sentence: str) -> bool:
    """A full sentence (headlines and captions use the present for past events)."""
    return sentence.rstrip(" \"'”’)").endswith((".", "!"))


def _quoted(token: Any) -> bool:
    """Inside a direct quotation: an odd number of double quotes before the token."""
    before: str = token.doc.text[: token.idx]
    straight = before.count('"') % 2 == 1
    return straight or before.count("“") > before.count("”")
