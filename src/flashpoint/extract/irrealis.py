"""Asked, conditional or only wished: a candidate whose sentence does not assert it happened.

:func:`asked` reads questions, conditions ("if the talks fail", "in case of an attack") and
what is only possible; :func:`irrealis` reads what is wanted, urged, feared, expected, called
for, compared with or a duty, and an order or an aim. Both walk the trigger's own proposition
(``clauses.proposition``) against ``data/realis_cues.tsv`` and return ``""`` or
``"code: words"`` like :func:`flashpoint.extract.realis.judge`, which calls them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flashpoint.extract.clause_parts import takes_to
from flashpoint.extract.clauses import (
    SUBJECT_EDGES,
    Cues,
    clause_verb,
    definite,
    load_cues,
    participle_of,
    proposition,
    shares_subject,
    tense,
    uncertain_content,
)
from flashpoint.extract.patients import antecedent
from flashpoint.extract.triggers import names_people


def asked(trigger: Any, chain: list[tuple[Any, str]], cues: Cues, sentence: str) -> str:
    if sentence.rstrip(" \"'”’)").endswith("?"):
        return "hypothetical: a question"
    if participle_of(trigger) and tense(trigger.head) == "modal":  # "can detonate, killing"
        return f"hypothetical: '{trigger.head.text}' is only possible"
    tokens = [trigger, *(t for t, _ in chain)]
    if chain:  # the clause that was left last may be an "if" clause
        tokens.append(chain[-1][0])
    if shares_subject(trigger):  # "if police tried to stop us and arrest": both conditional
        tokens += [trigger.head, *(t for t, _ in proposition(trigger.head))]
    top = tokens[-1]
    for tok in {*tokens, top}:
        for c in tok.children:
            if c.dep_ == "mark" and cues.has("conditional_mark", c.lower_):
                return f"hypothetical: '{c.text}'"
    under = _pending_under_modal(top, cues)
    if under is not None:  # "weeks can pass before a bureau confirms an arrest"
        mark, main = under
        return f"hypothetical: '{mark.text} ...' under '{main.text}' is only possible"
    pending = _pending_gerund(trigger, cues)
    if pending is not None:  # "would have had to see the case before voting"
        return f"hypothetical: '{pending.text} {trigger.text}' under a modal is only possible"
    return _phrase_reading(trigger, cues)


def _phrase_reading(trigger: Any, cues: Cues) -> str:
    """What the words around the trigger make of it, read in order: a condition opened by 'in
    case', a likeness, a topic, a consequence, an inverted condition (``PHRASE_READERS``)."""
    for find, say in PHRASE_READERS:
        found = find(trigger, cues)
        if found is not None:
            return f"hypothetical: {say(found)}"
    return ""


def _likened(trigger: Any, cues: Cues) -> Any | None:
    """The 'like' on a verb whose clause holds the verb trigger or the verb it is coordinated
    with ("was like being picked up ... and slammed on the ground"); "acts like burning the
    mosque" names an example ('such as'), not a likeness."""
    verb = trigger.head if trigger.dep_ == "conj" else trigger
    if verb.dep_ != "pcomp" or verb.pos_ not in ("VERB", "AUX"):
        return None
    like = verb.head  # on a verb ('felt like', 'was like'); on a noun it means 'such as'
    on_verb = like.head.pos_ in ("VERB", "AUX")
    return like if on_verb and cues.has("likeness_preposition", like.lower_) else None


def _topic_of(trigger: Any, cues: Cues) -> Any | None:
    """The 'about' or 'of' on a word of talk, thought or attitude whose active -ing clause
    holds the trigger ("talked about bombing the station", "nervous about attacking the
    city"): what one talks or thinks of doing is a topic, not an act told. A passive or
    perfect -ing clause recounts what happened ("spoke of being beaten", "talked about having
    fled"), as does one with a subject of its own; only a verb with its object is surely a
    doing."""
    verb = trigger.head if trigger.dep_ == "conj" else trigger
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG":
        return None
    # its own subject ("spoke about soldiers shooting villagers") or a clause on it ("talked
    # about shelling that lasted all night") makes it an act told, not one's own topic
    if any(c.dep_ in ("auxpass", "aux", "nsubj", "relcl", "acl") for c in verb.children):
        return None
    if not any(c.dep_ == "dobj" for c in verb.children):
        return None  # a bare -ing may name the act as a noun does ("talked about shelling")
    prep = verb.head
    governor = prep.head
    if not cues.has("topic_preposition", prep.lower_):
        return None
    return prep if cues.has("topic_governor", governor.lemma_.lower()) else None


def _in_case(trigger: Any, cues: Cues) -> Any | None:
    """The noun of 'in case ...' with no article above the trigger, through its clause or its
    'of' ("carried their papers in case they were stopped and detained", "in case of an
    attack"): a condition, not a report ("in the case of the detained journalists" is one)."""
    tok = trigger
    for _ in range(4):
        head = tok.head
        if head.i == tok.i or tok.dep_ not in ("conj", "acl", "pobj", "prep", "relcl"):
            break
        if _condition_noun(head, cues):
            return head
        tok = head
    return _case_before(trigger, cues)


def _case_before(clause: Any, cues: Cues) -> Any | None:
    """'in case' right before a clause the parser hung beside it, not under it ("stayed in
    case they were detained": 'detained' a clausal complement of 'stayed')."""
    if clause.dep_ not in ("ccomp", "advcl"):
        return None
    start = clause.left_edge.i
    for prep in (c for c in clause.head.children if c.dep_ == "prep" and c.lower_ == "in"):
        noun = next((g for g in prep.children if g.dep_ == "pobj" and g.i == start - 1), None)
        if noun is not None and _condition_noun(noun, cues):
            return noun
    return None


def _condition_noun(noun: Any, cues: Cues) -> bool:
    """'case' after 'in' with no article or possessor: 'in case', a condition ("in the case
    of" is not one); 'event' after 'in the', before 'of' or 'that': 'in the event of'."""
    if not (noun.dep_ == "pobj" and noun.head.lower_ == "in"):
        return False
    lemma = noun.lemma_.lower()
    determiners = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss")]
    if not determiners:
        return cues.has("conditional_noun", lemma)
    after = noun.doc[noun.i + 1].lower_ if noun.i + 1 < len(noun.doc) else ""
    opens = after in ("of", "that")
    return determiners == ["the"] and opens and cues.has("conditional_definite_noun", lemma)


def _inverted(verb: Any) -> Any | None:
    """A condition told by inversion: "Had he been killed in that action", "Were the army
    to withdraw": the auxiliary stands before the subject, at the clause's start."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    auxes = (c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < subject.i)
    first = next((a for a in auxes if a.lower_ in ("had", "were", "should")), None)
    return first if first is not None and first.i == verb.left_edge.i else None


def _condition(trigger: Any) -> Any:
    """The 'if' of a condition on the trigger's own clause, when that clause is not in the
    past ("girls risk being attacked if their clothes are not 'proper'"): a consequence, not
    a report. A past act with an if-clause stays a report hedged ("if confirmed, the strike
    killed 40", "attacked the convoy, if witnesses are to be believed"), and so do "even if"
    and "as if"."""
    if trigger.pos_ not in ("VERB", "AUX") or tense(trigger) == "past":
        return None
    for clause in (c for c in trigger.children if c.dep_ == "advcl"):
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            continue
        for c in clause.children:
            if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                before = c.doc[c.i - 1].lower_ if c.i > 0 else ""
                return None if before in ("even", "as") else c
    return None


def _predicated_modal(trigger: Any, cues: Cues) -> Any | None:
    """The noun a copula predicates of the act that makes it expected ("an attack on Britain
    was a certainty", "fresh clashes are a real possibility")."""
    verb = trigger.head
    if trigger.dep_ not in ("nsubj", "csubj") or verb.lemma_ != "be":
        return None  # a clause too: "shelling the port was an option"
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "attr"
            and cues.has("modal_noun", c.lemma_.lower())
            and not any(d.lower_ == "the" for d in c.children)  # "the only option": a choice made
        ),
        None,
    )


def _compared_with(chain: list[tuple[Any, str]], cues: Cues) -> Any | None:
    """The comparison verb whose 'to' or 'with' phrase holds the trigger ("compared the
    damage to the effects of an atom bomb"), or None."""
    below = None
    for tok, edge in chain:
        if edge in SUBJECT_EDGES:
            return None
        comparing = cues.has("comparison_verb", tok.lemma_.lower())
        if comparing and edge == "prep" and below is not None and below.lower_ in ("to", "with"):
            return tok
        below = tok
    return None


def irrealis(trigger: Any, chain: list[tuple[Any, str]], cues: Cues, sentence: str) -> str:
    if _infinitive_aim(trigger):
        return f"irrealis: 'to {trigger.text}' names an aim, not a done act"
    if _imperative(trigger):
        return f"irrealis: '{trigger.text}' is an order, not a done act"
    expected = _predicated_modal(trigger, cues)
    if expected is not None:
        return f"irrealis: '{trigger.text} ... {expected.text}' is expected, not reported"
    for tok, edge in [(trigger, ""), *chain]:  # a wh-infinitive, up to a subject
        if tok.pos_ == "NOUN" and tok.i != trigger.i:
            break  # "how to rebuild the homes destroyed in the strike": the strike is told
        if edge == "pobj":
            break  # "whom to arrest after the riot", "how to respond to the riot": told
        asked = _question_word(tok, cues)
        if asked is not None:
            return f"irrealis: '{asked.text} to {tok.text}' asks how or whether, not a done act"
        if edge in SUBJECT_EDGES and not _bare_passive(tok):
            break
    if chain and chain[0][1] == "nsubj" and trigger.pos_ == "NOUN" and names_people(trigger):
        verb = chain[0][0]  # "the suggestion that looters ransacked the museum": their act
        told = irrealis(verb, proposition(verb), cues, sentence)
        if told:
            return told
    unsure = uncertain_content(clause_verb(trigger, chain), cues)
    if unsure is not None:
        return f"irrealis: '{unsure.text} that ... {trigger.text}'"
    likened = _compared_with(chain, cues)
    if likened is not None:
        return f"irrealis: '{likened.text}' compares with the act, not the act"
    below = trigger
    own = True  # the act is the infinitive itself, or a conjunct of it
    for tok, edge in chain:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and cues.has("view_noun", lemma) and _content_clause(below, edge):
            return f"irrealis: '{tok.text} that' puts forward a view"
        # "protesters are calling for ...": the caller acts; but the subject of a bare
        # passive participle is its patient ("with another protest predicted for Friday").
        if edge in SUBJECT_EDGES and not _bare_passive(tok):
            break
        if edge == "conj" and tok.pos_ in ("VERB", "AUX"):  # a sibling, not a governor
            below = tok
            continue
        if edge == "prep" and cues.has("negation_stop_preposition", below.lower_):
            break  # "requested troops after the riot": the riot is told, not asked for
        if tok.pos_ in ("VERB", "AUX", "ADJ") and _irrealis_governor(tok, cues):
            if tok.pos_ == "ADJ" and definite(trigger):  # "afraid of the shelling, which ..."
                below = tok  # the adjective presupposes it; a governor above may not
                own = False
                continue
            return f"irrealis: '{tok.text}'"
        own = own and _plain_infinitive(below)
        judged = _extraposed(tok, edge, cues, own=own) or _judged_kind(tok, edge, cues, own=own)
        if judged is not None:  # "it would be impossible for the army to strike"
            return f"irrealis: '{judged.text}'"
        if edge == "xcomp" and tok.pos_ == "VERB" and cues.has("directive_verb", lemma):
            return f"irrealis: '{tok.text} ... to' tells what to do"
        if edge == "xcomp" and tok.pos_ == "VERB" and _imperative(tok):  # "Try blaming OPEC"
            return f"irrealis: '{tok.text}' is an order, not a done act"
        if _obligation(tok, edge, below, cues):
            return f"irrealis: '{tok.text} to' is a duty, not a done act"
        below = tok
        own = False
        # the parser hangs "for his party to reach a deal" on "pressure" as an adverbial
        on_noun = edge in _NOUN_EDGES or edge == "advcl"
        if tok.pos_ == "NOUN" and cues.has("irrealis_noun", lemma) and on_noun:
            return f"irrealis: '{tok.text}'"
        if tok.pos_ == "NOUN" and tok.i != trigger.i and definite(trigger):
            break  # "demanded an inquiry into the police firing": the firing is presupposed
        if edge == "attr" and tok.lemma_ == "be":  # "what is needed is a dialogue"
            wanted = next((c for c in tok.children if c.dep_ == "csubj"), None)
            if wanted is not None and cues.has("irrealis_governor", wanted.lemma_.lower()):
                return f"irrealis: '{wanted.text}'"
    return ""


def _extraposed(copula: Any, edge: str, cues: Cues, own: bool = False) -> Any | None:
    """The adjective of 'it is ADJ (for X) to VERB', when it does not assert the act: the
    infinitive hangs on the copula, the adjective beside it ("it would be impossible for
    the army to strike", "it is likely to spread"); an adjective of judgement in the present
    judges a kind of act when the act is that infinitive itself (``own``: "it is wrong to
    attack civilians"; not "it is easy to see why they marched")."""
    if copula.lemma_ != "be" or edge not in ("advcl", "xcomp", "ccomp"):
        return None
    judging = own and _of_it(copula) and tense(copula) in ("present", "modal")
    return next(
        (
            c
            for c in copula.children
            if c.dep_ == "acomp"
            and (
                cues.has("irrealis_governor", c.lemma_.lower())
                or (judging and cues.has("evaluative_adjective", c.lemma_.lower()))
            )
        ),
        None,
    )


def _judged_kind(adjective: Any, edge: str, cues: Cues, own: bool) -> Any | None:
    """The adjective of judgement whose to-infinitive is the act itself, the adjective
    predicated of 'it' in the present: "it is wrong to attack civilians" judges a kind of act
    ("it was wrong to attack the town" may tell one)."""
    copula = adjective.head
    if not own or edge != "xcomp" or adjective.dep_ != "acomp" or copula.lemma_ != "be":
        return None
    if tense(copula) not in ("present", "modal") or not _of_it(copula):
        return None
    return adjective if cues.has("evaluative_adjective", adjective.lemma_.lower()) else None


def _plain_infinitive(verb: Any) -> bool:
    """A to-infinitive that is not perfect ("to attack", not "to have attacked", which tells
    a done act, nor a finite 'that' clause, which the adjective presupposes)."""
    return takes_to(verb) and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _of_it(copula: Any) -> bool:
    """The copula's subject is 'it' ("it is wrong to ..."), not a party judged for its own
    act ("the government is wrong to detain them" tells a detention)."""
    return any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in copula.children)


def _obligation(verb: Any, edge: str, complement: Any, cues: Cues) -> bool:
    """'have to' in the present is a duty; in the past it says the act was done."""
    return (
        edge == "xcomp"
        and cues.has("obligation_verb", verb.lemma_.lower())
        and takes_to(complement)
        and tense(verb) != "past"
    )


def _imperative(verb: Any) -> bool:
    """A base-form verb with no subject and no auxiliary, on its own or on the verb it is
    coordinated with ("go and fight those terrorists"), or as the clause a verb of saying or
    demanding governs, or opening the sentence before the clause it hangs on ("Arrest them
    all, the crowd chanted"): an order or a demand, not a report. A bare infinitive under a
    causative ("made them fight") is the causative's complement."""
    if verb.tag_ != "VB":
        return False
    head = verb
    while head.dep_ == "conj" and head.head.tag_ == "VB":
        head = head.head
    if head.dep_ == "advcl" and _opens_sentence(head) and not _subject_or_marker(head):
        return True  # "Arrest them all, the crowd chanted", "Kidnap me, kidnap us all!"
    if head.dep_ in ("xcomp", "advcl", "relcl", "acl"):
        return False  # a quoted order or a mandative "demanded he fight" (ccomp) is no report
    return not _subject_or_marker(verb) and not _subject_or_marker(head)


def _subject_or_marker(verb: Any) -> bool:
    """A subject, an auxiliary or a subordinating word on the verb; a name before a base
    form is a vocative the parser took for a subject ("George go")."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass", "mark")
        and not (c.dep_ == "nsubj" and c.tag_ == "NNP")
        for c in verb.children
    )


def _opens_sentence(verb: Any) -> bool:
    """Is the base form the sentence's first word (after quote marks)? A bare base form
    opening a sentence before its clause's governor is an order; 'to' or 'in order to' would
    make it an aim."""
    first = verb.sent.start
    while first < verb.i and verb.doc[first].is_quote:
        first += 1
    return bool(first == verb.i and verb.i < verb.head.i)


def _bare_passive(verb: Any) -> bool:
    """A past participle with a subject and no auxiliary: an absolute or reduced passive
    ("with a protest predicted", which the tagger may read as a past tense: the opening
    "with" gives the absolute construction away)."""
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    absolute = any(c.dep_ == "prep" and c.lower_ == "with" and c.i < verb.i for c in verb.children)
    return verb.tag_ == "VBN" or (verb.tag_ == "VBD" and absolute)


def _pending_under_modal(clause: Any, cues: Cues) -> tuple[Any, Any] | None:
    """The 'before' or 'until' of an adverbial clause whose main clause is modal ("weeks can
    pass before ...", "it may take days until ..."), or the 'when', 'once' or 'as soon as' of
    one in the present tense ("will study the report as soon as it is released": English
    tells a future time with the present there): what it tells has not happened."""
    main = clause.head
    adverb = main.pos_ == "ADV" and main.dep_ == "advmod"  # "as soon as": on 'soon'
    if adverb:
        main = main.head
    if clause.dep_ != "advcl" or tense(main) != "modal":
        return None
    present = tense(clause) == "present"
    as_soon = adverb and cues.has("future_time_adverb", clause.head.lower_)
    for c in clause.children:
        if c.dep_ != "mark":
            continue
        if cues.has("pending_mark", c.lower_):
            return c, main
        if present and (cues.has("future_time_mark", c.lower_) or (as_soon and c.lower_ == "as")):
            return c, main
    return None


def _pending_gerund(trigger: Any, cues: Cues) -> Any | None:
    """The 'before' or 'until' of an -ing clause on a modal clause, or on the infinitive a
    modal governs ("would have had to be shown the case before voting"): not yet done."""
    if trigger.dep_ != "pcomp" or not cues.has("pending_mark", trigger.head.lower_):
        return None
    verb = trigger.head.head
    while verb.dep_ == "xcomp" and tense(verb) == "nonfinite" and verb.head.i != verb.i:
        verb = verb.head
    return trigger.head if verb.pos_ in ("VERB", "AUX") and tense(verb) == "modal" else None


def _question_word(verb: Any, cues: Cues) -> Any | None:
    """The question word of a wh-infinitive ("ideas on how to beat the insurgency", "did not
    know whether to arrest them"): an embedded question or a method, which never asserts the
    act. A relative pronoun ("which the rebels managed to capture") is none."""
    if verb.pos_ not in ("VERB", "AUX") or not takes_to(verb):
        return None
    return next(
        (
            c
            for c in verb.children
            if c.i < verb.i
            and c.dep_ in ("advmod", "mark", "dobj", "nsubj")
            and cues.has("question_word", c.lower_)
            and antecedent(c) is c
        ),
        None,
    )


def _infinitive_aim(trigger: Any) -> bool:
    """A to-infinitive that modifies a noun or stands as a relative ("a plot to bomb",
    "the decision to withdraw") names what is aimed at, not what was done; an attempt to act
    is partly the act ("detained during an attempt to protest")."""
    return bool(
        trigger.tag_ == "VB"
        and trigger.dep_ in ("relcl", "acl")
        and takes_to(trigger)
        and not load_cues().has("attempt_noun", trigger.head.lemma_.lower())
    )


_NOUN_EDGES = frozenset({"acl", "prep", "pobj", "xcomp", "compound"})


def _case_words(case: Any) -> str:
    return f"'in {case.doc[case.left_edge.i : case.i + 1].text}' opens a condition"


# Each reader finds the word that makes the trigger's phrase no report, and says so.
PHRASE_READERS: tuple[tuple[Callable[[Any, Cues], Any | None], Callable[[Any], str]], ...] = (
    (_in_case, _case_words),  # "in case they were detained", "in case of an attack"
    (_likened, lambda like: f"'{like.text} ...' likens, tells no act"),  # "felt like being shot"
    (_topic_of, lambda p: f"'{p.head.text} {p.text} ...' names a topic, tells no act"),
    (lambda t, _: _condition(t), lambda m: f"'{m.text} ...' makes it a consequence"),
    (lambda t, _: _inverted(t), lambda v: f"'{v.text} ...' before its subject is a condition"),
)


def _irrealis_governor(tok: Any, cues: Cues) -> bool:
    """An irrealis governor, by lemma or as a phrasal verb with its particle or adverb
    ("look forward to discussing": anticipated, not told done)."""
    lemma = tok.lemma_.lower()
    if cues.has("irrealis_governor", lemma):
        return True
    parts = (c for c in tok.children if c.dep_ in ("prt", "advmod"))
    return any(cues.has("irrealis_governor", f"{lemma} {c.lower_}") for c in parts)


def _content_clause(clause: Any, edge: str) -> bool:
    """The clause is a noun's that-clause ("the theory that the army shelled the town"); the
    parser may call it a relative clause when it has a subject of its own ("the hypothesis
    that the plane was shot down")."""
    if edge not in ("acl", "relcl"):
        return False
    that = next((c for c in clause.children if c.lower_ == "that"), None)
    if that is None:
        return False
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.i != that.i for c in clause.children)
    return that.dep_ == "mark" or (edge == "relcl" and own_subject)
